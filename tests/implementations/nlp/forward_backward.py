"""Known mistakes in nlp/forward_backward (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

CHECKS = """
def _checked(obs, startprob, transmat, emissionprob):
    pi, A, B = (np.array(a, dtype=float) for a in (startprob, transmat, emissionprob))
    S = pi.size
    if pi.ndim != 1 or S == 0 or A.shape != (S, S) or B.ndim != 2 or B.shape[0] != S:
        raise ValueError("shapes do not match")
    for P in (pi[None], A, B):
        if (P < 0).any() or np.abs(P.sum(axis=1) - 1).max() > 1e-9:
            raise ValueError("not a distribution")
    x = np.asarray(obs, dtype=float)
    if x.ndim != 1 or x.size == 0 or (x != np.round(x)).any():
        raise ValueError("obs must be a non-empty 1-D sequence of integers")
    if (x < 0).any() or (x >= B.shape[1]).any():
        raise ValueError("symbol out of range")
    return x.astype(int), pi, A, B
"""

SCALED = (
    CHECKS
    + """

def hmm_posteriors(obs, startprob, transmat, emissionprob):
    x, pi, A, B = _checked(obs, startprob, transmat, emissionprob)
    T, S = x.size, pi.size
    a, b, c = np.zeros((T, S)), np.ones((T, S)), np.zeros(T)
    for t in range(T):
        v = pi * B[:, x[0]] if t == 0 else (a[t - 1] @ A) * B[:, x[t]]
        c[t] = v.sum()
        if c[t] == 0:
            raise ValueError("impossible sequence")
        a[t] = v / c[t]
    for t in range(T - 2, -1, -1):
        b[t] = A @ (B[:, x[t + 1]] * b[t + 1]) / c[t + 1]
    xi = a[:-1, :, None] * A[None] * (B[:, x[1:]].T * b[1:])[:, None, :] / c[1:, None, None]
    return Posteriors(a * b, xi, float(np.log(c).sum()))
"""
)

PROBABILITY_SPACE = (
    CHECKS
    + """

def hmm_posteriors(obs, startprob, transmat, emissionprob):
    x, pi, A, B = _checked(obs, startprob, transmat, emissionprob)
    T, S = x.size, pi.size
    alpha, beta = np.zeros((T, S)), np.ones((T, S))
    alpha[0] = pi * B[:, x[0]]
    for t in range(1, T):
        alpha[t] = (alpha[t - 1] @ A) * B[:, x[t]]
    for t in range(T - 2, -1, -1):
        beta[t] = A @ (B[:, x[t + 1]] * beta[t + 1])
    P = alpha[-1].sum()
    xi = alpha[:-1, :, None] * A[None] * (B[:, x[1:]].T * beta[1:])[:, None, :] / P
    return Posteriors(alpha * beta / P, xi, float(np.log(P)))
"""
)

BETA = "log_beta[t] = logsumexp(log_A + (log_B[:, x[t + 1]] + log_beta[t + 1])[None, :], axis=1)"

MUTANTS = [
    Mutant(
        "beta_emission_at_t",
        "beta_t uses B[:, x_t] instead of B[:, x_{t+1}]",
        replace=[(BETA, BETA.replace("log_B[:, x[t + 1]]", "log_B[:, x[t]]"))],
        message="beta_t uses the emission at t",
    ),
    Mutant(
        "beta_last_emission",
        "beta_{T-1} = B[:, x_{T-1}] instead of 1",
        replace=[
            (
                "    log_beta = np.zeros((T, S))  # beta_{T-1} = 1\n",
                "    log_beta = np.zeros((T, S))\n    log_beta[-1] = log_B[:, x[-1]]\n",
            )
        ],
        message="beta_{T-1} = B[:, x_{T-1}]",
    ),
    Mutant(
        "gamma_not_normalised",
        "gamma = alpha * beta, not divided by P(x)",
        replace=[
            (
                "gamma = np.exp(log_alpha + log_beta - log_likelihood)",
                "gamma = np.exp(log_alpha + log_beta)",
            )
        ],
        message="not divided by P(x)",
    ),
    Mutant(
        "xi_no_emission",
        "xi without B[j, x_{t+1}]",
        replace=[("(log_B[:, x[1:]].T + log_beta[1:])", "(log_beta[1:])")],
        message="xi without B[j, x_{t+1}]",
    ),
    Mutant(
        "xi_A_transposed",
        "xi with A transposed",
        replace=[("+ log_A[None, :, :]", "+ log_A.T[None, :, :]")],
        message="xi with A transposed",
    ),
    Mutant(
        "probability_space",
        "unscaled alpha and beta in probability space (0/0 = nan at T = 10 000)",
        append=PROBABILITY_SPACE,
        message="underflow",
    ),
    Mutant(
        "probability_space_quiet",
        "probability space with the floating-point warnings silenced (nan posteriors)",
        append=PROBABILITY_SPACE
        + """

_loud = hmm_posteriors


def hmm_posteriors(obs, startprob, transmat, emissionprob):
    with np.errstate(all="ignore"):
        return _loud(obs, startprob, transmat, emissionprob)
