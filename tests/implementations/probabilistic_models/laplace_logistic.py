"""Known mistakes in probabilistic_models/laplace_logistic (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

GRAD = "        g = X.T @ (y - np.exp(_log_sigmoid(X @ w))) - alpha * w\n"
HESS = "        return (X.T * (s * s1)) @ X + alpha * np.eye(d)\n"
RET = "    return Laplace(w, np.linalg.inv(H), float(log_evidence), n_iter)\n"
EVID = "    log_evidence = log_lik + log_prior + 0.5 * d * math.log(2 * math.pi) - 0.5 * log_det\n"
STEP = "        w = w + np.linalg.solve(hessian(w), g)\n"
LOGLIK = "    log_lik = float(np.sum(y * _log_sigmoid(t) + (1 - y) * _log_sigmoid(-t)))\n"

MUTANTS = [
    Mutant(
        "mean_log_likelihood",
        "Newton on the mean log-likelihood (gradient and Hessian divided by n)",
        replace=[
            (GRAD, "        g = X.T @ (y - np.exp(_log_sigmoid(X @ w))) / n - alpha * w\n"),
            (HESS, "        return (X.T * (s * s1)) @ X / n + alpha * np.eye(d)\n"),
        ],
        message="MEAN log-likelihood",
    ),
    Mutant(
        "prior_left_out_of_H",
        "cov = (X^T W X)^-1, without alpha I",
        replace=[
            (RET, "    H = H - alpha * np.eye(d)\n" + RET),
        ],
        message="prior left out of H",
    ),
    Mutant(
        "returns_H",
        "cov = H instead of H^-1",
        replace=[(RET, "    return Laplace(w, H, float(log_evidence), n_iter)\n")],
        message="H instead of its inverse",
    ),
    Mutant(
        "alpha_as_variance",
        "the prior N(0, alpha I): alpha read as the prior variance",
        replace=[("    alpha = float(alpha)\n", "    alpha = 1.0 / float(alpha)\n")],
        message="prior variance",
    ),
    Mutant(
        "no_two_pi",
        "log_evidence without (d/2) log 2 pi",
        replace=[(EVID, EVID.replace(" + 0.5 * d * math.log(2 * math.pi)", ""))],
        message="without (d/2) log 2 pi",
    ),
    Mutant(
        "plus_half_log_det",
        "log_evidence with +1/2 log|H|",
        replace=[(EVID, EVID.replace("- 0.5 * log_det", "+ 0.5 * log_det"))],
        message="+1/2 log|H|",
    ),
    Mutant(
        "cov_at_previous_iterate",
        "H (and cov) evaluated at the iterate before the last step",
        replace=[
            (
                "    w = np.zeros(d)\n",
                "    w = np.zeros(d)\n    w_prev = w\n",
            ),
            (STEP, "        w_prev = w\n" + STEP),
            ("    H = hessian(w)\n", "    H = hessian(w_prev)\n"),
        ],
        message="previous iterate",
    ),
    Mutant(
        "unstable_log_likelihood",
        "log sigma and log(1 - sigma) taken of 1/(1 + e^-t)",
        replace=[
            (
                LOGLIK,
                "    s = 1.0 / (1.0 + np.exp(-t))\n"
                "    log_lik = float(np.sum(y * np.log(s) + (1 - y) * np.log(1 - s)))\n",
            )
        ],
        message="stably",
    ),
    Mutant(
        "unstable_sigmoid",
        "sigma(t) as 1/(1 + exp(-t)) in the gradient (overflow for t = -1e4)",
        replace=[(GRAD, "        g = X.T @ (y - 1.0 / (1.0 + np.exp(-(X @ w)))) - alpha * w\n")],
    ),
    Mutant(
        "prior_normaliser_left_out",
        "review: log N(w; 0, I/alpha) taken as -alpha |w|^2 / 2, without (d/2) log(alpha/2pi)",
        replace=[
            (
                "    log_prior = 0.5 * d * math.log(alpha / (2 * math.pi)) - 0.5 * alpha * float(w @ w)\n",
                "    log_prior = -0.5 * alpha * float(w @ w)\n",
            )
        ],
        message="the prior's normaliser",
    ),
    Mutant(
        "stop_test_without_prior",
        "review: the stopping test on the likelihood's gradient X^T(y - sigma) alone (never "
        "below tol at the MAP: runs to max_iter)",
        replace=[
            (
                "        if np.linalg.norm(g) <= tol or n_iter >= max_iter:\n",
                "        if np.linalg.norm(g + alpha * w) <= tol or n_iter >= max_iter:\n",
            )
        ],
    ),
    Mutant(
        "off_by_one_n_iter",
        "counts the gradient evaluations instead of the steps",
        replace=[
            (RET, "    return Laplace(w, np.linalg.inv(H), float(log_evidence), n_iter + 1)\n")
        ],
    ),
    Mutant(
        "check_after_step",
        "always takes a step before testing the gradient",
        replace=[
            (
                "        if np.linalg.norm(g) <= tol or n_iter >= max_iter:\n",
                "        if n_iter >= max(max_iter, 1) or (n_iter > 0 and np.linalg.norm(g) <= tol):\n",
            )
        ],
    ),
    Mutant(
        "raises_at_max_iter",
        "raises instead of returning the last iterate",
        replace=[
            (
                "        if np.linalg.norm(g) <= tol or n_iter >= max_iter:\n",
                "        if n_iter >= max_iter and np.linalg.norm(g) > tol:\n"
                "            raise RuntimeError('Newton did not converge')\n"
                "        if np.linalg.norm(g) <= tol or n_iter >= max_iter:\n",
            )
        ],
    ),
    Mutant(
        "intercept_unpenalised",
        "the first column (an intercept) left out of the prior",
        replace=[
            (
                HESS,
                "        return (X.T * (s * s1)) @ X + alpha * np.diag(np.r_[0.0, np.ones(d - 1)])\n",
            ),
            (GRAD, GRAD.replace("- alpha * w", "- alpha * np.r_[0.0, w[1:]]")),
        ],
    ),
    Mutant(
        "no_label_check",
        "labels other than 0/1 are not refused",
        replace=[("    if not np.all((y == 0) | (y == 1)):\n", "    if False:\n")],
    ),
    Mutant(
        "float_max_iter_accepted",
        "a non-integer max_iter is not refused",
        replace=[
            (
                "    if isinstance(max_iter, (bool, np.bool_)) or not isinstance(max_iter, numbers.Integral):\n",
                "    if False:\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "scipy_expit_cholesky",
        "scipy.special.expit/log_expit and a Cholesky solve (scipy.linalg.cho_factor)",
        append="""
