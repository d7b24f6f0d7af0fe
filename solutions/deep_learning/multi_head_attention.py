r"""Multi-head self-attention, the sequence-mixing layer of a Transformer.

Each head attends in its own d_model/n_heads-dimensional slice of the projected
queries, keys and values; their outputs are concatenated and mixed by Wo. A causal
mask keeps a decoder from looking at later positions.
"""

import operator
from typing import NamedTuple

import numpy as np


class MHA(NamedTuple):
    output: np.ndarray
    weights: np.ndarray


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    r"""Multi-head self-attention of a sequence (or a batch of sequences).

    With :math:`d_h = d_\text{model} / H` and head h taking the columns
    :math:`h d_h, \dots, (h + 1) d_h - 1` of each projection,

    .. math::

        Q = X W_q, \quad K = X W_k, \quad V = X W_v, \qquad
        A_h = \operatorname{softmax}\!\Big(\frac{Q_h K_h^\top}{\sqrt{d_h}} + C\Big) ,
        \qquad O_h = A_h V_h,

        \text{output} = [\,O_0 \;\; O_1 \;\cdots\; O_{H-1}\,] \, W_o,

    the softmax over the keys (each row), with :math:`C_{ij} = -\infty` for
    :math:`j > i` when ``causal`` (query i sees keys 0 … i) and 0 otherwise.

    Parameters
    ----------
    X : array_like, shape (n, d_model) or (B, n, d_model)
        One sequence of n tokens, or B sequences (which never interact).
    Wq, Wk, Wv, Wo : array_like, shape (d_model, d_model)
        The projections of the queries, keys and values, and of the output (no biases).
    n_heads : int
        The number of heads H ≥ 1; it must divide d_model.
    causal : bool, optional
        If True, query i may attend only to keys j ≤ i.

    Returns
    -------
    MHA
        ``output`` shaped like X, and ``weights`` of shape (H, n, n) or (B, H, n, n):
        ``weights[..., h, i, j]`` is how much query i of head h takes from token j.

    Raises
    ------
    ValueError
        If X is not 2-D or 3-D, or has no token or no feature, n_heads is not an
        integer ≥ 1 or does not divide d_model, or a W is not (d_model, d_model).

    Examples
    --------
    >>> I = np.eye(2)
    >>> out = multi_head_attention([[1.0, 0.0], [0.0, 1.0]], I, I, I, I, n_heads=2)
    >>> out.weights.round(6).tolist()  # head 0 sees column 0, head 1 column 1
    [[[0.731059, 0.268941], [0.5, 0.5]], [[0.5, 0.5], [0.268941, 0.731059]]]
    >>> out.output.round(6).tolist()
    [[0.731059, 0.5], [0.5, 0.731059]]
    >>> multi_head_attention([[1.0, 0.0], [0.0, 1.0]], I, I, I, I, 1, causal=True).weights[0, 0]
    array([1., 0.])
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim not in (2, 3):
        raise ValueError(f"X must be (n, d_model) or (B, n, d_model), got shape {X.shape}")
    if isinstance(n_heads, (bool, np.bool_)):
        raise ValueError("n_heads must be an integer >= 1, got a bool")
    try:
        H = operator.index(n_heads)
    except TypeError:
        raise ValueError(f"n_heads must be an integer >= 1, got {n_heads!r}") from None
    n, d_model = X.shape[-2:]
    if n == 0 or d_model == 0:
        raise ValueError(f"X has no token or no feature: shape {X.shape}")
    if H < 1 or d_model % H:
        raise ValueError(f"n_heads = {n_heads} must be >= 1 and divide d_model = {d_model}")
    Ws = [np.asarray(W, dtype=float) for W in (Wq, Wk, Wv, Wo)]
    for name, W in zip(("Wq", "Wk", "Wv", "Wo"), Ws, strict=True):
        if W.shape != (d_model, d_model):
            raise ValueError(f"{name} must be ({d_model}, {d_model}), got {W.shape}")
    Wq, Wk, Wv, Wo = Ws
    d_h = d_model // H

    def heads(Z):  # (..., n, d_model) -> (..., H, n, d_h): head h = columns h*d_h ...
        return np.swapaxes(Z.reshape(Z.shape[:-1] + (H, d_h)), -2, -3)

    Q, K, V = heads(X @ Wq), heads(X @ Wk), heads(X @ Wv)
    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_h)
    if causal:
        S = np.where(np.tril(np.ones((n, n), dtype=bool)), S, -np.inf)
    S = S - S.max(axis=-1, keepdims=True)  # the diagonal is never masked: finite
    A = np.exp(S)
    A /= A.sum(axis=-1, keepdims=True)
    O = np.swapaxes(A @ V, -2, -3)  # (..., n, H, d_h)
    return MHA(O.reshape(X.shape) @ Wo, A)
    # END SOLUTION
