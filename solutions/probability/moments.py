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
    # BEGIN SOLUTION
    values = np.asarray(values, dtype=float)
    probs = np.asarray(probs, dtype=float)
    if values.ndim != 1 or probs.ndim != 1:
        raise ValueError(
            f"values and probs must be 1-D, got shapes {values.shape} and {probs.shape}"
        )
    if values.size == 0:
        raise ValueError("values is empty: a distribution needs at least one value")
    if values.shape != probs.shape:
        raise ValueError(f"values has shape {values.shape} but probs has shape {probs.shape}")
    if not np.all(np.isfinite(values)):
        raise ValueError("values must be finite")
    if not np.all(np.isfinite(probs)) or np.any(probs < 0):
        raise ValueError("probs must be non-negative and finite")
    if abs(probs.sum() - 1.0) > 1e-9:
        raise ValueError(f"probs must sum to 1, they sum to {probs.sum()!r}")
    mean = float(probs @ values)
    deviations = values - mean  # about the mean: no cancellation for large offsets
    return Moments(mean, float(probs @ deviations**2))
    # END SOLUTION
