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
    # TODO: write roc_auc (the docstring above has the maths).
    raise NotImplementedError("roc_auc is not implemented yet")
