from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "one_pass_formula",
        "E[X^2] - E[X]^2 (catastrophic cancellation)",
        replace=[("float(probs @ deviations**2)", "float(probs @ values**2 - mean**2)")],
    ),
    Mutant(
        "unweighted",
        "ignores the probabilities",
        replace=[
            ("mean = float(probs @ values)", "mean = float(values.mean())"),
            ("float(probs @ deviations**2)", "float(np.mean(deviations**2))"),
        ],
        message="weight each by its probability",
    ),
    Mutant(
        "standard_deviation",
        "returns the standard deviation",
        replace=[("float(probs @ deviations**2)", "float(np.sqrt(probs @ deviations**2))")],
        message="standard deviation",
    ),
    Mutant(
        "no_sum_check",
        "probs that do not sum to 1 are accepted",
        replace=[("if abs(probs.sum() - 1.0) > 1e-9:", "if False:")],
    ),
    Mutant(
        "no_negative_check",
        "negative probabilities are accepted",
        replace=[("if not np.all(np.isfinite(probs)) or np.any(probs < 0):", "if False:")],
    ),
    Mutant(
        "loose_sum_check",
        "sums checked with np.isclose's default tolerance (1e-8 + 1e-5)",
        replace=[("if abs(probs.sum() - 1.0) > 1e-9:", "if not np.isclose(probs.sum(), 1.0):")],
    ),
]

VARIANTS = [
    Variant(
        "python_loop",
        "plain Python sums",
        append="""
def discrete_moments(values, probs):
    values = np.asarray(values, dtype=float)
    probs = np.asarray(probs, dtype=float)
    if values.ndim != 1 or values.shape != probs.shape or values.size == 0:
        raise ValueError("values and probs must be 1-D, non-empty, of the same shape")
    if (probs < 0).any() or abs(sum(probs.tolist()) - 1) > 1e-9:
        raise ValueError("probs is not a probability vector")
    mean = sum(p * x for p, x in zip(probs.tolist(), values.tolist()))
    var = sum(p * (x - mean) ** 2 for p, x in zip(probs.tolist(), values.tolist()))
    return Moments(mean, var)
""",
    ),
]
