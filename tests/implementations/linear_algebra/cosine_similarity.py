from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "normalises_columns",
        "divides by the column norms instead of the row norms",
        replace=[
            (
                'norms = np.sqrt(np.einsum("ij,ij->i", M, M))',
                "norms = np.sqrt((M * M).sum(axis=0))",
            ),
            ("return M / safe[:, None]", "return M / safe[None, :]"),
        ],
        message="columns were normalised",
    ),
    Mutant(
        "zero_row_nan",
        "divides by the norm even when it is 0 (0/0 = nan)",
        replace=[("safe = np.where(norms > 0.0, norms, 1.0)", "safe = norms")],
        message="hit a floating-point error",
    ),
    Mutant(
        "only_A_normalised",
        "divides by the norms of A's rows only",
        replace=[("np.clip(unit_rows(A) @ unit_rows(B).T, -1.0, 1.0)", "unit_rows(A) @ B.T")],
        message="only the rows of A",
    ),
    Mutant(
        "not_normalised",
        "plain dot products A @ B.T",
        replace=[("np.clip(unit_rows(A) @ unit_rows(B).T, -1.0, 1.0)", "A @ B.T")],
        message="not normalised at all",
    ),
    Mutant(
        "transposed_result",
        "returns the (n, m) matrix B A^T",
        replace=[("unit_rows(A) @ unit_rows(B).T", "unit_rows(B) @ unit_rows(A).T")],
        message="transpose",
    ),
    Mutant(
        "normalises_in_place",
        "divides the caller's rows by their norms in place",
        replace=[
            ("        return M / safe[:, None]\n", "        M /= safe[:, None]\n        return M\n")
        ],
        message="modified its input",
    ),
    Mutant(
        "empty_accepted",
        "returns an empty matrix for empty input instead of raising",
        replace=[("    if A.size == 0 or B.size == 0:\n", "    if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_zero_row_threshold",
        "a row whose norm is below an absolute 1e-12 is treated as a zero row",
        replace=[
            (
                "        safe = np.where(norms > 0.0, norms, 1.0)  # a zero row stays zero\n"
                "        return M / safe[:, None]\n",
                "        safe = np.where(norms > 1e-12, norms, np.inf)\n"
                "        return M / safe[:, None]\n",
            )
        ],
    ),
    Mutant(
        "global_normalisation",
        "divides by the largest row norm of each matrix instead of each row's own norm",
        replace=[
            (
                "        return M / safe[:, None]\n",
                "        return M / safe.max()\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "outer_product_of_norms",
        "A B^T divided by the outer product of the row norms, 0 where a norm is 0",
        append="""
def cosine_similarity(A, B):
    A = np.array(A, dtype=float)
    B = np.array(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("A and B must be 2-D with equally many columns")
    if 0 in A.shape or 0 in B.shape:
        raise ValueError("empty input")
    denominator = np.outer(np.linalg.norm(A, axis=1), np.linalg.norm(B, axis=1))
    out = np.zeros_like(denominator)
    np.divide(A @ B.T, denominator, out=out, where=denominator > 0)
    return out
""",
    ),
    Variant(
        "scipy_cdist",
        "one minus SciPy's cosine distance, with zero rows set to 0",
        append="""
def cosine_similarity(A, B):
    from scipy.spatial.distance import cdist

    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1] or A.size == 0 or B.size == 0:
        raise ValueError("A and B must be non-empty 2-D arrays with equal widths")
    zero_a = ~A.any(axis=1)
    zero_b = ~B.any(axis=1)
    safe_a = np.where(zero_a[:, None], 1.0, A)
    safe_b = np.where(zero_b[:, None], 1.0, B)
    S = 1.0 - cdist(safe_a, safe_b, metric="cosine")
    S[zero_a, :] = 0.0
    S[:, zero_b] = 0.0
    return S
""",
    ),
]
