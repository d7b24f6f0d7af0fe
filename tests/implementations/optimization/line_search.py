"""Known mistakes in optimization/line_search (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "plain_decrease",
        "accepts any decrease, without the c alpha g^T d term",
        replace=[
            (
                "while not float(f(x + alpha * d)) <= fx + c * alpha * slope:",
                "while not float(f(x + alpha * d)) < fx:",
            )
        ],
        message="plain decrease",
    ),
    Mutant(
        "gradient_norm_slope",
        "uses -||g||^2 as the slope whatever the direction",
        replace=[("    slope = float(g @ d)\n", "    slope = -float(g @ g)\n")],
        message="use the slope g^T d",
    ),
    Mutant(
        "flipped_sign",
        "adds the predicted decrease with the wrong sign",
        replace=[("<= fx + c * alpha * slope:", "<= fx - c * alpha * slope:")],
        message="sign of the decrease term",
    ),
    Mutant(
        "one_shrink_too_many",
        "shrinks once more after the condition holds",
        replace=[("    return alpha\n", "    return alpha * rho\n")],
        message="one shrink too many",
    ),
    Mutant(
        "returns_last_rejected",
        "tests the next step but returns the current one",
        replace=[
            (
                "    while not float(f(x + alpha * d)) <= fx + c * alpha * slope:\n        alpha *= rho\n    return alpha\n",
                "    while not float(f(x + alpha * d)) <= fx + c * alpha * slope:\n        alpha *= rho\n    return alpha / rho if alpha < alpha0 else alpha\n",
            )
        ],
        message="returned the last step that failed",
    ),
    Mutant(
        "no_descent_check",
        "never checks g^T d < 0 (and loops until alpha underflows)",
        replace=[("    if not slope < 0:\n", "    if False:\n")],
        message="d goes uphill",
    ),
    Mutant(
        "no_parameter_checks",
        "accepts rho = 1, c = 0 and a non-positive alpha0",
        replace=[
            ("    if not alpha0 > 0:\n", "    if False:\n"),
            ("    if not 0 < rho < 1:\n", "    if not rho < 1:\n"),
            ("    if not 0 < c < 1:\n", "    if False:\n"),
            ("    while not float(", "    while alpha > 0 and not float("),
        ],
    ),
    Mutant(
        "moves_x",
        "steps the caller's x in place while testing",
        replace=[
            (
                "    g, x, d = (np.asarray(a, dtype=float) for a in (g, x, d))\n",
                "    g, x, d = (np.asarray(a, dtype=float) for a in (g, x, d))\n    x0 = x.copy()\n",
            ),
            ("    return alpha\n", "    x += alpha * d\n    return alpha\n"),
        ],
        message="modified its input `x`",
    ),
    Mutant(
        "no_shape_check",
        "broadcasts arrays of different shapes",
        replace=[("    if g.shape != x.shape or d.shape != x.shape:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "power_of_rho",
        "counts k and computes alpha0 * rho**k afresh each time",
        append="""
def backtracking_line_search(f, g, x, d, alpha0=1.0, rho=0.5, c=1e-4):
    g, x, d = (np.array(a, dtype=float) for a in (g, x, d))
    if x.ndim != 1 or len(x) == 0 or g.shape != x.shape or d.shape != x.shape:
        raise ValueError("g, x and d must be non-empty vectors of one length")
    if alpha0 <= 0 or not (0 < rho < 1) or not (0 < c < 1):
        raise ValueError("need alpha0 > 0 and 0 < rho, c < 1")
    directional = np.dot(g, d)
    if directional >= 0:
        raise ValueError("d must be a descent direction (g . d < 0)")
    f0 = f(x)
    k = 0
    while True:
        alpha = alpha0 * rho**k
        if f(x + alpha * d) <= f0 + c * alpha * directional:
            return alpha
        k += 1
""",
    ),
]
