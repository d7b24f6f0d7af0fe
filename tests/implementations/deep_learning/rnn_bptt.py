"""Known mistakes in deep_learning/rnn_bptt (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

STEP = "        dZ[t] = (dH[t] + carry) * (1.0 - H[t] ** 2)\n"

MUTANTS = [
    Mutant(
        "last_step_only",
        "only the last step's dH enters the backward pass",
        replace=[(STEP, "        dZ[t] = (dH[t] * (t == T - 1) + carry) * (1.0 - H[t] ** 2)\n")],
        message="only the last step's dH is used",
    ),
    Mutant(
        "one_step_truncation",
        "dz_t is not carried back through Wh to the earlier steps",
        replace=[(STEP, "        dZ[t] = dH[t] * (1.0 - H[t] ** 2)\n")],
        message="one-step truncation",
    ),
    Mutant(
        "tanh_prime_at_previous_state",
        "tanh' evaluated at h_{t-1}",
        replace=[(STEP, "        dZ[t] = (dH[t] + carry) * (1.0 - H_prev[t] ** 2)\n")],
        message="tanh' is evaluated at h_{t-1}",
    ),
    Mutant(
        "dWh_from_h_t",
        "dWh = Σ h_tᵀ dz_t",
        replace=[("H_prev.T @ dZ", "H.T @ dZ")],
        message="dWh is built from h_t instead of h_{t-1}",
    ),
    Mutant(
        "dWh_transposed",
        "dWh = Σ dz_tᵀ h_{t-1}",
        replace=[("H_prev.T @ dZ", "dZ.T @ H_prev")],
        message="dWh is transposed",
    ),
    Mutant(
        "H_includes_h0",
        "H holds h0 … h_T",
        replace=[("return RNN(H, ", "return RNN(np.vstack([h0, H]), ")],
        message="H includes h0",
    ),
    Mutant(
        "dh0_without_Wh",
        "dh0 = dz_1 (the last step through Wh forgotten)",
        replace=[("dZ @ Wx.T, carry,", "dZ @ Wx.T, dZ[0],")],
        message="dh0 is wrong",
    ),
    Mutant(
        "db_mean",
        "db averaged over the steps",
        replace=[("dZ.sum(axis=0))", "dZ.mean(axis=0))")],
        message="db is wrong",
    ),
    Mutant(
        "dH_modified_in_place",
        "adds the carried gradient into the caller's dH",
        replace=[
            (STEP, "        dH[t] += carry\n        dZ[t] = dH[t] * (1.0 - H[t] ** 2)\n"),
        ],
        message="modified its input",
    ),
    Mutant(
        "no_dH_check",
        "accepts a dH with extra rows",
        replace=[("    if dH.shape != (T, d_h):\n", "    if dH.shape[1:] != (d_h,):\n")],
    ),
    Mutant(
        "no_bias_check",
        "broadcasts a bias of length 1",
        replace=[(" or b.shape != (d_h,):", ":")],
    ),
]

VARIANTS = [
    Variant(
        "total_hidden_gradient",
        "carries the total dL/dh_t (dH_t plus what flows back from step t + 1) and "
        "accumulates the weight gradients with outer products inside the loop",
        append="""
def rnn_forward_backward(X, h0, Wx, Wh, b, dH):
    X, h0, Wx, Wh, b, dH = (np.array(a, dtype=float) for a in (X, h0, Wx, Wh, b, dH))
    if X.ndim != 2 or h0.ndim != 1 or len(X) == 0 or X.shape[1] == 0 or h0.size == 0:
        raise ValueError("X must be (T, d_in) and h0 (d_h,), none empty")
    T, d_in = X.shape
    d_h = len(h0)
    if (Wx.shape, Wh.shape, b.shape, dH.shape) != ((d_in, d_h), (d_h, d_h), (d_h,), (T, d_h)):
        raise ValueError("the shapes do not fit")
    hs = [h0]
    for t in range(T):
        hs.append(np.tanh(X[t] @ Wx + hs[-1] @ Wh + b))
    dX = np.zeros_like(X)
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)
    dh = np.zeros(d_h)  # dL/dh_t from the steps after t
    for t in range(T, 0, -1):
        dh = dh + dH[t - 1]
        dz = dh * (1 - hs[t] * hs[t])
        dX[t - 1] = Wx @ dz
        dWx += np.outer(X[t - 1], dz)
        dWh += np.outer(hs[t - 1], dz)
        db += dz
        dh = Wh @ dz
    return RNN(np.array(hs[1:]), dX, dh, dWx, dWh, db)
""",
    ),
]
