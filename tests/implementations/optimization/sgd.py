"""Known mistakes in optimization/sgd (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

LOOP = "    for _ in range(int(n_epochs)):\n        perm = rng.permutation(n)\n"
GRAD = "grad = 2.0 / len(batch) * (Xb.T @ (Xb @ w - yb))"

MUTANTS = [
    Mutant(
        "one_permutation",
        "one permutation drawn before the first epoch and reused",
        replace=[(LOOP, "    perm = rng.permutation(n)\n    for _ in range(int(n_epochs)):\n")],
        message="one permutation for all epochs",
    ),
    Mutant(
        "drops_short_batch",
        "the short last batch is skipped",
        replace=[
            (
                "            batch = perm[start : start + batch_size]\n",
                "            batch = perm[start : start + batch_size]\n"
                "            if len(batch) < batch_size and n > batch_size:\n"
                "                continue\n",
            )
        ],
        message="short last batch is dropped",
    ),
    Mutant(
        "sum_not_mean",
        "the batch gradient summed over the batch",
        replace=[(GRAD, "grad = 2.0 * (Xb.T @ (Xb @ w - yb))")],
        message="summed, not averaged",
    ),
    Mutant(
        "divides_by_batch_size",
        "every batch divided by batch_size, the short one too",
        replace=[(GRAD, "grad = 2.0 / min(batch_size, n) * (Xb.T @ (Xb @ w - yb))")],
        message="divided by batch_size",
    ),
    Mutant(
        "no_shuffle",
        "draws the permutation but walks the data in order",
        replace=[("            batch = perm[start", "            batch = np.arange(n)[start")],
        message="not shuffled",
    ),
    Mutant(
        "missing_factor_2",
        "gradient of the MSE without the 2",
        replace=[(GRAD, "grad = 1.0 / len(batch) * (Xb.T @ (Xb @ w - yb))")],
        message="factor 2",
    ),
    Mutant(
        "extra_draw",
        "also draws a (discarded) permutation before training",
        replace=[("    w = np.zeros(d)\n", "    w = np.zeros(d)\n    rng.permutation(n)\n")],
        message="the generator was not used exactly",
    ),
    Mutant(
        "skips_permutation_for_full_batch",
        "no permutation drawn when one batch covers the data",
        replace=[
            (
                "        perm = rng.permutation(n)\n",
                "        perm = rng.permutation(n) if batch_size < n else np.arange(n)\n",
            )
        ],
        message="the generator was not used exactly",
    ),
    Mutant(
        "one_batch_per_epoch",
        "one random batch per epoch instead of a pass over the data",
        replace=[
            ("        for start in range(0, n, batch_size):\n", "        for start in (0,):\n")
        ],
        message="w is wrong",
    ),
    Mutant(
        "ascent",
        "w + lr * grad",
        replace=[("            w = w - lr * grad\n", "            w = w + lr * grad\n")],
        message="w is wrong",
    ),
    Mutant(
        "shuffles_input",
        "shuffles the caller's X and y in place each epoch, then walks them in order",
        replace=[
            (
                "        perm = rng.permutation(n)\n",
                "        perm = rng.permutation(n)\n"
                "        X[:], y[:] = X[perm], y[perm]\n"
                "        perm = np.arange(n)\n",
            )
        ],
        message="modified its input",
    ),
    Mutant(
        "no_validation",
        "batch_size 0 accepted",
        replace=[("    if int(batch_size) != batch_size or batch_size < 1:\n", "    if False:\n")],
        message="should raise ValueError",
    ),
]

VARIANTS = [
    Variant(
        "shuffle_indices",
        "rng.shuffle of np.arange(n) (the same draws as rng.permutation(n)), per-sample sums",
        append="""
def sgd_linear_regression(X, y, lr, n_epochs, batch_size, rng):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("X must be a non-empty (n, d) array and y an (n,) array")
    if lr <= 0 or n_epochs < 0 or batch_size < 1 or batch_size != int(batch_size):
        raise ValueError("need lr > 0, n_epochs >= 0 and an integer batch_size >= 1")
    n = len(y)
    w = np.zeros(X.shape[1])
    for _ in range(n_epochs):
        order = np.arange(n)
        rng.shuffle(order)
        batches = np.array_split(order, range(batch_size, n, batch_size))
        for B in batches:
            g = np.zeros_like(w)
            for i in B:
                g += 2 * (X[i] @ w - y[i]) * X[i]
            w -= lr * g / len(B)
    return w
""",
    ),
    Variant(
        "permute_rows",
        "rng.permutation of the stacked rows [X | y] (the same draws as rng.permutation(n)), "
        "then consecutive slices of the shuffled copy",
        append="""
def sgd_linear_regression(X, y, lr, n_epochs, batch_size, rng):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.size == 0 or len(y) != len(X):
        raise ValueError("X must be a non-empty (n, d) array and y an (n,) array")
    if lr <= 0 or n_epochs < 0 or batch_size < 1 or batch_size != int(batch_size):
        raise ValueError("need lr > 0, n_epochs >= 0 and an integer batch_size >= 1")
    n, d = X.shape
    w = np.zeros(d)
    data = np.column_stack([X, y])
    for _ in range(n_epochs):
        shuffled = rng.permutation(data)
        for k in range(0, n, batch_size):
            Xb, yb = shuffled[k : k + batch_size, :d], shuffled[k : k + batch_size, d]
            w = w - lr * 2 * Xb.T @ (Xb @ w - yb) / len(yb)
    return w
""",
    ),
]
