"""Known mistakes in reinforcement_learning/gae (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

DELTA = "    deltas = r + gamma * not_done * next_values - v\n"
STEP = "        running = deltas[t] + gamma * lam * not_done[t] * running\n"
RETURN = "    return GAE(advantages, advantages + v)\n"

MUTANTS = [
    Mutant(
        "v_across_done",
        "delta bootstraps V_{t+1} across a done",
        replace=[(DELTA, "    deltas = r + gamma * next_values - v\n")],
        message="V_{t+1} bootstrapped across a done",
    ),
    Mutant(
        "a_across_done",
        "the advantage recursion is not cut at a done",
        replace=[(STEP, "        running = deltas[t] + gamma * lam * running\n")],
        message="the advantage recursion not cut at a done",
    ),
    Mutant(
        "gamma_alone",
        "A decays by gamma only",
        replace=[(STEP, "        running = deltas[t] + gamma * not_done[t] * running\n")],
        message="A decayed by gamma alone",
    ),
    Mutant(
        "lam_alone",
        "A decays by lam only",
        replace=[(STEP, "        running = deltas[t] + lam * not_done[t] * running\n")],
        message="A decayed by lam alone",
    ),
    Mutant(
        "monte_carlo_returns",
        "returns are the discounted rewards, not A + V",
        replace=[
            (
                RETURN,
                "    G = np.empty_like(r)\n"
                "    following = last_value\n"
                "    for t in range(r.size - 1, -1, -1):\n"
                "        following = r[t] + gamma * not_done[t] * following\n"
                "        G[t] = following\n"
                "    return GAE(advantages, G)\n",
            )
        ],
        message="the Monte-Carlo discounted rewards",
    ),
    Mutant(
        "normalised",
        "advantages normalised to mean 0, std 1",
        replace=[
            (
                RETURN,
                "    returns = advantages + v\n"
                "    advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)\n"
                "    return GAE(advantages, returns)\n",
            )
        ],
        message="normalised (mean 0, std 1)",
    ),
    Mutant(
        "next_value_off_by_one",
        "delta uses V_t in place of V_{t+1}",
        replace=[(DELTA, "    deltas = r + gamma * not_done * v - v\n")],
    ),
    Mutant(
        "no_last_value",
        "the cut episode at the end bootstraps from 0 instead of last_value",
        replace=[
            (
                "    next_values = np.append(v[1:], last_value)\n",
                "    next_values = np.append(v[1:], 0.0)\n",
            )
        ],
    ),
    Mutant(
        "no_lam_check",
        "lam outside [0, 1] is accepted",
        replace=[("    if not 0.0 <= lam <= 1.0:\n", "    if False:\n")],
    ),
    Mutant(
        "no_length_check",
        "values of another length are accepted (broadcast or cut)",
        replace=[
            ("    if not r.shape == v.shape == d.shape:\n", "    if r.shape != d.shape:\n"),
            (
                "    not_done = 1.0 - d.astype(float)\n",
                "    not_done = 1.0 - d.astype(float)\n    v = np.resize(v, r.shape)\n",
            ),
        ],
    ),
    Mutant(
        "next_step_flag",
        "both recursions cut with the next step's flag 1 - d_{t+1} (done marks an episode start)",
        replace=[
            (
                "    not_done = 1.0 - d.astype(float)\n",
                "    not_done = np.append(1.0 - d[1:].astype(float), 1.0)\n",
            )
        ],
        message="the next step's flag",
    ),
    Mutant(
        "delta_undiscounted",
        "the TD error forgets gamma: delta_t = r_t + (1 - d_t) V_{t+1} - V_t",
        replace=[
            (
                "    deltas = r + gamma * not_done * next_values - v\n",
                "    deltas = r + not_done * next_values - v\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "lambda_return_recursion",
        "the lambda-return recursion first, then A = G - V",
        append="""
