"""Known mistakes in unsupervised/tsne_gradient (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

GRAD = 'grad = 4.0 * np.einsum("ij,ijk->ik", (P - Q) * W, diff)'

MUTANTS = [
    Mutant(
        "factor_two",
        "the gradient with the factor 2 instead of 4",
        replace=[(GRAD, GRAD.replace("4.0", "2.0"))],
        message="the factor 2 instead of 4",
    ),
    Mutant(
        "opposite_sign",
        "y_j - y_i in the gradient",
        replace=[(GRAD, GRAD.replace("4.0", "-4.0"))],
        message="the gradient's sign",
    ),
    Mutant(
        "no_w_in_gradient",
        "leaves the factor (1 + d^2)^-1 out of the gradient",
        replace=[(GRAD, GRAD.replace("(P - Q) * W", "(P - Q)"))],
        message="left out of the gradient",
    ),
    Mutant(
        "row_normalised_q",
        "normalises Q per row, then divides by n",
        replace=[("    Q = W / W.sum()\n", "    Q = W / W.sum(axis=1, keepdims=True) / n\n")],
        message="Q normalised per row",
    ),
    Mutant(
        "diagonal_in_normalisation",
        "w_ii = 1 counted in the normaliser",
        replace=[("    Q = W / W.sum()\n", "    Q = W / (W.sum() + n)\n")],
        message="the diagonal (w_ii = 1) counted",
    ),
    Mutant(
        "gaussian_kernel",
        "a Gaussian kernel instead of the Student-t",
        replace=[
            ("W = 1.0 / (1.0 + np.sum(diff**2, axis=2))", "W = np.exp(-np.sum(diff**2, axis=2))")
        ],
        message="a Gaussian kernel",
    ),
    Mutant(
        "log2",
        "the KL in bits",
        replace=[("np.log(P[pos] / Q[pos])", "np.log2(P[pos] / Q[pos])")],
        message="log base 2",
    ),
    Mutant(
        "zero_log_zero",
        "p log(p/q) summed over every pair, p = 0 included (NaN)",
        replace=[("    pos = P > 0  # 0 log 0 = 0\n", "    pos = ~np.eye(n, dtype=bool)\n")],
        message="0 log 0 = 0",
    ),
    Mutant(
        "kl_reversed",
        "KL(Q || P) instead of KL(P || Q)",
        replace=[
            (
                "kl = float(np.sum(P[pos] * np.log(P[pos] / Q[pos])))",
                "kl = float(np.sum(Q[pos] * np.log(Q[pos] / P[pos])))",
            )
        ],
    ),
    Mutant(
        "no_symmetry_check",
        "an asymmetric P is accepted",
        replace=[("if np.abs(P - P.T).max() > 1e-10 * np.abs(P).max():", "if False:")],
    ),
    Mutant(
        "no_sum_check",
        "a P that does not sum to 1 is accepted",
        replace=[("if abs(P.sum() - 1.0) > 1e-9:", "if False:")],
    ),
]

VARIANTS = [
    Variant(
        "scipy_pdist_loops",
        "SciPy's squareform(pdist) for the distances, a loop over points for the gradient",
        append="""
def tsne_kl_gradient(P, Y):
    from scipy.spatial.distance import pdist, squareform

    P = np.asarray(P, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if Y.ndim != 2 or len(Y) < 2 or P.shape != (len(Y), len(Y)):
        raise ValueError("P must be (n, n) and Y (n, d) with n >= 2")
    if (P < 0).any() or not np.allclose(P, P.T, rtol=0, atol=1e-12) or np.diag(P).any():
        raise ValueError("P must be non-negative, symmetric, with a zero diagonal")
    if abs(P.sum() - 1) > 1e-9:
        raise ValueError("P must sum to 1")
    W = 1 / (1 + squareform(pdist(Y, "sqeuclidean")))
    np.fill_diagonal(W, 0)
    Q = W / W.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        kl = float(np.where(P > 0, P * (np.log(P) - np.log(Q)), 0.0).sum())
    grad = np.zeros_like(Y)
    for i in range(len(Y)):
        grad[i] = 4 * (((P[i] - Q[i]) * W[i])[:, None] * (Y[i] - Y)).sum(axis=0)
    return TSNE(kl, grad)
""",
    ),
]
