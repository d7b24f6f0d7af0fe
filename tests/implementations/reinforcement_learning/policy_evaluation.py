"""Known mistakes in reinforcement_learning/policy_evaluation (the grader must fail each)
and other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

P_PI = '    P_pi = np.einsum("sa,sat->st", pi, P)\n'
R_PI = "    r_pi = np.sum(pi * R, axis=1)\n"
SOLVE = "    return np.linalg.solve(np.eye(S) - gamma * P_pi, r_pi)\n"

MUTANTS = [
    Mutant(
        "next_state_policy",
        "P_pi weighted by pi(a|s')",
        replace=[(P_PI, '    P_pi = np.einsum("ta,sat->st", pi, P)\n')],
        message="the next state's policy",
    ),
    Mutant(
        "transposed_system",
        "solves (I - gamma P_piᵀ) V = r_pi",
        replace=[(SOLVE, "    return np.linalg.solve(np.eye(S) - gamma * P_pi.T, r_pi)\n")],
        message="the transposed system",
    ),
    Mutant(
        "mean_reward",
        "r_pi is the mean of R over actions",
        replace=[(R_PI, "    r_pi = R.mean(axis=1)\n")],
        message="rewards averaged over actions",
    ),
    Mutant(
        "max_reward",
        "r_pi is the max of R over actions",
        replace=[(R_PI, "    r_pi = R.max(axis=1)\n")],
        message="rewards maximised over actions",
    ),
    Mutant(
        "hundred_sweeps",
        "iterative evaluation with a fixed 100 sweeps",
        replace=[
            (
                SOLVE,
                "    V = np.zeros(S)\n"
                "    for _ in range(100):\n"
                "        V = r_pi + gamma * P_pi @ V\n"
                "    return V\n",
            )
        ],
        message="a fixed 100 sweeps",
    ),
    Mutant(
        "stop_at_1e-3",
        "iterative evaluation stopped when a sweep changes V by < 1e-3",
        replace=[
            (
                SOLVE,
                "    V = np.zeros(S)\n"
                "    while True:\n"
                "        new = r_pi + gamma * P_pi @ V\n"
                "        if np.max(np.abs(new - V)) < 1e-3:\n"
                "            return new\n"
                "        V = new\n",
            )
        ],
        message="changes V by < 1e-3",
    ),
    Mutant(
        "transitions_unweighted",
        "P_pi is the mean of P over actions (the policy only weights the rewards)",
        replace=[(P_PI, "    P_pi = P.mean(axis=1)\n")],
    ),
    Mutant(
        "no_policy_check",
        "a policy whose rows do not sum to 1 is accepted",
        replace=[("np.any(np.abs(pi.sum(axis=1) - 1) > 1e-9)", "False")],
    ),
    Mutant(
        "no_row_check",
        "rows of P that do not sum to 1 are accepted",
        replace=[("    if np.any(np.abs(P.sum(axis=2) - 1.0) > 1e-9):\n", "    if False:\n")],
    ),
    Mutant(
        "gamma_one_allowed",
        "gamma = 1 is accepted",
        replace=[("    if not 0.0 <= gamma < 1.0:\n", "    if not 0.0 <= gamma <= 1.0:\n")],
    ),
    Mutant(
        "first_reward_discounted",
        "V = gamma r_pi + gamma P_pi V (the immediate reward discounted too)",
        replace=[
            (
                "    return np.linalg.solve(np.eye(S) - gamma * P_pi, r_pi)\n",
                "    return np.linalg.solve(np.eye(S) - gamma * P_pi, gamma * r_pi)\n",
            )
        ],
    ),
    Mutant(
        "stop_at_1e-6",
        "iterative evaluation stopped when a sweep changes V by < 1e-6 (still loose near gamma = 1)",
        replace=[
            (
                "    return np.linalg.solve(np.eye(S) - gamma * P_pi, r_pi)\n",
                "    V = np.zeros(S)\n"
                "    while True:\n"
                "        new = r_pi + gamma * P_pi @ V\n"
                "        if np.max(np.abs(new - V)) < 1e-6:\n"
                "            return new\n"
                "        V = new\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "iterate_to_convergence",
        "iterative evaluation run until a sweep changes V by < 1e-13 (1 - gamma) max(1, |V|)",
        replace=[
            (
                SOLVE,
                "    V = np.zeros(S)\n"
                "    while True:\n"
                "        new = r_pi + gamma * P_pi @ V\n"
                "        change = np.max(np.abs(new - V))\n"
                "        V = new\n"
                "        if change <= 1e-13 * (1 - gamma) * max(1.0, np.max(np.abs(V))):\n"
                "            return V\n",
            )
        ],
    ),
    Variant(
        "scipy_lu_solve",
        "scipy.linalg.lu_factor / lu_solve of the system, with loops for P_pi and r_pi",
        replace=[
            (
                P_PI + R_PI + SOLVE,
                "    from scipy.linalg import lu_factor, lu_solve\n"
                "\n"
                "    P_pi = np.zeros((S, S))\n"
                "    r_pi = np.zeros(S)\n"
                "    for s in range(S):\n"
                "        for a in range(A):\n"
                "            P_pi[s] += pi[s, a] * P[s, a]\n"
                "            r_pi[s] += pi[s, a] * R[s, a]\n"
                "    return lu_solve(lu_factor(np.eye(S) - gamma * P_pi), r_pi)\n",
            )
        ],
    ),
    Variant(
        "reviewer_neumann_doubling",
        "reviewer's independent version: the Neumann series summed by repeated squaring",
        append="""
def policy_evaluation(P, R, policy, gamma):
    P = np.array(P, dtype=float)
    R = np.array(R, dtype=float)
    pi = np.array(policy, dtype=float)
    if P.ndim != 3 or R.ndim != 2 or pi.ndim != 2:
        raise ValueError("P must be 3-D, R and policy 2-D")
    S, A = R.shape
    if S < 1 or A < 1 or P.shape != (S, A, S) or pi.shape != (S, A):
        raise ValueError("shapes do not agree")
    if not np.isfinite(R).all():
        raise ValueError("R must be finite")
    for M, name in ((P, "P"), (pi, "policy")):
        if not np.isfinite(M).all() or (M < 0).any() or (np.abs(M.sum(-1) - 1) > 1e-9).any():
            raise ValueError(f"{name} rows must be probability distributions")
    if not 0 <= gamma < 1:
        raise ValueError("gamma must be in [0, 1)")
    # Neumann series by doubling: V = sum_k (gamma P_pi)^k r_pi
    M = gamma * np.einsum("sa,sat->st", pi, P)
    V = np.einsum("sa,sa->s", pi, R)
    power = M
    while np.abs(power).sum(axis=1).max() > 1e-18:
        V = V + power @ V
        power = power @ power
    return V
""",
    ),
]
