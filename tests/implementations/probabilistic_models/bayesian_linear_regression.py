"""Known mistakes in probabilistic_models/bayesian_linear_regression (the grader must fail
each) and other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

PRECISION = "    precision = alpha * np.eye(d) + beta * (X.T @ X)\n"
MEAN = "    mean = beta * (cov @ (X.T @ y))\n"
PRED_VAR = '    pred_var = 1.0 / beta + np.einsum("ij,jk,ik->i", X_new, cov, X_new)\n'

MUTANTS = [
    Mutant(
        "no_noise_in_pred_var",
        "pred_var = x^T cov x, the variance of the mean prediction, without 1/beta",
        replace=[(PRED_VAR, PRED_VAR.replace("1.0 / beta + ", ""))],
        message="pred_var without the noise 1/beta",
    ),
    Mutant(
        "alpha_beta_swapped",
        "alpha used as the noise precision and beta as the prior's",
        replace=[
            (PRECISION, "    precision = beta * np.eye(d) + alpha * (X.T @ X)\n"),
            (MEAN, "    mean = alpha * (cov @ (X.T @ y))\n"),
            (PRED_VAR, PRED_VAR.replace("1.0 / beta", "1.0 / alpha")),
        ],
        message="alpha and beta swapped",
    ),
    Mutant(
        "alpha_as_variance",
        "cov^-1 = I/alpha + beta X^T X: alpha read as the prior variance",
        replace=[(PRECISION, "    precision = np.eye(d) / alpha + beta * (X.T @ X)\n")],
        message="alpha read as the prior variance",
    ),
    Mutant(
        "mean_without_beta",
        "mean = cov X^T y",
        replace=[(MEAN, "    mean = cov @ (X.T @ y)\n")],
        message="the mean without the factor beta",
    ),
    Mutant(
        "noise_as_beta",
        "pred_var = beta + x^T cov x",
        replace=[(PRED_VAR, PRED_VAR.replace("1.0 / beta", "beta"))],
        message="beta instead of 1/beta",
    ),
    Mutant(
        "precision_not_inverted",
        "cov returned as the precision matrix alpha I + beta X^T X",
        replace=[("    cov = np.linalg.inv(precision)\n", "    cov = precision\n")],
    ),
    Mutant(
        "pred_var_full_quadratic",
        "pred_var = 1/beta + sum of X_new cov X_new^T over all pairs (rows mixed up)",
        replace=[(PRED_VAR, "    pred_var = 1.0 / beta + (X_new @ cov @ X_new.T).sum(axis=1)\n")],
    ),
    Mutant(
        "empty_data_refused",
        "X with no rows rejected instead of giving the prior",
        replace=[
            (
                "    if X_new.shape[0] < 1:\n",
                "    if X_new.shape[0] < 1 or X.shape[0] < 1:\n",
            )
        ],
    ),
    Mutant(
        "no_precision_check",
        "alpha and beta not validated",
        replace=[
            (
                '    for name, value in [("alpha", alpha), ("beta", beta)]:\n',
                "    for name, value in []:\n",
            )
        ],
    ),
    Mutant(
        "no_shape_check",
        "only y's length checked: a 2-D y of n rows accepted",
        replace=[("    if y.shape != (X.shape[0],):\n", "    if len(y) != X.shape[0]:\n")],
    ),
    Mutant(
        "precision_without_beta",
        "review: the precision alpha I + X^T X, beta left off the data term",
        replace=[(PRECISION, "    precision = alpha * np.eye(d) + X.T @ X\n")],
        message="beta left off X^T X",
    ),
    Mutant(
        "pred_var_from_the_prior",
        "review: pred_var = 1/beta + ||x||^2/alpha, the prior's predictive variance whatever "
        "the data",
        replace=[(PRED_VAR, "    pred_var = 1.0 / beta + np.sum(X_new**2, axis=1) / alpha\n")],
        message="pred_var",
    ),
    Mutant(
        "modifies_X_new",
        "scales X_new in place",
        replace=[
            (
                "    X_new = np.asarray(X_new, dtype=float)\n",
                "    X_new = np.asarray(X_new, dtype=float)\n    X_new /= 1.0 + 1e-3\n",
            )
        ],
    ),
]

_VALIDATE = """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    X_new = np.asarray(X_new, dtype=float)
    if X.ndim != 2 or X_new.ndim != 2 or X.shape[1] < 1 or X.shape[1] != X_new.shape[1]:
        raise ValueError("X and X_new must be 2-D with the same d >= 1 columns")
    if X_new.shape[0] < 1 or y.shape != (X.shape[0],):
        raise ValueError("X_new needs rows and y must be 1-D of length n")
    for value in (alpha, beta):
        if np.ndim(value) != 0 or not (np.isfinite(value) and value > 0):
            raise ValueError("alpha and beta must be positive and finite")
