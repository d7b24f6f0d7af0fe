r"""Layer normalisation, forward and backward.

Layer norm rescales each sample's feature vector to mean 0 and variance 1, then applies
a learned scale and shift; unlike batch norm it does not depend on the other samples,
which is why Transformers use it. Its exact gradient must go through the mean and the
variance, which both depend on every input.
"""

from typing import NamedTuple

import numpy as np


class LayerNorm(NamedTuple):
    Y: np.ndarray
    dX: np.ndarray
    dgamma: np.ndarray
    dbeta: np.ndarray


def layernorm_forward_backward(X, gamma, beta, dY, eps=1e-5):
    r"""Layer norm over the last axis of X, and the gradients of :math:`L = \sum Y \odot dY`.

    For each vector :math:`x \in \mathbb{R}^d` along the last axis:

    .. math::

        \mu = \frac{1}{d} \sum_k x_k, \qquad
        \sigma^2 = \frac{1}{d} \sum_k (x_k - \mu)^2, \qquad
        \hat x = \frac{x - \mu}{\sqrt{\sigma^2 + \varepsilon}}, \qquad
        y = \gamma \odot \hat x + \beta

    and with :math:`g = dy \odot \gamma` and means over the last axis,

    .. math::

        dx = \frac{g - \operatorname{mean}(g) - \hat x \operatorname{mean}(g \odot \hat x)}
                  {\sqrt{\sigma^2 + \varepsilon}}, \qquad
        d\gamma = \sum_{\text{batch}} dy \odot \hat x, \qquad
        d\beta = \sum_{\text{batch}} dy

    Parameters
    ----------
    X : array_like, shape (..., d)
        The inputs, ndim >= 1, not empty; every leading axis is a batch axis.
    gamma, beta : array_like, shape (d,)
        The learned scale and shift.
    dY : array_like, shaped like X
        The upstream gradient.
    eps : float, optional
        Added to the variance inside the square root, > 0.

    Returns
    -------
    LayerNorm
        ``Y`` and ``dX`` shaped like X; ``dgamma`` and ``dbeta`` of shape (d,), summed
        over every leading axis.

    Raises
    ------
    ValueError
        If eps <= 0, X is 0-d or empty, gamma or beta is not of shape (d,), or dY's shape
        is not X's.

    Examples
    --------
    >>> X, gamma, beta, dY = [[1.0, 3.0]], [1.0, 1.0], [0.0, 0.0], [[1.0, 0.0]]
    >>> out = layernorm_forward_backward(X, gamma, beta, dY, eps=1e-12)
    >>> out.Y.round(6).tolist()  # with d = 2, x-hat is -1, +1 whatever x is
    [[-1.0, 1.0]]
    >>> bool(np.all(np.abs(out.dX) < 1e-6))  # so Y does not depend on X
    True
    >>> out.dgamma.round(6).tolist(), out.dbeta.tolist()
    ([-1.0, 0.0], [1.0, 0.0])
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    gamma = np.asarray(gamma, dtype=float)
    beta = np.asarray(beta, dtype=float)
    dY = np.asarray(dY, dtype=float)
    eps = float(eps)
    if not eps > 0:
        raise ValueError(f"eps must be positive, got {eps}")
    if X.ndim == 0 or X.size == 0:
        raise ValueError(f"X must have at least one axis and no zero-length one, got {X.shape}")
    d = X.shape[-1]
    if gamma.shape != (d,) or beta.shape != (d,):
        raise ValueError(f"gamma and beta must have shape ({d},), got {gamma.shape}, {beta.shape}")
    if dY.shape != X.shape:
        raise ValueError(f"dY has shape {dY.shape}, X has shape {X.shape}")
    mu = X.mean(axis=-1, keepdims=True)
    centred = X - mu
    var = np.mean(centred**2, axis=-1, keepdims=True)
    s = np.sqrt(var + eps)
    xhat = centred / s
    Y = gamma * xhat + beta
    g = dY * gamma
    dX = (g - g.mean(axis=-1, keepdims=True) - xhat * np.mean(g * xhat, axis=-1, keepdims=True)) / s
    batch = tuple(range(X.ndim - 1))
    dgamma = np.sum(dY * xhat, axis=batch)
    dbeta = np.sum(dY, axis=batch)
    return LayerNorm(Y, dX, dgamma, dbeta)
    # END SOLUTION
