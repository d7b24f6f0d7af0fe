"""Known mistakes in probabilistic_models/kde (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

COV = "    cov = centred.T @ centred / (n - 1)\n"
SCOTT = "            h = n ** (-1.0 / (d + 4))\n"
SILVERMAN = "            h = (n * (d + 2) / 4.0) ** (-1.0 / (d + 4))\n"
LOGSUM = "    log_sum = top + np.log(np.sum(np.exp(log_kernel - top[:, None]), axis=1))\n"
Z = "    z = np.linalg.solve(L, diffs.T).T.reshape(query.shape[0], n, d) / h\n"
NORM = (
    "    log_norm = 0.5 * d * math.log(2 * math.pi) + d * math.log(h) + "
    "np.sum(np.log(np.diag(L)))\n"
)

MUTANTS = [
    Mutant(
        "divisor_n",
        "the sample covariance divided by n",
        replace=[(COV, "    cov = centred.T @ centred / n\n")],
        message="divisor n",
    ),
    Mutant(
        "h_not_squared",
        "kernel covariance h * Sigma instead of h^2 * Sigma",
        replace=[
            (Z, "    z = np.linalg.solve(L, diffs.T).T.reshape(query.shape[0], n, d) / h**0.5\n"),
            (NORM, NORM.replace("d * math.log(h)", "0.5 * d * math.log(h)")),
        ],
        message="h^2 * Sigma",
    ),
    Mutant(
        "silverman_rule_of_thumb",
        '"silverman" as the 1-D rule 0.9 min(std, IQR/1.34) n^(-1/5) for the kernel std',
        replace=[
            (
                SILVERMAN,
                "            x = data[:, 0]\n"
                "            iqr = np.percentile(x, 75) - np.percentile(x, 25)\n"
                "            h = 0.9 * min(x.std(ddof=1), iqr / 1.34) * n ** (-0.2) "
                "/ x.std(ddof=1)\n",
            )
        ],
        message="other rule of thumb",
    ),
    Mutant(
        "log_of_mean_density",
        "log of the mean of the densities (-inf far from the data)",
        replace=[(LOGSUM, "    log_sum = np.log(np.sum(np.exp(log_kernel), axis=1))\n")],
        message="log-sum-exp",
    ),
    Mutant(
        "exponent_one_fifth",
        "the 1-D exponent -1/5 whatever d",
        replace=[
            (SCOTT, "            h = n ** (-1.0 / 5)\n"),
            (SILVERMAN, "            h = (n * (d + 2) / 4.0) ** (-1.0 / 5)\n"),
        ],
        message="exponent -1/5",
    ),
    Mutant(
        "diagonal_covariance",
        "only the variances: the kernel ignores correlations",
        replace=[(COV, "    cov = np.diag(np.var(data, axis=0, ddof=1))\n")],
        message="diagonal covariance",
    ),
    Mutant(
        "bandwidth_as_kernel_std",
        "a numeric bandwidth taken as the kernel standard deviation",
        replace=[
            (
                "        h = float(bandwidth)\n",
                "        h = float(bandwidth)\n        data = data + 0.0\n",
            ),
            (
                "    L = np.linalg.cholesky(cov)  # LinAlgError if not positive definite\n",
                "    L = np.linalg.cholesky(cov)  # LinAlgError if not positive definite\n"
                "    if not isinstance(bandwidth, str):\n"
                "        L = np.eye(d)\n",
            ),
        ],
        message="kernel standard deviation",
    ),
    Mutant(
        "silverman_swapped",
        'the rules swapped: "scott" gives (n (d+2)/4)^(-1/(d+4))',
        replace=[
            ('        if bandwidth == "scott":\n', '        if bandwidth == "silverman":\n'),
            ('        elif bandwidth == "silverman":\n', '        elif bandwidth == "scott":\n'),
        ],
    ),
    Mutant(
        "no_log_n",
        "forgets the 1/n of the mixture",
        replace=[
            ("    return log_sum - math.log(n) - log_norm\n", "    return log_sum - log_norm\n")
        ],
    ),
    Mutant(
        "no_log_h",
        "the normalising constant without the d log h of the scaled kernel",
        replace=[(NORM, NORM.replace(" + d * math.log(h)", ""))],
    ),
    Mutant(
        "case_insensitive",
        'accepts "Scott" and "SILVERMAN"',
        replace=[
            (
                "    if isinstance(bandwidth, str):\n",
                "    if isinstance(bandwidth, str):\n        bandwidth = bandwidth.lower()\n",
            ),
        ],
    ),
    Mutant(
        "no_bandwidth_check",
        "a non-positive numeric bandwidth is not refused",
        replace=[("        if not (math.isfinite(h) and h > 0):\n", "        if False:\n")],
    ),
    Mutant(
        "pinv_for_singular",
        "a singular covariance handled by a pseudo-inverse instead of raising",
        replace=[
            (
                "    L = np.linalg.cholesky(cov)  # LinAlgError if not positive definite\n",
                "    L = np.linalg.cholesky(cov + 1e-12 * np.eye(d))\n",
            )
        ],
    ),
    Mutant(
        "modifies_data",
        "centres the data in place",
        replace=[
            (
                "    data = np.array(data, dtype=float)\n",
                "    data = np.asarray(data, dtype=float)\n",
            ),
            (
                "    centred = data - data.mean(axis=0)\n",
                "    centred = data\n    centred -= data.mean(axis=0)\n    data = data + 0.0\n",
            ),
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "scipy_gaussian_kde",
        "scipy.stats.gaussian_kde(...).logpdf, the library this convention comes from",
        replace=[
            (
                "    centred = data - data.mean(axis=0)\n",
                "    from scipy.stats import gaussian_kde\n\n"
                "    np.linalg.cholesky(np.cov(data.T, ddof=1).reshape(d, d))\n"
                "    return gaussian_kde(data.T, bw_method=h).logpdf(query.T)\n"
                "    centred = data - data.mean(axis=0)\n",
            )
        ],
    ),
    Variant(
        "sklearn_whitened",
        "scikit-learn's KernelDensity on data whitened by the Cholesky factor of Sigma",
        replace=[
            (
                "    # whitened differences z[q, i] = L^-1 (query_q - data_i) / h\n",
                "    from sklearn.neighbors import KernelDensity\n\n"
                "    white = np.linalg.solve(L, data.T).T\n"
                "    white_q = np.linalg.solve(L, query.T).T\n"
                "    kd = KernelDensity(bandwidth=h, kernel='gaussian').fit(white)\n"
                "    return kd.score_samples(white_q) - np.sum(np.log(np.diag(L)))\n",
            )
        ],
    ),
    Variant(
        "inverse_and_slogdet",
        "the Mahalanobis form with the inverse covariance and slogdet, np.logaddexp.reduce",
        replace=[
            (
                "    # whitened differences z[q, i] = L^-1 (query_q - data_i) / h\n",
                "    P = np.linalg.inv(h * h * cov)\n"
                "    diff = query[:, None, :] - data[None, :, :]\n"
                "    maha = np.einsum('qij,jk,qik->qi', diff, P, diff)\n"
                "    logdet = np.linalg.slogdet(2 * np.pi * h * h * cov)[1]\n"
                "    return np.logaddexp.reduce(-0.5 * maha, axis=1) - np.log(n) - 0.5 * logdet\n",
            )
        ],
    ),
]
