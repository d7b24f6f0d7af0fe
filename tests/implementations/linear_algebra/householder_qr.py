from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "cancelling_reflector_sign",
        "u = x - sign(x_1) |x| e1: cancels when x is close to a positive multiple of e1",
        replace=[
            (
                "        u[0] += math.copysign(norm_x, x[0])\n",
                "        u[0] -= math.copysign(norm_x, x[0])\n",
            )
        ],
        message="sign(x_1)",
    ),
    Mutant(
        "always_minus_norm",
        "u = x - |x| e1 for every x (the sign never follows x_1)",
        replace=[("        u[0] += math.copysign(norm_x, x[0])\n", "        u[0] -= norm_x\n")],
        message="Choose u = x + sign(x_1) |x| e1",
    ),
    Mutant(
        "Q_not_accumulated",
        "forgets to accumulate Q: returns the identity",
        replace=[("        Q[:, k:] -= 2.0 * np.outer(Q[:, k:] @ v, v)\n", "")],
        message="product H1 H2 ... Hk",
    ),
    Mutant(
        "only_last_reflector",
        "Q is the last reflection only",
        replace=[
            (
                "        Q[:, k:] -= 2.0 * np.outer(Q[:, k:] @ v, v)\n",
                "        Q = np.eye(m)\n        Q[k:, k:] -= 2.0 * np.outer(v, v)\n",
            )
        ],
        message="product H1 H2 ... Hk",
    ),
    Mutant(
        "Q_transposed",
        "accumulates Q = Hk ... H1 (the transpose of the right Q)",
        replace=[
            (
                "        Q[:, k:] -= 2.0 * np.outer(Q[:, k:] @ v, v)\n",
                "        Q[k:, :] -= 2.0 * np.outer(v, v @ Q[k:, :])\n",
            )
        ],
        message="Q was returned transposed",
    ),
    Mutant(
        "round_off_below_diagonal",
        "leaves round-off below the diagonal instead of exact zeros",
        replace=[("        R[k + 1 :, k] = 0.0  # exactly zero, not round-off\n", "")],
        message="exact zeros",
    ),
    Mutant(
        "zero_column_divides",
        "reflects a zero column too (0/0)",
        replace=[
            (
                "        if norm_x == 0.0:\n            continue  # nothing to zero in this column\n",
                "",
            )
        ],
        message="division by a zero",
    ),
    Mutant(
        "reduced_qr",
        "returns the reduced QR (Q (m, k), R (k, n))",
        replace=[
            (
                "    return QR(Q, R)\n",
                "    k = min(m, n)\n    return QR(Q[:, :k], R[:k])\n",
            )
        ],
        message="reduced QR",
    ),
    Mutant(
        "library_shortcut",
        "calls np.linalg.qr in complete mode",
        append="""
def householder_qr(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("A must be a non-empty 2-D array")
    Q, R = np.linalg.qr(A, mode="complete")
    return QR(Q, np.triu(R))
""",
        message="asks you not to use",
    ),
    Mutant(
        "works_in_place",
        "R = A without a copy: the reflections overwrite the caller's A",
        replace=[("    R = A.copy()\n", "    R = A\n")],
        message="modified its input `A`",
    ),
]

MUTANTS += [
    Mutant(
        "absolute_zero_column_threshold",
        "skips the reflection of a column whose norm is below an absolute 1e-12",
        replace=[("        if norm_x == 0.0:\n", "        if norm_x < 1e-12:\n")],
        message="not one whose norm is below an absolute threshold",
    ),
]

VARIANTS = [
    Variant(
        "givens_rotations",
        "Givens rotations zero one entry at a time (different signs from Householder)",
        append="""
def householder_qr(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or 0 in A.shape:
        raise ValueError("A must be a non-empty 2-D array")
    m, n = A.shape
    R = A.copy()
    Q = np.eye(m)
    for j in range(n):
        for i in range(m - 1, j, -1):
            a, b = R[i - 1, j], R[i, j]
            if b == 0.0:
                continue
            r = np.hypot(a, b)
            c, s = a / r, b / r
            G = np.array([[c, s], [-s, c]])
            R[[i - 1, i], :] = G @ R[[i - 1, i], :]
            Q[:, [i - 1, i]] = Q[:, [i - 1, i]] @ G.T
            R[i, j] = 0.0
    return QR(Q, R)
""",
    ),
    Variant(
        "flipped_signs",
        "the reference with the sign of every other column of Q and row of R flipped",
        append="""
_reference_qr = householder_qr


def householder_qr(A):
    Q, R = _reference_qr(A)
    flips = np.where(np.arange(Q.shape[0]) % 2 == 0, -1.0, 1.0)
    return QR(Q * flips, R * flips[:, None] + 0.0)
""",
    ),
    Variant(
        "explicit_reflectors_positive_diagonal",
        "explicit Householder matrices, then signs fixed so that R has a non-negative diagonal",
        append="""
def householder_qr(A):
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("A must be a non-empty 2-D array")
    m, n = A.shape
    Q = np.eye(m)
    R = A
    for k in range(min(m - 1, n)):
        x = R[k:, k]
        alpha = -np.linalg.norm(x) if x[0] >= 0 else np.linalg.norm(x)
        u = x.copy()
        u[0] -= alpha
        if not np.any(u):
            continue
        H = np.eye(m)
        H[k:, k:] -= 2.0 * np.outer(u, u) / (u @ u)
        R = H @ R
        Q = Q @ H
        R[k + 1 :, k] = 0.0
    signs = np.where(np.diag(R) < 0, -1.0, 1.0)
    signs = np.concatenate([signs, np.ones(m - len(signs))])
    return QR(Q * signs, R * signs[:, None])
""",
    ),
]
