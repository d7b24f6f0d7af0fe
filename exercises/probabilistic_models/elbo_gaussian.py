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
    # TODO: write elbo_gaussian (the docstring above has the maths).
    raise NotImplementedError("elbo_gaussian is not implemented yet")
