from mlkata.mutation import Mutant, Variant

TEST = "if abs(difference) >= observed * (1 - 1e-9):"

MUTANTS = [
    Mutant(
        "one_sided",
        "counts d* >= d instead of |d*| >= |d|",
        replace=[
            (
                TEST,
                "if difference >= (a.mean() - b.mean()) - 1e-9 * observed:",
            )
        ],
        message="one-sided",
    ),
    Mutant(
        "no_plus_one",
        "count / n_perm",
        replace=[("return (1 + count) / (1 + int(n_perm))", "return count / int(n_perm)")],
        message="without the +1s",
    ),
    Mutant(
        "strict_inequality",
        "|d*| > |d|: exact ties do not count",
        replace=[(TEST, "if abs(difference) > observed:")],
        message="strict |d*| > |d|",
    ),
    Mutant(
        "no_slack",
        "|d*| >= |d| without the relative slack",
        replace=[(TEST, "if abs(difference) >= observed:")],
        message="no slack",
    ),
    Mutant(
        "cumulative_shuffle",
        "shuffles the pooled array in place, round after round",
        replace=[
            (
                "        shuffled = pooled[rng.permutation(pooled.size)]\n",
                "        pooled = pooled[rng.permutation(pooled.size)]\n        shuffled = pooled\n",
            )
        ],
    ),
    Mutant(
        "last_values_form_a",
        "the last n_a permuted values form the new a",
        replace=[
            (
                "difference = shuffled[:n_a].mean() - shuffled[n_a:].mean()",
                "difference = shuffled[-n_a:].mean() - shuffled[:-n_a].mean()",
            )
        ],
    ),
    Mutant(
        "difference_of_sums",
        "sum(a) - sum(b) instead of the difference in means",
        replace=[
            ("observed = abs(a.mean() - b.mean())", "observed = abs(a.sum() - b.sum())"),
            (
                "difference = shuffled[:n_a].mean() - shuffled[n_a:].mean()",
                "difference = shuffled[:n_a].sum() - shuffled[n_a:].sum()",
            ),
        ],
    ),
    Mutant(
        "no_n_perm_check",
        "n_perm = 0 returns 1.0 instead of raising",
        replace=[("or n_perm < 1:", "or n_perm < 0:")],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_slack",
        "counts |d*| >= |d| - 1e-9 (an absolute slack): everything counts for tiny data",
        replace=[
            (
                "        if abs(difference) >= observed * (1 - 1e-9):\n",
                "        if abs(difference) >= observed - 1e-9:\n",
            )
        ],
        message="the slack must be relative",
    ),
]

VARIANTS = [
    Variant(
        "permuted_arrays_vectorised",
        "draws all permutations with rng.permutation(pooled), then vectorised means",
        append="""
def permutation_test(a, b, n_perm, rng):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.ndim != 1 or b.ndim != 1 or a.size == 0 or b.size == 0:
        raise ValueError("a and b must be non-empty 1-D arrays")
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        raise ValueError("non-finite data")
    if n_perm != int(n_perm) or n_perm < 1:
        raise ValueError("n_perm must be a positive integer")
    pooled = np.concatenate([a, b])
    shuffled = np.array([rng.permutation(pooled) for _ in range(int(n_perm))])
    d_star = shuffled[:, : a.size].sum(axis=1) / a.size - shuffled[:, a.size :].sum(axis=1) / b.size
    d = np.sum(a) / a.size - np.sum(b) / b.size
    count = np.count_nonzero(np.abs(d_star) >= abs(d) * (1 - 1e-9))
    return float((count + 1) / (n_perm + 1))
""",
    ),
]
