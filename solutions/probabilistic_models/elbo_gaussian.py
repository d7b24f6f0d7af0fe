r"""The evidence lower bound of mean-field Bayesian linear regression.

Variational inference fits a simple q(w) by maximising the ELBO, a lower bound on
log p(y); for a linear-Gaussian model and a factorised Gaussian q the bound and its
gradients have closed forms, which is what makes this the first VI example to write.
"""

import math
from typing import NamedTuple

import numpy as np


class ELBO(NamedTuple):
    """Result of :func:`elbo_gaussian`."""

    elbo: float
    grad_mean: np.ndarray
    grad_log_std: np.ndarray


def elbo_gaussian(X, y, alpha, beta, q_mean, q_log_std):
    r"""ELBO of q(w) = prod_j N(m_j, s_j^2) for w ~ N(0, I/alpha), y ~ N(Xw, I/beta).

    .. math::

        \mathrm{ELBO} = \mathbb E_q[\log p(y \mid w)] + \mathbb E_q[\log p(w)] + H[q]

        \mathbb E_q \log p(y \mid w) = \frac n2 \log\frac{\beta}{2\pi}
            - \frac\beta2 \Bigl(\lVert y - Xm \rVert^2 + \sum_j s_j^2 c_j\Bigr),
        \qquad c_j = \lVert X_{:, j} \rVert^2

        \mathbb E_q \log p(w) = \frac d2 \log\frac{\alpha}{2\pi}
            - \frac\alpha2 \Bigl(\lVert m \rVert^2 + \sum_j s_j^2\Bigr), \qquad
        H[q] = \sum_j \Bigl(\tfrac12 \log 2\pi e + \log s_j\Bigr)

        \nabla_m \mathrm{ELBO} = \beta X^\top (y - Xm) - \alpha m, \qquad
        \frac{\partial\, \mathrm{ELBO}}{\partial \log s_j} = 1 - s_j^2 (\beta c_j + \alpha)

    Parameters
    ----------
    X : array_like, shape (n, d)
        Design matrix, n, d >= 1.
    y : array_like, shape (n,)
        Targets.
    alpha, beta : float
        Prior precision and noise precision, both > 0.
    q_mean : array_like, shape (d,)
        The means m of q.
    q_log_std : array_like, shape (d,)
        The log standard deviations log s of q.

    Returns
    -------
    ELBO
        ``elbo`` (a float), ``grad_mean`` and ``grad_log_std`` (both (d,)): the gradient
        of the ELBO with respect to m and to log s.

    Raises
    ------
    ValueError
        If the shapes do not agree, an array is empty or not finite, or alpha or beta is
        not a finite number > 0.

    Examples
    --------
    >>> r = elbo_gaussian([[1.0]], [1.0], 1.0, 1.0, [0.5], [0.5 * np.log(0.5)])
    >>> round(r.elbo, 6), r.grad_mean.tolist(), r.grad_log_std.tolist()
    (-1.515512, [0.0], [0.0])
    """
    # BEGIN SOLUTION
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    m = np.array(q_mean, dtype=float)
    log_s = np.array(q_log_std, dtype=float)
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(f"X must be 2-D with n, d >= 1, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if m.shape != (d,) or log_s.shape != (d,):
        raise ValueError(
            f"q_mean and q_log_std must have shape ({d},), got {m.shape}, {log_s.shape}"
        )
    if not all(np.all(np.isfinite(a)) for a in (X, y, m, log_s)):
        raise ValueError("X, y, q_mean and q_log_std must be finite")
    for name, value in (("alpha", alpha), ("beta", beta)):
        if isinstance(value, (bool, np.bool_)) or not np.isscalar(value):
            raise ValueError(f"{name} must be a number, got {value!r}")
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} must be a finite number > 0, got {value!r}")
    alpha, beta = float(alpha), float(beta)
    var = np.exp(2.0 * log_s)  # s_j^2
    c = np.sum(X**2, axis=0)  # column squared norms
    r = y - X @ m
    expected_lik = 0.5 * n * math.log(beta / (2 * math.pi)) - 0.5 * beta * (r @ r + var @ c)
    expected_prior = 0.5 * d * math.log(alpha / (2 * math.pi)) - 0.5 * alpha * (m @ m + var.sum())
    entropy = d * 0.5 * math.log(2 * math.pi * math.e) + log_s.sum()
    elbo = float(expected_lik + expected_prior + entropy)
    grad_mean = beta * (X.T @ r) - alpha * m
    grad_log_std = 1.0 - var * (beta * c + alpha)
    return ELBO(elbo, grad_mean, grad_log_std)
    # END SOLUTION
