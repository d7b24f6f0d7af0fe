"""Known mistakes in supervised/lda (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SCATTER = "    S_W = D0.T @ D0 + D1.T @ D1\n"
SOLVE = "    w = np.linalg.solve(S_W, diff)\n"

CHECK = """
def _check(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(y) != len(X):
        raise ValueError("X must be (n, d) and y (n,)")
    if not np.all((y == 0) | (y == 1)) or not (np.any(y == 0) and np.any(y == 1)):
        raise ValueError("labels must be 0 and 1, both present")
    return X, y.astype(int)
"""

MUTANTS = [
    Mutant(
        "no_inverse",
        "w = (mu1 - mu0) / |mu1 - mu0|: S_W ignored",
        replace=[(SOLVE, "    w = diff.copy()\n")],
        message="S_W^{-1} is missing",
    ),
    Mutant(
        "means_swapped",
        "mu0 - mu1 and no sign fix",
        replace=[
            ("    diff = mu1 - mu0\n", "    diff = mu0 - mu1\n"),
            ("    return w if w @ diff > 0 else -w\n", "    return w\n"),
        ],
        message="opposite sign",
    ),
    Mutant(
        "uncentred_scatter",
        "S_W = sum of x x^T over the samples, not centred on the class means",
        replace=[(SCATTER, "    S_W = X0.T @ X0 + X1.T @ X1\n")],
        message="from uncentred samples",
    ),
    Mutant(
        "averaged_covariances",
        "S_W = S_0 / n_0 + S_1 / n_1",
        replace=[(SCATTER, "    S_W = D0.T @ D0 / len(X0) + D1.T @ D1 / len(X1)\n")],
        message="the two class covariances averaged",
    ),
    Mutant(
        "one_class_scatter",
        "the scatter of class 0 only",
        replace=[(SCATTER, "    S_W = D0.T @ D0\n")],
        message="the scatter of class 0 alone",
    ),
    Mutant(
        "not_normalised",
        "S_W^{-1}(mu1 - mu0) returned as it is",
        replace=[("    w /= np.linalg.norm(w)\n", "")],
        message="not normalised to a unit vector",
    ),
    Mutant(
        "scatter_not_inverted",
        "w = S_W (mu1 - mu0)",
        replace=[(SOLVE, "    w = S_W @ diff\n")],
        message="S_W applied, not its inverse",
    ),
    Mutant(
        "pinv_no_singular_check",
        "the pseudo-inverse, with no check that S_W is invertible",
        replace=[
            (
                "    if s[-1] <= 1e3 * S_W.shape[0] * np.finfo(float).eps * s[0]:\n",
                "    if False:\n",
            ),
            (SOLVE, "    w = np.linalg.pinv(S_W) @ diff\n"),
        ],
    ),
    Mutant(
        "labels_not_checked",
        "labels other than 0/1 are ignored",
        replace=[("    if not np.all((y == 0) | (y == 1)):\n", "    if False:\n")],
    ),
    Mutant(
        "centres_X_in_place",
        "X centred in place first (harmless for w, but the caller's X changes)",
        replace=[
            (
                "    X0, X1 = X[y == 0], X[y == 1]\n",
                "    X -= X.mean(axis=0)\n    X0, X1 = X[y == 0], X[y == 1]\n",
            )
        ],
        message="modified its input `X`",
    ),
]

VARIANTS = [
    Variant(
        "total_covariance",
        "np.cov of all samples (the total scatter S_W + n0 n1 / n dd^T gives the same "
        "direction, by Sherman-Morrison), via np.linalg.inv",
        append=CHECK
        + """
def fisher_lda_direction(X, y):
    X, y = _check(X, y)
    d = X[y == 1].mean(axis=0) - X[y == 0].mean(axis=0)
    if not np.any(d):
        raise ValueError("equal means")
    S_W = sum(np.atleast_2d(np.cov(X[y == c].T, bias=True)) * np.sum(y == c) for c in (0, 1))
    if np.linalg.matrix_rank(S_W) < X.shape[1]:
        raise np.linalg.LinAlgError("singular within-class scatter")
    T = np.atleast_2d(np.cov(X.T))
    w = np.linalg.inv(T) @ d
    return w / np.linalg.norm(w) * np.sign(w @ d)
""",
    ),
    Variant(
        "generalised_eigenproblem",
        "the top eigenvector of S_B w = lambda S_W w (scipy.linalg.eigh), sign fixed",
        append=CHECK
        + """
def fisher_lda_direction(X, y):
    import scipy.linalg

    X, y = _check(X, y)
    m0, m1 = X[y == 0].mean(axis=0), X[y == 1].mean(axis=0)
    if np.allclose(m0, m1, rtol=0, atol=0):
        raise ValueError("equal means")
    S_W = sum((X[y == c] - m).T @ (X[y == c] - m) for c, m in ((0, m0), (1, m1)))
    if np.linalg.cond(S_W) > 1e12:
        raise np.linalg.LinAlgError("singular within-class scatter")
    d = m1 - m0
    _, vectors = scipy.linalg.eigh(np.outer(d, d), S_W)
    w = vectors[:, -1]
    w = w / np.linalg.norm(w)
    return w if w @ d > 0 else -w
""",
    ),
    Variant(
        "sklearn_lda_coefficients",
        "scikit-learn's LinearDiscriminantAnalysis(solver='lsqr'): coef_ is "
        "Sigma^{-1}(mu1 - mu0) with the pooled covariance S_W / n",
        append=CHECK
        + """
def fisher_lda_direction(X, y):
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis

    X, y = _check(X, y)
    m0, m1 = X[y == 0].mean(axis=0), X[y == 1].mean(axis=0)
    if not np.any(m1 - m0):
        raise ValueError("equal means")
    S_W = sum((X[y == c] - m).T @ (X[y == c] - m) for c, m in ((0, m0), (1, m1)))
    if np.linalg.matrix_rank(S_W) < X.shape[1]:
        raise np.linalg.LinAlgError("singular within-class scatter")
    w = LinearDiscriminantAnalysis(solver="lsqr").fit(X, y).coef_[0]
    return w / np.linalg.norm(w)
""",
    ),
]
