r"""word2vec: the skip-gram loss with negative sampling and its gradients.

Skip-gram learns word vectors by telling a real (centre, context) pair from K random
"negative" pairs with a logistic loss: a cheap stand-in for a softmax over the whole
vocabulary, and the origin of the embeddings every language model starts from.
"""

from typing import NamedTuple

import numpy as np


class SGNS(NamedTuple):
    """The mean loss of the batch and its gradients with respect to both embeddings."""

    loss: float
    dW_in: np.ndarray
    dW_out: np.ndarray


def _indices(value, what, V, ndim):
    """An integer array of the given number of dimensions with entries in [0, V)."""
    a = np.asarray(value)
    if a.ndim != ndim:
        raise ValueError(f"{what} must be {ndim}-D, got shape {a.shape}")
    if a.size and a.dtype.kind not in "iu":
        if a.dtype.kind != "f" or not np.all(np.isfinite(a)) or np.any(a != np.round(a)):
            raise ValueError(f"{what} must hold integer indices, got dtype {a.dtype}")
    if a.size and (a.min() < 0 or a.max() >= V):
        raise ValueError(f"{what} has indices outside [0, {V})")
    return a.astype(np.int64)


def sgns_loss_and_grad(W_in, W_out, center, context, negatives):
    r"""The skip-gram negative-sampling loss of a batch and its exact gradients.

    With :math:`v_b = W_{in}[c_b]`, :math:`u_b = W_{out}[o_b]` and
    :math:`n_{bk} = W_{out}[\nu_{bk}]`,

    .. math::

        L = \frac{1}{B} \sum_{b=1}^{B} \Bigl[-\ln\sigma(u_b \cdot v_b)
            - \sum_{k=1}^{K} \ln\sigma(-n_{bk} \cdot v_b)\Bigr],

        \frac{\partial L}{\partial v_b} = \frac{1}{B}\Bigl[(\sigma(u_b \cdot v_b) - 1)\,u_b
            + \sum_k \sigma(n_{bk} \cdot v_b)\, n_{bk}\Bigr],

        \frac{\partial L}{\partial u_b} = \frac{1}{B}(\sigma(u_b \cdot v_b) - 1)\, v_b,
        \qquad
        \frac{\partial L}{\partial n_{bk}} = \frac{1}{B}\sigma(n_{bk} \cdot v_b)\, v_b,

    each accumulated into the row of W_in or W_out it was read from (repeated indices
    add up). :math:`-\ln\sigma(x)` is evaluated as logaddexp(0, -x), finite for any x.

    Parameters
    ----------
    W_in : array_like, shape (V, d)
        Centre ("input") embeddings.
    W_out : array_like, shape (V, d)
        Context ("output") embeddings.
    center : array_like of int, shape (B,)
        The centre word of each pair, indices in [0, V).
    context : array_like of int, shape (B,)
        The true context word of each pair.
    negatives : array_like of int, shape (B, K)
        K negative words per pair, used as given (K may be 0).

    Returns
    -------
    SGNS
        ``loss`` (float), ``dW_in`` and ``dW_out`` (V, d) arrays.

    Raises
    ------
    ValueError
        If W_in and W_out are not 2-D of the same shape, B = 0, negatives is not (B, K),
        the lengths differ, or an index is out of range or not an integer.

    Examples
    --------
    >>> W_in = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> W_out = np.array([[0.0, 0.0], [1.0, 1.0]])
    >>> result = sgns_loss_and_grad(W_in, W_out, [0], [1], [[0]])
    >>> round(result.loss, 6)
    1.006409
    >>> result.dW_in.round(6).tolist()
    [[-0.268941, -0.268941], [0.0, 0.0]]
    >>> result.dW_out.round(6).tolist()
    [[0.5, 0.0], [-0.268941, 0.0]]
    """
    # BEGIN SOLUTION
    W_in = np.asarray(W_in, dtype=float)
    W_out = np.asarray(W_out, dtype=float)
    if W_in.ndim != 2 or W_in.shape != W_out.shape:
        raise ValueError(
            f"W_in and W_out must be 2-D of the same shape, got {W_in.shape} and {W_out.shape}"
        )
    V, d = W_in.shape
    center = _indices(center, "center", V, 1)
    context = _indices(context, "context", V, 1)
    negatives = _indices(negatives, "negatives", V, 2)
    B = center.size
    if B == 0:
        raise ValueError("the batch is empty (B = 0)")
    if context.size != B or negatives.shape[0] != B:
        raise ValueError(
            f"center {center.shape}, context {context.shape} and negatives {negatives.shape} "
            "must describe the same B pairs"
        )
    v = W_in[center]  # (B, d)
    u = W_out[context]  # (B, d)
    n = W_out[negatives]  # (B, K, d)
    s_pos = np.einsum("bd,bd->b", u, v)
    s_neg = np.einsum("bkd,bd->bk", n, v)
    loss = (np.logaddexp(0.0, -s_pos).sum() + np.logaddexp(0.0, s_neg).sum()) / B
    g_pos = -np.exp(-np.logaddexp(0.0, s_pos)) / B  # (σ(s) - 1)/B = -σ(-s)/B
    g_neg = np.exp(-np.logaddexp(0.0, -s_neg)) / B  # σ(s)/B
    dv = g_pos[:, None] * u + np.einsum("bk,bkd->bd", g_neg, n)
    dW_in = np.zeros((V, d))
    np.add.at(dW_in, center, dv)
    dW_out = np.zeros((V, d))
    np.add.at(dW_out, context, g_pos[:, None] * v)
    np.add.at(dW_out, negatives.ravel(), (g_neg[:, :, None] * v[:, None, :]).reshape(-1, d))
    return SGNS(float(loss), dW_in, dW_out)
    # END SOLUTION
