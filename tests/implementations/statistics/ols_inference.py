from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "divisor_n",
        "sigma^2 = RSS / n",
        replace=[
            ("sigma2 = residuals @ residuals / (n - p)", "sigma2 = residuals @ residuals / n")
        ],
        message="RSS / n",
    ),
    Mutant(
        "divisor_n_minus_p_minus_1",
        "sigma^2 = RSS / (n - p - 1), counting the intercept twice",
        replace=[
            (
                "sigma2 = residuals @ residuals / (n - p)",
                "sigma2 = residuals @ residuals / max(n - p - 1, 1)",
            )
        ],
        message="n - p - 1",
    ),
    Mutant(
        "variances",
        "returns the variances sigma^2 diag((X^T X)^-1)",
        replace=[
            ("np.sqrt(sigma2 * inverse_diagonal)", "sigma2 * inverse_diagonal"),
        ],
        message="take the square root",
    ),
    Mutant(
        "sigma2_unrooted",
        "sigma^2 * sqrt(diag((X^T X)^-1))",
        replace=[
            ("np.sqrt(sigma2 * inverse_diagonal)", "sigma2 * np.sqrt(inverse_diagonal)"),
        ],
        message="the root covers sigma^2",
    ),
    Mutant(
        "inverse_of_diagonal",
        "1 / diag(X^T X) instead of diag((X^T X)^-1)",
        replace=[
            (
                "inverse_diagonal = np.sum((Vt.T / s) ** 2, axis=1)",
                "inverse_diagonal = 1.0 / np.sum(X**2, axis=0)",
            ),
        ],
        message="invert the matrix first",
    ),
    Mutant(
        "no_rank_check",
        "rank-deficient X gives inf / nan instead of LinAlgError",
        replace=[("    if s[-1] <= max(n, p) * np.finfo(float).eps * s[0]:\n", "    if False:\n")],
    ),
    Mutant(
        "rank_valueerror",
        "rank-deficient X raises a plain ValueError",
        replace=[
            (
                'raise np.linalg.LinAlgError("X is rank-deficient',
                'raise ValueError("X is rank-deficient',
            )
        ],
    ),
    Mutant(
        "no_dof_check",
        "n = p gives nan (0/0) instead of ValueError",
        replace=[("    if n <= p:\n", "    if n < p:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_rank_threshold",
        "a smallest singular value below an absolute 1e-10 means rank-deficient",
        replace=[
            (
                "    if s[-1] <= max(n, p) * np.finfo(float).eps * s[0]:\n",
                "    if s[-1] <= 1e-10:\n",
            )
        ],
        message="not below an absolute threshold",
    ),
]

VARIANTS = [
    Variant(
        "normal_equations",
        "matrix_rank check, then np.linalg.inv(X^T X) and the normal equations",
        append="""
def ols_standard_errors(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y):
        raise ValueError("bad shapes")
    n, p = X.shape
    if n <= p:
        raise ValueError("need n > p")
    if np.linalg.matrix_rank(X) < p:
        raise np.linalg.LinAlgError("rank-deficient X")
    inv = np.linalg.inv(X.T @ X)
    coef = inv @ X.T @ y
    rss = np.sum((y - X @ coef) ** 2)
    return OLS(coef, np.sqrt(rss / (n - p) * np.diag(inv)))
""",
    ),
    Variant(
        "qr",
        "QR factorisation: coef from R, diag((X^T X)^-1) from the rows of R^-1",
        append="""
def ols_standard_errors(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y):
        raise ValueError("bad shapes")
    n, p = X.shape
    if n <= p:
        raise ValueError("need n > p")
    Q, R = np.linalg.qr(X)
    d = np.abs(np.diag(R))
    if d.min() <= n * 1e-13 * d.max():
        raise np.linalg.LinAlgError("rank-deficient X")
    coef = np.linalg.solve(R, Q.T @ y)
    Rinv = np.linalg.solve(R, np.eye(p))
    rss = np.sum((y - X @ coef) ** 2)
    return OLS(coef, np.sqrt(rss / (n - p) * np.sum(Rinv**2, axis=1)))
""",
    ),
]
