from mlkata.mutation import Mutant, Variant

RESULT = "    return float(1.0 - np.sum(p**2))\n"
PROPORTIONS = "    p = counts / y.size  # class proportions\n"

MUTANTS = [
    Mutant(
        "purity",
        "sum of p_k**2 without the 1 -",
        replace=[(RESULT, "    return float(np.sum(p**2))\n")],
        message="without the 1 -",
    ),
    Mutant(
        "not_squared",
        "1 - sum of p_k",
        replace=[(RESULT, "    return float(1.0 - np.sum(p))\n")],
        message="always 0",
    ),
    Mutant(
        "counts_not_proportions",
        "1 - sum of count_k**2",
        replace=[(PROPORTIONS, "    p = counts\n")],
        message="class counts instead of proportions",
    ),
    Mutant(
        "divides_by_number_of_classes",
        "counts / K instead of counts / n",
        replace=[(PROPORTIONS, "    p = counts / counts.size\n")],
        message="divided by the number of classes",
    ),
    Mutant(
        "entropy",
        "returns the entropy in bits",
        replace=[(RESULT, "    return float(-np.sum(p * np.log2(p)))\n")],
        message="the entropy in bits",
    ),
    Mutant(
        "without_replacement",
        "the unbiased n / (n - 1) version (0 for a single sample)",
        replace=[(RESULT, "    return float(1.0 - np.sum(p**2)) * y.size / max(y.size - 1, 1)\n")],
        message="draws without replacement",
    ),
    Mutant(
        "misclassification",
        "1 - max p_k",
        replace=[(RESULT, "    return float(1.0 - p.max())\n")],
        message="the misclassification rate",
    ),
    Mutant(
        "bincount",
        "np.bincount for the counts: fails on strings and negative labels",
        replace=[
            (
                "    _, counts = np.unique(y, return_counts=True)\n",
                "    counts = np.bincount(y)\n",
            )
        ],
    ),
    Mutant(
        "no_empty_check",
        "an empty y gives 1.0 instead of an error",
        replace=[("    if y.size == 0:\n", "    if False:\n")],
    ),
    Mutant(
        "no_ndim_check",
        "a 2-D array is flattened by np.unique instead of rejected",
        replace=[("    if y.ndim != 1:\n", "    if False:\n")],
    ),
    Mutant(
        "sorts_in_place",
        "y.sort() on the caller's array to count runs",
        replace=[(PROPORTIONS, "    y.sort()\n" + PROPORTIONS)],
        message="modified its input `y`",
    ),
]

VARIANTS = [
    Variant(
        "pairwise_disagreement",
        "the share of pairs (with replacement) with different labels, from the counts",
        append="""
def gini_impurity(y):
    from collections import Counter

    if np.ndim(y) != 1 or len(y) == 0:
        raise ValueError("y must be a non-empty 1-D array")
    labels = np.asarray(y).tolist()
    n = len(labels)
    same = sum(c * c for c in Counter(labels).values())
    return (n * n - same) / (n * n)
""",
    ),
    Variant(
        "sum_p_one_minus_p",
        "sum of p_k (1 - p_k) over the classes found by np.unique(return_inverse)",
        append="""
def gini_impurity(y):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("y must be a non-empty 1-D array")
    _, codes = np.unique(y, return_inverse=True)
    p = np.bincount(codes) / len(y)
    return np.dot(p, 1 - p)
""",
    ),
]
