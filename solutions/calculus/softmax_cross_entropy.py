r"""Mean softmax cross-entropy of integer labels, and its gradient.

The loss at the top of every classifier. Its gradient with respect to the logits is
strikingly simple, softmax minus one-hot, and computing the loss through log-sum-exp
keeps it finite for any logits.
"""

from typing import NamedTuple

import numpy as np


class Loss(NamedTuple):
    loss: float
    grad: np.ndarray


def softmax_cross_entropy(logits, labels):
    r"""Mean cross-entropy of softmax probabilities, and its gradient in the logits.

    .. math::

        L = \frac{1}{n} \sum_{i=1}^{n}
            \Big( \log \sum_{k} e^{z_{ik}} - z_{i y_i} \Big), \qquad
        \frac{\partial L}{\partial z_{ik}} = \frac{1}{n}
            \big( \operatorname{softmax}(z_i)_k - [k = y_i] \big)

    The log-sum-exp is taken with each row's maximum shifted out, so no exponent is
    positive and the log never sees 0, even for logits of :math:`10^3` or more.

    Parameters
    ----------
    logits : array_like, shape (n, K)
        Unnormalised scores, one row per sample.
    labels : array_like of int, shape (n,)
        The true class of each sample, in 0..K-1.

    Returns
    -------
    Loss
        ``loss`` (float) and ``grad`` (array of shape (n, K)).

    Raises
    ------
    ValueError
        If logits is not 2-D or empty, labels is not 1-D of length n, or a label is
        not an integer in 0..K-1.

    Examples
    --------
    >>> loss, grad = softmax_cross_entropy([[0.0, np.log(3.0)]], [1])
    >>> round(float(loss), 6), grad.round(6).tolist()
    (0.287682, [[0.25, -0.25]])
    >>> round(float(softmax_cross_entropy([[1000.0, 0.0]], [1]).loss), 6)
    1000.0
    """
    # BEGIN SOLUTION
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels)
    if logits.ndim != 2:
        raise ValueError(f"logits must be 2-D (n, K), got shape {logits.shape}")
    n, k = logits.shape
    if n == 0 or k == 0:
        raise ValueError(f"logits is empty (shape {logits.shape})")
    if labels.shape != (n,):
        raise ValueError(f"labels must have shape ({n},), got {labels.shape}")
    if labels.dtype.kind not in "iu":
        if labels.dtype.kind != "f" or np.any(labels != np.round(labels)):
            raise ValueError("labels must be integers")
        labels = labels.astype(int)
    if np.any(labels < 0) or np.any(labels >= k):
        raise ValueError(f"labels must be in 0..{k - 1}, got {labels.min()}..{labels.max()}")
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    rows = np.arange(n)
    loss = float(np.mean(log_norm - shifted[rows, labels]))
    grad = np.exp(shifted - log_norm[:, None])
    grad[rows, labels] -= 1.0
    grad /= n
    return Loss(loss, grad)
    # END SOLUTION
