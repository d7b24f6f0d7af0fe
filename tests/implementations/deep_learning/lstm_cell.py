"""Known mistakes in deep_learning/lstm_cell (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

TOTAL = "    dc_total = dc + dh * o * (1.0 - tc**2)\n"

MUTANTS = [
    Mutant(
        "no_path_through_h",
        "the cell gradient is dc alone",
        replace=[(TOTAL, "    dc_total = dc + 0 * tc\n")],
        message="misses the path through h",
    ),
    Mutant(
        "tanh_prime_from_c",
        "tanh'(c) written 1 - c²",
        replace=[(TOTAL, "    dc_total = dc + dh * o * (1.0 - c**2)\n")],
        message="tanh'(c) written 1 − c²",
    ),
    Mutant(
        "dc_prev_without_f",
        "dc_prev = total dc",
        replace=[("dc_total * f, x.T", "dc_total, x.T")],
        message="dc_prev without ⊙ f",
    ),
    Mutant(
        "gate_order_igfo",
        "reads the blocks as i, g, f, o (TensorFlow's LSTMBlockCell)",
        replace=[
            (
                "    f = _sigmoid(z[:, d_h : 2 * d_h])\n",
                "    f = _sigmoid(z[:, 2 * d_h : 3 * d_h])\n",
            ),
            (
                "    g = np.tanh(z[:, 2 * d_h : 3 * d_h])\n",
                "    g = np.tanh(z[:, d_h : 2 * d_h])\n",
            ),
            (
                "            dc_total * c_prev * f * (1.0 - f),\n"
                "            dc_total * i * (1.0 - g**2),\n",
                "            dc_total * i * (1.0 - g**2),\n"
                "            dc_total * c_prev * f * (1.0 - f),\n",
            ),
        ],
        message="the gates are taken in the order i, g, f, o",
    ),
    Mutant(
        "forget_bias_one",
        "adds Keras's unit forget bias",
        replace=[
            (
                "    f = _sigmoid(z[:, d_h : 2 * d_h])\n",
                "    f = _sigmoid(z[:, d_h : 2 * d_h] + 1)\n",
            )
        ],
    ),
    Mutant(
        "o_gate_tanh_prime_missing",
        "dz_o without σ'",
        replace=[("            dh * tc * o * (1.0 - o),\n", "            dh * tc,\n")],
    ),
    Mutant(
        "dW_mean_over_batch",
        "dW divided by the batch size N",
        replace=[("x.T @ dz, h_prev.T", "x.T @ dz / N, h_prev.T")],
    ),
    Mutant(
        "naive_sigmoid",
        "σ(z) = 1/(1 + exp(-z)), overflowing for z = -1e3",
        replace=[
            (
                "    e = np.exp(-np.abs(z))\n"
                "    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n",
                "    return 1.0 / (1.0 + np.exp(-z))\n",
            )
        ],
        message="floating-point error",
    ),
    Mutant(
        "both_branches_sigmoid",
        "np.where over both branches, each exp(±z) evaluated everywhere (overflow)",
        replace=[
            (
                "    e = np.exp(-np.abs(z))\n"
                "    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n",
                "    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))\n",
            )
        ],
        message="floating-point error",
    ),
    Mutant(
        "no_shape_checks",
        "lets b of the wrong length and a 1-D dc broadcast",
        replace=[
            (" or b.shape != (4 * d_h,):", ":"),
            (
                '    for name, a in (("dh", dh), ("dc", dc)):\n        if a.ndim != 2:\n',
                "    if False:\n        if True:\n",
            ),
            (
                '    for name, a in (("h_prev", h_prev), ("c_prev", c_prev), ("dh", dh), ("dc", dc)):\n',
                '    for name, a in (("h_prev", h_prev),):\n',
            ),
        ],
    ),
    Mutant(
        "c_prev_in_place",
        "scales the caller's c_prev in place by f",
        replace=[
            (
                "    c = f * c_prev + i * g\n",
                "    c_old = c_prev.copy()\n    c_prev *= f\n    c = c_prev + i * g\n    c_prev = c_old\n",
            )
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "per_gate_weights",
        "splits W, U and b into four gates first; sigmoid as (1 + tanh(z/2))/2; dW and dU "
        "assembled gate by gate",
        append="""
def lstm_cell_forward_backward(x, h_prev, c_prev, W, U, b, dh, dc):
    x, h_prev, c_prev, W, U, b, dh, dc = (
        np.array(a, dtype=float) for a in (x, h_prev, c_prev, W, U, b, dh, dc)
    )
    if any(a.ndim != 2 for a in (x, h_prev, c_prev, W, U, dh, dc)) or b.ndim != 1:
        raise ValueError("x, h_prev, c_prev, W, U, dh and dc must be 2-D, b 1-D")
    N, d_in = x.shape
    d_h = h_prev.shape[1]
    if min(N, d_in, d_h) == 0:
        raise ValueError("empty input")
    if not (h_prev.shape == c_prev.shape == dh.shape == dc.shape == (N, d_h)):
        raise ValueError("h_prev, c_prev, dh and dc must be (N, d_h)")
    if W.shape != (d_in, 4 * d_h) or U.shape != (d_h, 4 * d_h) or b.shape != (4 * d_h,):
        raise ValueError("W, U or b does not fit")
    sig = lambda z: 0.5 * (1.0 + np.tanh(0.5 * z))  # noqa: E731
    Ws, Us, bs = np.split(W, 4, axis=1), np.split(U, 4, axis=1), np.split(b, 4)
    zs = [x @ Ws[k] + h_prev @ Us[k] + bs[k] for k in range(4)]
    i, f, g, o = sig(zs[0]), sig(zs[1]), np.tanh(zs[2]), sig(zs[3])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    do = dh * np.tanh(c)
    dcell = dc + dh * o * (1 - np.tanh(c) ** 2)
    dzs = [dcell * g * i * (1 - i), dcell * c_prev * f * (1 - f), dcell * i * (1 - g * g),
           do * o * (1 - o)]
    dx = sum(dzs[k] @ Ws[k].T for k in range(4))
    dhp = sum(dzs[k] @ Us[k].T for k in range(4))
    dW = np.hstack([x.T @ d for d in dzs])
    dU = np.hstack([h_prev.T @ d for d in dzs])
    db = np.concatenate([d.sum(axis=0) for d in dzs])
    return LSTM(h, c, dx, dhp, dcell * f, dW, dU, db)
""",
    ),
]
