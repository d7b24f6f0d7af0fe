r"""Gibbs sampling of a bivariate normal, one coordinate at a time.

Gibbs sampling draws each coordinate from its conditional law given the others; for a
bivariate normal the conditionals are 1-D normals in closed form, and the chain's
stationary law is the joint distribution.
"""

import math
import numbers

import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_samples, rng):
    r"""A Gibbs chain for a bivariate normal N(mean, Sigma).

    :math:`\Sigma = [[s_1^2, \rho s_1 s_2], [\rho s_1 s_2, s_2^2]]`. Each sweep draws
    the two conditionals in turn, the second given the *new* x1:

    .. math::

        x_1 \mid x_2 \sim \mathcal N\!\Big(\mu_1 + \rho \frac{s_1}{s_2}(x_2 - \mu_2),\;
        s_1^2 (1 - \rho^2)\Big), \qquad
        x_2 \mid x_1 \sim \mathcal N\!\Big(\mu_2 + \rho \frac{s_2}{s_1}(x_1 - \mu_1),\;
        s_2^2 (1 - \rho^2)\Big).

    Protocol: per sweep ``z = rng.standard_normal()`` for x1, then another
    ``z = rng.standard_normal()`` for x2: 2 n_samples standard normals in all.

    Parameters
    ----------
    mean : array_like, shape (2,)
        :math:`(\mu_1, \mu_2)`.
    std : array_like, shape (2,)
        :math:`(s_1, s_2)`, both > 0.
    rho : float
        The correlation, -1 < rho < 1.
    x0 : array_like, shape (2,)
        The start (not a row of the result).
    n_samples : int
        Number of sweeps, >= 1.
    rng : numpy.random.Generator
        Source of the standard normals.

    Returns
    -------
    ndarray, shape (n_samples, 2)
        Row i is (x1, x2) after sweep i.

    Raises
    ------
    ValueError
        If mean, std or x0 is not of shape (2,) or not finite, a std is not positive,
        rho is not in (-1, 1), or n_samples is not an integer >= 1.

    Examples
    --------
    With rho = 0 the start is forgotten at once: row i is mean + std * (z1, z2).

    >>> x = gibbs_bivariate_normal([1.0, -1.0], [2.0, 0.5], 0.0, [9.0, 9.0], 2,
    ...                            np.random.default_rng(0))
    >>> z = np.random.default_rng(0).standard_normal((2, 2))
    >>> bool(np.allclose(x, [1.0, -1.0] + [2.0, 0.5] * z))
    True
    """
    # TODO: write gibbs_bivariate_normal (the docstring above has the maths).
    raise NotImplementedError("gibbs_bivariate_normal is not implemented yet")
