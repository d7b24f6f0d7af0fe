"""Known mistakes in reinforcement_learning/discounted_returns (the grader must fail each)
and other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

STEP = "        following = r[t] + gamma * not_done[t] * following\n"

MUTANTS = [
    Mutant(
        "across_done",
        "the done flags are ignored: returns bootstrap across episode ends",
        replace=[(STEP, "        following = r[t] + gamma * following\n")],
        message="bootstrapping across a done",
    ),
    Mutant(
        "next_step_flag",
        "uses 1 - d_{t+1} (done marks the first step of an episode)",
        replace=[
            (
                STEP,
                "        nd = not_done[t + 1] if t + 1 < r.size else 1.0\n"
                "        following = r[t] + gamma * nd * following\n",
            )
        ],
        message="the next step's flag",
    ),
    Mutant(
        "first_reward_discounted",
        "G_t = sum_k gamma^(k-t+1) r_k",
        replace=[("        G[t] = following\n", "        G[t] = gamma * following\n")],
        message="the first reward discounted too",
    ),
    Mutant(
        "last_value_through_final_done",
        "last_value is added whenever the buffer ends, even after a done",
        replace=[
            (
                STEP,
                "        nd = 1.0 if t == r.size - 1 else not_done[t]\n"
                "        following = r[t] + gamma * nd * following\n",
            )
        ],
        message="last_value bootstrapped through a done",
    ),
    Mutant(
        "last_value_ignored",
        "the unfinished episode at the end is not bootstrapped (G_T = 0)",
        replace=[("    following = float(last_value)\n", "    following = 0.0\n")],
    ),
    Mutant(
        "forward_off_by_one",
        "G_t starts from r_{t+1} (an off-by-one in the recursion)",
        replace=[
            (
                "    for t in range(r.size - 1, -1, -1):\n"
                "        following = r[t] + gamma * not_done[t] * following\n"
                "        G[t] = following\n",
                "    for t in range(r.size - 1, -1, -1):\n"
                "        G[t] = gamma * not_done[t] * following\n"
                "        following = r[t] + gamma * not_done[t] * following\n",
            )
        ],
    ),
    Mutant(
        "last_value_as_final_return",
        "last_value taken as G_{T-1} itself instead of the value of the state after it",
        replace=[
            (
                "        following = r[t] + gamma * not_done[t] * following\n",
                "        if t == r.size - 1 and not d[t]:\n"
                "            G[t] = following\n"
                "            continue\n"
                "        following = r[t] + gamma * not_done[t] * following\n",
            )
        ],
    ),
    Mutant(
        "powers_divided",
        "G_t = sum_k gamma^k r_k / gamma^t (0/0 at gamma = 0, underflow on long buffers)",
        append="""
def discounted_returns(rewards, dones, gamma, last_value=0.0):
    r = np.array(rewards, dtype=float)
    d = np.asarray(dones)
    if r.ndim != 1 or r.shape != d.shape or r.size == 0:
        raise ValueError("bad shapes")
    if not np.all((d == 0) | (d == 1)) or not 0 <= gamma <= 1 or not np.isfinite(last_value):
        raise ValueError("bad input")
    G = np.empty_like(r)
    end = r.size
    tail = float(last_value)
    with np.errstate(all="ignore"):
        for t in range(r.size - 1, -1, -1):
            if d[t]:
                end, tail = t + 1, 0.0
            k = np.arange(t, end)
            G[t] = (np.sum(gamma**k * r[t:end]) + gamma**end * tail) / gamma**t
    return G
""",
    ),
    Mutant(
        "no_done_check",
        "done flags other than 0 and 1 are accepted",
        replace=[("np.all((d == 0) | (d == 1))", "True")],
    ),
    Mutant(
        "no_gamma_check",
        "gamma outside [0, 1] is accepted",
        replace=[("    if not 0.0 <= gamma <= 1.0:\n", "    if False:\n")],
    ),
    Mutant(
        "no_length_check",
        "rewards and dones of different lengths are accepted (zip drops the extra)",
        replace=[
            ("    if r.shape != d.shape:\n", "    if False:\n"),
            (
                "    not_done = 1.0 - d.astype(float)\n",
                "    not_done = 1.0 - d.astype(float)\n    r = r[: d.size]\n",
            ),
        ],
    ),
    Mutant(
        "in_place",
        "writes the returns into the rewards array it was given",
        replace=[
            (
                "    r = np.array(rewards, dtype=float)\n",
                "    r = np.asarray(rewards, dtype=float)\n",
            ),
            ("    G = np.empty_like(r)\n", "    G = r\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "discount_matrix",
        "a vectorised form: G = M r + c last_value with an explicit matrix of discounts",
        append="""
