r"""k-nearest-neighbour classification.

The simplest non-parametric classifier: no training at all, each test point takes the
majority label of its k nearest training points. Its answer depends on how ties are
broken, so the rules here are exact: nearer first, then lower training index; a tied
vote goes to the smallest label.
"""

import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    r"""Majority label of the k nearest training points (Euclidean) of each test point.

    For a test point :math:`x`, order the training points by

    .. math::

        \lVert x - x_i \rVert_2 = \sqrt{\textstyle\sum_j (x_j - x_{ij})^2}

    breaking equal distances by the lower training index i, and keep the first k:
    :math:`N_k(x)`. The prediction is the label with the most votes,

    .. math::

        \hat y(x) = \min \operatorname*{arg\,max}_{c} \;
            \bigl|\{\, i \in N_k(x) : y_i = c \,\}\bigr|

    the smallest label among those tied for the most votes.

    Parameters
    ----------
    X_train : array_like, shape (n, d)
        Training inputs, one sample per row.
    y_train : array_like of int, shape (n,)
        Training labels (any integers).
    X_test : array_like, shape (m, d)
        Points to classify.
    k : int
        The number of neighbours, 1 <= k <= n.

    Returns
    -------
    ndarray, shape (m,)
        The predicted label of each test point (values taken from y_train).

    Raises
    ------
    ValueError
        If X_train or X_test is not 2-D, y_train is not 1-D, their sizes do not match,
        the training set is empty, or k is not an integer in 1..n.

    Examples
    --------
    >>> X_train = [[0.0], [1.0], [3.0]]
    >>> knn_classify(X_train, [0, 0, 1], [[0.4], [2.9]], k=1).tolist()
    [0, 1]
    >>> knn_classify(X_train, [0, 0, 1], [[2.9]], k=3).tolist()
    [0]
    """
    # BEGIN SOLUTION
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2:
        raise ValueError(
            f"X_train and X_test must be 2-D, got shapes {X_train.shape} and {X_test.shape}"
        )
    if y_train.ndim != 1:
        raise ValueError(f"y_train must be 1-D, got shape {y_train.shape}")
    n = X_train.shape[0]
    if n == 0:
        raise ValueError("the training set is empty")
    if y_train.shape[0] != n:
        raise ValueError(f"X_train has {n} rows but y_train has {y_train.shape[0]} labels")
    if X_test.shape[1] != X_train.shape[1]:
        raise ValueError(
            f"X_test has {X_test.shape[1]} features but X_train has {X_train.shape[1]}"
        )
    if isinstance(k, bool) or int(k) != k or not 1 <= k <= n:
        raise ValueError(f"k must be an integer in 1..{n} (the training set size), got {k!r}")
    k = int(k)
    labels = np.empty(X_test.shape[0], dtype=y_train.dtype)
    for t, x in enumerate(X_test):
        d2 = ((X_train - x) ** 2).sum(axis=1)  # squared distances: the same order
        nearest = np.argsort(d2, kind="stable")[:k]  # stable: equal distances by index
        values, counts = np.unique(y_train[nearest], return_counts=True)  # sorted values
        labels[t] = values[np.argmax(counts)]  # argmax: the first (smallest) of the tied
    return labels
    # END SOLUTION
