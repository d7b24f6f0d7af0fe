r"""The Kalman filter: exact filtering in a linear-Gaussian state-space model.

Each step predicts the hidden state through the dynamics, then corrects the prediction
with the new observation; the innovations' densities add up to the exact log-likelihood
of the whole series, which is what fitting such a model maximises.
"""

from typing import NamedTuple

import numpy as np


class Kalman(NamedTuple):
    """Filtered means (T, d) and covariances (T, d, d), and log p(y_1..y_T)."""

    means: np.ndarray
    covs: np.ndarray
    log_likelihood: float


def kalman_filter(ys, F, H, Q, R, m0, P0):
    r"""Filtered moments of x_t given y_1..y_t, and the log-likelihood of the series.

    Model :math:`x_0 \sim \mathcal N(m_0, P_0)`,
    :math:`x_t = F x_{t-1} + w_t`, :math:`w_t \sim \mathcal N(0, Q)`,
    :math:`y_t = H x_t + v_t`, :math:`v_t \sim \mathcal N(0, R)`, t = 1..T. Each step
    predicts, then updates:

    .. math::

        m^- = F m, \quad P^- = F P F^\top + Q, \quad
        S = H P^- H^\top + R, \quad K = P^- H^\top S^{-1},

    .. math::

        m = m^- + K (y_t - H m^-), \quad P = (I - K H) P^-, \qquad
        \log p(y_{1:T}) = \sum_t \log \mathcal N(y_t;\, H m^-_t,\, S_t).

    A row of ys that is entirely NaN is a missing observation: that step only predicts
    and adds 0 to the log-likelihood.

    Parameters
    ----------
    ys : array_like, shape (T, p)
        Observations; row t - 1 is y_t. T >= 1.
    F : array_like, shape (d, d)
        Transition matrix.
    H : array_like, shape (p, d)
        Observation matrix.
    Q : array_like, shape (d, d)
        Process noise covariance (may be singular).
    R : array_like, shape (p, p)
        Observation noise covariance (may be singular).
    m0 : array_like, shape (d,)
        Mean of x_0.
    P0 : array_like, shape (d, d)
        Covariance of x_0 (0 for a known start).

    Returns
    -------
    Kalman
        ``means`` (T, d), ``covs`` (T, d, d), ``log_likelihood`` (a float).

    Raises
    ------
    ValueError
        If a shape is wrong, T, d or p is 0, a row of ys is partly NaN, or an input holds
        inf (or NaN outside ys).
    numpy.linalg.LinAlgError
        If an innovation covariance S is not positive definite.

    Examples
    --------
    A random walk observed once: P⁻ = 1 + 1 = 2, S = 3, K = 2/3.

    >>> r = kalman_filter([[3.0]], [[1.0]], [[1.0]], [[1.0]], [[1.0]], [0.0], [[1.0]])
    >>> float(r.means[0, 0]), round(float(r.covs[0, 0, 0]), 6)
    (2.0, 0.666667)
    >>> round(float(r.log_likelihood), 6)
    -2.968245
    """
    # TODO: write kalman_filter (the docstring above has the maths).
    raise NotImplementedError("kalman_filter is not implemented yet")
