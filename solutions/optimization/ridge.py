r"""Ridge regression: least squares with an L2 penalty on the weights.

The penalty λ‖w‖² makes the normal equations solvable even when features are
collinear or outnumber the samples, and shrinks the weights towards 0. The intercept
is left unpenalised, so shifting y shifts the prediction and nothing else.
"""

from typing import NamedTuple

import numpy as np


class Linear1(NamedTuple):
    w: np.ndarray
    b: float


def ridge_regression(X, y, lam, fit_intercept=True):
    r"""The weights and intercept minimising the ridge objective.

    .. math::

        \min_{w, b}\; \lVert y - Xw - b\mathbf{1} \rVert_2^2 + \lambda \lVert w \rVert_2^2

    With centred data :math:`X_c = X - \mathbf{1}\bar x^\top`, :math:`y_c = y - \bar y`:

    .. math::

        (X_c^\top X_c + \lambda I)\, w = X_c^\top y_c, \qquad b = \bar y - \bar x^\top w

    (without an intercept, b = 0 and X, y are used as they are).

    Parameters
    ----------
    X : array_like, shape (n, d)
        The design matrix, one sample per row.
    y : array_like, shape (n,)
        The targets.
    lam : float
        The penalty :math:`\lambda \ge 0` (0 is ordinary least squares).
    fit_intercept : bool, optional
        Whether to fit the (unpenalised) intercept b.

    Returns
    -------
    Linear1
        ``w`` (array of shape (d,)) and ``b`` (float; 0.0 without an intercept).

    Raises
    ------
    ValueError
        If X is not 2-D, y not 1-D, their lengths differ, the input is empty, or lam is
        negative or not finite.
    numpy.linalg.LinAlgError
        If lam = 0 and the (centred) X has dependent columns: the minimiser is not unique.

    Examples
    --------
    >>> w, b = ridge_regression([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0], lam=2.0)
    >>> w.tolist(), float(b)
    ([1.0], 2.0)
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    n, d = X.shape
    if n == 0 or d == 0:
        raise ValueError(f"X is empty (shape {X.shape})")
    if y.shape[0] != n:
        raise ValueError(f"y has {y.shape[0]} entries for {n} samples")
    if not (np.isfinite(lam) and lam >= 0):
        raise ValueError(f"lam must be a finite number >= 0, got {lam}")
    if fit_intercept:
        x_mean, y_mean = X.mean(axis=0), y.mean()
        Xc, yc = X - x_mean, y - y_mean
    else:
        Xc, yc = X, y
    G = Xc.T @ Xc + lam * np.eye(d)
    values = np.linalg.eigvalsh(G)
    if not values[0] > d * np.finfo(float).eps * max(values[-1], 0.0):
        raise np.linalg.LinAlgError("lam = 0 and X has dependent columns: w is not unique")
    w = np.linalg.solve(G, Xc.T @ yc)
    b = float(y_mean - x_mean @ w) if fit_intercept else 0.0
    return Linear1(w, b)
    # END SOLUTION
