r"""Embedding capstone: a seeded synthetic set of customers in segments.

No public customer data set ships offline, so the capstone makes one: customers in a
few segments, each a Gaussian cloud around its own random centre in many dimensions.
A stated mechanism and a stated use of the random generator let anyone replay it draw
for draw.
"""

from typing import NamedTuple

import numpy as np


class Customers(NamedTuple):
    X: np.ndarray
    segment: np.ndarray
    centers: np.ndarray


def customers(n, rng, n_segments=6, n_features=50, separation=8.0):
    r"""n synthetic customers with d features each, in ``n_segments`` segments.

    The k segment centres are random directions scaled so that two centres are, on
    average, ``separation`` (:math:`\delta`) apart; each customer belongs to a segment
    drawn uniformly at random and scatters around its centre with unit variance in
    every feature:

    .. math::

        c_j = \frac{\delta}{\sqrt{2d}}\, g_j, \qquad
        s_i \sim \mathrm{Uniform}\{0, \dots, k - 1\}, \qquad
        x_i = c_{s_i} + z_i,

    with :math:`g_j, z_i \sim \mathcal N(0, I_d)`, so that
    :math:`\mathbb E \lVert c_j - c_l \rVert^2 = \delta^2` for :math:`j \ne l` while
    two customers of one segment are about :math:`\sqrt{2d}` apart.

    The generator is used in exactly this order, so a seed replays the data: first
    ``g = rng.standard_normal((k, d))`` (the rows :math:`g_j`), then
    ``s = rng.integers(k, size=n)``, then ``z = rng.standard_normal((n, d))`` (the rows
    :math:`z_i`); nothing else is drawn.

    Parameters
    ----------
    n : int
        The number of customers, >= 1.
    rng : numpy.random.Generator
        The source of randomness (e.g. ``np.random.default_rng(0)``).
    n_segments : int, optional
        The number of segments k >= 1.
    n_features : int, optional
        The number of features d >= 1.
    separation : float, optional
        The root-mean-square distance :math:`\delta \ge 0` between two centres.

    Returns
    -------
    Customers
        ``X`` (float array (n, d)), ``segment`` (int array (n,), values in 0..k-1) and
        ``centers`` (float array (k, d), the :math:`c_j`).

    Raises
    ------
    ValueError
        If n, n_segments or n_features is not a positive integer, if separation is not
        a finite number >= 0, or if rng is not a ``numpy.random.Generator``.

    Examples
    --------
    >>> X, s, c = customers(3, np.random.default_rng(0), n_segments=2, n_features=2,
    ...                     separation=2.0)
    >>> c.round(3).tolist()  # g = [[0.126, -0.132], [0.640, 0.105]], times 2 / sqrt(4)
    [[0.126, -0.132], [0.64, 0.105]]
    >>> s.tolist()
    [0, 1, 1]
    >>> X.round(3).tolist()  # c_0 + z_0, c_1 + z_1, c_1 + z_2
    [[1.43, 0.815], [-0.063, -1.161], [0.017, 0.146]]
    """
    # TODO: write customers (the docstring above has the maths).
    raise NotImplementedError("customers is not implemented yet")
