r"""Ordinary least squares with classical standard errors.

Under :math:`y = X\beta + \varepsilon` with i.i.d. noise of variance :math:`\sigma^2`,
the OLS estimate has covariance :math:`\sigma^2 (X^\top X)^{-1}`; estimating
:math:`\sigma^2` by the residual sum of squares over n - p degrees of freedom gives the
standard errors that regression tables print.
"""

from typing import NamedTuple

import numpy as np


class OLS(NamedTuple):
    coef: np.ndarray
    standard_errors: np.ndarray


def ols_standard_errors(X, y):
    r"""OLS coefficients and their standard errors.

    .. math::

        \hat\beta = (X^\top X)^{-1} X^\top y, \qquad
        \hat\sigma^2 = \frac{\lVert y - X\hat\beta \rVert^2}{n - p}, \qquad
        \operatorname{SE}(\hat\beta_j) = \sqrt{\hat\sigma^2 \left[(X^\top X)^{-1}\right]_{jj}}

    The divisor n - p makes :math:`\hat\sigma^2` unbiased (p parameters were fitted).
    X is used as given: add a column of ones yourself for an intercept.

    Parameters
    ----------
    X : array_like, shape (n, p)
        The design matrix, including any intercept column; n > p, full column rank.
    y : array_like, shape (n,)
        The responses.

    Returns
    -------
    OLS
        ``coef`` (p,) and ``standard_errors`` (p,).

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, their lengths differ, X has no columns, or
        n <= p (no degrees of freedom left to estimate the noise).
    numpy.linalg.LinAlgError
        If X is rank-deficient (its columns are linearly dependent).

    Examples
    --------
    >>> X = [[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]
    >>> coef, se = ols_standard_errors(X, [1.0, 3.0, 2.0, 5.0])
    >>> coef.round(6).tolist()
    [1.1, 1.1]
    >>> se.round(6).tolist()
    [0.972111, 0.519615]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_parameters), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    n, p = X.shape
    if y.shape[0] != n:
        raise ValueError(f"X has {n} rows but y has {y.shape[0]} entries")
    if p == 0:
        raise ValueError("X has no columns: there is nothing to estimate")
    if n <= p:
        raise ValueError(
            f"n = {n} <= p = {p}: no degrees of freedom are left to estimate the noise"
        )
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    if s[-1] <= max(n, p) * np.finfo(float).eps * s[0]:
        raise np.linalg.LinAlgError("X is rank-deficient: its columns are linearly dependent")
    coef = Vt.T @ ((U.T @ y) / s)
    residuals = y - X @ coef
    sigma2 = residuals @ residuals / (n - p)
    # (X^T X)^-1 = V S^-2 V^T, whose diagonal is sum_k V_jk^2 / s_k^2
    inverse_diagonal = np.sum((Vt.T / s) ** 2, axis=1)
    return OLS(coef, np.sqrt(sigma2 * inverse_diagonal))
    # END SOLUTION