""",
        message="underflow",
    ),
    Mutant(
        "impossible_not_rejected",
        "P(x) = 0 gives nan posteriors instead of ValueError",
        replace=[("if log_likelihood == -np.inf:", "if False:")],
    ),
    Mutant(
        "xi_off_by_one",
        "xi pairs alpha_t with beta_t instead of beta_{t+1}",
        replace=[("(log_B[:, x[1:]].T + log_beta[1:])", "(log_B[:, x[1:]].T + log_beta[:-1])")],
    ),
    Mutant(
        "no_row_sum_check",
        "rows that do not sum to 1 are accepted",
        replace=[("if np.any(np.abs(P.sum(axis=1) - 1.0) > 1e-9):", "if False:")],
    ),
    Mutant(
        "logs_in_place",
        "takes the log of transmat in place",
        replace=[
            ("A = np.array(transmat, dtype=float)", "A = np.asarray(transmat, dtype=float)"),
            ("np.log(pi), np.log(A), np.log(B)", "np.log(pi), np.log(A, out=A), np.log(B)"),
        ],
    ),
]

VARIANTS = [
    Variant("scaled", "Rabiner's scaled forward-backward in probability space", append=SCALED),
    Variant(
        "scipy_logsumexp",
        "log space with scipy.special.logsumexp, xi summed in a loop",
        append=CHECKS
        + """

def hmm_posteriors(obs, startprob, transmat, emissionprob):
    from scipy.special import logsumexp

    x, pi, A, B = _checked(obs, startprob, transmat, emissionprob)
    T, S = x.size, pi.size
    with np.errstate(divide="ignore"):
        lpi, lA, lB = np.log(pi), np.log(A), np.log(B)
    la, lb = np.empty((T, S)), np.zeros((T, S))
    la[0] = lpi + lB[:, x[0]]
    for t in range(1, T):
        la[t] = logsumexp(la[t - 1][:, None] + lA, axis=0) + lB[:, x[t]]
    for t in range(T - 2, -1, -1):
        lb[t] = logsumexp(lA + lB[:, x[t + 1]] + lb[t + 1], axis=1)
    ll = float(logsumexp(la[-1]))
    if ll == -np.inf:
        raise ValueError("impossible sequence")
    xi = np.empty((T - 1, S, S))
    for t in range(T - 1):
        xi[t] = np.exp(la[t][:, None] + lA + lB[:, x[t + 1]] + lb[t + 1] - ll)
    return Posteriors(np.exp(la + lb - ll), xi, ll)
""",
    ),
]


REVIEW_HMM_CHECK = """
def _review_hmm(obs, startprob, transmat, emissionprob):
    x = np.asarray(obs)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("obs must be non-empty 1-D")
    if x.dtype.kind == "f":
        if not np.all(np.isfinite(x)) or np.any(x != np.trunc(x)):
            raise ValueError("obs must hold integers")
    elif x.dtype.kind not in "iu":
        raise ValueError("obs must hold integers")
    pi = np.asarray(startprob, dtype=float)
    A = np.asarray(transmat, dtype=float)
    Bm = np.asarray(emissionprob, dtype=float)
    if pi.ndim != 1 or A.ndim != 2 or Bm.ndim != 2:
        raise ValueError("bad dimensions")
    S = pi.size
    if S == 0 or A.shape != (S, S) or Bm.shape[0] != S or Bm.shape[1] == 0:
        raise ValueError("shapes do not match")
    for name, m in (("startprob", pi[None, :]), ("transmat", A), ("emissionprob", Bm)):
        if not np.all(np.isfinite(m)) or np.any(m < 0):
            raise ValueError(f"{name} must be >= 0")
        if np.any(np.abs(m.sum(axis=1) - 1.0) > 1e-9):
            raise ValueError(f"{name} rows must sum to 1")
    if x.min() < 0 or x.max() >= Bm.shape[1]:
        raise ValueError("symbol out of range")
    return x.astype(np.int64), pi, A, Bm
"""

VARIANTS.append(
    Variant(
        "review_independent_normalisation",
        "independent review: alpha and beta each rescaled to sum 1 with their own "
        "factors, then every gamma row and every xi[t] normalised on its own",
        append=REVIEW_HMM_CHECK
        + """
def hmm_posteriors(obs, startprob, transmat, emissionprob):
    x, pi, A, Bm = _review_hmm(obs, startprob, transmat, emissionprob)
    T, S = x.size, pi.size
    a = np.empty((T, S))
    b = np.empty((T, S))
    ll = 0.0
    cur = pi * Bm[:, x[0]]
    for t in range(T):
        if t > 0:
            cur = (a[t - 1] @ A) * Bm[:, x[t]]
        c = cur.sum()
        if c == 0.0:
            raise ValueError("the sequence is impossible: P(x) = 0")
        a[t] = cur / c
        ll += float(np.log(c))
    b[T - 1] = 1.0 / S
    for t in range(T - 2, -1, -1):
        nxt = A @ (Bm[:, x[t + 1]] * b[t + 1])
        b[t] = nxt / nxt.sum()
    g = a * b
    gamma = g / g.sum(axis=1, keepdims=True)
    xi = np.empty((T - 1, S, S))
    for t in range(T - 1):
        m = a[t][:, None] * A * (Bm[:, x[t + 1]] * b[t + 1])[None, :]
        xi[t] = m / m.sum()
    return Posteriors(gamma, xi, ll)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "gamma_filtered",
        "gamma from alpha alone, alpha_t / sum alpha_t (filtering instead of smoothing)",
        replace=[
            (
                "    gamma = np.exp(log_alpha + log_beta - log_likelihood)\n",
                "    gamma = np.exp(log_alpha - logsumexp(log_alpha, axis=1)[:, None])\n",
            )
        ],
    ),
    Mutant(
        "xi_emission_at_t",
        "xi with B[j, x_t] instead of B[j, x_{t+1}]",
        replace=[("(log_B[:, x[1:]].T + log_beta[1:])", "(log_B[:, x[:-1]].T + log_beta[1:])")],
    ),
]
