r"""Max pooling over square windows, forward and backward.

The down-sampling layer of classic convolutional networks: each k×k window of every
channel keeps its largest value. Its gradient is a router: each output's gradient goes
back to the one input that won its window.
"""

import operator
from typing import NamedTuple

import numpy as np


class MaxPool(NamedTuple):
    Y: np.ndarray
    dX: np.ndarray


def _positive_int(value, name):
    """``value`` as an int, or ValueError if it is not an integer >= 1 (bools refused)."""
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be an integer >= 1, got the bool {value!r}")
    try:
        number = operator.index(value)
    except TypeError:
        raise ValueError(f"{name} must be an integer >= 1, got {value!r}") from None
    if number < 1:
        raise ValueError(f"{name} must be an integer >= 1, got {number}")
    return number


def maxpool2d_forward_backward(X, dY, kernel_size, stride=None):
    r"""Max pooling of a batch of images, and the gradient of a loss through it.

    With window size :math:`k`, stride :math:`s`, no padding and floor mode,

    .. math::

        H_\text{out} = \left\lfloor \frac{H - k}{s} \right\rfloor + 1, \qquad
        W_\text{out} = \left\lfloor \frac{W - k}{s} \right\rfloor + 1,

        Y_{ncij} = \max_{0 \le p, q < k} X_{n, c, is + p, js + q}.

    Y is piecewise linear in X: within each window only the winner
    :math:`(p^*, q^*)` (the first maximum in row-major order, as ``np.argmax`` of the
    flattened window) moves the output, so for :math:`L = \sum Y \odot dY`

    .. math::

        \frac{\partial L}{\partial X_{nchw}} = \sum_{(i, j):\;
        (is + p^*_{ij}, \, js + q^*_{ij}) = (h, w)} dY_{ncij},

    a sum because overlapping windows (:math:`s < k`) can share a winner; an element
    that wins no window gets 0.

    Parameters
    ----------
    X : array_like, shape (N, C, H, W)
        A batch of N images with C channels.
    dY : array_like, shape (N, C, H_out, W_out)
        Gradient of the loss with respect to Y.
    kernel_size : int
        The window's side k, with 1 ≤ k ≤ H and k ≤ W.
    stride : int, optional
        The step s between windows (default: k, windows that touch without overlap).

    Returns
    -------
    MaxPool
        ``Y`` of shape (N, C, H_out, W_out) and ``dX`` shaped like X.

    Raises
    ------
    ValueError
        If X is not 4-D, k or s is not an integer ≥ 1, k > H or k > W, or dY does not
        have the shape (N, C, H_out, W_out).

    Examples
    --------
    >>> X = [[[[1, 2, 0, 1], [3, 0, 1, 1], [0, 1, 2, 2], [4, 0, 2, 1]]]]
    >>> out = maxpool2d_forward_backward(X, [[[[1.0, 2.0], [3.0, 4.0]]]], 2)
    >>> out.Y.tolist()
    [[[[3.0, 1.0], [4.0, 2.0]]]]
    >>> out.dX[0, 0].tolist()
    [[0.0, 0.0, 0.0, 2.0], [1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 4.0, 0.0], [3.0, 0.0, 0.0, 0.0]]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    dY = np.asarray(dY, dtype=float)
    if X.ndim != 4:
        raise ValueError(f"X must be 4-D (N, C, H, W), got shape {X.shape}")
    k = _positive_int(kernel_size, "kernel_size")
    s = k if stride is None else _positive_int(stride, "stride")
    N, C, H, W = X.shape
    if k > H or k > W:
        raise ValueError(f"the window ({k}x{k}) is larger than the image ({H}x{W})")
    Ho, Wo = (H - k) // s + 1, (W - k) // s + 1
    if dY.shape != (N, C, Ho, Wo):
        raise ValueError(f"dY must have shape {(N, C, Ho, Wo)}, got {dY.shape}")
    windows = np.lib.stride_tricks.sliding_window_view(X, (k, k), axis=(2, 3))
    windows = windows[:, :, : (Ho - 1) * s + 1 : s, : (Wo - 1) * s + 1 : s]
    flat = windows.reshape(N, C, Ho, Wo, k * k)  # window (i, j), row-major
    winner = np.argmax(flat, axis=-1)  # the first maximum of each window
    Y = np.take_along_axis(flat, winner[..., None], axis=-1)[..., 0]
    rows = np.arange(Ho)[:, None] * s + winner // k
    cols = np.arange(Wo)[None, :] * s + winner % k
    n = np.arange(N)[:, None, None, None]
    c = np.arange(C)[None, :, None, None]
    dX = np.zeros_like(X)
    np.add.at(dX, (n, c, rows, cols), dY)  # overlapping windows may share a winner
    return MaxPool(Y, dX)
    # END SOLUTION
