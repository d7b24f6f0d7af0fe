from mlkata.mutation import Mutant, Variant

SOFTMAX = (
    "        E = np.exp(Z - Z.max(axis=1, keepdims=True))  # <= 1: never overflows\n"
    "        P = E / E.sum(axis=1, keepdims=True)\n"
)
STEP = "        W = W - lr * grad_W\n        b = b - lr * grad_b\n"

MUTANTS = [
    Mutant(
        "summed_gradient",
        "the gradient summed over samples instead of averaged",
        replace=[
            ("grad_W = X.T @ G / n + l2 * W", "grad_W = X.T @ G + l2 * W"),
            ("grad_b = G.mean(axis=0)", "grad_b = G.sum(axis=0)"),
        ],
        message="summed over the samples",
    ),
    Mutant(
        "penalty_gradient_doubled",
        "the penalty's gradient taken as 2 * l2 * W",
        replace=[("grad_W = X.T @ G / n + l2 * W", "grad_W = X.T @ G / n + 2 * l2 * W")],
        message="2 * l2 * W",
    ),
    Mutant(
        "penalty_inside_the_mean",
        "the penalty's gradient divided by n",
        replace=[("grad_W = X.T @ G / n + l2 * W", "grad_W = (X.T @ G + l2 * W) / n")],
        message="divided by n",
    ),
    Mutant(
        "intercepts_penalised",
        "the intercepts get the l2 penalty too",
        replace=[("grad_b = G.mean(axis=0)", "grad_b = G.mean(axis=0) + l2 * b")],
        message="intercepts are penalised",
    ),
    Mutant(
        "gradient_ascent",
        "Y - P instead of P - Y",
        replace=[("G = P - Y", "G = Y - P")],
        message="wrong sign",
    ),
    Mutant(
        "softmax_over_samples",
        "normalises each column (over the samples) instead of each row",
        replace=[
            (
                SOFTMAX,
                "        E = np.exp(Z - Z.max(axis=0, keepdims=True))\n"
                "        P = E / E.sum(axis=0, keepdims=True)\n",
            )
        ],
        message="over the samples (axis 0)",
    ),
    Mutant(
        "no_max_shift",
        "exp of the raw scores, which overflows for huge scores",
        replace=[
            (
                SOFTMAX,
                "        E = np.exp(Z)\n        P = E / E.sum(axis=1, keepdims=True)\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "log_of_softmax_for_monitoring",
        "computes the loss each step as -mean(log P[i, y_i])",
        replace=[
            (
                "        G = P - Y\n",
                "        loss = -np.mean(np.log(P[np.arange(n), y.astype(int)]))  # noqa: F841\n"
                "        G = P - Y\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "intercepts_never_updated",
        "b stays at 0",
        replace=[("        b = b - lr * grad_b\n", "")],
        message="never updated",
    ),
    Mutant(
        "sequential_updates",
        "W is updated first and b's gradient computed at the new W",
        replace=[
            (
                STEP,
                "        W = W - lr * grad_W\n"
                "        Z = X @ W + b\n"
                "        E = np.exp(Z - Z.max(axis=1, keepdims=True))\n"
                "        grad_b = (E / E.sum(axis=1, keepdims=True) - Y).mean(axis=0)\n"
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
        "classes_counted_from_labels",
        "K taken as the number of distinct labels instead of n_classes",
        replace=[
            ("    K = int(n_classes)\n", "    K = int(n_classes)\n    K = len(np.unique(y))\n")
        ],
        message="do not count np.unique(y)",
    ),
    Mutant(
        "W_transposed",
        "W stored as (K, d)",
        replace=[
            ("    W = np.zeros((d, K))\n", "    W = np.zeros((K, d))\n"),
            ("        Z = X @ W + b\n", "        Z = X @ W.T + b\n"),
            ("grad_W = X.T @ G / n + l2 * W", "grad_W = G.T @ X / n + l2 * W"),
        ],
        message="transpose",
    ),
    Mutant(
        "labels_not_checked",
        "labels out of range are not rejected",
        replace=[(" or y.min() < 0 or y.max() >= K:", " or y.min() < -K:")],
        message="not below n_classes",
    ),
    Mutant(
        "modifies_input",
        "overwrites the caller's X",
        replace=[("    return Softmax(W, b)\n", "    X[...] = 0.0\n    return Softmax(W, b)\n")],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "scipy_softmax",
        "the probabilities from scipy.special.softmax",
        replace=[
            (
                SOFTMAX,
                "        P = __import__('scipy.special', fromlist=['softmax']).softmax(Z, axis=1)\n",
            )
        ],
    ),
    Variant(
        "augmented_log_softmax",
        "one (d + 1, K) parameter matrix over [X, 1], P from a log-sum-exp, penalty mask",
        append="""
def softmax_regression_gd(X, y, n_classes, lr, n_iter, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or X.size == 0:
        raise ValueError("X must be 2-D and non-empty, y 1-D of the same length")
    if n_classes < 1 or n_classes % 1:
        raise ValueError("n_classes must be a positive integer")
    if np.any(y % 1) or np.any(y < 0) or np.any(y >= n_classes):
        raise ValueError("labels must be integers in 0..n_classes - 1")
    if not lr > 0 or not np.isfinite(lr) or n_iter < 0 or n_iter % 1:
        raise ValueError("lr must be positive, n_iter a non-negative integer")
    if not l2 >= 0 or not np.isfinite(l2):
        raise ValueError("l2 must be non-negative")
    n, d = X.shape
    K = int(n_classes)
    A = np.hstack([X, np.ones((n, 1))])
    onehot = (y[:, None] == np.arange(K)).astype(float)
    mask = np.vstack([np.ones((d, K)), np.zeros((1, K))])
    theta = np.zeros((d + 1, K))
    for _ in range(int(n_iter)):
        Z = A @ theta
        m = Z.max(axis=1, keepdims=True)
        P = np.exp(Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True)))
        theta = theta - lr * (np.einsum("ij,ik->jk", A, P - onehot) / n + l2 * mask * theta)
    return Softmax(theta[:d], theta[d])
""",
    ),
]
