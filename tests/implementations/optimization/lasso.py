"""Known mistakes in optimization/lasso (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RHO = "rho = X[:, j] @ r / n + col_sq[j] * old"
UPDATE = "new = np.sign(rho) * max(abs(rho) - lam, 0.0) / col_sq[j]"

MUTANTS = [
    Mutant(
        "lam_not_scaled",
        "the unscaled coordinate step: x_j . r and ||x_j||^2 without 1/n, thresholded at lam",
        replace=[(UPDATE, "new = np.sign(rho) * max(abs(rho) - lam / n, 0.0) / col_sq[j]")],
        message="lam not scaled by n",
    ),
    Mutant(
        "lam_scaled_twice",
        "threshold at n * lam",
        replace=[(UPDATE, "new = np.sign(rho) * max(abs(rho) - lam * n, 0.0) / col_sq[j]")],
        message="scaled twice by n",
    ),
    Mutant(
        "stale_residual_per_sweep",
        "the residual recomputed once per sweep (a Jacobi sweep)",
        replace=[
            ("        max_move = 0.0\n", "        max_move = 0.0\n        r0 = y - X @ w\n"),
            (RHO, "rho = X[:, j] @ r0 / n + col_sq[j] * old"),
        ],
        message="stale residual",
    ),
    Mutant(
        "residual_never_updated",
        "the residual y - Xw is never updated after w_j changes",
        replace=[("                r -= X[:, j] * (new - old)\n", "")],
        message="is not the lasso minimiser",
    ),
    Mutant(
        "rho_without_own_term",
        "rho = x_j . r / n, forgetting to add back the coordinate's own contribution",
        replace=[(RHO, "rho = X[:, j] @ r / n")],
        message="is not the lasso minimiser",
    ),
    Mutant(
        "not_divided_by_column_norm",
        "the thresholded value is not divided by ||x_j||^2 / n",
        replace=[(UPDATE, "new = np.sign(rho) * max(abs(rho) - lam, 0.0)")],
        message="w after 1 sweep(s) is wrong",
    ),
    Mutant(
        "reverse_order",
        "the sweep runs over the coordinates backwards",
        replace=[("        for j in range(d):\n", "        for j in reversed(range(d)):\n")],
        message="w after 1 sweep(s) is wrong",
    ),
    Mutant(
        "tol_ignored",
        "always runs n_iter sweeps",
        replace=[("        if max_move <= tol:\n            break\n", "")],
        message="tol is ignored",
    ),
    Mutant(
        "zero_column_divides",
        "divides by the squared norm of an all-zero column",
        replace=[("            if col_sq[j] == 0.0:\n                continue\n", "")],
        message="floating-point error",
    ),
    Mutant(
        "no_validation",
        "a negative lam is accepted",
        replace=[("    if not lam >= 0:\n", "    if lam != lam:\n")],
        message="lam is negative",
    ),
    Mutant(
        "modifies_input",
        "keeps the residual in the caller's y",
        replace=[("    r = y.copy()\n", "    r = y\n")],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "gram_updates",
        "covariance updates: precomputed X.T X and X.T y, gradient kept current",
        append="""
def lasso_coordinate_descent(X, y, lam, n_iter=1000, tol=1e-10):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("X must be a non-empty (n, d) array and y an (n,) array")
    if lam < 0 or tol < 0 or n_iter < 0:
        raise ValueError("lam, tol and n_iter must be >= 0")
    n, d = X.shape
    G = X.T @ X / n
    c = X.T @ y / n
    w = np.zeros(d)
    for _ in range(n_iter):
        moved = 0.0
        for j in range(d):
            if G[j, j] <= 0:
                continue
            z = c[j] - G[j] @ w + G[j, j] * w[j]
            new = (z - lam if z > lam else z + lam if z < -lam else 0.0) / G[j, j]
            moved = max(moved, abs(new - w[j]))
            w[j] = new
        if moved <= tol:
            break
    return w
""",
    ),
    Variant(
        "scikit_learn",
        "scikit-learn's Lasso (the same cyclic coordinate descent), its tol on the move "
        "checked the same way",
        append="""
def lasso_coordinate_descent(X, y, lam, n_iter=1000, tol=1e-10):
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import Lasso

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("X must be a non-empty (n, d) array and y an (n,) array")
    if lam < 0 or tol < 0 or n_iter < 0:
        raise ValueError("lam, tol and n_iter must be >= 0")
    if n_iter == 0:
        return np.zeros(X.shape[1])
    if lam == 0:
        return np.linalg.lstsq(X, y, rcond=None)[0]
    w = np.zeros(X.shape[1])
    model = Lasso(alpha=lam, fit_intercept=False, warm_start=True, max_iter=1, tol=0.0)
    model.coef_ = w.copy()
    for _ in range(n_iter):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(np.asfortranarray(X), y)
        new = model.coef_.copy()
        moved = np.max(np.abs(new - w))
        w = new
        if moved <= tol:
            break
    return w
""",
    ),
]
