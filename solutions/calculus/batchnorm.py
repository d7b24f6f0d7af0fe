r"""Batch normalisation in training mode: forward pass and full backward pass.

Each feature is standardised with the batch's own mean and variance, then scaled and
shifted. Because the mean and variance depend on every sample, the gradient of one
input flows through all of them: the backward pass must differentiate them too.
"""

from typing import NamedTuple

import numpy as np


class BatchNorm(NamedTuple):
    Y: np.ndarray
    dX: np.ndarray
    dgamma: np.ndarray
    dbeta: np.ndarray


def batchnorm_forward_backward(X, gamma, beta, dY, eps=1e-5):
    r"""Training-mode batch norm over axis 0, and the gradients of a loss through it.

    .. math::

        \mu &= \frac{1}{n} \sum_i x_i, \qquad
        \sigma^2 = \frac{1}{n} \sum_i (x_i - \mu)^2, \qquad
        \hat x_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \varepsilon}}, \qquad
        y_i = \gamma \hat x_i + \beta \\
        \frac{\partial L}{\partial \beta} &= \sum_i dy_i, \qquad
        \frac{\partial L}{\partial \gamma} = \sum_i dy_i \, \hat x_i \\
        \frac{\partial L}{\partial x_i} &= \frac{\gamma}{\sqrt{\sigma^2 + \varepsilon}}
            \Big( dy_i - \frac{1}{n} \sum_j dy_j
                  - \hat x_i \, \frac{1}{n} \sum_j dy_j \hat x_j \Big)

    all per feature (column), with the biased variance (divisor :math:`n`). The two
    subtracted means are the paths through :math:`\mu` and :math:`\sigma^2`.

    Parameters
    ----------
    X : array_like, shape (n, d)
        A batch of inputs, one sample per row.
    gamma, beta : array_like, shape (d,)
        Scale and shift.
    dY : array_like, shape (n, d)
        Gradient of the loss with respect to Y.
    eps : float, optional
        Added to the variance, ≥ 0.

    Returns
    -------
    BatchNorm
        ``Y`` (n, d), ``dX`` (n, d), ``dgamma`` (d,), ``dbeta`` (d,).

    Raises
    ------
    ValueError
        If X or dY is not 2-D, the shapes do not fit, n = 0, or eps < 0.

    Examples
    --------
    >>> out = batchnorm_forward_backward([[0.0], [1.0], [2.0]], [2.0], [1.0],
    ...                                  [[1.0], [0.0], [0.0]], eps=0.0)
    >>> out.Y.round(6).tolist()
    [[-1.44949], [1.0], [3.44949]]
    >>> out.dX.round(6).tolist()
    [[0.408248], [-0.816497], [0.408248]]
    >>> out.dgamma.round(6).tolist(), out.dbeta.tolist()
    ([-1.224745], [1.0])
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    gamma = np.asarray(gamma, dtype=float)
    beta = np.asarray(beta, dtype=float)
    dY = np.asarray(dY, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    n, d = X.shape
    if n == 0:
        raise ValueError("X has no samples")
    if gamma.shape != (d,) or beta.shape != (d,):
        raise ValueError(f"gamma and beta must have shape ({d},), got {gamma.shape}, {beta.shape}")
    if dY.shape != X.shape:
        raise ValueError(f"dY must have X's shape {X.shape}, got {dY.shape}")
    if not eps >= 0:
        raise ValueError(f"eps must be >= 0, got {eps}")
    mu = X.mean(axis=0)
    centred = X - mu
    var = np.mean(centred**2, axis=0)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = centred * inv_std
    Y = gamma * x_hat + beta
    dbeta = dY.sum(axis=0)
    dgamma = np.sum(dY * x_hat, axis=0)
    dX = gamma * inv_std * (dY - dY.mean(axis=0) - x_hat * np.mean(dY * x_hat, axis=0))
    return BatchNorm(Y, dX, dgamma, dbeta)
    # END SOLUTION
