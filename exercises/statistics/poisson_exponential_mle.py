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
    # TODO: write poisson_mle (the docstring above has the maths).
    raise NotImplementedError("poisson_mle is not implemented yet")


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
    # TODO: write exponential_mle (the docstring above has the maths).
    raise NotImplementedError("exponential_mle is not implemented yet")
