"""Known mistakes in evaluation/fraud_threshold (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RETURN = '    return float(thresholds[ok].min()) if np.any(ok) else float("inf")\n'

MUTANTS = [
    Mutant(
        "largest_threshold",
        "returns the largest qualifying score",
        replace=[(RETURN, RETURN.replace(".min()", ".max()"))],
        message="the LARGEST qualifying score",
    ),
    Mutant(
        "assumes_monotone",
        "walks down from the top score and stops at the first failure",
        replace=[
            (
                RETURN,
                "    if not ok[0]:\n"
                '        return float("inf")\n'
                "    first_fail = np.argmin(ok) if not np.all(ok) else ok.size\n"
                "    return float(thresholds[first_fail - 1])\n",
            )
        ],
        message="not monotone",
    ),
    Mutant(
        "ties_split",
        "precision after every sample in sorted order, tied runs split",
        replace=[
            (
                "    last_of_run = np.r_[s_desc[1:] != s_desc[:-1], True]\n",
                "    last_of_run = np.ones(s.size, dtype=bool)\n",
            )
        ],
        message="tied scores split",
    ),
    Mutant(
        "strict_flagging",
        "flags scores > t: the precision at t is that of the run above it",
        replace=[
            (
                "    precision = caught[last_of_run] / flagged[last_of_run]\n"
                "    thresholds = s_desc[last_of_run]\n",
                "    precision = caught[last_of_run][:-1] / flagged[last_of_run][:-1]\n"
                "    thresholds = s_desc[last_of_run][1:]\n",
            )
        ],
        message="flagged scores > t",
    ),
    Mutant(
        "target_exclusive",
        "requires precision > target",
        replace=[("    ok = precision >= target\n", "    ok = precision > target\n")],
        message="equal to the target is enough",
    ),
    Mutant(
        "nan_when_none",
        "returns nan when no score qualifies",
        replace=[(RETURN, RETURN.replace('float("inf")', 'float("nan")'))],
        message="return math.inf",
    ),
    Mutant(
        "recall_not_precision",
        "divides by the number of positives (recall) instead of the number flagged",
        replace=[
            (
                "    precision = caught[last_of_run] / flagged[last_of_run]\n",
                "    precision = caught[last_of_run] / max(caught[-1], 1)\n",
            )
        ],
    ),
    Mutant(
        "target_range_unchecked",
        "accepts target 0 or above 1",
        replace=[("    if not 0 < target <= 1:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "sklearn_pr_curve",
        "scikit-learn's precision_recall_curve: one precision per distinct score, flagging "
        "scores >= threshold (its extra last point, precision 1 at recall 0, is dropped); "
        "without positives it warns and its precision is 0 everywhere, so inf",
        append="""
def threshold_for_precision(y_true, scores, target):
    import warnings

    from sklearn.metrics import precision_recall_curve

    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape or not np.all(np.isfinite(s)):
        raise ValueError("inputs must be 1-D, finite, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or not 0 < target <= 1:
        raise ValueError("labels must be 0/1 and target in (0, 1]")
    if not np.any(y == 1):
        return float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        precision, _, thresholds = precision_recall_curve(y, s)
    ok = precision[:-1] >= target
    return float(thresholds[ok].min()) if ok.any() else float("inf")
""",
    ),
    Variant(
        "brute_force_ascending",
        "tries every distinct score from the lowest up and returns the first that qualifies",
        append="""
def threshold_for_precision(y_true, scores, target):
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape or not np.all(np.isfinite(s)):
        raise ValueError("inputs must be 1-D, finite, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or not 0 < target <= 1:
        raise ValueError("labels must be 0/1 and target in (0, 1]")
    for t in np.unique(s):
        flagged = s >= t
        if np.sum(y[flagged]) >= target * np.sum(flagged):
            return float(t)
    return float("inf")
""",
    ),
]
