from mlkata.mutation import Mutant, Variant

SD = "s = float(np.sqrt(np.sum((y - value) ** 2) / (n - 1)))"
SE = "return Estimate(value, s / float(np.sqrt(n)))"

MUTANTS = [
    Mutant(
        "divisor_n",
        "the standard deviation with divisor n",
        replace=[(SD, SD.replace("(n - 1)", "n"))],
        message="the divisor n in s",
    ),
    Mutant(
        "se_over_n",
        "s / n",
        replace=[(SE, "return Estimate(value, s / n)")],
        message="s / n",
    ),
    Mutant(
        "se_is_s",
        "returns s as the standard error",
        replace=[(SE, "return Estimate(value, s)")],
        message="s itself",
    ),
    Mutant(
        "variance_over_sqrt_n",
        "s² / sqrt(n)",
        replace=[(SE, "return Estimate(value, s**2 / float(np.sqrt(n)))")],
        message="use the standard deviation, not the variance",
    ),
    Mutant(
        "two_sample_calls",
        "calls sample twice (for f and again for the SE)",
        replace=[("    x = sample(rng, n)\n", "    sample(rng, n)\n    x = sample(rng, n)\n")],
    ),
    Mutant(
        "n_one_allowed",
        "n = 1 accepted (SE is 0 / 0)",
        replace=[("or n < 2:", "or n < 1:")],
    ),
]

VARIANTS = [
    Variant(
        "numpy_std",
        "np.std with ddof=1",
        append="""
def monte_carlo_mean(f, sample, n, rng):
    if int(n) != n or n < 2:
        raise ValueError("n must be an integer >= 2")
    y = np.asarray(f(sample(rng, n)), dtype=float)
    if y.shape != (n,):
        raise ValueError("f must give one value per sample")
    return Estimate(y.mean(), y.std(ddof=1) / np.sqrt(n))
""",
    ),
]
