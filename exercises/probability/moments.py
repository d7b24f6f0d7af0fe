r"""Mean and variance of a discrete random variable.

The expectation weights each value by its probability; the variance is the expected
squared deviation from the mean, computed about the mean so that large offsets cancel
exactly instead of catastrophically.
"""

from typing import NamedTuple

import numpy as np


class Moments(NamedTuple):
    mean: float
    variance: float


def discrete_moments(values, probs):
    r"""Mean and variance of a random variable taking ``values[i]`` with ``probs[i]``.

    .. math::

        \mu = \mathbb{E}[X] = \sum_{i} p_i x_i, \qquad
        \sigma^2 = \mathbb{E}[(X - \mu)^2] = \sum_{i} p_i (x_i - \mu)^2

    Parameters
    ----------
    values : array_like, shape (k,)
        The values :math:`x_i` (finite).
    probs : array_like, shape (k,)
        Their probabilities :math:`p_i`: non-negative, summing to 1 within 1e-9.

    Returns
    -------
    Moments
        ``mean`` and ``variance`` (floats).

    Raises
    ------
    ValueError
        If an input is not 1-D, is empty, the shapes differ, values are not finite, or
        probs is negative somewhere or does not sum to 1 within 1e-9.

    Examples
    --------
    >>> mean, variance = discrete_moments([1, 2, 3, 4, 5, 6], [1 / 6] * 6)
    >>> round(float(mean), 6), round(float(variance), 6)
    (3.5, 2.916667)
    """
    # TODO: write discrete_moments (the docstring above has the maths).
    raise NotImplementedError("discrete_moments is not implemented yet")
