r"""Posterior of a Gaussian mean with known noise variance (the Normal-Normal update).

With a Gaussian prior on the mean and Gaussian noise, the posterior is Gaussian:
precisions (inverse variances) add, and the posterior mean is the precision-weighted
average of the prior mean and the data.
"""

from typing import NamedTuple

import numpy as np


class Gaussian1D(NamedTuple):
    mean: float
    variance: float


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    r"""Posterior of :math:`\mu` given :math:`x_i \sim N(\mu, \sigma^2)` i.i.d. and
    :math:`\mu \sim N(\mu_0, \tau^2)`.

    .. math::

        \frac{1}{\tau_n^2} = \frac{1}{\tau^2} + \frac{n}{\sigma^2}, \qquad
        \mu_n = \tau_n^2 \left(\frac{\mu_0}{\tau^2} + \frac{\sum_i x_i}{\sigma^2}\right)

    so :math:`p(\mu \mid x) = N(\mu_n, \tau_n^2)`: the precisions add (not the
    variances). With no data it is the prior :math:`N(\mu_0, \tau^2)`.

    Parameters
    ----------
    x : array_like, shape (n,)
        The observations; may be empty.
    sigma2 : float
        The known noise variance :math:`\sigma^2 > 0`.
    mu0 : float
        The prior mean.
    tau2 : float
        The prior variance :math:`\tau^2 > 0`.

    Returns
    -------
    Gaussian1D
        ``mean`` :math:`\mu_n` and ``variance`` :math:`\tau_n^2` (floats).

    Raises
    ------
    ValueError
        If x is not 1-D or not finite, sigma2 or tau2 is not a finite positive number,
        or mu0 is not finite.

    Examples
    --------
    >>> post = gaussian_mean_posterior([1.0, 3.0], sigma2=2.0, mu0=0.0, tau2=1.0)
    >>> float(post.mean), float(post.variance)
    (1.0, 0.5)
    """
    # TODO: write gaussian_mean_posterior (the docstring above has the maths).
    raise NotImplementedError("gaussian_mean_posterior is not implemented yet")
