"""Known mistakes in optimization/newton (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

STEP = "        x = x - np.linalg.solve(H, g)\n"

MUTANTS = [
    Mutant(
        "ascent",
        "adds the Newton step",
        replace=[(STEP, "        x = x + np.linalg.solve(H, g)\n")],
        message="uphill",
    ),
    Mutant(
        "gradient_step",
        "steps by -g, ignoring the Hessian",
        replace=[(STEP, "        x = x - g\n")],
        message="a gradient step",
    ),
    Mutant(
        "times_hessian",
        "multiplies the gradient by the Hessian instead of solving",
        replace=[(STEP, "        x = x - H @ g\n")],
        message="not H g",
    ),
    Mutant(
        "fixed_hessian",
        "evaluates the Hessian once, at x0",
        replace=[
            (
                "    d = x.size\n",
                "    d = x.size\n    H0 = np.asarray(hess(x.copy()), dtype=float)\n",
            ),
            ("        H = np.asarray(hess(x.copy()), dtype=float)\n", "        H = H0\n"),
        ],
        message="evaluated once, at x0",
    ),
    Mutant(
        "tests_after_stepping",
        "takes a step before the first convergence test",
        replace=[
            (
                "        if np.linalg.norm(g) <= tol:\n            return Newton(x, k)\n",
                "        if k > 0 and np.linalg.norm(g) <= tol:\n            return Newton(x, k)\n",
            )
        ],
        message="n_iter is",
    ),
    Mutant(
        "counts_one_more",
        "reports one step more than it took",
        replace=[("            return Newton(x, k)\n", "            return Newton(x, k + 1)\n")],
        message="n_iter is",
    ),
    Mutant(
        "one_step_too_many",
        "takes max_iter + 1 steps",
        replace=[("    for k in range(max_iter):\n", "    for k in range(max_iter + 1):\n")],
        message="one step too many",
    ),
    Mutant(
        "strict_tolerance",
        "stops only when the norm is strictly below tol",
        replace=[("if np.linalg.norm(g) <= tol:", "if np.linalg.norm(g) < tol:")],
        message="<= tol",
    ),
    Mutant(
        "max_norm",
        "tests the largest |gradient entry| instead of the Euclidean norm",
        replace=[("if np.linalg.norm(g) <= tol:", "if np.abs(g).max() <= tol:")],
        message="largest entry alone",
    ),
    Mutant(
        "hessian_before_test",
        "factors the Hessian before testing the gradient",
        replace=[
            (
                "        if np.linalg.norm(g) <= tol:\n            return Newton(x, k)\n        H = np.asarray(hess(x.copy()), dtype=float)\n",
                "        H = np.asarray(hess(x.copy()), dtype=float)\n        np.linalg.cholesky(H)\n        if np.linalg.norm(g) <= tol:\n            return Newton(x, k)\n",
            )
        ],
        message="before using the Hessian",
    ),
    Mutant(
        "pseudo_inverse",
        "steps with the pseudo-inverse, so a singular Hessian never raises",
        replace=[
            ("        if not s[-1] > d * np.finfo(float).eps * s[0]:\n", "        if False:\n"),
            (STEP, "        x = x - np.linalg.pinv(H) @ g\n"),
        ],
        message="should raise LinAlgError",
    ),
    Mutant(
        "modifies_x0",
        "steps the caller's x0 in place",
        replace=[
            ("    x = np.array(x0, dtype=float)\n", "    x = np.asarray(x0, dtype=float)\n"),
            (STEP, "        x -= np.linalg.solve(H, g)\n"),
        ],
        message="modified its input `x0`",
    ),
    Mutant(
        "no_validation",
        "accepts a negative tol and max_iter",
        replace=[
            ("    if not tol >= 0:\n", "    if False:\n"),
            (
                "    if isinstance(max_iter, bool) or not isinstance(max_iter, numbers.Integral) or max_iter < 0:\n",
                "    if False:\n",
            ),
            ("    for k in range(max_iter):\n", "    for k in range(int(max_iter)):\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "plain_solve",
        "no explicit singularity test: np.linalg.solve raises LinAlgError on an exactly "
        "singular Hessian; the loop counts steps in a while loop",
        append="""
def newton_minimize(grad, hess, x0, tol=1e-10, max_iter=50):
    x = np.asarray(x0, dtype=float).copy()
    if x.ndim != 1 or x.shape[0] == 0:
        raise ValueError("x0 must be a non-empty vector")
    if tol < 0 or max_iter < 0 or int(max_iter) != max_iter:
        raise ValueError("tol and max_iter must be non-negative (max_iter whole)")
    steps = 0
    while steps < max_iter:
        g = np.asarray(grad(x), dtype=float)
        if g.shape != x.shape:
            raise ValueError("grad returned the wrong shape")
        if np.sqrt(np.sum(g * g)) <= tol:
            break
        H = np.asarray(hess(x), dtype=float)
        if H.shape != (len(x), len(x)):
            raise ValueError("hess returned the wrong shape")
        x = x + np.linalg.solve(H, -g)
        steps += 1
    return Newton(x=x, n_iter=steps)
""",
    ),
    Variant(
        "scipy_solve",
        "the step from scipy.linalg.solve, which raises LinAlgError on a singular matrix",
        append="""
def newton_minimize(grad, hess, x0, tol=1e-10, max_iter=50):
    import scipy.linalg

    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x0 must be a non-empty vector")
    if not tol >= 0 or not float(max_iter).is_integer() or max_iter < 0:
        raise ValueError("tol and max_iter must be non-negative")
    n_iter = 0
    for n_iter in range(int(max_iter) + 1):
        g = np.asarray(grad(x), dtype=float)
        if g.shape != x.shape:
            raise ValueError("grad returned the wrong shape")
        if n_iter == max_iter or np.linalg.norm(g) <= tol:
            break
        H = np.asarray(hess(x), dtype=float)
        if H.shape != (x.size, x.size):
            raise ValueError("hess returned the wrong shape")
        x = x - scipy.linalg.solve(H, g)
    return Newton(x, n_iter)
""",
    ),
]
