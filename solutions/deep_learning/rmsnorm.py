r"""RMS normalisation, forward and backward.

RMSNorm (used by LLaMA and T5) divides each feature vector by its root mean square and
applies a learned scale: layer norm without the centring and without the shift, cheaper
and as good in practice. Its exact gradient goes through the RMS, which depends on every
input.
"""

from typing import NamedTuple

import numpy as np


class RMSNorm(NamedTuple):
    Y: np.ndarray
    dX: np.ndarray
    dgamma: np.ndarray


def rmsnorm_forward_backward(X, gamma, dY, eps=1e-6):
    r"""RMS norm over the last axis of X, and the gradients of :math:`L = \sum Y \odot dY`.

    For each vector :math:`x \in \mathbb{R}^d` along the last axis:

    .. math::

        r = \sqrt{\frac{1}{d} \sum_k x_k^2 + \varepsilon}, \qquad
        \hat x = \frac{x}{r}, \qquad
        y = \gamma \odot \hat x

    and with :math:`g = dy \odot \gamma` and the mean over the last axis,

    .. math::

        dx = \frac{g - \hat x \operatorname{mean}(g \odot \hat x)}{r}, \qquad
        d\gamma = \sum_{\text{batch}} dy \odot \hat x

    Parameters
    ----------
    X : array_like, shape (..., d)
        The inputs, ndim >= 1, not empty; every leading axis is a batch axis.
    gamma : array_like, shape (d,)
        The learned scale.
    dY : array_like, shaped like X
        The upstream gradient.
    eps : float, optional
        Added to the mean square inside the square root, > 0.

    Returns
    -------
    RMSNorm
        ``Y`` and ``dX`` shaped like X; ``dgamma`` of shape (d,), summed over every
        leading axis.

    Raises
    ------
    ValueError
        If eps <= 0, X is 0-d or empty, gamma is not of shape (d,), or dY's shape is
        not X's.

    Examples
    --------
    >>> out = rmsnorm_forward_backward([[3.0, 4.0]], [1.0, 2.0], [[1.0, 0.0]], eps=1e-12)
    >>> out.Y.round(6).tolist(), out.dgamma.round(6).tolist()
    ([[0.848528, 2.262742]], [0.848528, 0.0])
    >>> out.dX.round(6).tolist()
    [[0.181019, -0.135765]]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    gamma = np.asarray(gamma, dtype=float)
    dY = np.asarray(dY, dtype=float)
    eps = float(eps)
    if not eps > 0:
        raise ValueError(f"eps must be positive, got {eps}")
    if X.ndim == 0 or X.size == 0:
        raise ValueError(f"X must have at least one axis and no zero-length one, got {X.shape}")
    d = X.shape[-1]
    if gamma.shape != (d,):
        raise ValueError(f"gamma must have shape ({d},), got {gamma.shape}")
    if dY.shape != X.shape:
        raise ValueError(f"dY has shape {dY.shape}, X has shape {X.shape}")
    r = np.sqrt(np.mean(X**2, axis=-1, keepdims=True) + eps)
    xhat = X / r
    Y = gamma * xhat
    g = dY * gamma
    dX = (g - xhat * np.mean(g * xhat, axis=-1, keepdims=True)) / r
    dgamma = np.sum(dY * xhat, axis=tuple(range(X.ndim - 1)))
    return RMSNorm(Y, dX, dgamma)
    # END SOLUTION
