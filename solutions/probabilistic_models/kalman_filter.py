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
    # BEGIN SOLUTION
    ys = np.asarray(ys, dtype=float)
    F, H, Q, R, P0 = (np.asarray(a, dtype=float) for a in (F, H, Q, R, P0))
    m0 = np.asarray(m0, dtype=float)
    if m0.ndim != 1 or m0.size < 1:
        raise ValueError(f"m0 must be 1-D and non-empty, got shape {m0.shape}")
    d = m0.size
    if ys.ndim != 2 or ys.shape[0] < 1 or ys.shape[1] < 1:
        raise ValueError(f"ys must be 2-D with T >= 1 rows and p >= 1 columns, got {ys.shape}")
    T, p = ys.shape
    for name, a, shape in [
        ("F", F, (d, d)),
        ("Q", Q, (d, d)),
        ("P0", P0, (d, d)),
        ("H", H, (p, d)),
        ("R", R, (p, p)),
    ]:
        if a.shape != shape:
            raise ValueError(f"{name} must have shape {shape}, got {a.shape}")
        if not np.all(np.isfinite(a)):
            raise ValueError(f"{name} must be finite")
    if not np.all(np.isfinite(m0)):
        raise ValueError("m0 must be finite")
    nan_rows = np.isnan(ys)
    missing = nan_rows.all(axis=1)
    if np.any(nan_rows.any(axis=1) & ~missing):
        raise ValueError("a row of ys is partly NaN: a missing observation is a row of NaN")
    if np.any(np.isinf(ys)):
        raise ValueError("ys holds inf")

    means = np.empty((T, d))
    covs = np.empty((T, d, d))
    m, P = m0.copy(), P0.copy()
    log_likelihood = 0.0
    for t in range(T):
        m = F @ m
        P = F @ P @ F.T + Q
        if not missing[t]:
            S = H @ P @ H.T + R
            L = np.linalg.cholesky(S)  # LinAlgError if S is not positive definite
            K = np.linalg.solve(S, H @ P).T  # P H^T S^-1 (S and P symmetric)
            r = ys[t] - H @ m
            z = np.linalg.solve(L, r)
            log_likelihood += (
                -0.5 * (z @ z) - np.sum(np.log(np.diag(L))) - 0.5 * p * np.log(2.0 * np.pi)
            )
            m = m + K @ r
            P = P - K @ S @ K.T
            P = (P + P.T) / 2
        means[t], covs[t] = m, P
    return Kalman(means, covs, float(log_likelihood))
    # END SOLUTION
