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
    # BEGIN SOLUTION
    if isinstance(n_classes, bool) or int(n_classes) != n_classes or n_classes < 1:
        raise ValueError(f"n_classes must be a positive integer, got {n_classes!r}")
    n_classes = int(n_classes)
    labels = []
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        y = np.asarray(y)
        if y.ndim != 1:
            raise ValueError(f"{name} must be 1-D, got shape {y.shape}")
        if y.size == 0:
            raise ValueError(f"{name} is empty")
        if y.dtype.kind not in "iub" and not (
            y.dtype.kind == "f" and np.all(np.isfinite(y)) and np.all(y == np.round(y))
        ):
            raise ValueError(f"{name} must hold integer labels, got dtype {y.dtype}")
        if np.any(y < 0) or np.any(y >= n_classes):
            raise ValueError(f"{name} has labels outside 0 .. {n_classes - 1}")
        labels.append(y.astype(np.int64))
    t, p = labels
    if t.shape != p.shape:
        raise ValueError(f"y_true and y_pred differ in length: {t.size} and {p.size}")
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (t, p), 1)
    return counts
    # END SOLUTION
