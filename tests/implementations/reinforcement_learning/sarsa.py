"""Known mistakes in reinforcement_learning/sarsa (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

BOOT = "            target += gamma * Q[s_next, a_next]\n"
UPDATE = "        Q[s, a] += alpha * (target - Q[s, a])\n"

MUTANTS = [
    Mutant(
        "bootstraps_after_done",
        "bootstraps from Q(s', a') whenever a' is given, done or not",
        replace=[("        if not done:\n", "        if a_next is not None:\n")],
        message="bootstrapping after a done",
    ),
    Mutant(
        "q_learning_target",
        "the off-policy target max_a' Q(s', a')",
        replace=[(BOOT, "            target += gamma * Q[s_next].max()\n")],
        message="Q-learning target",
    ),
    Mutant(
        "batch_from_initial_q",
        "every target and every update from the initial Q (np.add.at style)",
        replace=[
            (
                "    n_states, n_actions = Q.shape\n",
                "    n_states, n_actions = Q.shape\n    Q0 = Q.copy()\n",
            ),
            (BOOT, "            target += gamma * Q0[s_next, a_next]\n"),
            (UPDATE, "        Q[s, a] += alpha * (target - Q0[s, a])\n"),
        ],
        message="batch update",
    ),
    Mutant(
        "fancy_index_batch",
        "targets from the initial Q and Q[s, a] = Q0[s, a] + ...: repeated pairs dropped",
        replace=[
            (
                "    n_states, n_actions = Q.shape\n",
                "    n_states, n_actions = Q.shape\n    Q0 = Q.copy()\n",
            ),
            (BOOT, "            target += gamma * Q0[s_next, a_next]\n"),
            (UPDATE, "        Q[s, a] = Q0[s, a] + alpha * (target - Q0[s, a])\n"),
        ],
        message="fancy-index +=",
    ),
    Mutant(
        "q_s_next_a",
        "bootstraps from Q(s', a)",
        replace=[(BOOT, "            target += gamma * Q[s_next, a]\n")],
        message="Q(s', a) instead of Q(s', a')",
    ),
    Mutant(
        "q_s_a_next",
        "bootstraps from Q(s, a')",
        replace=[(BOOT, "            target += gamma * Q[s, a_next]\n")],
        message="Q(s, a') instead of Q(s', a')",
    ),
    Mutant(
        "modifies_q_in_place",
        "updates the caller's table (np.asarray does not copy a float array)",
        replace=[("    Q = np.array(Q, dtype=float)\n", "    Q = np.asarray(Q, dtype=float)\n")],
        message="modified its input",
    ),
    Mutant(
        "no_range_check",
        "negative indices wrap around, large ones raise IndexError",
        replace=[("    if not 0 <= int(value) < size:\n", "    if False:\n")],
    ),
    Mutant(
        "bool_index_accepted",
        "True and False are taken as the indices 1 and 0",
        replace=[
            (
                "    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):\n",
                "    if not isinstance(value, numbers.Integral):\n",
            )
        ],
    ),
    Mutant(
        "any_done_flag",
        "done is taken as truthy/falsy: 2 or 0.5 count as a termination",
        replace=[
            (
                "        if isinstance(done, (bool, np.bool_)) or done in (0, 1):\n",
                "        if True:\n",
            )
        ],
    ),
    Mutant(
        "no_hyperparameter_check",
        "alpha and gamma are not checked",
        replace=[
            ("    if not 0.0 < alpha <= 1.0:\n", "    if False:\n"),
            ("    if not 0.0 <= gamma <= 1.0:\n", "    if False:\n"),
        ],
    ),
    Mutant(
        "no_shape_check",
        "a 1-D or empty Q is not refused",
        replace=[
            ("    if Q.ndim != 2 or Q.shape[0] < 1 or Q.shape[1] < 1:\n", "    if Q.ndim > 2:\n"),
            (
                "    n_states, n_actions = Q.shape\n",
                "    n_states, n_actions = (Q.shape + (1, 1))[:2]\n",
            ),
        ],
    ),
    Mutant(
        "returns_the_input_when_empty",
        "returns the table itself for an empty list of transitions",
        replace=[
            (
                "    Q = np.array(Q, dtype=float)\n",
                "    if isinstance(Q, np.ndarray) and Q.dtype == float and not transitions:\n"
                "        return Q\n"
                "    Q = np.array(Q, dtype=float)\n",
            )
        ],
        message="returned the table it was given",
    ),
    Mutant(
        "expected_sarsa_uniform",
        "the mean of Q(s', .) (expected SARSA under a uniform policy) instead of Q(s', a')",
        replace=[
            (
                "            target += gamma * Q[s_next, a_next]\n",
                "            target += gamma * np.mean(Q[s_next])\n",
            )
        ],
    ),
    Mutant(
        "a_next_from_next_tuple",
        "a' read from the next transition's a (the given a' used only for the last step)",
        replace=[
            (
                "            target += gamma * Q[s_next, a_next]\n",
                "            if t + 1 < len(transitions):\n"
                "                a_next = int(transitions[t + 1][1])\n"
                "            target += gamma * Q[s_next, a_next]\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "python_lists",
        "a loop over nested Python lists, with operator.index for the indices",
        append="""
