"""Known mistakes in deep_learning/layernorm (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MU = "    mu = X.mean(axis=-1, keepdims=True)\n"
VAR = "    var = np.mean(centred**2, axis=-1, keepdims=True)\n"
DX = (
    "    dX = (g - g.mean(axis=-1, keepdims=True) - xhat * np.mean(g * xhat, axis=-1, "
    "keepdims=True)) / s\n"
)

MUTANTS = [
    Mutant(
        "batch_norm",
        "normalises over axis 0 (batch norm) instead of the last axis",
        replace=[
            (MU, "    mu = X.mean(axis=0, keepdims=True)\n"),
            (VAR, "    var = np.mean(centred**2, axis=0, keepdims=True)\n"),
        ],
        message="batch norm",
    ),
    Mutant(
        "unbiased_variance",
        "the variance divided by d - 1",
        replace=[(VAR, "    var = np.sum(centred**2, axis=-1, keepdims=True) / max(d - 1, 1)\n")],
        message="unbiased variance",
    ),
    Mutant(
        "eps_outside_root",
        "sigma + eps instead of sqrt(sigma^2 + eps)",
        replace=[("    s = np.sqrt(var + eps)\n", "    s = np.sqrt(var) + eps\n")],
        message="eps outside the root",
    ),
    Mutant(
        "constant_statistics",
        "mu and sigma treated as constants: dX = g / sigma",
        replace=[(DX, "    dX = g / s\n")],
        message="treated as constants",
    ),
    Mutant(
        "mean_term_only",
        "the backward keeps the mean's path but forgets the variance's",
        replace=[(DX, "    dX = (g - g.mean(axis=-1, keepdims=True)) / s\n")],
    ),
    Mutant(
        "sums_over_axis_0",
        "dgamma and dbeta summed over axis 0 only",
        replace=[
            ("    batch = tuple(range(X.ndim - 1))\n", "    batch = 0 if X.ndim > 1 else ()\n")
        ],
        message="summed over axis 0 only",
    ),
    Mutant(
        "no_gamma_in_dX",
        "dX built from dY instead of dY * gamma",
        replace=[("    g = dY * gamma\n", "    g = dY\n")],
    ),
    Mutant(
        "dgamma_without_xhat",
        "dgamma = sum(dY * (x - mu)), not normalised",
        replace=[("np.sum(dY * xhat, axis=batch)", "np.sum(dY * centred, axis=batch)")],
    ),
    Mutant(
        "no_validation",
        "gamma, beta and dY shapes not checked (broadcasting instead)",
        replace=[
            ("    if gamma.shape != (d,) or beta.shape != (d,):\n", "    if False:\n"),
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
        "moveaxis_and_reshape",
        "flattens the batch axes to rows; var as E[x^2] - mu^2 on centred data; the "
        "backward written through dxhat, dvar and dmu (the textbook staged chain rule)",
        append="""
def layernorm_forward_backward(X, gamma, beta, dY, eps=1e-5):
    X, gamma, beta, dY = (np.asarray(a, dtype=float) for a in (X, gamma, beta, dY))
    if eps <= 0 or X.ndim < 1 or X.size == 0:
        raise ValueError("eps must be positive and X non-empty with ndim >= 1")
    d = X.shape[-1]
    if gamma.shape != (d,) or beta.shape != (d,) or dY.shape != X.shape:
        raise ValueError("shapes do not fit")
    x = X.reshape(-1, d)
    dy = dY.reshape(-1, d)
    mu = x.sum(axis=1, keepdims=True) / d
    xc = x - mu
    var = (xc * xc).sum(axis=1, keepdims=True) / d
    inv = 1.0 / np.sqrt(var + eps)
    xhat = xc * inv
    dxhat = dy * gamma
    dvar = np.sum(dxhat * xc, axis=1, keepdims=True) * -0.5 * inv**3
    dmu = -np.sum(dxhat * inv, axis=1, keepdims=True) - 2.0 * dvar * xc.mean(axis=1, keepdims=True)
    dx = dxhat * inv + dvar * 2.0 * xc / d + dmu / d
    return LayerNorm(
        (xhat * gamma + beta).reshape(X.shape),
        dx.reshape(X.shape),
        np.einsum("ij,ij->j", dy, xhat),
        dy.sum(axis=0),
    )
""",
    ),
]
