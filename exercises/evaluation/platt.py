r"""Platt scaling: turning classifier scores into probabilities.

A margin or a raw score is not a probability. Platt scaling fits a one-dimensional
logistic regression, p = sigma(a s + b), to held-out scores and labels by maximum
likelihood; Newton's method converges in a handful of steps on this concave problem.
"""

from typing import NamedTuple

import numpy as np


class Platt(NamedTuple):
    a: float
    b: float


def platt_scaling(scores, y, max_iter=100):
    r"""Maximum-likelihood fit of :math:`P(y = 1 \mid s) = \sigma(a s + b)`.

    Minimise the negative log-likelihood (no target smoothing: the targets are the
    labels themselves)

    .. math::

        L(a, b) = \sum_{i=1}^n \left[ \ln\left(1 + e^{z_i}\right) - y_i z_i \right],
        \qquad z_i = a s_i + b,

    by Newton's method from :math:`(a, b) = (0, 0)`, with
    :math:`x_i = (s_i, 1)`, :math:`p_i = \sigma(z_i)`,

    .. math::

        \nabla L = \sum_i (p_i - y_i)\, x_i, \qquad
        \nabla^2 L = \sum_i p_i (1 - p_i)\, x_i x_i^\top, \qquad
        \theta \leftarrow \theta - (\nabla^2 L)^{-1} \nabla L,

    halving a step while it does not decrease L, until the step is negligible or
    ``max_iter`` steps were taken. The data must not be separable (else the optimum
    is at infinity).

    Parameters
    ----------
    scores : array_like, shape (n,)
        The classifier's scores s, finite.
    y : array_like of int, shape (n,)
        Labels in {0, 1}, both present.
    max_iter : int, optional
        The largest number of Newton steps, >= 1.

    Returns
    -------
    Platt
        ``a`` and ``b`` (floats).

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1 or only one class is present, if a score is not finite, or if max_iter is
        not a positive integer.

    Examples
    --------
    >>> a, b = platt_scaling([-1, -1, -1, -1, 1, 1, 1, 1], [0, 0, 0, 1, 0, 1, 1, 1])
    >>> round(a, 6), round(b, 6) + 0.0  # sigma(a + b) = 3/4, sigma(b - a) = 1/4: a = ln 3
    (1.098612, 0.0)
    """
    # TODO: write platt_scaling (the docstring above has the maths).
    raise NotImplementedError("platt_scaling is not implemented yet")
