"""Known mistakes in nlp/hmm_forward (the grader must fail each) and other correct
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

def hmm_forward(obs, startprob, transmat, emissionprob):
    x, pi, A, B = _checked(obs, startprob, transmat, emissionprob)
    T, S = x.size, pi.size
    log_alpha = np.full((T, S), -np.inf)
    a = pi * B[:, x[0]]
    log_c = np.zeros(T)
    for t in range(T):
        if t:
            a = (a @ A) * B[:, x[t]]
        c = a.sum()
        if c == 0:
            return Forward(log_alpha, -np.inf)
        a = a / c
        log_c[t] = np.log(c)
        with np.errstate(divide="ignore"):
            log_alpha[t] = np.log(a) + log_c[: t + 1].sum()
    return Forward(log_alpha, float(log_c.sum()))
"""
)

PROBABILITY_SPACE = (
    CHECKS
    + """

def hmm_forward(obs, startprob, transmat, emissionprob):
    x, pi, A, B = _checked(obs, startprob, transmat, emissionprob)
    alpha = np.empty((x.size, pi.size))
    alpha[0] = pi * B[:, x[0]]
    for t in range(1, x.size):
        alpha[t] = (alpha[t - 1] @ A) * B[:, x[t]]
    return Forward(np.log(alpha), float(np.log(alpha[-1].sum())))
"""
)

STEP = "logsumexp_over_rows(log_alpha[t - 1][:, None] + log_A)"

MUTANTS = [
    Mutant(
        "first_emission_missing",
        "alpha_0 = pi, without B[:, x_0]",
        replace=[("log_alpha[0] = log_pi + log_B[:, x[0]]", "log_alpha[0] = log_pi")],
        message="the first emission is missing",
    ),
    Mutant(
        "A_transposed",
        "A alpha_t instead of Aᵀ alpha_t",
        replace=[(STEP, "logsumexp_over_rows(log_alpha[t - 1][:, None] + log_A.T)")],
        message="A transposed",
    ),
    Mutant(
        "max_not_logsumexp",
        "max over the previous states (Viterbi) instead of logsumexp",
        replace=[(STEP, "(log_alpha[t - 1][:, None] + log_A).max(axis=0)")],
        message="a max over the previous states",
    ),
    Mutant(
        "probability_space",
        "alpha in probability space, logged at the end (log(0) after underflow)",
        append=PROBABILITY_SPACE,
        message="underflowed to 0",
    ),
    Mutant(
        "probability_space_quiet",
        "alpha in probability space, logged at the end with the divide warning silenced",
        append=PROBABILITY_SPACE.replace(
            "    return Forward(np.log(alpha)",
            "    with np.errstate(divide='ignore'):\n        return Forward(np.log(alpha)",
        ).replace("\n    return Forward(np.log(alpha)", "\n        return Forward(np.log(alpha)"),
        message="underflowed to 0",
    ),
    Mutant(
        "last_scale_only",
        "scaled recursion whose log-likelihood is the log of the last scaling factor",
        append=SCALED.replace("float(log_c.sum())", "float(log_c[-1])"),
        message="the last scaling factor only",
    ),
    Mutant(
        "likelihood_one_step_early",
        "log-likelihood from alpha_{T-2} (off by one)",
        replace=[
            (
                "logsumexp_over_rows(log_alpha[-1][:, None])",
                "logsumexp_over_rows(log_alpha[T - 2][:, None])",
            )
        ],
    ),
    Mutant(
        "naive_logsumexp",
        "log(sum(exp(.))) without the shift (0 after underflow: -inf)",
        replace=[("shift = np.where(np.isfinite(top), top, 0.0)", "shift = 0.0 * top")],
    ),
    Mutant(
        "no_row_sum_check",
        "rows that do not sum to 1 are accepted",
        replace=[("if np.any(np.abs(P.sum(axis=1) - 1.0) > 1e-9):", "if False:")],
    ),
    Mutant(
        "no_integer_check",
        "obs 1.5 truncated to 1 instead of rejected",
        replace=[
            (
                'if x.dtype.kind == "f" and not np.all(np.isfinite(x) & (x == np.round(x))):',
                "if False:",
            )
        ],
    ),
    Mutant(
        "no_range_check",
        "symbols out of range not rejected (negative ones index from the end)",
        replace=[("if np.any(x < 0) or np.any(x >= B.shape[1]):", "if np.any(x >= B.shape[1]):")],
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
    Variant("scaled", "Rabiner's per-step scaling in probability space", append=SCALED),
    Variant(
        "scipy_logsumexp",
        "log space with scipy.special.logsumexp",
        append=CHECKS
        + """

def hmm_forward(obs, startprob, transmat, emissionprob):
    from scipy.special import logsumexp

    x, pi, A, B = _checked(obs, startprob, transmat, emissionprob)
    with np.errstate(divide="ignore"):
        lpi, lA, lB = np.log(pi), np.log(A), np.log(B)
    la = np.empty((x.size, pi.size))
    la[0] = lpi + lB[:, x[0]]
    for t in range(1, x.size):
        la[t] = logsumexp(la[t - 1][:, None] + lA, axis=0) + lB[:, x[t]]
    return Forward(la, float(logsumexp(la[-1])))
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
        "review_scipy_logsumexp",
        "independent review: log space with scipy.special.logsumexp over the previous "
        "states, logarithms of the parameters taken once",
        append=REVIEW_HMM_CHECK
        + """
def hmm_forward(obs, startprob, transmat, emissionprob):
    from scipy.special import logsumexp

    x, pi, A, Bm = _review_hmm(obs, startprob, transmat, emissionprob)
    with np.errstate(divide="ignore"):
        lpi, lA, lB = np.log(pi), np.log(A), np.log(Bm)
    T, S = x.size, pi.size
    la = np.empty((T, S))
    la[0] = lpi + lB[:, x[0]]
    with np.errstate(divide="ignore"):
        for t in range(1, T):
            la[t] = logsumexp(la[t - 1][:, None] + lA, axis=0) + lB[:, x[t]]
        ll = float(logsumexp(la[-1]))
    return Forward(la, ll)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "likelihood_as_final_max",
        "ln P(x) as the largest entry of log_alpha[-1] instead of their log-sum-exp",
        replace=[
            (
                "    log_likelihood = float(logsumexp_over_rows(log_alpha[-1][:, None])[0])\n",
                "    log_likelihood = float(log_alpha[-1].max())\n",
            )
        ],
    ),
    Mutant(
        "emission_before_transition",
        "the emission of x_t applied before the transition (alpha_t = ln pi at t = 0, "
        "then the previous symbol's emission each step): every row lags one symbol",
        replace=[
            ("    log_alpha[0] = log_pi + log_B[:, x[0]]\n", "    log_alpha[0] = log_pi\n"),
            (
                "logsumexp_over_rows(log_alpha[t - 1][:, None] + log_A) + log_B[:, x[t]]\n",
                "logsumexp_over_rows((log_alpha[t - 1] + log_B[:, x[t - 1]])[:, None] + log_A)\n",
            ),
        ],
    ),
]