"""

VARIANTS = [
    Variant(
        "woodbury_cholesky",
        "the n x n form: cov = I/alpha - X^T (X X^T/alpha + I/beta)^-1 X/alpha^2, with a "
        "Cholesky solve",
        append=f"""
def bayesian_linear_regression(X, y, X_new, alpha, beta):
{_VALIDATE}
    n, d = X.shape
    if n == 0:
        cov, mean = np.eye(d) / alpha, np.zeros(d)
    else:
        L = np.linalg.cholesky(X @ X.T / alpha + np.eye(n) / beta)
        A = np.linalg.solve(L, X) / alpha
        cov = np.eye(d) / alpha - A.T @ A
        mean = A.T @ np.linalg.solve(L, y)
    pred_var = 1 / beta + np.sum((X_new @ cov) * X_new, axis=1)
    return BayesLR(mean, cov, X_new @ mean, pred_var)
""",
    ),
    Variant(
        "scipy_cho_solve",
        "scipy.linalg.cho_factor / cho_solve of the d x d precision",
        append=f"""
def bayesian_linear_regression(X, y, X_new, alpha, beta):
    from scipy.linalg import cho_factor, cho_solve
{_VALIDATE}
    d = X.shape[1]
    factor = cho_factor(alpha * np.eye(d) + beta * X.T @ X)
    cov = cho_solve(factor, np.eye(d))
    mean = cho_solve(factor, beta * X.T @ y)
    pred_var = 1 / beta + np.sum(X_new * cho_solve(factor, X_new.T).T, axis=1)
    return BayesLR(mean, cov, X_new @ mean, pred_var)
""",
    ),
    Variant(
        "sklearn_bayesian_ridge",
        "scikit-learn's BayesianRidge with its alpha_, lambda_ pinned at beta, alpha "
        "(Gamma hyperpriors so sharp that MacKay's updates stay put): coef_, sigma_, "
        "predict(return_std=True)^2",
        append=f"""
def bayesian_linear_regression(X, y, X_new, alpha, beta):
    from sklearn.linear_model import BayesianRidge
{_VALIDATE}
    n, d = X.shape
    if n == 0:
        cov = np.eye(d) / alpha
        return BayesLR(np.zeros(d), cov, np.zeros(len(X_new)), 1 / beta + np.sum(X_new**2, axis=1) / alpha)
    c = 1e16
    model = BayesianRidge(
        fit_intercept=False, alpha_init=beta, lambda_init=alpha, alpha_1=c * beta,
        alpha_2=c, lambda_1=c * alpha, lambda_2=c, max_iter=3, tol=1e-300,
    ).fit(X, y)
    pred_mean, std = model.predict(X_new, return_std=True)
    return BayesLR(model.coef_, model.sigma_, pred_mean, std**2)
""",
    ),
    Variant(
        "augmented_qr_review",
        "review's independent road: QR of the stacked design [sqrt(beta) X; sqrt(alpha) I], "
        "mean by back substitution, cov = R^-1 R^-T, pred_var as the squared norm of R^-T x",
        append="""
def bayesian_linear_regression(X, y, X_new, alpha, beta):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    X_new = np.array(X_new, dtype=float)
    if X.ndim != 2 or X_new.ndim != 2:
        raise ValueError("X and X_new must be 2-D")
    n, d = X.shape
    if d < 1 or X_new.shape[1] != d or X_new.shape[0] < 1:
        raise ValueError("bad shapes")
    if y.ndim != 1 or y.shape[0] != n:
        raise ValueError("y must be 1-D of length n")
    a, b = float(alpha), float(beta)
    if not (np.isfinite(a) and np.isfinite(b) and a > 0 and b > 0):
        raise ValueError("alpha, beta must be positive and finite")
    A = np.vstack([np.sqrt(b) * X, np.sqrt(a) * np.eye(d)])
    t = np.concatenate([np.sqrt(b) * y, np.zeros(d)])
    Q, R = np.linalg.qr(A)
    mean = np.linalg.solve(R, Q.T @ t)
    Rinv = np.linalg.solve(R, np.eye(d))
    cov = Rinv @ Rinv.T
    V = np.linalg.solve(R.T, X_new.T)
    return BayesLR(mean, cov, X_new @ mean, 1.0 / b + np.sum(V * V, axis=0))
""",
    ),
]