def discounted_returns(rewards, dones, gamma, last_value=0.0):
    r = np.array(rewards, dtype=float)
    d = np.asarray(dones)
    if r.ndim != 1 or r.shape != d.shape or r.size == 0:
        raise ValueError("rewards and dones must be 1-D of one length T >= 1")
    if not np.isfinite(r).all() or not np.isin(d, [0, 1]).all():
        raise ValueError("rewards must be finite and dones 0 or 1")
    if not 0 <= gamma <= 1 or not np.isfinite(last_value):
        raise ValueError("gamma must be in [0, 1] and last_value finite")
    T = r.size
    d = d.astype(bool)
    # alive[t, k]: step k is in t's episode (no done in t..k-1)
    M = np.zeros((T, T))
    c = np.zeros(T)
    for t in range(T):
        w = 1.0
        for k in range(t, T):
            M[t, k] = w
            w *= gamma
            if d[k]:
                break
        else:
            c[t] = w
    return M @ r + c * last_value
""",
    ),
    Variant(
        "scipy_lfilter",
        "per-episode scipy.signal.lfilter on the reversed rewards (the usual RL-library trick)",
        append="""
def discounted_returns(rewards, dones, gamma, last_value=0.0):
    from scipy.signal import lfilter

    r = np.array(rewards, dtype=float)
    d = np.asarray(dones)
    if r.ndim != 1 or r.shape != d.shape or r.size == 0:
        raise ValueError("rewards and dones must be 1-D of one length T >= 1")
    if not np.isfinite(r).all() or not np.isin(d, [0, 1]).all():
        raise ValueError("rewards must be finite and dones 0 or 1")
    if not 0 <= gamma <= 1 or not np.isfinite(last_value):
        raise ValueError("gamma must be in [0, 1] and last_value finite")
    d = d.astype(bool)
    G = np.empty_like(r)
    start = 0
    ends = list(np.flatnonzero(d)) + ([r.size - 1] if not d[-1] else [])
    for end in ends:
        seg = r[start : end + 1].copy()
        if end == r.size - 1 and not d[-1]:
            seg[-1] += gamma * last_value
        G[start : end + 1] = lfilter([1.0], [1.0, -gamma], seg[::-1])[::-1]
        start = end + 1
    return G
""",
    ),
    Variant(
        "reviewer_forward_sums",
        "reviewer's independent version: plain-Python forward sums per step, stopping at a done",
        append="""
def discounted_returns(rewards, dones, gamma, last_value=0.0):
    import math

    r = np.array(rewards, dtype=float)
    if r.ndim != 1 or r.size == 0:
        raise ValueError("rewards must be 1-D and non-empty")
    d = list(dones) if np.ndim(dones) == 1 else None
    if d is None or len(d) != r.size:
        raise ValueError("dones must be 1-D, as long as rewards")
    flags = []
    for x in d:
        if isinstance(x, (bool, np.bool_)):
            flags.append(bool(x))
        elif isinstance(x, (int, float, np.integer, np.floating)) and x in (0, 1):
            flags.append(x == 1)
        else:
            raise ValueError(f"a done flag must be a bool, 0 or 1, not {x!r}")
    g = float(gamma)
    if not 0.0 <= g <= 1.0:
        raise ValueError("gamma must be in [0, 1]")
    if not math.isfinite(float(last_value)):
        raise ValueError("last_value must be finite")
    T = r.size
    out = []
    for t in range(T):
        total, w = 0.0, 1.0
        k = t
        while True:
            total += w * r[k]
            if flags[k]:
                break
            w *= g
            k += 1
            if k == T:
                total += w * float(last_value)
                break
        out.append(total)
    return np.array(out)
""",
    ),
]
