r"""Forward and backward pass of one LSTM step for a batch.

The LSTM's cell state c is updated additively (c = f ⊙ c_prev + i ⊙ g), which lets
gradients flow across many steps; its backward pass shows the two routes by which the
loss reaches c (directly through dc, and through h = o ⊙ tanh(c)).
"""

from typing import NamedTuple

import numpy as np


class LSTM(NamedTuple):
    h: np.ndarray
    c: np.ndarray
    dx: np.ndarray
    dh_prev: np.ndarray
    dc_prev: np.ndarray
    dW: np.ndarray
    dU: np.ndarray
    db: np.ndarray


def _sigmoid(z):
    """σ(z) without overflow: exp only of -|z|."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_cell_forward_backward(x, h_prev, c_prev, W, U, b, dh, dc):
    r"""One LSTM step (gate order i, f, g, o) and the gradients of a loss through it.

    .. math::

        z = x W + h_{prev} U + b = [z_i \mid z_f \mid z_g \mid z_o], \\
        i = \sigma(z_i), \quad f = \sigma(z_f), \quad g = \tanh(z_g), \quad
        o = \sigma(z_o), \\
        c = f \odot c_{prev} + i \odot g, \qquad h = o \odot \tanh(c)

    For :math:`L = \sum h \odot dh + \sum c \odot dc`, the cell gets both routes,
    :math:`\delta c = dc + dh \odot o \odot (1 - \tanh^2 c)`, and

    .. math::

        dz_i = \delta c \odot g \odot i(1 - i), \quad
        dz_f = \delta c \odot c_{prev} \odot f(1 - f), \quad
        dz_g = \delta c \odot i \odot (1 - g^2), \quad
        dz_o = dh \odot \tanh(c) \odot o(1 - o), \\
        dc_{prev} = \delta c \odot f, \quad dx = dz W^\top, \quad
        dh_{prev} = dz U^\top, \quad dW = x^\top dz, \quad dU = h_{prev}^\top dz,
        \quad db = \textstyle\sum_n dz_n

    Parameters
    ----------
    x : array_like, shape (N, d_in)
        The inputs of the batch.
    h_prev, c_prev : array_like, shape (N, d_h)
        The previous hidden and cell states.
    W : array_like, shape (d_in, 4 d_h)
        Input weights, columns in blocks of d_h for the gates i, f, g, o.
    U : array_like, shape (d_h, 4 d_h)
        Recurrent weights, same column blocks.
    b : array_like, shape (4 d_h,)
        The bias (no extra forget bias is added).
    dh, dc : array_like, shape (N, d_h)
        Gradients of the loss with respect to the new h and c (dc comes from the next
        step; zeros at the last step).

    Returns
    -------
    LSTM
        ``h``, ``c`` (N, d_h) and the gradients ``dx`` (N, d_in), ``dh_prev``,
        ``dc_prev`` (N, d_h), ``dW`` like W, ``dU`` like U, ``db`` (4 d_h,).

    Raises
    ------
    ValueError
        If an input is not 2-D (b not 1-D), a dimension is 0, or the shapes do not fit.

    Examples
    --------
    With zero weights every gate sees z = 0: i = f = o = 0.5 and g = 0, so
    c = 0.5·c_prev and h = 0.5·tanh(c).

    >>> zeros = [[0.0, 0.0, 0.0, 0.0]]
    >>> out = lstm_cell_forward_backward([[1.0]], [[0.0]], [[1.0]], zeros, zeros,
    ...                                  [0.0, 0.0, 0.0, 0.0], [[1.0]], [[0.0]])
    >>> out.c.tolist(), out.h.round(6).tolist(), out.dc_prev.round(6).tolist()
    ([[0.5]], [[0.231059]], [[0.196612]])
    >>> out.db.round(6).tolist()
    [0.0, 0.098306, 0.196612, 0.115529]
    """
    # BEGIN SOLUTION
    x, h_prev, c_prev, W, U, b, dh, dc = (
        np.asarray(a, dtype=float) for a in (x, h_prev, c_prev, W, U, b, dh, dc)
    )
    for name, a in (("x", x), ("h_prev", h_prev), ("c_prev", c_prev), ("W", W), ("U", U)):
        if a.ndim != 2:
            raise ValueError(f"{name} must be 2-D, got shape {a.shape}")
    for name, a in (("dh", dh), ("dc", dc)):
        if a.ndim != 2:
            raise ValueError(f"{name} must be 2-D, got shape {a.shape}")
    N, d_in = x.shape
    d_h = h_prev.shape[1]
    if N == 0 or d_in == 0 or d_h == 0:
        raise ValueError(f"empty input: x has shape {x.shape}, h_prev has shape {h_prev.shape}")
    for name, a in (("h_prev", h_prev), ("c_prev", c_prev), ("dh", dh), ("dc", dc)):
        if a.shape != (N, d_h):
            raise ValueError(f"{name} has shape {a.shape}, expected {(N, d_h)}")
    if W.shape != (d_in, 4 * d_h) or U.shape != (d_h, 4 * d_h) or b.shape != (4 * d_h,):
        raise ValueError(
            f"W {W.shape}, U {U.shape} and b {b.shape} must be {(d_in, 4 * d_h)}, "
            f"{(d_h, 4 * d_h)} and {(4 * d_h,)}"
        )
    z = x @ W + h_prev @ U + b
    i = _sigmoid(z[:, :d_h])
    f = _sigmoid(z[:, d_h : 2 * d_h])
    g = np.tanh(z[:, 2 * d_h : 3 * d_h])
    o = _sigmoid(z[:, 3 * d_h :])
    c = f * c_prev + i * g
    tc = np.tanh(c)
    h = o * tc
    dc_total = dc + dh * o * (1.0 - tc**2)
    dz = np.concatenate(
        [
            dc_total * g * i * (1.0 - i),
            dc_total * c_prev * f * (1.0 - f),
            dc_total * i * (1.0 - g**2),
            dh * tc * o * (1.0 - o),
        ],
        axis=1,
    )
    return LSTM(h, c, dz @ W.T, dz @ U.T, dc_total * f, x.T @ dz, h_prev.T @ dz, dz.sum(axis=0))
    # END SOLUTION
