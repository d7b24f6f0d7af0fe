r"""The log of the binomial probability mass function.

n! overflows a float beyond n = 170 and the pmf itself underflows long before
n = 10**7; the log-gamma function gives log n! directly, accurate at any size.
"""

import math
import numbers


def log_binomial_pmf(k, n, p):
    r"""Log-probability of k successes in n independent trials of probability p.

    .. math::

        \log P(K = k) = \log\Gamma(n + 1) - \log\Gamma(k + 1) - \log\Gamma(n - k + 1)
                        + k \log p + (n - k) \log(1 - p)

    using :math:`\log m! = \log\Gamma(m + 1)`. At the ends, with the convention
    :math:`0 \log 0 = 0`: :math:`p = 0` gives 0.0 for k = 0 and :math:`-\infty`
    otherwise; :math:`p = 1` gives 0.0 for k = n and :math:`-\infty` otherwise.

    Parameters
    ----------
    k : int
        Number of successes, 0 <= k <= n.
    n : int
        Number of trials, n >= 0 (up to 10**7 and beyond).
    p : float
        Success probability, in [0, 1].

    Returns
    -------
    float
        :math:`\log P(K = k)`, possibly ``-inf``.

    Raises
    ------
    ValueError
        If k or n is not an integer, n < 0, k is outside [0, n], or p is outside [0, 1].

    Examples
    --------
    >>> round(math.exp(log_binomial_pmf(2, 4, 0.5)), 6)
    0.375
    >>> log_binomial_pmf(0, 5, 0.0), log_binomial_pmf(3, 5, 1.0)
    (0.0, -inf)
    """

    # TODO: write log_binomial_pmf (the docstring above has the maths).
    raise NotImplementedError("log_binomial_pmf is not implemented yet")
