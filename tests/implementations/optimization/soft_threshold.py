"""Known mistakes in optimization/soft_threshold (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SOLUTION = "return np.sign(x) * np.maximum(np.abs(x) - t, 0.0)"

MUTANTS = [
    Mutant(
        "sign_lost",
        "max(|x| - t, 0) without the sign",
        replace=[(SOLUTION, "return np.maximum(np.abs(x) - t, 0.0)")],
        message="the sign is lost",
    ),
    Mutant(
        "hard_threshold",
        "hard thresholding: x kept where |x| > t",
        replace=[(SOLUTION, "return np.where(np.abs(x) > t, x, 0.0)")],
        message="hard thresholding",
    ),
    Mutant(
        "no_clamp",
        "sign(x) (|x| - t) without clamping at zero",
        replace=[(SOLUTION, "return np.sign(x) * (np.abs(x) - t)")],
        message="no clamp at zero",
    ),
    Mutant(
        "shift_only",
        "x - t everywhere",
        replace=[(SOLUTION, "return x - t")],
        message="x - t everywhere",
    ),
    Mutant(
        "negative_t_accepted",
        "a negative threshold is not rejected",
        replace=[("    if not t >= 0:\n", "    if t != t:\n")],
        message="t is negative",
    ),
    Mutant(
        "vector_t_accepted",
        "a vector threshold is broadcast instead of rejected",
        replace=[
            ("    if np.ndim(t) != 0:\n", "    if False:\n"),
            (
                "    t = float(t)\n    if not t >= 0:",
                "    t = np.asarray(t, dtype=float)\n    if np.any(t < 0):",
            ),
        ],
        message="t is not a scalar",
    ),
    Mutant(
        "empty_rejected",
        "an empty x raises instead of returning an empty array",
        replace=[
            (
                "    t = float(t)\n",
                "    t = float(t)\n    if x.size == 0:\n        raise ValueError('x is empty')\n",
            )
        ],
        message="empty",
    ),
    Mutant(
        "modifies_input",
        "shrinks the caller's array in place",
        replace=[
            (
                SOLUTION,
                "x -= np.clip(x, -t, t)\n    return x",
            )
        ],
        message="modified its input",
    ),
    Mutant(
        "flattens",
        "returns a flat vector whatever the shape of x",
        replace=[(SOLUTION, SOLUTION + ".ravel()")],
        message="has shape",
    ),
]

VARIANTS = [
    Variant(
        "clip",
        "x minus its clip to [-t, t]",
        replace=[(SOLUTION, "return x - np.clip(x, -t, t)")],
    ),
    Variant(
        "piecewise_where",
        "the three cases with np.where, and a Python float check of t",
        append="""
def soft_threshold(x, t):
    if isinstance(t, (list, tuple)) or np.ndim(t) > 0:
        raise ValueError("t must be a scalar")
    if np.isnan(t) or t < 0:
        raise ValueError("t must be a non-negative number")
    x = np.array(x, dtype=float)
    return np.where(x > t, x - t, np.where(x < -t, x + t, 0.0))
""",
    ),
]
