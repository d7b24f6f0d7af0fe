from mlkata.mutation import Mutant, Variant

NEAREST = (
    '        nearest = np.argsort(d2, kind="stable")[:k]  # stable: equal distances by index\n'
)
VOTE = "        labels[t] = values[np.argmax(counts)]  # argmax: the first (smallest) of the tied\n"

MUTANTS = [
    Mutant(
        "vote_tie_to_nearest",
        "Counter.most_common: a tied vote goes to the label met first (the nearest)",
        replace=[
            (
                VOTE,
                "        labels[t] = __import__('collections').Counter(\n"
                "            y_train[nearest].tolist()\n"
                "        ).most_common(1)[0][0]\n",
            )
        ],
        message="label of the nearest",
    ),
    Mutant(
        "vote_tie_to_largest",
        "a tied vote goes to the largest label",
        replace=[(VOTE, "        labels[t] = values[len(counts) - 1 - np.argmax(counts[::-1])]\n")],
        message="largest label",
    ),
    Mutant(
        "distance_tie_to_higher_index",
        "equal distances ordered by decreasing index",
        replace=[(NEAREST, "        nearest = np.lexsort((-np.arange(n), d2))[:k]\n")],
        message="lower training index",
    ),
    Mutant(
        "argpartition",
        "np.argpartition, which does not keep equal distances in index order",
        replace=[(NEAREST, "        nearest = np.argpartition(d2, k - 1)[:k]\n")],
        message="lower training index",
    ),
    Mutant(
        "manhattan",
        "L1 distance",
        replace=[
            (
                "        d2 = ((X_train - x) ** 2).sum(axis=1)",
                "        d2 = np.abs(X_train - x).sum(axis=1)",
            )
        ],
        message="Manhattan",
    ),
    Mutant(
        "skips_the_nearest",
        "neighbours 2..k+1, as if the test point were in the training set",
        replace=[(NEAREST, '        nearest = np.argsort(d2, kind="stable")[1 : k + 1]\n')],
        message="skipped",
    ),
    Mutant(
        "k_clamped",
        "k > n is silently clamped to n",
        replace=[("not 1 <= k <= n:", "not 1 <= k:")],
        message="k = 3 > 2",
    ),
    Mutant(
        "rounded_mean_label",
        "predicts the rounded mean of the neighbours' labels",
        replace=[(VOTE, "        labels[t] = np.round(y_train[nearest].mean())\n")],
    ),
    Mutant(
        "modifies_input",
        "overwrites the caller's X_test",
        replace=[("    return labels\n", "    X_test[...] = 0.0\n    return labels\n")],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "cdist_lexsort",
        "all distances at once with scipy.spatial.distance.cdist, neighbours by np.lexsort",
        append="""
def knn_classify(X_train, y_train, X_test, k):
    from scipy.spatial.distance import cdist

    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    if X_train.ndim != 2 or X_test.ndim != 2 or y_train.ndim != 1:
        raise ValueError("X_train and X_test must be 2-D, y_train 1-D")
    n = len(X_train)
    if n == 0 or n != len(y_train) or X_train.shape[1] != X_test.shape[1]:
        raise ValueError("empty training set or mismatched shapes")
    if k != int(k) or not 0 < k <= n:
        raise ValueError("k must be an integer in 1..n")
    D = cdist(X_test, X_train)
    out = []
    for row in D:
        nearest = np.lexsort((np.arange(n), row))[: int(k)]
        classes = np.unique(y_train)
        counts = np.array([(y_train[nearest] == c).sum() for c in classes])
        out.append(classes[counts == counts.max()].min())
    return np.array(out)
""",
    ),
    Variant(
        "gram_expansion",
        "squared distances as |x|^2 + |z|^2 - 2 x.z for all pairs, rows sorted stably",
        append="""
def knn_classify(X_train, y_train, X_test, k):
    A = np.array(X_train, dtype=float)
    B = np.array(X_test, dtype=float)
    y = np.array(y_train)
    if A.ndim != 2 or B.ndim != 2 or y.ndim != 1 or A.shape[0] == 0:
        raise ValueError("bad shapes or empty training set")
    if A.shape[0] != y.shape[0] or A.shape[1] != B.shape[1]:
        raise ValueError("shapes do not match")
    if isinstance(k, bool) or k % 1 or k < 1 or k > A.shape[0]:
        raise ValueError("k out of range")
    D = (B**2).sum(1)[:, None] + (A**2).sum(1)[None, :] - 2 * B @ A.T
    idx = np.argsort(D, axis=1, kind="mergesort")[:, : int(k)]
    result = []
    for row in y[idx]:
        best = None
        for label in sorted(set(row.tolist())):
            if best is None or (row == label).sum() > (row == best).sum():
                best = label
        result.append(best)
    return np.array(result, dtype=y.dtype)
""",
    ),
]

MUTANTS.append(
    Mutant(
        "default_argsort",
        "np.argsort's default (unstable) sort for the neighbours",
        replace=[(NEAREST, "        nearest = np.argsort(d2)[:k]\n")],
        message="lower training index",
    )
)
