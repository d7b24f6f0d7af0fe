r"""Maximum-likelihood rates of the Poisson and exponential distributions.

Both likelihoods depend on the data only through its sum: the Poisson rate is the mean
count, and the exponential rate is one over the mean waiting time.
"""

import numpy as np


def poisson_mle(counts):
    r"""Maximum-likelihood rate of i.i.d. Poisson counts.

    .. math::

        \ell(\lambda) = \sum_{i=1}^{n} \left(k_i \log\lambda - \lambda - \log k_i!\right),
        \qquad \ell'(\hat\lambda) = 0 \iff
        \hat\lambda = \frac{1}{n} \sum_{i=1}^{n} k_i

    Parameters
    ----------
    counts : array_like, shape (n,)
        Non-negative integers (as int or integral float).

    Returns
    -------
    float
        The rate :math:`\hat\lambda \ge 0` (0.0 when every count is 0).

    Raises
    ------
    ValueError
        If counts is not 1-D, is empty, or has a negative, non-integer or non-finite value.

    Examples
    --------
    >>> float(poisson_mle([2, 0, 3, 1, 4]))
    2.0
    """
    # BEGIN SOLUTION
    counts = np.asarray(counts, dtype=float)
    if counts.ndim != 1:
        raise ValueError(f"counts must be 1-D, got shape {counts.shape}")
    if counts.size == 0:
        raise ValueError("counts is empty: the MLE needs at least one count")
    if not np.all(np.isfinite(counts)):
        raise ValueError("counts contains nan or inf")
    if np.any(counts < 0):
        raise ValueError("counts contains a negative value: a Poisson count is >= 0")
    if np.any(counts != np.floor(counts)):
        raise ValueError("counts must be whole numbers: a Poisson count is an integer")
    return float(counts.mean())
    # END SOLUTION


def exponential_mle(x):
    r"""Maximum-likelihood rate of i.i.d. exponential waiting times.

    .. math::

        \ell(\lambda) = \sum_{i=1}^{n} \left(\log\lambda - \lambda x_i\right),
        \qquad \ell'(\hat\lambda) = 0 \iff
        \hat\lambda = \frac{n}{\sum_{i=1}^{n} x_i} = \frac{1}{\bar x}

    (the rate, not the scale :math:`\bar x = 1/\hat\lambda`).

    Parameters
    ----------
    x : array_like, shape (n,)
        Non-negative waiting times, not all zero.

    Returns
    -------
    float
        The rate :math:`\hat\lambda > 0`.

    Raises
    ------
    ValueError
        If x is not 1-D, is empty, has a negative or non-finite value, or is all zero
        (the likelihood then grows without bound as the rate grows).

    Examples
    --------
    >>> float(exponential_mle([0.5, 1.5, 2.0]))
    0.75
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if x.size == 0:
        raise ValueError("x is empty: the MLE needs at least one waiting time")
    if not np.all(np.isfinite(x)):
        raise ValueError("x contains nan or inf")
    if np.any(x < 0):
        raise ValueError("x contains a negative value: waiting times are >= 0")
    total = x.sum()
    if total == 0.0:
        raise ValueError("x is all zero: the exponential MLE 1 / mean(x) would be infinite")
    return float(x.size / total)
    # END SOLUTION
