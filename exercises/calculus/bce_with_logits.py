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
    # TODO: write bce_with_logits (the docstring above has the maths).
    raise NotImplementedError("bce_with_logits is not implemented yet")
