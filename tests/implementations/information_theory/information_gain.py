from mlkata.mutation import Mutant, Variant

WEIGHTED = "            gain -= side.size / n * label_entropy(side)\n"
LOOP = "    for side in (y[mask], y[~mask]):\n"
GUARD = "        if side.size > 0:  # an empty side has weight 0 and contributes 0\n"
PROPORTIONS = (
    "        return entropy(counts / labels.size)  # proportions within this group, in bits\n"
)
RESULT = "    return max(float(gain), 0.0)  # >= 0: clip rounding below 0\n"

CHECK = """
def _check(y, mask):
    y, mask = np.asarray(y), np.asarray(mask)
    if y.ndim != 1 or y.size == 0 or mask.shape != y.shape or mask.dtype != bool:
        raise ValueError("y must be non-empty and 1-D, mask boolean of the same shape")
    return y, mask
"""

MUTANTS = [
    Mutant(
        "unweighted_mean",
        "H(y) - (H(left) + H(right)) / 2",
        replace=[(WEIGHTED, "            gain -= label_entropy(side) / 2\n")],
        message="unweighted child entropies",
    ),
    Mutant(
        "unweighted_sum",
        "H(y) - H(left) - H(right)",
        replace=[
            (WEIGHTED, "            gain -= label_entropy(side)\n"),
            (RESULT, "    return gain\n"),
        ],
        message="unweighted child entropies",
    ),
    Mutant(
        "weights_swapped",
        "|R| / n weights the left side and |L| / n the right one",
        replace=[(WEIGHTED, "            gain -= (n - side.size) / n * label_entropy(side)\n")],
        message="swapped",
    ),
    Mutant(
        "proportions_over_n",
        "class proportions of each side divided by len(y) instead of the side's size",
        append=CHECK
        + """
def information_gain(y, mask):
    y, mask = _check(y, mask)
    n = y.size

    def h(labels, denominator):
        _, counts = np.unique(labels, return_counts=True)
        p = counts / denominator
        return -np.sum(p * np.log2(p))

    gain = h(y, n)
    for side in (y[mask], y[~mask]):
        if side.size:
            gain -= side.size / n * h(side, n)
    return gain
""",
        message="divided by len(y), not by the size of that side",
    ),
    Mutant(
        "conditional_entropy",
        "returns the weighted child entropy instead of H(y) minus it",
        replace=[
            ("    gain = label_entropy(y)\n", "    gain = 0.0\n"),
            (RESULT, "    return -gain\n"),
        ],
        message="the weighted child entropy alone",
    ),
    Mutant(
        "natural_log",
        "entropies in nats",
        replace=[(PROPORTIONS, "        return entropy(counts / labels.size, np.e)\n")],
        message="the natural log (nats)",
    ),
    Mutant(
        "empty_side_not_skipped",
        "the entropy of an empty side is computed (the entropy kata rejects it)",
        replace=[(GUARD, "        if True:\n")],
        message="an empty side is allowed",
    ),
    Mutant(
        "empty_side_nan",
        "class proportions as np.mean(side == k): 0/0 = nan for an empty side",
        append=CHECK
        + """
def information_gain(y, mask):
    y, mask = _check(y, mask)
    classes = np.unique(y)

    def h(labels):
        p = np.array([np.mean(labels == k) for k in classes])
        p = p[p > 0]
        return -np.sum(p * np.log2(p))

    n = y.size
    return h(y) - mask.sum() / n * h(y[mask]) - (~mask).sum() / n * h(y[~mask])
""",
        message="An empty side has weight 0",
    ),
    Mutant(
        "integer_mask_accepted",
        "a 0/1 integer mask is converted instead of rejected",
        replace=[("    if mask.dtype != bool:\n", "    mask = mask.astype(bool)\n    if False:\n")],
    ),
    Mutant(
        "no_length_check",
        "a mask of the wrong length reaches y[mask] (IndexError)",
        replace=[("    if mask.shape != y.shape:\n", "    if mask.ndim != 1:\n")],
    ),
    Mutant(
        "sorts_y_in_place",
        "y.sort() on the caller's array (and the mask no longer lines up)",
        replace=[("    n = y.size\n", "    y.sort()\n    n = y.size\n")],
        message="modified its input `y`",
    ),
    Mutant(
        "bincount",
        "np.bincount for the counts: fails on strings and negative labels",
        replace=[
            (
                "        _, counts = np.unique(labels, return_counts=True)\n",
                "        counts = np.bincount(labels)\n        counts = counts[counts > 0]\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "counter",
        "collections.Counter and math.log2 in plain Python",
        append=CHECK
        + """
def information_gain(y, mask):
    import math
    from collections import Counter

    y, mask = _check(y, mask)
    labels, flags = y.tolist(), mask.tolist()

    def h(values):
        total = len(values)
        return -sum(c / total * math.log2(c / total) for c in Counter(values).values())

    left = [v for v, m in zip(labels, flags) if m]
    right = [v for v, m in zip(labels, flags) if not m]
    gain = h(labels)
    for side in (left, right):
        if side:
            gain -= len(side) / len(labels) * h(side)
    return gain
""",
    ),
    Variant(
        "mutual_information_of_the_contingency_table",
        "IG = I(label; side): the mutual information of the (class x side) count table",
        append=CHECK
        + """
def information_gain(y, mask):
    from information_theory.mutual_information import mutual_information

    y, mask = _check(y, mask)
    _, codes = np.unique(y, return_inverse=True)
    table = np.zeros((codes.max() + 1, 2))
    np.add.at(table, (codes, mask.astype(int)), 1.0)
    return mutual_information(table / y.size)
""",
    ),
]
