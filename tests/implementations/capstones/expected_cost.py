"""Known mistakes in capstones/expected_cost (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RETURN = "    return float((cost_fn * missed + cost_fp * false_alarms) / y.size)\n"

MUTANTS = [
    Mutant(
        "costs_swapped",
        "charges cost_fp for a missed fraud and cost_fn for a blocked customer",
        replace=[
            (RETURN, RETURN.replace("cost_fn * missed + cost_fp", "cost_fp * missed + cost_fn"))
        ],
        message="the costs are swapped",
    ),
    Mutant(
        "strict_threshold",
        "blocks scores > t",
        replace=[("    blocked = s >= t\n", "    blocked = s > t\n")],
        message="blocked scores > t",
    ),
    Mutant(
        "total_not_mean",
        "returns the total cost",
        replace=[(RETURN, RETURN.replace(" / y.size", ""))],
        message="the total cost",
    ),
    Mutant(
        "per_fraud",
        "divides by the number of frauds",
        replace=[(RETURN, RETURN.replace("y.size", "max(np.count_nonzero(y == 1), 1)"))],
        message="divided by the number of frauds",
    ),
    Mutant(
        "caught_not_missed",
        "charges cost_fn for the frauds blocked",
        replace=[("(y == 1) & ~blocked", "(y == 1) & blocked")],
        message="for the frauds caught",
    ),
    Mutant(
        "negative_costs_accepted",
        "does not check the costs",
        replace=[("        if not (math.isfinite(cost) and cost >= 0):\n", "        if False:\n")],
    ),
    Mutant(
        "nan_threshold_accepted",
        "does not check t: nan blocks nothing",
        replace=[("    if math.isnan(t):\n", "    if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "class_rates_unweighted",
        "cost_fn times the miss rate plus cost_fp times the false-alarm rate",
        replace=[
            (
                "    return float((cost_fn * missed + cost_fp * false_alarms) / y.size)\n",
                "    frauds = np.count_nonzero(y == 1)\n"
                "    return float(cost_fn * missed / max(frauds, 1)\n"
                "                 + cost_fp * false_alarms / max(y.size - frauds, 1))\n",
            )
        ],
        message="weight each by its class's share",
    ),
    Mutant(
        "infinite_scores_accepted",
        "checks the scores for nan only, so an infinite score is accepted",
        replace=[("not np.all(np.isfinite(s))", "np.any(np.isnan(s))")],
    ),
]

VARIANTS = [
    Variant(
        "sklearn_confusion_matrix",
        "scikit-learn's confusion matrix of (scores >= t), weighted by the costs",
        append="""
def expected_cost(y_true, scores, t, cost_fn, cost_fp):
    from sklearn.metrics import confusion_matrix

    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape or not np.all(np.isfinite(s)):
        raise ValueError("inputs must be 1-D, finite, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or np.isnan(t):
        raise ValueError("labels must be 0/1 and t a number")
    if not (np.isfinite([cost_fn, cost_fp]).all() and min(cost_fn, cost_fp) >= 0):
        raise ValueError("costs must be finite and >= 0")
    (tn, fp), (fn, tp) = confusion_matrix(y, (s >= t).astype(int), labels=[0, 1])
    return (cost_fn * fn + cost_fp * fp) / y.size
""",
    ),
    Variant(
        "rates_times_priors",
        "miss rate and false-alarm rate weighted by the class frequencies",
        append="""
def expected_cost(y_true, scores, t, cost_fn, cost_fp):
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape or not np.all(np.isfinite(s)):
        raise ValueError("inputs must be 1-D, finite, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or np.isnan(t):
        raise ValueError("labels must be 0/1 and t a number")
    if not (np.isfinite([cost_fn, cost_fp]).all() and min(cost_fn, cost_fp) >= 0):
        raise ValueError("costs must be finite and >= 0")
    total = 0.0
    for label, cost, wrong in ((1, cost_fn, s < t), (0, cost_fp, s >= t)):
        mine = y == label
        if mine.any():
            total += cost * np.mean(mine) * np.mean(wrong[mine])
    return total
""",
    ),
    Variant(
        "review_cost_per_transaction",
        "a cost per transaction with np.where, then its mean",
        append="""
def expected_cost(y_true, scores, t, cost_fn, cost_fp):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    if y.ndim != 1 or s.ndim != 1 or len(y) != len(s) or len(y) == 0:
        raise ValueError("y_true and scores must be non-empty 1-D arrays of equal length")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if not np.isfinite(s).all():
        raise ValueError("scores must be finite")
    if math.isnan(t):
        raise ValueError("t is nan")
    for c in (cost_fn, cost_fp):
        if not math.isfinite(c) or c < 0:
            raise ValueError("costs must be finite and >= 0")
    cost = np.where(y == 1, np.where(s < t, cost_fn, 0.0), np.where(s >= t, cost_fp, 0.0))
    return float(cost.mean())
""",
    ),
]
