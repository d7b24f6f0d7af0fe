"""Known mistakes in capstones/ridge_cv (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

CENTRE = "            x_mean, y_mean = X[train].mean(axis=0), y[train].mean()\n"
SOLVE = "            w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(d), Xc.T @ yc)\n"
CV = "            cv_mse[a] += np.mean((y[test] - X[test] @ w - b) ** 2)\n"
BEST = "    best = max(range(lams.size), key=lambda a: (-cv_mse[a], lams[a]))\n"

MUTANTS = [
    Mutant(
        "no_intercept",
        "fits without an intercept (no centring)",
        replace=[(CENTRE, "            x_mean, y_mean = np.zeros(d), 0.0\n")],
        message="fit an intercept",
    ),
    Mutant(
        "penalised_intercept",
        "penalises the intercept: a column of ones inside the ridge penalty",
        replace=[
            (
                CENTRE
                + "            Xc, yc = X[train] - x_mean, y[train] - y_mean\n"
                + SOLVE
                + "            b = y_mean - x_mean @ w\n",
                "            A = np.hstack([np.ones((len(train), 1)), X[train]])\n"
                "            coef = np.linalg.solve(A.T @ A + lam * np.eye(d + 1), A.T @ y[train])\n"
                "            b, w = coef[0], coef[1:]\n",
            )
        ],
        message="the intercept is not penalised",
    ),
    Mutant(
        "pooled_over_n",
        "pools the held-out squared errors over all n rows instead of averaging the folds",
        replace=[
            (CV, "            cv_mse[a] += np.sum((y[test] - X[test] @ w - b) ** 2)\n"),
            (
                "    cv_mse /= len(checked)\n",
                "    cv_mse /= sum(len(test) for _, test in checked)\n",
            ),
        ],
        message="plain mean of the k fold errors",
    ),
    Mutant(
        "sum_of_squares",
        "adds up each fold's squared errors instead of averaging them",
        replace=[(CV, "            cv_mse[a] += np.sum((y[test] - X[test] @ w - b) ** 2)\n")],
        message="not a sum",
    ),
    Mutant(
        "fits_on_all_rows",
        "fits every fold's model on all n rows, held-out rows included",
        replace=[
            (
                CENTRE + "            Xc, yc = X[train] - x_mean, y[train] - y_mean\n",
                "            x_mean, y_mean = X.mean(axis=0), y.mean()\n"
                "            Xc, yc = X - x_mean, y - y_mean\n",
            )
        ],
        message="training rows only",
    ),
    Mutant(
        "best_by_train_error",
        "chooses the lambda of least training error",
        replace=[(BEST, BEST.replace("cv_mse[a]", "train_mse[a]"))],
    ),
    Mutant(
        "ties_to_smallest",
        "among equal errors chooses the smallest lambda",
        replace=[(BEST, "    best = int(np.argmin(cv_mse))\n")],
        message="ties go to the first lambda listed",
    ),
    Mutant(
        "best_is_index",
        "returns the position of the best lambda instead of its value",
        replace=[("float(lams[best])", "float(best)")],
    ),
    Mutant(
        "zero_lambda_accepted",
        "accepts lambda = 0 (and fails or not on dependent columns)",
        replace=[("(lams > 0)", "(lams >= 0)")],
    ),
]

MUTANTS += [
    Mutant(
        "mean_loss_objective",
        "minimises the mean squared error plus lambda ||w||^2 (lambda scaled by |T_f|)",
        replace=[("Xc.T @ Xc + lam * np.eye(d)", "Xc.T @ Xc + lam * len(train) * np.eye(d)")],
    ),
    Mutant(
        "ties_to_smallest_value",
        "among equal errors chooses the smallest lambda (not the first listed)",
        replace=[(BEST, "    best = min(range(lams.size), key=lambda a: (cv_mse[a], lams[a]))\n")],
        message="ties go to the smallest lambda",
    ),
]

VARIANTS = [
    Variant(
        "sklearn_ridge",
        "scikit-learn's Ridge(alpha=lam) fitted on each fold (same objective)",
        replace=[
            (
                CENTRE
                + "            Xc, yc = X[train] - x_mean, y[train] - y_mean\n"
                + SOLVE
                + "            b = y_mean - x_mean @ w\n",
                "            from sklearn.linear_model import Ridge\n\n"
                "            model = Ridge(alpha=lam, solver='cholesky').fit(X[train], y[train])\n"
                "            w, b = model.coef_, model.intercept_\n",
            )
        ],
    ),
    Variant(
        "svd_path",
        "one SVD per fold gives w for every lambda; errors kept in a (L, k) table",
        append="""
