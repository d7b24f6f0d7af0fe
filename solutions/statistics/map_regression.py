r"""MAP linear regression: a Gaussian prior on the weights is ridge regression.

Maximising the posterior of w under Gaussian noise and an isotropic Gaussian prior
minimises squared error plus lambda * ||w||^2 with lambda = sigma^2 / tau^2.
"""

import numpy as np


def map_linear_regression(X, y, sigma2, tau2):
    r"""MAP weights of :math:`y \sim N(Xw, \sigma^2 I)` with prior :math:`w \sim N(0, \tau^2 I)`.

    .. math::

        -\log p(w \mid X, y) = \frac{1}{2\sigma^2}\lVert y - Xw \rVert^2
            + \frac{1}{2\tau^2}\lVert w \rVert^2 + \text{const}

    whose minimiser solves

    .. math::

        \left(X^\top X + \lambda I\right) \hat w = X^\top y, \qquad
        \lambda = \frac{\sigma^2}{\tau^2}

    There is no intercept (add a column of ones to X for one; it is then penalised
    too). Since :math:`\lambda > 0` the system is always solvable, also when d > n.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Inputs, one sample per row.
    y : array_like, shape (n,)
        Targets.
    sigma2 : float
        The noise variance :math:`\sigma^2 > 0`.
    tau2 : float
        The prior variance of each weight :math:`\tau^2 > 0`.

    Returns
    -------
    ndarray, shape (d,)
        The MAP weights.

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, their lengths differ, X has no rows or columns,
        or sigma2 or tau2 is not a finite positive number.

    Examples
    --------
    >>> X = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    >>> map_linear_regression(X, [1.0, 2.0, 3.0], sigma2=1.0, tau2=1.0).round(6).tolist()
    [0.875, 1.375]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X has {X.shape[0]} rows but y has {y.shape[0]} entries")
    if X.size == 0:
        raise ValueError(f"X is empty (shape {X.shape})")
    sigma2, tau2 = float(sigma2), float(tau2)
    for name, value in (("sigma2", sigma2), ("tau2", tau2)):
        if not (np.isfinite(value) and value > 0):
            raise ValueError(f"{name} must be a finite variance > 0, got {value}")
    lam = sigma2 / tau2
    d = X.shape[1]
    return np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ y)
    # END SOLUTION
