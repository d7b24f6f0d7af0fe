"""Known mistakes in reinforcement_learning/q_learning (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

UPDATE = (
    "    for s, a, r, s_next, done in steps:\n"
    "        target = r if done else r + gamma * np.max(Q[s_next])\n"
    "        Q[s, a] += alpha * (target - Q[s, a])\n"
)

MUTANTS = [
    Mutant(
        "bootstrap_after_done",
        "the target bootstraps from s' even when done",
        replace=[
            (
                "        target = r if done else r + gamma * np.max(Q[s_next])\n",
                "        target = r + gamma * np.max(Q[s_next])\n",
            )
        ],
        message="bootstrapping from s' after a done",
    ),
    Mutant(
        "batch_add_at",
        "np.add.at with every target from the initial Q",
        replace=[
            (
                UPDATE,
                "    if steps:\n"
                "        s, a, r, s_next, done = (np.array(c) for c in zip(*steps))\n"
                "        target = r + gamma * (1 - done) * Q[s_next].max(axis=1)\n"
                "        np.add.at(Q, (s, a), alpha * (target - Q[s, a]))\n",
            )
        ],
        message="a batch update with every target taken from the initial Q",
    ),
    Mutant(
        "batch_fancy_index",
        "fancy-index += with every target from the initial Q (repeats dropped)",
        replace=[
            (
                UPDATE,
                "    if steps:\n"
                "        s, a, r, s_next, done = (np.array(c) for c in zip(*steps))\n"
                "        target = r + gamma * (1 - done) * Q[s_next].max(axis=1)\n"
                "        Q[s, a] += alpha * (target - Q[s, a])\n",
            )
        ],
        message="fancy-index += batch update",
    ),
    Mutant(
        "max_over_current_state",
        "the max over Q(s, .) instead of Q(s', .)",
        replace=[("np.max(Q[s_next])", "np.max(Q[s])")],
        message="the max over Q(s, .) instead of Q(s', .)",
    ),
    Mutant(
        "mean_over_actions",
        "the mean over a' instead of the max",
        replace=[("np.max(Q[s_next])", "np.mean(Q[s_next])")],
        message="the mean over a'",
    ),
    Mutant(
        "in_place",
        "updates the table it was given",
        replace=[("    Q = np.array(Q, dtype=float)\n", "    Q = np.asarray(Q, dtype=float)\n")],
    ),
    Mutant(
        "step_size_on_target",
        "Q(s, a) <- (1 - alpha) Q(s, a) + target (alpha forgotten on the target)",
        replace=[
            (
                "        Q[s, a] += alpha * (target - Q[s, a])\n",
                "        Q[s, a] = (1 - alpha) * Q[s, a] + target\n",
            )
        ],
    ),
    Mutant(
        "negative_index_wraps",
        "negative indices are accepted (NumPy wraps them)",
        replace=[("    if not 0 <= x < size:\n", "    if not -size <= x < size:\n")],
    ),
    Mutant(
        "done_unchecked",
        "any truthy value counts as done",
        replace=[
            (
                "        if not (isinstance(done, (bool, np.bool_, numbers.Real)) and done in (0, 1)):\n",
                "        if False:\n",
            )
        ],
    ),
    Mutant(
        "s_next_unchecked_when_done",
        "s' is not checked when done (it is not used)",
        replace=[
            (
                '        s_next = _index(s_next, S, "s_next", k)\n',
                '        s_next = s_next if done else _index(s_next, S, "s_next", k)\n',
            ),
        ],
    ),
    Mutant(
        "alpha_zero_allowed",
        "alpha = 0 is accepted",
        replace=[("(0 < value <= 1) if low_open", "(0 <= value <= 1) if low_open")],
    ),
    Mutant(
        "done_is_true_only",
        "`if done is True`: a done given as the number 1 (or np.True_) bootstraps",
        replace=[
            (
                "        target = r if done else r + gamma * np.max(Q[s_next])\n",
                "        target = r if done is True else r + gamma * np.max(Q[s_next])\n",
            ),
            (
                "        steps.append((s, a, float(r), s_next, bool(done)))\n",
                "        steps.append((s, a, float(r), s_next, done))\n",
            ),
        ],
    ),
    Mutant(
        "next_state_from_next_tuple",
        "s' read from the next transition's s (the given s' used only at the end of the list)",
        replace=[
            (
                "    for s, a, r, s_next, done in steps:\n",
                "    for k, (s, a, r, s_next, done) in enumerate(steps):\n"
                "        s_next = steps[k + 1][0] if k + 1 < len(steps) else s_next\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "python_lists",
        "a table of Python lists, updated in a plain loop; integral floats accepted as indices",
        append="""
