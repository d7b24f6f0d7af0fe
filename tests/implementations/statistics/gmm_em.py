from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "likelihood_of_new_parameters",
        "reports the log-likelihood of the updated parameters",
        append="""
_step = gmm_em_step


def gmm_em_step(X, weights, means, covs):
    new = _step(X, weights, means, covs)
    again = _step(X, new.weights, new.means, new.covs)
    return GMMStep(new.weights, new.means, new.covs, again.log_likelihood)
""",
        message="UPDATED parameters",
    ),
    Mutant(
        "mean_log_likelihood",
        "reports the mean log-likelihood per point",
        replace=[("float(log_norm.sum())", "float(log_norm.mean())")],
        message="mean log-likelihood",
    ),
    Mutant(
        "old_means_in_covariance",
        "covariances around the old means",
        replace=[("        centred = X - new_means[k]\n", "        centred = X - means[k]\n")],
        message="OLD means",
    ),
    Mutant(
        "covariance_over_n",
        "covariances divided by n instead of N_k",
        replace=[
            (
                "cov = (resp[:, k, None] * centred).T @ centred / totals[k]",
                "cov = (resp[:, k, None] * centred).T @ centred / n",
            )
        ],
        message="divided by n instead of N_k",
    ),
    Mutant(
        "unnormalised_weights",
        "new weights N_k instead of N_k / n",
        replace=[("return GMMStep(totals / n,", "return GMMStep(totals,")],
        message="the weights are N_k",
    ),
    Mutant(
        "means_over_n",
        "new means divided by n",
        replace=[("new_means = (resp.T @ X) / totals[:, None]", "new_means = (resp.T @ X) / n")],
        message="means divided by n",
    ),
    Mutant(
        "responsibilities_not_in_log_space",
        "p / sum(p) with the densities exponentiated first (0/0 far from every mean)",
        replace=[
            (
                "    top = log_joint.max(axis=1, keepdims=True)\n",
                "    top = np.zeros((n, 1))\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "log_weights_forgotten",
        "responsibilities from the densities alone, without the mixing weights",
        replace=[
            ("log_joint[:, k] = np.log(weights[k]) + log_density", "log_joint[:, k] = log_density")
        ],
    ),
    Mutant(
        "determinant_forgotten",
        "log-density without the log-determinant term",
        replace=[
            (
                "(d * np.log(2 * np.pi) + log_det + np.sum(z**2, axis=0))",
                "(d * np.log(2 * np.pi) + np.sum(z**2, axis=0))",
            )
        ],
    ),
    Mutant(
        "no_weight_check",
        "accepts weights that do not sum to 1",
        replace=[
            (
                "if np.any(weights <= 0) or abs(weights.sum() - 1.0) > 1e-9:",
                "if np.any(weights <= 0):",
            )
        ],
    ),
    Mutant(
        "no_symmetry_check",
        "accepts a non-symmetric covariance",
        replace=[
            ('            raise ValueError(f"covs[{k}] is not symmetric")\n', "            pass\n")
        ],
    ),
]

MUTANTS += [
    Mutant(
        "loose_weight_sum_tolerance",
        "accepts weights whose sum is within 1e-6 of 1 (the convention is 1e-9)",
        replace=[("abs(weights.sum() - 1.0) > 1e-9", "abs(weights.sum() - 1.0) > 1e-6")],
    ),
    Mutant(
        "global_shift",
        "log-sum-exp over components shifted by the maximum over all points, not per point",
        replace=[
            (
                "    top = log_joint.max(axis=1, keepdims=True)\n",
                "    top = np.full((n, 1), log_joint.max())\n",
            )
        ],
    ),
    Mutant(
        "absolute_symmetry_tolerance",
        "tests the symmetry of each covariance with an absolute tolerance 1e-10",
        replace=[
            (
                "np.abs(covs[k] - covs[k].T).max() > 1e-10 * np.abs(covs[k]).max()",
                "np.abs(covs[k] - covs[k].T).max() > 1e-10",
            )
        ],
        message="symmetry is relative to the size of the matrix",
    ),
]

VARIANTS = [
    Variant(
        "vectorised_inverse",
        "slogdet + inv for the densities, a log-sum-exp with np.logaddexp, einsum M-step",
        append="""
def gmm_em_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    covs = np.asarray(covs, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("X must be 2-D and non-empty")
    n, d = X.shape
    K = len(weights)
    if means.shape != (K, d) or covs.shape != (K, d, d):
        raise ValueError("shapes do not match")
    if np.any(weights < 0) or not np.isclose(weights.sum(), 1.0, rtol=0, atol=1e-9):
        raise ValueError("weights are not a probability vector")
    asymmetry = np.abs(covs - np.transpose(covs, (0, 2, 1))).max(axis=(1, 2))
    if np.any(asymmetry > 1e-10 * np.abs(covs).max(axis=(1, 2))):
        raise ValueError("covariances must be symmetric")
    sign, logdet = np.linalg.slogdet(covs)
    if np.any(sign <= 0) or np.any(np.linalg.eigvalsh(covs) <= 0):
        raise np.linalg.LinAlgError("covariance not positive definite")
    diff = X[:, None, :] - means[None, :, :]
    maha = np.einsum("nkd,kde,nke->nk", diff, np.linalg.inv(covs), diff)
    logp = np.log(weights) - 0.5 * (d * np.log(2 * np.pi) + logdet + maha)
    lse = np.logaddexp.reduce(logp, axis=1)
    r = np.exp(logp - lse[:, None])
    nk = r.sum(axis=0)
    mu = r.T @ X / nk[:, None]
    c = X[:, None, :] - mu[None, :, :]
    sigma = np.einsum("nk,nkd,nke->kde", r, c, c) / nk[:, None, None]
    return GMMStep(nk / n, mu, sigma, lse.sum())
""",
    ),
]