def laplace_logistic(X, y, alpha=1.0, tol=1e-10, max_iter=100):
    from scipy.linalg import cho_factor, cho_solve
    from scipy.special import expit, log_expit

    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or 0 in X.shape or not np.isfinite(X).all():
        raise ValueError("bad X")
    n, d = X.shape
    if y.shape != (n,) or not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("bad y")
    if not (0 < alpha < np.inf) or not tol >= 0:
        raise ValueError("bad alpha or tol")
    if not isinstance(max_iter, (int, np.integer)) or isinstance(max_iter, bool) or max_iter < 0:
        raise ValueError("bad max_iter")

    def curvature(w):
        p = expit(X @ w)
        return cho_factor(X.T @ (X * (p * (1 - p))[:, None]) + alpha * np.eye(d))

    w = np.zeros(d)
    steps = 0
    g = X.T @ (y - expit(X @ w)) - alpha * w
    while np.sqrt(g @ g) > tol and steps < max_iter:
        w = w + cho_solve(curvature(w), g)
        steps += 1
        g = X.T @ (y - expit(X @ w)) - alpha * w
    c, low = curvature(w)
    log_det = 2 * np.sum(np.log(np.diag(c)))
    t = X @ w
    log_joint = np.sum(y * log_expit(t) + (1 - y) * log_expit(-t))
    log_joint += 0.5 * d * np.log(alpha) - 0.5 * alpha * (w @ w) - 0.5 * d * np.log(2 * np.pi)
    ev = log_joint + 0.5 * d * np.log(2 * np.pi) - 0.5 * log_det
    return Laplace(w, cho_solve((c, low), np.eye(d)), float(ev), steps)
""",
    ),
    Variant(
        "logaddexp_slogdet_review",
        "review's independent road: sigma and sigma(1 - sigma) from np.logaddexp, the "
        "log-likelihood as sum(y z - log(1 + e^z)), Newton steps by np.linalg.solve, "
        "log|H| by slogdet",
        append="""
