"""Known mistakes in deep_learning/maxpool2d (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

ADD_AT = "    np.add.at(dX, (n, c, rows, cols), dY)  # overlapping windows may share a winner\n"

VALIDATE = """
def _validate(X, dY, kernel_size, stride):
    X = np.asarray(X, dtype=float)
    dY = np.asarray(dY, dtype=float)
    if X.ndim != 4:
        raise ValueError("X must be 4-D")
    for v in (kernel_size, stride if stride is not None else kernel_size):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise ValueError("kernel_size and stride must be integers >= 1")
    k = int(kernel_size)
    s = k if stride is None else int(stride)
    N, C, H, W = X.shape
    if k > H or k > W:
        raise ValueError("window larger than the image")
    Ho, Wo = (H - k) // s + 1, (W - k) // s + 1
    if dY.shape != (N, C, Ho, Wo):
        raise ValueError("dY has the wrong shape")
    return X, dY, k, s, Ho, Wo
"""

MUTANTS = [
    Mutant(
        "gradient_to_every_tie",
        "the gradient sent to every tied maximum (mask X == max)",
        replace=[
            (
                ADD_AT,
                "    hit = flat == Y[..., None]\n"
                "    for a in range(k * k):\n"
                "        r = np.arange(Ho)[:, None] * s + a // k\n"
                "        q = np.arange(Wo)[None, :] * s + a % k\n"
                "        np.add.at(dX, (n, c, r, q), dY * hit[..., a])\n",
            )
        ],
        message="every tied maximum",
    ),
    Mutant(
        "assign_not_accumulate",
        "= instead of += where overlapping windows share a winner",
        replace=[(ADD_AT, "    dX[n, c, rows, cols] = dY\n")],
        message="overwrite each other",
    ),
    Mutant(
        "last_maximum_on_ties",
        "the last maximum of the window wins ties",
        replace=[
            (
                "    winner = np.argmax(flat, axis=-1)  # the first maximum of each window\n",
                "    winner = k * k - 1 - np.argmax(flat[..., ::-1], axis=-1)\n",
            )
        ],
        message="last maximum",
    ),
    Mutant(
        "ceil_mode",
        "partial windows at the edge (ceil mode)",
        replace=[
            (
                "    Ho, Wo = (H - k) // s + 1, (W - k) // s + 1\n",
                "    Ho, Wo = -(-(H - k) // s) + 1, -(-(W - k) // s) + 1\n",
            ),
            (
                "    windows = np.lib.stride_tricks.sliding_window_view(X, (k, k), axis=(2, 3))\n",
                "    X = np.pad(X, ((0, 0), (0, 0), (0, (Ho - 1) * s + k - H), "
                "(0, (Wo - 1) * s + k - W)), constant_values=-np.inf)\n"
                "    windows = np.lib.stride_tricks.sliding_window_view(X, (k, k), axis=(2, 3))\n",
            ),
            ("    return MaxPool(Y, dX)\n", "    return MaxPool(Y, dX[:, :, :H, :W])\n"),
        ],
        message="ceil mode",
    ),
    Mutant(
        "stride_defaults_to_1",
        "stride=None taken as 1",
        replace=[("    s = k if stride is None else", "    s = 1 if stride is None else")],
        message="the stride defaulted to 1",
    ),
    Mutant(
        "gradient_to_whole_window",
        "dY copied to every element of its window (as if all were maxima)",
        replace=[(ADD_AT, "    dX = np.kron(dY, np.ones((k, k)))\n")],
    ),
    Mutant(
        "no_plus_one",
        "H_out = (H - k) // s (an off-by-one that loses the last window)",
        replace=[
            (
                "    Ho, Wo = (H - k) // s + 1, (W - k) // s + 1\n",
                "    Ho, Wo = max((H - k) // s, 1), max((W - k) // s, 1)\n",
            )
        ],
    ),
    Mutant(
        "float_kernel_truncated",
        "a float kernel_size is truncated with int()",
        replace=[
            (
                "        number = operator.index(value)\n",
                "        number = int(value)\n",
            )
        ],
    ),
    Mutant(
        "dY_shape_not_checked",
        "a dY of the wrong shape is broadcast instead of refused",
        replace=[
            ("    if dY.shape != (N, C, Ho, Wo):\n", "    if dY.ndim != 4:\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "loops_over_windows",
        "a Python loop over the output positions with np.argmax of each flattened window",
        append=VALIDATE
        + """

def maxpool2d_forward_backward(X, dY, kernel_size, stride=None):
    X, dY, k, s, Ho, Wo = _validate(X, dY, kernel_size, stride)
    N, C = X.shape[:2]
    Y = np.empty((N, C, Ho, Wo))
    dX = np.zeros_like(X)
    for i in range(Ho):
        for j in range(Wo):
            win = X[:, :, i * s : i * s + k, j * s : j * s + k].reshape(N, C, -1)
            a = win.argmax(axis=-1)
            Y[:, :, i, j] = win.max(axis=-1)
            for nn in range(N):
                for cc in range(C):
                    dX[nn, cc, i * s + a[nn, cc] // k, j * s + a[nn, cc] % k] += dY[nn, cc, i, j]
    return MaxPool(Y, dX)
""",
    ),
    Variant(
        "running_maximum_over_offsets",
        "a running maximum over the k² offsets (strict > keeps the first), then one "
        "scatter per offset",
        append=VALIDATE
        + """

def maxpool2d_forward_backward(X, dY, kernel_size, stride=None):
    X, dY, k, s, Ho, Wo = _validate(X, dY, kernel_size, stride)
    best = np.full(dY.shape, -np.inf)
    arg = np.zeros(dY.shape, dtype=int)
    for p in range(k):
        for q in range(k):
            v = X[:, :, p : p + (Ho - 1) * s + 1 : s, q : q + (Wo - 1) * s + 1 : s]
            better = v > best
            best = np.where(better, v, best)
            arg = np.where(better, p * k + q, arg)
    dX = np.zeros_like(X)
    for a in range(k * k):
        p, q = divmod(a, k)
        dX[:, :, p : p + (Ho - 1) * s + 1 : s, q : q + (Wo - 1) * s + 1 : s] += dY * (arg == a)
    return MaxPool(best, dX)
""",
    ),
]
