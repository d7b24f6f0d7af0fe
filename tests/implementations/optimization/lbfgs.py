"""Known mistakes in optimization/lbfgs (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

GAMMA = "r = (S[-1] @ Y[-1]) / (Y[-1] @ Y[-1]) * q"
FIRST = "    for i in reversed(range(len(S))):\n"
SECOND = "    for i in range(len(S)):\n        beta"

MUTANTS = [
    Mutant(
        "newest_first",
        "the lists read as newest first: both loops run the other way, H0 from s_list[0]",
        replace=[
            (FIRST, "    for i in range(len(S)):\n"),
            (SECOND, "    for i in reversed(range(len(S))):\n        beta"),
            (GAMMA, "r = (S[0] @ Y[0]) / (Y[0] @ Y[0]) * q"),
        ],
        message="newest first",
    ),
    Mutant(
        "gamma_from_oldest",
        "H0 scaled by the oldest pair",
        replace=[(GAMMA, "r = (S[0] @ Y[0]) / (Y[0] @ Y[0]) * q")],
        message="gamma from the oldest pair",
    ),
    Mutant(
        "identity_H0",
        "H0 = I",
        replace=[(GAMMA, "r = q.copy()")],
        message="H0 = I",
    ),
    Mutant(
        "gamma_inverted",
        "gamma = y.T y / s.T y",
        replace=[(GAMMA, "r = (Y[-1] @ Y[-1]) / (S[-1] @ Y[-1]) * q")],
        message="gamma inverted",
    ),
    Mutant(
        "plus_H_g",
        "returns H g instead of -H g",
        replace=[("    return -r\n", "    return r\n")],
        message="the direction is +H g",
    ),
    Mutant(
        "loops_same_direction",
        "both loops run oldest to newest",
        replace=[(FIRST, "    for i in range(len(S)):\n")],
        message="the direction d is wrong",
    ),
    Mutant(
        "beta_with_s",
        "beta = rho s.T r instead of rho y.T r",
        replace=[("beta = rho[i] * (Y[i] @ r)", "beta = rho[i] * (S[i] @ r)")],
        message="the direction d is wrong",
    ),
    Mutant(
        "empty_history_returns_g",
        "no pairs gives +g",
        replace=[
            ("    if not S:\n        return -g\n", "    if not S:\n        return g.copy()\n")
        ],
        message="the direction d is wrong",
    ),
    Mutant(
        "no_curvature_check",
        "pairs with s.T y <= 0 accepted",
        replace=[("        if not s @ y > 0:\n", "        if False:\n")],
        message="curvature condition",
    ),
    Mutant(
        "modifies_gradient",
        "q = g without a copy: the first loop overwrites the caller's g",
        replace=[("    q = g.copy()\n", "    q = g\n")],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "compact_matrix_form",
        "the compact representation of Byrd, Nocedal and Schnabel (1994): H as gamma I plus a "
        "rank-2m correction, applied to g with m x m matrices only",
        append="""
def lbfgs_direction(g, s_list, y_list):
    g = np.asarray(g, dtype=float)
    if g.ndim != 1 or g.size == 0 or len(s_list) != len(y_list):
        raise ValueError("g must be a non-empty vector and the lists of equal length")
    if len(s_list) == 0:
        return -g
    S = np.array([np.asarray(s, dtype=float) for s in s_list]).T  # d x m, oldest first
    Y = np.array([np.asarray(y, dtype=float) for y in y_list]).T
    if S.shape[0] != g.size or Y.shape != S.shape:
        raise ValueError("every pair must have g's length")
    SY = S.T @ Y
    if np.any(np.diag(SY) <= 0):
        raise ValueError("curvature condition s.T y > 0 violated")
    gamma = SY[-1, -1] / (Y[:, -1] @ Y[:, -1])
    R = np.triu(SY)
    D = np.diag(np.diag(SY))
    Rinv = np.linalg.inv(R)
    M = np.block([
        [Rinv.T @ (D + gamma * Y.T @ Y) @ Rinv, -Rinv.T],
        [-Rinv, np.zeros_like(R)],
    ])
    W = np.hstack([S, gamma * Y])
    return -(gamma * g + W @ (M @ (W.T @ g)))
""",
    ),
    Variant(
        "explicit_matrix",
        "forms H by the BFGS inverse update in the Sherman-Morrison expanded form",
        append="""
def lbfgs_direction(g, s_list, y_list):
    g = np.asarray(g, dtype=float)
    if g.ndim != 1 or g.size == 0 or len(s_list) != len(y_list):
        raise ValueError("g must be a non-empty vector and the lists of equal length")
    pairs = [(np.asarray(s, dtype=float), np.asarray(y, dtype=float))
             for s, y in zip(s_list, y_list)]
    if not pairs:
        return -g
    if any(s.shape != g.shape or y.shape != g.shape for s, y in pairs):
        raise ValueError("every pair must have g's length")
    if any(s @ y <= 0 for s, y in pairs):
        raise ValueError("curvature condition s.T y > 0 violated")
    s, y = pairs[-1]
    H = (s @ y) / (y @ y) * np.eye(g.size)
    for s, y in pairs:
        sy = s @ y
        Hy = H @ y
        H = H + (sy + y @ Hy) / sy**2 * np.outer(s, s) - (np.outer(Hy, s) + np.outer(s, Hy)) / sy
    return -H @ g
""",
    ),
]
