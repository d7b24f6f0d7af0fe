r"""Precision, recall and F1, binary and averaged over classes.

Precision asks how many flagged samples are right, recall how many of the right ones
were flagged, F1 balances the two; with several classes they are averaged per class
(macro) or over all decisions at once (micro).
"""

from typing import NamedTuple

import numpy as np


class PRF(NamedTuple):
    precision: float
    recall: float
    f1: float


def precision_recall_f1(y_true, y_pred, average="binary"):
    r"""Precision, recall and F1 of predicted labels.

    For a class c, with TP, FP and FN the true positives, false positives and false
    negatives of "label = c":

    .. math::

        P_c = \frac{TP_c}{TP_c + FP_c}, \qquad
        R_c = \frac{TP_c}{TP_c + FN_c}, \qquad
        F1_c = \frac{2 P_c R_c}{P_c + R_c}

    and any ratio with a zero denominator is 0. ``"binary"`` reports class 1;
    ``"macro"`` the plain means of :math:`P_c`, :math:`R_c` and :math:`F1_c` over the
    labels L that occur in y_true or y_pred,

    .. math::

        P_{\text{macro}} = \frac{1}{|L|} \sum_{c \in L} P_c, \quad
        R_{\text{macro}} = \frac{1}{|L|} \sum_{c \in L} R_c, \quad
        F1_{\text{macro}} = \frac{1}{|L|} \sum_{c \in L} F1_c ;

    ``"micro"`` pools the counts, :math:`P = \sum_c TP_c / \sum_c (TP_c + FP_c)` and so
    on (with one label per sample all three equal the accuracy).

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        The true labels ({0, 1} for ``"binary"``).
    y_pred : array_like of int, shape (n,)
        The predicted labels.
    average : {"binary", "macro", "micro"}, optional
        How to summarise the classes.

    Returns
    -------
    PRF
        ``precision``, ``recall`` and ``f1`` (floats in [0, 1]).

    Raises
    ------
    ValueError
        If the labels are not 1-D, are empty or differ in length, if ``average`` is
        not one of the three, or if ``"binary"`` meets a label outside {0, 1}.

    Examples
    --------
    >>> [round(v, 6) for v in precision_recall_f1([1, 1, 0, 0, 1], [1, 0, 1, 0, 1])]
    [0.666667, 0.666667, 0.666667]
    >>> [round(v, 6) for v in precision_recall_f1([0, 1, 2, 2], [0, 2, 2, 1], "macro")]
    [0.5, 0.5, 0.5]
    """

    # BEGIN SOLUTION
    def ratio(num, den):
        """num / den, and 0.0 when the denominator is 0."""
        return float(num) / float(den) if den > 0 else 0.0

    def scores_of(tp, fp, fn):
        precision = ratio(tp, tp + fp)
        recall = ratio(tp, tp + fn)
        f1 = ratio(2 * precision * recall, precision + recall)
        return precision, recall, f1

    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if y.ndim != 1:
            raise ValueError(f"{name} must be 1-D, got shape {y.shape}")
        if y.size == 0:
            raise ValueError(f"{name} is empty")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred differ in length: {y_true.size}, {y_pred.size}")
    if average not in ("binary", "macro", "micro"):
        raise ValueError(f"average must be 'binary', 'macro' or 'micro', got {average!r}")

    def counts(c):
        tp = int(np.sum((y_true == c) & (y_pred == c)))
        fp = int(np.sum((y_true != c) & (y_pred == c)))
        fn = int(np.sum((y_true == c) & (y_pred != c)))
        return tp, fp, fn

    if average == "binary":
        outside = np.setdiff1d(np.union1d(y_true, y_pred), [0, 1])
        if outside.size:
            raise ValueError(f"binary labels must be 0 or 1, got {outside.tolist()}")
        return PRF(*scores_of(*counts(1)))
    labels = np.union1d(y_true, y_pred)
    per_class = [counts(c) for c in labels]
    if average == "micro":
        tp, fp, fn = (sum(column) for column in zip(*per_class, strict=True))
        return PRF(*scores_of(tp, fp, fn))
    scores = np.array([scores_of(*c) for c in per_class])
    return PRF(*(float(v) for v in scores.mean(axis=0)))
    # END SOLUTION
