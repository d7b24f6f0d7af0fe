"""Known mistakes in optimization/ridge (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

GRAM = "    G = Xc.T @ Xc + lam * np.eye(d)\n"

MUTANTS = [
    Mutant(
        "penalised_intercept",
        "appends a column of ones and penalises its weight like the others",
        append="""
def ridge_regression(X, y, lam, fit_intercept=True):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X) or lam < 0:
        raise ValueError("bad input")
    Z = np.hstack([X, np.ones((len(X), 1))]) if fit_intercept else X
    theta = np.linalg.solve(Z.T @ Z + lam * np.eye(Z.shape[1]), Z.T @ y)
    if fit_intercept:
        return Linear1(theta[:-1], float(theta[-1]))
    return Linear1(theta, 0.0)
""",
        message="the intercept was penalised",
    ),
    Mutant(
        "lam_times_n",
        "scales the penalty by n (the mean-loss convention)",
        replace=[(GRAM, "    G = Xc.T @ Xc + n * lam * np.eye(d)\n")],
        message="lam was multiplied by n",
    ),
    Mutant(
        "lam_over_n",
        "divides the penalty by n",
        replace=[(GRAM, "    G = Xc.T @ Xc + lam / n * np.eye(d)\n")],
        message="lam was divided by n",
    ),
    Mutant(
        "two_lam",
        "2 lam on the diagonal",
        replace=[(GRAM, "    G = Xc.T @ Xc + 2 * lam * np.eye(d)\n")],
        message="2 lam instead of lam",
    ),
    Mutant(
        "half_lam",
        "lam / 2 on the diagonal (the 1/2 convention of another objective)",
        replace=[(GRAM, "    G = Xc.T @ Xc + lam / 2 * np.eye(d)\n")],
        message="lam / 2 instead of lam",
    ),
    Mutant(
        "uncentred_weights",
        "solves for w on raw X and y, then sets b = mean(y) - mean(X) @ w",
        replace=[("        Xc, yc = X - x_mean, y - y_mean\n", "        Xc, yc = X, y\n")],
        message="uncentred X and y",
    ),
    Mutant(
        "intercept_is_mean_y",
        "b = mean(y)",
        replace=[("b = float(y_mean - x_mean @ w)", "b = float(y_mean)")],
        message="b = mean(y)",
    ),
    Mutant(
        "intercept_ignored",
        "never fits the intercept",
        replace=[
            ("    if fit_intercept:\n        x_mean", "    if False:\n        x_mean"),
            ("if fit_intercept else 0.0", "if False else 0.0"),
        ],
        message="no intercept was fitted",
    ),
    Mutant(
        "always_intercept",
        "fits an intercept even when fit_intercept is False",
        replace=[
            ("    if fit_intercept:\n        x_mean", "    if True:\n        x_mean"),
            ("if fit_intercept else 0.0", "if True else 0.0"),
        ],
        message="although fit_intercept=False",
    ),
    Mutant(
        "centres_in_place",
        "centres the caller's X and y in place",
        replace=[
            (
                "        Xc, yc = X - x_mean, y - y_mean\n",
                "        X -= x_mean\n        y -= y_mean\n        Xc, yc = X, y\n",
            )
        ],
        message="modified its input",
    ),
    Mutant(
        "negative_lam_accepted",
        "never checks lam >= 0",
        replace=[
            ("    if not (np.isfinite(lam) and lam >= 0):\n", "    if not np.isfinite(lam):\n")
        ],
    ),
    Mutant(
        "no_shape_checks",
        "broadcasts a y of the wrong shape",
        replace=[
            ("    if y.ndim != 1:\n", "    if y.ndim > 2:\n"),
            ("    if y.shape[0] != n:\n", "    if False:\n"),
            (
                "        x_mean, y_mean = X.mean(axis=0), y.mean()\n",
                "        y = np.resize(y.ravel(), n)\n        x_mean, y_mean = X.mean(axis=0), y.mean()\n",
            ),
            ("        Xc, yc = X, y\n", "        Xc, yc = X, np.resize(y.ravel(), n)\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "augmented_lstsq",
        "least squares on the centred system stacked with sqrt(lam) I, by np.linalg.lstsq",
        append="""
def ridge_regression(X, y, lam, fit_intercept=True):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or y.size != X.shape[0]:
        raise ValueError("X must be (n, d) and y (n,), non-empty")
    if lam < 0:
        raise ValueError("lam must be >= 0")
    mx = X.mean(0) if fit_intercept else np.zeros(X.shape[1])
    my = y.mean() if fit_intercept else 0.0
    A = np.vstack([X - mx, np.sqrt(lam) * np.eye(X.shape[1])])
    rhs = np.concatenate([y - my, np.zeros(X.shape[1])])
    w = np.linalg.lstsq(A, rhs, rcond=None)[0]
    return Linear1(w, float(my - mx @ w))
""",
    ),
    Variant(
        "svd_shrinkage",
        "w = V diag(s / (s^2 + lam)) U^T y_c from the SVD of the centred X",
        append="""
def ridge_regression(X, y, lam, fit_intercept=True):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or 0 in X.shape or len(y) != len(X):
        raise ValueError("bad shapes")
    if not lam >= 0:
        raise ValueError("lam must be >= 0")
    x_bar = X.mean(axis=0) if fit_intercept else 0.0 * X[0]
    y_bar = y.mean() if fit_intercept else 0.0
    U, s, Vt = np.linalg.svd(X - x_bar, full_matrices=False)
    w = Vt.T @ (s / (s**2 + lam) * (U.T @ (y - y_bar)))
    return Linear1(w=w, b=float(y_bar - x_bar @ w))
""",
    ),
    Variant(
        "scikit_learn",
        "sklearn.linear_model.Ridge, whose objective is the same sum of squares",
        append="""
def ridge_regression(X, y, lam, fit_intercept=True):
    from sklearn.linear_model import Ridge

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("bad shapes")
    if lam < 0:
        raise ValueError("lam must be >= 0")
    model = Ridge(alpha=lam, fit_intercept=fit_intercept, solver="svd").fit(X, y)
    return Linear1(model.coef_.copy(), float(model.intercept_))
""",
    ),
    Variant(
        "block_system",
        "one linear system for (w, b) with the intercept's penalty left at 0",
        append="""
def ridge_regression(X, y, lam, fit_intercept=True):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("bad shapes")
    if lam < 0:
        raise ValueError("lam must be >= 0")
    n, d = X.shape
    if not fit_intercept:
        return Linear1(np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ y), 0.0)
    Z = np.column_stack([X, np.ones(n)])
    penalty = np.diag(np.append(np.full(d, float(lam)), 0.0))
    theta = np.linalg.solve(Z.T @ Z + penalty, Z.T @ y)
    return Linear1(theta[:d], float(theta[d]))
""",
    ),
]
