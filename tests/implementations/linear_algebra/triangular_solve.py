from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "ignores_lower_flag",
        "always forward substitution",
        replace=[
            ("    rows = range(n) if lower else range(n - 1, -1, -1)\n", "    rows = range(n)\n"),
            (
                "        known = slice(0, i) if lower else slice(i + 1, n)\n",
                "        known = slice(0, i)\n",
            ),
        ],
        message="the wrong triangle",
    ),
    Mutant(
        "reads_whole_rows",
        "x[i] = (b[i] - T[i] @ x) / T[i, i] with x zero-initialised: nan * 0 in the other triangle",
        replace=[
            (
                "        x[i] = (b[i] - T[i, known] @ x[known]) / T[i, i]\n",
                "        x[i] = (b[i] - T[i] @ x + T[i, i] * x[i]) / T[i, i]\n",
            )
        ],
        message="contains NaN",
    ),
    Mutant(
        "uses_full_matrix",
        "solves with the whole of T, its other triangle included",
        replace=[
            (
                "    x = np.zeros(b.shape)\n",
                "    return np.linalg.solve(T, b)\n    x = np.zeros(b.shape)\n",
            )
        ],
        message="the other triangle of T was used",
    ),
    Mutant(
        "no_zero_check",
        "divides by a zero diagonal entry (inf or nan, no error)",
        replace=[("    if zeros.size:\n", "    if False:\n")],
    ),
    Mutant(
        "value_error_not_linalg_error",
        "raises ValueError (not LinAlgError) for a zero on the diagonal",
        replace=[
            ('raise np.linalg.LinAlgError(f"T is singular', 'raise ValueError(f"T is singular')
        ],
        message="should raise LinAlgError",
    ),
    Mutant(
        "integer_solution_array",
        "x = np.zeros_like(b) on the caller's b: integer b truncates x",
        replace=[
            (
                "    b = np.asarray(b, dtype=float)\n",
                "    b_given = b\n    b = np.asarray(b, dtype=float)\n",
            ),
            ("    x = np.zeros(b.shape)\n", "    x = np.zeros_like(np.asarray(b_given))\n"),
        ],
        message="no integer truncation",
    ),
    Mutant(
        "overwrites_b",
        "x = b without a copy, so b is overwritten with the solution",
        replace=[("    x = np.zeros(b.shape)\n", "    x = b\n")],
        message="modified its input `b`",
    ),
    Mutant(
        "general_solver_shortcut",
        "np.linalg.solve on the triangle",
        replace=[
            (
                "    x = np.zeros(b.shape)\n",
                "    return np.linalg.solve(np.tril(T) if lower else np.triu(T), b)\n"
                "    x = np.zeros(b.shape)\n",
            )
        ],
        message="asks you not to use",
    ),
    Mutant(
        "vector_b_only",
        "flattens b, so (n, k) right-hand sides come back with the wrong shape",
        replace=[("    x = np.zeros(b.shape)\n", "    b = b.ravel()[:n]\n    x = np.zeros(n)\n")],
        message="shape",
    ),
]

MUTANTS += [
    Mutant(
        "absolute_diagonal_threshold",
        "a diagonal entry below an absolute 1e-12 counts as zero, whatever the scale of T",
        replace=[
            (
                "zeros = np.flatnonzero(np.diag(T) == 0.0)",
                "zeros = np.flatnonzero(np.abs(np.diag(T)) < 1e-12)",
            )
        ],
        message="not one below an absolute threshold",
    ),
]

VARIANTS = [
    Variant(
        "column_oriented",
        "column sweep: once x_j is known, subtract its contribution from the rest of b",
        append="""
def solve_triangular(T, b, lower=True):
    T = np.asarray(T, dtype=float)
    rhs = np.array(b, dtype=float)
    if T.ndim != 2 or T.shape[0] != T.shape[1] or T.shape[0] == 0:
        raise ValueError("T must be a non-empty square matrix")
    if rhs.ndim not in (1, 2) or len(rhs) != len(T):
        raise ValueError("b does not match T")
    n = len(T)
    if np.any(np.diag(T) == 0):
        raise np.linalg.LinAlgError("singular triangular matrix")
    order = range(n) if lower else reversed(range(n))
    for j in order:
        rhs[j] = rhs[j] / T[j, j]
        rest = slice(j + 1, n) if lower else slice(0, j)
        rhs[rest] -= np.multiply.outer(T[rest, j], rhs[j])
    return rhs
""",
    ),
    Variant(
        "upper_by_reversal",
        "upper systems solved as lower ones by reversing the order of rows and columns",
        append="""
def _forward(L, b):
    x = np.zeros(b.shape)
    for i in range(len(L)):
        x[i] = (b[i] - np.tril(L, -1)[i, :i] @ x[:i]) / L[i, i]
    return x


def solve_triangular(T, b, lower=True):
    T = np.asarray(T, dtype=float)
    b = np.asarray(b, dtype=float)
    if T.ndim != 2 or T.shape[0] != T.shape[1] or not T.size:
        raise ValueError("T must be square and non-empty")
    if b.ndim not in (1, 2) or b.shape[0] != T.shape[0]:
        raise ValueError("b has the wrong shape")
    if not np.all(np.diag(T)):
        raise np.linalg.LinAlgError("zero on the diagonal")
    if lower:
        return _forward(np.tril(T), b)
    return _forward(np.triu(T)[::-1, ::-1], b[::-1])[::-1]
""",
    ),
]
