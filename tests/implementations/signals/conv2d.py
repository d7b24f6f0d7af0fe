"""Known mistakes in signals/conv2d (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

VALIDATE = """
def _validate(X, W, b, dY):
    X, W, b, dY = (np.asarray(a, dtype=float) for a in (X, W, b, dY))
    if X.ndim != 4 or W.ndim != 4 or b.ndim != 1 or dY.ndim != 4 or X.size == 0 or W.size == 0:
        raise ValueError("X, W, dY must be non-empty and 4-D, b 1-D")
    N, C, H, Wd = X.shape
    F, C2, kh, kw = W.shape
    if C2 != C or kh > H or kw > Wd or b.shape != (F,):
        raise ValueError("W, b do not fit X")
    if dY.shape != (N, F, H - kh + 1, Wd - kw + 1):
        raise ValueError("dY does not fit")
    return X, W, b, dY
"""

MUTANTS = [
    Mutant(
        "true_convolution",
        "flips the kernel: a convolution instead of a cross-correlation",
        replace=[
            (
                "    Ho, Wo = H - kh + 1, Wd - kw + 1\n",
                "    Ho, Wo = H - kh + 1, Wd - kw + 1\n    W = W[:, :, ::-1, ::-1]\n",
            )
        ],
        message="the kernel is flipped",
    ),
    Mutant(
        "no_bias",
        "leaves the bias out of Y",
        replace=[(" + b[None, :, None, None]", "")],
        message="the bias is left out",
    ),
    Mutant(
        "dX_with_flipped_kernel",
        "dX slides the flipped kernel",
        replace=[
            (
                'np.einsum("nfij,fc->ncij", dY, W[:, :, p, q])',
                'np.einsum("nfij,fc->ncij", dY, W[:, :, kh - 1 - p, kw - 1 - q])',
            )
        ],
        message="dX uses the flipped kernel",
    ),
    Mutant(
        "dX_top_left_only",
        "dX only collects the kernel's first tap",
        replace=[
            (
                "    for p in range(kh):\n        for q in range(kw):\n",
                "    for p in range(1):\n        for q in range(1):\n",
            )
        ],
    ),
    Mutant(
        "dW_flipped",
        "dW indexed from the other corner",
        replace=[
            (
                "    db = dY.sum(axis=(0, 2, 3))\n",
                "    db = dY.sum(axis=(0, 2, 3))\n    dW = dW[:, :, ::-1, ::-1]\n",
            )
        ],
        message="dW is flipped",
    ),
    Mutant(
        "dW_mean_over_batch",
        "dW divided by N",
        replace=[
            (
                "    db = dY.sum(axis=(0, 2, 3))\n",
                "    db = dY.sum(axis=(0, 2, 3))\n    dW = dW / N\n",
            )
        ],
        message="dW averaged over the batch",
    ),
    Mutant(
        "db_mean",
        "db = mean of dY over n, i, j",
        replace=[("    db = dY.sum(axis=(0, 2, 3))\n", "    db = dY.mean(axis=(0, 2, 3))\n")],
        message="db is a mean",
    ),
    Mutant(
        "db_per_image",
        "db summed over positions only, one row per image",
        replace=[("    db = dY.sum(axis=(0, 2, 3))\n", "    db = dY.sum(axis=(2, 3))\n")],
        message="shape",
    ),
    Mutant(
        "empty_accepted",
        "a batch of no images is not refused",
        replace=[("    if X.size == 0 or W.size == 0:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "im2col",
        "patches unrolled into a (N·Ho·Wo, C·kh·kw) matrix, then matrix products; dX by "
        "scattering the patch gradients back",
        append=VALIDATE
        + """

def conv2d_forward_backward(X, W, b, dY):
    X, W, b, dY = _validate(X, W, b, dY)
    N, C, H, Wd = X.shape
    F, _, kh, kw = W.shape
    Ho, Wo = H - kh + 1, Wd - kw + 1
    cols = np.empty((N, Ho, Wo, C, kh, kw))
    for i in range(Ho):
        for j in range(Wo):
            cols[:, i, j] = X[:, :, i : i + kh, j : j + kw]
    cols = cols.reshape(N * Ho * Wo, C * kh * kw)
    Wm = W.reshape(F, -1)
    Y = (cols @ Wm.T + b).reshape(N, Ho, Wo, F).transpose(0, 3, 1, 2)
    G = dY.transpose(0, 2, 3, 1).reshape(-1, F)
    dW = (G.T @ cols).reshape(W.shape)
    dcols = (G @ Wm).reshape(N, Ho, Wo, C, kh, kw)
    dX = np.zeros_like(X)
    for i in range(Ho):
        for j in range(Wo):
            dX[:, :, i : i + kh, j : j + kw] += dcols[:, i, j]
    return Conv(Y, dX, dW, G.sum(axis=0))
""",
    ),
    Variant(
        "dX_as_full_convolution",
        "dX as the cross-correlation of the zero-padded dY with the flipped kernel",
        append=VALIDATE
        + """

def conv2d_forward_backward(X, W, b, dY):
    X, W, b, dY = _validate(X, W, b, dY)
    kh, kw = W.shape[2:]
    win = np.lib.stride_tricks.sliding_window_view
    Y = np.einsum("ncijpq,fcpq->nfij", win(X, (kh, kw), axis=(2, 3)), W) + b[:, None, None]
    # windows of X the size of dY, one per kernel tap (p, q)
    dW = np.einsum("ncpqij,nfij->fcpq", win(X, dY.shape[2:], axis=(2, 3)), dY)
    padded = np.pad(dY, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    dX = np.einsum("nfuvpq,fcpq->ncuv", win(padded, (kh, kw), axis=(2, 3)),
                   W[:, :, ::-1, ::-1])
    return Conv(Y, dX, dW, dY.sum(axis=(0, 2, 3)))
""",
    ),
]
