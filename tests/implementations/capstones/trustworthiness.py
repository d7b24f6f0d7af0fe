"""Known mistakes in capstones/trustworthiness (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "zero_based_rank",
        "ranks the nearest neighbour 0",
        replace=[("np.arange(1, n + 1)", "np.arange(n)")],
        message="ranked the nearest neighbour 0",
    ),
    Mutant(
        "self_neighbour",
        "keeps a point among its own neighbours",
        replace=[("        np.fill_diagonal(D, np.inf)  # a point is not its own neighbour\n", "")],
    ),
    Mutant(
        "continuity",
        "swaps the roles of X and Y",
        replace=[
            ("np.argsort(sq_dists(X), axis=1", "np.argsort(sq_dists(Y), axis=1"),
            ("near_Y = np.argsort(sq_dists(Y), axis=1", "near_Y = np.argsort(sq_dists(X), axis=1"),
        ],
        message="swapped X and Y",
    ),
    Mutant(
        "normalisation",
        "drops the factor 2 of the normalisation",
        replace=[("1.0 - 2.0 / (n * k", "1.0 - 1.0 / (n * k")],
        message="the normalisation is",
    ),
    Mutant(
        "count_intruders",
        "penalises each intruder by 1",
        replace=[("np.maximum(r - k, 0)", "(r > k)")],
        message="penalised each intruder by 1",
    ),
    Mutant(
        "k_unchecked",
        "accepts k >= n/2 (the normalisation turns negative)",
        replace=[("not 1 <= k < n / 2", "not 1 <= k < n")],
    ),
    Mutant(
        "rows_unchecked",
        "does not check that X and Y have the same rows",
        replace=[("    if Y.shape[0] != n:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "sklearn",
        "validates, then calls sklearn.manifold.trustworthiness",
        append="""
def trustworthiness(X, Y, n_neighbors=5):
    from sklearn.manifold import trustworthiness as sk

    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    k = n_neighbors
    if X.ndim != 2 or Y.ndim != 2 or 0 in X.shape or 0 in Y.shape or len(X) != len(Y):
        raise ValueError("X and Y must be 2-D with the same rows")
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(Y))):
        raise ValueError("X and Y must be finite")
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or not 1 <= k < len(X) / 2:
        raise ValueError("n_neighbors must be an integer in [1, n/2)")
    return float(sk(X, Y, n_neighbors=k))
""",
    ),
    Variant(
        "loop_counting_closer",
        "per point: the rank of j is 1 + the number of points closer to i than j",
        append="""
def trustworthiness(X, Y, n_neighbors=5):
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    k = n_neighbors
    if X.ndim != 2 or Y.ndim != 2 or 0 in X.shape or 0 in Y.shape or len(X) != len(Y):
        raise ValueError("X and Y must be 2-D with the same rows")
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(Y))):
        raise ValueError("X and Y must be finite")
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or not 1 <= k < len(X) / 2:
        raise ValueError("n_neighbors must be an integer in [1, n/2)")
    n = len(X)
    total = 0
    for i in range(n):
        dx = np.linalg.norm(X - X[i], axis=1)
        dy = np.linalg.norm(Y - Y[i], axis=1)
        dx[i] = dy[i] = np.inf
        for j in np.lexsort((np.arange(n), dy))[:k]:
            closer = np.sum((dx < dx[j]) | ((dx == dx[j]) & (np.arange(n) < j)))
            total += max(closer + 1 - k, 0)
    return 1.0 - 2.0 / (n * k * (2 * n - 3 * k - 1)) * total
""",
    ),
]
