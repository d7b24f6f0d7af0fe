r"""The area under the ROC curve.

ROC AUC is the probability that a randomly chosen positive gets a higher score than a
randomly chosen negative: a threshold-free summary of how well scores rank, equal to
the Mann-Whitney U statistic divided by the number of (positive, negative) pairs.
"""

import numpy as np


def roc_auc(y_true, scores):
    r"""Area under the ROC curve, ties counted one half.

    With :math:`P` the positives and :math:`N` the negatives,

    .. math::

        \mathrm{AUC} = \frac{1}{|P|\,|N|} \sum_{i \in P} \sum_{j \in N}
            \left( [s_i > s_j] + \tfrac{1}{2} [s_i = s_j] \right)
            = \frac{\sum_{i \in P} r_i - |P|(|P| + 1)/2}{|P|\,|N|}

    where :math:`r_i` is the rank of :math:`s_i` among all scores (1 for the smallest,
    tied scores sharing the mean of their ranks).

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Labels in {0, 1}, both present.
    scores : array_like, shape (n,)
        Finite scores, higher meaning "more likely positive".

    Returns
    -------
    float
        The AUC, in [0, 1].

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1, if only one class is present, or if a score is not finite.

    Examples
    --------
    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> roc_auc([0, 0, 1, 1], [1.0, 2.0, 2.0, 3.0])
    0.875
    """
    # BEGIN SOLUTION
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    if y.ndim != 1 or s.ndim != 1:
        raise ValueError(f"y_true and scores must be 1-D, got shapes {y.shape}, {s.shape}")
    if y.size == 0:
        raise ValueError("y_true is empty")
    if y.shape != s.shape:
        raise ValueError(f"y_true and scores differ in length: {y.size}, {s.size}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if not np.all(np.isfinite(s)):
        raise ValueError("scores must be finite")
    positive = y == 1
    n_pos = int(np.sum(positive))
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC AUC needs both classes: y_true has only one")
    # mid-ranks: a group of tied scores shares the mean of the ranks it occupies
    _, group, counts = np.unique(s, return_inverse=True, return_counts=True)
    mid_rank = np.cumsum(counts) - (counts - 1) / 2.0
    rank_sum = float(np.sum(mid_rank[group.ravel()][positive]))
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)
    # END SOLUTION
