from mlkata.mutation import Mutant, Variant

RESULT = "    return float(-np.sum(positive * np.log(positive)) / np.log(base)) + 0.0  # no -0.0\n"
POSITIVE = "    positive = p[p > 0]  # 0 log 0 = 0: zero-probability outcomes are left out\n"

MUTANTS = [
    Mutant(
        "nan_from_0_log_0",
        "sums p * log(p) over every entry: log(0) = -inf and 0 * -inf = nan",
        replace=[(POSITIVE, "    positive = p\n")],
        message="0 log 0 counts as 0",
    ),
    Mutant(
        "where_still_computes_log_0",
        "np.where(p > 0, p * log(p), 0): the right value, but log(0) is still computed",
        replace=[
            (
                RESULT,
                "    return float(-np.sum(np.where(p > 0, p * np.log(p), 0.0)) / np.log(base))\n",
            )
        ],
        message="0 log 0 counts as 0",
    ),
    Mutant(
        "natural_log",
        "ln instead of log base b: the result is in nats",
        replace=[("np.log(positive)) / np.log(base))", "np.log(positive)))")],
        message="the natural log (nats)",
    ),
    Mutant(
        "always_log2",
        "np.log2 whatever the base",
        replace=[("np.log(positive)) / np.log(base))", "np.log2(positive)))")],
        message="log base 2 whatever",
    ),
    Mutant(
        "log10",
        "np.log10 whatever the base",
        replace=[("np.log(positive)) / np.log(base))", "np.log10(positive)))")],
        message="log base 10",
    ),
    Mutant(
        "missing_minus",
        "sum of p log p without the minus sign",
        replace=[("float(-np.sum(", "float(np.sum(")],
        message="minus sign",
    ),
    Mutant(
        "no_negative_check",
        "negative entries are not rejected",
        replace=[("    if not np.all(p >= 0):\n", "    if False:\n")],
    ),
    Mutant(
        "exact_sum_check",
        "requires the sum to be exactly 1: rejects [0.1] * 10",
        replace=[("if not abs(total - 1.0) <= 1e-9:", "if total != 1.0:")],
    ),
    Mutant(
        "isclose_sum_check",
        "np.isclose(total, 1) (tolerance 1e-5) instead of 1e-9",
        replace=[("if not abs(total - 1.0) <= 1e-9:", "if not np.isclose(total, 1.0):")],
    ),
    Mutant(
        "no_sum_check",
        "a vector that does not sum to 1 is not rejected",
        replace=[("if not abs(total - 1.0) <= 1e-9:", "if False:")],
    ),
    Mutant(
        "no_base_check",
        "base 1 or a negative base is not rejected",
        replace=[("    if not (base > 0 and base != 1):\n", "    if False:\n")],
    ),
    Mutant(
        "no_ndim_check",
        "a 2-D table is accepted",
        replace=[("    if p.ndim != 1:\n", "    if False:\n")],
    ),
    Mutant(
        "modifies_input",
        "replaces the zeros of the caller's p by 1 so that log(0) never happens",
        replace=[
            (
                POSITIVE,
                "    p[p == 0] = 1.0\n    positive = p\n",
            )
        ],
        message="modified its input `p`",
    ),
]

MUTANTS += [
    Mutant(
        "loose_sum_tolerance",
        "accepts a distribution whose sum is within 1e-6 of 1 (the kata says 1e-9)",
        replace=[
            ("    if not abs(total - 1.0) <= 1e-9:\n", "    if not abs(total - 1.0) <= 1e-6:\n")
        ],
    ),
]

VARIANTS = [
    Variant(
        "scipy_stats_entropy",
        "scipy.stats.entropy, after checking the input",
        append="""
def entropy(p, base=2.0):
    import scipy.stats

    p = np.asarray(p, dtype=float)
    if p.ndim != 1 or p.size == 0 or np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("p must be a non-empty 1-D probability vector")
    if base <= 0 or base == 1:
        raise ValueError("bad base")
    return float(scipy.stats.entropy(p, base=base))
""",
    ),
    Variant(
        "nansum_with_errstate",
        "p * log(p) with warnings silenced and the nan terms dropped by nansum",
        append="""
def entropy(p, base=2.0):
    p = np.array(p, dtype=float)
    if p.ndim != 1 or len(p) == 0:
        raise ValueError("p must be a non-empty vector")
    if (p < 0).any() or not np.isclose(p.sum(), 1.0, rtol=0, atol=1e-9):
        raise ValueError("p is not a probability distribution")
    if not base > 0 or base == 1:
        raise ValueError("base must be positive and not 1")
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.nansum(p * np.log2(p)) / np.log2(base)
""",
    ),
    Variant(
        "pure_python",
        "a loop over the probabilities with math.log",
        append="""
def entropy(p, base=2.0):
    import math

    values = [float(x) for x in np.asarray(p, dtype=float).reshape(-1)]
    if np.ndim(p) != 1 or not values:
        raise ValueError("p must be a non-empty 1-D sequence")
    if min(values) < 0 or abs(math.fsum(values) - 1) > 1e-9:
        raise ValueError("p is not a distribution")
    if base <= 0 or base == 1:
        raise ValueError("base out of range")
    return sum(-x * math.log(x, base) for x in values if x != 0)
""",
    ),
]
