"""Known mistakes in reinforcement_learning/policy_iteration (the grader must fail each)
and other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

EVAL = "        V = np.linalg.solve(np.eye(S) - gamma * P[states, policy], R[states, policy])\n"
IMPROVE = (
    "        new = np.where(maximisers[states, policy], policy, np.argmax(maximisers, axis=1))\n"
)

MUTANTS = [
    Mutant(
        "switches_on_ties",
        "always the lowest-index maximiser, even when the current action ties",
        replace=[(IMPROVE, "        new = np.argmax(maximisers, axis=1)\n")],
        message="switching to the lowest-index maximiser although the current action ties",
    ),
    Mutant(
        "counts_evaluations",
        "counts evaluations instead of improvements",
        replace=[
            (
                "            return PI(V, policy, n_improvements)\n",
                "            return PI(V, policy, n_improvements + 1)\n",
            )
        ],
        message="counting evaluations instead of improvements",
    ),
    Mutant(
        "truncated_evaluation",
        "evaluates with 5 sweeps from V = 0 instead of the exact solve",
        replace=[
            (
                EVAL,
                "        V = np.zeros(S)\n"
                "        for _ in range(5):\n"
                "            V = R[states, policy] + gamma * P[states, policy] @ V\n",
            )
        ],
        message="truncated evaluation",
    ),
    Mutant(
        "exact_argmax",
        "the improvement uses np.argmax of Q (no tolerance, no keeping of tied actions)",
        replace=[(IMPROVE, "        new = np.argmax(Q, axis=1)\n")],
    ),
    Mutant(
        "policy0_ignored",
        "always starts from action 0",
        replace=[
            (
                "        policy = policy.astype(np.int64)\n",
                "        policy = np.zeros(S, dtype=np.int64)\n",
            )
        ],
    ),
    Mutant(
        "values_of_previous_policy",
        "returns the values of the policy before the last evaluation (V of the first policy)",
        replace=[
            ("    n_improvements = 0\n", "    n_improvements = 0\n    first = None\n"),
            (EVAL, EVAL + "        first = V if first is None else first\n"),
            (
                "            return PI(V, policy, n_improvements)\n",
                "            return PI(first, policy, n_improvements)\n",
            ),
        ],
    ),
    Mutant(
        "no_range_check",
        "negative actions in policy0 are accepted (NumPy wraps them)",
        replace=[
            (
                "        if np.any(policy < 0) or np.any(policy >= A):\n",
                "        if np.any(policy >= A):\n",
            )
        ],
    ),
    Mutant(
        "no_length_check",
        "a policy0 of the wrong length is accepted",
        replace=[
            ("        if policy.shape != (S,):\n", "        if policy.ndim != 1:\n"),
            (
                "        policy = policy.astype(np.int64)\n",
                "        policy = np.resize(policy, S).astype(np.int64)\n",
            ),
        ],
    ),
    Mutant(
        "keeps_only_exact_ties",
        "keeps the current action only when it equals the max exactly (an ulp below switches)",
        replace=[
            (
                "np.where(maximisers[states, policy], policy,",
                "np.where(Q[states, policy] == Q.max(axis=1), policy,",
            )
        ],
        message="although the current action ties",
    ),
    Mutant(
        "counts_changed_states",
        "n_improvements counts the states whose action changed, not the policy changes",
        replace=[
            (
                "        n_improvements += 1\n",
                "        n_improvements += int(np.sum(new != policy))\n",
            ),
            ("        policy = new\n", ""),
            (
                "        n_improvements += int(np.sum(new != policy))\n",
                "        n_improvements += int(np.sum(new != policy))\n        policy = new\n",
            ),
        ],
    ),
]

VARIANTS = [
    Variant(
        "loops_and_lstsq",
        "per-state loops, evaluation by np.linalg.lstsq, the same tie rule",
        append="""
def policy_iteration(P, R, gamma, policy0=None):
    P, R = _check_mdp(P, R)
    gamma = _check_gamma(gamma)
    S, A = R.shape
    if policy0 is None:
        pi = [0] * S
    else:
        arr = np.asarray(policy0)
        if arr.shape != (S,) or arr.dtype.kind not in "iu" or (arr < 0).any() or (arr >= A).any():
            raise ValueError("policy0 must be S integer actions in [0, A)")
        pi = [int(a) for a in arr]
    count = 0
    while True:
        M = np.eye(S) - gamma * np.array([P[s, pi[s]] for s in range(S)])
        V = np.linalg.lstsq(M, np.array([R[s, pi[s]] for s in range(S)]), rcond=None)[0]
        changed = False
        new = list(pi)
        for s in range(S):
            q = R[s] + gamma * P[s] @ V
            cut = q.max() - 1e-9 * max(1.0, np.abs(q).max())
            if q[pi[s]] < cut:
                new[s] = int(np.flatnonzero(q >= cut)[0])
                changed = True
        if not changed:
            return PI(V, np.array(pi, dtype=int), count)
        pi, count = new, count + 1
""",
    ),
    Variant(
        "scipy_solve",
        "scipy.linalg.solve for the exact evaluation",
        replace=[
            (
                EVAL,
                "        from scipy.linalg import solve\n\n"
                "        V = solve(np.eye(S) - gamma * P[states, policy], R[states, policy])\n",
            )
        ],
    ),
    Variant(
        "reviewer_lstsq_loops",
        "reviewer's independent version: lstsq evaluation, per-state improvement keeping tied current actions",
        append="""
def policy_iteration(P, R, gamma, policy0=None):
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
    if policy0 is None:
        pi = [0] * S
    else:
        items = list(policy0) if np.ndim(policy0) == 1 else None
        if items is None or len(items) != S:
            raise ValueError("policy0 must hold one action per state")
        pi = []
        for a in items:
            if isinstance(a, (bool, np.bool_)) or not isinstance(a, numbers.Integral):
                raise ValueError(f"action {a!r} is not an integer")
            if not 0 <= a < A:
                raise ValueError(f"action {a} out of range")
            pi.append(int(a))
    n = 0
    while True:
        rows = np.arange(S)
        Ppi = P[rows, pi]
        V = np.linalg.lstsq(np.eye(S) - gamma * Ppi, R[rows, pi], rcond=None)[0]
        Q = R + gamma * np.tensordot(P, V, axes=([2], [0]))
        new = []
        for s in range(S):
            thr = Q[s].max() - 1e-9 * max(1.0, np.abs(Q[s]).max())
            if Q[s, pi[s]] >= thr:
                new.append(pi[s])
            else:
                new.append(int(np.flatnonzero(Q[s] >= thr)[0]))
        if new == pi:
            return PI(V, np.array(pi, dtype=int), n)
        pi = new
        n += 1
""",
    ),
]
