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

    # BEGIN SOLUTION
    def as_int(name, value):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(f"{name} must be an integer, got {value!r}")
        if not float(value).is_integer():
            raise ValueError(f"{name} must be an integer, got {value!r}")
        return int(value)

    k, n = as_int("k", k), as_int("n", n)
    p = float(p)
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if not 0 <= k <= n:
        raise ValueError(f"k must be in [0, n] = [0, {n}], got {k}")
    if not 0.0 <= p <= 1.0:  # also rejects nan
        raise ValueError(f"p must be in [0, 1], got {p!r}")
    if p == 0.0:
        return 0.0 if k == 0 else -math.inf
    if p == 1.0:
        return 0.0 if k == n else -math.inf
    log_choose = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
    return log_choose + k * math.log(p) + (n - k) * math.log1p(-p)
    # END SOLUTION
