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
        "one_shift_for_all_queries",
        "review: the log-sum-exp shifted by the maximum over every query and data point "
        "(a far query underflows to log 0)",
        replace=[
            (
                "    top = log_kernel.max(axis=1)\n",
                "    top = np.full(log_kernel.shape[0], log_kernel.max())\n",
            )
        ],
        message="log-sum-exp",
    ),
    Mutant(
        "std_times_rule",
        "review: the scott/silverman factor multiplied by the data's std before the kernel "
        "covariance h^2 Sigma (the spread counted twice)",
        replace=[
            (
                "    L = np.linalg.cholesky(cov)  # LinAlgError if not positive definite\n",
                "    L = np.linalg.cholesky(cov)  # LinAlgError if not positive definite\n"
                "    if isinstance(bandwidth, str):\n"
                "        h = h * math.sqrt(np.trace(cov) / d)\n",
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
    Variant(
        "eigh_whitening_review",
        "review's independent road: Sigma = V diag(lam) V^T by eigh (LinAlgError when an "
        "eigenvalue is not clearly positive), data whitened by V diag(lam^-1/2), a "
        "max-shifted log-sum-exp per query written out by hand",
        append="""
def kde_logpdf(data, query, bandwidth="scott"):
    import numbers

    X = np.array(data, dtype=float)
    Qr = np.array(query, dtype=float)
    if X.ndim != 2 or Qr.ndim != 2 or X.shape[1] != Qr.shape[1]:
        raise ValueError("data and query must be 2-D with one d")
    n, d = X.shape
    if n < 2 or d < 1 or Qr.shape[0] < 1:
        raise ValueError("need n >= 2, d >= 1, m >= 1")
    if isinstance(bandwidth, str):
        if bandwidth == "scott":
            h = n ** (-1.0 / (d + 4))
        elif bandwidth == "silverman":
            h = (n * (d + 2) / 4.0) ** (-1.0 / (d + 4))
        else:
            raise ValueError("unknown bandwidth rule")
    elif isinstance(bandwidth, numbers.Real) and not isinstance(bandwidth, bool):
        h = float(bandwidth)
        if not (h > 0 and np.isfinite(h)):
            raise ValueError("bandwidth must be > 0")
    else:
        raise ValueError("bandwidth must be 'scott', 'silverman' or a number")
    C = X - X.mean(axis=0)
    sigma = C.T @ C / (n - 1)
    lam, V = np.linalg.eigh(sigma)
    if lam.min() <= 1e-12 * max(lam.max(), 0.0) or lam.max() <= 0:
        raise np.linalg.LinAlgError("the sample covariance is not positive definite")
    W = V / np.sqrt(lam)
    Zd, Zq = X @ W / h, Qr @ W / h
    sq = np.sum((Zq[:, None, :] - Zd[None, :, :]) ** 2, axis=2)
    e = -0.5 * sq
    top = e.max(axis=1)
    lse = top + np.log(np.sum(np.exp(e - top[:, None]), axis=1))
    log_norm = 0.5 * d * np.log(2 * np.pi) + d * np.log(h) + 0.5 * np.sum(np.log(lam))
    return lse - np.log(n) - log_norm
""",
    ),
]
