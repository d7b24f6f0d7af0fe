"""Known mistakes in reinforcement_learning/value_iteration (the grader must fail each)
and other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

LOOP = (
    "    while n_iter < max_iter:\n"
    "        new = np.max(R + gamma * (P @ V), axis=1)\n"
    "        n_iter += 1\n"
    "        change = np.max(np.abs(new - V))\n"
    "        V = new\n"
    "        if change < tol:\n"
    "            break\n"
)
RETURN = "    return VI(V, _greedy(R + gamma * (P @ V)), n_iter)\n"

MUTANTS = [
    Mutant(
        "gauss_seidel",
        "in-place sweeps: later states see this sweep's new values",
        replace=[
            (
                LOOP,
                "    while n_iter < max_iter:\n"
                "        old = V.copy()\n"
                "        for s in range(R.shape[0]):\n"
                "            V[s] = np.max(R[s] + gamma * (P[s] @ V))\n"
                "        n_iter += 1\n"
                "        if np.max(np.abs(V - old)) < tol:\n"
                "            break\n",
            )
        ],
        message="in-place (Gauss-Seidel) sweeps",
    ),
    Mutant(
        "less_equal",
        "stops when the change is <= tol",
        replace=[("        if change < tol:\n", "        if change <= tol:\n")],
        message="<= tol",
    ),
    Mutant(
        "previous_iterate",
        "returns V_{n_iter-1}",
        replace=[
            (
                LOOP,
                LOOP.replace(
                    "        V = new\n        if change < tol:\n            break\n",
                    "        if change < tol:\n            break\n        V = new\n",
                ),
            ),
        ],
        message="the iterate before the last backup",
    ),
    Mutant(
        "stale_policy",
        "the policy is greedy for the iterate before the last backup",
        replace=[
            ("        V = new\n", "        previous, V = V, new\n"),
            (RETURN, "    return VI(V, _greedy(R + gamma * (P @ previous)), n_iter)\n"),
        ],
        message="the policy greedy for V_{n_iter-1}",
    ),
    Mutant(
        "highest_index_ties",
        "ties go to the highest index",
        replace=[
            (
                "    return np.argmax(Q >= best - slack, axis=1).astype(np.int64)\n",
                "    A = Q.shape[1]\n"
                "    return (A - 1 - np.argmax((Q >= best - slack)[:, ::-1], axis=1)).astype(np.int64)\n",
            )
        ],
        message="ties broken towards the highest index",
    ),
    Mutant(
        "exact_argmax",
        "np.argmax of Q with no tolerance: an ulp decides a tie",
        replace=[(RETURN, "    return VI(V, np.argmax(R + gamma * (P @ V), axis=1), n_iter)\n")],
    ),
    Mutant(
        "puterman_rule",
        "stops when the change is < tol (1 - gamma) / (2 gamma)",
        replace=[
            (
                "        if change < tol:\n",
                "        if change < (tol * (1 - gamma) / (2 * gamma) if gamma > 0 else tol):\n",
            )
        ],
        message="Puterman",
    ),
    Mutant(
        "max_iter_error",
        "raises when max_iter is reached",
        replace=[
            (
                RETURN,
                "    if n_iter == max_iter and change >= tol:\n"
                "        raise ValueError('value iteration did not converge')\n" + RETURN,
            )
        ],
    ),
    Mutant(
        "float_policy",
        "the policy comes back as floats",
        replace=[(".astype(np.int64)\n", ".astype(float)\n")],
    ),
    Mutant(
        "no_tol_check",
        "tol <= 0 is accepted (the loop then always runs max_iter backups)",
        replace=[("    if not tol > 0:\n", "    if False:\n")],
    ),
    Mutant(
        "gamma_one_allowed",
        "gamma = 1 is accepted",
        replace=[("    if not 0.0 <= gamma < 1.0:\n", "    if not 0.0 <= gamma <= 1.0:\n")],
    ),
    Mutant(
        "start_from_max_reward",
        "V_0 = max_a R (the first backup taken as the initialisation, not counted)",
        replace=[("    V = np.zeros(R.shape[0])\n", "    V = np.max(R, axis=1)\n")],
    ),
    Mutant(
        "l1_change",
        "the change measured in the 1-norm (sum over states) instead of the max-norm",
        replace=[
            (
                "        change = np.max(np.abs(new - V))\n",
                "        change = np.sum(np.abs(new - V))\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "explicit_loops",
        "loops over states and actions, ties resolved with the same rule written per state",
        append="""
