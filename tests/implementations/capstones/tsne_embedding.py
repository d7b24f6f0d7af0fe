"""Known mistakes in capstones/tsne_embedding (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_exaggeration",
        "never multiplies P by the exaggeration",
        replace=[("((exaggeration if early else 1.0) * P - Q)", "(P - Q)")],
        message="P is multiplied by exaggeration",
    ),
    Mutant(
        "exaggeration_forever",
        "keeps the exaggeration for every update",
        replace=[("((exaggeration if early else 1.0) * P - Q)", "(exaggeration * P - Q)")],
        message="the exaggeration stops",
    ),
    Mutant(
        "constant_momentum",
        "uses momentum 0.8 from the start",
        replace=[("(0.5 if early else 0.8) * V", "0.8 * V")],
        message="the momentum is 0.5",
    ),
    Mutant(
        "ascent",
        "adds the gradient instead of subtracting it",
        replace=[("* V - learning_rate * grad", "* V + learning_rate * grad")],
        message="went uphill",
    ),
    Mutant(
        "no_factor_four",
        "drops the factor 4 of the gradient",
        replace=[("grad = 4.0 * (", "grad = (")],
        message="factor 4",
    ),
    Mutant(
        "unit_start",
        "starts from rng.standard_normal without the factor 1e-4",
        replace=[("Y = 1e-4 * rng.standard_normal", "Y = rng.standard_normal")],
        message="the start is 1e-4",
    ),
    Mutant(
        "off_by_one_exaggeration",
        "exaggerates one update too many (t <= exaggeration_iter)",
        replace=[("early = t < exaggeration_iter", "early = t <= exaggeration_iter")],
    ),
    Mutant(
        "P_in_place",
        "exaggerates P in place and never restores it",
        replace=[
            (
                "        F = ((exaggeration if early else 1.0) * P - Q) * W\n",
                "        if t == 0 and exaggeration_iter > 0:\n"
                "            P *= exaggeration\n"
                "        if t == exaggeration_iter and exaggeration_iter > 0:\n"
                "            P /= exaggeration\n"
                "        F = (P - Q) * W\n",
            ),
            ("    P = np.asarray(P, dtype=float)\n", "    P = np.asarray(P, dtype=float)\n"),
        ],
    ),
    Mutant(
        "kl_after_only",
        "records KL only after each update (kl has T entries, no start)",
        replace=[
            ("kl = np.empty(n_iter + 1)", "kl = np.empty(n_iter + 1)[1:]"),
            ("        W, Q, kl[t] = affinities(Y)\n", "        W, Q, _ = affinities(Y)\n"),
            ("    kl[n_iter] = affinities(Y)[2]\n", ""),
        ],
    ),
    Mutant(
        "unchecked_P",
        "accepts a P that does not sum to 1",
        replace=[("    if abs(P.sum() - 1.0) > 1e-9:\n", "    if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "conditional_q",
        "normalises Q per row (SNE's conditional q_j|i) instead of over all pairs",
        replace=[("        Q = W / W.sum()\n", "        Q = W / W.sum(axis=1, keepdims=True)\n")],
    ),
    Mutant(
        "no_minus_q",
        "forgets the repulsion: the gradient of alpha p_ij w_ij (y_i - y_j) alone",
        replace=[
            (
                "F = ((exaggeration if early else 1.0) * P - Q) * W",
                "F = ((exaggeration if early else 1.0) * P - 0 * Q) * W",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "pairwise_forces",
        "the gradient from explicit pair differences, the KL with logs of W",
        append="""
