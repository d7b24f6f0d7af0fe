from mlkata.mutation import Mutant, Variant

FORMULA = "return -np.log1p(-u) / rate"

MUTANTS = [
    Mutant(
        "times_rate",
        "multiplies by the rate",
        replace=[(FORMULA, "return -np.log1p(-u) * rate")],
        message="multiplied by the rate",
    ),
    Mutant(
        "log_u",
        "-ln(u) / rate (right distribution, wrong function)",
        replace=[(FORMULA, "return -np.log(u) / rate")],
        message="ln(u) instead of ln(1 - u)",
    ),
    Mutant(
        "no_minus",
        "ln(1 - u) / rate",
        replace=[(FORMULA, "return np.log1p(-u) / rate")],
        message="the minus sign is missing",
    ),
    Mutant(
        "no_rate_check",
        "rate <= 0 accepted",
        replace=[("if not (0.0 < rate < np.inf):", "if False:")],
    ),
    Mutant(
        "u_one_rejected",
        "u = 1 rejected instead of giving inf",
        replace=[("np.all((u >= 0) & (u <= 1))", "np.all((u >= 0) & (u < 1))")],
    ),
]

VARIANTS = [
    Variant(
        "literal_formula",
        "the catalogue's -ln(1 - u) / rate, written literally with np.log",
        replace=[(FORMULA, "return -np.log(1.0 - u) / rate")],
    ),
    Variant(
        "scipy_expon",
        "scipy.stats.expon.ppf",
        append="""
def exponential_inverse_cdf(u, rate):
    from scipy.stats import expon

    u = np.asarray(u, dtype=float)
    if not rate > 0 or np.isnan(u).any() or (u < 0).any() or (u > 1).any():
        raise ValueError("u must be in [0, 1] and rate > 0")
    return expon.ppf(u, scale=1 / rate)
""",
    ),
]
