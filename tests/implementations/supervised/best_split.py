"""Known mistakes in supervised/best_split (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

THRESHOLD = "            threshold = (xs[cut[k]] + xs[cut[k] + 1]) / 2\n"
GAINS = "        gains = parent - n_left * impurity(left) - (1.0 - n_left) * impurity(right)\n"
PICK = "        k = int(np.argmax(gains >= gains.max() - 1e-12))  # lowest threshold among ties\n"
KEEP = (
    "        if best.feature is None or gains[k] > best.gain + 1e-12:  # lowest feature on ties\n"
)

CHECK = """
def _check(X, y, criterion):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or y.size == 0:
        raise ValueError("X must be (n, d) and y (n,), with n > 0")
    if criterion not in ("gini", "entropy"):
        raise ValueError("criterion must be gini or entropy")
    return X, y
"""

MUTANTS = [
    Mutant(
        "threshold_lower_value",
        "the threshold is the lower of the two values, not their midpoint",
        replace=[(THRESHOLD, "            threshold = xs[cut[k]]\n")],
        message="the threshold is the lower value a",
    ),
    Mutant(
        "threshold_upper_value",
        "the threshold is the upper of the two values (and x < t goes left)",
        replace=[(THRESHOLD, "            threshold = xs[cut[k] + 1]\n")],
        message="the threshold is the upper value b",
    ),
    Mutant(
        "unweighted_children",
        "I(y) - I(left) - I(right): the children's impurities are not weighted",
        replace=[(GAINS, "        gains = parent - impurity(left) - impurity(right)\n")],
        message="not weighted by |side| / n",
    ),
    Mutant(
        "entropy_in_nats",
        "the entropy with the natural log",
        replace=[("np.log2(np.where", "np.log(np.where")],
        message="in nats",
    ),
    Mutant(
        "criterion_ignored",
        "always the Gini impurity, whatever the criterion",
        replace=[('        if criterion == "gini":\n', "        if True:\n")],
        message="the gini criterion was used where entropy was asked",
    ),
    Mutant(
        "threshold_ties_to_the_highest",
        "among tied thresholds of a feature, the last (highest) one is kept",
        replace=[
            (
                PICK,
                "        top = gains >= gains.max() - 1e-12\n"
                "        k = top.size - 1 - int(np.argmax(top[::-1]))\n",
            )
        ],
        message="ties go to the lowest feature, then the lowest threshold",
    ),
    Mutant(
        "feature_ties_to_the_highest",
        "a later feature replaces the best one when it ties (>= instead of >)",
        replace=[(KEEP, "        if best.feature is None or gains[k] >= best.gain - 1e-12:\n")],
        message="ties go to the lowest feature, then the lowest threshold",
    ),
    Mutant(
        "exact_argmax_across_features",
        "a later feature replaces the best one when its gain is larger by rounding only",
        replace=[(KEEP, "        if best.feature is None or gains[k] > best.gain - 1e-15:\n")],
        message="ties go to the lowest feature",
    ),
    Mutant(
        "no_split_without_gain",
        "a split with gain 0 is dropped: Split(None, None, 0.0) instead",
        replace=[
            (
                "    return best\n",
                "    return best if best.gain > 0 else Split(None, None, 0.0)\n",
            )
        ],
        message="it is returned even when its gain is 0",
    ),
    Mutant(
        "cuts_between_equal_values",
        "candidate cuts between equal values too (the threshold then sends both left)",
        replace=[
            (
                "        cut = np.flatnonzero(xs[:-1] < xs[1:])",
                "        cut = np.arange(xs.size - 1)",
            )
        ],
    ),
    Mutant(
        "weighted_impurity_returned",
        "the children's weighted impurity is returned as the gain (and minimised)",
        replace=[
            (
                GAINS,
                "        gains = -(n_left * impurity(left) + (1 - n_left) * impurity(right))\n",
            ),
            (
                "Split(j, float(threshold), max(float(gains[k]), 0.0))",
                "Split(j, threshold, -gains[k])",
            ),
        ],
    ),
    Mutant(
        "criterion_not_validated",
        "an unknown criterion silently means the entropy",
        replace=[('    if criterion not in ("gini", "entropy"):\n', "    if False:\n")],
    ),
    Mutant(
        "no_length_check",
        "X and y of different lengths are not rejected",
        replace=[("    if X.shape[0] != y.shape[0]:\n", "    if False:\n")],
    ),
    Mutant(
        "sorts_X_in_place",
        "each column of the caller's X is sorted in place",
        replace=[
            (
                "        xs = X[order, j]\n",
                "        xs = X[order, j]\n        X[:, j] = xs\n        order = np.arange(xs.size)\n",
            )
        ],
        message="modified its input `X`",
    ),
]

VARIANTS = [
    Variant(
        "brute_force_from_the_top",
        "every midpoint scored with the information_theory katas, scanned from the last "
        "feature and the highest threshold down, a tie replacing the best so far",
        append=CHECK
        + """
def best_split(X, y, criterion="gini"):
    from information_theory.gini import gini_impurity
    from information_theory.information_gain import information_gain

    X, y = _check(X, y, criterion)
    best = None
    for j in reversed(range(X.shape[1])):
        values = np.unique(X[:, j])
        for t in reversed((values[:-1] + values[1:]) / 2):
            mask = X[:, j] <= t
            if criterion == "entropy":
                gain = information_gain(y, mask)
            else:
                w = mask.mean()
                gain = gini_impurity(y) - w * gini_impurity(y[mask]) - (1 - w) * gini_impurity(
                    y[~mask]
                )
            if best is None or gain >= best[2] - 1e-12:
                best = (j, float(t), float(gain))
    return Split(*best) if best is not None else Split(None, None, 0.0)
""",
    ),
]
