"""Known mistakes in probabilistic_models/gaussian_process (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

KERNEL = "        return signal_var * np.exp(-sq / (2.0 * length_scale**2))\n"
K_Y = "    K_y = kernel(X_train, X_train) + noise_var * np.eye(n)\n"
VAR = "    var = np.maximum(signal_var - np.sum(v**2, axis=0), 0.0)\n"
HALF = "    half_log_det = np.sum(np.log(np.diag(L)))\n"
LML = "    lml = -0.5 * (y_train @ a) - half_log_det - 0.5 * n * np.log(2.0 * np.pi)\n"
SOLVE = "    a = np.linalg.solve(L.T, np.linalg.solve(L, y_train))\n"

MUTANTS = [
    Mutant(
        "kernel_without_2",
        "k = signal_var exp(-|x - x'|^2 / l^2)",
        replace=[(KERNEL, KERNEL.replace("2.0 * length_scale**2", "length_scale**2"))],
        message="the 2 of 2 l^2 dropped",
    ),
    Mutant(
        "length_scale_not_squared",
        "k = signal_var exp(-|x - x'|^2 / (2 l))",
        replace=[(KERNEL, KERNEL.replace("length_scale**2", "length_scale"))],
        message="the length scale not squared",
    ),
    Mutant(
        "no_noise_in_K_y",
        "K_y = K (noise_var left out; a tiny jitter keeps the Cholesky alive)",
        replace=[(K_Y, "    K_y = kernel(X_train, X_train) + 1e-10 * signal_var * np.eye(n)\n")],
        message="noise_var left out of K_y",
    ),
    Mutant(
        "noise_added_to_var",
        "var = signal_var + noise_var - ...: the predictive variance of a new y",
        replace=[(VAR, VAR.replace("signal_var - ", "signal_var + noise_var - "))],
        message="noise_var added to var",
    ),
    Mutant(
        "half_of_half_log_det",
        "1/2 log|K_y| taken as 1/2 sum log L_ii",
        replace=[(HALF, "    half_log_det = 0.5 * np.sum(np.log(np.diag(L)))\n")],
        message="1/2 log|K_y| taken as 1/2 sum log L_ii",
    ),
    Mutant(
        "no_2pi",
        "log marginal likelihood without -(n/2) log 2 pi",
        replace=[(LML, "    lml = -0.5 * (y_train @ a) - half_log_det\n")],
        message="without -(n/2) log 2 pi",
    ),
    Mutant(
        "y_centred",
        "y centred before the solve and its mean added back (normalize_y-like)",
        replace=[
            (
                SOLVE,
                "    a = np.linalg.solve(L.T, np.linalg.solve(L, y_train - y_train.mean()))\n",
            ),
            ("    mean = K_s.T @ a\n", "    mean = K_s.T @ a + y_train.mean()\n"),
        ],
        message="y centred",
    ),
    Mutant(
        "whole_log_det",
        "review: lml = -1/2 y^T a - log|K_y| - ...: the 1/2 of the log-determinant forgotten",
        replace=[(HALF, "    half_log_det = 2.0 * np.sum(np.log(np.diag(L)))\n")],
        message="the whole log|K_y| subtracted",
    ),
    Mutant(
        "distance_not_squared",
        "review: k = signal_var exp(-|x - x'| / (2 l^2)), the distance itself in the exponent",
        replace=[
            (
                "        sq = np.sum((A[:, None, :] - B[None, :, :]) ** 2, axis=-1)\n",
                "        sq = np.sqrt(np.sum((A[:, None, :] - B[None, :, :]) ** 2, axis=-1))\n",
            )
        ],
    ),
    Mutant(
        "extra_jitter",
        "K_y = K + (noise_var + 1e-6) I: extra jitter",
        replace=[(K_Y, K_Y.replace("noise_var * np.eye(n)", "(noise_var + 1e-6) * np.eye(n)"))],
    ),
    Mutant(
        "log_det_of_K",
        "log|K| + n log noise_var instead of log|K_y|",
        replace=[
            (
                HALF,
                "    half_log_det = 0.5 * (np.linalg.slogdet(K_y - noise_var * np.eye(n) "
                "+ 1e-9 * np.eye(n))[1])\n",
            )
        ],
    ),
    Mutant(
        "zero_noise_accepted",
        "noise_var = 0 not rejected",
        replace=[
            (
                '        ("noise_var", noise_var),\n',
                "",
            )
        ],
    ),
    Mutant(
        "modifies_y",
        "scales y_train in place",
        replace=[
            (
                "    y_train = np.asarray(y_train, dtype=float)\n",
                "    y_train = np.asarray(y_train, dtype=float)\n    y_train *= 1.0 + 1e-12\n",
            )
        ],
    ),
]

_VALIDATE = """
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_train.shape[1] != X_test.shape[1]:
        raise ValueError("X_train and X_test must be 2-D with one d")
    if min(X_train.shape) < 1 or X_test.shape[0] < 1:
        raise ValueError("empty input")
    if y_train.shape != (X_train.shape[0],):
        raise ValueError("y_train must be (n,)")
    for value in (length_scale, signal_var, noise_var):
        if np.ndim(value) != 0 or not (np.isfinite(value) and value > 0):
            raise ValueError("hyperparameters must be positive")
