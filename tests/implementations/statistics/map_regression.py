from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "inverted_ratio",
        "lambda = tau2 / sigma2",
        replace=[("lam = sigma2 / tau2", "lam = tau2 / sigma2")],
        message="upside down",
    ),
    Mutant(
        "sigma2_missing",
        "lambda = 1 / tau2",
        replace=[("lam = sigma2 / tau2", "lam = 1.0 / tau2")],
        message="sigma2 is missing",
    ),
    Mutant(
        "product",
        "lambda = sigma2 * tau2",
        replace=[("lam = sigma2 / tau2", "lam = sigma2 * tau2")],
        message="sigma2 * tau2",
    ),
    Mutant(
        "lambda_everywhere",
        "X^T X + lambda (every entry) instead of + lambda I",
        replace=[("X.T @ X + lam * np.eye(d)", "X.T @ X + lam")],
        message="every entry",
    ),
    Mutant(
        "prior_ignored",
        "ordinary least squares",
        replace=[
            (
                "return np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ y)",
                "return np.linalg.lstsq(X, y, rcond=None)[0]",
            )
        ],
        message="prior was ignored",
    ),
    Mutant(
        "outer_gram",
        "uses X X^T where X^T X is needed (only runs when n = d)",
        replace=[
            (
                "X.T @ X + lam * np.eye(d)",
                "(X @ X.T if X.shape[0] == d else X.T @ X) + lam * np.eye(d)",
            )
        ],
    ),
    Mutant(
        "no_variance_check",
        "accepts tau2 <= 0",
        replace=[("if not (np.isfinite(value) and value > 0):", "if not np.isfinite(value):")],
    ),
]

VARIANTS = [
    Variant(
        "dual_form",
        "the dual (kernel) form X^T (X X^T + lambda I)^-1 y",
        append="""
def map_linear_regression(X, y, sigma2, tau2):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or X.size == 0:
        raise ValueError("bad shapes")
    if not sigma2 > 0 or not tau2 > 0:
        raise ValueError("variances must be positive")
    lam = sigma2 / tau2
    return X.T @ np.linalg.solve(X @ X.T + lam * np.eye(len(X)), y)
""",
    ),
]
