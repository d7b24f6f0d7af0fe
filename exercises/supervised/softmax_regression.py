r"""Softmax (multinomial logistic) regression fitted by full-batch gradient descent.

Logistic regression for K classes: one linear score per class, turned into
probabilities by a softmax and trained on the mean cross-entropy. Its gradient,
X^T (P - Y) / n, is the one every classification network backpropagates.
"""

from typing import NamedTuple

import numpy as np


class Softmax(NamedTuple):
    W: np.ndarray
    b: np.ndarray


def softmax_regression_gd(X, y, n_classes, lr, n_iter, l2=0.0):
    r"""Weights and intercepts of softmax regression after ``n_iter`` gradient-descent steps.

    With scores :math:`Z = XW + \mathbf{1} b^\top` (shape (n, K)), probabilities
    :math:`P_{ik} = e^{Z_{ik}} / \sum_j e^{Z_{ij}}` and one-hot labels
    :math:`Y_{ik} = [y_i = k]`, the objective is the mean cross-entropy plus an L2
    penalty on W (the intercepts are not penalised):

    .. math::

        J(W, b) = -\frac{1}{n} \sum_{i=1}^{n} \log P_{i y_i}
            + \frac{\lambda}{2} \lVert W \rVert_F^2

    Starting from :math:`W = 0, b = 0`, each step moves both against the gradient at
    the current point:

    .. math::

        W \leftarrow W - \eta \Bigl(\tfrac{1}{n} X^\top (P - Y) + \lambda W\Bigr), \qquad
        b \leftarrow b - \eta\, \tfrac{1}{n} (P - Y)^\top \mathbf{1}

    The softmax subtracts each row's largest score before exponentiating, so huge
    scores never overflow.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Inputs, one sample per row.
    y : array_like of int, shape (n,)
        Labels in 0, 1, ..., n_classes - 1 (a class may have no sample).
    n_classes : int
        The number of classes K >= 1.
    lr : float
        The step size :math:`\eta > 0`.
    n_iter : int
        The number of gradient steps, >= 0 (0 returns the zeros start).
    l2 : float, optional
        The penalty strength :math:`\lambda \ge 0` (default 0).

    Returns
    -------
    Softmax
        ``W`` (array of shape (d, K)) and ``b`` (array of shape (K,)).

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, their lengths differ, X is empty, n_classes is
        not an integer >= 1, a label is not an integer in 0..n_classes - 1, lr is not a
        finite number > 0, n_iter is not an integer >= 0, or l2 is not a finite
        number >= 0.

    Examples
    --------
    One step from zeros: every :math:`P_{ik} = 1/K`.

    >>> W, b = softmax_regression_gd([[1.0], [-1.0]], [1, 0], 2, lr=1.0, n_iter=1)
    >>> W.tolist(), b.tolist()
    ([[-0.5, 0.5]], [0.0, 0.0])
    """
    # TODO: write softmax_regression_gd (the docstring above has the maths).
    raise NotImplementedError("softmax_regression_gd is not implemented yet")
