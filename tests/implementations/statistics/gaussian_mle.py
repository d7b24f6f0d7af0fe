from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "unbiased_divisor",
        "variance with the n - 1 divisor",
        replace=[
            (
                "return Gaussian1D(mean, float(np.mean(deviations**2)))",
                "return Gaussian1D(mean, float(np.var(x, ddof=1)) if x.size > 1 else 0.0)",
            )
        ],
        message="n - 1",
    ),
    Mutant(
        "standard_deviation",
        "returns the standard deviation",
        replace=[("float(np.mean(deviations**2))", "float(np.std(x))")],
        message="standard deviation",
    ),
    Mutant(
        "one_pass_formula",
        "mean(x**2) - mean(x)**2 (catastrophic cancellation)",
        replace=[("float(np.mean(deviations**2))", "float(np.mean(x**2) - mean**2)")],
    ),
    Mutant(
        "no_empty_check",
        "empty x gives nan with a warning instead of ValueError",
        replace=[
            (
                '    if x.size == 0:\n        raise ValueError("x is empty: the MLE needs at least one sample")\n',
                "",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "welford",
        "Welford's streaming algorithm, in pure Python",
        append="""
def gaussian_mle(x):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or len(x) == 0:
        raise ValueError("x must be 1-D and non-empty")
    mean, m2 = 0.0, 0.0
    for count, value in enumerate(x.tolist(), start=1):
        delta = value - mean
        mean += delta / count
        m2 += delta * (value - mean)
    return Gaussian1D(mean, m2 / len(x))
""",
    ),
]
