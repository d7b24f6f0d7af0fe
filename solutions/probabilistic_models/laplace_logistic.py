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
    # BEGIN SOLUTION
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(f"X must be 2-D with n, d >= 1, got shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y must hold only the labels 0 and 1")
    for name, value in (("alpha", alpha), ("tol", tol)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise ValueError(f"{name} must be a number, got {value!r}")
    if not (math.isfinite(alpha) and alpha > 0):
        raise ValueError(f"alpha must be a finite number > 0, got {alpha!r}")
    if not tol >= 0:
        raise ValueError(f"tol must be >= 0, got {tol!r}")
    if isinstance(max_iter, (bool, np.bool_)) or not isinstance(max_iter, numbers.Integral):
        raise ValueError(f"max_iter must be an integer, got {max_iter!r}")
    if max_iter < 0:
        raise ValueError(f"max_iter must be >= 0, got {max_iter}")
    alpha = float(alpha)

    def hessian(w):
        t = X @ w
        s = np.exp(_log_sigmoid(t))
        s1 = np.exp(_log_sigmoid(-t))  # 1 - sigma(t), without cancellation
        return (X.T * (s * s1)) @ X + alpha * np.eye(d)

    w = np.zeros(d)
    n_iter = 0
    while True:
        g = X.T @ (y - np.exp(_log_sigmoid(X @ w))) - alpha * w
        if np.linalg.norm(g) <= tol or n_iter >= max_iter:
            break
        w = w + np.linalg.solve(hessian(w), g)
        n_iter += 1
    H = hessian(w)
    t = X @ w
    log_lik = float(np.sum(y * _log_sigmoid(t) + (1 - y) * _log_sigmoid(-t)))
    log_prior = 0.5 * d * math.log(alpha / (2 * math.pi)) - 0.5 * alpha * float(w @ w)
    _, log_det = np.linalg.slogdet(H)
    log_evidence = log_lik + log_prior + 0.5 * d * math.log(2 * math.pi) - 0.5 * log_det
    return Laplace(w, np.linalg.inv(H), float(log_evidence), n_iter)
    # END SOLUTION