"""

VARIANTS = [
    Variant(
        "eigendecomposition",
        "K_y = U diag(lam) U^T: solves and log-determinant from the eigenvalues, squared "
        "distances by the expansion |x|^2 + |x'|^2 - 2 x.x'",
        append=f"""
def gp_regression(X_train, y_train, X_test, length_scale=1.0, signal_var=1.0, noise_var=1e-2):
{_VALIDATE}
    def k(A, B):
        sq = (A**2).sum(1)[:, None] + (B**2).sum(1)[None, :] - 2 * A @ B.T
        return signal_var * np.exp(-np.maximum(sq, 0) / (2 * length_scale**2))

    n = len(X_train)
    lam, U = np.linalg.eigh(k(X_train, X_train) + noise_var * np.eye(n))
    Ks = k(X_train, X_test)
    z, W = U.T @ y_train, U.T @ Ks
    mean = W.T @ (z / lam)
    var = np.clip(signal_var - np.sum(W**2 / lam[:, None], axis=0), 0, None)
    lml = -0.5 * np.sum(z**2 / lam) - 0.5 * np.sum(np.log(lam)) - n / 2 * np.log(2 * np.pi)
    return GP(mean, var, float(lml))
""",
    ),
    Variant(
        "scipy_cho_solve",
        "scipy.spatial.distance.cdist and scipy.linalg.cho_factor / cho_solve",
        append=f"""
def gp_regression(X_train, y_train, X_test, length_scale=1.0, signal_var=1.0, noise_var=1e-2):
    from scipy.linalg import cho_factor, cho_solve
    from scipy.spatial.distance import cdist
{_VALIDATE}
    n = len(X_train)
    K = signal_var * np.exp(-cdist(X_train, X_train, "sqeuclidean") / (2 * length_scale**2))
    Ks = signal_var * np.exp(-cdist(X_train, X_test, "sqeuclidean") / (2 * length_scale**2))
    c = cho_factor(K + noise_var * np.eye(n), lower=True)
    a = cho_solve(c, y_train)
    var = np.maximum(signal_var - np.sum(Ks * cho_solve(c, Ks), axis=0), 0)
    lml = -0.5 * y_train @ a - np.sum(np.log(np.diag(c[0]))) - n / 2 * np.log(2 * np.pi)
    return GP(Ks.T @ a, var, float(lml))
""",
    ),
    Variant(
        "sklearn",
        "scikit-learn's GaussianProcessRegressor(ConstantKernel(signal_var, 'fixed') * "
        "RBF(length_scale, 'fixed'), alpha=noise_var, optimizer=None): predict(return_std=True) "
        "squared and log_marginal_likelihood_value_",
        append=f"""
def gp_regression(X_train, y_train, X_test, length_scale=1.0, signal_var=1.0, noise_var=1e-2):
    import warnings

    from sklearn.gaussian_process import GaussianProcessRegressor
    from sklearn.gaussian_process.kernels import RBF, ConstantKernel
{_VALIDATE}
    kernel = ConstantKernel(signal_var, "fixed") * RBF(length_scale, "fixed")
    model = GaussianProcessRegressor(kernel, alpha=noise_var, optimizer=None)
    model.fit(X_train, y_train)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # negative variances clipped to 0
        mean, std = model.predict(X_test, return_std=True)
    return GP(mean, std**2, float(model.log_marginal_likelihood_value_))
""",
    ),
    Variant(
        "lu_solve_slogdet_review",
        "review's independent road: squared distances by broadcasting differences, "
        "np.linalg.solve (LU) for K_y^-1 [y, K_*] and np.linalg.slogdet for log|K_y|",
        append="""
def gp_regression(X_train, y_train, X_test, length_scale=1.0, signal_var=1.0, noise_var=1e-2):
    X = np.array(X_train, dtype=float)
    y = np.array(y_train, dtype=float)
    Xs = np.array(X_test, dtype=float)
    if X.ndim != 2 or Xs.ndim != 2 or X.shape[1] != Xs.shape[1]:
        raise ValueError("X_train and X_test must be 2-D with one d")
    n, d = X.shape
    if n < 1 or d < 1 or Xs.shape[0] < 1 or y.shape != (n,):
        raise ValueError("bad shapes")
    for v in (length_scale, signal_var, noise_var):
        if not (np.ndim(v) == 0 and v > 0 and np.isfinite(v)):
            raise ValueError("hyperparameters must be positive")

    def k(A, B):
        diff = A[:, None, :] - B[None, :, :]
        return signal_var * np.exp(-0.5 * np.sum(diff**2, axis=2) / length_scale**2)

    Ky = k(X, X) + noise_var * np.eye(n)
    Ks = k(X, Xs)
    sol = np.linalg.solve(Ky, np.column_stack([y, Ks]))
    alpha_vec = sol[:, 0]
    mean = Ks.T @ alpha_vec
    var = np.maximum(signal_var - np.sum(Ks * sol[:, 1:], axis=0), 0.0)
    _, logdet = np.linalg.slogdet(Ky)
    lml = -0.5 * y @ alpha_vec - 0.5 * logdet - 0.5 * n * np.log(2 * np.pi)
    return GP(mean, var, float(lml))
""",
    ),
]
