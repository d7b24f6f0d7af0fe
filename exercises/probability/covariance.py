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
    # TODO: write covariance_matrix (the docstring above has the maths).
    raise NotImplementedError("covariance_matrix is not implemented yet")


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
    # TODO: write correlation_matrix (the docstring above has the maths).
    raise NotImplementedError("correlation_matrix is not implemented yet")