def laplace_logistic(X, y, alpha=1.0, tol=1e-10, max_iter=100):
    import numbers

    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError("X must be 2-D and non-empty")
    n, d = X.shape
    if y.shape != (n,) or not np.all((y == 0) | (y == 1)):
        raise ValueError("y must be (n,) of 0/1")
    if np.ndim(alpha) != 0 or not (alpha > 0 and np.isfinite(alpha)):
        raise ValueError("alpha must be > 0")
    if np.ndim(tol) != 0 or not (tol >= 0):
        raise ValueError("tol must be >= 0")
    if isinstance(max_iter, bool) or not isinstance(max_iter, numbers.Integral) or max_iter < 0:
        raise ValueError("max_iter must be an integer >= 0")
    a = float(alpha)

    def parts(w):
        z = X @ w
        sp_pos, sp_neg = np.logaddexp(0.0, z), np.logaddexp(0.0, -z)  # -log(1-s), -log s
        s = np.exp(-sp_neg)
        r = np.exp(-sp_pos - sp_neg)  # s (1 - s)
        H = X.T @ (r[:, None] * X) + a * np.eye(d)
        g = X.T @ (y - s) - a * w
        return z, sp_pos, g, H

    w = np.zeros(d)
    steps = 0
    while True:
        z, sp_pos, g, H = parts(w)
        if np.sqrt(g @ g) <= tol or steps >= max_iter:
            break
        w = w + np.linalg.solve(H, g)
        steps += 1
    loglik = float(np.sum(y * z - sp_pos))
    logprior = 0.5 * d * np.log(a / (2 * np.pi)) - 0.5 * a * float(w @ w)
    logdet = np.linalg.slogdet(H)[1]
    log_ev = loglik + logprior + 0.5 * d * np.log(2 * np.pi) - 0.5 * logdet
    return Laplace(w, np.linalg.inv(H), float(log_ev), steps)
""",
    ),
    Variant(
        "sklearn_logistic_regression",
        "the mean from scikit-learn's LogisticRegression(C=1/alpha, fit_intercept=False) "
        "(solver newton-cg, tol 1e-14) whenever Newton's protocol stops on tol; "
        "sklearn's n_iter_ counts its own solver's iterations, so n_iter (and the mean of a "
        "run cut short by max_iter, and labels of one class, which sklearn refuses) come "
        "from the protocol's steps",
        append="""
def laplace_logistic(X, y, alpha=1.0, tol=1e-10, max_iter=100):
    import warnings

    from sklearn.linear_model import LogisticRegression

    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or min(X.shape) < 1 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if np.ndim(alpha) != 0 or not alpha > 0 or np.ndim(tol) != 0 or not tol >= 0:
        raise ValueError("alpha must be > 0 and tol >= 0")
    if isinstance(max_iter, bool) or not isinstance(max_iter, numbers.Integral) or max_iter < 0:
        raise ValueError("max_iter must be an integer >= 0")
    n, d = X.shape
    alpha = float(alpha)

    def sig(t):
        return np.exp(_log_sigmoid(t)), np.exp(_log_sigmoid(-t))

    def hessian(w):
        s, s1 = sig(X @ w)
        return X.T @ ((s * s1)[:, None] * X) + alpha * np.eye(d)

    w, steps = np.zeros(d), 0
    while True:
        g = X.T @ (y - sig(X @ w)[0]) - alpha * w
        converged = np.linalg.norm(g) <= tol
        if converged or steps >= max_iter:
            break
        w = w + np.linalg.solve(hessian(w), g)
        steps += 1
    if converged and 0 < y.sum() < n:
        model = LogisticRegression(
            C=1.0 / alpha, fit_intercept=False, solver="newton-cg", tol=1e-14, max_iter=1000
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            w = model.fit(X, y.astype(int)).coef_.ravel().astype(float)
    H = hessian(w)
    t = X @ w
    log_lik = float(np.sum(y * _log_sigmoid(t) + (1 - y) * _log_sigmoid(-t)))
    log_prior = 0.5 * d * np.log(alpha / (2 * np.pi)) - 0.5 * alpha * float(w @ w)
    log_ev = log_lik + log_prior + 0.5 * d * np.log(2 * np.pi) - 0.5 * np.linalg.slogdet(H)[1]
    return Laplace(w, np.linalg.inv(H), float(log_ev), steps)
""",
    ),
]
