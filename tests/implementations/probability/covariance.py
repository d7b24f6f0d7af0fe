from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_centring",
        "forgets to subtract the column means",
        replace=[
            ("    Xc = X - X.mean(axis=0)\n    C = Xc.T", "    Xc = X\n    C = Xc.T"),
            ("    Xc = X - X.mean(axis=0)\n    S = Xc.T", "    Xc = X\n    S = Xc.T"),
        ],
        message="not centred",
    ),
    Mutant(
        "X_Xt",
        "X Xᵀ (samples x samples) instead of Xᵀ X",
        replace=[("C = Xc.T @ Xc / (n - ddof)", "C = Xc @ Xc.T / (n - ddof)")],
        message="X Xᵀ",
    ),
    Mutant(
        "divisor_n",
        "always divides by n",
        replace=[("C = Xc.T @ Xc / (n - ddof)", "C = Xc.T @ Xc / n")],
        message="the divisor n instead of n - ddof",
    ),
    Mutant(
        "divisor_n_minus_1",
        "ignores ddof and divides by n - 1",
        replace=[("C = Xc.T @ Xc / (n - ddof)", "C = Xc.T @ Xc / (n - 1)")],
        message="the divisor n - 1 whatever ddof is",
    ),
    Mutant(
        "np_cov_shortcut",
        "calls np.cov",
        replace=[
            (
                "    C = Xc.T @ Xc / (n - ddof)\n",
                "    C = np.atleast_2d(np.cov(X, rowvar=False, ddof=ddof))\n",
            )
        ],
        message="which this kata asks you not to use",
    ),
    Mutant(
        "np_corrcoef_shortcut",
        "calls np.corrcoef",
        replace=[
            (
                "    R = S / np.outer(scale, scale)\n",
                "    R = np.atleast_2d(np.corrcoef(X, rowvar=False))\n",
            )
        ],
        message="which this kata asks you not to use",
    ),
    Mutant(
        "correlation_over_variances",
        "divides by C_jj C_kk instead of their square roots",
        replace=[
            (
                "R = S / np.outer(scale, scale)",
                "R = S * (X.shape[0] - 1) / np.outer(scale**2, scale**2)",
            ),
            ("    np.fill_diagonal(R, 1.0)\n", ""),
            ("R = np.clip((R + R.T) / 2, -1.0, 1.0)", "R = (R + R.T) / 2"),
        ],
        message="divided by the variances",
    ),
    Mutant(
        "constant_by_std",
        "detects constant columns with std == 0 (misses an inexact mean)",
        replace=[("constant = np.ptp(X, axis=0) == 0", "constant = X.std(axis=0) == 0")],
    ),
    Mutant(
        "constant_by_absolute_std",
        "a column whose std is below an absolute 1e-8 counts as constant",
        replace=[("constant = np.ptp(X, axis=0) == 0", "constant = X.std(axis=0) < 1e-8")],
        message="not when its spread is below an absolute tolerance",
    ),
    Mutant(
        "global_mean",
        "centres every column on the mean of the whole matrix, not its own mean",
        replace=[
            (
                "    Xc = X - X.mean(axis=0)\n    C = Xc.T @ Xc / (n - ddof)\n",
                "    Xc = X - X.mean()\n    C = Xc.T @ Xc / (n - ddof)\n",
            )
        ],
        message="subtract the column means",
    ),
    Mutant(
        "no_ddof_check",
        "ddof >= n gives inf or negative variances",
        replace=[("if not 0 <= ddof < n:", "if False:")],
    ),
]

VARIANTS = [
    Variant(
        "loops_and_covariance_reuse",
        "entry-by-entry loops; the correlation reuses the covariance",
        append="""
def covariance_matrix(X, ddof=1):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be 2-D and non-empty")
    n, d = X.shape
    if not 0 <= ddof < n:
        raise ValueError("need 0 <= ddof < n")
    m = X.sum(axis=0) / n
    C = np.zeros((d, d))
    for j in range(d):
        for k in range(d):
            C[j, k] = np.sum((X[:, j] - m[j]) * (X[:, k] - m[k])) / (n - ddof)
    return C


def correlation_matrix(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be 2-D and non-empty")
    if np.any(np.all(X == X[0], axis=0)):
        raise ValueError("a column of X is constant")
    C = covariance_matrix(X, ddof=0)
    s = np.sqrt(np.diag(C))
    return C / s[:, None] / s[None, :]
""",
    ),
]
