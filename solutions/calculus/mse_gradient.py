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
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(w, dtype=float)
    b = float(b)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    if y.ndim != 1 or w.ndim != 1:
        raise ValueError(f"y and w must be 1-D, got shapes {y.shape} and {w.shape}")
    n, d = X.shape
    if n == 0:
        raise ValueError("X is empty: the mean squared error needs at least one sample")
    if y.shape[0] != n or w.shape[0] != d:
        raise ValueError(f"shapes do not match: X {X.shape}, y {y.shape}, w {w.shape}")
    r = X @ w + b - y
    loss = float(r @ r) / n
    dw = 2.0 / n * (X.T @ r)
    db = 2.0 / n * float(r.sum())
    return MSE(loss, dw, db)
    # END SOLUTION
