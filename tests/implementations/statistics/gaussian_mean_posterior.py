from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "variances_added",
        "posterior variance tau2 + sigma2 / n (variances added instead of precisions)",
        replace=[
            (
                "    variance = 1.0 / precision\n",
                "    variance = tau2 + sigma2 / max(x.size, 1)\n",
            )
        ],
        message="variances added",
    ),
    Mutant(
        "n_forgotten",
        "precision 1/tau2 + 1/sigma2, one observation's worth",
        replace=[
            (
                "precision = 1.0 / tau2 + x.size / sigma2",
                "precision = 1.0 / tau2 + (1.0 if x.size else 0.0) / sigma2",
            )
        ],
        message="n forgotten",
    ),
    Mutant(
        "sample_mean",
        "returns the sample mean as the posterior mean",
        replace=[
            (
                "mean = variance * (mu0 / tau2 + x.sum() / sigma2)",
                "mean = x.mean() if x.size else mu0",
            )
        ],
        message="the prior was ignored",
    ),
    Mutant(
        "plain_average",
        "averages mu0 and the sample mean with equal weights",
        replace=[
            (
                "mean = variance * (mu0 / tau2 + x.sum() / sigma2)",
                "mean = (mu0 + x.mean()) / 2 if x.size else mu0",
            )
        ],
        message="plain average",
    ),
    Mutant(
        "swapped_weights",
        "weights mu0 by the data precision and the data by the prior precision",
        replace=[
            (
                "mean = variance * (mu0 / tau2 + x.sum() / sigma2)",
                "mean = (x.size * tau2 * mu0 + sigma2 * (x.mean() if x.size else mu0))"
                " / (sigma2 + x.size * tau2)",
            )
        ],
        message="weights swapped",
    ),
    Mutant(
        "no_variance_check",
        "accepts sigma2 <= 0 or tau2 <= 0",
        replace=[("if not (np.isfinite(value) and value > 0):", "if not np.isfinite(value):")],
    ),
]

VARIANTS = [
    Variant(
        "weighted_average",
        "the weighted-average form with the shrinkage factor",
        append="""
def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or not np.all(np.isfinite(x)):
        raise ValueError("x must be 1-D and finite")
    if sigma2 <= 0 or tau2 <= 0:
        raise ValueError("variances must be positive")
    n = len(x)
    if n == 0:
        return Gaussian1D(float(mu0), float(tau2))
    shrink = sigma2 / (sigma2 + n * tau2)
    return Gaussian1D(shrink * mu0 + (1 - shrink) * x.mean(), shrink * tau2)
""",
    ),
]
