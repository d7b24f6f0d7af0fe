"""Known mistakes in probabilistic_models/elbo_gaussian (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

LIK = (
    "    expected_lik = 0.5 * n * math.log(beta / (2 * math.pi)) - 0.5 * beta * (r @ r + var @ c)\n"
)
PRIOR = (
    "    expected_prior = 0.5 * d * math.log(alpha / (2 * math.pi)) "
    "- 0.5 * alpha * (m @ m + var.sum())\n"
)
ENTROPY = "    entropy = d * 0.5 * math.log(2 * math.pi * math.e) + log_s.sum()\n"
GLS = "    grad_log_std = 1.0 - var * (beta * c + alpha)\n"

MUTANTS = [
    Mutant(
        "plug_in_likelihood",
        "E_q log p(y | w) without sum_j s_j^2 c_j (the likelihood at the mean)",
        replace=[(LIK, LIK.replace("r @ r + var @ c", "r @ r"))],
        message="plug-in likelihood",
    ),
    Mutant(
        "std_for_variance",
        "E[w_j^2] = m_j^2 + s_j",
        replace=[
            (LIK, LIK.replace("var @ c", "np.exp(log_s) @ c")),
            (PRIOR, PRIOR.replace("var.sum()", "np.exp(log_s).sum()")),
        ],
        message="the std for the variance",
    ),
    Mutant(
        "entropy_without_constant",
        "H[q] = sum_j log s_j",
        replace=[(ENTROPY, "    entropy = log_s.sum()\n")],
        message="entropy without",
    ),
    Mutant(
        "grad_wrt_std",
        "grad_log_std as the derivative with respect to s_j",
        replace=[(GLS, "    grad_log_std = (1.0 - var * (beta * c + alpha)) / np.exp(log_s)\n")],
        message="with respect to s_j",
    ),
    Mutant(
        "alpha_as_variance",
        "the prior N(0, alpha I)",
        replace=[
            (
                "    alpha, beta = float(alpha), float(beta)\n",
                "    alpha, beta = 1.0 / float(alpha), float(beta)\n",
            )
        ],
        message="prior variance",
    ),
    Mutant(
        "entropy_without_e",
        "review: H[q] = sum_j (1/2 log 2 pi + log s_j), the e of 2 pi e forgotten",
        replace=[(ENTROPY, ENTROPY.replace("2 * math.pi * math.e", "2 * math.pi"))],
        message="the 1/2 forgotten",
    ),
    Mutant(
        "grad_log_std_without_entropy",
        "review: grad_log_std = -s_j^2 (beta c_j + alpha), the entropy's derivative 1 left out",
        replace=[(GLS, "    grad_log_std = -var * (beta * c + alpha)\n")],
        message="without the entropy's +1",
    ),
    Mutant(
        "grad_mean_sign",
        "grad_mean of the negative ELBO (the loss to descend)",
        replace=[
            (
                "    grad_mean = beta * (X.T @ r) - alpha * m\n",
                "    grad_mean = alpha * m - beta * (X.T @ r)\n",
            )
        ],
    ),
    Mutant(
        "grad_mean_no_prior",
        "grad_mean without the prior's - alpha m",
        replace=[
            ("    grad_mean = beta * (X.T @ r) - alpha * m\n", "    grad_mean = beta * (X.T @ r)\n")
        ],
    ),
    Mutant(
        "beta_as_variance",
        "the noise precision read as a variance",
        replace=[
            (
                "    alpha, beta = float(alpha), float(beta)\n",
                "    alpha, beta = float(alpha), 1.0 / float(beta)\n",
            )
        ],
    ),
    Mutant(
        "row_norms",
        "c as the squared norms of the rows",
        replace=[
            (
                "    c = np.sum(X**2, axis=0)  # column squared norms\n",
                "    c = np.resize(np.sum(X**2, axis=1), d)\n",
            )
        ],
    ),
    Mutant(
        "entropy_half_log_s",
        "H[q] with (1/2) log s_j",
        replace=[(ENTROPY, ENTROPY.replace("log_s.sum()", "0.5 * log_s.sum()"))],
    ),
    Mutant(
        "elbo_array",
        "the ELBO returned as a 1-element array",
        replace=[
            (
                "    elbo = float(expected_lik + expected_prior + entropy)\n",
                "    elbo = np.atleast_1d(expected_lik + expected_prior + entropy)\n",
            )
        ],
    ),
    Mutant(
        "no_shape_check",
        "q_mean of the wrong length broadcast",
        replace=[
            ("    if m.shape != (d,) or log_s.shape != (d,):\n", "    if False:\n"),
            (
                "    r = y - X @ m\n",
                "    m = np.resize(m, d)\n    log_s = np.resize(log_s, d)\n    var = np.exp(2.0 * log_s)\n    r = y - X @ m\n",
            ),
        ],
    ),
    Mutant(
        "no_finite_check",
        "an infinite alpha or beta is not refused",
        replace=[
            (
                "        if not (math.isfinite(value) and value > 0):\n",
                "        if not value > 0:\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "expected_log_joint_by_trace",
        "E_q log p(y, w) as a Gaussian expectation with the trace formula, entropy from "
        "scipy.stats.norm.entropy and log densities from scipy.stats",
        append="""
