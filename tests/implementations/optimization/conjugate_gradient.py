"""Known mistakes in optimization/conjugate_gradient (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "steepest_descent",
        "never conjugates: p = r and alpha = r^T r / r^T A r",
        replace=[("        p = r + (rr_new / rr) * p\n", "        p = r.copy()\n")],
        message="steepest descent",
    ),
    Mutant(
        "beta_inverted",
        "beta = r^T r / r_new^T r_new",
        replace=[("p = r + (rr_new / rr) * p", "p = r + (rr / rr_new) * p")],
        message="is wrong",
    ),
    Mutant(
        "beta_sign",
        "p = r - beta p",
        replace=[("p = r + (rr_new / rr) * p", "p = r - (rr_new / rr) * p")],
        message="is wrong",
    ),
    Mutant(
        "absolute_stopping_rule",
        "stops when ||r|| <= tol, whatever the scale of b",
        replace=[("    threshold = tol * np.sqrt(float(b @ b))\n", "    threshold = tol\n")],
        message="the stopping rule is relative",
    ),
    Mutant(
        "strict_stopping_rule",
        "stops only when ||r|| < tol ||b||, so r = 0 leads to 0/0",
        replace=[
            ("        if np.sqrt(rr) <= threshold:\n", "        if np.sqrt(rr) < threshold:\n")
        ],
        message="floating-point error",
    ),
    Mutant(
        "default_ten_n",
        "max_iter=None means 10 n",
        replace=[("        max_iter = n\n", "        max_iter = 10 * n\n")],
        message="max_iter=None",
    ),
    Mutant(
        "zero_max_iter_means_default",
        "max_iter = max_iter or n, so max_iter = 0 runs n iterations",
        replace=[
            ("    if max_iter is None:\n        max_iter = n\n", "    max_iter = max_iter or n\n"),
        ],
        message="is wrong",
    ),
    Mutant(
        "one_iteration_short",
        "runs max_iter - 1 iterations",
        replace=[
            ("    for _ in range(max_iter):\n", "    for _ in range(max(max_iter - 1, 0)):\n")
        ],
        message="one iteration too few",
    ),
    Mutant(
        "starts_from_b",
        "starts from x = b instead of 0",
        replace=[
            ("    x = np.zeros(n)\n    r = b.copy()\n", "    x = b.copy()\n    r = b - A @ x\n"),
        ],
        message="started from x = b",
    ),
    Mutant(
        "residual_aliases_b",
        "r = b without a copy, then updated in place",
        replace=[
            ("    r = b.copy()\n", "    r = b\n"),
            ("        r = r - alpha * Ap\n", "        r -= alpha * Ap\n"),
        ],
        message="modified its input `b`",
    ),
    Mutant(
        "uses_solve",
        "calls np.linalg.solve",
        replace=[("    return x\n", "    return np.linalg.solve(A, b) if max_iter >= n else x\n")],
        message="numpy.linalg.solve",
    ),
    Mutant(
        "no_validation",
        "accepts a b of the wrong length and a negative tol",
        replace=[
            ("    if b.shape != (n,):\n", "    if b.ndim != 1:\n"),
            ("    if not tol >= 0:\n", "    if False:\n"),
            ("    r = b.copy()\n", "    b = np.resize(b, n)\n    r = b.copy()\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "hestenes_stiefel_form",
        "alpha = r^T p / p^T A p and beta = -r_new^T A p / p^T A p (the original formulas)",
        append="""
def conjugate_gradient(A, b, tol=1e-10, max_iter=None):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] == 0 or b.shape != A.shape[:1]:
        raise ValueError("A must be a non-empty square matrix and b match it")
    n = len(b)
    max_iter = n if max_iter is None else max_iter
    if tol < 0 or max_iter < 0 or int(max_iter) != max_iter:
        raise ValueError("tol and max_iter must be non-negative")
    x = np.zeros(n)
    r = b - A @ x
    p = r
    stop = tol * np.linalg.norm(b)
    k = 0
    while k < max_iter and np.linalg.norm(r) > stop:
        Ap = A @ p
        pAp = p @ Ap
        alpha = (r @ p) / pAp
        x = x + alpha * p
        r = r - alpha * Ap
        p = r - ((r @ Ap) / pAp) * p
        k += 1
    return x
""",
    ),
    Variant(
        "recomputed_residual",
        "recomputes r = b - A x from scratch every iteration",
        append="""
def conjugate_gradient(A, b, tol=1e-10, max_iter=None):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be a non-empty square matrix")
    if b.ndim != 1 or b.size != A.shape[0]:
        raise ValueError("b must match A")
    if max_iter is None:
        max_iter = A.shape[0]
    if tol < 0 or max_iter < 0 or max_iter != int(max_iter):
        raise ValueError("bad tol or max_iter")
    x = np.zeros_like(b)
    r = b.copy()
    p = r.copy()
    for _ in range(int(max_iter)):
        rs = np.dot(r, r)
        if np.sqrt(rs) <= tol * np.linalg.norm(b):
            break
        q = A.dot(p)
        x += (rs / np.dot(p, q)) * p
        r = b - A.dot(x)
        p = r + (np.dot(r, r) / rs) * p
    return x
""",
    ),
]