def tsne_embedding(P, rng, n_components=2, n_iter=300, learning_rate=100.0,
                   exaggeration=12.0, exaggeration_iter=100):
    import math

    P = np.array(P, dtype=float)
    n = len(P)
    if P.ndim != 2 or P.shape != (n, n) or n < 2 or not np.all(np.isfinite(P)):
        raise ValueError("P must be a finite square matrix, n >= 2")
    if (P < 0).any() or not np.allclose(P, P.T, rtol=0, atol=1e-12) or np.diag(P).any():
        raise ValueError("P must be non-negative, symmetric, zero on the diagonal")
    if abs(P.sum() - 1) > 1e-9 or not isinstance(rng, np.random.Generator):
        raise ValueError("P must sum to 1 and rng be a Generator")
    ints = (n_components, n_iter, exaggeration_iter)
    if any(isinstance(v, bool) or not isinstance(v, numbers.Integral) for v in ints):
        raise ValueError("integer arguments expected")
    if n_components < 1 or n_iter < 0 or exaggeration_iter < 0:
        raise ValueError("n_components >= 1, n_iter >= 0, exaggeration_iter >= 0")
    if not (math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError("learning_rate must be > 0")
    if not (math.isfinite(exaggeration) and exaggeration >= 1):
        raise ValueError("exaggeration must be >= 1")
    Y = rng.standard_normal((n, n_components)) / 10_000
    step = np.zeros_like(Y)
    off = ~np.eye(n, dtype=bool)
    mask = P > 0
    history = []
    for t in range(n_iter + 1):
        diff = Y[:, None, :] - Y[None, :, :]
        W = np.where(off, 1 / (1 + np.einsum("ijk,ijk->ij", diff, diff)), 0.0)
        Z = W.sum()
        history.append(float(np.sum(P[mask] * (np.log(P[mask] * Z) - np.log(W[mask])))))
        if t == n_iter:
            break
        a, m = (exaggeration, 0.5) if t < exaggeration_iter else (1.0, 0.8)
        forces = ((a * P - W / Z) * W)[:, :, None] * diff
        step = m * step - learning_rate * 4 * forces.sum(axis=1)
        Y = Y + step
    return Embedding(Y, np.array(history))
""",
    ),
    Variant(
        "review_laplacian_form",
        "the gradient as 4 (diag(M 1) - M) Y with M = (alpha P - Q) * W, squared distances "
        "by the Gram trick, the KL as sum p (log p - log w + log Z)",
        append="""
def tsne_embedding(
    P, rng, n_components=2, n_iter=300, learning_rate=100.0, exaggeration=12.0,
    exaggeration_iter=100,
):
    import math

    P = np.array(P, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or P.shape[0] < 2:
        raise ValueError("P must be an (n, n) matrix with n >= 2")
    if not np.isfinite(P).all() or (P < 0).any():
        raise ValueError("P must be finite and non-negative")
    if not np.allclose(P, P.T, rtol=0, atol=1e-12) or np.any(np.diag(P) != 0):
        raise ValueError("P must be symmetric with a zero diagonal")
    if abs(P.sum() - 1) > 1e-9:
        raise ValueError("P must sum to 1")
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a Generator")
    for v, lo in ((n_components, 1), (n_iter, 0), (exaggeration_iter, 0)):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral) or v < lo:
            raise ValueError(f"bad integer argument {v!r}")
    if not (learning_rate > 0 and math.isfinite(learning_rate)):
        raise ValueError("learning_rate must be > 0")
    if not (exaggeration >= 1 and math.isfinite(exaggeration)):
        raise ValueError("exaggeration must be >= 1")
    n = P.shape[0]
    Y = 1e-4 * rng.standard_normal((n, n_components))
    V = np.zeros_like(Y)
    mask = P > 0
    logp = np.log(P[mask])

    def weights(Y):
        sq = np.sum(Y * Y, axis=1)
        D = np.maximum(sq[:, None] + sq[None, :] - 2 * Y @ Y.T, 0.0)
        W = 1.0 / (1.0 + D)
        np.fill_diagonal(W, 0.0)
        return W

    def kl(W):
        return float(np.sum(P[mask] * (logp - np.log(W[mask]) + np.log(W.sum()))))

    out = []
    for t in range(n_iter + 1):
        W = weights(Y)
        out.append(kl(W))
        if t == n_iter:
            break
        a, m = (exaggeration, 0.5) if t < exaggeration_iter else (1.0, 0.8)
        M = (a * P - W / W.sum()) * W
        grad = 4.0 * (np.diag(M.sum(axis=1)) - M) @ Y
        V = m * V - learning_rate * grad
        Y = Y + V
    return Embedding(Y, np.array(out))
""",
    ),
]
