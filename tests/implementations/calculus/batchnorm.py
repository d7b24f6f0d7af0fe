from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "mean_and_variance_constant",
        "dX = γ dY / sqrt(σ² + eps): the paths through μ and σ² are dropped",
        replace=[
            (
                "    dX = gamma * inv_std * (dY - dY.mean(axis=0) - x_hat * np.mean(dY * x_hat, axis=0))\n",
                "    dX = gamma * inv_std * dY\n",
            )
        ],
        message="treated as constants",
    ),
    Mutant(
        "variance_constant",
        "only the path through μ is differentiated",
        replace=[
            (
                "    dX = gamma * inv_std * (dY - dY.mean(axis=0) - x_hat * np.mean(dY * x_hat, axis=0))\n",
                "    dX = gamma * inv_std * (dY - dY.mean(axis=0))\n",
            )
        ],
        message="variance is treated as a constant",
    ),
    Mutant(
        "unbiased_variance",
        "variance with divisor n - 1",
        replace=[
            (
                "    var = np.mean(centred**2, axis=0)\n",
                "    var = np.sum(centred**2, axis=0) / (n - 1) if n > 1 else 0.0 * mu\n",
            )
        ],
        message="unbiased variance",
    ),
    Mutant(
        "eps_outside_sqrt",
        "1 / (sqrt(σ²) + eps)",
        replace=[
            (
                "    inv_std = 1.0 / np.sqrt(var + eps)\n",
                "    inv_std = 1.0 / (np.sqrt(var) + eps)\n",
            )
        ],
        message="eps added to the standard deviation",
    ),
    Mutant(
        "dgamma_without_xhat",
        "dgamma = Σ dY",
        replace=[("    dgamma = np.sum(dY * x_hat, axis=0)\n", "    dgamma = dY.sum(axis=0)\n")],
        message="without the factor",
    ),
    Mutant(
        "dbeta_mean",
        "dbeta = mean of dY",
        replace=[("    dbeta = dY.sum(axis=0)\n", "    dbeta = dY.mean(axis=0)\n")],
        message="dbeta is the mean",
    ),
    Mutant(
        "dX_without_gamma",
        "forgets γ in dX",
        replace=[("    dX = gamma * inv_std * (", "    dX = inv_std * (")],
    ),
    Mutant(
        "no_validation",
        "shapes that do not fit and eps < 0 are not rejected",
        replace=[
            ("    if gamma.shape != (d,) or beta.shape != (d,):\n", "    if False:\n"),
            ("    if not eps >= 0:\n", "    if False:\n"),
        ],
    ),
]

MUTANTS += [
    Mutant(
        "global_statistics",
        "one mean and variance over the whole batch instead of one per feature",
        replace=[
            ("    mu = X.mean(axis=0)\n", "    mu = X.mean()\n"),
            ("    var = np.mean(centred**2, axis=0)\n", "    var = np.mean(centred**2)\n"),
        ],
        message="one mean and variance over the whole batch",
    ),
    Mutant(
        "per_sample_statistics",
        "normalises each sample over its features (layer norm) instead of each feature",
        replace=[
            ("    mu = X.mean(axis=0)\n", "    mu = X.mean(axis=1, keepdims=True)\n"),
            (
                "    var = np.mean(centred**2, axis=0)\n",
                "    var = np.mean(centred**2, axis=1, keepdims=True)\n",
            ),
        ],
        message="as layer norm does",
    ),
]

VARIANTS = [
    Variant(
        "staged_computational_graph",
        "backward through each intermediate (centre, square, mean, sqrt, divide) in turn",
        append="""
def batchnorm_forward_backward(X, gamma, beta, dY, eps=1e-5):
    X, gamma, beta, dY = (np.asarray(a, dtype=float) for a in (X, gamma, beta, dY))
    if X.ndim != 2 or len(X) == 0 or dY.shape != X.shape or eps < 0:
        raise ValueError("bad input")
    if gamma.shape != (X.shape[1],) or beta.shape != (X.shape[1],):
        raise ValueError("bad gamma or beta")
    n = X.shape[0]
    mu = np.sum(X, axis=0) / n
    xc = X - mu
    sq = xc**2
    var = np.sum(sq, axis=0) / n
    std = np.sqrt(var + eps)
    istd = 1 / std
    xhat = xc * istd
    Y = gamma * xhat + beta
    dbeta = np.sum(dY, axis=0)
    dgamma = np.sum(dY * xhat, axis=0)
    dxhat = dY * gamma
    distd = np.sum(dxhat * xc, axis=0)
    dxc = dxhat * istd
    dstd = -distd / std**2
    dvar = 0.5 * dstd / std
    dsq = np.ones_like(sq) * dvar / n
    dxc = dxc + 2 * xc * dsq
    dmu = -np.sum(dxc, axis=0)
    dX = dxc + dmu / n
    return BatchNorm(Y, dX, dgamma, dbeta)
""",
    ),
]
