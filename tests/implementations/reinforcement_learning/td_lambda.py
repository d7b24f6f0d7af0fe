"""Known mistakes in reinforcement_learning/td_lambda (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RESET = "        e = np.zeros(n_states)\n"
DECAY = "            e *= gamma * lam\n"
INCREMENT = "            e[s] += 1.0\n"
DELTA = "            delta = float(r) - V[s] + (0.0 if done else gamma * V[s_next])\n"

MUTANTS = [
    Mutant(
        "traces_not_reset",
        "e = 0 once, before the first episode",
        replace=[
            (RESET, ""),
            ("    n_states = V.size\n", "    n_states = V.size\n    e = np.zeros(n_states)\n"),
        ],
        message="not reset",
    ),
    Mutant(
        "replacing_traces",
        "e(s) <- 1",
        replace=[(INCREMENT, "            e[s] = 1.0\n")],
        message="replacing traces",
    ),
    Mutant(
        "decay_by_lambda_alone",
        "e <- lam e",
        replace=[(DECAY, "            e *= lam\n")],
        message="lambda alone",
    ),
    Mutant(
        "bootstraps_after_done",
        "delta = r + gamma V(s') - V(s) at a done too",
        replace=[(DELTA, "            delta = float(r) - V[s] + gamma * V[s_next]\n")],
        message="bootstrapping after a done",
    ),
    Mutant(
        "cut_episode_terminates",
        "the last step of every episode treated as terminal",
        replace=[
            (
                DELTA,
                "            last = done or t == len(episode) - 1\n"
                "            delta = float(r) - V[s] + (0.0 if last else gamma * V[s_next])\n",
            )
        ],
        message="cut episode treated as terminated",
    ),
    Mutant(
        "only_current_state_moves",
        "V(s) += alpha delta: the traces are computed but only the visited state is updated",
        replace=[
            ("            V += alpha * delta * e\n", "            V[s] += alpha * delta * e[s]\n")
        ],
    ),
    Mutant(
        "decay_after_increment",
        "e(s) += 1, then e <- gamma lam e, then the update: the current state's step shrinks",
        replace=[(DECAY + INCREMENT, INCREMENT + DECAY)],
    ),
    Mutant(
        "delta_after_update_started",
        "V(s) moved by TD(0) first, then delta computed from the moved V",
        replace=[
            (
                DELTA,
                "            V[s] += 0.0 if done else 0.1 * alpha * (gamma * V[s_next] - V[s])\n"
                + DELTA,
            )
        ],
    ),
    Mutant(
        "modifies_v_in_place",
        "np.asarray: the caller's V is updated",
        replace=[("    V = np.array(V, dtype=float)\n", "    V = np.asarray(V, dtype=float)\n")],
        message="modified its input",
    ),
    Mutant(
        "done_anywhere",
        "a done before an episode's last step is accepted",
        replace=[("            if done and t != len(episode) - 1:\n", "            if False:\n")],
    ),
    Mutant(
        "no_range_check",
        "negative states wrap around",
        replace=[("    if not 0 <= int(value) < size:\n", "    if False:\n")],
    ),
    Mutant(
        "no_lambda_check",
        "lam is not checked",
        replace=[("    if not 0.0 <= lam <= 1.0:\n", "    if False:\n")],
    ),
    Mutant(
        "dutch_traces",
        "dutch traces e(s) <- (1 - alpha) e(s) + 1 (true online TD(lambda)'s trace)",
        replace=[("            e[s] += 1.0\n", "            e[s] = (1.0 - alpha) * e[s] + 1.0\n")],
    ),
    Mutant(
        "offline_updates",
        "offline TD(lambda): every delta from the V at the episode's start, applied at its end",
        replace=[
            (
                "        e = np.zeros(n_states)\n",
                "        e = np.zeros(n_states)\n        frozen = V.copy()\n        total = np.zeros(n_states)\n",
            ),
            (
                "            delta = float(r) - V[s] + (0.0 if done else gamma * V[s_next])\n",
                "            delta = float(r) - frozen[s] + (0.0 if done else gamma * frozen[s_next])\n",
            ),
            (
                "            V += alpha * delta * e\n",
                "            total += alpha * delta * e\n        V += total\n",
            ),
        ],
    ),
]

VARIANTS = [
    Variant(
        "sutton_barto_order",
        "e(s) += 1, V += alpha delta e, then e <- gamma lam e (the book's order)",
        replace=[
            (
                DECAY + INCREMENT + "            V += alpha * delta * e\n",
                INCREMENT + "            V += alpha * delta * e\n" + DECAY,
            )
        ],
    ),
    Variant(
        "dict_traces",
        "traces in a dict of visited states, Python floats",
        append="""
