r"""The Box-Muller transform: two uniforms to two independent standard normals.

In polar coordinates a pair of independent standard normals has a uniform angle and a
squared radius that is exponential with mean 2, and both are easy to make from uniforms.
"""

from typing import NamedTuple

import numpy as np


class Normal2(NamedTuple):
    z1: np.ndarray
    z2: np.ndarray


def box_muller(u1, u2):
    r"""Turn uniforms (u1, u2) into independent standard normals (z1, z2).

    .. math::

        R = \sqrt{-2 \ln u_1}, \qquad \Theta = 2 \pi u_2, \qquad
        z_1 = R \cos\Theta, \qquad z_2 = R \sin\Theta

    :math:`R^2 = -2 \ln u_1` is exponential with mean 2 (the law of :math:`z_1^2 + z_2^2`,
    a chi-square with 2 degrees of freedom) and :math:`\Theta` is uniform on
    :math:`[0, 2\pi)`.

    Parameters
    ----------
    u1 : array_like
        Uniforms in (0, 1] (0 is excluded: :math:`\ln 0 = -\infty`).
    u2 : array_like, same shape as u1
        Uniforms in [0, 1) (not checked).

    Returns
    -------
    Normal2
        ``z1`` and ``z2``, float arrays of the shape of u1.

    Raises
    ------
    ValueError
        If u1 is outside (0, 1] somewhere (or nan), or the shapes differ.

    Examples
    --------
    >>> import numpy as np
    >>> z1, z2 = box_muller([0.5, np.exp(-2.0)], [0.25, 0.5])
    >>> z1.round(6).tolist(), z2.round(6).tolist()
    ([0.0, -2.0], [1.17741, 0.0])
    """
    # BEGIN SOLUTION
    u1 = np.asarray(u1, dtype=float)
    u2 = np.asarray(u2, dtype=float)
    if u1.shape != u2.shape:
        raise ValueError(f"u1 and u2 must have the same shape, got {u1.shape} and {u2.shape}")
    if not np.all((u1 > 0) & (u1 <= 1)):  # also rejects nan
        raise ValueError("u1 must lie in (0, 1]: ln(u1) needs u1 > 0")
    radius = np.sqrt(-2.0 * np.log(u1))
    angle = 2.0 * np.pi * u2
    return Normal2(radius * np.cos(angle), radius * np.sin(angle))
    # END SOLUTION