def sarsa(Q, transitions, alpha, gamma):
    import operator

    table = np.array(Q, dtype=float)
    if table.ndim != 2 or 0 in table.shape:
        raise ValueError("Q must be a non-empty 2-D table")
    if not (0 < alpha <= 1 and 0 <= gamma <= 1):
        raise ValueError("alpha must be in (0, 1] and gamma in [0, 1]")
    S, A = table.shape
    rows = table.tolist()

    def idx(v, n):
        if type(v) is bool or isinstance(v, np.bool_):
            raise ValueError("a bool is not an index")
        try:
            i = operator.index(v)
        except TypeError:
            raise ValueError(f"{v!r} is not an integer index") from None
        if i < 0 or i >= n:
            raise ValueError(f"index {i} out of range")
        return i

    for step in transitions:
        if len(step) != 6:
            raise ValueError("each transition is (s, a, r, s', a', done)")
        s, a, r, s2, a2, d = step
        s, a, s2 = idx(s, S), idx(a, A), idx(s2, S)
        if d is True or d is False or isinstance(d, np.bool_):
            d = bool(d)
        elif d == 0 or d == 1:
            d = bool(d)
        else:
            raise ValueError("done must be a bool or 0/1")
        target = r if d else r + gamma * rows[s2][idx(a2, A)]
        rows[s][a] += alpha * (target - rows[s][a])
    return np.array(rows, dtype=float).reshape(S, A)
""",
    ),
    Variant(
        "reviewer_operator_index",
        "reviewer's independent version: operator.index for the indices, a' read only when not done",
        append="""
def sarsa(Q, transitions, alpha, gamma):
    import operator

    table = np.array(Q, dtype=float)
    if table.ndim != 2 or min(table.shape) < 1:
        raise ValueError("Q must be 2-D with S, A >= 1")
    S, A = table.shape
    if not (0 < alpha <= 1 and 0 <= gamma <= 1):
        raise ValueError("alpha in (0, 1], gamma in [0, 1]")

    def idx(x, n):
        if isinstance(x, (bool, np.bool_)):
            raise ValueError("a bool is not an index")
        try:
            i = operator.index(x)
        except TypeError:
            raise ValueError(f"{x!r} is not an integer index") from None
        if not 0 <= i < n:
            raise ValueError(f"index {i} out of range [0, {n})")
        return i

    for step in list(transitions):
        if len(step) != 6:
            raise ValueError("every transition is (s, a, r, s', a', done)")
        s, a, r, s2, a2, done = step
        s, a, s2 = idx(s, S), idx(a, A), idx(s2, S)
        if isinstance(done, (bool, np.bool_)) or done in (0, 1) and not isinstance(done, str):
            ended = bool(done == 1)
        else:
            raise ValueError("done must be a bool, 0 or 1")
        if ended:
            target = float(r)
        else:
            target = float(r) + gamma * table[s2, idx(a2, A)]
        table[s, a] = table[s, a] + alpha * (target - table[s, a])
    return table
""",
    ),
]
