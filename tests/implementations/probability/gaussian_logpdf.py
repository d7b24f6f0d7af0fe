from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "log_det",
        "log(det(cov)): the determinant underflows in high dimensions",
        replace=[
            (
                "log_det = 2.0 * np.sum(np.log(np.diag(L)))",
                "log_det = np.log(np.linalg.det(cov))",
            )
        ],
        message="underflows to 0",
    ),
    Mutant(
        "inverse",
        "inv(cov) and slogdet instead of a Cholesky factor (no positive-definiteness check)",
        replace=[
            (
                "    L = np.linalg.cholesky(cov)  # raises LinAlgError if cov is not positive definite\n"
                "    z = np.linalg.solve(L, (X - mean).T)  # (d, n); a triangular solve would do\n"
                "    log_det = 2.0 * np.sum(np.log(np.diag(L)))\n"
                "    quad = np.sum(z**2, axis=0)\n",
                "    r = X - mean\n"
                "    log_det = np.linalg.slogdet(cov)[1]\n"
                "    quad = np.sum((r @ np.linalg.inv(cov)) * r, axis=1)\n",
            )
        ],
        message="inv and det do not notice this",
    ),
    Mutant(
        "missing_log_2pi",
        "leaves out d log 2pi",
        replace=[("-0.5 * (d * np.log(2.0 * np.pi) + log_det + quad)", "-0.5 * (log_det + quad)")],
        message="d * log(2 pi) is missing",
    ),
    Mutant(
        "log_2pi_once",
        "adds log 2pi once instead of d times",
        replace=[("(d * np.log(2.0 * np.pi) + log_det", "(np.log(2.0 * np.pi) + log_det")],
        message="once instead of d times",
    ),
    Mutant(
        "log_det_of_L_not_doubled",
        "log det of L instead of log det of cov (forgets the 2)",
        replace=[("log_det = 2.0 * np.sum(", "log_det = 1.0 * np.sum(")],
    ),
    Mutant(
        "quad_with_cov",
        "(x - mu)ᵀ cov (x - mu)",
        replace=[
            (
                "quad = np.sum(z**2, axis=0)",
                "quad = np.sum(((X - mean) @ cov) * (X - mean), axis=1)",
            )
        ],
        message="needs the inverse of cov",
    ),
    Mutant(
        "no_symmetry_check",
        "a non-symmetric cov is silently read through its lower triangle",
        replace=[("if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):", "if False:")],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_symmetry_tolerance",
        "tests the symmetry of cov with an absolute tolerance 1e-10",
        replace=[
            (
                "np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov))",
                "np.max(np.abs(cov - cov.T)) > 1e-10",
            )
        ],
        message="symmetry is relative to the size of cov",
    ),
]

VARIANTS = [
    Variant(
        "scipy_solve_triangular",
        "Cholesky with scipy.linalg.solve_triangular",
        replace=[
            (
                "z = np.linalg.solve(L, (X - mean).T)",
                "z = __import__('scipy.linalg').linalg.solve_triangular(L, (X - mean).T, lower=True)",
            )
        ],
    ),
    Variant(
        "scipy_stats",
        "scipy.stats.multivariate_normal after a Cholesky check",
        append="""
def gaussian_logpdf(X, mean, cov):
    from scipy.stats import multivariate_normal

    X = np.asarray(X, dtype=float)
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    if X.ndim != 2 or X.size == 0 or mean.shape != (X.shape[1],) or cov.shape != (X.shape[1],) * 2:
        raise ValueError("bad shapes")
    if not np.allclose(cov, cov.T, rtol=0, atol=1e-10 * np.abs(cov).max()):
        raise ValueError("cov is not symmetric")
    np.linalg.cholesky(cov)
    return np.atleast_1d(multivariate_normal(mean, cov).logpdf(X)).reshape(X.shape[0])
""",
    ),
]
