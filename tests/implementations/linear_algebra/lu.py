from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_pivoting",
        "plain Gaussian elimination without row swaps (zero pivots skipped)",
        replace=[
            (
                "        p = k + int(np.argmax(np.abs(U[k:, k])))  # argmax returns the first maximum\n",
                "        p = k\n",
            )
        ],
        message="larger than 1",
    ),
    Mutant(
        "no_pivoting_divides_by_zero",
        "plain Gaussian elimination, dividing by whatever pivot comes",
        replace=[
            (
                "        p = k + int(np.argmax(np.abs(U[k:, k])))  # argmax returns the first maximum\n",
                "        p = k\n",
            ),
            (
                "        if pivot == 0.0:\n"
                "            continue  # the column is zero from row k down: nothing to eliminate\n",
                "",
            ),
        ],
        message="swap in the row with the largest |entry|",
    ),
    Mutant(
        "A_equals_PLU_convention",
        "returns the permutation of A = P L U (scipy's), the transpose of the asked P",
        replace=[("    P = np.eye(n)[order]\n", "    P = np.eye(n)[order].T\n")],
        message="A = P L U",
    ),
    Mutant(
        "ties_to_last_row",
        "between equal candidates the last row wins",
        replace=[
            (
                "        p = k + int(np.argmax(np.abs(U[k:, k])))  # argmax returns the first maximum\n",
                "        column = np.abs(U[k:, k])\n"
                "        p = n - 1 - int(np.argmax(column[::-1]))\n",
            )
        ],
        message="the lowest row wins",
    ),
    Mutant(
        "pivot_on_value_not_magnitude",
        "pivots on the largest value, not the largest |value|",
        replace=[("int(np.argmax(np.abs(U[k:, k])))", "int(np.argmax(U[k:, k]))")],
        message="larger than 1",
    ),
    Mutant(
        "multipliers_not_swapped",
        "swaps the rows of U but not the multipliers already stored in L",
        replace=[("            L[[k, p], :k] = L[[p, k], :k]\n", "")],
        message="it must equal P @ A",
    ),
    Mutant(
        "singular_divides_by_zero",
        "divides by a zero pivot when the column is all zero",
        replace=[
            (
                "        if pivot == 0.0:\n"
                "            continue  # the column is zero from row k down: nothing to eliminate\n",
                "",
            )
        ],
        message="skip the step",
    ),
    Mutant(
        "round_off_below_diagonal",
        "leaves round-off below U's diagonal",
        replace=[("        U[k + 1 :, k] = 0.0  # exactly zero, not round-off\n", "")],
        message="exact zeros",
    ),
    Mutant(
        "eliminates_in_place",
        "U = A without a copy: elimination overwrites the caller's A",
        replace=[("    U = A.copy()\n", "    U = A\n")],
        message="modified its input `A`",
    ),
    Mutant(
        "scipy_shortcut",
        "scipy.linalg.lu, transposing its P",
        append="""
def lu_decompose(A):
    import scipy.linalg

    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be a non-empty square matrix")
    P, L, U = scipy.linalg.lu(A)
    return LU(P.T, L, U)
""",
        message="asks you not to use",
    ),
    Mutant(
        "accepts_rectangular",
        "no check that A is square",
        replace=[("    if A.ndim != 2 or A.shape[0] != A.shape[1]:\n", "    if A.ndim != 2:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_pivot_threshold",
        "skips the elimination step when the pivot is below an absolute 1e-12",
        replace=[("        if pivot == 0.0:\n", "        if abs(pivot) < 1e-12:\n")],
        message="not one below an absolute threshold",
    ),
]

VARIANTS = [
    Variant(
        "kij_loops_integer_P",
        "scalar loops (row swaps by hand, first strict maximum), P as an integer matrix",
        append="""
def lu_decompose(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] == 0:
        raise ValueError("A must be a non-empty square matrix")
    n = len(A)
    U = [list(row) for row in A]
    L = [[0.0] * n for _ in range(n)]
    perm = list(range(n))
    for k in range(n):
        best = k
        for i in range(k + 1, n):
            if abs(U[i][k]) > abs(U[best][k]):
                best = i
        U[k], U[best] = U[best], U[k]
        L[k], L[best] = L[best], L[k]
        perm[k], perm[best] = perm[best], perm[k]
        for i in range(k + 1, n):
            if U[k][k] == 0.0:
                break
            factor = U[i][k] / U[k][k]
            L[i][k] = factor
            for j in range(k, n):
                U[i][j] -= factor * U[k][j]
            U[i][k] = 0.0
    for i in range(n):
        L[i][i] = 1.0
    P = np.zeros((n, n), dtype=int)
    P[np.arange(n), perm] = 1
    return LU(P, np.array(L), np.array(U))
""",
    ),
    Variant(
        "crout_style_outer_products",
        "right-looking elimination tracking a permutation vector, P built by np.eye(n)[perm]",
        append="""
def lu_decompose(A):
    M = np.array(A, dtype=float)
    if M.ndim != 2 or M.shape[0] != M.shape[1] or not M.size:
        raise ValueError("square, non-empty A needed")
    n = len(M)
    perm = list(range(n))
    for k in range(n):
        p = k + int(np.argmax(np.abs(M[k:, k])))
        M[[k, p]] = M[[p, k]]
        perm[k], perm[p] = perm[p], perm[k]
        if M[k, k] != 0.0:
            M[k + 1 :, k] /= M[k, k]
            M[k + 1 :, k + 1 :] -= np.outer(M[k + 1 :, k], M[k, k + 1 :])
    L = np.tril(M, -1) + np.eye(n)
    return LU(np.eye(n)[perm], L, np.triu(M))
""",
    ),
]
