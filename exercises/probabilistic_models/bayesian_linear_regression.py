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
    # TODO: write bayesian_linear_regression (the docstring above has the maths).
    raise NotImplementedError("bayesian_linear_regression is not implemented yet")
