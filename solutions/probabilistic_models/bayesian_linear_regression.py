r"""Bayesian linear regression: the posterior over the weights and the predictive.

With a Gaussian prior on the weights and Gaussian noise, the posterior is Gaussian in
closed form; its covariance says how sure the model is, and the predictive variance of a
new observation adds that uncertainty to the noise.
"""

from typing import NamedTuple

import numpy as np


class BayesLR(NamedTuple):
    """Posterior N(mean, cov) of the weights and the predictive moments at X_new."""

    mean: np.ndarray
    cov: np.ndarray
    pred_mean: np.ndarray
    pred_var: np.ndarray


def bayesian_linear_regression(X, y, X_new, alpha, beta):
    r"""Posterior of the weights and predictive moments of new observations.

    Prior :math:`w \sim \mathcal N(0, \alpha^{-1} I)`, likelihood
    :math:`y \sim \mathcal N(Xw, \beta^{-1} I)` (:math:`\alpha` and :math:`\beta` are
    precisions; no intercept: X holds any bias column):

    .. math::

        \Sigma = (\alpha I + \beta X^\top X)^{-1}, \qquad
        m = \beta\, \Sigma X^\top y,

    .. math::

        \mu_* = x_*^\top m, \qquad
        \sigma_*^2 = \frac{1}{\beta} + x_*^\top \Sigma\, x_*

    for each row :math:`x_*` of X_new: :math:`\sigma_*^2` is the variance of a new
    *observation* (the noise included).

    Parameters
    ----------
    X : array_like, shape (n, d)
        Training inputs; n = 0 rows is allowed (the posterior is then the prior).
    y : array_like, shape (n,)
        Training targets.
    X_new : array_like, shape (m, d)
        Inputs at which to predict, m >= 1.
    alpha : float
        Prior precision of each weight, positive and finite.
    beta : float
        Noise precision, positive and finite.

    Returns
    -------
    BayesLR
        ``mean`` (d,) and ``cov`` (d, d) of the posterior; ``pred_mean`` (m,) and
        ``pred_var`` (m,) of a new observation at each row of X_new.

    Raises
    ------
    ValueError
        If X or X_new is not 2-D, they have different or zero columns, X_new has no
        rows, y is not 1-D of length n, an input is not finite, or alpha or beta is not
        positive and finite.

    Examples
    --------
    >>> r = bayesian_linear_regression([[1.0], [1.0]], [1.0, 3.0], [[2.0]], 1.0, 1.0)
    >>> [round(float(v), 6) for v in (r.mean[0], r.cov[0, 0], r.pred_mean[0], r.pred_var[0])]
    [1.333333, 0.333333, 2.666667, 2.333333]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    X_new = np.asarray(X_new, dtype=float)
    if X.ndim != 2 or X_new.ndim != 2:
        raise ValueError(f"X and X_new must be 2-D, got shapes {X.shape} and {X_new.shape}")
    if X.shape[1] < 1 or X.shape[1] != X_new.shape[1]:
        raise ValueError(f"X {X.shape} and X_new {X_new.shape} need the same d >= 1 columns")
    if X_new.shape[0] < 1:
        raise ValueError("X_new has no rows")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must be 1-D of length {X.shape[0]}, got shape {y.shape}")
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y)) and np.all(np.isfinite(X_new))):
        raise ValueError("X, y and X_new must be finite")
    for name, value in [("alpha", alpha), ("beta", beta)]:
        if np.ndim(value) != 0 or not (np.isfinite(value) and value > 0):
            raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    alpha, beta = float(alpha), float(beta)
    d = X.shape[1]
    precision = alpha * np.eye(d) + beta * (X.T @ X)
    cov = np.linalg.inv(precision)
    cov = (cov + cov.T) / 2
    mean = beta * (cov @ (X.T @ y))
    pred_mean = X_new @ mean
    pred_var = 1.0 / beta + np.einsum("ij,jk,ik->i", X_new, cov, X_new)
    return BayesLR(mean, cov, pred_mean, pred_var)
    # END SOLUTION
