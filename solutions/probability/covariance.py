r"""Sample covariance and correlation matrices.

Both measure how features vary together around their means: covariance in the units of
the data, correlation rescaled to [-1, 1] by the standard deviations.
"""

import numbers

import numpy as np


def covariance_matrix(X, ddof=1):
    r"""Sample covariance matrix of the columns (features) of X.

    .. math::

        C_{jk} = \frac{1}{n - \mathrm{ddof}} \sum_{i=1}^{n}
                 (x_{ij} - \bar x_j)(x_{ik} - \bar x_k),
        \qquad C = \frac{X_c^\top X_c}{n - \mathrm{ddof}}

    where :math:`X_c` is X with the column means :math:`\bar x_j` subtracted.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Data matrix, one sample per row.
    ddof : int, optional
        "Delta degrees of freedom": the divisor is n - ddof (1, the default, gives the
        unbiased estimate; 0 the maximum-likelihood one). Must satisfy 0 <= ddof < n.

    Returns
    -------
    ndarray, shape (d, d)
        The symmetric covariance matrix.

    Raises
    ------
    ValueError
        If X is not 2-D, is empty or not finite, or ddof is not an integer in [0, n).

    Examples
    --------
    >>> X = [[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]
    >>> covariance_matrix(X).tolist()
    [[1.0, 2.0], [2.0, 4.0]]
    >>> covariance_matrix(X, ddof=0).round(6).tolist()
    [[0.666667, 1.333333], [1.333333, 2.666667]]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if X.size == 0:
        raise ValueError(f"X is empty (shape {X.shape})")
    if not np.all(np.isfinite(X)):
        raise ValueError("X contains nan or inf")
    n = X.shape[0]
    if isinstance(ddof, bool) or not isinstance(ddof, numbers.Integral):
        raise ValueError(f"ddof must be an integer, got {ddof!r}")
    if not 0 <= ddof < n:
        raise ValueError(f"ddof must satisfy 0 <= ddof < n = {n}, got {ddof}")
    Xc = X - X.mean(axis=0)
    C = Xc.T @ Xc / (n - ddof)
    return (C + C.T) / 2  # exactly symmetric
    # END SOLUTION


def correlation_matrix(X):
    r"""Pearson correlation matrix of the columns (features) of X.

    .. math::

        R_{jk} = \frac{C_{jk}}{\sqrt{C_{jj}\, C_{kk}}}
               = \frac{\sum_i (x_{ij} - \bar x_j)(x_{ik} - \bar x_k)}
                      {\sqrt{\sum_i (x_{ij} - \bar x_j)^2 \sum_i (x_{ik} - \bar x_k)^2}}

    (the divisor n - ddof cancels).

    Parameters
    ----------
    X : array_like, shape (n, d)
        Data matrix, one sample per row.

    Returns
    -------
    ndarray, shape (d, d)
        The symmetric correlation matrix: ones on the diagonal, entries in [-1, 1].

    Raises
    ------
    ValueError
        If X is not 2-D, is empty or not finite, or a column is constant (all its values
        equal: its correlation is undefined).

    Examples
    --------
    >>> correlation_matrix([[1.0, 3.0], [2.0, 2.0], [3.0, 1.0]]).round(6).tolist()
    [[1.0, -1.0], [-1.0, 1.0]]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if X.size == 0:
        raise ValueError(f"X is empty (shape {X.shape})")
    if not np.all(np.isfinite(X)):
        raise ValueError("X contains nan or inf")
    constant = np.ptp(X, axis=0) == 0
    if np.any(constant):
        j = int(np.argmax(constant))
        raise ValueError(f"column {j} of X is constant: its correlation is undefined")
    Xc = X - X.mean(axis=0)
    S = Xc.T @ Xc
    scale = np.sqrt(np.diag(S))
    R = S / np.outer(scale, scale)
    R = np.clip((R + R.T) / 2, -1.0, 1.0)
    np.fill_diagonal(R, 1.0)
    return R
    # END SOLUTION
