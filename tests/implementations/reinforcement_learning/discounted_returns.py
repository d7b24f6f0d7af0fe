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
]
