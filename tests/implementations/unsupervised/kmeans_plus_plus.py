"""Known mistakes in unsupervised/kmeans_plus_plus (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "weights_d_not_squared",
        "samples with p proportional to D instead of D**2",
        replace=[("p=d2 / d2.sum()", "p=np.sqrt(d2) / np.sqrt(d2).sum()")],
        message="D instead of D**2",
    ),
    Mutant(
        "last_centre_only",
        "D is the distance to the last chosen centre, not the nearest one",
        replace=[
            (
                "d2 = np.minimum(d2, np.sum((X - X[j]) ** 2, axis=1))",
                "d2 = np.sum((X - X[j]) ** 2, axis=1)",
            )
        ],
        message="last chosen centre only",
    ),
    Mutant(
        "d_never_updated",
        "all draws use the distances to the first centre",
        replace=[("d2 = np.minimum(d2, np.sum((X - X[j]) ** 2, axis=1))", "pass")],
        message="D not updated",
    ),
    Mutant(
        "greedy_farthest",
        "takes the farthest point instead of drawing",
        replace=[("j = int(rng.choice(n, p=d2 / d2.sum()))", "j = int(np.argmax(d2))")],
        message="farthest point",
    ),
    Mutant(
        "first_by_choice",
        "the first index from rng.choice(n) instead of rng.integers(n)",
        replace=[("chosen = [int(rng.integers(n))]", "chosen = [int(rng.choice(n))]")],
        message="rng.integers(n), not rng.choice",
    ),
    Mutant(
        "first_by_random",
        "the first index from int(rng.random() * n)",
        replace=[("chosen = [int(rng.integers(n))]", "chosen = [int(rng.random() * n)]")],
    ),
    Mutant(
        "all_draws_at_once",
        "the k - 1 later indices drawn in one call from the first centre's distances",
        replace=[
            (
                "    for _ in range(1, k):\n",
                "    for j in rng.choice(n, size=k - 1, replace=False, p=d2 / d2.sum()):\n"
                "        chosen.append(int(j))\n    for _ in range(0):\n",
            )
        ],
    ),
    Mutant(
        "extra_draw",
        "draws a uniform it does not use",
        replace=[("    return X[chosen]\n", "    rng.random()\n    return X[chosen]\n")],
        message="left the generator in another state",
    ),
    Mutant(
        "returns_indices",
        "returns the chosen indices instead of the rows",
        replace=[("    return X[chosen]\n", "    return np.array(chosen)\n")],
        message="returned shape",
    ),
    Mutant(
        "no_k_check",
        "k = 0 is not refused",
        replace=[("not 1 <= k <= n", "k > n")],
    ),
    Mutant(
        "no_distinct_check",
        "fewer than k distinct rows is not checked (later draws see p = 0/0)",
        replace=[("len(np.unique(X, axis=0)) < k", "False")],
    ),
]

VARIANTS = [
    Variant(
        "expanded_distances_loop",
        "squared distances by the expanded form, the nearest centre by a loop over centres",
        append="""
def kmeans_plus_plus(X, k, rng):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    n = len(X)
    if int(k) != k or not 1 <= k <= n:
        raise ValueError("k out of range")
    if len({tuple(row) for row in X.tolist()}) < k:
        raise ValueError("fewer distinct points than k")
    norms = (X * X).sum(axis=1)
    idx = [rng.integers(0, n)]
    while len(idx) < k:
        C = X[idx]
        sq = np.maximum(norms[:, None] + (C * C).sum(axis=1)[None, :] - 2 * X @ C.T, 0.0)
        D2 = sq.min(axis=1)
        D2[idx] = 0.0
        idx.append(rng.choice(n, p=D2 / np.sum(D2)))
    return np.array([X[i] for i in idx])
""",
    ),
    Variant(
        "choice_of_arange_size_one",
        "rng.integers(0, n), then rng.choice(np.arange(n), size=1, p=...)[0]",
        replace=[
            ("chosen = [int(rng.integers(n))]", "chosen = [int(rng.integers(0, n))]"),
            (
                "j = int(rng.choice(n, p=d2 / d2.sum()))",
                "j = int(rng.choice(np.arange(n), size=1, p=d2 / d2.sum())[0])",
            ),
        ],
    ),
]
