r"""The backward pass of scaled dot-product attention.

What autodiff does for every Transformer layer, written out: the gradients of a loss
with respect to the queries, keys and values flow back through a matrix product, the
softmax's Jacobian and the scores' product again.
"""

from typing import NamedTuple

import numpy as np


class AttentionGrads(NamedTuple):
    dQ: np.ndarray
    dK: np.ndarray
    dV: np.ndarray


def attention_backward(Q, K, V, dO, mask=None):
    r"""Gradients of :math:`L = \sum \text{output} \odot dO` for scaled dot-product attention.

    With the forward pass of ``attention`` (per leading index),
    :math:`S = Q K^\top / \sqrt{d_k}`, :math:`P` the masked row softmax of S and
    :math:`O = P V`, the chain rule gives

    .. math::

        dV = P^\top dO, \qquad dP = dO \, V^\top, \qquad
        dS_{ij} = P_{ij} \Big( dP_{ij} - \sum_l dP_{il} P_{il} \Big),

        dQ = \frac{dS \, K}{\sqrt{d_k}}, \qquad dK = \frac{dS^\top Q}{\sqrt{d_k}},

    where the middle line is the softmax's Jacobian
    :math:`\partial P_{il} / \partial S_{ij} = P_{il}(\delta_{lj} - P_{ij})` applied to
    each row. Masked entries have :math:`P_{ij} = 0`, so they pass on nothing; a fully
    masked row gives :math:`dS_{i\cdot} = 0`.

    Parameters
    ----------
    Q : array_like, shape (..., n_q, d_k)
        Queries.
    K : array_like, shape (..., n_k, d_k)
        Keys, with the same leading axes as Q.
    V : array_like, shape (..., n_k, d_v)
        Values, with the same leading axes.
    dO : array_like, shape (..., n_q, d_v)
        Gradient of the loss with respect to the output.
    mask : array_like of bool, optional
        Broadcastable to (..., n_q, n_k); True where query i may attend to key j.

    Returns
    -------
    AttentionGrads
        ``dQ``, ``dK`` and ``dV``, shaped like Q, K and V.

    Raises
    ------
    ValueError
        As ``attention`` (fewer than 2 dims, an empty axis, axes that do not match, a
        mask that is not bool or does not broadcast), or if dO is not shaped like the
        output (..., n_q, d_v).

    Examples
    --------
    >>> Q = [[0.0, 0.0]]
    >>> K = [[1.0, 0.0], [0.0, 1.0]]
    >>> V = [[2.0], [0.0]]
    >>> g = attention_backward(Q, K, V, [[1.0]])  # P = [½, ½], dS = [½, -½]
    >>> g.dV.tolist()
    [[0.5], [0.5]]
    >>> (g.dQ * np.sqrt(2)).round(6).tolist()
    [[0.5, -0.5]]
    >>> g.dK.tolist()
    [[0.0, 0.0], [0.0, 0.0]]
    """
    # BEGIN SOLUTION
    Q, K, V, dO = (np.asarray(a, dtype=float) for a in (Q, K, V, dO))
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
    if dO.shape != Q.shape[:-1] + (d_v,):
        raise ValueError(f"dO must have the output's shape {Q.shape[:-1] + (d_v,)}, got {dO.shape}")
    shape = Q.shape[:-1] + (n_k,)
    if mask is None:
        mask = np.ones(shape, dtype=bool)
    mask = np.asarray(mask)
    if mask.dtype != bool:
        raise ValueError(f"mask must be a bool array (True = may attend), got {mask.dtype}")
    try:
        mask = np.broadcast_to(mask, shape)
    except ValueError:
        raise ValueError(f"mask of shape {mask.shape} does not broadcast to {shape}") from None
    scale = 1.0 / np.sqrt(d_k)
    # the forward pass: P, the masked and stable row softmax of the scores
    S = np.where(mask, Q @ np.swapaxes(K, -1, -2) * scale, -np.inf)
    m = np.max(S, axis=-1, keepdims=True)
    e = np.exp(S - np.where(np.isfinite(m), m, 0.0))
    total = np.sum(e, axis=-1, keepdims=True)
    P = e / np.where(total > 0, total, 1.0)
    # the backward pass
    dV = np.swapaxes(P, -1, -2) @ dO
    dP = dO @ np.swapaxes(V, -1, -2)
    dS = P * (dP - np.sum(dP * P, axis=-1, keepdims=True))
    dQ = dS @ K * scale
    dK = np.swapaxes(dS, -1, -2) @ Q * scale
    return AttentionGrads(dQ, dK, dV)
    # END SOLUTION
