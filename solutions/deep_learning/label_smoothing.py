r"""Cross-entropy with label smoothing, and its gradient in the logits.

A one-hot target asks the network for infinitely large logit gaps; label smoothing
mixes it with the uniform distribution, which keeps the logits bounded and the model
less over-confident. Every class's log-probability now enters the loss, so it must be
computed with log-softmax, never as the log of a probability that may underflow to 0.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Loss(NamedTuple):
    loss: float
    grad: np.ndarray


def label_smoothing_cross_entropy(logits, labels, epsilon):
    r"""Mean cross-entropy against label-smoothed targets, and its gradient.

    .. math::

        q_{ik} = (1 - \varepsilon)\,[k = y_i] + \frac{\varepsilon}{K}, \qquad
        \log p_{ik} = z_{ik} - \log \sum_j e^{z_{ij}}, \\
        L = -\frac{1}{n} \sum_{i=1}^{n} \sum_{k=1}^{K} q_{ik} \log p_{ik}, \qquad
        \frac{\partial L}{\partial z_{ik}} = \frac{p_{ik} - q_{ik}}{n}

    The smoothing mass :math:`\varepsilon/K` goes to every class, the true one
    included (which gets :math:`1 - \varepsilon + \varepsilon/K`), as in Szegedy et al.
    and PyTorch's ``CrossEntropyLoss(label_smoothing=ε)``. The log-softmax is computed
    with each row's maximum shifted out, so logits of :math:`\pm 10^3` give a finite
    loss.

    Parameters
    ----------
    logits : array_like, shape (n, K)
        Unnormalised scores, one row per sample.
    labels : array_like, shape (n,)
        The true class of each sample, whole numbers in 0..K-1 (ints, or floats such as
        2.0).
    epsilon : float
        The smoothing :math:`\varepsilon \in [0, 1]`; 0 is plain cross-entropy, 1 the
        uniform target.

    Returns
    -------
    Loss
        ``loss`` (a float, the mean over the rows) and ``grad`` (an array of shape
        (n, K), the gradient of the loss in the logits).

    Raises
    ------
    ValueError
        If epsilon is not a number in [0, 1], logits is not 2-D or is empty, labels is
        not of shape (n,), or a label is not a whole number in 0..K-1.

    Examples
    --------
    Two classes with probabilities (1/4, 3/4), the true class 1 and ε = 0.2, so the
    target is (0.1, 0.9):

    >>> loss, grad = label_smoothing_cross_entropy([[0.0, np.log(3.0)]], [1], 0.2)
    >>> round(loss, 6), grad.round(6).tolist()
    (0.397543, [[0.15, -0.15]])
    >>> round(label_smoothing_cross_entropy([[1000.0, -1000.0]], [0], 0.1).loss, 6)
    100.0
    """
    # BEGIN SOLUTION
    if (
        isinstance(epsilon, bool)
        or not isinstance(epsilon, numbers.Real)
        or not 0.0 <= epsilon <= 1.0
    ):
        raise ValueError(f"epsilon must be a number in [0, 1], got {epsilon!r}")
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
        if labels.dtype.kind != "f" or not np.all(labels == np.round(labels)):
            raise ValueError("labels must be whole numbers")
    if np.any(labels < 0) or np.any(labels >= k):
        raise ValueError(f"labels must be in 0..{k - 1}, got {labels.min()}..{labels.max()}")
    labels = labels.astype(int)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    target = np.full((n, k), epsilon / k)
    target[np.arange(n), labels] += 1.0 - epsilon
    loss = float(-np.sum(target * log_p) / n)
    grad = (np.exp(log_p) - target) / n
    return Loss(loss, grad)
    # END SOLUTION
