from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "permutation_ignored",
        "solves L y = b instead of L y = P b",
        replace=[
            (
                "    y = solve_triangular(L, P @ b, lower=True)\n",
                "    y = solve_triangular(L, b, lower=True)\n",
            )
        ],
        message="P was not applied to b",
    ),
    Mutant(
        "permutation_transposed",
        "solves L y = P.T b (the A = P L U convention)",
        replace=[
            (
                "    y = solve_triangular(L, P @ b, lower=True)\n",
                "    y = solve_triangular(L, P.T @ b, lower=True)\n",
            )
        ],
        message="the A = P L U convention",
    ),
    Mutant(
        "back_substitution_as_forward",
        "solves U x = y with forward substitution (lower=True)",
        replace=[
            (
                "    return solve_triangular(U, y, lower=False)\n",
                "    return solve_triangular(U, y, lower=True)\n",
            )
        ],
    ),
    Mutant(
        "exact_zero_pivot_check_only",
        "treats A as singular only when a pivot is exactly 0",
        replace=[
            (
                "    if pivots.max() == 0.0 or pivots.min() <= n * np.finfo(float).eps * pivots.max():\n",
                "    if pivots.min() == 0.0:\n",
            )
        ],
        message="A is singular",
    ),
    Mutant(
        "library_solver",
        "np.linalg.solve after the checks",
        replace=[
            (
                "    y = solve_triangular(L, P @ b, lower=True)\n",
                "    return np.linalg.solve(A, b)\n",
            )
        ],
        message="asks you not to use",
    ),
    Mutant(
        "inverse_times_b",
        "x = inv(A) @ b",
        replace=[
            (
                "    y = solve_triangular(L, P @ b, lower=True)\n",
                "    return np.linalg.inv(A) @ b\n",
            )
        ],
        message="asks you not to use",
    ),
    Mutant(
        "singular_value_error",
        "raises ValueError (not LinAlgError) for a singular A",
        replace=[
            (
                'raise np.linalg.LinAlgError("A is singular',
                'raise ValueError("A is singular',
            )
        ],
        message="should raise LinAlgError",
    ),
    Mutant(
        "permutes_b_in_place",
        "applies the row swaps to the caller's b in place",
        replace=[
            (
                "    y = solve_triangular(L, P @ b, lower=True)\n",
                "    b[...] = P @ b\n    y = solve_triangular(L, b, lower=True)\n",
            )
        ],
        message="modified its input `b`",
    ),
]

MUTANTS += [
    Mutant(
        "absolute_pivot_threshold",
        "a pivot below an absolute 1e-10 counts as zero, whatever the scale of A",
        replace=[
            (
                "    if pivots.max() == 0.0 or pivots.min() <= n * np.finfo(float).eps * pivots.max():\n",
                "    if pivots.min() <= 1e-10:\n",
            )
        ],
        message="not below an absolute threshold",
    ),
]

VARIANTS = [
    Variant(
        "augmented_elimination",
        "Gaussian elimination with partial pivoting on [A | b], then back substitution",
        append="""
def lu_solve(A, b):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be square and non-empty")
    if b.ndim not in (1, 2) or b.shape[0] != A.shape[0]:
        raise ValueError("b does not fit A")
    n = len(A)
    M = np.column_stack([A, b.reshape(n, -1)])
    scale = np.abs(A).max()
    for k in range(n):
        p = k + int(np.argmax(np.abs(M[k:, k])))
        if abs(M[p, k]) <= 4 * n * np.finfo(float).eps * scale:
            raise np.linalg.LinAlgError("singular matrix")
        M[[k, p]] = M[[p, k]]
        M[k + 1 :] -= np.outer(M[k + 1 :, k] / M[k, k], M[k])
    x = np.zeros((n, M.shape[1] - n))
    for i in range(n - 1, -1, -1):
        x[i] = (M[i, n:] - M[i, i + 1 : n] @ x[i + 1 :]) / M[i, i]
    return x.reshape(b.shape)
""",
    ),
    Variant(
        "householder_qr_route",
        "QR (np.linalg.qr is allowed here) and back substitution on R",
        append="""
def lu_solve(A, b):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or not A.size or b.ndim not in (1, 2):
        raise ValueError("bad shapes")
    if b.shape[0] != A.shape[0]:
        raise ValueError("b does not fit A")
    Q, R = np.linalg.qr(A)
    d = np.abs(np.diag(R))
    if d.max() == 0 or d.min() <= len(A) * np.finfo(float).eps * d.max():
        raise np.linalg.LinAlgError("singular")
    return solve_triangular(R, Q.T @ b, lower=False)
""",
    ),
]
