r"""Forward and backward pass of a fully connected (linear) layer.

The building block of every network: Y = XW + b. Its backward pass turns the
upstream gradient dY into gradients for the input, the weights and the bias, and
getting the three transposes right is most of backpropagation.
"""

from typing import NamedTuple

import numpy as np


class Linear(NamedTuple):
    Y: np.ndarray
    dX: np.ndarray
    dW: np.ndarray
    db: np.ndarray


def linear_forward_backward(X, W, b, dY):
    r"""Output of the layer :math:`Y = XW + b` and the gradients of a loss through it.

    .. math::

        Y = X W + \mathbf{1} b^\top, \qquad
        \frac{\partial L}{\partial X} = dY\, W^\top, \qquad
        \frac{\partial L}{\partial W} = X^\top dY, \qquad
        \frac{\partial L}{\partial b} = \sum_{i=1}^{n} dY_{i,:}

    where :math:`dY = \partial L / \partial Y` is given. Each gradient has the shape of
    what it differentiates: the transposes are exactly what make the shapes fit. The
    bias is added to every row, so its gradient is the *sum* of dY's rows (the mean
    over the batch, if any, is already inside dY).

    Parameters
    ----------
    X : array_like, shape (n, d)
        Inputs, one sample per row.
    W : array_like, shape (d, m)
        Weights.
    b : array_like, shape (m,)
        Bias.
    dY : array_like, shape (n, m)
        Gradient of the loss with respect to Y.

    Returns
    -------
    Linear
        ``Y`` (n, m), ``dX`` (n, d), ``dW`` (d, m), ``db`` (m,).

    Raises
    ------
    ValueError
        If X, W or dY is not 2-D, b not 1-D, the shapes do not fit, or n = 0.

    Examples
    --------
    >>> out = linear_forward_backward([[1.0, 2.0]], [[1.0], [3.0]], [0.5], [[2.0]])
    >>> out.Y.tolist(), out.dX.tolist(), out.dW.tolist(), out.db.tolist()
    ([[7.5]], [[2.0, 6.0]], [[2.0], [4.0]], [2.0])
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    dY = np.asarray(dY, dtype=float)
    if X.ndim != 2 or W.ndim != 2 or dY.ndim != 2:
        raise ValueError(f"X, W and dY must be 2-D, got shapes {X.shape}, {W.shape} and {dY.shape}")
    if b.ndim != 1:
        raise ValueError(f"b must be 1-D (m,), got shape {b.shape}")
    n, d = X.shape
    if n == 0:
        raise ValueError("X has no samples")
    m = W.shape[1]
    if W.shape[0] != d or b.shape != (m,) or dY.shape != (n, m):
        raise ValueError(f"shapes do not fit: X {X.shape}, W {W.shape}, b {b.shape}, dY {dY.shape}")
    Y = X @ W + b
    dX = dY @ W.T
    dW = X.T @ dY
    db = dY.sum(axis=0)
    return Linear(Y, dX, dW, db)
    # END SOLUTION
