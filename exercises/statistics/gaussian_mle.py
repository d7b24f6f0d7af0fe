r"""Maximum-likelihood estimates of a univariate Gaussian.

Setting the derivatives of the log-likelihood to zero gives the sample mean and the
mean squared deviation: the maximum-likelihood variance divides by n, not n - 1.
"""

from typing import NamedTuple

import numpy as np


class Gaussian1D(NamedTuple):
    mean: float
    variance: float


def gaussian_mle(x):
    r"""Maximum-likelihood mean and variance of i.i.d. samples of :math:`N(\mu, \sigma^2)`.

    .. math::

        \hat\mu = \frac{1}{n} \sum_{i=1}^{n} x_i, \qquad
        \hat\sigma^2 = \frac{1}{n} \sum_{i=1}^{n} (x_i - \hat\mu)^2

    Parameters
    ----------
    x : array_like, shape (n,)
        The samples.

    Returns
    -------
    Gaussian1D
        ``mean`` and ``variance`` (floats); a single sample has variance 0.0.

    Raises
    ------
    ValueError
        If x is not 1-D or is empty.

    Examples
    --------
    >>> mean, variance = gaussian_mle([1.0, 2.0, 3.0, 6.0])
    >>> float(mean), float(variance)
    (3.0, 3.5)
    """
    # TODO: write gaussian_mle (the docstring above has the maths).
    raise NotImplementedError("gaussian_mle is not implemented yet")
