"""Known mistakes in capstones/group_rates (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "selection_over_all",
        "divides a group's selections by all n samples",
        replace=[
            (
                "        table[0, j] = np.mean(pg == 1)\n",
                "        table[0, j] = np.sum(pg == 1) / y.size\n",
            )
        ],
        message="divided by all n samples",
    ),
    Mutant(
        "tpr_over_group",
        "divides the true positives by the group's size",
        replace=[
            (
                "            table[1, j] = np.mean(pg[yg == 1] == 1)\n",
                "            table[1, j] = np.sum(pg[yg == 1] == 1) / yg.size\n",
            )
        ],
        message="not by the group's size",
    ),
    Mutant(
        "fpr_of_positives",
        "counts the positives predicted 0 (the miss rate) as the FPR",
        replace=[
            (
                "            table[2, j] = np.mean(pg[yg == 0] == 1)\n",
                "            table[2, j] = np.mean(pg[yg == 1] == 0)\n",
            )
        ],
        message="not positives predicted 0",
    ),
    Mutant(
        "tpr_fpr_swapped",
        "returns the FPR as the TPR and the TPR as the FPR",
        replace=[
            (
                "    return GroupRates(groups, *table)\n",
                "    return GroupRates(groups, table[0], table[2], table[1], table[3])\n",
            )
        ],
        message="swapped",
    ),
    Mutant(
        "undefined_as_zero",
        "gives an undefined rate 0 instead of nan",
        replace=[
            (
                "    table = np.full((4, groups.size), np.nan)\n",
                "    table = np.zeros((4, groups.size))\n",
            )
        ],
        message="nan, not 0",
    ),
    Mutant(
        "error_rate",
        "returns the error rate as the accuracy",
        replace=[
            (
                "        table[3, j] = np.mean(pg == yg)\n",
                "        table[3, j] = np.mean(pg != yg)\n",
            )
        ],
        message="that is the error rate",
    ),
    Mutant(
        "groups_in_order_of_appearance",
        "lists the groups in the order they first appear",
        replace=[
            (
                "    groups = np.unique(g)\n",
                "    groups = g[np.sort(np.unique(g, return_index=True)[1])]\n",
            )
        ],
        message="(sorted)",
    ),
    Mutant(
        "labels_unchecked",
        "accepts labels and predictions other than 0 and 1",
        replace=[
            ("        if not np.all((labels == 0) | (labels == 1)):\n", "        if False:\n")
        ],
    ),
]

MUTANTS += [
    Mutant(
        "tpr_as_precision",
        "the TPR as the share of the predicted positives that are positive (precision)",
        replace=[
            (
                "        if np.any(yg == 1):\n            table[1, j] = np.mean(pg[yg == 1] == 1)\n",
                "        if np.any(pg == 1):\n            table[1, j] = np.mean(yg[pg == 1] == 1)\n",
            )
        ],
    ),
    Mutant(
        "fpr_over_group",
        "the FPR divides the false positives by the group's size, not its negatives",
        replace=[
            (
                "table[2, j] = np.mean(pg[yg == 0] == 1)",
                "table[2, j] = np.mean((pg == 1) & (yg == 0))",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "sklearn_confusion_matrix",
        "scikit-learn's confusion_matrix(labels=[0, 1]) per group gives TN, FP, FN, TP",
        append="""
def group_rates(y_true, y_pred, group):
    from sklearn.metrics import confusion_matrix

    y, p, g = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    if y.ndim != 1 or p.ndim != 1 or g.ndim != 1 or y.size == 0:
        raise ValueError("inputs must be 1-D and non-empty")
    if not y.shape == p.shape == g.shape:
        raise ValueError("lengths differ")
    if not (np.isin(y, [0, 1]).all() and np.isin(p, [0, 1]).all()):
        raise ValueError("labels must be 0/1")
    groups = np.unique(g)
    cols = []
    for name in groups:
        tn, fp, fn, tp = confusion_matrix(
            y[g == name].astype(int), p[g == name].astype(int), labels=[0, 1]
        ).ravel()
        size = tn + fp + fn + tp
        cols.append((
            (tp + fp) / size,
            tp / (tp + fn) if tp + fn else np.nan,
            fp / (fp + tn) if fp + tn else np.nan,
            (tp + tn) / size,
        ))
    return GroupRates(groups, *np.array(cols, dtype=float).T)
""",
    ),
    Variant(
        "review_bincount_inverse",
        "np.unique(return_inverse) and weighted bincounts, nan from 0/0 under errstate",
        append="""
def group_rates(y_true, y_pred, group):
    y = np.asarray(y_true)
    p = np.asarray(y_pred)
    g = np.asarray(group)
    if y.ndim != 1 or p.ndim != 1 or g.ndim != 1:
        raise ValueError("the inputs must be 1-D")
    if y.size == 0 or not (y.shape == p.shape == g.shape):
        raise ValueError("the inputs must be non-empty and of equal length")
    if not (np.all((y == 0) | (y == 1)) and np.all((p == 0) | (p == 1))):
        raise ValueError("labels and predictions must be 0 or 1")
    groups, inv = np.unique(g, return_inverse=True)
    inv = inv.ravel()
    m = groups.size
    cnt = lambda w: np.bincount(inv, weights=w.astype(float), minlength=m)
    yb, pb = (y == 1), (p == 1)
    size, pos, neg = cnt(np.ones_like(yb)), cnt(yb), cnt(~yb)
    with np.errstate(invalid="ignore", divide="ignore"):
        sel = cnt(pb) / size
        tpr = np.where(pos > 0, cnt(pb & yb) / pos, np.nan)
        fpr = np.where(neg > 0, cnt(pb & ~yb) / neg, np.nan)
        acc = cnt(pb == yb) / size
    return GroupRates(groups, sel, tpr, fpr, acc)
""",
    ),
]
