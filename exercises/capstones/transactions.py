r"""Fraud capstone: a seeded synthetic transactions data set.

No public fraud data set ships offline with NumPy, so the capstone makes one: two
Gaussian clouds, the fraudulent one shifted and rare (about 1 % of transactions). A
stated mechanism and a stated use of the random generator make it reproducible and
let anyone replay it draw for draw.
"""

from typing import NamedTuple

import numpy as np


class Transactions(NamedTuple):
    X: np.ndarray
    y: np.ndarray


def transactions(n, rng, fraud_rate=0.01, separation=3.0, n_features=2):
    r"""A synthetic set of n transactions, about ``fraud_rate`` of them fraudulent.

    Each transaction i is fraudulent (:math:`y_i = 1`) with probability :math:`\pi`
    (``fraud_rate``), and its d features are Gaussian with identity covariance, centred
    at 0 for a legitimate transaction and at :math:`\mu` for a fraud:

    .. math::

        y_i = [\,u_i < \pi\,], \qquad
        x_i = z_i + y_i\, \mu, \qquad
        \mu = \frac{\delta}{\sqrt d}\,(1, \dots, 1) \in \mathbb{R}^d,

    so the Mahalanobis distance between the two clouds is :math:`\lVert \mu \rVert =
    \delta` (``separation``) whatever d, and the true log-odds of fraud are linear in x:

    .. math::

        \ln \frac{P(y = 1 \mid x)}{P(y = 0 \mid x)}
            = \mu^\top x - \tfrac12 \lVert \mu \rVert^2 + \ln \frac{\pi}{1 - \pi}.

    The generator is used in exactly this order, so a seed replays the data: first
    ``u = rng.random(n)`` (the n uniforms :math:`u_i`), then
    ``z = rng.standard_normal((n, d))`` (the rows :math:`z_i`); nothing else is drawn.

    Parameters
    ----------
    n : int
        The number of transactions, >= 1.
    rng : numpy.random.Generator
        The source of randomness (e.g. ``np.random.default_rng(0)``).
    fraud_rate : float, optional
        The probability :math:`\pi` that a transaction is a fraud, 0 < π < 1.
    separation : float, optional
        The distance :math:`\delta \ge 0` between the two means.
    n_features : int, optional
        The number of features d >= 1.

    Returns
    -------
    Transactions
        ``X`` (float array of shape (n, d)) and ``y`` (int array of shape (n,), 1 =
        fraud).

    Raises
    ------
    ValueError
        If n or n_features is not a positive integer, if fraud_rate is not in (0, 1),
        if separation is not a finite number >= 0, or if rng is not a
        ``numpy.random.Generator``.

    Examples
    --------
    >>> X, y = transactions(4, np.random.default_rng(0), fraud_rate=0.5, separation=2.0,
    ...                     n_features=1)
    >>> y.tolist()  # the uniforms are 0.637, 0.270, 0.041, 0.017
    [0, 1, 1, 1]
    >>> X.round(2).ravel().tolist()  # then z_i, plus 2 for the frauds
    [-0.54, 2.36, 3.3, 2.95]
    """
    # TODO: write transactions (the docstring above has the maths).
    raise NotImplementedError("transactions is not implemented yet")
