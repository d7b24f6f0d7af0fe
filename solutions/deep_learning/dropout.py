r"""Inverted dropout in training mode, forward and backward.

Dropout zeroes each unit with probability p during training, so that no unit can rely
on another; the survivors are scaled by 1/(1 - p) so that the expected activation is
unchanged and the network needs no rescaling at test time.
"""

from typing import NamedTuple

import numpy as np


class Dropout(NamedTuple):
    Y: np.ndarray
    mask: np.ndarray


def dropout_forward(X, p, rng):
    r"""Inverted dropout of X in training mode, with drop probability p.

    .. math::

        u \sim \mathcal{U}[0, 1)^{\text{shape}(X)}, \qquad
        m = [u \ge p], \qquad
        Y = \frac{X \odot m}{1 - p}, \qquad
        \mathbb{E}[Y] = X

    Protocol: exactly one call ``u = rng.random(X.shape)``, for every p (p = 0 too); a
    unit is dropped when u < p.

    Parameters
    ----------
    X : array_like, any shape (0-d and empty included)
        The activations.
    p : float
        The probability of dropping a unit, in [0, 1).
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    Dropout
        ``Y`` (float array shaped like X) and ``mask`` (bool array shaped like X, True
        where the unit is kept).

    Raises
    ------
    ValueError
        If p is not in [0, 1).

    Examples
    --------
    >>> Y, mask = dropout_forward([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], 0.5, np.random.default_rng(0))
    >>> Y.tolist(), mask.tolist()
    ([[2.0, 0.0, 0.0], [0.0, 10.0, 12.0]], [[True, False, False], [False, True, True]])
    """
    # BEGIN SOLUTION
    X = np.array(X, dtype=float)
    p = float(p)
    if not 0.0 <= p < 1.0:
        raise ValueError(f"the drop probability p must be in [0, 1), got {p}")
    u = rng.random(X.shape)
    mask = np.asarray(u >= p, dtype=bool)
    Y = X * mask / (1.0 - p)
    return Dropout(Y, mask)
    # END SOLUTION


def dropout_backward(dY, mask, p):
    r"""The gradient of :math:`L = \sum Y \odot dY` with respect to X, for the mask of the forward.

    .. math::

        \frac{\partial L}{\partial X} = \frac{dY \odot m}{1 - p}

    Parameters
    ----------
    dY : array_like, any shape
        The upstream gradient, shaped like Y.
    mask : array_like, shaped like dY
        The mask returned by :func:`dropout_forward` (bool, or 0/1 numbers).
    p : float
        The drop probability of the forward pass, in [0, 1).

    Returns
    -------
    numpy.ndarray
        dX, shaped like dY.

    Raises
    ------
    ValueError
        If p is not in [0, 1) or mask.shape differs from dY.shape.

    Examples
    --------
    >>> dropout_backward([1.0, 1.0, 1.0], [True, False, True], 0.5).tolist()
    [2.0, 0.0, 2.0]
    """
    # BEGIN SOLUTION
    dY = np.array(dY, dtype=float)
    mask = np.asarray(mask)
    p = float(p)
    if not 0.0 <= p < 1.0:
        raise ValueError(f"the drop probability p must be in [0, 1), got {p}")
    if mask.shape != dY.shape:
        raise ValueError(f"mask has shape {mask.shape}, dY has shape {dY.shape}")
    return dY * (mask != 0) / (1.0 - p)
    # END SOLUTION
