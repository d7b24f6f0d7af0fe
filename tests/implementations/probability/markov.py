from mlkata.mutation import Mutant, Variant

SOLVE = (
    "    k = P.shape[0]\n"
    "    A = P.T - np.eye(k)\n"
    "    A[-1, :] = 1.0  # replace one redundant balance equation by sum(pi) = 1\n"
    "    b = np.zeros(k)\n"
    "    b[-1] = 1.0\n"
    "    return np.linalg.solve(A, b)\n"
)

MUTANTS = [
    Mutant(
        "eigenvector_of_P",
        "the eigenvector of P (not Pᵀ) for eigenvalue 1",
        replace=[
            (
                SOLVE,
                "    w, V = np.linalg.eig(P)\n"
                "    v = np.real(V[:, np.argmin(np.abs(w - 1))])\n"
                "    return v / v.sum()\n",
            )
        ],
        message="the eigenvector of P for eigenvalue 1",
    ),
    Mutant(
        "solve_with_P",
        "solves (P - I) x = 0 instead of (Pᵀ - I) pi = 0",
        replace=[("A = P.T - np.eye(k)", "A = P - np.eye(k)")],
        message="the eigenvector of P for eigenvalue 1",
    ),
    Mutant(
        "unit_length",
        "the left eigenvector scaled to unit length",
        replace=[
            (
                SOLVE,
                "    w, V = np.linalg.eig(P.T)\n"
                "    v = np.real(V[:, np.argmin(np.abs(w - 1))])\n"
                "    return v * np.sign(v.sum()) / np.linalg.norm(v)\n",
            )
        ],
        message="unit length",
    ),
    Mutant(
        "power_iteration",
        "a row of P^1024 (does not converge for periodic chains)",
        replace=[(SOLVE, "    return np.linalg.matrix_power(P, 1024)[0]\n")],
    ),
    Mutant(
        "no_stochastic_check",
        "rows that do not sum to 1 are accepted",
        replace=[("if np.any(np.abs(row_sums - 1.0) > 1e-9):", "if False:")],
    ),
    Mutant(
        "no_negative_check",
        "negative entries are accepted",
        replace=[("if not np.all(np.isfinite(P)) or np.any(P < 0):", "if False:")],
    ),
]

MUTANTS.append(
    Mutant(
        "total_sum_check",
        "checks that all of P sums to k instead of each row to 1",
        replace=[
            (
                "    if np.any(np.abs(row_sums - 1.0) > 1e-9):\n",
                "    if abs(P.sum() - P.shape[0]) > 1e-9:\n",
            )
        ],
        message="not row-stochastic",
    )
)

VARIANTS = [
    Variant(
        "least_squares",
        "least squares on the stacked system [Pᵀ - I; 1ᵀ] pi = [0; 1]",
        append="""
def stationary_distribution(P):
    P = np.asarray(P, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or P.size == 0:
        raise ValueError("P must be a non-empty square matrix")
    if (P < 0).any() or np.abs(P.sum(axis=1) - 1).max() > 1e-9:
        raise ValueError("P is not row-stochastic")
    k = P.shape[0]
    A = np.vstack([P.T - np.eye(k), np.ones((1, k))])
    b = np.zeros(k + 1)
    b[-1] = 1.0
    return np.linalg.lstsq(A, b, rcond=None)[0]
""",
    ),
    Variant(
        "scipy_null_space",
        "scipy.linalg.null_space of Pᵀ - I",
        append="""
def stationary_distribution(P):
    from scipy.linalg import null_space

    P = np.asarray(P, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or P.size == 0:
        raise ValueError("P must be a non-empty square matrix")
    if (P < 0).any() or np.abs(P.sum(axis=1) - 1).max() > 1e-9:
        raise ValueError("P is not row-stochastic")
    if P.shape[0] == 1:
        return np.ones(1)
    v = null_space(P.T - np.eye(P.shape[0]))[:, 0]
    return v / v.sum()
""",
    ),
]
