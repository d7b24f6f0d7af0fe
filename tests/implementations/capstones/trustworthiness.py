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

MUTANTS += [
    Mutant(
        "signed_penalty",
        "sums r(i, j) - k over all k map neighbours, so true neighbours give credit back",
        replace=[("penalty = np.sum(np.maximum(r - k, 0))", "penalty = np.sum(r - k)")],
    ),
    Mutant(
        "mean_rank_excess",
        "normalises by n k, the number of map neighbours, instead of n k (2n - 3k - 1) / 2",
        replace=[
            (
                "return float(1.0 - 2.0 / (n * k * (2 * n - 3 * k - 1)) * penalty)",
                "return float(1.0 - penalty / (n * k))",
            )
        ],
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
    Variant(
        "review_gram_rank_matrix",
        "squared distances by the Gram trick, the full rank matrix by a double stable "
        "argsort, the map neighbours by lexsort on (index, distance)",
        append="""
def trustworthiness(X, Y, n_neighbors=5):
    import numbers

    X = np.array(X, dtype=float)
    Y = np.array(Y, dtype=float)
    if X.ndim != 2 or Y.ndim != 2 or X.shape[1] < 1 or Y.shape[1] < 1:
        raise ValueError("X and Y must be 2-D with at least one column")
    if X.shape[0] != Y.shape[0]:
        raise ValueError("X and Y must have the same number of rows")
    if not (np.isfinite(X).all() and np.isfinite(Y).all()):
        raise ValueError("non-finite value")
    n, k = X.shape[0], n_neighbors
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or not 1 <= k < n / 2:
        raise ValueError("n_neighbors must be an integer with 1 <= k < n / 2")

    def sqd(Z):
        s = np.einsum("ij,ij->i", Z, Z)
        D = s[:, None] + s[None, :] - 2.0 * (Z @ Z.T)
        D = np.maximum(D, 0.0)
        np.fill_diagonal(D, -1.0)  # self first
        return D

    DX, DY = sqd(X), sqd(Y)
    order_x = np.argsort(DX, axis=1, kind="stable")
    rank = np.empty((n, n), dtype=np.int64)
    rank[np.arange(n)[:, None], order_x] = np.arange(n)[None, :]  # self has rank 0
    total = 0
    idx = np.arange(n)
    for i in range(n):
        near_y = np.lexsort((idx, DY[i]))[1 : k + 1]
        r = rank[i, near_y]
        total += int(np.sum(np.where(r > k, r - k, 0)))
    return float(1.0 - 2.0 * total / (n * k * (2 * n - 3 * k - 1)))
""",
    ),
]
