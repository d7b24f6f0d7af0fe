from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "base_rate_neglect",
        "returns the sensitivity P(+ | C) instead of P(C | +)",
        replace=[("    return true_positive / p_positive\n", "    return values['sensitivity']\n")],
        message="base-rate neglect",
    ),
    Mutant(
        "specificity_as_false_positive_rate",
        "uses the specificity where 1 - specificity belongs",
        replace=[('(1.0 - values["specificity"])', 'values["specificity"]')],
        message="1 - specificity",
    ),
    Mutant(
        "false_positives_unweighted",
        "forgets the factor 1 - prevalence on the false positives",
        replace=[(' * (1.0 - values["prevalence"])', "")],
        message="1 - prevalence",
    ),
    Mutant(
        "not_normalised",
        "returns the joint P(+ and C)",
        replace=[("    return true_positive / p_positive\n", "    return true_positive\n")],
        message="not divided by P(+)",
    ),
    Mutant(
        "no_range_check",
        "inputs outside [0, 1] are accepted",
        replace=[("if not 0.0 <= value <= 1.0:  # also rejects nan", "if False:")],
    ),
    Mutant(
        "no_zero_check",
        "P(+) = 0 divides by zero (ZeroDivisionError) instead of ValueError",
        replace=[("if p_positive == 0.0:", "if False:")],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_zero_threshold",
        "P(positive) below an absolute 1e-12 counts as zero",
        replace=[("    if p_positive == 0.0:\n", "    if p_positive < 1e-12:\n")],
        message="not one below an absolute threshold",
    ),
]

VARIANTS = [
    Variant(
        "odds_form",
        "posterior odds = prior odds x likelihood ratio",
        append="""
def positive_predictive_value(prevalence, sensitivity, specificity):
    p, se, sp = (float(v) for v in (prevalence, sensitivity, specificity))
    for v in (p, se, sp):
        if not 0 <= v <= 1:
            raise ValueError("every input must lie in [0, 1]")
    if se * p == 0:
        if (1 - sp) * (1 - p) == 0:
            raise ValueError("P(+) is zero")
        return 0.0
    if (1 - sp) * (1 - p) == 0:
        return 1.0
    odds = (p / (1 - p)) * (se / (1 - sp))
    return odds / (1 + odds)
""",
    ),
]