def q_learning(Q, transitions, alpha, gamma):
    arr = np.asarray(Q, dtype=float)
    if arr.ndim != 2 or 0 in arr.shape or not np.isfinite(arr).all():
        raise ValueError("Q must be a finite 2-D table with S, A >= 1")
    if not 0 < alpha <= 1 or not 0 <= gamma <= 1:
        raise ValueError("alpha in (0, 1], gamma in [0, 1]")
    S, A = arr.shape
    table = [list(map(float, row)) for row in arr]

    def idx(x, n):
        if isinstance(x, (bool, np.bool_)) or float(x) != int(x) or not 0 <= int(x) < n:
            raise ValueError(f"bad index {x!r}")
        return int(x)

    checked = []
    for t in transitions:
        if len(t) != 5:
            raise ValueError("transitions are 5-tuples")
        s, a, r, s2, d = t
        if d is not True and d is not False and d not in (0, 1):
            raise ValueError("done must be 0 or 1")
        if not math.isfinite(r):
            raise ValueError("reward must be finite")
        checked.append((idx(s, S), idx(a, A), float(r), idx(s2, S), bool(d)))
    for s, a, r, s2, d in checked:
        target = r if d else r + gamma * max(table[s2])
        table[s][a] = table[s][a] + alpha * (target - table[s][a])
    return np.array(table)
""",
    ),
    Variant(
        "td_error_vector",
        "the same sequential update written with (1 - done) and a TD error",
        replace=[
            (
                UPDATE,
                "    for s, a, r, s_next, done in steps:\n"
                "        delta = r + gamma * (1.0 - done) * Q[s_next].max() - Q[s, a]\n"
                "        Q[s, a] = Q[s, a] + alpha * delta\n",
            )
        ],
    ),
    Variant(
        "reviewer_list_of_rows",
        "reviewer's independent version: Python lists of rows, indices checked one by one",
        append="""
def q_learning(Q, transitions, alpha, gamma):
    import numbers

    table = np.array(Q, dtype=float)
    if table.ndim != 2 or 0 in table.shape:
        raise ValueError("Q must be 2-D with S, A >= 1")
    S, A = table.shape
    if not 0 < alpha <= 1 or not 0 <= gamma <= 1:
        raise ValueError("alpha in (0, 1], gamma in [0, 1]")

    def index(x, n, what):
        if isinstance(x, (bool, np.bool_)):
            raise ValueError(f"{what} is a bool")
        if isinstance(x, numbers.Integral):
            x = int(x)
        elif isinstance(x, numbers.Real) and float(x).is_integer():
            x = int(x)
        else:
            raise ValueError(f"{what} {x!r} is not an integer")
        if not 0 <= x < n:
            raise ValueError(f"{what} {x} out of range")
        return x

    rows = table.tolist()
    for step in transitions:
        if not isinstance(step, (tuple, list)) or len(step) != 5:
            raise ValueError("every transition is (s, a, r, s', done)")
        s, a, r, s2, done = step
        s, a, s2 = index(s, S, "s"), index(a, A, "a"), index(s2, S, "s'")
        if isinstance(done, (bool, np.bool_)):
            done = bool(done)
        elif isinstance(done, numbers.Real) and done in (0, 1):
            done = done == 1
        else:
            raise ValueError(f"done flag {done!r}")
        target = float(r) + (0.0 if done else gamma * max(rows[s2]))
        rows[s][a] += alpha * (target - rows[s][a])
    return np.array(rows, dtype=float).reshape(S, A)
""",
    ),
    Variant(
        "convex_combination",
        "Q(s, a) <- (1 - alpha) Q(s, a) + alpha target: the same update, another rounding",
        replace=[
            (
                "        Q[s, a] += alpha * (target - Q[s, a])\n",
                "        Q[s, a] = (1 - alpha) * Q[s, a] + alpha * target\n",
            )
        ],
    ),
]
