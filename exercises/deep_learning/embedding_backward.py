r"""The gradient of an embedding lookup.

An embedding layer looks rows up in a table, E = W[idx]; its backward pass sends each
position's gradient back to the row it read. A token that appears several times must
collect all of its gradients, which plain fancy-index assignment silently drops.
"""

import numpy as np


def embedding_backward(idx, dE, vocab_size, padding_idx=None):
    r"""The gradient of :math:`L = \sum E \odot dE` with respect to W, for E = W[idx].

    .. math::

        \frac{\partial L}{\partial W_{v}} = \sum_{p \,:\, \mathrm{idx}_p = v} dE_p,
        \qquad v = 0, \dots, \text{vocab\_size} - 1

    A repeated index accumulates; rows never looked up are 0; the row ``padding_idx``,
    when given, stays 0 (as PyTorch's ``padding_idx``).

    Parameters
    ----------
    idx : array_like of int, any shape
        The looked-up rows, each in [0, vocab_size) (negative ones are refused).
    dE : array_like, shape idx.shape + (d,)
        The upstream gradient of the looked-up embeddings.
    vocab_size : int
        The number of rows of W, at least 1.
    padding_idx : int, optional
        A row whose gradient is kept at 0.

    Returns
    -------
    numpy.ndarray of shape (vocab_size, d)
        dW.

    Raises
    ------
    ValueError
        If idx is not of an integer dtype, an index is outside [0, vocab_size), dE is not
        of shape idx.shape + (d,), vocab_size < 1, or padding_idx is outside
        [0, vocab_size).

    Examples
    --------
    >>> dE = [[1.0, 0.0], [2.0, 1.0], [0.5, 0.5]]
    >>> embedding_backward([2, 0, 2], dE, 4).tolist()
    [[2.0, 1.0], [0.0, 0.0], [1.5, 0.5], [0.0, 0.0]]
    >>> embedding_backward([2, 0, 2], dE, 4, padding_idx=0).tolist()
    [[0.0, 0.0], [0.0, 0.0], [1.5, 0.5], [0.0, 0.0]]
    """
    # TODO: write embedding_backward (the docstring above has the maths).
    raise NotImplementedError("embedding_backward is not implemented yet")
