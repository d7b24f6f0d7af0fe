from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "probability_space",
        "multiplies probabilities instead of adding logs (underflows to 0 / 0)",
        replace=[
            (
                "    shifted = log_joint - top  # the largest entry is 0: exp cannot overflow\n"
                "    return shifted - np.log(np.sum(np.exp(shifted)))\n",
                "    joint = np.exp(log_prior) * np.prod(np.exp(log_likelihoods), axis=0)\n"
                "    return np.log(joint / joint.sum())\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "logsumexp_without_shift",
        "log(sum(exp(l))) without subtracting the maximum first",
        replace=[
            (
                "return shifted - np.log(np.sum(np.exp(shifted)))",
                "return log_joint - np.log(np.sum(np.exp(log_joint)))",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "not_normalised",
        "returns the unnormalised log posterior",
        replace=[("return shifted - np.log(np.sum(np.exp(shifted)))", "return log_joint")],
        message="not normalised",
    ),
    Mutant(
        "max_shift_only",
        "subtracts the maximum only",
        replace=[("return shifted - np.log(np.sum(np.exp(shifted)))", "return shifted")],
        message="shifted by the maximum only",
    ),
    Mutant(
        "prior_ignored",
        "leaves out the log prior",
        replace=[
            (
                "log_joint = log_prior + log_likelihoods.sum(axis=0)",
                "log_joint = log_likelihoods.sum(axis=0)",
            )
        ],
        message="the prior was left out",
    ),
    Mutant(
        "mean_not_sum",
        "averages the log-likelihoods over observations",
        replace=[("log_likelihoods.sum(axis=0)", "log_likelihoods.mean(axis=0)")],
    ),
    Mutant(
        "no_zero_evidence_check",
        "all -inf gives nan instead of ValueError",
        replace=[("if top == -np.inf:", "if False:")],
    ),
]

VARIANTS = [
    Variant(
        "sequential_updates",
        "updates and renormalises one observation at a time in a Python loop",
        append="""
def sequential_log_posterior(log_prior, log_likelihoods):
    log_prior = np.asarray(log_prior, dtype=float)
    L = np.asarray(log_likelihoods, dtype=float)
    if log_prior.ndim != 1 or log_prior.size == 0:
        raise ValueError("log_prior must be 1-D and non-empty")
    if L.ndim != 2 or L.shape[1] != log_prior.size:
        raise ValueError("log_likelihoods must be (n_obs, k)")
    if np.isnan(log_prior).any() or np.isnan(L).any():
        raise ValueError("nan")
    if np.all(log_prior == -np.inf):
        raise ValueError("zero evidence")

    def normalise(v):
        m = v.max()
        if m == -np.inf:
            raise ValueError("zero evidence")
        return v - (m + np.log(np.exp(v - m).sum()))

    post = normalise(log_prior)
    for row in L:
        post = normalise(post + row)
    return post
""",
    ),
]