def ridge_cv(X, y, lams, folds):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    lams = np.array(lams, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("X must be (n, d) and y (n,)")
    if not (np.isfinite(X).all() and np.isfinite(y).all()):
        raise ValueError("X and y must be finite")
    if lams.ndim != 1 or not len(lams) or not (np.isfinite(lams) & (lams > 0)).all():
        raise ValueError("lams must be finite and > 0")
    folds = [tuple(np.asarray(p) for p in fold) for fold in folds]
    if not folds:
        raise ValueError("no folds")
    n = len(X)
    for fold in folds:
        for idx in fold:
            if idx.ndim != 1 or not len(idx) or idx.dtype.kind not in "iu":
                raise ValueError("bad fold")
            if idx.min() < 0 or idx.max() >= n:
                raise ValueError("fold index out of range")
    train_err = np.empty((len(lams), len(folds)))
    held_err = np.empty((len(lams), len(folds)))
    for f, (tr, te) in enumerate(folds):
        mx, my = X[tr].mean(axis=0), y[tr].mean()
        U, s, Vt = np.linalg.svd(X[tr] - mx, full_matrices=False)
        uy = U.T @ (y[tr] - my)
        for a, lam in enumerate(lams):
            w = Vt.T @ (s / (s**2 + lam) * uy)
            b = my - mx @ w
            train_err[a, f] = np.mean((y[tr] - X[tr] @ w - b) ** 2)
            held_err[a, f] = np.mean((y[te] - X[te] @ w - b) ** 2)
    cv = held_err.mean(axis=1)
    order = np.argsort(-lams, kind="stable")
    best = order[np.argmin(cv[order])]
    return RidgeCV(train_err.mean(axis=1), cv, float(lams[best]))
""",
    ),
    Variant(
        "review_augmented_lstsq",
        "each fit as least squares on the rows [X_c; sqrt(lambda) I] against [y_c; 0], "
        "the intercept as ȳ - x̄ᵀw",
        append="""
def ridge_cv(X, y, lams, folds):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    lams = np.array(lams, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or X.size == 0:
        raise ValueError("X must be 2-D and y 1-D, of the same non-zero length")
    if not (np.isfinite(X).all() and np.isfinite(y).all()):
        raise ValueError("X and y must be finite")
    if lams.ndim != 1 or lams.size == 0 or not np.isfinite(lams).all() or (lams <= 0).any():
        raise ValueError("lams must be a non-empty 1-D array of finite values > 0")
    folds = list(folds)
    if not folds:
        raise ValueError("folds is empty")
    n, d = X.shape
    checked = []
    for fold in folds:
        if len(fold) != 2:
            raise ValueError("each fold is a (train, test) pair")
        pair = []
        for idx in fold:
            a = np.asarray(idx)
            if a.ndim != 1 or a.size == 0 or not np.issubdtype(a.dtype, np.integer):
                raise ValueError("fold indices must be non-empty 1-D integer arrays")
            if a.min() < 0 or a.max() >= n:
                raise ValueError("fold index out of range")
            pair.append(a)
        checked.append(pair)
    train = np.zeros(len(lams))
    cv = np.zeros(len(lams))
    for li, lam in enumerate(lams):
        for tr, te in checked:
            xm, ym = X[tr].mean(axis=0), y[tr].mean()
            A = np.vstack([X[tr] - xm, np.sqrt(lam) * np.eye(d)])
            rhs = np.concatenate([y[tr] - ym, np.zeros(d)])
            w = np.linalg.lstsq(A, rhs, rcond=None)[0]
            b = ym - xm @ w
            train[li] += np.mean((y[tr] - X[tr] @ w - b) ** 2) / len(checked)
            cv[li] += np.mean((y[te] - X[te] @ w - b) ** 2) / len(checked)
    best = max(range(len(lams)), key=lambda i: (-cv[i], lams[i]))
    return RidgeCV(train, cv, float(lams[best]))
""",
    ),
    Variant(
        "review_normal_equations_with_intercept_column",
        "no centring: the normal equations of [1 X] with the penalty diag(0, lambda I)",
        append="""
def ridge_cv(X, y, lams, folds):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    lams = np.array(lams, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or X.size == 0:
        raise ValueError("X must be 2-D and y 1-D, of the same non-zero length")
    if not (np.isfinite(X).all() and np.isfinite(y).all()):
        raise ValueError("X and y must be finite")
    if lams.ndim != 1 or lams.size == 0 or not np.isfinite(lams).all() or (lams <= 0).any():
        raise ValueError("lams must be a non-empty 1-D array of finite values > 0")
    folds = list(folds)
    if not folds:
        raise ValueError("folds is empty")
    n, d = X.shape
    checked = []
    for fold in folds:
        if len(fold) != 2:
            raise ValueError("each fold is a (train, test) pair")
        pair = []
        for idx in fold:
            a = np.asarray(idx)
            if a.ndim != 1 or a.size == 0 or not np.issubdtype(a.dtype, np.integer):
                raise ValueError("fold indices must be non-empty 1-D integer arrays")
            if a.min() < 0 or a.max() >= n:
                raise ValueError("fold index out of range")
            pair.append(a)
        checked.append(pair)
    A1 = np.hstack([np.ones((n, 1)), X])
    P = np.eye(d + 1)
    P[0, 0] = 0.0
    train = np.zeros(len(lams))
    cv = np.zeros(len(lams))
    for li, lam in enumerate(lams):
        for tr, te in checked:
            coef = np.linalg.solve(A1[tr].T @ A1[tr] + lam * P, A1[tr].T @ y[tr])
            train[li] += np.mean((y[tr] - A1[tr] @ coef) ** 2) / len(checked)
            cv[li] += np.mean((y[te] - A1[te] @ coef) ** 2) / len(checked)
    best = max(np.flatnonzero(cv == cv.min()), key=lambda i: lams[i])
    return RidgeCV(train, cv, float(lams[best]))
""",
    ),
]
