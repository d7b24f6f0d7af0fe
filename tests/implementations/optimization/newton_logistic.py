"""Known mistakes in optimization/newton_logistic (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SIGMOID = "p = np.exp(-np.logaddexp(0.0, -z))  # sigmoid(z) without overflow"
GRAD = "grad = X.T @ (p - y) / n + l2 * w"
HESS = "hess = (X.T * (p * (1.0 - p))) @ X / n + l2 * np.eye(d)"
LOSS = "return float(np.mean(np.logaddexp(0.0, z) - y * z)) + 0.5 * l2 * float(w @ w)"

MUTANTS = [
    Mutant(
        "naive_sigmoid",
        "sigma(z) = 1 / (1 + exp(-z)), which overflows for large negative logits",
        replace=[(SIGMOID, "p = 1.0 / (1.0 + np.exp(-z))")],
        message="floating-point error",
    ),
    Mutant(
        "log_of_sigmoid",
        "the log-loss as -y log(sigma(z)) - (1 - y) log(1 - sigma(z))",
        replace=[
            (
                LOSS,
                "s = 1.0 / (1.0 + np.exp(-z))\n"
                "        loss = -(y * np.log(s) + (1 - y) * np.log(1 - s))\n"
                "        return float(np.mean(loss)) + 0.5 * l2 * float(w @ w)",
            )
        ],
        message="floating-point error",
    ),
    Mutant(
        "penalty_missing",
        "no l2 term anywhere: the unpenalised fit",
        replace=[("    w = np.zeros(d)\n", "    l2 = 0.0\n    w = np.zeros(d)\n")],
        message="the penalty is missing",
    ),
    Mutant(
        "penalty_gradient_doubled",
        "the gradient of (l2/2)||w||^2 taken as 2 l2 w (and the Hessian 2 l2 I)",
        replace=[
            (GRAD, "grad = X.T @ (p - y) / n + 2 * l2 * w"),
            (HESS, HESS.replace("+ l2 * np.eye(d)", "+ 2 * l2 * np.eye(d)")),
            (LOSS, LOSS.replace("0.5 * l2", "l2")),
        ],
        message="2 * l2 * w",
    ),
    Mutant(
        "summed_loss",
        "the log-loss summed over samples, not averaged",
        replace=[
            (GRAD, "grad = X.T @ (p - y) + l2 * w"),
            (HESS, "hess = (X.T * (p * (1.0 - p))) @ X + l2 * np.eye(d)"),
            (LOSS, LOSS.replace("np.mean(", "np.sum(")),
        ],
        message="summed, not averaged",
    ),
    Mutant(
        "intercept_unpenalised",
        "the first column treated as an intercept and left unpenalised",
        replace=[
            (
                "    w = np.zeros(d)\n",
                "    w = np.zeros(d)\n    mask = np.ones(d)\n"
                "    if np.all(X[:, 0] == 1.0):\n        mask[0] = 0.0\n",
            ),
            (GRAD, "grad = X.T @ (p - y) / n + l2 * mask * w"),
            (HESS, "hess = (X.T * (p * (1.0 - p))) @ X / n + l2 * np.diag(mask)"),
            (LOSS, LOSS.replace("float(w @ w)", "float((mask * w) @ w)")),
        ],
        message="intercept column is left unpenalised",
    ),
    Mutant(
        "labels_flipped",
        "class 0 taken as the positive class (p - (1 - y) in the gradient)",
        replace=[("    y = y.astype(float)\n", "    y = 1.0 - y.astype(float)\n")],
        message="labels are flipped",
    ),
    Mutant(
        "inv_XtX",
        "inv(X.T X) as the Newton matrix (the least-squares Hessian, no weights, no l2)",
        replace=[
            (
                "step = np.linalg.solve(hess, -grad)",
                "step = -4.0 * n * np.linalg.inv(X.T @ X) @ grad",
            )
        ],
        message="never with inv(X.T X)",
    ),
    Mutant(
        "unweighted_hessian",
        "the Hessian without the weights p(1 - p): a fixed, too-large curvature",
        replace=[(HESS, "hess = X.T @ X / n + l2 * np.eye(d)")],
        message="is not the minimiser",
    ),
    Mutant(
        "one_newton_step",
        "stops after the first Newton step",
        replace=[("    for _ in range(int(max_iter)):\n", "    for _ in range(1):\n")],
        message="is not the minimiser",
    ),
    Mutant(
        "labels_not_checked",
        "labels other than 0 and 1 are accepted",
        replace=[("    if not np.all((y == 0) | (y == 1)):\n", "    if False:\n")],
        message="labels are -1/+1",
    ),
]

VARIANTS = [
    Variant(
        "pure_newton_solve",
        "undamped Newton steps by np.linalg.solve, stopping on a small step",
        append="""
