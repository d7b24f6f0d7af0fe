"""Known mistakes in unsupervised/kmeans (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "stale_labels",
        "returns the labels and inertia of the assignment before the last update",
        replace=[
            ("        labels, _ = assign(centers)\n", "        labels, d2 = assign(centers)\n"),
            ("    labels, d2 = assign(centers)\n    return", "    return"),
        ],
        message="assign once more after the last update",
    ),
    Mutant(
        "ties_to_highest",
        "ties go to the highest centre index",
        replace=[
            (
                "labels = np.argmin(d2, axis=1)",
                "labels = d2.shape[1] - 1 - np.argmin(d2[:, ::-1], axis=1)",
            )
        ],
        message="highest centre index",
    ),
    Mutant(
        "empty_cluster_nan",
        "an empty cluster's centre becomes the mean of nothing (NaN)",
        replace=[
            (
                "new[filled] = sums[filled] / counts[filled, None]",
                "new = sums / counts[:, None]",
            )
        ],
        message="mean of an empty cluster",
    ),
    Mutant(
        "empty_cluster_origin",
        "an empty cluster's centre moves to the origin",
        replace=[
            (
                "new[filled] = sums[filled] / counts[filled, None]",
                "new = sums / np.maximum(counts, 1)[:, None]",
            )
        ],
    ),
    Mutant(
        "one_iteration_too_many",
        "runs max_iter + 1 iterations",
        replace=[("while n_iter < max_iter:", "while n_iter <= max_iter:")],
        message="off by one",
    ),
    Mutant(
        "inertia_not_squared",
        "inertia as the sum of distances",
        replace=[("float(d2.sum())", "float(np.sqrt(d2).sum())")],
        message="not of squared distances",
    ),
    Mutant(
        "inertia_mean",
        "inertia as the mean squared distance",
        replace=[("float(d2.sum())", "float(d2.mean())")],
        message="the mean squared distance",
    ),
    Mutant(
        "moves_caller_centres",
        "updates init_centers in place",
        replace=[
            (
                "centers = np.array(init_centers, dtype=float)  # a copy",
                "centers = np.asarray(init_centers, dtype=float)  # not a copy",
            ),
            ("        centers = new\n", "        centers[:] = new\n"),
        ],
        message="modified its input",
    ),
    Mutant(
        "stops_at_once",
        "always stops after the first iteration",
        replace=[("        if moved <= tol:\n", "        if True:\n")],
    ),
    Mutant(
        "farthest_centre",
        "assigns each point to its farthest centre",
        replace=[("labels = np.argmin(d2, axis=1)", "labels = np.argmax(d2, axis=1)")],
    ),
    Mutant(
        "no_max_iter_check",
        "max_iter = 0 accepted",
        replace=[("or max_iter < 1:", "or max_iter < 0:")],
    ),
]

VARIANTS = [
    Variant(
        "expanded_distances_labels_loop",
        "squared distances by the expanded form, means by a loop over clusters, a while loop",
        append="""
def kmeans(X, init_centers, max_iter=300, tol=1e-8):
    X = np.asarray(X, dtype=float)
    C = np.asarray(init_centers, dtype=float).copy()
    if X.ndim != 2 or C.ndim != 2 or X.size == 0 or C.size == 0 or X.shape[1] != C.shape[1]:
        raise ValueError("X (n, d) and init_centers (k, d) must be non-empty and match")
    if int(max_iter) != max_iter or max_iter < 1 or tol < 0:
        raise ValueError("max_iter must be >= 1 and tol >= 0")
    xx = (X**2).sum(axis=1)[:, None]

    def labels_of(C):
        d2 = np.maximum(xx + (C**2).sum(axis=1)[None, :] - 2 * X @ C.T, 0)
        return d2.argmin(axis=1), d2.min(axis=1)

    it = 0
    while True:
        it += 1
        lab, _ = labels_of(C)
        old = C.copy()
        for j in range(len(C)):
            if (lab == j).any():
                C[j] = X[lab == j].mean(axis=0)
        if np.linalg.norm(C - old, axis=1).max() <= tol or it == max_iter:
            break
    lab, d2 = labels_of(C)
    return KMeans(C, lab, float(((X - C[lab]) ** 2).sum()), it)
""",
    ),
]
