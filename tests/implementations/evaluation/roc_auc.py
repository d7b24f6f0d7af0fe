"""Known mistakes in evaluation/roc_auc (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RANKS = (
    "    _, group, counts = np.unique(s, return_inverse=True, return_counts=True)\n"
    "    mid_rank = np.cumsum(counts) - (counts - 1) / 2.0\n"
    "    rank_sum = float(np.sum(mid_rank[group.ravel()][positive]))\n"
)
RETURN = "    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)\n"


def pairwise(expression):
    return (
        RETURN,
        "    d = s[positive][:, None] - s[~positive][None, :]\n"
        f"    return float(np.mean({expression}))\n",
    )


MUTANTS = [
    Mutant(
        "ties_ignored",
        "counts only strict wins",
        replace=[pairwise("d > 0")],
        message="ties ignored",
    ),
    Mutant(
        "ties_as_wins",
        "counts s_pos >= s_neg as a win",
        replace=[pairwise("d >= 0")],
        message="ties counted as wins",
    ),
    Mutant(
        "ordinal_ranks",
        "ranks by argsort, so tied scores get distinct ranks in input order",
        replace=[
            (
                RANKS,
                "    ranks = np.argsort(np.argsort(s, kind='stable'), kind='stable') + 1.0\n"
                "    rank_sum = float(np.sum(ranks[positive]))\n",
            )
        ],
        message="distinct ranks",
    ),
    Mutant(
        "flipped",
        "ranks descending: returns 1 - AUC",
        replace=[(RETURN, "    return 1 - " + RETURN.strip()[len("return ") :] + "\n")],
        message="1 - AUC",
    ),
    Mutant(
        "one_class_nan",
        "one class only: returns nan instead of raising",
        replace=[("    if n_pos == 0 or n_neg == 0:\n", "    if False:\n")],
    ),
    Mutant(
        "no_label_check",
        "labels other than 0 and 1: anything nonzero is a positive",
        replace=[
            ("    if not np.all((y == 0) | (y == 1)):\n", "    if False:\n"),
            ("    positive = y == 1\n", "    positive = y != 0\n"),
        ],
    ),
    Mutant(
        "rank_sum_off_by_n",
        "subtracts n_pos^2 / 2 instead of n_pos (n_pos + 1) / 2",
        replace=[("n_pos * (n_pos + 1) / 2.0", "n_pos * n_pos / 2.0")],
    ),
    Mutant(
        "sorts_in_place",
        "sorts the caller's scores in place (with the labels)",
        replace=[
            (
                "    positive = y == 1\n",
                "    order = np.argsort(s, kind='stable')\n"
                "    if isinstance(scores, np.ndarray) and isinstance(y_true, np.ndarray):\n"
                "        scores[...] = scores[order]\n"
                "        y_true[...] = y_true[order]\n"
                "        y, s = y[order], s[order]\n"
                "    positive = y == 1\n",
            )
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "sklearn",
        "scikit-learn's roc_auc_score (trapezoids between distinct thresholds: ties give 1/2)",
        append="""
def roc_auc(y_true, scores):
    from sklearn.metrics import roc_auc_score

    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or not np.all(np.isfinite(s)):
        raise ValueError("labels must be 0/1 and scores finite")
    if np.unique(y).size < 2:
        raise ValueError("only one class")
    return float(roc_auc_score(y, s))
""",
    ),
    Variant(
        "pairwise",
        "every (positive, negative) pair: 1 for a win, 1/2 for a tie",
        append="""
def roc_auc(y_true, scores):
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or not np.all(np.isfinite(s)):
        raise ValueError("labels must be 0/1 and scores finite")
    pos, neg = s[y == 1], s[y == 0]
    if pos.size == 0 or neg.size == 0:
        raise ValueError("only one class")
    total = 0.0
    for p in pos:
        total += np.sum(p > neg) + 0.5 * np.sum(p == neg)
    return total / (pos.size * neg.size)
""",
    ),
    Variant(
        "sorted_thresholds",
        "ROC points at each distinct threshold, high to low, and the trapezoid rule",
        append="""
def roc_auc(y_true, scores):
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or not np.all(np.isfinite(s)):
        raise ValueError("labels must be 0/1 and scores finite")
    n_pos = int(np.sum(y == 1))
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("only one class")
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    last_of_group = np.r_[s_sorted[1:] != s_sorted[:-1], True]
    tpr = np.r_[0.0, np.cumsum(y_sorted == 1)[last_of_group] / n_pos]
    fpr = np.r_[0.0, np.cumsum(y_sorted == 0)[last_of_group] / n_neg]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
""",
    ),
]
