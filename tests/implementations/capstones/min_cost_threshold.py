"""Known mistakes in capstones/min_cost_threshold (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

BEST = "    best = np.flatnonzero(total == total.min())[-1]  # the largest of equal cost\n"
INF = (
    "    thresholds = np.append(distinct, np.inf)\n"
    "    total = np.append(total, cost_fn * frauds)  # t = inf blocks nothing\n"
)

MUTANTS = [
    Mutant(
        "no_block_nothing",
        "only the observed scores are candidates: t = inf is forgotten",
        replace=[(INF, "    thresholds = distinct\n")],
        message="blocking nothing (t = inf) is a candidate",
    ),
    Mutant(
        "smallest_on_ties",
        "returns the smallest of equally cheap thresholds",
        replace=[(BEST, BEST.replace("[-1]", "[0]"))],
        message="the smallest of the equally cheap",
    ),
    Mutant(
        "strict_blocking",
        "blocks scores > t: the blocked counts exclude the threshold's own run",
        replace=[
            (
                "    frauds_blocked = np.cumsum(frauds_at[::-1])[::-1]\n"
                "    customers_blocked = np.cumsum(customers_at[::-1])[::-1]\n",
                "    frauds_blocked = np.cumsum(frauds_at[::-1])[::-1] - frauds_at\n"
                "    customers_blocked = np.cumsum(customers_at[::-1])[::-1] - customers_at\n",
            )
        ],
        message="blocked scores > t",
    ),
    Mutant(
        "costs_swapped",
        "charges cost_fp for a missed fraud and cost_fn for a blocked customer",
        replace=[
            (
                "    total = cost_fn * (frauds - frauds_blocked) + cost_fp * customers_blocked\n",
                "    total = cost_fp * (frauds - frauds_blocked) + cost_fn * customers_blocked\n",
            ),
            ("np.append(total, cost_fn * frauds)", "np.append(total, cost_fp * frauds)"),
        ],
        message="the costs are swapped",
    ),
    Mutant(
        "ties_split",
        "a cost after every transaction in sorted order, tied runs split",
        replace=[
            (
                "    distinct, run = np.unique(s, return_inverse=True)  # ascending\n",
                "    order = np.argsort(s, kind='stable')\n"
                "    distinct, run = s[order], np.empty(s.size, dtype=int)\n"
                "    run[order] = np.arange(s.size)\n",
            )
        ],
        message="tied scores split",
    ),
    Mutant(
        "bayes_threshold",
        "returns the Bayes threshold c_FP / (c_FP + c_FN), right only for calibrated scores",
        replace=[
            (
                "    return MinCost(float(thresholds[best]), float(total[best] / y.size))\n",
                "    t = cost_fp / (cost_fp + cost_fn)\n"
                "    block = s >= t\n"
                "    c = cost_fn * np.sum((y == 1) & ~block) + cost_fp * np.sum((y == 0) & block)\n"
                "    return MinCost(float(t), float(c / y.size))\n",
            )
        ],
        message="the Bayes threshold",
    ),
    Mutant(
        "total_cost",
        "returns the total cost, not the cost per transaction",
        replace=[("float(total[best] / y.size)", "float(total[best])")],
        message="the total cost",
    ),
    Mutant(
        "negative_costs_accepted",
        "does not check the costs",
        replace=[("        if not (np.isfinite(cost) and cost >= 0):\n", "        if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "midpoint_thresholds",
        "returns the midpoint between the cheapest score and the one below it",
        replace=[
            (
                "    return MinCost(float(thresholds[best]), float(total[best] / y.size))\n",
                "    t = thresholds[best]\n"
                "    if 0 < best < distinct.size:\n"
                "        t = (thresholds[best] + thresholds[best - 1]) / 2\n"
                "    return MinCost(float(t), float(total[best] / y.size))\n",
            )
        ],
    ),
    Mutant(
        "cost_without_the_misses",
        "charges only the blocked customers (forgets the frauds below the threshold)",
        replace=[
            (
                "total = cost_fn * (frauds - frauds_blocked) + cost_fp * customers_blocked",
                "total = 0 * cost_fn * frauds_blocked + cost_fp * customers_blocked",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "descending_sweep",
        "walks the scores from the top, updating the cost one tied run at a time, with "
        "inf as the starting point",
        append="""
