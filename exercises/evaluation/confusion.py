r"""The confusion matrix of a classifier.

Every classification metric (accuracy, precision, recall, F1, the rates behind ROC
curves) is a function of one table: how many samples of each true class were predicted
as each class.
"""

import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    r"""Count the samples of each (true label, predicted label) pair.

    .. math::

        C_{ij} = \#\{k : y^{\text{true}}_k = i,\ y^{\text{pred}}_k = j\},
        \qquad i, j \in \{0, \dots, K - 1\}

    Rows are true labels, columns predicted labels: the diagonal counts the correct
    predictions, row i sums to the number of samples of class i.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        The true labels, integers in 0 .. n_classes - 1.
    y_pred : array_like of int, shape (n,)
        The predicted labels, integers in 0 .. n_classes - 1.
    n_classes : int
        The number of classes K >= 1 (classes absent from the data get zero rows and
        columns).

    Returns
    -------
    numpy.ndarray of int, shape (n_classes, n_classes)
        The counts C, rows true and columns predicted.

    Raises
    ------
    ValueError
        If the labels are not 1-D, are empty, differ in length, or are not integers in
        0 .. n_classes - 1, or if n_classes is not a positive integer.

    Examples
    --------
    >>> confusion_matrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 0], 3).tolist()
    [[1, 1, 0], [0, 1, 0], [1, 0, 1]]
    """
    # TODO: write confusion_matrix (the docstring above has the maths).
    raise NotImplementedError("confusion_matrix is not implemented yet")
