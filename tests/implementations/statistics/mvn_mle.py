from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "unbiased_divisor",
        "covariance with the n - 1 divisor",
        replace=[("cov = centred.T @ centred / n", "cov = centred.T @ centred / max(n - 1, 1)")],
        message="n - 1",
    ),
    Mutant(
        "outer_product_of_samples",
        "X X^T (n, n) instead of X^T X (d, d)",
        replace=[("cov = centred.T @ centred / n", "cov = centred @ centred.T / n")],
        message="X X^T",
    ),
    Mutant(
        "not_centred",
        "X^T X / n without subtracting the mean",
        replace=[("cov = centred.T @ centred / n", "cov = X.T @ X / n")],
        message="not centred",
    ),
    Mutant(
        "one_pass_formula",
        "mean(x x^T) - mean mean^T (catastrophic cancellation)",
        replace=[("cov = centred.T @ centred / n", "cov = X.T @ X / n - np.outer(mean, mean)")],
    ),
    Mutant(
        "centres_in_place",
        "centres the caller's array in place",
        replace=[
            ("    X = np.asarray(X, dtype=float)\n", "    X = np.asarray(X)\n"),
            ("    centred = X - mean\n", "    X -= mean\n    centred = X\n"),
        ],
        message="modified its input `X`",
    ),
    Mutant(
        "no_empty_check",
        "no rows gives nan with a warning instead of ValueError",
        replace=[("    if n == 0 or d == 0:\n", "    if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "global_mean",
        "centres every column on the mean of the whole matrix, not its own mean",
        replace=[("    centred = X - mean\n", "    centred = X - X.mean()\n")],
        message="centred on the mean of the whole matrix",
    ),
]

VARIANTS = [
    Variant(
        "outer_product_loop",
        "sums outer products of the deviations in a Python loop",
        append="""
def multivariate_gaussian_mle(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D and non-empty")
    n, d = X.shape
    mean = np.zeros(d)
    for row in X:
        mean = mean + row
    mean = mean / n
    cov = np.zeros((d, d))
    for row in X:
        cov = cov + np.outer(row - mean, row - mean)
    return Gaussian(mean, cov / n)
""",
    ),
    Variant(
        "numpy_cov",
        "np.cov with bias=True",
        append="""
def multivariate_gaussian_mle(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D and non-empty")
    d = X.shape[1]
    cov = np.cov(X, rowvar=False, bias=True).reshape(d, d)
    return Gaussian(X.mean(axis=0), cov)
""",
    ),
]
