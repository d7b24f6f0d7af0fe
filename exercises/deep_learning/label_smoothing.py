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
    # TODO: write label_smoothing_cross_entropy (the docstring above has the maths).
    raise NotImplementedError("label_smoothing_cross_entropy is not implemented yet")
