from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "swapped_counts",
        "successes added to b, failures to a",
        replace=[
            ("    a_post = a + successes\n", "    a_post = a + (x.size - successes)\n"),
            ("    b_post = b + (x.size - successes)\n", "    b_post = b + successes\n"),
        ],
        message="successes added to b",
    ),
    Mutant(
        "prior_mean",
        "returns the mean of the prior",
        replace=[("mean = a_post / (a_post + b_post)", "mean = a / (a + b)")],
        message="mean of the prior",
    ),
    Mutant(
        "mle_mean",
        "returns k / n as the mean",
        replace=[
            (
                "mean = a_post / (a_post + b_post)",
                "mean = successes / x.size if x.size else a / (a + b)",
            )
        ],
        message="MLE",
    ),
    Mutant(
        "mode_is_mean",
        "returns the posterior mean as the mode",
        replace=[("mode = (a_post - 1) / (a_post + b_post - 2) if", "mode = mean if")],
        message="mean instead of the mode",
    ),
    Mutant(
        "mode_always_formula",
        "returns (a-1)/(a+b-2) even when a <= 1 or b <= 1",
        replace=[
            (
                "if a_post > 1 and b_post > 1 else np.nan",
                "if a_post + b_post != 2 else np.nan",
            )
        ],
        message="must be nan",
    ),
    Mutant(
        "mode_inclusive_boundary",
        "mode defined when a >= 1 and b >= 1",
        replace=[
            (
                "if a_post > 1 and b_post > 1 else np.nan",
                "if a_post >= 1 and b_post >= 1 and a_post + b_post > 2 else np.nan",
            )
        ],
        message="must be nan",
    ),
    Mutant(
        "no_binary_check",
        "accepts values other than 0 and 1",
        replace=[("    if np.any((x != 0) & (x != 1)):\n", "    if False:\n")],
    ),
    Mutant(
        "no_prior_check",
        "accepts a <= 0 or b <= 0",
        replace=[("and a > 0 and b > 0):", "):")],
    ),
]

VARIANTS = [
    Variant(
        "counting_loop",
        "counts successes and failures in a loop",
        append="""
def beta_bernoulli_posterior(x, a=1.0, b=1.0):
    if np.ndim(x) != 1:
        raise ValueError("x must be 1-D")
    if a <= 0 or b <= 0:
        raise ValueError("a and b must be positive")
    ones = zeros = 0
    for value in np.asarray(x).tolist():
        if value == 1:
            ones += 1
        elif value == 0:
            zeros += 1
        else:
            raise ValueError(f"{value} is not 0 or 1")
    a2, b2 = a + ones, b + zeros
    mode = float("nan")
    if min(a2, b2) > 1:
        mode = (a2 - 1) / (a2 + b2 - 2)
    return Beta(a2, b2, a2 / (a2 + b2), mode)
""",
    ),
]
