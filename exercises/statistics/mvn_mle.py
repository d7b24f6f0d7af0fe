r"""Maximum-likelihood estimates of a multivariate Gaussian.

The log-likelihood of i.i.d. samples of :math:`N(\mu, \Sigma)` is maximised by the
sample mean and the mean outer product of the centred samples: the divisor is n.
"""

from typing import NamedTuple

import numpy as np


class Gaussian(NamedTuple):
    mean: np.ndarray
    cov: np.ndarray


def multivariate_gaussian_mle(X):
    r"""Maximum-likelihood mean vector and covariance matrix of the rows of X.

    .. math::

        \hat\mu = \frac{1}{n} \sum_{i=1}^{n} x_i, \qquad
        \hat\Sigma = \frac{1}{n} \sum_{i=1}^{n} (x_i - \hat\mu)(x_i - \hat\mu)^\top
                   = \frac{1}{n} X_c^\top X_c

    where :math:`X_c = X - \mathbf{1}\hat\mu^\top` is the centred data.

    Parameters
    ----------
    X : array_like, shape (n, d)
        The samples, one per row.

    Returns
    -------
    Gaussian
        ``mean`` (d,) and ``cov`` (d, d), symmetric positive semi-definite; a single
        sample gives the zero matrix.

    Raises
    ------
    ValueError
        If X is not 2-D, or has no rows or no columns.

    Examples
    --------
    >>> mean, cov = multivariate_gaussian_mle([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [2.0, 2.0]])
    >>> mean.tolist()
    [1.0, 1.0]
    >>> cov.round(6).tolist()
    [[1.0, 0.0], [0.0, 1.0]]
    """
    # TODO: write multivariate_gaussian_mle (the docstring above has the maths).
    raise NotImplementedError("multivariate_gaussian_mle is not implemented yet")
