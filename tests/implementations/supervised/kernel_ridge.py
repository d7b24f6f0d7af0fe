"""Known mistakes in supervised/kernel_ridge (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

EXP = "    return np.exp(-gamma * np.maximum(sq, 0.0))\n"
ALPHA = "    alpha = np.linalg.solve(K + lam * np.eye(y_train.size), y_train)\n"
PREDICT = "    return rbf_kernel(X_test, X_train, gamma) @ alpha\n"

MUTANTS = [
    Mutant(
        "distance_not_squared",
        "exp(-gamma |x - y|)",
        replace=[(EXP, "    return np.exp(-gamma * np.sqrt(np.maximum(sq, 0.0)))\n")],
        message="the distance is not squared",
    ),
    Mutant(
        "extra_half",
        "exp(-gamma |x - y|^2 / 2)",
        replace=[(EXP, "    return np.exp(-gamma * np.maximum(sq, 0.0) / 2)\n")],
        message="an extra 1/2",
    ),
    Mutant(
        "gamma_as_width",
        "exp(-|x - y|^2 / gamma)",
        replace=[(EXP, "    return np.exp(-np.maximum(sq, 0.0) / gamma)\n")],
        message="gamma used as a width",
    ),
    Mutant(
        "gamma_as_sigma",
        "exp(-|x - y|^2 / (2 gamma^2))",
        replace=[(EXP, "    return np.exp(-np.maximum(sq, 0.0) / (2 * gamma**2))\n")],
        message="gamma used as sigma",
    ),
    Mutant(
        "no_lam",
        "alpha = K^{-1} y",
        replace=[(ALPHA, "    alpha = np.linalg.lstsq(K, y_train, rcond=None)[0]\n")],
        message="lam is missing",
    ),
    Mutant(
        "lam_times_n",
        "alpha = (K + lam n I)^{-1} y",
        replace=[
            (
                ALPHA,
                "    alpha = np.linalg.solve(K + lam * y_train.size * np.eye(y_train.size), y_train)\n",
            )
        ],
        message="lam n I where the kata asks for lam I",
    ),
    Mutant(
        "lam_on_every_entry",
        "K + lam instead of K + lam I",
        replace=[(ALPHA, "    alpha = np.linalg.solve(K + lam, y_train)\n")],
        message="lam added to every entry of K",
    ),
    Mutant(
        "intercept",
        "y centred and its mean added back",
        replace=[
            (
                ALPHA,
                "    alpha = np.linalg.solve(K + lam * np.eye(y_train.size), y_train - y_train.mean())\n",
            ),
            (PREDICT, "    return rbf_kernel(X_test, X_train, gamma) @ alpha + y_train.mean()\n"),
        ],
        message="an intercept (the mean of y) was fitted",
    ),
    Mutant(
        "returns_alpha",
        "alpha returned instead of the predictions",
        replace=[(PREDICT, "    return alpha\n")],
    ),
    Mutant(
        "test_kernel_transposed",
        "K(X_train, X_test).T @ alpha built the wrong way round",
        replace=[
            (PREDICT, "    return rbf_kernel(X_train, X_test, gamma).T.T @ alpha[: len(X_test)]\n")
        ],
    ),
    Mutant(
        "gamma_not_checked",
        "gamma <= 0 accepted",
        replace=[("    if not gamma > 0:\n", "    if False:\n")],
    ),
    Mutant(
        "lam_not_checked",
        "lam <= 0 accepted",
        replace=[("    if not lam > 0:\n", "    if False:\n")],
    ),
    Mutant(
        "empty_not_checked",
        "an X or Y without rows gives an empty kernel matrix instead of an error",
        replace=[("        if A.shape[0] == 0:\n", "        if False:\n")],
    ),
    Mutant(
        "y_centred_in_place",
        "y_train centred in place (and not restored)",
        replace=[
            (
                ALPHA,
                "    mean = y_train.mean()\n    y_train -= mean\n    alpha = np.linalg.solve(K + lam * np.eye(y_train.size), y_train + mean)\n",
            ),
        ],
        message="modified its input `y_train`",
    ),
]

VARIANTS = [
    Variant(
        "pairwise_differences_and_cholesky",
        "squared distances from broadcast differences, alpha by a Cholesky factorisation",
        replace=[
            (
                "    sq = np.sum(X**2, axis=1)[:, None] + np.sum(Y**2, axis=1)[None, :] - 2.0 * X @ Y.T\n",
                "    sq = np.sum((X[:, None, :] - Y[None, :, :]) ** 2, axis=2)\n",
            ),
            (
                ALPHA,
                "    L = np.linalg.cholesky(K + lam * np.eye(y_train.size))\n"
                "    alpha = np.linalg.solve(L.T, np.linalg.solve(L, y_train))\n",
            ),
        ],
    ),
    Variant(
        "sklearn",
        "scikit-learn's rbf_kernel and KernelRidge(kernel='rbf') (alpha is lam there)",
        append="""
def rbf_kernel(X, Y, gamma):
    from sklearn.metrics.pairwise import rbf_kernel as sk_rbf

    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    if X.ndim != 2 or Y.ndim != 2 or 0 in (len(X), len(Y)) or X.shape[1] != Y.shape[1]:
        raise ValueError("X and Y must be non-empty (n, d) and (m, d)")
    if not gamma > 0:
        raise ValueError("gamma must be positive")
    return sk_rbf(X, Y, gamma=gamma)


def kernel_ridge_predict(X_train, y_train, X_test, gamma, lam):
    from sklearn.kernel_ridge import KernelRidge

    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    rbf_kernel(X_test, X_train, gamma)  # the checks
    if y_train.ndim != 1 or len(y_train) != len(X_train) or not lam > 0:
        raise ValueError("y_train must be (n,) and lam positive")
    model = KernelRidge(alpha=lam, kernel="rbf", gamma=gamma).fit(X_train, y_train)
    return model.predict(X_test)
""",
    ),
]
