"""Known mistakes in nlp/viterbi (the grader must fail each) and other correct
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

PROBABILITY_SPACE = (
    CHECKS
    + """

def viterbi(obs, startprob, transmat, emissionprob):
    x, pi, A, B = _checked(obs, startprob, transmat, emissionprob)
    T, S = x.size, pi.size
    back = np.zeros((T, S), dtype=int)
    d = pi * B[:, x[0]]
    for t in range(1, T):
        scores = d[:, None] * A
        back[t] = scores.argmax(axis=0)
        d = scores.max(axis=0) * B[:, x[t]]
    path = np.empty(T, dtype=int)
    path[-1] = d.argmax()
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return Viterbi(path, float(np.log(d.max())))
"""
)

MUTANTS = [
    Mutant(
        "successor_axis",
        "max and argmax over the successor axis j instead of the predecessor i",
        replace=[
            ("back[t] = np.argmax(scores, axis=0)", "back[t] = np.argmax(scores, axis=1)"),
            (
                "delta = scores[back[t], np.arange(S)] + log_B[:, x[t]]",
                "delta = scores.max(axis=1) + log_B[:, x[t]]",
            ),
        ],
        message="successor axis",
    ),
    Mutant(
        "A_transposed",
        "scores built with A transposed",
        replace=[("scores = delta[:, None] + log_A ", "scores = delta[:, None] + log_A.T ")],
        message="A transposed",
    ),
    Mutant(
        "probability_space",
        "max-product in probability space (underflows to 0 at T = 10 000)",
        append=PROBABILITY_SPACE,
        message="underflow",
    ),
    Mutant(
        "probability_space_quiet",
        "probability space, with the final log(0) silenced",
        append=PROBABILITY_SPACE.replace(
            "    return Viterbi(path, float(np.log(d.max())))",
            "    with np.errstate(divide='ignore'):\n"
            "        return Viterbi(path, float(np.log(d.max())))",
        ),
        message="underflow",
    ),
    Mutant(
        "first_emission_missing",
        "delta_0 = ln pi",
        replace=[("delta = log_pi + log_B[:, x[0]]", "delta = log_pi.copy()")],
        message="the first emission is missing",
    ),
    Mutant(
        "backtrack_off_by_one",
        "z_{t-1} read from the back-pointers of step t - 1",
        replace=[("path[t - 1] = back[t, path[t]]", "path[t - 1] = back[t - 1, path[t]]")],
        message="not the path whose probability log_prob reports",
    ),
    Mutant(
        "backtrack_from_best_of_each_step",
        "the path as the argmax of delta at each step (no back-pointers)",
        replace=[
            (
                "    delta = log_pi + log_B[:, x[0]]\n",
                "    delta = log_pi + log_B[:, x[0]]\n    greedy = [np.argmax(delta)]\n",
            ),
            (
                "        delta = scores[back[t], np.arange(S)] + log_B[:, x[t]]\n",
                "        delta = scores[back[t], np.arange(S)] + log_B[:, x[t]]\n"
                "        greedy.append(np.argmax(delta))\n",
            ),
            ("    return Viterbi(path, ", "    path = np.array(greedy)\n    return Viterbi(path, "),
        ],
    ),
    Mutant(
        "ties_to_highest",
        "ties broken towards the highest index",
        replace=[
            (
                "back[t] = np.argmax(scores, axis=0)",
                "back[t] = S - 1 - np.argmax(scores[::-1], axis=0)",
            ),
            ("path[-1] = np.argmax(delta)", "path[-1] = S - 1 - np.argmax(delta[::-1])"),
        ],
        message="ties go to the lowest index",
    ),
    Mutant(
        "no_row_sum_check",
        "rows that do not sum to 1 are accepted",
        replace=[("if np.any(np.abs(P.sum(axis=1) - 1.0) > 1e-9):", "if False:")],
    ),
    Mutant(
        "no_range_check",
        "negative symbols accepted (they index from the end)",
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
    Variant(
        "scaled_max_product",
        "max-product in probability space, rescaled by the max every step",
        append=CHECKS
        + """

def viterbi(obs, startprob, transmat, emissionprob):
    x, pi, A, B = _checked(obs, startprob, transmat, emissionprob)
    T, S = x.size, pi.size
    back = np.zeros((T, S), dtype=np.int64)
    d = pi * B[:, x[0]]
    total = 0.0
    for t in range(T):
        if t:
            scores = d[:, None] * A
            back[t] = scores.argmax(axis=0)
            d = scores.max(axis=0) * B[:, x[t]]
        top = d.max()
        if top == 0:
            return Viterbi(np.zeros(T, dtype=np.int64), -np.inf)
        total += np.log(top)
        d = d / top
    path = np.empty(T, dtype=np.int64)
    path[-1] = d.argmax()
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return Viterbi(path, float(total))
""",
    ),
    Variant(
        "python_loops",
        "plain Python lists and math.log, strict > keeping the first maximum",
        append=CHECKS
        + """

def viterbi(obs, startprob, transmat, emissionprob):
    import math

    x, pi, A, B = _checked(obs, startprob, transmat, emissionprob)
    S = pi.size

    def ln(p):
        return math.log(p) if p > 0 else -math.inf

    lA = [[ln(a) for a in row] for row in A.tolist()]
    lB = [[ln(b) for b in row] for row in B.tolist()]
    delta = [ln(pi[i]) + lB[i][x[0]] for i in range(S)]
    pointers = []
    for t in range(1, len(x)):
        new, ptr = [], []
        for j in range(S):
            best, arg = delta[0] + lA[0][j], 0
            for i in range(1, S):
                if delta[i] + lA[i][j] > best:
                    best, arg = delta[i] + lA[i][j], i
            new.append(best + lB[j][x[t]])
            ptr.append(arg)
        delta = new
        pointers.append(ptr)
    last = max(range(S), key=lambda i: (delta[i], -i))
    path = [last]
    for ptr in reversed(pointers):
        path.append(ptr[path[-1]])
    return Viterbi(np.array(path[::-1], dtype=np.int64), float(delta[last]))
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
        "review_scaled_probability_space",
        "independent review: delta in probability space, divided by its max every step "
        "(the logs of the scales summed), back-pointers by np.argmax over the columns",
        append=REVIEW_HMM_CHECK
        + """
def viterbi(obs, startprob, transmat, emissionprob):
    x, pi, A, Bm = _review_hmm(obs, startprob, transmat, emissionprob)
    T, S = x.size, pi.size
    back = np.zeros((T, S), dtype=np.int64)
    d = pi * Bm[:, x[0]]
    log_scale = 0.0
    for t in range(T):
        if t > 0:
            cand = d[:, None] * A
            back[t] = np.argmax(cand, axis=0)
            d = cand[back[t], np.arange(S)] * Bm[:, x[t]]
        m = d.max()
        if m == 0.0:
            return Viterbi(np.zeros(T, dtype=np.int64), -np.inf)
        d = d / m
        log_scale += float(np.log(m))
    path = np.empty(T, dtype=np.int64)
    path[-1] = int(np.argmax(d))
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return Viterbi(path, log_scale)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "final_logsumexp",
        "log_prob as the log-sum-exp of the final delta (the forward algorithm's last step)",
        replace=[
            (
                "    return Viterbi(path, float(delta[path[-1]]))\n",
                "    return Viterbi(path, float(np.logaddexp.reduce(delta)))\n",
            )
        ],
    ),
    Mutant(
        "path_of_floats",
        "the path as a float array (np.empty(T)) instead of integers",
        replace=[("    path = np.empty(T, dtype=np.int64)\n", "    path = np.empty(T)\n")],
    ),
]
