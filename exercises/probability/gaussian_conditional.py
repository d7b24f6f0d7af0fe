r"""Conditioning a multivariate normal on some of its coordinates.

The conditional of a Gaussian is Gaussian: observing x_b shifts the mean of the rest
by a regression on x_b and shrinks their covariance to the Schur complement.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Gaussian(NamedTuple):
    mean: np.ndarray
    cov: np.ndarray


def gaussian_conditional(mean, cov, observed_idx, observed_values):
    r"""Distribution of the unobserved coordinates of :math:`N(\mu, \Sigma)` given the rest.

    Split the coordinates into the unobserved set a (in increasing index order) and the
    observed set b. Then :math:`x_a \mid x_b \sim N(\mu_{a|b}, \Sigma_{a|b})` with

    .. math::

        \mu_{a|b} = \mu_a + \Sigma_{ab} \Sigma_{bb}^{-1} (x_b - \mu_b), \qquad
        \Sigma_{a|b} = \Sigma_{aa} - \Sigma_{ab} \Sigma_{bb}^{-1} \Sigma_{ba}

    (the Schur complement of :math:`\Sigma_{bb}`).

    Parameters
    ----------
    mean : array_like, shape (d,)
        The mean :math:`\mu`.
    cov : array_like, shape (d, d)
        The covariance :math:`\Sigma`: symmetric positive definite.
    observed_idx : array_like of int, shape (m,)
        Indices of the observed coordinates, distinct, in [0, d), in any order.
    observed_values : array_like, shape (m,)
        ``observed_values[i]`` is the observed value of coordinate ``observed_idx[i]``.

    Returns
    -------
    Gaussian
        ``mean`` (shape (d - m,)) and ``cov`` (shape (d - m, d - m)) of the unobserved
        coordinates, in increasing index order. With nothing observed this is the
        original distribution; with everything observed both are empty.

    Raises
    ------
    ValueError
        If the shapes are wrong or do not match, cov is not symmetric, or an index is
        not an integer, is out of range or repeated.
    numpy.linalg.LinAlgError
        If :math:`\Sigma_{bb}` is singular.

    Examples
    --------
    >>> cond = gaussian_conditional([0.0, 0.0], [[1.0, 0.8], [0.8, 1.0]], [1], [1.0])
    >>> cond.mean.round(6).tolist(), cond.cov.round(6).tolist()
    ([0.8], [[0.36]])
    """
    # TODO: write gaussian_conditional (the docstring above has the maths).
    raise NotImplementedError("gaussian_conditional is not implemented yet")
