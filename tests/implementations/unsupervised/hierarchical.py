"""Known mistakes in unsupervised/hierarchical (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "squared_distances",
        "clusters on squared Euclidean distances",
        replace=[
            (
                "D = np.sqrt(np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=2))",
                "D = np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=2)",
            )
        ],
        message="squared Euclidean distances",
    ),
    Mutant(
        "average_unweighted",
        "average linkage as the plain mean of the two distances (WPGMA)",
        replace=[
            (
                "merged = (sizes[a] * D[a] + sizes[b] * D[b]) / (sizes[a] + sizes[b])",
                "merged = (D[a] + D[b]) / 2",
            )
        ],
        message="WPGMA",
    ),
    Mutant(
        "complete_as_min",
        "complete linkage takes the min",
        replace=[("merged = np.maximum(D[a], D[b])", "merged = np.minimum(D[a], D[b])")],
        message="(single linkage) instead of max",
    ),
    Mutant(
        "single_as_max",
        "single linkage takes the max",
        replace=[("merged = np.minimum(D[a], D[b])", "merged = np.maximum(D[a], D[b])")],
        message="(complete linkage) instead of min",
    ),
    Mutant(
        "id_of_a_point",
        "a merged cluster keeps the id of its lower row instead of n + i",
        replace=[("        ids[a] = n + step\n", "")],
        message="the cluster formed at row i has id n + i",
    ),
    Mutant(
        "ids_from_n_plus_one",
        "new clusters numbered from n + 1",
        replace=[("ids[a] = n + step", "ids[a] = n + step + 1")],
        message="has id n + i",
    ),
    Mutant(
        "size_counts_merges",
        "the size column counts merges instead of points",
        replace=[("sizes[a] + sizes[b]]", "sizes[a] + sizes[b] - 1]")],
        message="counts points, not merges",
    ),
    Mutant(
        "retired_not_removed",
        "the merged-away cluster b stays in the distance matrix",
        replace=[("        D[b, :] = np.inf\n        D[:, b] = np.inf\n", "")],
    ),
    Mutant(
        "unknown_method_is_average",
        "an unknown method silently runs average linkage",
        replace=[("    if method not in METHODS:\n", "    if False:\n")],
    ),
    Mutant(
        "one_point_accepted",
        "a single point gives an empty Z",
        replace=[("X.shape[0] < 2", "X.shape[0] < 1")],
    ),
]

VARIANTS = [
    Variant(
        "scipy_linkage",
        "SciPy's linkage",
        append="""
def linkage(X, method="single"):
    from scipy.cluster import hierarchy

    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2 or X.shape[1] == 0:
        raise ValueError("X must be 2-D with at least 2 rows")
    if method not in ("single", "complete", "average"):
        raise ValueError(f"unknown method {method!r}")
    return hierarchy.linkage(X, method=method, metric="euclidean")
""",
    ),
    Variant(
        "naive_cubic_loop",
        "the naive O(n^3) loop over a dict of cluster distances, larger id first",
        append="""
def linkage(X, method="single"):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2 or X.shape[1] == 0:
        raise ValueError("X must be 2-D with at least 2 rows")
    if method not in ("single", "complete", "average"):
        raise ValueError(f"unknown method {method!r}")
    n = len(X)
    dist = {}
    for i in range(n):
        for j in range(i + 1, n):
            dist[i, j] = float(np.sqrt(((X[i] - X[j]) ** 2).sum()))
    size = {i: 1 for i in range(n)}
    rows = []
    for step in range(n - 1):
        (a, b), d = min(dist.items(), key=lambda item: item[1])
        new = n + step
        for c in list(size):
            if c in (a, b):
                continue
            da = dist.pop((min(a, c), max(a, c)))
            db = dist.pop((min(b, c), max(b, c)))
            if method == "single":
                dist[c, new] = min(da, db)
            elif method == "complete":
                dist[c, new] = max(da, db)
            else:
                dist[c, new] = (size[a] * da + size[b] * db) / (size[a] + size[b])
        del dist[a, b]
        size[new] = size.pop(a) + size.pop(b)
        rows.append([b, a, d, size[new]])
    return np.array(rows, dtype=float)
""",
    ),
]
