"""Known mistakes in capstones/adjusted_rand (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "plain_rand",
        "returns the unadjusted Rand index",
        replace=[
            (
                "    if denominator == 0:\n        return 1.0\n"
                "    return float((index - expected) / denominator)\n",
                "    if n < 2:\n        return 1.0\n"
                "    return float((pairs(n) + 2 * index - A - B) / pairs(n))\n",
            )
        ],
        message="plain Rand index",
    ),
    Mutant(
        "squares",
        "counts n_ij**2 / 2 instead of pairs",
        replace=[("return m * (m - 1) / 2", "return m * m / 2")],
    ),
    Mutant(
        "max_denominator",
        "uses max(A, B) - E as the denominator",
        replace=[("denominator = (A + B) / 2 - expected", "denominator = max(A, B) - expected")],
        message="not max(A, B) minus E",
    ),
    Mutant(
        "no_expected",
        "does not subtract the expected index",
        replace=[
            (
                "return float((index - expected) / denominator)",
                "return float(index / ((A + B) / 2))",
            )
        ],
        message="forgot to subtract the expected index",
    ),
    Mutant(
        "degenerate_zero",
        "returns 0 (or nan) for identical trivial partitions",
        replace=[
            (
                "    if denominator == 0:\n        return 1.0\n",
                "    if denominator == 0:\n        return 0.0\n",
            )
        ],
    ),
    Mutant(
        "bincount_labels",
        "uses the raw labels as table indices: fails on negative labels and strings",
        replace=[
            (
                "    _, ia = np.unique(a, return_inverse=True)\n"
                "    _, ib = np.unique(b, return_inverse=True)\n",
                "    ia, ib = a.astype(int), b.astype(int)\n",
            )
        ],
    ),
    Mutant(
        "lengths_unchecked",
        "does not check that the labellings have the same length",
        replace=[("    if a.shape != b.shape:\n", "    if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "half_n_squared",
        "counts the pairs among all n points as n^2 / 2 in E",
        replace=[
            ("expected = A * B / pairs(n) if n > 1", "expected = A * B / (n * n / 2) if n > 1")
        ],
    ),
    Mutant(
        "geometric_mean_denominator",
        "the denominator as sqrt(A B) - E instead of (A + B) / 2 - E",
        replace=[
            ("denominator = (A + B) / 2 - expected", "denominator = np.sqrt(A * B) - expected")
        ],
    ),
]

VARIANTS = [
    Variant(
        "sklearn",
        "validates, then calls sklearn.metrics.adjusted_rand_score",
        append="""
def adjusted_rand(labels_true, labels_pred):
    from sklearn.metrics import adjusted_rand_score

    a, b = np.asarray(labels_true), np.asarray(labels_pred)
    if a.ndim != 1 or b.ndim != 1 or a.size == 0 or a.shape != b.shape:
        raise ValueError("labels must be non-empty 1-D arrays of the same length")
    return float(adjusted_rand_score(a, b))
""",
    ),
    Variant(
        "pair_confusion",
        "counts pairs by the 2x2 pair confusion matrix, in exact integers",
        append="""
def adjusted_rand(labels_true, labels_pred):
    from collections import Counter

    a, b = np.asarray(labels_true), np.asarray(labels_pred)
    if a.ndim != 1 or b.ndim != 1 or a.size == 0 or a.shape != b.shape:
        raise ValueError("labels must be non-empty 1-D arrays of the same length")
    n = a.size
    c2 = lambda m: m * (m - 1) // 2
    both = sum(c2(m) for m in Counter(zip(a.tolist(), b.tolist())).values())
    in_a = sum(c2(m) for m in Counter(a.tolist()).values())
    in_b = sum(c2(m) for m in Counter(b.tolist()).values())
    tp, fn, fp = both, in_a - both, in_b - both
    tn = c2(n) - tp - fn - fp
    if fn == 0 and fp == 0:
        return 1.0
    return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
""",
    ),
    Variant(
        "review_counter_fractions",
        "the contingency table from a Counter of label pairs, ARI in exact fractions",
        append="""
def adjusted_rand(labels_true, labels_pred):
    from collections import Counter
    from fractions import Fraction

    a = np.asarray(labels_true)
    b = np.asarray(labels_pred)
    if a.ndim != 1 or b.ndim != 1 or a.size == 0 or a.shape != b.shape:
        raise ValueError("the labellings must be non-empty 1-D arrays of equal length")
    pairs = list(zip(a.tolist(), b.tolist()))
    c2 = lambda m: m * (m - 1) // 2
    index = sum(c2(m) for m in Counter(pairs).values())
    A = sum(c2(m) for m in Counter(p[0] for p in pairs).values())
    B = sum(c2(m) for m in Counter(p[1] for p in pairs).values())
    N = c2(len(pairs))
    if N == 0:
        return 1.0
    E = Fraction(A * B, N)
    den = Fraction(A + B, 2) - E
    if den == 0:
        return 1.0
    return float((index - E) / den)
""",
    ),
]
