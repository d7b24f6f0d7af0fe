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

    # TODO: write precision_recall_f1 (the docstring above has the maths).
    raise NotImplementedError("precision_recall_f1 is not implemented yet")
