"""Known mistakes in unsupervised/silhouette (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "a_includes_self",
        "a_i divides by |C_i|, counting the point itself",
        replace=[("/ np.maximum(own - 1, 1)", "/ own")],
        message="the point itself included",
    ),
    Mutant(
        "b_over_all_others",
        "b_i is the mean distance to every point outside the cluster",
        replace=[
            (
                "    b = mean_to.min(axis=1)\n",
                "    b = (D.sum(axis=1) - (D @ onehot)[np.arange(n), cluster]) / (n - own)\n",
            )
        ],
        message="not the nearest cluster",
    ),
    Mutant(
        "squared_distances",
        "squared Euclidean distances",
        replace=[("    D = np.sqrt(D)\n", "")],
        message="squared Euclidean distances",
    ),
    Mutant(
        "singleton_scores_one",
        "a singleton has a = 0 and scores (b - 0)/b = 1",
        replace=[("np.where((own > 1) & (top > 0),", "np.where(top > 0,")],
        message="a singleton scored 1",
    ),
    Mutant(
        "zero_over_zero_nan",
        "a = b = 0 gives 0/0 = NaN",
        replace=[
            (
                "s = np.where((own > 1) & (top > 0), (b - a) / np.where(top > 0, top, 1.0), 0.0)",
                "s = np.where(own > 1, (b - a) / top, 0.0)",
            )
        ],
        message="contains NaN",
    ),
    Mutant(
        "mean_of_cluster_means",
        "averages the per-cluster mean silhouettes",
        replace=[
            (
                "    return float(s.mean())\n",
                "    return float(np.mean((s @ onehot) / sizes))\n",
            )
        ],
        message="per-cluster mean silhouettes",
    ),
    Mutant(
        "labels_as_indices",
        "uses the labels as cluster indices (fails for labels that are not 0..k-1)",
        replace=[
            (
                "    names, cluster = np.unique(labels, return_inverse=True)\n",
                "    names, cluster = np.unique(labels), labels.astype(int) % len(np.unique(labels))\n",
            )
        ],
    ),
    Mutant(
        "n_labels_accepted",
        "n distinct labels (all singletons) scored 0 instead of refused",
        replace=[("if not 2 <= k <= n - 1:", "if not 2 <= k <= n:")],
    ),
]

VARIANTS = [
    Variant(
        "scipy_cdist_loop",
        "distances by SciPy's cdist, a loop over points",
        append="""
def silhouette_score(X, labels):
    from scipy.spatial.distance import cdist

    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    if X.ndim != 2 or X.size == 0 or labels.shape != (len(X),):
        raise ValueError("X must be (n, d) and labels (n,)")
    names = np.unique(labels)
    if not 2 <= len(names) <= len(X) - 1:
        raise ValueError("need 2 to n - 1 distinct labels")
    D = cdist(X, X)
    s = np.zeros(len(X))
    for i in range(len(X)):
        mine = labels == labels[i]
        if mine.sum() == 1:
            continue
        a = D[i, mine].sum() / (mine.sum() - 1)
        b = min(D[i, labels == c].mean() for c in names if c != labels[i])
        s[i] = 0.0 if max(a, b) == 0 else (b - a) / max(a, b)
    return float(s.mean())
""",
    ),
    Variant(
        "sklearn",
        "scikit-learn's silhouette_score",
        append="""
def silhouette_score(X, labels):
    from sklearn import metrics

    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    if X.ndim != 2 or X.size == 0 or labels.shape != (len(X),):
        raise ValueError("X must be (n, d) and labels (n,)")
    return float(metrics.silhouette_score(X, labels))
""",
    ),
]
