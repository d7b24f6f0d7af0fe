from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "returns_upper",
        "returns L^T, the upper factor of A = R^T R",
        replace=[("    return L\n", "    return L.T\n")],
        message="upper triangular",
    ),
    Mutant(
        "no_square_root",
        "stores the pivot on the diagonal without its square root",
        replace=[("L[j, j] = np.sqrt(pivot)", "L[j, j] = pivot")],
        message="square root on the diagonal is missing",
    ),
    Mutant(
        "negative_diagonal",
        "takes the negative square root on the diagonal",
        replace=[("L[j, j] = np.sqrt(pivot)", "L[j, j] = -np.sqrt(pivot)")],
        message="must be positive",
    ),
    Mutant(
        "no_symmetry_check",
        "reads only the lower triangle and never checks symmetry",
        replace=[("    if np.abs(A - A.T).max() > 1e-10 * scale:\n", "    if False:\n")],
    ),
    Mutant(
        "exact_symmetry_check",
        "demands exact symmetry, rejecting round-off asymmetry",
        replace=[("np.abs(A - A.T).max() > 1e-10 * scale", "np.any(A != A.T)")],
    ),
    Mutant(
        "absolute_symmetry_tolerance",
        "tests symmetry with an absolute tolerance, max|A - A^T| <= 1e-10",
        replace=[("np.abs(A - A.T).max() > 1e-10 * scale", "np.abs(A - A.T).max() > 1e-10")],
        message="symmetry is relative to the size of A",
    ),
    Mutant(
        "allclose_symmetry",
        "tests symmetry with np.allclose(A, A.T) (absolute 1e-8 dominates on small A)",
        replace=[("np.abs(A - A.T).max() > 1e-10 * scale", "not np.allclose(A, A.T)")],
        message="symmetry is relative to the size of A",
    ),
    Mutant(
        "absolute_pivot_threshold",
        "a pivot below an absolute 1e-10 counts as zero: small SPD matrices are rejected",
        replace=[
            (
                "    threshold = n * np.finfo(float).eps * np.abs(np.diag(A)).max()\n",
                "    threshold = 1e-10\n",
            )
        ],
        message="not below an absolute threshold",
    ),
    Mutant(
        "zero_pivot_threshold",
        "only a pivot <= 0 counts as zero: round-off makes a singular matrix factor",
        replace=[
            (
                "    threshold = n * np.finfo(float).eps * np.abs(np.diag(A)).max()\n",
                "    threshold = 0.0\n",
            )
        ],
        message="not below an absolute threshold",
    ),
    Mutant(
        "no_definiteness_check",
        "square root of a negative pivot gives nan instead of LinAlgError",
        replace=[
            ("        if not pivot > threshold:\n", "        if False:\n"),
        ],
    ),
    Mutant(
        "math_domain_error",
        "math.sqrt of a negative pivot raises a plain ValueError, not LinAlgError",
        replace=[
            (
                "        if not pivot > threshold:\n",
                "        if pivot < 0:\n            import math\n            math.sqrt(pivot)\n        if False:\n",
            ),
        ],
        message="should raise LinAlgError",
    ),
    Mutant(
        "factors_in_place",
        "overwrites the caller's A with the factor",
        replace=[("    L = np.zeros_like(A)\n", "    L = A\n    L[np.triu_indices(n, 1)] = 0.0\n")],
        message="modified its input `A`",
    ),
    Mutant(
        "uses_numpy_cholesky",
        "calls np.linalg.cholesky",
        append="""
_own = cholesky


def cholesky(A):
    _own(A)
    return np.linalg.cholesky(np.asarray(A, dtype=float))
""",
        message="numpy.linalg.cholesky",
    ),
    Mutant(
        "no_shape_check",
        "accepts a non-square A",
        replace=[
            ("    if A.ndim != 2 or A.shape[0] != A.shape[1]:\n", "    if A.ndim != 2:\n"),
            (
                "    scale = np.abs(A).max()\n",
                "    A = A[:, : A.shape[0]]\n    scale = np.abs(A).max()\n",
            ),
        ],
    ),
]

VARIANTS = [
    Variant(
        "banachiewicz_scalar_loops",
        "row by row with scalar Python loops and math.sqrt, symmetrising first",
        append="""
import math


def cholesky(A):
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be a non-empty square matrix")
    if not np.allclose(A, A.T, rtol=0, atol=1e-10 * np.abs(A).max()):
        raise np.linalg.LinAlgError("not symmetric")
    A = (A + A.T) / 2
    n = len(A)
    L = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = sum(L[i][k] * L[j][k] for k in range(j))
            if i == j:
                d = A[i][i] - s
                if d <= 1e-14 * max(abs(A[k][k]) for k in range(n)):
                    raise np.linalg.LinAlgError("not positive definite")
                L[i][j] = math.sqrt(d)
            else:
                L[i][j] = (A[i][j] - s) / L[j][j]
    return np.array(L)
""",
    ),
    Variant(
        "outer_product_right_looking",
        "right-looking: subtract the outer product of each column from the trailing block",
        append="""
def cholesky(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] == 0:
        raise ValueError("A must be a non-empty square matrix")
    if np.max(np.abs(A - A.T)) > 1e-10 * np.max(np.abs(A)):
        raise np.linalg.LinAlgError("A is not symmetric")
    S = np.tril(A) + np.tril(A, -1).T
    n = len(S)
    tiny = 10 * n * np.finfo(float).eps * np.max(np.abs(np.diag(S)))
    L = np.zeros((n, n))
    for k in range(n):
        if S[k, k] <= tiny:
            raise np.linalg.LinAlgError("A is not positive definite")
        L[k:, k] = S[k:, k] / np.sqrt(S[k, k])
        S[k + 1 :, k + 1 :] -= np.outer(L[k + 1 :, k], L[k + 1 :, k])
    return L
""",
    ),
]

MUTANTS.append(
    Mutant(
        "uses_scipy_cholesky",
        "calls scipy.linalg.cholesky (imported inside the function)",
        append="""
_own = cholesky


def cholesky(A):
    _own(A)
    from scipy.linalg import cholesky as library_cholesky

    return library_cholesky(np.asarray(A, dtype=float), lower=True)
""",
        message="scipy.linalg",
    )
)
