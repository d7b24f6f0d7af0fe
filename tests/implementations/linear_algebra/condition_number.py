from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "eigenvalue_ratio",
        "|lambda|max / |lambda|min of the eigenvalues (square A only)",
        replace=[
            (
                "    s = np.linalg.svd(A, compute_uv=False)\n",
                "    s = np.sort(np.abs(np.linalg.eigvals(A)))[::-1]\n",
            )
        ],
        message="eigenvalue moduli",
    ),
    Mutant(
        "squared",
        "eigenvalues of A^T A without the square root: kappa squared",
        replace=[
            (
                "    return float(largest / smallest)\n",
                "    return float((largest / smallest) ** 2)\n",
            )
        ],
        message="squared singular values",
    ),
    Mutant(
        "frobenius",
        "||A||_F ||A^-1||_F (np.linalg.norm's default is Frobenius)",
        replace=[
            (
                "    return float(largest / smallest)\n",
                "    return float(np.linalg.norm(A) * np.linalg.norm(np.linalg.inv(A)))\n",
            )
        ],
        message="Frobenius",
    ),
    Mutant(
        "no_singular_check",
        "divides by the smallest singular value whatever it is",
        replace=[
            (
                "    if smallest <= max(A.shape) * np.finfo(float).eps * largest:\n",
                "    if False:\n",
            )
        ],
        message="expected inf",
    ),
    Mutant(
        "zero_only_check",
        "inf only when sigma_min is exactly 0",
        replace=[
            (
                "    if smallest <= max(A.shape) * np.finfo(float).eps * largest:\n",
                "    if smallest == 0:\n",
            )
        ],
        message="expected inf",
    ),
    Mutant(
        "absolute_threshold",
        "singular when sigma_min <= eps (not relative to sigma_max)",
        replace=[
            (
                "    if smallest <= max(A.shape) * np.finfo(float).eps * largest:\n",
                "    if smallest <= max(A.shape) * np.finfo(float).eps:\n",
            )
        ],
    ),
    Mutant(
        "square_only",
        "||A||_2 ||A^-1||_2 with np.linalg.inv: fails on rectangular A",
        replace=[
            (
                "    return float(largest / smallest)\n",
                "    return float(np.linalg.norm(A, 2) * np.linalg.norm(np.linalg.inv(A), 2))\n",
            )
        ],
    ),
    Mutant(
        "uses_cond",
        "calls np.linalg.cond",
        replace=[
            ("    return float(largest / smallest)\n", "    return float(np.linalg.cond(A))\n")
        ],
        message="numpy.linalg.cond",
    ),
    Mutant(
        "no_validation",
        "a 1-D A is treated as a row",
        replace=[
            (
                "    A = np.asarray(A, dtype=float)\n",
                "    A = np.atleast_2d(np.asarray(A, dtype=float))\n",
            )
        ],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_singularity_threshold",
        "sigma_min <= 1e-12 counts as singular, whatever the scale of A",
        replace=[
            (
                "    if smallest <= max(A.shape) * np.finfo(float).eps * largest:\n",
                "    if smallest <= 1e-12:\n",
            )
        ],
    ),
    Mutant(
        "exact_zero_singular_value",
        "only sigma_min == 0 counts as singular: round-off makes singular matrices finite",
        replace=[
            (
                "    if smallest <= max(A.shape) * np.finfo(float).eps * largest:\n",
                "    if smallest == 0:\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "norm_ord_2_and_minus_2",
        "np.linalg.norm(A, 2) / np.linalg.norm(A, -2)",
        append="""
def condition_number(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("A must be a non-empty 2-D array")
    big, small = np.linalg.norm(A, 2), np.linalg.norm(A, -2)
    if big == 0 or small / big <= max(A.shape) * np.finfo(np.float64).eps:
        return np.inf
    return big / small
""",
    ),
    Variant(
        "qr_then_scipy_svdvals",
        "QR of the tall orientation, then scipy.linalg.svdvals of R",
        append="""
def condition_number(A):
    import scipy.linalg

    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or 0 in A.shape:
        raise ValueError("A must be a non-empty 2-D array")
    tall = A if A.shape[0] >= A.shape[1] else A.T
    R = np.linalg.qr(tall, mode="r")
    s = scipy.linalg.svdvals(R)
    if s[0] == 0 or s[-1] <= max(A.shape) * np.finfo(float).eps * s[0]:
        return float("inf")
    return float(s[0] / s[-1])
""",
    ),
]
