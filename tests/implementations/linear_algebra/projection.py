from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "normal_equations_inverse",
        "p = A (A^T A)^-1 A^T b, which breaks down when A is rank-deficient",
        replace=[
            (
                "    p = basis @ (basis.T @ b)\n",
                "    p = A @ (np.linalg.inv(A.T @ A) @ (A.T @ b))\n",
            )
        ],
        message="rank-deficient",
    ),
    Mutant(
        "normal_equations_solve",
        "solves the normal equations A^T A x = A^T b with np.linalg.solve",
        replace=[
            (
                "    p = basis @ (basis.T @ b)\n",
                "    p = A @ np.linalg.solve(A.T @ A, A.T @ b)\n",
            )
        ],
        message="rank-deficient",
    ),
    Mutant(
        "returns_coefficients",
        "returns the least-squares coefficients x instead of p = A x",
        replace=[
            (
                "    return Projection(p, r)\n",
                "    return Projection(np.linalg.lstsq(A, b, rcond=None)[0], r)\n",
            )
        ],
        message="coefficients",
    ),
    Mutant(
        "no_rank_cutoff",
        "keeps every left singular vector, even those of zero singular values",
        replace=[("    basis = U[:, s > cutoff]\n", "    basis = U\n")],
        message="rank-deficient",
    ),
    Mutant(
        "residual_sign",
        "r = p - b",
        replace=[("    r = b - p\n", "    r = p - b\n")],
        message="the residual is b - p",
    ),
    Mutant(
        "swapped_fields",
        "returns (r, p)",
        replace=[("    return Projection(p, r)\n", "    return Projection(r, p)\n")],
    ),
    Mutant(
        "residual_in_place",
        "computes r by subtracting p from the caller's b in place",
        replace=[("    r = b - p\n", "    r = b\n    r -= p\n")],
        message="modified its input `b`",
    ),
    Mutant(
        "empty_not_checked",
        "an empty A is not rejected (IndexError from s[0] instead of ValueError)",
        replace=[("    if A.size == 0:\n", "    if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_rank_cutoff",
        "a singular value below an absolute 1e-10 counts as zero, whatever the scale of A",
        replace=[("    cutoff = max(m, n) * np.finfo(float).eps * s[0]\n", "    cutoff = 1e-10\n")],
    ),
]

VARIANTS = [
    Variant(
        "lstsq_coefficients",
        "least-squares coefficients from np.linalg.lstsq, then p = A x",
        append="""
def project(A, b):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    if A.ndim != 2 or A.size == 0 or b.ndim not in (1, 2) or b.shape[0] != A.shape[0]:
        raise ValueError("A must be a non-empty 2-D array and b must have A's rows")
    x = np.linalg.lstsq(A, b, rcond=None)[0]
    p = A @ x
    return Projection(p, b - p)
""",
    ),
    Variant(
        "pseudo_inverse_projector",
        "the projector A A^+ from NumPy's pseudo-inverse",
        append="""
def project(A, b):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    if A.ndim != 2 or not A.size:
        raise ValueError("A must be 2-D and non-empty")
    if b.ndim not in (1, 2) or len(b) != len(A):
        raise ValueError("b must be (m,) or (m, k)")
    P = A @ np.linalg.pinv(A)
    p = P @ b
    return Projection(p, b - p)
""",
    ),
    Variant(
        "scipy_orth",
        "an orthonormal basis from scipy.linalg.orth",
        append="""
def project(A, b):
    from scipy.linalg import orth

    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    if A.ndim != 2 or not A.size or b.ndim not in (1, 2) or len(b) != len(A):
        raise ValueError("bad shapes")
    Q = orth(A)
    p = Q @ (Q.T @ b)
    return Projection(p, b - p)
""",
    ),
]
