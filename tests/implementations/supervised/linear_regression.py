from mlkata.mutation import Mutant, Variant

FIT = "    w = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]\n"

MUTANTS = [
    Mutant(
        "inv_normal_equations",
        "w = inv(X_c^T X_c) X_c^T y_c: fails on dependent columns, inaccurate when ill-conditioned",
        replace=[
            (
                FIT,
                "    Xc = X - x_mean\n    w = np.linalg.inv(Xc.T @ Xc) @ Xc.T @ (y - y_mean)\n",
            )
        ],
        message="inverting X^T X",
    ),
    Mutant(
        "solve_normal_equations_augmented",
        "solve (A^T A) theta = A^T y with A = [X, 1]",
        replace=[
            (
                FIT + "    b = float(y_mean - x_mean @ w)\n",
                "    A = np.hstack([X, np.ones((len(X), 1))])\n"
                "    theta = np.linalg.solve(A.T @ A, A.T @ y)\n"
                "    w, b = theta[:-1], float(theta[-1])\n",
            )
        ],
        message="inverting X^T X",
    ),
    Mutant(
        "no_intercept",
        "fits y ~ Xw through the origin, b = 0",
        replace=[
            (
                FIT + "    b = float(y_mean - x_mean @ w)\n",
                "    w = np.linalg.lstsq(X, y, rcond=None)[0]\n    b = 0.0\n",
            )
        ],
        message="no intercept",
    ),
    Mutant(
        "joint_minimum_norm",
        "lstsq on [X, 1]: the minimum norm of (w, b) jointly instead of w with b free",
        replace=[
            (
                FIT + "    b = float(y_mean - x_mean @ w)\n",
                "    A = np.hstack([X, np.ones((len(X), 1))])\n"
                "    theta = np.linalg.lstsq(A, y, rcond=None)[0]\n"
                "    w, b = theta[:-1], float(theta[-1])\n",
            )
        ],
        message="jointly",
    ),
    Mutant(
        "b_is_mean_y",
        "b = mean(y), forgetting the - x̄·w term",
        replace=[("    b = float(y_mean - x_mean @ w)\n", "    b = float(y_mean)\n")],
        message="b = mean(y)",
    ),
    Mutant(
        "no_validation",
        "a 2-D y is not rejected (w comes back 2-D)",
        replace=[("    if y.ndim != 1:\n", "    if False:\n")],
    ),
    Mutant(
        "modifies_input",
        "centres the caller's X in place (np.asarray does not copy a float array)",
        replace=[
            (
                "    x_mean = X.mean(axis=0)\n",
                "    x_mean = X.mean(axis=0).copy()\n    X -= x_mean\n    x_mean = 0 * x_mean\n",
            ),
            (
                "    b = float(y_mean - x_mean @ w)\n",
                "    b = float(y_mean - X.mean(axis=0) @ w)\n",
            ),
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "scipy_lstsq_centred",
        "SciPy's lstsq on the centred data (the minimum-norm solution)",
        append="""
def linear_regression(X, y):
    import scipy.linalg

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or X.size == 0:
        raise ValueError("X must be 2-D and non-empty, y 1-D of the same length")
    mx, my = X.mean(axis=0), y.mean()
    w = scipy.linalg.lstsq(X - mx, y - my)[0]
    return Linear1(w, float(my - mx @ w))
""",
    ),
    Variant(
        "sklearn_linear_regression",
        "scikit-learn's LinearRegression, whose convention the entry follows",
        append="""
def linear_regression(X, y):
    from sklearn.linear_model import LinearRegression

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or X.size == 0:
        raise ValueError("X must be 2-D and non-empty, y 1-D of the same length")
    model = LinearRegression().fit(X, y)
    return Linear1(model.coef_.copy(), float(model.intercept_))
""",
    ),
    Variant(
        "pinv_as_the_entry_says",
        "w = pinv(X_c) y_c with NumPy's default cut-off",
        replace=[
            (
                FIT,
                "    w = np.linalg.pinv(X - x_mean) @ (y - y_mean)\n",
            )
        ],
    ),
    Variant(
        "own_svd_sum",
        "the minimum-norm solution written out from an SVD, as a sum over singular triples",
        append="""
def linear_regression(X, y):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.size == 0:
        raise ValueError("bad shapes")
    n, d = X.shape
    Xc = X - X.sum(axis=0) / n
    yc = y - y.sum() / n
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    w = np.zeros(d)
    for k in range(len(s)):
        if s[k] > 1e-12 * s[0]:
            w += (U[:, k] @ yc) / s[k] * Vt[k]
    return Linear1(w, float(y.sum() / n - (X.sum(axis=0) / n) @ w))
""",
    ),
]
