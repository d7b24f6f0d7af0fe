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
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    for name, A in (("X", X), ("Y", Y)):
        if A.ndim != 2:
            raise ValueError(f"{name} must be 2-D (n_samples, n_features), got shape {A.shape}")
        if A.shape[0] == 0:
            raise ValueError(f"{name} has no rows")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(f"X has {X.shape[1]} features but Y has {Y.shape[1]}")
    if not gamma > 0:
        raise ValueError(f"gamma must be positive, got {gamma!r}")
    sq = np.sum(X**2, axis=1)[:, None] + np.sum(Y**2, axis=1)[None, :] - 2.0 * X @ Y.T
    return np.exp(-gamma * np.maximum(sq, 0.0))
    # END SOLUTION


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
    # BEGIN SOLUTION
    y_train = np.asarray(y_train, dtype=float)
    X_train = np.asarray(X_train, dtype=float)
    if y_train.ndim != 1 or X_train.ndim != 2 or y_train.shape[0] != X_train.shape[0]:
        raise ValueError(
            f"X_train {X_train.shape} and y_train {y_train.shape} must be (n, d) and (n,)"
        )
    if not lam > 0:
        raise ValueError(f"lam must be positive, got {lam!r}")
    K = rbf_kernel(X_train, X_train, gamma)
    alpha = np.linalg.solve(K + lam * np.eye(y_train.size), y_train)
    return rbf_kernel(X_test, X_train, gamma) @ alpha
    # END SOLUTION