def logistic_regression_newton(X, y, l2=1e-4, tol=1e-10, max_iter=100):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("X must be a non-empty (n, d) array and y an (n,) array")
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("labels must be 0 or 1")
    if l2 < 0 or tol < 0 or max_iter < 0:
        raise ValueError("l2, tol and max_iter must be >= 0")
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(max_iter):
        z = X @ w
        p = np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))
        g = X.T @ (p - y) / n + l2 * w
        H = X.T @ (X * (p * (1 - p))[:, None]) / n + l2 * np.eye(d)
        step = np.linalg.solve(H, g)
        w = w - step
        if np.abs(step).max() <= 1e-13 * (1 + np.abs(w).max()):
            break
    return w
""",
    ),
    Variant(
        "irls_cholesky",
        "IRLS as weighted least squares, each system solved by a Cholesky factor",
        append="""
def logistic_regression_newton(X, y, l2=1e-4, tol=1e-10, max_iter=100):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("X must be a non-empty (n, d) array and y an (n,) array")
    if ((y != 0) & (y != 1)).any():
        raise ValueError("labels must be 0 or 1")
    if l2 < 0 or tol < 0 or max_iter < 0:
        raise ValueError("l2, tol and max_iter must be >= 0")
    n, d = X.shape
    w = np.zeros(d)

    def objective(w):
        z = X @ w
        return np.mean(np.logaddexp(0, z) - y * z) + l2 / 2 * w @ w

    for _ in range(max_iter):
        z = X @ w
        p = 0.5 * (1 + np.tanh(z / 2))
        g = X.T @ (p - y) / n + l2 * w
        if np.abs(g).max() <= tol:
            break
        H = (X * (p * (1 - p))[:, None]).T @ X / n + l2 * np.eye(d)
        C = np.linalg.cholesky(H)
        u = np.linalg.solve(C, -g)  # forward substitution (C is lower triangular)
        step = np.linalg.solve(C.T, u)
        t = 1.0
        while objective(w + t * step) > objective(w) and t > 1e-12:
            t /= 2
        w = w + t * step
        if np.abs(t * step).max() <= 1e-15 * (1 + np.abs(w).max()):
            break
    return w
""",
    ),
    Variant(
        "scipy_cho_solve",
        "the Newton system by scipy.linalg.cho_factor / cho_solve and expit from scipy.special",
        replace=[
            (SIGMOID, "from scipy.special import expit\n\n        p = expit(z)"),
            (
                "step = np.linalg.solve(hess, -grad)",
                "import scipy.linalg\n\n        step = scipy.linalg.cho_solve(scipy.linalg.cho_factor(hess), -grad)",
            ),
        ],
    ),
    Variant(
        "scikit_learn",
        "scikit-learn's LogisticRegression with C = 1 / (n l2), no intercept",
        append="""
def logistic_regression_newton(X, y, l2=1e-4, tol=1e-10, max_iter=100):
    from sklearn.linear_model import LogisticRegression

    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("X must be a non-empty (n, d) array and y an (n,) array")
    if ((y != 0) & (y != 1)).any():
        raise ValueError("labels must be 0 or 1")
    if l2 < 0:
        raise ValueError("l2 must be >= 0")
    if len(np.unique(y)) == 1:  # scikit-learn needs two classes; fall back to Newton
        return _newton(X, y.astype(float), l2)
    n = len(y)
    model = LogisticRegression(
        C=1.0 / (n * l2) if l2 > 0 else 1.0,
        penalty="l2" if l2 > 0 else None,
        fit_intercept=False,
        solver="newton-cholesky",
        tol=1e-14,
        max_iter=1000,
    )
    return model.fit(X, y).coef_.ravel()


def _newton(X, y, l2):
    w = np.zeros(X.shape[1])
    for _ in range(200):
        z = X @ w
        p = np.exp(-np.logaddexp(0, -z))
        g = X.T @ (p - y) / len(y) + l2 * w
        H = (X.T * (p * (1 - p))) @ X / len(y) + l2 * np.eye(len(w))
        w = w - np.linalg.solve(H, g)
    return w
""",
    ),
]