def gae(rewards, values, dones, last_value, gamma, lam):
    r = np.array(rewards, dtype=float)
    v = np.array(values, dtype=float)
    d = np.asarray(dones)
    if r.ndim != 1 or not r.shape == v.shape == d.shape or r.size == 0:
        raise ValueError("rewards, values and dones must be 1-D of one length T >= 1")
    if not (np.isfinite(r).all() and np.isfinite(v).all()) or not np.isin(d, [0, 1]).all():
        raise ValueError("finite rewards and values, dones 0 or 1")
    if not np.isfinite(last_value) or not 0 <= gamma <= 1 or not 0 <= lam <= 1:
        raise ValueError("last_value finite, gamma and lam in [0, 1]")
    G = np.empty_like(r)
    g_next, v_next = float(last_value), float(last_value)
    for t in reversed(range(r.size)):
        c = 0.0 if d[t] else 1.0
        G[t] = r[t] + gamma * c * ((1 - lam) * v_next + lam * g_next)
        g_next, v_next = G[t], v[t]
    return GAE(G - v, G)
""",
    ),
    Variant(
        "scipy_lfilter_per_episode",
        "scipy.signal.lfilter of the reversed TD errors with coefficient gamma*lam, per episode",
        append="""
def gae(rewards, values, dones, last_value, gamma, lam):
    from scipy.signal import lfilter

    r = np.array(rewards, dtype=float)
    v = np.array(values, dtype=float)
    d = np.asarray(dones)
    if r.ndim != 1 or not r.shape == v.shape == d.shape or r.size == 0:
        raise ValueError("rewards, values and dones must be 1-D of one length T >= 1")
    if not (np.isfinite(r).all() and np.isfinite(v).all()) or not np.isin(d, [0, 1]).all():
        raise ValueError("finite rewards and values, dones 0 or 1")
    if not np.isfinite(last_value) or not 0 <= gamma <= 1 or not 0 <= lam <= 1:
        raise ValueError("last_value finite, gamma and lam in [0, 1]")
    d = d.astype(bool)
    nxt = np.where(d, 0.0, np.append(v[1:], last_value))
    delta = r + gamma * nxt - v
    A = np.empty_like(r)
    start = 0
    for end in [*np.flatnonzero(d), r.size - 1]:
        if end < start:
            continue
        seg = delta[start : end + 1]
        A[start : end + 1] = lfilter([1.0], [1.0, -gamma * lam], seg[::-1])[::-1]
        start = end + 1
    return GAE(A, A + v)
""",
    ),
    Variant(
        "reviewer_lambda_returns_first",
        "reviewer's independent version: the lambda-return recursion first, advantages as G - V",
        append="""
def gae(rewards, values, dones, last_value, gamma, lam):
    import math

    r = np.array(rewards, dtype=float)
    v = np.array(values, dtype=float)
    d = np.array(dones)
    if r.ndim != 1 or v.shape != r.shape or d.shape != r.shape or r.size == 0:
        raise ValueError("rewards, values and dones must be 1-D of one length T >= 1")
    if d.dtype == object or not np.isin(d, [0, 1]).all():
        raise ValueError("done flags must be 0 or 1")
    if not (np.isfinite(r).all() and np.isfinite(v).all()):
        raise ValueError("rewards and values must be finite")
    if not math.isfinite(last_value):
        raise ValueError("last_value must be finite")
    if not (0 <= gamma <= 1 and 0 <= lam <= 1):
        raise ValueError("gamma and lam must be in [0, 1]")
    live = 1.0 - d.astype(float)
    T = r.size
    # lambda-returns first, then A = G - V
    G = np.empty(T)
    nxt_G = float(last_value)
    nxt_V = float(last_value)
    for t in reversed(range(T)):
        G[t] = r[t] + gamma * live[t] * ((1 - lam) * nxt_V + lam * nxt_G)
        nxt_G, nxt_V = G[t], v[t]
    return GAE(G - v, G)
""",
    ),
]