def min_cost_threshold(y_true, scores, cost_fn, cost_fp):
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape or not np.all(np.isfinite(s)):
        raise ValueError("inputs must be 1-D, finite, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])):
        raise ValueError("labels must be 0/1")
    if not (np.isfinite([cost_fn, cost_fp]).all() and min(cost_fn, cost_fp) >= 0):
        raise ValueError("costs must be finite and >= 0")
    order = np.argsort(-s, kind="stable")
    sd, yd = s[order].tolist(), y[order].tolist()
    total = cost_fn * sum(yd)
    best_t, best_total = float("inf"), total
    i = 0
    while i < len(sd):
        j = i
        while j < len(sd) and sd[j] == sd[i]:
            total += -cost_fn if yd[j] == 1 else cost_fp
            j += 1
        if total < best_total:
            best_t, best_total = sd[i], total
        i = j
    return MinCost(float(best_t), float(best_total / y.size))
""",
    ),
    Variant(
        "sklearn_roc_curve",
        "scikit-learn's roc_curve gives the true- and false-positive counts at every "
        "distinct score (drop_intermediate=False); its first point is t = inf",
        append="""
def min_cost_threshold(y_true, scores, cost_fn, cost_fp):
    from sklearn.metrics import roc_curve

    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape or not np.all(np.isfinite(s)):
        raise ValueError("inputs must be 1-D, finite, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])):
        raise ValueError("labels must be 0/1")
    if not (np.isfinite([cost_fn, cost_fp]).all() and min(cost_fn, cost_fp) >= 0):
        raise ValueError("costs must be finite and >= 0")
    P, N = int(np.sum(y == 1)), int(np.sum(y == 0))
    if P == 0 or N == 0:  # roc_curve needs both classes: count directly
        ts = np.append(np.unique(s), np.inf)
        tot = [cost_fn * np.sum((y == 1) & (s < t)) + cost_fp * np.sum((y == 0) & (s >= t))
               for t in ts]
    else:
        fpr, tpr, ts = roc_curve(y, s, drop_intermediate=False)
        ts = np.where(np.arange(ts.size) == 0, np.inf, ts)
        tot = cost_fn * (P - np.rint(tpr * P)) + cost_fp * np.rint(fpr * N)
    tot = np.asarray(tot, dtype=float)
    best = max(ts[tot == tot.min()])
    return MinCost(float(best), float(tot.min() / y.size))
""",
    ),
    Variant(
        "review_searchsorted_per_class",
        "sorts each class's scores once and counts with searchsorted at every candidate; "
        "the cost as c_FN·FN/n + c_FP·FP/n (another order of the float operations)",
        append="""
def min_cost_threshold(y_true, scores, cost_fn, cost_fp):
    import math

    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    if y.ndim != 1 or s.ndim != 1 or len(y) != len(s) or len(y) == 0:
        raise ValueError("y_true and scores must be non-empty 1-D arrays of equal length")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if not np.isfinite(s).all():
        raise ValueError("scores must be finite")
    for c in (cost_fn, cost_fp):
        if not math.isfinite(c) or c < 0:
            raise ValueError("costs must be finite and >= 0")
    n = len(y)
    fraud = np.sort(s[y == 1])
    legit = np.sort(s[y == 0])
    cand = np.append(np.unique(s), np.inf)
    fn = np.searchsorted(fraud, cand, side="left")
    fp = len(legit) - np.searchsorted(legit, cand, side="left")
    cost = cost_fn * fn / n + cost_fp * fp / n
    best = np.flatnonzero(cost == cost.min())[-1]
    return MinCost(float(cand[best]), float(cost[best]))
""",
    ),
]
