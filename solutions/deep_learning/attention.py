r"""Scaled dot-product attention with an optional boolean mask.

The core of every Transformer: each query takes a weighted average of the values, the
weights a softmax of its dot products with the keys. Scaling by 1/√d_k keeps those
scores O(1), and a mask decides which keys each query may see.
"""

from typing import NamedTuple

import numpy as np


class Attention(NamedTuple):
    output: np.ndarray
    weights: np.ndarray


def _checked(Q, K, V, mask):
    """Q, K, V as float arrays and the mask broadcast to the scores' shape, or ValueError."""
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    if Q.ndim < 2 or K.ndim < 2 or V.ndim < 2:
        raise ValueError(
            f"Q, K and V need at least 2 dims (..., n, d), got {Q.shape}, {K.shape}, {V.shape}"
        )
    if not Q.shape[:-2] == K.shape[:-2] == V.shape[:-2]:
        raise ValueError(
            f"Q, K and V must share their leading axes, got {Q.shape}, {K.shape}, {V.shape}"
        )
    n_q, d_k = Q.shape[-2:]
    n_k, d_v = V.shape[-2:]
    if K.shape[-1] != d_k or K.shape[-2] != n_k:
        raise ValueError(f"K must have shape (..., {n_k}, {d_k}), got {K.shape}")
    if 0 in (n_q, n_k, d_k, d_v):
        raise ValueError(f"empty attention: n_q={n_q}, n_k={n_k}, d_k={d_k}, d_v={d_v}")
    shape = Q.shape[:-1] + (n_k,)
    if mask is None:
        return Q, K, V, np.ones(shape, dtype=bool)
    mask = np.asarray(mask)
    if mask.dtype != bool:
        raise ValueError(f"mask must be a bool array (True = may attend), got {mask.dtype}")
    try:
        mask = np.broadcast_to(mask, shape)
    except ValueError:
        raise ValueError(f"mask of shape {mask.shape} does not broadcast to {shape}") from None
    return Q, K, V, mask


def attention(Q, K, V, mask=None):
    r"""Scaled dot-product attention: softmax(Q Kᵀ/√d_k) V, with an optional mask.

    For every leading index (batch, head, ...),

    .. math::

        S = \frac{Q K^\top}{\sqrt{d_k}}, \qquad
        P_{ij} = \frac{M_{ij} \, e^{S_{ij} - m_i}}{\sum_l M_{il} \, e^{S_{il} - m_i}},
        \qquad m_i = \max_{l : M_{il}} S_{il}, \qquad
        \text{output} = P V,

    with :math:`M` the mask (True = may attend; all True without one). The shift by
    :math:`m_i` cancels in the ratio and keeps every exponent ≤ 0. A query row with no
    key to attend to gets :math:`P_{i\cdot} = 0` and a zero output row.

    Parameters
    ----------
    Q : array_like, shape (..., n_q, d_k)
        Queries.
    K : array_like, shape (..., n_k, d_k)
        Keys, with the same leading axes as Q (no broadcasting).
    V : array_like, shape (..., n_k, d_v)
        Values, with the same leading axes.
    mask : array_like of bool, optional
        Broadcastable to (..., n_q, n_k); True where query i may attend to key j.

    Returns
    -------
    Attention
        ``output`` of shape (..., n_q, d_v) and ``weights`` of shape (..., n_q, n_k).

    Raises
    ------
    ValueError
        If an input has fewer than 2 dims, n_q, n_k, d_k or d_v is 0, the last or
        leading axes do not match, or the mask is not bool or does not broadcast.

    Examples
    --------
    >>> Q = [[1.0, 1.0, 1.0, 1.0]]
    >>> K = [[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]]
    >>> V = [[1.0, 0.0], [0.0, 1.0]]
    >>> out = attention(Q, K, V)
    >>> out.weights.round(6).tolist()  # softmax of the scores [4/√4, 0] = [2, 0]
    [[0.880797, 0.119203]]
    >>> out.output.round(6).tolist()
    [[0.880797, 0.119203]]
    >>> attention(Q, K, V, mask=[[False, True]]).weights.tolist()
    [[0.0, 1.0]]
    >>> attention(Q, K, V, mask=[[False, False]]).output.tolist()
    [[0.0, 0.0]]
    """
    # BEGIN SOLUTION
    Q, K, V, mask = _checked(Q, K, V, mask)
    d_k = Q.shape[-1]
    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)
    S = np.where(mask, S, -np.inf)
    m = np.max(S, axis=-1, keepdims=True)  # -inf on a fully masked row
    m = np.where(np.isfinite(m), m, 0.0)
    e = np.exp(S - m)  # exactly 0 where masked
    total = np.sum(e, axis=-1, keepdims=True)
    weights = e / np.where(total > 0, total, 1.0)
    return Attention(weights @ V, weights)
    # END SOLUTION
