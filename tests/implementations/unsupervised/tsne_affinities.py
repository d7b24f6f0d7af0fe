"""Known mistakes in unsupervised/tsne_affinities (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RETURN = "    return (conditional + conditional.T) / (2 * n)\n"

MUTANTS = [
    Mutant(
        "not_symmetrised",
        "returns p_{j|i} / n without symmetrising",
        replace=[(RETURN, "    return conditional / n\n")],
        message="P not symmetrised",
    ),
    Mutant(
        "divided_by_two",
        "symmetrises with / 2 instead of / 2n",
        replace=[(RETURN, "    return (conditional + conditional.T) / 2\n")],
        message="divided by 2 instead of 2n",
    ),
    Mutant(
        "entropy_in_nats",
        "compares the entropy in nats with log2(perplexity)",
        replace=[
            (
                "entropy = (math.log(total) + beta * float(p @ d)) / math.log(2)",
                "entropy = math.log(total) + beta * float(p @ d)",
            )
        ],
        message="the entropy in nats compared with log2(perplexity)",
    ),
    Mutant(
        "target_ln",
        "targets ln(perplexity) with the entropy in bits",
        replace=[("target = math.log2(perplexity)", "target = math.log(perplexity)")],
        message="compared with ln(perplexity)",
    ),
    Mutant(
        "distances_not_squared",
        "exp(-beta * distance)",
        replace=[
            (
                "D = np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=2)",
                "D = np.sqrt(np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=2))",
            )
        ],
        message="instead of exp(-beta * squared distance)",
    ),
    Mutant(
        "self_included",
        "normalises over every j, the point itself included",
        replace=[
            ("        d = np.delete(D[i], i)\n", "        d = D[i]\n"),
            ("conditional[i, np.arange(n) != i] = p", "conditional[i] = p"),
        ],
        message="the point itself is not its own neighbour",
    ),
    Mutant(
        "no_shift",
        "exponentiates the raw squared distances (underflow for far-apart points)",
        replace=[
            ("        d = d - d.min()  # shifting", "        d = d - 0 * d.min()  # shifting")
        ],
        message="underflowed",
    ),
    Mutant(
        "fixed_beta",
        "beta = 1 for every point, no search",
        replace=[("        for _ in range(200):\n", "        for _ in range(1):\n")],
    ),
    Mutant(
        "loose_search",
        "stops the bisection after 10 steps whatever the entropy",
        replace=[("        for _ in range(200):\n", "        for _ in range(10):\n")],
    ),
    Mutant(
        "wrong_direction",
        "raises beta when the entropy is too low",
        replace=[("            if entropy > target:", "            if entropy < target:")],
    ),
    Mutant(
        "no_perplexity_check",
        "a perplexity above n - 1 is accepted",
        replace=[("if not 1 <= perplexity <= n - 1:", "if not 1 <= perplexity:")],
    ),
]

VARIANTS = [
    Variant(
        "sigma_in_nats",
        "bisection on sigma (beta = 1 / 2 sigma^2) with the entropy in nats against ln(perp)",
        append="""
def tsne_joint_probabilities(X, perplexity=30.0, tol=1e-5):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) == 0 or X.shape[1] == 0:
        raise ValueError("X must be (n, d)")
    n = len(X)
    if perplexity < 1 or perplexity > n - 1 or tol <= 0:
        raise ValueError("perplexity must be in [1, n - 1] and tol > 0")
    sq = (X**2).sum(axis=1)
    D = np.maximum(sq[:, None] + sq[None, :] - 2 * X @ X.T, 0)
    P = np.zeros((n, n))
    for i in range(n):
        mask = np.arange(n) != i
        d = D[i, mask]
        d = d - d.min()
        lo, hi = 0.0, max(float(d.max()), 1.0) * 1e3
        for _ in range(300):
            sigma = (lo + hi) / 2
            if sigma == 0:
                p = (d == 0) / (d == 0).sum()
            else:
                w = np.exp(-d / (2 * sigma**2))
                p = w / w.sum()
            nz = p[p > 0]
            H = -(nz * np.log(nz)).sum()
            if abs(H - np.log(perplexity)) <= tol * np.log(2) * 0.999:
                break
            if H > np.log(perplexity):
                hi = sigma
            else:
                lo = sigma
        P[i, mask] = p
    return (P + P.T) / (2 * n)
""",
    ),
]
