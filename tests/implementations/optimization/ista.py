"""Known mistakes in optimization/ista (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

LIP = "L = np.linalg.norm(X, 2) ** 2 / n"
PROX = "w = np.sign(z) * np.maximum(np.abs(z) - lam / L, 0.0)"
GRAD = "grad = -(X.T @ (y - X @ w)) / n"

MUTANTS = [
    Mutant(
        "threshold_lam",
        "soft threshold at lam instead of lam / L",
        replace=[(PROX, "w = np.sign(z) * np.maximum(np.abs(z) - lam, 0.0)")],
        message="the threshold is lam, not lam / L",
    ),
    Mutant(
        "lipschitz_without_n",
        "L = sigma_max(X)^2, forgetting the 1/n of the mean",
        replace=[(LIP, "L = np.linalg.norm(X, 2) ** 2")],
        message="without the 1/n",
    ),
    Mutant(
        "lipschitz_not_squared",
        "L = sigma_max(X) / n",
        replace=[(LIP, "L = np.linalg.norm(X, 2) / n")],
        message="not its square",
    ),
    Mutant(
        "lipschitz_frobenius",
        "L from the Frobenius norm",
        replace=[(LIP, "L = np.linalg.norm(X) ** 2 / n")],
        message="Frobenius",
    ),
    Mutant(
        "gradient_ascent",
        "the gradient of the least-squares part with the wrong sign",
        replace=[(GRAD, "grad = (X.T @ (y - X @ w)) / n")],
        message="gradient ascent",
    ),
    Mutant(
        "gradient_summed",
        "the gradient summed over samples while L is per sample",
        replace=[(GRAD, "grad = -(X.T @ (y - X @ w))")],
        message="w after",
    ),
    Mutant(
        "one_step_too_many",
        "n_iter + 1 steps",
        replace=[("    for _ in range(int(n_iter)):\n", "    for _ in range(int(n_iter) + 1):\n")],
        message="w after",
    ),
    Mutant(
        "fista_momentum",
        "FISTA's momentum added (a different, faster method with other iterates)",
        replace=[
            (
                "    for _ in range(int(n_iter)):\n",
                "    v, t_k = w.copy(), 1.0\n    for _ in range(int(n_iter)):\n"
                "        w_prev = w\n        w = v\n",
            ),
            (
                PROX,
                PROX + "\n        t_next = (1 + np.sqrt(1 + 4 * t_k**2)) / 2\n"
                "        v = w + (t_k - 1) / t_next * (w - w_prev)\n        t_k = t_next",
            ),
        ],
        message="w after",
    ),
    Mutant(
        "no_validation",
        "a negative lam is accepted",
        replace=[("    if not lam >= 0:\n", "    if lam != lam:\n")],
        message="lam is negative",
    ),
    Mutant(
        "modifies_input",
        "folds 1/sqrt(n) into the caller's X in place",
        replace=[
            (LIP, "X /= np.sqrt(n)\n    y = y / np.sqrt(n)\n    L = np.linalg.norm(X, 2) ** 2"),
            (GRAD, "grad = -(X.T @ (y - X @ w))"),
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "svd_and_clip",
        "L from the singular values, the prox written as z - clip(z, -t, t)",
        append="""
def ista_lasso(X, y, lam, n_iter):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("X must be a non-empty (n, d) array and y an (n,) array")
    if lam < 0 or n_iter < 0 or n_iter != int(n_iter):
        raise ValueError("lam must be >= 0 and n_iter an integer >= 0")
    n = len(y)
    L = np.linalg.svd(X, compute_uv=False)[0] ** 2 / n
    w = np.zeros(X.shape[1])
    if L == 0:
        return w
    XtX, Xty = X.T @ X / n, X.T @ y / n
    for _ in range(n_iter):
        z = w - (XtX @ w - Xty) / L
        w = z - np.clip(z, -lam / L, lam / L)
    return w
""",
    ),
    Variant(
        "scipy_svdvals",
        "L from scipy.linalg.svdvals",
        replace=[
            (
                "L = np.linalg.norm(X, 2) ** 2 / n",
                "import scipy.linalg\n\n    L = scipy.linalg.svdvals(X)[0] ** 2 / n",
            )
        ],
    ),
    Variant(
        "power_iteration",
        "L by a power iteration on X.T X / n, stopped when the estimate settles to 1e-12",
        replace=[
            (
                "L = np.linalg.norm(X, 2) ** 2 / n",
                "v = np.ones(d) / np.sqrt(d) + np.arange(d) * 1e-3\n"
                "    L, previous = 0.0, -1.0\n"
                "    for _ in range(100000):\n"
                "        u = X.T @ (X @ v) / n\n"
                "        L, previous = float(np.linalg.norm(u)), L\n"
                "        if L == 0.0 or abs(L - previous) <= 1e-12 * L:\n"
                "            break\n"
                "        v = u / L",
            )
        ],
    ),
]
