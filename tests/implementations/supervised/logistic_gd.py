from mlkata.mutation import Mutant, Variant

STEP = "        w = w - lr * grad_w\n        b = b - lr * grad_b\n"

MUTANTS = [
    Mutant(
        "summed_gradient",
        "the gradient summed over samples instead of averaged",
        replace=[
            ("grad_w = X.T @ r / n + l2 * w", "grad_w = X.T @ r + l2 * w"),
            ("grad_b = r.mean()", "grad_b = r.sum()"),
        ],
        message="summed over the samples",
    ),
    Mutant(
        "penalty_gradient_doubled",
        "the penalty's gradient taken as 2 * l2 * w",
        replace=[("grad_w = X.T @ r / n + l2 * w", "grad_w = X.T @ r / n + 2 * l2 * w")],
        message="2 * l2 * w",
    ),
    Mutant(
        "penalty_inside_the_mean",
        "the penalty's gradient divided by n",
        replace=[("grad_w = X.T @ r / n + l2 * w", "grad_w = (X.T @ r + l2 * w) / n")],
        message="divided by n",
    ),
    Mutant(
        "intercept_penalised",
        "the intercept gets the l2 penalty too",
        replace=[("grad_b = r.mean()", "grad_b = r.mean() + l2 * b")],
        message="intercept is penalised",
    ),
    Mutant(
        "gradient_ascent",
        "residual y - p instead of p - y",
        replace=[("r = p - y", "r = y - p")],
        message="wrong sign",
    ),
    Mutant(
        "intercept_never_updated",
        "b stays at 0",
        replace=[("        b = b - lr * grad_b\n", "")],
        message="never updated",
    ),
    Mutant(
        "sequential_updates",
        "w is updated first and b's gradient computed at the new w",
        replace=[
            (
                STEP,
                "        w = w - lr * grad_w\n"
                "        z = X @ w + b\n"
                "        e = np.exp(-np.abs(z))\n"
                "        grad_b = (np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)) - y).mean()\n"
                "        b = b - lr * grad_b\n",
            )
        ],
        message="one after the other",
    ),
    Mutant(
        "one_step_too_many",
        "n_iter + 1 updates",
        replace=[("range(int(n_iter))", "range(int(n_iter) + 1)")],
        message="one step too many",
    ),
    Mutant(
        "one_step_too_few",
        "n_iter - 1 updates",
        replace=[("range(int(n_iter))", "range(int(n_iter) - 1)")],
        message="one step too few",
    ),
    Mutant(
        "naive_sigmoid",
        "1 / (1 + exp(-z)), which overflows for very negative scores",
        replace=[
            (
                "p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))",
                "p = 1.0 / (1.0 + np.exp(-z))",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "log_of_sigmoid_for_monitoring",
        "computes the loss each step as -mean(y log p + (1 - y) log(1 - p))",
        replace=[
            (
                "        r = p - y\n",
                "        r = p - y\n"
                "        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))  # noqa: F841\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "accepts_plus_minus_one_labels",
        "no check that the labels are 0 or 1",
        replace=[("if not np.all((y == 0) | (y == 1)):", "if False:")],
        message="labels -1/+1",
    ),
    Mutant(
        "accepts_negative_n_iter",
        "no check on n_iter",
        replace=[(" or n_iter < 0:", ":")],
        message="n_iter < 0",
    ),
    Mutant(
        "modifies_input",
        "overwrites the caller's X",
        replace=[
            (
                "    return Linear1(w, float(b))\n",
                "    X[...] = 0.0\n    return Linear1(w, float(b))\n",
            )
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "scipy_expit",
        "the sigmoid from scipy.special.expit",
        replace=[
            (
                "p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))",
                "p = __import__('scipy.special', fromlist=['expit']).expit(z)",
            )
        ],
    ),
    Variant(
        "augmented_parameters",
        "one parameter vector over [X, 1] with a penalty mask; sigmoid via logaddexp",
        append="""
def logistic_regression_gd(X, y, lr, n_iter, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or X.size == 0:
        raise ValueError("X must be 2-D and non-empty, y 1-D of the same length")
    if not set(np.unique(y).tolist()) <= {0, 1}:
        raise ValueError("labels must be 0 or 1")
    if not lr > 0 or not np.isfinite(lr):
        raise ValueError("lr must be positive")
    if n_iter < 0 or n_iter % 1 != 0:
        raise ValueError("n_iter must be a non-negative integer")
    if not l2 >= 0 or not np.isfinite(l2):
        raise ValueError("l2 must be non-negative")
    n, d = X.shape
    A = np.concatenate([X, np.ones((n, 1))], axis=1)
    mask = np.r_[np.ones(d), 0.0]
    theta = np.zeros(d + 1)
    for _ in range(int(n_iter)):
        p = np.exp(-np.logaddexp(0.0, -(A @ theta)))
        theta = theta - lr * (A.T @ (p - y) / n + l2 * mask * theta)
    return Linear1(theta[:d], float(theta[d]))
""",
    ),
]
