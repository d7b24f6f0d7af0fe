"""Known mistakes in evaluation/isotonic (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MERGE = "            means[-1] = (weights[-1] * means[-1] + wt * m) / total\n"

MUTANTS = [
    Mutant(
        "unweighted_block_merge",
        "merges two blocks by the plain mean of their values",
        replace=[(MERGE, "            means[-1] = (means[-1] + m) / 2\n")],
        message="plain mean of their values",
    ),
    Mutant(
        "ignores_weights",
        "treats every weight as 1",
        replace=[
            (
                "    for value, weight in zip(y.tolist(), w.tolist(), strict=True):\n",
                "    for value, weight in zip(y.tolist(), [1.0] * y.size, strict=True):\n",
            )
        ],
        message="weights were ignored",
    ),
    Mutant(
        "non_increasing",
        "pools when the last block is above the one before: a non-increasing fit",
        replace=[("means[-2] > means[-1]", "means[-2] < means[-1]")],
        message="non-increasing fit",
    ),
    Mutant(
        "no_backtracking",
        "pools the new point with the previous block once, never checking further back",
        replace=[
            (
                "        while len(means) > 1 and means[-2] > means[-1]:\n",
                "        if len(means) > 1 and means[-2] > means[-1]:\n",
            )
        ],
        message="keep pooling backwards",
    ),
    Mutant(
        "merge_forgets_size",
        "pools the values but keeps the block size 1",
        replace=[("            sizes[-1] += sz\n", "")],
        message="has shape",
    ),
    Mutant(
        "zero_weight_allowed",
        "accepts zero weights",
        replace=[("        if not np.all(w > 0):\n", "        if not np.all(w >= 0):\n")],
    ),
    Mutant(
        "weights_shape_unchecked",
        "does not check the shape of w (zip truncates)",
        replace=[
            ("        if w.shape != y.shape:\n", "        if False:\n"),
            ("zip(y.tolist(), w.tolist(), strict=True)", "zip(y.tolist(), w.tolist())"),
        ],
    ),
    Mutant(
        "sorts_y",
        "returns y sorted: non-decreasing, but not the least-squares fit",
        append="""
def isotonic_regression(y, w=None):
    y = np.asarray(y, dtype=float)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("y must be 1-D and non-empty")
    if w is not None and (np.shape(w) != y.shape or np.any(np.asarray(w) <= 0)):
        raise ValueError("bad weights")
    return np.sort(y)
""",
    ),
    Mutant(
        "in_place",
        "writes the fit into y when y is an array",
        replace=[
            (
                "    return np.repeat(means, sizes)\n",
                "    out = np.repeat(means, sizes)\n"
                "    if isinstance(y_in, np.ndarray):\n"
                "        y_in[...] = out\n"
                "    return out\n",
            ),
            (
                "    y = np.asarray(y, dtype=float)\n    if y.ndim != 1:\n",
                "    y_in = y\n    y = np.asarray(y, dtype=float)\n    if y.ndim != 1:\n",
            ),
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "sklearn",
        "scikit-learn's IsotonicRegression on x = 0 .. n - 1 with sample_weight",
        append="""
def isotonic_regression(y, w=None):
    from sklearn.isotonic import IsotonicRegression

    y = np.asarray(y, dtype=float)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("y must be 1-D and non-empty")
    if w is not None:
        w = np.asarray(w, dtype=float)
        if w.shape != y.shape or np.any(w <= 0):
            raise ValueError("w must be positive with y's shape")
    x = np.arange(y.size, dtype=float)
    return IsotonicRegression().fit_transform(x, y, sample_weight=w)
""",
    ),
    Variant(
        "repeated_pooling",
        "blocks as lists; scan for the first adjacent violation, pool it, rescan",
        append="""
def isotonic_regression(y, w=None):
    y = np.asarray(y, dtype=float)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("y must be 1-D and non-empty")
    w = np.ones_like(y) if w is None else np.asarray(w, dtype=float)
    if w.shape != y.shape or np.any(w <= 0):
        raise ValueError("w must be positive with y's shape")
    blocks = [[i] for i in range(y.size)]

    def value(block):
        return np.sum(w[block] * y[block]) / np.sum(w[block])

    changed = True
    while changed:
        changed = False
        for b in range(len(blocks) - 1):
            if value(blocks[b]) > value(blocks[b + 1]):
                blocks[b : b + 2] = [blocks[b] + blocks[b + 1]]
                changed = True
                break
    out = np.empty_like(y)
    for block in blocks:
        out[block] = value(block)
    return out
""",
    ),
]
