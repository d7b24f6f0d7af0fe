r"""Percentile bootstrap confidence intervals.

Resampling the data with replacement imitates drawing new samples from the population;
the spread of a statistic over many resamples estimates its sampling distribution, and
its quantiles give a confidence interval.
"""

from typing import NamedTuple

import numpy as np


class Interval(NamedTuple):
    low: float
    high: float


def bootstrap_ci(x, statistic, n_boot, confidence, rng):
    r"""Percentile-bootstrap confidence interval of ``statistic(x)``.

    Draw B = ``n_boot`` resamples of size n with replacement, evaluate the statistic on
    each, and take the empirical quantiles of those B values:

    .. math::

        \theta^*_b = s\left(x_{I_{b1}}, \dots, x_{I_{bn}}\right),
        \quad I_{bj} \sim \mathrm{Uniform}\{0, \dots, n - 1\}, \qquad
        [\text{low}, \text{high}] = \left[q_{(1 - c)/2}(\theta^*),\;
                                         q_{(1 + c)/2}(\theta^*)\right]

    with :math:`q_p` the linearly interpolated quantile (``np.quantile``'s default).

    Protocol (so that results are reproducible): one call
    ``idx = rng.integers(0, n, size=(n_boot, n))``; resample b is ``x[idx[b]]``, and
    ``statistic`` is called once on each, in order b = 0, 1, ...; nothing else draws
    from ``rng``.

    Parameters
    ----------
    x : array_like, shape (n,)
        The sample, n >= 1.
    statistic : callable
        Maps a 1-D float array of length n to a number (``np.mean``, ``np.median``, ...).
    n_boot : int
        The number of resamples B >= 1.
    confidence : float
        The level c, 0 < c < 1 (0.95 for a 95% interval).
    rng : numpy.random.Generator
        The source of randomness, used as the protocol says.

    Returns
    -------
    Interval
        ``low`` and ``high`` (floats), low <= high.

    Raises
    ------
    ValueError
        If x is not 1-D or is empty, n_boot is not a positive integer, or confidence is
        not strictly between 0 and 1.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> low, high = bootstrap_ci([2.0, 4.0, 6.0, 8.0], np.mean, 1000, 0.9, rng)
    >>> round(float(low), 6), round(float(high), 6)
    (3.5, 7.0)
    """
    # TODO: write bootstrap_ci (the docstring above has the maths).
    raise NotImplementedError("bootstrap_ci is not implemented yet")
