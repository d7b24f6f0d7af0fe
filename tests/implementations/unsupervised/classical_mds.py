"""Known mistakes in unsupervised/classical_mds (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RETURN = "    return vectors[:, ::-1][:, :k] * np.sqrt(np.clip(top, 0.0, None))\n"

MUTANTS = [
    Mutant(
        "distances_not_squared",
        "B from the distances instead of the squared distances",
        replace=[("B = -0.5 * J @ (D**2) @ J", "B = -0.5 * J @ D @ J")],
        message="distances used instead of squared distances",
    ),
    Mutant(
        "not_centred",
        "B = -1/2 D^2 without double centring",
        replace=[("B = -0.5 * J @ (D**2) @ J", "B = -0.5 * (D**2)")],
        message="not double-centred",
    ),
    Mutant(
        "no_half",
        "B = -J D^2 J",
        replace=[("B = -0.5 * J @ (D**2) @ J", "B = -J @ (D**2) @ J")],
        message="the factor -1/2 left out",
    ),
    Mutant(
        "smallest_eigenvalues",
        "takes the k smallest eigenpairs (eigh's order)",
        replace=[
            ("    top = values[::-1][:k]\n", "    top = values[:k]\n"),
            (RETURN, "    return vectors[:, :k] * np.sqrt(np.clip(top, 0.0, None))\n"),
        ],
        message="SMALLEST eigenvalues",
    ),
    Mutant(
        "no_square_root",
        "scales the eigenvectors by the eigenvalues",
        replace=[
            (RETURN, RETURN.replace("np.sqrt(np.clip(top, 0.0, None))", "np.clip(top, 0, None)"))
        ],
        message="not their square roots",
    ),
    Mutant(
        "no_clipping",
        "square roots of negative eigenvalues (NaN)",
        replace=[(RETURN, RETURN.replace("np.clip(top, 0.0, None)", "top"))],
        message="negative eigenvalues not clipped",
    ),
    Mutant(
        "absolute_eigenvalues",
        "square roots of |eigenvalue| instead of clipping",
        replace=[(RETURN, RETURN.replace("np.clip(top, 0.0, None)", "np.abs(top)"))],
        message="|eigenvalue| instead of clipping",
    ),
    Mutant(
        "unit_eigenvectors",
        "returns the eigenvectors without scaling",
        replace=[(RETURN, "    return vectors[:, ::-1][:, :k].copy()\n")],
    ),
    Mutant(
        "points_as_columns",
        "returns Y transposed (k, n)",
        replace=[(RETURN, RETURN.replace("    return ", "    return (").rstrip() + ").T\n")],
        message="one point per ROW",
    ),
    Mutant(
        "no_k_check",
        "k = 0 gives an empty Y",
        replace=[("not 1 <= k <= n:", "not 0 <= k <= n:")],
    ),
    Mutant(
        "no_symmetry_check",
        "an asymmetric D is accepted",
        replace=[("if np.abs(D - D.T).max() > 1e-10 * np.abs(D).max():", "if False:")],
    ),
]

VARIANTS = [
    Variant(
        "scipy_eigh_flipped",
        "SciPy's eigh for the top k only, B by explicit centring, every column negated",
        append="""
def classical_mds(D, k):
    import scipy.linalg

    D = np.asarray(D, dtype=float)
    if D.ndim != 2 or D.shape[0] != D.shape[1] or D.size == 0:
        raise ValueError("D must be square")
    n = len(D)
    if not np.allclose(D, D.T, rtol=0, atol=1e-12) or (D < 0).any() or np.diag(D).any():
        raise ValueError("D must be a symmetric non-negative matrix with a zero diagonal")
    if int(k) != k or not 1 <= k <= n:
        raise ValueError("k out of range")
    k = int(k)
    S = D**2
    B = -0.5 * (S - S.mean(axis=0) - S.mean(axis=1)[:, None] + S.mean())
    values, vectors = scipy.linalg.eigh(B, subset_by_index=[n - k, n - 1])
    values, vectors = values[::-1], vectors[:, ::-1]
    return -vectors * np.sqrt(np.maximum(values, 0))
""",
    ),
    Variant(
        "eigh_of_minus_b_sign_fixed",
        "eigh of -B (its increasing order is B's decreasing), each column's largest entry positive",
        append="""
def classical_mds(D, k):
    D = np.asarray(D, dtype=float)
    if D.ndim != 2 or D.shape[0] != D.shape[1] or D.size == 0:
        raise ValueError("D must be square")
    n = len(D)
    if np.abs(D - D.T).max() > 1e-12 or (D < 0).any() or np.diag(D).any():
        raise ValueError("bad distance matrix")
    if isinstance(k, bool) or int(k) != k or not 1 <= k <= n:
        raise ValueError("k out of range")
    J = np.eye(n) - np.ones((n, n)) / n
    minus_B = J @ (D * D) @ J / 2
    values, vectors = np.linalg.eigh((minus_B + minus_B.T) / 2)
    V = vectors[:, : int(k)]
    V = V * np.sign(V[np.argmax(np.abs(V), axis=0), np.arange(V.shape[1])])
    return V * np.sqrt(np.clip(-values[: int(k)], 0, None))
""",
    ),
]
