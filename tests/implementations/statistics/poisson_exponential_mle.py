from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "exponential_scale",
        "returns the mean waiting time (the scale) instead of the rate",
        replace=[("return float(x.size / total)", "return float(total / x.size)")],
        message="scale",
    ),
    Mutant(
        "exponential_unbiased",
        "returns (n - 1) / sum(x)",
        replace=[("return float(x.size / total)", "return float((x.size - 1) / total)")],
        message="unbiased",
    ),
    Mutant(
        "poisson_n_minus_1",
        "divides the total count by n - 1",
        replace=[
            (
                "return float(counts.mean())",
                "return float(counts.sum() / max(counts.size - 1, 1))",
            )
        ],
        message="n - 1",
    ),
    Mutant(
        "poisson_rounds_counts",
        "rounds non-integer counts instead of rejecting them",
        replace=[("    if np.any(counts != np.floor(counts)):\n", "    if False:\n")],
    ),
    Mutant(
        "poisson_accepts_negative",
        "no check for negative counts",
        replace=[("    if np.any(counts < 0):\n", "    if False:\n")],
    ),
    Mutant(
        "exponential_accepts_negative",
        "no check for negative waiting times",
        replace=[("    if np.any(x < 0):\n", "    if False:\n")],
    ),
    Mutant(
        "exponential_all_zero_gives_inf",
        "all-zero x returns inf instead of raising",
        replace=[("    if total == 0.0:\n", "    if False:\n")],
    ),
    Mutant(
        "poisson_empty_gives_nan",
        "no counts returns nan instead of raising",
        replace=[("    if counts.size == 0:\n", "    if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_zero_threshold",
        "exponential_mle calls x all zero when its sum is below an absolute 1e-12",
        replace=[("    if total == 0.0:\n", "    if total < 1e-12:\n")],
        message="not one whose sum is below an absolute threshold",
    ),
]

VARIANTS = [
    Variant(
        "pure_python",
        "sums in pure Python, integer check with float.is_integer",
        append="""
def poisson_mle(counts):
    values = [float(c) for c in np.asarray(counts, dtype=float).ravel()]
    if np.ndim(counts) != 1 or not values:
        raise ValueError("counts must be a non-empty 1-D sequence")
    for c in values:
        if not np.isfinite(c) or c < 0 or not c.is_integer():
            raise ValueError(f"bad count {c}")
    return sum(values) / len(values)


def exponential_mle(x):
    values = [float(v) for v in np.asarray(x, dtype=float).ravel()]
    if np.ndim(x) != 1 or not values:
        raise ValueError("x must be a non-empty 1-D sequence")
    if any(v < 0 or not np.isfinite(v) for v in values):
        raise ValueError("x must be finite and >= 0")
    if sum(values) == 0:
        raise ValueError("x is all zero")
    return 1.0 / (sum(values) / len(values))
""",
    ),
]