def value_iteration(P, R, gamma, tol=1e-10, max_iter=10000):
    P, R = _check_mdp(P, R)
    gamma = _check_gamma(gamma)
    if isinstance(tol, bool) or not tol > 0:
        raise ValueError("tol must be > 0")
    if isinstance(max_iter, bool) or not isinstance(max_iter, (int, np.integer)) or max_iter < 1:
        raise ValueError("max_iter must be an integer >= 1")
    S, A = R.shape
    V = np.zeros(S)
    for n in range(1, max_iter + 1):
        new = np.array([max(R[s, a] + gamma * P[s, a].dot(V) for a in range(A)) for s in range(S)])
        change = np.abs(new - V).max()
        V = new
        if change < tol:
            break
    policy = np.zeros(S, dtype=int)
    for s in range(S):
        q = [R[s, a] + gamma * P[s, a].dot(V) for a in range(A)]
        top = max(q)
        slack = 1e-9 * max(1.0, max(abs(x) for x in q))
        policy[s] = next(a for a in range(A) if q[a] >= top - slack)
    return VI(V, policy, n)
""",
    ),
    Variant(
        "einsum_backup",
        "the backup with np.einsum, the tie rule as a min over the masked action indices",
        replace=[
            (
                "        new = np.max(R + gamma * (P @ V), axis=1)\n",
                '        new = (R + gamma * np.einsum("sat,t->sa", P, V)).max(axis=1)\n',
            ),
            (
                "    return np.argmax(Q >= best - slack, axis=1).astype(np.int64)\n",
                "    A = Q.shape[1]\n"
                "    idx = np.where(Q >= best - slack, np.arange(A), A)\n"
                "    return idx.min(axis=1)\n",
            ),
        ],
    ),
    Variant(
        "reviewer_python_loops",
        "reviewer's independent version: per-state Python loops for the backups and the greedy rule",
        append="""
def value_iteration(P, R, gamma, tol=1e-10, max_iter=10000):
    import numbers

    P = np.array(P, dtype=float)
    R = np.array(R, dtype=float)
    if P.ndim != 3 or R.ndim != 2:
        raise ValueError("P must be (S, A, S) and R (S, A)")
    S, A = R.shape
    if S < 1 or A < 1 or P.shape != (S, A, S):
        raise ValueError("P and R shapes disagree")
    if not np.isfinite(R).all() or not np.isfinite(P).all():
        raise ValueError("non-finite input")
    if (P < 0).any() or (abs(P.sum(axis=2) - 1) > 1e-9).any():
        raise ValueError("P rows must be distributions")
    if not 0 <= gamma < 1:
        raise ValueError("gamma must be in [0, 1)")
    if not tol > 0:
        raise ValueError("tol must be > 0")
    if isinstance(max_iter, bool) or not isinstance(max_iter, numbers.Integral) or max_iter < 1:
        raise ValueError("max_iter must be an integer >= 1")
    V = [0.0] * S
    n = 0
    while n < max_iter:
        new = []
        for s in range(S):
            best = -np.inf
            for a in range(A):
                q = R[s, a] + gamma * float(np.dot(P[s, a], V))
                best = max(best, q)
            new.append(best)
        n += 1
        change = max(abs(x - y) for x, y in zip(new, V))
        V = new
        if change < tol:
            break
    V = np.array(V)
    policy = np.zeros(S, dtype=int)
    for s in range(S):
        q = [R[s, a] + gamma * float(np.dot(P[s, a], V)) for a in range(A)]
        top = max(q)
        thr = top - 1e-9 * max(1.0, max(abs(x) for x in q))
        policy[s] = next(a for a in range(A) if q[a] >= thr)
    return VI(V, policy, n)
""",
    ),
]
