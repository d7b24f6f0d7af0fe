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
    # TODO: write knn_classify (the docstring above has the maths).
    raise NotImplementedError("knn_classify is not implemented yet")
