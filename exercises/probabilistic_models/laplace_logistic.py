r"""The Laplace approximation for Bayesian logistic regression.

The posterior over the weights of a logistic regression has no closed form; Laplace's
method replaces it by the Gaussian at its mode (found by Newton's method) with the
inverse Hessian as covariance, and gives an approximation of the evidence log p(y).
"""

import math
import numbers
from typing import NamedTuple

import numpy as np


class Laplace(NamedTuple):
    """Result of :func:`laplace_logistic`."""

    mean: np.ndarray
    cov: np.ndarray
    log_evidence: float
    n_iter: int


def _log_sigmoid(t):
    """log sigma(t) = -log(1 + e^-t), without overflow for any t."""
    return -np.logaddexp(0.0, -t)


def laplace_logistic(X, y, alpha=1.0, tol=1e-10, max_iter=100):
    r"""Laplace approximation N(mean, cov) of the posterior of Bayesian logistic regression.

    .. math::

        \log p(w \mid y) = \sum_i \bigl[y_i \log \sigma(x_i^\top w)
            + (1 - y_i) \log(1 - \sigma(x_i^\top w))\bigr]
            - \frac{\alpha}{2} \lVert w \rVert^2 + \text{const}

        g = X^\top (y - \sigma(Xw)) - \alpha w, \qquad
        H = X^\top \operatorname{diag}\bigl(\sigma(1 - \sigma)\bigr) X + \alpha I, \qquad
        w \leftarrow w + H^{-1} g

        \log p(y) \approx \log p(y \mid \hat w) + \log \mathcal N(\hat w; 0, \alpha^{-1} I)
            + \frac d2 \log 2\pi - \frac12 \log \lvert H \rvert

    Newton starts at w = 0; before each step the gradient g is computed and the loop stops
    when :math:`\lVert g \rVert_2 \le` tol or after max_iter steps.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Features (any intercept column included, and penalised).
    y : array_like, shape (n,)
        Labels in {0, 1}.
    alpha : float, optional
        Prior precision, > 0.
    tol : float, optional
        Stop when the gradient's 2-norm is at most tol (>= 0).
    max_iter : int, optional
        The most Newton steps to take (>= 0).

    Returns
    -------
    Laplace
        ``mean`` (d,), the last iterate; ``cov`` (d, d), :math:`H^{-1}` at it;
        ``log_evidence``, Laplace's approximation of log p(y), a float; ``n_iter``, the
        number of Newton steps taken.

    Raises
    ------
    ValueError
        If X is not a finite 2-D array with n, d >= 1, y is not (n,) of 0/1 labels,
        alpha is not a finite number > 0, tol is not >= 0, or max_iter is not an
        integer >= 0.

    Examples
    --------
    >>> r = laplace_logistic([[1.0], [1.0]], [0, 1])
    >>> r.mean.tolist(), r.cov.round(6).tolist(), round(r.log_evidence, 6), r.n_iter
    ([0.0], [[0.666667]], -1.589027, 0)
    """
    # TODO: write laplace_logistic (the docstring above has the maths).
    raise NotImplementedError("laplace_logistic is not implemented yet")
