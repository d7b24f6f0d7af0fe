"""Known mistakes in evaluation/fairness (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

DPD = "    return max(rates) - min(rates)\n"
EOD = "    return max(max(tpr) - min(tpr), max(fpr) - min(fpr))\n"

MUTANTS = [
    Mutant(
        "dpd_against_overall",
        "largest distance of a group's rate to the overall rate",
        replace=[(DPD, "    return max(abs(r - float(np.mean(y_pred))) for r in rates)\n")],
        message="overall rate",
    ),
    Mutant(
        "dpd_ratio",
        "the disparate-impact ratio min / max",
        replace=[(DPD, "    return min(rates) / max(rates) if max(rates) > 0 else 0.0\n")],
        message="ratio min / max",
    ),
    Mutant(
        "dpd_first_two_groups",
        "|rate of the first group - rate of the second| (0 for one group)",
        replace=[(DPD, "    return abs(rates[0] - rates[1]) if len(rates) > 1 else 0.0\n")],
        message="first two groups",
    ),
    Mutant(
        "eod_tpr_only",
        "equal opportunity: the TPR gap only",
        replace=[(EOD, "    return max(tpr) - min(tpr)\n")],
        message="TPR gap only",
    ),
    Mutant(
        "eod_mean_of_gaps",
        "the mean of the TPR and FPR gaps",
        replace=[(EOD, "    return ((max(tpr) - min(tpr)) + (max(fpr) - min(fpr))) / 2\n")],
        message="mean of the TPR and FPR gaps",
    ),
    Mutant(
        "eod_sum_of_gaps",
        "the sum of the TPR and FPR gaps",
        replace=[(EOD, "    return (max(tpr) - min(tpr)) + (max(fpr) - min(fpr))\n")],
        message="sum of the TPR and FPR gaps",
    ),
    Mutant(
        "eod_fpr_over_all_negatives",
        "FPR as false positives over the whole group",
        replace=[
            (
                "        fpr.append(float(np.mean(y_pred[negatives])))\n",
                "        fpr.append(float(np.sum(y_pred[negatives]) / np.sum(in_g)))\n",
            )
        ],
    ),
    Mutant(
        "eod_missing_class_is_zero",
        "a group without positives or negatives gets rate 0 instead of an error",
        replace=[
            (
                "        if not positives.any() or not negatives.any():\n",
                "        if False:\n",
            ),
            (
                "        tpr.append(float(np.mean(y_pred[positives])))\n"
                "        fpr.append(float(np.mean(y_pred[negatives])))\n",
                "        tpr.append(float(np.sum(y_pred[positives]) / max(positives.sum(), 1)))\n"
                "        fpr.append(float(np.sum(y_pred[negatives]) / max(negatives.sum(), 1)))\n",
            ),
        ],
    ),
    Mutant(
        "dpd_no_label_check",
        "predictions other than 0/1 are averaged as they are",
        replace=[
            (
                "    if not np.all((y_pred == 0) | (y_pred == 1)):\n"
                '        raise ValueError("predictions must be 0 or 1")\n',
                "",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "sklearn_recall",
        "TPR as scikit-learn's recall_score per group and FPR as 1 - its recall of class 0 "
        "(the specificity); the positive rate as the mean of y_pred",
        append="""
def equalized_odds_difference(y_true, y_pred, group):
    from sklearn.metrics import recall_score

    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    if y_true.ndim != 1 or y_true.size == 0 or not y_true.shape == y_pred.shape == group.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y_true, [0, 1])) or not np.all(np.isin(y_pred, [0, 1])):
        raise ValueError("labels must be 0 or 1")
    tpr, fpr = [], []
    for g in np.unique(group):
        t, p = y_true[group == g], y_pred[group == g]
        if np.unique(t).size < 2:
            raise ValueError("a group lacks positives or negatives")
        tpr.append(recall_score(t, p, pos_label=1))
        fpr.append(1 - recall_score(t, p, pos_label=0))
    return float(max(np.ptp(tpr), np.ptp(fpr)))
""",
    ),
    Variant(
        "bincount",
        "group codes from np.unique(return_inverse) and rates by np.bincount",
        append="""
def _codes(group):
    return np.unique(group, return_inverse=True)[1].ravel()


def demographic_parity_difference(y_pred, group):
    y_pred, group = np.asarray(y_pred), np.asarray(group)
    if y_pred.ndim != 1 or y_pred.size == 0 or y_pred.shape != group.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y_pred, [0, 1])):
        raise ValueError("predictions must be 0 or 1")
    codes = _codes(group)
    rates = np.bincount(codes, weights=y_pred) / np.bincount(codes)
    return float(np.ptp(rates))


def equalized_odds_difference(y_true, y_pred, group):
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    if y_true.ndim != 1 or y_true.size == 0 or not y_true.shape == y_pred.shape == group.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y_true, [0, 1])) or not np.all(np.isin(y_pred, [0, 1])):
        raise ValueError("labels must be 0 or 1")
    codes = _codes(group)
    k = codes.max() + 1
    gaps = []
    for cls in (1, 0):
        mask = y_true == cls
        n = np.bincount(codes[mask], minlength=k)
        if np.any(n == 0):
            raise ValueError("a group lacks positives or negatives")
        gaps.append(np.ptp(np.bincount(codes[mask], weights=y_pred[mask], minlength=k) / n))
    return float(max(gaps))
""",
    ),
]
