from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "not_normalised",
        "prior * likelihood without dividing by the evidence",
        replace=[("    return joint / evidence\n", "    return joint\n")],
        message="not divided by the evidence",
    ),
    Mutant(
        "prior_ignored",
        "normalises the likelihood alone",
        replace=[("joint = prior * likelihood", "joint = likelihood.copy()")],
        message="the prior was left out",
    ),
    Mutant(
        "divides_by_likelihood_sum",
        "divides by the sum of the likelihoods instead of the evidence",
        replace=[("evidence = joint.sum()", "evidence = likelihood.sum()")],
    ),
    Mutant(
        "no_prior_check",
        "a prior that is not a distribution is accepted",
        replace=[
            ("if not np.all(np.isfinite(prior)) or np.any(prior < 0):", "if False:"),
            ("if abs(prior.sum() - 1.0) > 1e-9:", "if False:"),
        ],
    ),
    Mutant(
        "no_evidence_check",
        "zero evidence gives nan instead of ValueError",
        replace=[("if evidence == 0:", "if False:")],
    ),
    Mutant(
        "in_place",
        "normalises the caller's prior in place",
        replace=[
            ("    joint = prior * likelihood\n", "    prior *= likelihood\n    joint = prior\n")
        ],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_evidence_threshold",
        "an evidence below 1e-12 counts as zero: tiny likelihoods are rejected",
        replace=[("    if evidence == 0:\n", "    if evidence < 1e-12:\n")],
        message="not one below an absolute threshold",
    ),
    Mutant(
        "isclose_prior_sum",
        "np.isclose(prior.sum(), 1): accepts a prior 1e-6 away from 1",
        replace=[
            (
                "    if abs(prior.sum() - 1.0) > 1e-9:\n",
                "    if not np.isclose(prior.sum(), 1.0):\n",
            )
        ],
        message="1.000001",
    ),
    Mutant(
        "exact_prior_sum",
        "demands prior.sum() == 1 exactly: rejects ten 0.1",
        replace=[("    if abs(prior.sum() - 1.0) > 1e-9:\n", "    if prior.sum() != 1.0:\n")],
    ),
]

VARIANTS = [
    Variant(
        "log_space",
        "Bayes' rule in log space with a log-sum-exp",
        append="""
def bayes_posterior(prior, likelihood):
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.ndim != 1 or prior.shape != likelihood.shape or prior.size == 0:
        raise ValueError("prior and likelihood must be 1-D, non-empty, of the same shape")
    if np.any(prior < 0) or abs(prior.sum() - 1) > 1e-9:
        raise ValueError("prior is not a probability vector")
    if np.any(likelihood < 0):
        raise ValueError("negative likelihood")
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihood)
    top = log_joint.max()
    if top == -np.inf:
        raise ValueError("zero evidence")
    w = np.exp(log_joint - top)
    return w / w.sum()
""",
    ),
]
