r"""Forward pass and full backpropagation through time of a vanilla tanh RNN.

A recurrent network applies the same weights at every step, so a weight's gradient
collects a contribution from every step, and each step's error flows back through all
the earlier ones (through Wh and tanh'): that backward recursion is BPTT.
"""

from typing import NamedTuple

import numpy as np


class RNN(NamedTuple):
    H: np.ndarray
    dX: np.ndarray
    dh0: np.ndarray
    dWx: np.ndarray
    dWh: np.ndarray
    db: np.ndarray


def rnn_forward_backward(X, h0, Wx, Wh, b, dH):
    r"""Hidden states of a tanh RNN over one sequence and the BPTT gradients.

    .. math::

        h_t = \tanh(x_t W_x + h_{t-1} W_h + b), \qquad t = 1, \dots, T

    With :math:`L = \sum_t h_t \cdot dH_t` (a loss on every step) and
    :math:`dz_{T+1} = 0`, going back from :math:`t = T`:

    .. math::

        dz_t = \bigl(dH_t + dz_{t+1} W_h^\top\bigr) \odot (1 - h_t^2), \\
        dx_t = dz_t W_x^\top, \quad
        dW_x = \sum_t x_t^\top dz_t, \quad
        dW_h = \sum_t h_{t-1}^\top dz_t, \quad
        db = \sum_t dz_t, \quad
        dh_0 = dz_1 W_h^\top

    (:math:`x_t^\top dz_t` is an outer product of row vectors).

    Parameters
    ----------
    X : array_like, shape (T, d_in)
        The inputs; row t - 1 is x_t. T ≥ 1.
    h0 : array_like, shape (d_h,)
        The initial hidden state.
    Wx : array_like, shape (d_in, d_h)
        Input-to-hidden weights.
    Wh : array_like, shape (d_h, d_h)
        Hidden-to-hidden weights.
    b : array_like, shape (d_h,)
        The bias.
    dH : array_like, shape (T, d_h)
        The gradient of the loss with respect to every h_t (row t - 1 for h_t).

    Returns
    -------
    RNN
        ``H`` (T, d_h) holding h_1 … h_T (not h0), and the gradients ``dX`` (T, d_in),
        ``dh0`` (d_h,), ``dWx`` (d_in, d_h), ``dWh`` (d_h, d_h), ``db`` (d_h,).

    Raises
    ------
    ValueError
        If an array has the wrong number of dimensions, the shapes do not fit, or T,
        d_in or d_h is 0.

    Examples
    --------
    A linear regime (everything 0 but the weights keeps every h_t = 0 and tanh' = 1):
    each step's dH flows back through Wh = 0.5 to all earlier steps.

    >>> out = rnn_forward_backward([[0.0], [0.0], [0.0]], [0.0], [[2.0]], [[0.5]], [0.0],
    ...                            [[1.0], [1.0], [1.0]])
    >>> out.H.tolist(), out.dX.tolist(), out.dh0.tolist(), out.db.tolist()
    ([[0.0], [0.0], [0.0]], [[3.5], [3.0], [2.0]], [0.875], [4.25])
    >>> out = rnn_forward_backward([[1.0], [-1.0]], [0.5], [[0.8]], [[-0.6]], [0.1],
    ...                            [[1.0], [2.0]])
    >>> out.H.round(6).tolist(), out.dWh.round(6).tolist()
    ([[0.53705], [-0.770773]], [[0.618474]])
    """
    # BEGIN SOLUTION
    X, h0, Wx, Wh, b, dH = (np.asarray(a, dtype=float) for a in (X, h0, Wx, Wh, b, dH))
    if X.ndim != 2 or dH.ndim != 2 or Wx.ndim != 2 or Wh.ndim != 2:
        raise ValueError(
            f"X, dH, Wx and Wh must be 2-D, got shapes {X.shape}, {dH.shape}, {Wx.shape}, "
            f"{Wh.shape}"
        )
    if h0.ndim != 1 or b.ndim != 1:
        raise ValueError(f"h0 and b must be 1-D, got shapes {h0.shape} and {b.shape}")
    T, d_in = X.shape
    d_h = h0.shape[0]
    if T == 0 or d_in == 0 or d_h == 0:
        raise ValueError(f"empty input: X has shape {X.shape}, h0 has shape {h0.shape}")
    if Wx.shape != (d_in, d_h) or Wh.shape != (d_h, d_h) or b.shape != (d_h,):
        raise ValueError(
            f"Wx {Wx.shape}, Wh {Wh.shape} and b {b.shape} must be {(d_in, d_h)}, "
            f"{(d_h, d_h)} and {(d_h,)}"
        )
    if dH.shape != (T, d_h):
        raise ValueError(f"dH has shape {dH.shape}, expected {(T, d_h)}")
    H = np.empty((T, d_h))
    h = h0
    for t in range(T):
        h = np.tanh(X[t] @ Wx + h @ Wh + b)
        H[t] = h
    H_prev = np.vstack([h0, H[:-1]])  # row t - 1 holds h_{t-1}
    dZ = np.empty((T, d_h))
    carry = np.zeros(d_h)  # dz_{t+1} Wh^T
    for t in range(T - 1, -1, -1):
        dZ[t] = (dH[t] + carry) * (1.0 - H[t] ** 2)
        carry = dZ[t] @ Wh.T
    return RNN(H, dZ @ Wx.T, carry, X.T @ dZ, H_prev.T @ dZ, dZ.sum(axis=0))
    # END SOLUTION
