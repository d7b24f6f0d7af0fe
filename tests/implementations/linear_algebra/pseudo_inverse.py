from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_cutoff",
        "inverts every singular value, however small (1 / 1e-17)",
        replace=[("    keep = s > rcond * s.max()\n", "    keep = s > 0\n")],
        message="cut-off",
    ),
    Mutant(
        "no_cutoff_at_all",
        "1 / s for every s, zeros included",
        replace=[("    keep = s > rcond * s.max()\n", "    keep = np.ones(len(s), dtype=bool)\n")],
        message="inf or nan",
    ),
    Mutant(
        "strict_cutoff",
        "keeps sigma equal to rcond * sigma_max (< instead of <=)",
        replace=[("    keep = s > rcond * s.max()\n", "    keep = s >= rcond * s.max()\n")],
        message="<=, not <",
    ),
    Mutant(
        "absolute_cutoff",
        "cut-off rcond, not rcond * sigma_max",
        replace=[("    keep = s > rcond * s.max()\n", "    keep = s > rcond\n")],
    ),
    Mutant(
        "wrong_shape",
        "returns U diag(1/sigma) V^T, of shape (m, n)",
        replace=[("    return (Vt.T * inverted) @ U.T\n", "    return (U * inverted) @ Vt\n")],
        message="shape",
    ),
    Mutant(
        "sigma_not_inverted",
        "V diag(sigma) U^T: forgets to invert the singular values",
        replace=[("    inverted[keep] = 1.0 / s[keep]\n", "    inverted[keep] = s[keep]\n")],
        message="Penrose condition",
    ),
    Mutant(
        "no_rcond_check",
        "a negative rcond is not rejected",
        replace=[("    if not rcond >= 0:\n", "    if False:\n")],
    ),
    Mutant(
        "uses_pinv",
        "calls np.linalg.pinv",
        append="""
_own = pseudo_inverse


def pseudo_inverse(A, rcond=1e-15):
    _own(A, rcond)
    return np.linalg.pinv(np.asarray(A, dtype=float), rcond=rcond)
""",
        message="numpy.linalg.pinv",
    ),
    Mutant(
        "uses_lstsq",
        "solves least squares with the identity: np.linalg.lstsq(A, I)",
        append="""
_own = pseudo_inverse


def pseudo_inverse(A, rcond=1e-15):
    _own(A, rcond)
    A = np.asarray(A, dtype=float)
    return np.linalg.lstsq(A, np.eye(A.shape[0]), rcond=rcond)[0]
""",
        message="numpy.linalg.lstsq",
    ),
]

VARIANTS = [
    Variant(
        "scipy_full_svd_loop",
        "scipy.linalg.svd with full matrices, summing v_i u_i^T / sigma_i over kept i",
        append="""
def pseudo_inverse(A, rcond=1e-15):
    import scipy.linalg

    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("A must be a non-empty 2-D array")
    if rcond < 0:
        raise ValueError("rcond must be >= 0")
    U, s, Vt = scipy.linalg.svd(A)
    X = np.zeros((A.shape[1], A.shape[0]))
    for i, sigma in enumerate(s):
        if sigma > rcond * s[0]:
            X += np.outer(Vt[i], U[:, i]) / sigma
    return X
""",
    ),
    Variant(
        "svd_of_transpose",
        "SVD of A^T (so A^+ = U' diag(1/sigma) V'^T), with np.where and errstate",
        append="""
def pseudo_inverse(A, rcond=1e-15):
    A = np.array(A, dtype=float)
    if A.ndim != 2 or 0 in A.shape or rcond < 0:
        raise ValueError("bad A or rcond")
    U, s, Vt = np.linalg.svd(A.T, full_matrices=False)
    with np.errstate(divide="ignore"):
        inverse = np.where(s > rcond * np.max(s), 1.0 / np.where(s > 0, s, 1.0), 0.0)
    return U @ np.diag(inverse) @ Vt
""",
    ),
]
