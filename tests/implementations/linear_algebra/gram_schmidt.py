from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "classical_gram_schmidt",
        "every projection computed from the original column, one pass (classical GS)",
        replace=[
            (
                "        for _ in range(2):  # the second pass removes what round-off left behind\n"
                "            for q in basis:\n"
                "                v -= (q @ v) * q\n",
                "        for q in basis:\n            v -= (q @ column) * q\n",
            )
        ],
        message="Classical",
    ),
    Mutant(
        "divides_by_zero_norm",
        "never drops a column: divides by a zero remaining norm",
        replace=[
            (
                "        if remaining <= tol * np.linalg.norm(column):\n            continue\n",
                "",
            )
        ],
        message="not divided by",
    ),
    Mutant(
        "drops_only_exact_zeros",
        "drops a column only when its remaining norm is exactly 0",
        replace=[
            (
                "        if remaining <= tol * np.linalg.norm(column):\n",
                "        if remaining == 0.0:\n",
            )
        ],
        message="must be dropped",
    ),
    Mutant(
        "absolute_drop_rule",
        "drops a column when its remaining norm is at most tol (not tol * |a_j|)",
        replace=[
            (
                "        if remaining <= tol * np.linalg.norm(column):\n",
                "        if remaining <= tol:\n",
            )
        ],
        message="relative to the column",
    ),
    Mutant(
        "not_normalised",
        "keeps v_j without dividing by its norm",
        replace=[("        basis.append(v / remaining)\n", "        basis.append(v)\n")],
        message="squared norm",
    ),
    Mutant(
        "subtracts_in_place",
        "v = A[:, j] without a copy, so the caller's A is overwritten",
        replace=[("        v = column.copy()\n", "        v = column\n")],
        message="modified its input `A`",
    ),
    Mutant(
        "rows_not_columns",
        "returns the basis as rows, shape (r, m)",
        replace=[("    return np.column_stack(basis)\n", "    return np.vstack(basis)\n")],
        message="Q's columns are the basis",
    ),
    Mutant(
        "zero_matrix_crashes",
        "column_stack of an empty list when every column is dropped",
        replace=[("    if not basis:\n        return np.zeros((m, 0))\n", "")],
    ),
    Mutant(
        "negative_tol_accepted",
        "no check of tol",
        replace=[("    if not tol >= 0:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "modified_gram_schmidt_flipped",
        "textbook modified Gram-Schmidt (one pass, row-oriented updates), every column negated",
        append="""
def gram_schmidt(A, tol=1e-10):
    V = np.array(A, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError("A must be a non-empty 2-D array")
    if np.isnan(tol) or tol < 0:
        raise ValueError("tol must be non-negative")
    norms = np.linalg.norm(V, axis=0)
    columns = []
    for j in range(V.shape[1]):
        length = np.linalg.norm(V[:, j])
        if length <= tol * norms[j]:
            continue
        q = V[:, j] / length
        columns.append(-q)
        V[:, j + 1 :] -= np.outer(q, q @ V[:, j + 1 :])
    return np.array(columns).T.reshape(V.shape[0], len(columns))
""",
    ),
    Variant(
        "classical_twice",
        "classical Gram-Schmidt applied twice to each column (CGS2, 'twice is enough')",
        append="""
def gram_schmidt(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or not A.size or not tol >= 0:
        raise ValueError("A must be a non-empty 2-D array and tol >= 0")
    Q = np.zeros((A.shape[0], 0))
    for j in range(A.shape[1]):
        a = A[:, j]
        v = a - Q @ (Q.T @ a)
        v = v - Q @ (Q.T @ v)
        if np.linalg.norm(v) > tol * np.linalg.norm(a):
            Q = np.column_stack([Q, v / np.linalg.norm(v)])
    return Q
""",
    ),
]
