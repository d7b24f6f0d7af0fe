"""Known mistakes in interpretability/permutation_importance (the grader must fail each)
and other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

DROP = "            drops[j, r] = baseline - float(metric(y, predict(shuffled)))\n"
LOOPS = "    for j in range(d):\n        for r in range(n_repeats):\n            perm = rng.permutation(n)\n"

MUTANTS = [
    Mutant(
        "sign_flipped",
        "permuted score minus baseline",
        replace=[
            (DROP, "            drops[j, r] = float(metric(y, predict(shuffled))) - baseline\n")
        ],
        message="the sign is flipped",
    ),
    Mutant(
        "ratio",
        "permuted score divided by the baseline",
        replace=[
            (DROP, "            drops[j, r] = float(metric(y, predict(shuffled))) / baseline\n")
        ],
        message="a ratio of scores",
    ),
    Mutant(
        "std_ddof_1",
        "the sample std (divisor n_repeats - 1)",
        replace=[
            ("drops.std(axis=1))", "drops.std(axis=1, ddof=1) if n_repeats > 1 else np.zeros(d))")
        ],
        message="divisor n_repeats - 1",
    ),
    Mutant(
        "repeats_outside",
        "loops over repeats outside and features inside",
        replace=[
            (
                LOOPS,
                "    for r in range(n_repeats):\n        for j in range(d):\n            perm = rng.permutation(n)\n",
            ),
            ("        shuffled[:, j] = X[:, j]\n", ""),
            (DROP, DROP + "            shuffled[:, j] = X[:, j]\n"),
        ],
        message="the draws are in the wrong order",
    ),
    Mutant(
        "one_permutation_per_repeat",
        "draws n_repeats permutations and shares them between features",
        replace=[
            (
                "    drops = np.empty((d, n_repeats))\n",
                "    drops = np.empty((d, n_repeats))\n    perms = [rng.permutation(n) for _ in range(n_repeats)]\n",
            ),
            ("            perm = rng.permutation(n)\n", "            perm = perms[r]\n"),
        ],
        message="one permutation per repeat shared by all features",
    ),
    Mutant(
        "metric_arguments_swapped",
        "metric(y_pred, y_true)",
        replace=[
            (
                "    baseline = float(metric(y, predict(X)))\n",
                "    baseline = float(metric(predict(X), y))\n",
            ),
            (DROP, "            drops[j, r] = baseline - float(metric(predict(shuffled), y))\n"),
        ],
    ),
    Mutant(
        "whole_rows_permuted",
        "permutes the rows of X (every feature at once)",
        replace=[("            shuffled[:, j] = X[perm, j]\n", "            shuffled = X[perm]\n")],
    ),
    Mutant(
        "targets_permuted",
        "permutes y instead of column j",
        replace=[
            ("            shuffled[:, j] = X[perm, j]\n", ""),
            (
                DROP,
                "            drops[j, r] = baseline - float(metric(y[perm], predict(shuffled)))\n",
            ),
        ],
    ),
    Mutant(
        "column_not_restored",
        "leaves each permuted column permuted for the next features",
        replace=[("        shuffled[:, j] = X[:, j]\n", "")],
    ),
    Mutant(
        "permutes_the_callers_X",
        "writes the permuted column into X itself",
        replace=[("    shuffled = X.copy()\n", "    shuffled = X\n")],
        message="modified its input",
    ),
    Mutant(
        "draws_an_extra_number",
        "draws one more number than the protocol, after the permutations",
        replace=[
            (
                "    return Importance(drops.mean(axis=1), drops.std(axis=1))\n",
                "    rng.integers(2**31)\n    return Importance(drops.mean(axis=1), drops.std(axis=1))\n",
            )
        ],
        message="the generator was used differently",
    ),
    Mutant(
        "zero_repeats_accepted",
        "n_repeats = 0 is not refused (NaN results)",
        replace=[("    if n_repeats < 1:\n", "    if n_repeats < 0:\n")],
    ),
    Mutant(
        "y_shape_unchecked",
        "a 2-D y broadcasts inside the metric",
        replace=[("    if y.shape != (n,):\n", "    if len(y) != n:\n")],
    ),
]

VARIANTS = [
    Variant(
        "one_batched_call",
        "every permuted copy of X stacked into one model call",
        append="""
def permutation_importance(predict, X, y, metric, n_repeats, rng):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or not X.size or y.shape != (len(X),):
        raise ValueError("X must be (n, d) and y (n,)")
    if not isinstance(n_repeats, (int, np.integer)) or isinstance(n_repeats, bool) or n_repeats < 1:
        raise ValueError("n_repeats must be a positive integer")
    n, d = X.shape
    copies = [X]
    for j in range(d):
        for _ in range(n_repeats):
            Z = X.copy()
            Z[:, j] = X[rng.permutation(n), j]
            copies.append(Z)
    predictions = np.asarray(predict(np.vstack(copies))).reshape(len(copies), n)
    scores = np.array([metric(y, p) for p in predictions], dtype=float)
    drops = (scores[0] - scores[1:]).reshape(d, n_repeats)
    mean = drops.mean(axis=1)
    return Importance(mean, np.sqrt(((drops - mean[:, None]) ** 2).mean(axis=1)))
""",
    ),
    Variant(
        "shuffled_column_copies",
        "shuffles a copy of each column with rng.shuffle (the same draws as permutation(n))",
        append="""
def permutation_importance(predict, X, y, metric, n_repeats, rng):
    X = np.array(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or not X.size or y.shape != (len(X),):
        raise ValueError("X must be (n, d) and y (n,)")
    if not isinstance(n_repeats, (int, np.integer)) or isinstance(n_repeats, bool) or n_repeats < 1:
        raise ValueError("n_repeats must be a positive integer")
    base = metric(y, predict(X))
    means, stds = [], []
    for j in range(X.shape[1]):
        keep = X[:, j].copy()
        drops = []
        for _ in range(n_repeats):
            column = keep.copy()
            rng.shuffle(column)
            X[:, j] = column
            drops.append(base - metric(y, predict(X)))
        X[:, j] = keep
        means.append(np.mean(drops))
        stds.append(np.std(drops))
    return Importance(np.array(means), np.array(stds))
""",
    ),
]