def elbo_gaussian(X, y, alpha, beta, q_mean, q_log_std):
    from scipy.stats import multivariate_normal, norm

    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    m = np.array(q_mean, dtype=float)
    log_s = np.array(q_log_std, dtype=float)
    if X.ndim != 2 or 0 in X.shape or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    d = X.shape[1]
    if m.shape != (d,) or log_s.shape != (d,):
        raise ValueError("bad q")
    if not (np.isfinite(X).all() and np.isfinite(y).all() and np.isfinite(m).all()
            and np.isfinite(log_s).all()):
        raise ValueError("not finite")
    if not (np.isscalar(alpha) and np.isscalar(beta) and 0 < alpha < np.inf
            and 0 < beta < np.inf):
        raise ValueError("bad alpha or beta")
    S = np.diag(np.exp(2 * log_s))
    n = len(y)
    lik = multivariate_normal(X @ m, np.eye(n) / beta).logpdf(y)
    lik -= 0.5 * beta * np.trace(X @ S @ X.T)
    prior = multivariate_normal(np.zeros(d), np.eye(d) / alpha).logpdf(m)
    prior -= 0.5 * alpha * np.trace(S)
    entropy = np.sum(norm(0.0, np.exp(log_s)).entropy())
    grad_mean = beta * X.T @ (y - X @ m) - alpha * m
    grad_log_std = 1 - np.diag(S) * (beta * np.diag(X.T @ X) + alpha)
    return ELBO(float(lik + prior + entropy), grad_mean, grad_log_std)
""",
    ),
    Variant(
        "trace_form_review",
        "review's independent road: E||y - Xw||^2 as ||y - Xm||^2 + tr(X S X^T) with "
        "S = diag(s^2) (einsum), the entropy as d/2 (1 + log 2 pi) + sum log s, gradients "
        "from the residual r = y - X m",
        append="""
def elbo_gaussian(X, y, alpha, beta, q_mean, q_log_std):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    m = np.array(q_mean, dtype=float)
    log_s = np.array(q_log_std, dtype=float)
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError("X must be 2-D and non-empty")
    n, d = X.shape
    if y.shape != (n,) or m.shape != (d,) or log_s.shape != (d,):
        raise ValueError("bad shapes")
    for v in (alpha, beta):
        if np.ndim(v) != 0 or not (v > 0 and np.isfinite(v)):
            raise ValueError("alpha and beta must be > 0")
    a, b = float(alpha), float(beta)
    s2 = np.exp(2.0 * log_s)
    r = y - X @ m
    trace = np.einsum("ij,j,ij->", X, s2, X)
    e_lik = 0.5 * n * (np.log(b) - np.log(2 * np.pi)) - 0.5 * b * (r @ r + trace)
    e_prior = 0.5 * d * (np.log(a) - np.log(2 * np.pi)) - 0.5 * a * (m @ m + s2.sum())
    entropy = 0.5 * d * (1.0 + np.log(2 * np.pi)) + log_s.sum()
    c = np.einsum("ij,ij->j", X, X)
    return ELBO(
        float(e_lik + e_prior + entropy), b * (X.T @ r) - a * m, 1.0 - s2 * (b * c + a)
    )
""",
    ),
]
