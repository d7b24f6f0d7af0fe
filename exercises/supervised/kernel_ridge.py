r"""Kernel ridge regression with a Gaussian (RBF) kernel.

Ridge regression in the feature space of a kernel: the fit is a weighted sum of
kernel bumps centred on the training points, with weights from one linear system.
"""

import numpy as np


def rbf_kernel(X, Y, gamma):
    r"""The Gaussian (RBF) kernel matrix between the rows of X and the rows of Y.

    .. math::

        K_{ij} = \exp\left(-\gamma \|x_i - y_j\|_2^2\right)

    The squared distances may be expanded as
    :math:`\|x\|^2 + \|y\|^2 - 2 x^\top y` (clip the round-off below 0); entries of
    far-apart points underflow to 0.

    Parameters
    ----------
    X : array_like, shape (n, d)
        The first set of points.
    Y : array_like, shape (m, d)
        The second set, with the same number of features.
    gamma : float
        The inverse width, :math:`\gamma > 0`.

    Returns
    -------
    numpy.ndarray, shape (n, m)
        The kernel values, in :math:`(0, 1]` (1 where :math:`x_i = y_j`).

    Raises
    ------
    ValueError
        If X or Y is not 2-D or has no rows, their numbers of features differ, or
        gamma is not positive.

    Examples
    --------
    >>> rbf_kernel([[0.0, 0.0]], [[1.0, 1.0], [0.0, 0.0]], gamma=0.5).round(6).tolist()
    [[0.367879, 1.0]]
    """
    # TODO: write rbf_kernel (the docstring above has the maths).
    raise NotImplementedError("rbf_kernel is not implemented yet")


def kernel_ridge_predict(X_train, y_train, X_test, gamma, lam):
    r"""Predictions of kernel ridge regression (RBF kernel, no intercept).

    The fitted function :math:`f(x) = \sum_i \alpha_i k(x_i, x)` minimises
    :math:`\sum_i (y_i - f(x_i))^2 + \lambda \|f\|_{\mathcal{H}}^2`; its weights solve
    the normal equations

    .. math::

        (K + \lambda I)\, \alpha = y, \qquad K_{ij} = k(x_i, x_j), \qquad
        \hat y = K_{\text{test}}\, \alpha, \quad (K_{\text{test}})_{ij} = k(x^{\text{test}}_i, x_j)

    with :math:`k` the RBF kernel of :func:`rbf_kernel`.

    Parameters
    ----------
    X_train : array_like, shape (n, d)
        The training inputs.
    y_train : array_like, shape (n,)
        The training targets.
    X_test : array_like, shape (m, d)
        The points to predict at.
    gamma : float
        The kernel's inverse width, :math:`\gamma > 0`.
    lam : float
        The ridge penalty, :math:`\lambda > 0`.

    Returns
    -------
    numpy.ndarray, shape (m,)
        The predictions at the rows of X_test.

    Raises
    ------
    ValueError
        If an array has the wrong number of dimensions or no rows, the lengths of
        X_train and y_train differ, the numbers of features differ, or gamma or lam is
        not positive.

    Examples
    --------
    >>> X = [[0.0], [1.0], [2.0]]
    >>> kernel_ridge_predict(X, [0.0, 1.0, 0.0], [[1.0], [1.5]], 1.0, 0.1).round(6).tolist()
    [0.883445, 0.568712]
    """
    # TODO: write kernel_ridge_predict (the docstring above has the maths).
    raise NotImplementedError("kernel_ridge_predict is not implemented yet")