def td_lambda(V, episodes, alpha, gamma, lam):
    import operator

    values = np.array(V, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ValueError("V must be a non-empty 1-D array")
    if not (0 < alpha <= 1 and 0 <= gamma <= 1 and 0 <= lam <= 1):
        raise ValueError("alpha in (0, 1], gamma and lam in [0, 1]")
    n = values.size

    def idx(v):
        if type(v) is bool or isinstance(v, np.bool_):
            raise ValueError("a bool is not a state")
        try:
            i = operator.index(v)
        except TypeError:
            raise ValueError(f"{v!r} is not a state index") from None
        if not 0 <= i < n:
            raise ValueError(f"state {i} out of range")
        return i

    for episode in episodes:
        traces = {}
        for t, step in enumerate(episode):
            if len(step) != 4:
                raise ValueError("a step is (s, r, s', done)")
            s, r, s2, d = step
            s, s2 = idx(s), idx(s2)
            if not (isinstance(d, (bool, np.bool_)) or d == 0 or d == 1):
                raise ValueError("done must be a bool or 0/1")
            if d and t < len(episode) - 1:
                raise ValueError("done before the last step")
            delta = r - values[s] + (0.0 if d else gamma * values[s2])
            traces = {k: gamma * lam * x for k, x in traces.items()}
            traces[s] = traces.get(s, 0.0) + 1.0
            for k, x in traces.items():
                values[k] += alpha * delta * x
    return values
""",
    ),
    Variant(
        "reviewer_sparse_traces",
        "reviewer's independent version: Sutton-Barto order (increment, update, decay) with a dict of traces",
        append="""
def td_lambda(V, episodes, alpha, gamma, lam):
    import operator

    V = np.array(V, dtype=float)
    if V.ndim != 1 or V.size < 1:
        raise ValueError("V must be 1-D with S >= 1")
    S = V.size
    if not (0 < alpha <= 1 and 0 <= gamma <= 1 and 0 <= lam <= 1):
        raise ValueError("alpha in (0, 1], gamma and lam in [0, 1]")

    def state(x):
        if isinstance(x, (bool, np.bool_)):
            raise ValueError("a bool is not a state")
        try:
            i = operator.index(x)
        except TypeError:
            raise ValueError(f"{x!r} is not an integer state") from None
        if not 0 <= i < S:
            raise ValueError(f"state {i} out of range")
        return i

    def flag(d):
        if isinstance(d, (bool, np.bool_)) or (not isinstance(d, str) and d in (0, 1)):
            return bool(d == 1)
        raise ValueError(f"done flag {d!r}")

    checked = []
    for episode in episodes:
        steps = []
        for k, step in enumerate(episode):
            if len(step) != 4:
                raise ValueError("every step is (s, r, s', done)")
            s, r, s2, d = step
            d = flag(d)
            if d and k != len(episode) - 1:
                raise ValueError("done before an episode's last step")
            steps.append((state(s), float(r), state(s2), d))
        checked.append(steps)
    for steps in checked:
        trace = {}
        for s, r, s2, d in steps:
            delta = r + (0.0 if d else gamma * V[s2]) - V[s]
            trace[s] = trace.get(s, 0.0) + 1.0
            for x, e in trace.items():
                V[x] += alpha * delta * e
            trace = {x: gamma * lam * e for x, e in trace.items()}
    return V
""",
    ),
]
