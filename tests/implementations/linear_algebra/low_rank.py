from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "off_by_one_plus",
        "keeps k + 1 singular values",
        replace=[
            (
                "return (U[:, :k] * s[:k]) @ Vt[:k, :]",
                "return (U[:, : k + 1] * s[: k + 1]) @ Vt[: k + 1, :]",
            )
        ],
        message="off-by-one: k + 1",
    ),
    Mutant(
        "off_by_one_minus",
        "keeps k - 1 singular values (slices up to k - 1)",
        replace=[
            (
                "return (U[:, :k] * s[:k]) @ Vt[:k, :]",
                "return (U[:, : max(k - 1, 0)] * s[: max(k - 1, 0)]) @ Vt[: max(k - 1, 0), :]",
            )
        ],
        message="off-by-one: k - 1",
    ),
    Mutant(
        "vt_columns",
        "takes the first k columns of Vt instead of its first k rows",
        replace=[
            ("return (U[:, :k] * s[:k]) @ Vt[:k, :]", "return (U[:, :k] * s[:k]) @ Vt[:, :k].T")
        ],
        message="columns of Vt",
    ),
    Mutant(
        "smallest_singular_values",
        "keeps the k smallest singular values",
        replace=[
            (
                "return (U[:, :k] * s[:k]) @ Vt[:k, :]",
                "return (U[:, len(s) - k :] * s[len(s) - k :]) @ Vt[len(s) - k :, :]",
            )
        ],
        message="best rank",
    ),
    Mutant(
        "no_range_check",
        "k out of range is not rejected (slicing silently clips)",
        replace=[
            ("    if int(k) != k or not 0 <= k <= min(m, n):\n", "    if False:\n"),
            ("    k = int(k)\n", "    k = max(int(k), 0)\n"),
        ],
    ),
    Mutant(
        "k_zero_rejected",
        "k = 0 raises instead of giving the zero matrix",
        replace=[("not 0 <= k <= min(m, n)", "not 1 <= k <= min(m, n)")],
    ),
    Mutant(
        "subtracts_in_place",
        "subtracts the dropped terms from the caller's A in place",
        replace=[
            (
                "    return (U[:, :k] * s[:k]) @ Vt[:k, :]\n",
                "    A -= (U[:, k:] * s[k:]) @ Vt[k:, :]\n    return A\n",
            )
        ],
        message="modified its input `A`",
    ),
    Mutant(
        "full_matrices_shape",
        "U @ diag(s_k) @ Vt with full_matrices=True and a (k, k) diag: wrong shape for k < n",
        replace=[
            ("return (U[:, :k] * s[:k]) @ Vt[:k, :]", "return (U[:, :k] * s[:k]) @ Vt[:k, :k]")
        ],
        message="expected",
    ),
]

VARIANTS = [
    Variant(
        "projection_eigh",
        "projects the rows of A onto the top-k eigenvectors of A^T A",
        append="""
def low_rank_approx(A, k):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("A must be a non-empty 2-D array")
    if not isinstance(k, (int, np.integer)) or not 0 <= k <= min(A.shape):
        raise ValueError("k out of range")
    if A.shape[0] < A.shape[1]:
        return low_rank_approx(A.T, k).T
    values, vectors = np.linalg.eigh(A.T @ A)
    top = vectors[:, np.argsort(values)[::-1][:k]]
    return A @ top @ top.T
""",
    ),
    Variant(
        "scipy_zeroed_singular_values",
        "scipy.linalg.svd with full matrices, zeroing the dropped singular values",
        append="""
def low_rank_approx(A, k):
    import scipy.linalg

    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or 0 in A.shape:
        raise ValueError("A must be a non-empty 2-D array")
    m, n = A.shape
    if k != int(k) or k < 0 or k > min(m, n):
        raise ValueError("k must be in [0, min(m, n)]")
    U, s, Vt = scipy.linalg.svd(A)
    s = s.copy()
    s[int(k):] = 0.0
    S = np.zeros((m, n))
    S[: len(s), : len(s)] = np.diag(s)
    return U @ S @ Vt
""",
    ),
]
