r"""Binary cross-entropy computed from logits, stable for any logit.

Logistic regression and every binary classifier minimise it. Working from the logit
instead of the probability avoids log(0): the loss of a confident mistake is simply
its logit, never -inf.
"""

from typing import NamedTuple

import numpy as np


class Loss(NamedTuple):
    loss: float
    grad: np.ndarray


def bce_with_logits(z, y):
    r"""Mean binary cross-entropy of labels ``y`` under probabilities σ(z), and its gradient.

    .. math::

        \ell_i &= -\big(y_i \log \sigma(z_i) + (1 - y_i) \log(1 - \sigma(z_i))\big)
               = \max(z_i, 0) - y_i z_i + \log\big(1 + e^{-|z_i|}\big) \\
        L &= \frac{1}{n} \sum_{i=1}^{n} \ell_i, \qquad
        \frac{\partial L}{\partial z_i} = \frac{\sigma(z_i) - y_i}{n}

    The second form of :math:`\ell_i` (from :math:`\log \sigma(z) = -\log(1 + e^{-z})`
    and :math:`\log(1 - \sigma(z)) = -z - \log(1 + e^{-z})`) only exponentiates
    :math:`-|z_i| \le 0`.

    Parameters
    ----------
    z : array_like, shape (n,)
        Logits.
    y : array_like, shape (n,)
        Targets in [0, 1] (hard labels 0/1, or soft labels).

    Returns
    -------
    Loss
        ``loss`` (float) and ``grad`` (array of shape (n,)).

    Raises
    ------
    ValueError
        If z or y is not 1-D, they differ in length, they are empty, or some
        :math:`y_i` is outside [0, 1].

    Examples
    --------
    >>> loss, grad = bce_with_logits([0.0], [1.0])
    >>> round(float(loss), 6), grad.tolist()
    (0.693147, [-0.5])
    >>> round(float(bce_with_logits([-1000.0, 1000.0], [1.0, 1.0]).loss), 6)
    500.0
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    if z.ndim != 1 or y.ndim != 1:
        raise ValueError(f"z and y must be 1-D, got shapes {z.shape} and {y.shape}")
    if z.shape != y.shape:
        raise ValueError(f"z and y differ in length: {z.shape} and {y.shape}")
    n = z.size
    if n == 0:
        raise ValueError("z and y are empty")
    if np.any((y < 0) | (y > 1)):
        raise ValueError("targets y must lie in [0, 1]")
    e = np.exp(-np.abs(z))
    losses = np.maximum(z, 0.0) - y * z + np.log1p(e)
    sigma = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return Loss(float(np.mean(losses)), (sigma - y) / n)
    # END SOLUTION
