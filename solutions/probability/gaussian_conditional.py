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
    # BEGIN SOLUTION
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    idx = np.asarray(observed_idx)
    values = np.asarray(observed_values, dtype=float)
    if mean.ndim != 1 or mean.size == 0:
        raise ValueError(f"mean must be 1-D and non-empty, got shape {mean.shape}")
    d = mean.size
    if cov.shape != (d, d):
        raise ValueError(f"cov must have shape ({d}, {d}), got {cov.shape}")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov is not symmetric")
    if idx.ndim != 1 or values.shape != idx.shape:
        raise ValueError(
            "observed_idx and observed_values must be 1-D of the same length, got shapes "
            f"{idx.shape} and {values.shape}"
        )
    if idx.size and not all(
        isinstance(i, numbers.Integral) and not isinstance(i, bool) for i in idx.tolist()
    ):
        raise ValueError(f"observed_idx must hold integers, got {idx.tolist()}")
    b = idx.astype(int)
    if np.any((b < 0) | (b >= d)):
        raise ValueError(f"observed_idx must lie in [0, {d}), got {b.tolist()}")
    if np.unique(b).size != b.size:
        raise ValueError(f"observed_idx has repeated indices: {b.tolist()}")
    a = np.setdiff1d(np.arange(d), b)  # sorted
    S_ab = cov[np.ix_(a, b)]
    S_bb = cov[np.ix_(b, b)]
    # solve Σ_bb [w, W] = [x_b - μ_b, Σ_ba]; LinAlgError if Σ_bb is singular
    solved = np.linalg.solve(S_bb, np.column_stack([values - mean[b], S_ab.T]))
    cond_mean = mean[a] + S_ab @ solved[:, 0]
    cond_cov = cov[np.ix_(a, a)] - S_ab @ solved[:, 1:]
    return Gaussian(cond_mean, (cond_cov + cond_cov.T) / 2)
    # END SOLUTION
