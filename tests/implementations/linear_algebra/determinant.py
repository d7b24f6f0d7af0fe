from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "permutation_sign_ignored",
        "sign from the pivots only, ignoring the row swaps",
        replace=[
            (
                "    sign = (-1.0) ** swaps * float(np.prod(np.sign(pivots)))\n",
                "    sign = float(np.prod(np.sign(pivots)))\n",
            )
        ],
        message="Include det(P)",
    ),
    Mutant(
        "pivot_signs_ignored",
        "sign from the row swaps only, ignoring negative pivots",
        replace=[
            (
                "    sign = (-1.0) ** swaps * float(np.prod(np.sign(pivots)))\n",
                "    sign = (-1.0) ** swaps\n",
            )
        ],
        message="the signs",
    ),
    Mutant(
        "parity_from_displaced_rows",
        "counts every row not in its place as one swap (a 3-cycle then looks odd)",
        replace=[
            (
                "        swaps += max(length - 1, 0)\n",
                "        swaps += length if length > 1 else 0\n",
            )
        ],
        message="a cycle of length c is c - 1 swaps",
    ),
    Mutant(
        "log_of_product",
        "log|prod of the pivots|, which under- or overflows",
        replace=[
            (
                "    return SignLogDet(sign, float(np.sum(np.log(np.abs(pivots)))))\n",
                "    return SignLogDet(sign, float(np.log(np.abs(np.prod(pivots)))))\n",
            )
        ],
        message="never the log of their product",
    ),
    Mutant(
        "log10",
        "base-10 logarithm",
        replace=[
            ("float(np.sum(np.log(np.abs(pivots))))", "float(np.sum(np.log10(np.abs(pivots))))")
        ],
        message="log10 instead of the natural log",
    ),
    Mutant(
        "library_slogdet",
        "np.linalg.slogdet",
        replace=[
            (
                "    P, _, U = lu_decompose(A)\n",
                "    s, l = np.linalg.slogdet(A)\n    return SignLogDet(float(s), float(l))\n",
            )
        ],
        message="asks you not to use",
    ),
    Mutant(
        "singular_sign_one",
        "a singular A gives sign 1 (with logabsdet -inf)",
        replace=[
            (
                "        return SignLogDet(0.0, -math.inf)\n",
                "        return SignLogDet(1.0, -math.inf)\n",
            )
        ],
    ),
    Mutant(
        "singular_raises",
        "raises LinAlgError for a singular A instead of returning (0, -inf)",
        replace=[
            (
                "        return SignLogDet(0.0, -math.inf)\n",
                "        raise np.linalg.LinAlgError('A is singular')\n",
            )
        ],
        message="LinAlgError",
    ),
]

MUTANTS += [
    Mutant(
        "absolute_singularity_threshold",
        "a pivot below an absolute 1e-12 counts as zero (sign 0, -inf) whatever the scale",
        replace=[("np.any(pivots == 0.0)", "np.any(np.abs(pivots) < 1e-12)")],
    ),
]

VARIANTS = [
    Variant(
        "elimination_counting_swaps",
        "Gaussian elimination with partial pivoting, counting swaps as they happen",
        append="""
def slogdet(A):
    M = np.array(A, dtype=float)
    if M.ndim != 2 or M.shape[0] != M.shape[1] or M.size == 0:
        raise ValueError("A must be a non-empty square matrix")
    n = len(M)
    sign, total = 1.0, 0.0
    for k in range(n):
        p = k + int(np.argmax(np.abs(M[k:, k])))
        if M[p, k] == 0.0:
            return SignLogDet(0, -np.inf)
        if p != k:
            M[[k, p]] = M[[p, k]]
            sign = -sign
        pivot = M[k, k]
        sign *= 1.0 if pivot > 0 else -1.0
        total += math.log(abs(pivot))
        M[k + 1 :] -= np.outer(M[k + 1 :, k] / pivot, M[k])
    return SignLogDet(int(sign), total)
""",
    ),
    Variant(
        "inversion_count",
        "the learner's LU, with det(P) from counting inversions of the permutation",
        append="""
def slogdet(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or not A.size:
        raise ValueError("square, non-empty A needed")
    P, L, U = lu_decompose(A)
    d = np.diag(U)
    if not np.all(d):
        return SignLogDet(0.0, float("-inf"))
    perm = [int(np.flatnonzero(row)[0]) for row in P]
    inversions = sum(
        1 for i in range(len(perm)) for j in range(i + 1, len(perm)) if perm[i] > perm[j]
    )
    sign = (-1) ** inversions * np.prod(np.sign(d))
    return SignLogDet(float(sign), float(np.log(np.abs(d)).sum()))
""",
    ),
]
