from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "descending_order",
        "values (and vectors) in descending order",
        replace=[
            (
                '    order = np.argsort(values, kind="stable")\n',
                "    order = np.argsort(values)[::-1]\n",
            )
        ],
        message="ascending order",
    ),
    Mutant(
        "unsorted",
        "values left in the order the diagonal ends up in",
        replace=[('    order = np.argsort(values, kind="stable")\n', "    order = np.arange(n)\n")],
    ),
    Mutant(
        "vectors_not_permuted",
        "values sorted but the columns of V left in their original order",
        replace=[("return Eigh(values[order], V[:, order])", "return Eigh(values[order], V)")],
        message="permute the columns",
    ),
    Mutant(
        "vectors_as_rows",
        "returns V^T: eigenvectors as rows",
        replace=[
            ("return Eigh(values[order], V[:, order])", "return Eigh(values[order], V[:, order].T)")
        ],
        message="ROWS",
    ),
    Mutant(
        "rotation_sign",
        "the wrong sign of s in the rotation",
        replace=[("                s = t * c\n", "                s = -t * c\n")],
    ),
    Mutant(
        "one_sweep",
        "a single sweep over the pairs, not repeated until converged",
        replace=[
            ("    for _ in range(max_sweeps):\n", "    for _ in range(1):\n"),
            ("        if _off_diagonal(D) > tol * norm:\n", "        if False:\n"),
        ],
    ),
    Mutant(
        "absolute_tolerance_loose",
        "stops when the off-diagonal part is below 1e-3 (too early)",
        replace=[
            (
                "        if _off_diagonal(D) <= tol * norm:\n",
                "        if _off_diagonal(D) <= 1e-3 * norm:\n",
            )
        ],
    ),
    Mutant(
        "absolute_symmetry_tolerance",
        "tests symmetry with an absolute tolerance, max|A - A^T| <= 1e-10",
        replace=[
            (
                "    if np.abs(A - A.T).max() > 1e-10 * np.abs(A).max():\n",
                "    if np.abs(A - A.T).max() > 1e-10:\n",
            )
        ],
        message="symmetry is relative to the size of A",
    ),
    Mutant(
        "absolute_convergence_tolerance",
        "stops when the off-diagonal norm is below tol itself, not tol times the norm of A",
        replace=[
            (
                "        if _off_diagonal(D) <= tol * norm:\n",
                "        if _off_diagonal(D) <= max(tol, 1e-10):\n",
            )
        ],
    ),
    Mutant(
        "no_symmetry_check",
        "a non-symmetric A is not rejected",
        replace=[("    if np.abs(A - A.T).max() > 1e-10 * np.abs(A).max():\n", "    if False:\n")],
    ),
    Mutant(
        "exact_symmetry_check",
        "demands exact symmetry, rejecting round-off asymmetry",
        replace=[("np.abs(A - A.T).max() > 1e-10 * np.abs(A).max()", "np.any(A != A.T)")],
    ),
    Mutant(
        "rotates_in_place",
        "rotates the caller's A in place",
        replace=[
            (
                "    D = (A + A.T) / 2  # a fresh copy: the caller's A is never touched\n",
                "    D = A\n",
            )
        ],
        message="modified its input `A`",
    ),
    Mutant(
        "uses_eigh",
        "calls np.linalg.eigh",
        append="""
def symmetric_eigen(A, tol=1e-12, max_sweeps=100):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be square and non-empty")
    if np.abs(A - A.T).max() > 1e-10 * np.abs(A).max():
        raise ValueError("A is not symmetric")
    values, vectors = np.linalg.eigh(A)
    return Eigh(values, vectors)
""",
        message="numpy.linalg.eigh",
    ),
    Mutant(
        "uses_scipy_eigh",
        "calls scipy.linalg.eigh",
        append="""
def symmetric_eigen(A, tol=1e-12, max_sweeps=100):
    import scipy.linalg

    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be square and non-empty")
    if np.abs(A - A.T).max() > 1e-10 * np.abs(A).max():
        raise ValueError("A is not symmetric")
    values, vectors = scipy.linalg.eigh(A)
    return Eigh(values, vectors)
""",
        message="scipy.linalg",
    ),
]

VARIANTS = [
    Variant(
        "shifted_qr_iteration",
        "QR iteration written by hand (Wilkinson shift, deflation), np.linalg.qr allowed",
        append="""
def symmetric_eigen(A, tol=1e-12, max_sweeps=100):
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be a non-empty square matrix")
    if np.max(np.abs(A - A.T)) > 1e-10 * np.max(np.abs(A)):
        raise ValueError("A is not symmetric")
    T = (A + A.T) / 2
    n = len(T)
    V = np.eye(n)
    scale = max(np.abs(T).max(), np.finfo(float).tiny)
    m = n
    while m > 1:
        for _ in range(10000):
            if np.abs(T[m - 1, : m - 1]).max() <= 1e-15 * scale:
                break
            a, b, c = T[m - 2, m - 2], T[m - 2, m - 1], T[m - 1, m - 1]
            d = (a - c) / 2
            mu = c - (np.sign(d) if d != 0 else 1.0) * b * b / (abs(d) + np.hypot(d, b))
            Q, R = np.linalg.qr(T[:m, :m] - mu * np.eye(m))
            T[:m, :m] = R @ Q + mu * np.eye(m)
            T[:m, m:] = Q.T @ T[:m, m:]
            T[m:, :m] = T[:m, m:].T
            V[:, :m] = V[:, :m] @ Q
        else:
            raise np.linalg.LinAlgError("QR iteration did not converge")
        m -= 1
    values = np.diag(T).copy()
    order = np.argsort(values)
    return Eigh(values[order], V[:, order])
""",
    ),
    Variant(
        "classical_jacobi_negated",
        "classical Jacobi (largest off-diagonal entry first), rotation by matrix products, "
        "vectors negated",
        append="""
def symmetric_eigen(A, tol=1e-12, max_sweeps=100):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or not A.size:
        raise ValueError("need a non-empty square matrix")
    if not np.allclose(A, A.T, rtol=0, atol=1e-10 * np.abs(A).max()):
        raise ValueError("A must be symmetric")
    n = len(A)
    D = 0.5 * (A + A.T)
    V = np.eye(n)
    total = np.linalg.norm(D)
    for _ in range(max_sweeps * n * n):
        off = D - np.diag(np.diag(D))
        if np.linalg.norm(off) <= tol * total or n == 1:
            break
        p, q = np.unravel_index(np.argmax(np.abs(off)), off.shape)
        phi = 0.5 * np.arctan2(2 * D[p, q], D[q, q] - D[p, p])
        c, s = np.cos(phi), np.sin(phi)
        J = np.eye(n)
        J[p, p] = J[q, q] = c
        J[p, q], J[q, p] = s, -s
        D = J.T @ D @ J
        V = V @ J
    order = np.argsort(np.diag(D))
    return Eigh(np.diag(D)[order], -V[:, order])
""",
    ),
]
