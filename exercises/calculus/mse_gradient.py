r"""Mean squared error of a linear model, and its gradient.

The loss every regression course starts from. Differentiating it by hand, and getting
the factor 2, the mean and the transpose right, is the first step towards backprop.
"""

from typing import NamedTuple

import numpy as np


class MSE(NamedTuple):
    loss: float
    dw: np.ndarray
    db: float


def mse_loss_and_grad(X, y, w, b):
    r"""Mean squared error of the linear model :math:`Xw + b`, and its gradient.

    .. math::

        r = Xw + b - y, \qquad
        L = \frac{1}{n} \sum_{i=1}^{n} r_i^2, \qquad
        \frac{\partial L}{\partial w} = \frac{2}{n} X^\top r, \qquad
        \frac{\partial L}{\partial b} = \frac{2}{n} \sum_{i=1}^{n} r_i

    Parameters
    ----------
    X : array_like, shape (n, d)
        Inputs, one sample per row.
    y : array_like, shape (n,)
        Targets.
    w : array_like, shape (d,)
        Weights.
    b : float
        Bias.

    Returns
    -------
    MSE
        ``loss`` (float), ``dw`` (array of shape (d,)) and ``db`` (float).

    Raises
    ------
    ValueError
        If X is not 2-D, y or w not 1-D, their sizes do not match, or n = 0.

    Examples
    --------
    >>> loss, dw, db = mse_loss_and_grad([[1.0], [2.0]], [1.0, 3.0], [1.0], 0.0)
    >>> float(loss), dw.tolist(), float(db)
    (0.5, [-2.0], -1.0)
    """
    # TODO: write mse_loss_and_grad (the docstring above has the maths).
    raise NotImplementedError("mse_loss_and_grad is not implemented yet")
