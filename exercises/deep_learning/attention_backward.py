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
    # TODO: write attention_backward (the docstring above has the maths).
    raise NotImplementedError("attention_backward is not implemented yet")
