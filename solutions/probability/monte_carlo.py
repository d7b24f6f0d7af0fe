r"""Monte Carlo estimation of an expectation, with its standard error.

The sample mean of f(X) estimates E[f(X)]; by the central limit theorem its error is
about s / sqrt(n), so quadrupling the samples halves the error.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Estimate(NamedTuple):
    value: float
    standard_error: float


def monte_carlo_mean(f, sample, n, rng):
    r"""Estimate :math:`\mathbb{E}[f(X)]` from n samples, with the standard error.

    .. math::

        \hat\mu = \frac{1}{n} \sum_{i=1}^{n} f(x_i), \qquad
        s^2 = \frac{1}{n - 1} \sum_{i=1}^{n} \bigl(f(x_i) - \hat\mu\bigr)^2, \qquad
        \mathrm{SE} = \frac{s}{\sqrt{n}}

    Protocol (so results are reproducible): ``x = sample(rng, n)``, one call.

    Parameters
    ----------
    f : callable
        Vectorised: maps the n samples to an array of n values.
    sample : callable
        ``sample(rng, n)`` returns n draws of X (shape (n,) or (n, d)).
    n : int
        Number of samples, n >= 2 (the standard error needs two).
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    Estimate
        ``value`` (the sample mean of f(x)) and ``standard_error`` (s / sqrt(n)).

    Raises
    ------
    ValueError
        If n is not an integer >= 2, or f does not return n values.

    Examples
    --------
    >>> import numpy as np
    >>> fixed = lambda rng, n: np.array([1.0, 2.0, 3.0, 6.0])  # ignores rng
    >>> est = monte_carlo_mean(lambda x: x, fixed, 4, np.random.default_rng(0))
    >>> float(est.value), round(float(est.standard_error), 6)
    (3.0, 1.080123)
    >>> normal = lambda rng, n: rng.standard_normal(n)
    >>> est = monte_carlo_mean(np.square, normal, 100_000, np.random.default_rng(0))
    >>> round(est.value, 3), round(est.standard_error, 4)
    (1.0, 0.0045)
    """
    # BEGIN SOLUTION
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 2:
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    x = sample(rng, n)
    y = np.asarray(f(x), dtype=float)
    if y.shape != (n,):
        raise ValueError(f"f must return {n} values (shape ({n},)), got shape {y.shape}")
    value = float(y.mean())
    s = float(np.sqrt(np.sum((y - value) ** 2) / (n - 1)))
    return Estimate(value, s / float(np.sqrt(n)))
    # END SOLUTION
