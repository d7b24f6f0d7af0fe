"""Known mistakes in deep_learning/rmsnorm (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

R = "    r = np.sqrt(np.mean(X**2, axis=-1, keepdims=True) + eps)\n"
DX = "    dX = (g - xhat * np.mean(g * xhat, axis=-1, keepdims=True)) / r\n"

MUTANTS = [
    Mutant(
        "subtracts_the_mean",
        "centres x first: layer norm without beta",
        replace=[
            (
                R,
                "    X = X - X.mean(axis=-1, keepdims=True)\n" + R,
            )
        ],
        message="that is layer norm",
    ),
    Mutant(
        "eps_outside_root",
        "sqrt(mean(x^2)) + eps",
        replace=[(R, "    r = np.sqrt(np.mean(X**2, axis=-1, keepdims=True)) + eps\n")],
        message="eps outside the root",
    ),
    Mutant(
        "root_of_sum",
        "the root of the sum of squares, no /d",
        replace=[(R, "    r = np.sqrt(np.sum(X**2, axis=-1, keepdims=True) + eps)\n")],
        message="root of the sum of squares",
    ),
    Mutant(
        "constant_r",
        "r treated as a constant: dX = g / r",
        replace=[(DX, "    dX = g / r\n")],
        message="r treated as a constant",
    ),
    Mutant(
        "backward_with_sum_not_mean",
        "the correction term uses sum(g * xhat) instead of its mean",
        replace=[(DX, "    dX = (g - xhat * np.sum(g * xhat, axis=-1, keepdims=True)) / r\n")],
    ),
    Mutant(
        "dgamma_over_axis_0",
        "dgamma summed over axis 0 only",
        replace=[
            (
                "np.sum(dY * xhat, axis=tuple(range(X.ndim - 1)))",
                "np.sum(dY * xhat, axis=0 if X.ndim > 1 else ())",
            )
        ],
        message="summed over axis 0 only",
    ),
    Mutant(
        "no_gamma_in_dX",
        "dX built from dY instead of dY * gamma",
        replace=[("    g = dY * gamma\n", "    g = dY\n")],
    ),
    Mutant(
        "no_shape_validation",
        "gamma and dY shapes not checked (broadcasting instead)",
        replace=[
            ("    if gamma.shape != (d,):\n", "    if False:\n"),
            ("    if dY.shape != X.shape:\n", "    if False:\n"),
        ],
    ),
    Mutant(
        "eps_not_checked",
        "eps <= 0 accepted",
        replace=[("    if not eps > 0:\n", "    if False:\n")],
    ),
    Mutant(
        "empty_accepted",
        "0-d and empty X not refused",
        replace=[("    if X.ndim == 0 or X.size == 0:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "inverse_rms_and_einsum",
        "rows flattened; the backward through d(1/r) = -x/(d r^3) written out term by term",
        append="""
def rmsnorm_forward_backward(X, gamma, dY, eps=1e-6):
    X, gamma, dY = (np.asarray(a, dtype=float) for a in (X, gamma, dY))
    if eps <= 0 or X.ndim < 1 or X.size == 0:
        raise ValueError("eps must be positive and X non-empty with ndim >= 1")
    d = X.shape[-1]
    if gamma.shape != (d,) or dY.shape != X.shape:
        raise ValueError("shapes do not fit")
    x = X.reshape(-1, d)
    dy = dY.reshape(-1, d)
    inv = 1.0 / np.sqrt(np.einsum("ij,ij->i", x, x)[:, None] / d + eps)
    g = dy * gamma
    dinv = np.einsum("ij,ij->i", g, x)[:, None]
    dx = g * inv + dinv * (-(inv**3) * x / d)
    return RMSNorm(
        (gamma * x * inv).reshape(X.shape),
        dx.reshape(X.shape),
        np.einsum("ij,ij->j", dy, x * inv),
    )
""",
    ),
]
