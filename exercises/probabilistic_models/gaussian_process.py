r"""Gaussian process regression with the RBF kernel.

A Gaussian process puts a prior on functions; conditioning it on noisy observations
gives, at every test input, a Gaussian posterior for the function value in closed form,
and the marginal likelihood that is used to choose the kernel's hyperparameters.
"""

from typing import NamedTuple

import numpy as np


class GP(NamedTuple):
    """Posterior mean and variance of f at the test inputs, and log p(y_train)."""

    mean: np.ndarray
    var: np.ndarray
    log_marginal_likelihood: float


def gp_regression(X_train, y_train, X_test, length_scale=1.0, signal_var=1.0, noise_var=1e-2):
    r"""Posterior of a zero-mean GP with the RBF kernel, and the log marginal likelihood.

    .. math::

        k(x, x') = \sigma_f^2 \exp\!\Big(-\frac{\lVert x - x' \rVert^2}{2\ell^2}\Big),
        \qquad K_y = K + \sigma_n^2 I, \qquad K_* = k(X_{\text{train}}, X_{\text{test}})

    .. math::

        \mu_* = K_*^\top K_y^{-1} y, \qquad
        \sigma_*^2 = \sigma_f^2 - \operatorname{diag}(K_*^\top K_y^{-1} K_*)
        \quad (\text{clipped at } 0)

    .. math::

        \log p(y) = -\tfrac12 y^\top K_y^{-1} y - \tfrac12 \log |K_y| - \tfrac n2 \log 2\pi,
        \qquad \tfrac12 \log |K_y| = \sum_i \log L_{ii}, \quad K_y = L L^\top

    The variance is that of the latent f, without the noise; y is used as given (no
    centring).

    Parameters
    ----------
    X_train : array_like, shape (n, d)
        Training inputs (repeated rows allowed).
    y_train : array_like, shape (n,)
        Noisy observations of f at the training inputs.
    X_test : array_like, shape (m, d)
        Test inputs.
    length_scale, signal_var, noise_var : float, optional
        :math:`\ell`, :math:`\sigma_f^2` and :math:`\sigma_n^2`, each > 0.

    Returns
    -------
    GP
        ``mean`` (m,), ``var`` (m,) and ``log_marginal_likelihood`` (a float).

    Raises
    ------
    ValueError
        If X_train or X_test is not 2-D or empty, their column counts differ, y_train is
        not 1-D of length n, an input is not finite, or a hyperparameter is not a
        positive finite number.

    Examples
    --------
    >>> r = gp_regression([[0.0]], [1.0], [[0.0], [1.0]], noise_var=1.0)
    >>> r.mean.round(6).tolist(), r.var.round(6).tolist()
    ([0.5, 0.303265], [0.5, 0.81606])
    >>> round(float(r.log_marginal_likelihood), 6)
    -1.515512
    """
    # TODO: write gp_regression (the docstring above has the maths).
    raise NotImplementedError("gp_regression is not implemented yet")
