from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "not_centred",
        "SVD of X itself, without subtracting the mean",
        replace=[
            ("np.linalg.svd(centred, full_matrices=False)", "np.linalg.svd(X, full_matrices=False)")
        ],
        message="not centred",
    ),
    Mutant(
        "components_as_columns",
        "returns V[:, :k] (components as columns)",
        replace=[("return PCA(Vt[:k].copy(),", "return PCA(Vt.T[:, :k].copy(),")],
        message="rows",
    ),
    Mutant(
        "ascending_order",
        "components in ascending order of variance",
        replace=[
            (
                "    variances = singular_values**2 / (n - 1)\n",
                "    variances = singular_values[::-1] ** 2 / (n - 1)\n    Vt = Vt[::-1]\n",
            )
        ],
        message="ascending order",
    ),
    Mutant(
        "divisor_n",
        "explained variance with the divisor n",
        replace=[
            ("variances = singular_values**2 / (n - 1)", "variances = singular_values**2 / n")
        ],
        message="divisor n",
    ),
    Mutant(
        "ratio_over_kept",
        "ratio over the kept components only",
        replace=[("    total = variances.sum()\n", "    total = variances[:k].sum()\n")],
        message="kept components only",
    ),
    Mutant(
        "centres_in_place",
        "centres the caller's X in place",
        replace=[("    centred = X - mean\n", "    X -= mean\n    centred = X\n")],
        message="modified its input `X`",
    ),
    Mutant(
        "no_constant_check",
        "constant X gives nan ratios instead of ValueError",
        replace=[("    if np.all(X == X[0]):", "    if False:")],
    ),
]

MUTANTS += [
    Mutant(
        "constant_by_zero_variance",
        "calls X constant only when its computed variance is exactly 0 (misses an inexact mean)",
        replace=[
            (
                "    if np.all(X == X[0]):  # the values themselves: a computed mean may be off by round-off\n"
                '        raise ValueError("X is constant: it has no variance to explain")\n',
                "",
            ),
            (
                "    total = variances.sum()\n",
                "    total = variances.sum()\n"
                "    if total <= 0.0:\n"
                '        raise ValueError("X is constant: it has no variance to explain")\n',
            ),
        ],
        message="test the values themselves",
    ),
    Mutant(
        "constant_by_absolute_variance",
        "calls X constant when its total variance is below an absolute 1e-12",
        replace=[
            (
                "    if np.all(X == X[0]):  # the values themselves: a computed mean may be off by round-off\n"
                '        raise ValueError("X is constant: it has no variance to explain")\n',
                "",
            ),
            (
                "    total = variances.sum()\n",
                "    total = variances.sum()\n"
                "    if total < 1e-12:\n"
                '        raise ValueError("X is constant: it has no variance to explain")\n',
            ),
        ],
        message="not when its variance is below an absolute threshold",
    ),
]

VARIANTS = [
    Variant(
        "covariance_eigh_flipped_signs",
        "eigendecomposition of the covariance matrix, every component negated",
        append="""
def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("X must be 2-D with at least two rows")
    n, d = X.shape
    if not 1 <= n_components <= min(n, d):
        raise ValueError("n_components out of range")
    mean = X.sum(axis=0) / n
    cov = (X - mean).T @ (X - mean) / (n - 1)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:n_components]
    total = np.trace(cov)
    if np.ptp(X, axis=0).max() == 0:
        raise ValueError("constant X")
    variances = np.clip(values[order], 0.0, None)
    return PCA(-vectors[:, order].T, variances, variances / total, mean)
""",
    ),
]
