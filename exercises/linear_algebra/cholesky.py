r"""Cholesky factorisation.

A symmetric positive definite matrix is the product of a lower triangular matrix with
its transpose; computing that factor is half the work of LU, needs no pivoting, and is
the standard way to solve normal equations and to sample from a Gaussian.
"""

import numpy as np


def cholesky(A):
    r"""The lower triangular Cholesky factor L of a symmetric positive definite A.

    .. math::

        A = L L^\top, \qquad L_{ij} = 0 \ (j > i), \qquad L_{jj} > 0

    Column by column, with the entries of the earlier columns already known,

    .. math::

        L_{jj} = \sqrt{A_{jj} - \sum_{k<j} L_{jk}^2}, \qquad
        L_{ij} = \frac{A_{ij} - \sum_{k<j} L_{ik} L_{jk}}{L_{jj}} \quad (i > j).

    A is positive definite exactly when every quantity under the square root is
    positive.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Symmetric (max|A - A^T| <= 1e-10 max|A|) positive definite matrix, n >= 1.

    Returns
    -------
    L : ndarray, shape (n, n)
        Lower triangular with a positive diagonal (exact zeros above it), A = L L^T.

    Raises
    ------
    ValueError
        If A is not a non-empty square 2-D array.
    numpy.linalg.LinAlgError
        If A is not symmetric, or not positive definite (a pivot at most about
        n * eps times the largest diagonal entry counts as zero).

    Examples
    --------
    >>> L = cholesky([[4.0, 2.0], [2.0, 3.0]])
    >>> L.round(6).tolist()
    [[2.0, 0.0], [1.0, 1.414214]]
    >>> (L @ L.T).round(12).tolist()
    [[4.0, 2.0], [2.0, 3.0]]
    """
    # TODO: write cholesky (the docstring above has the maths).
    raise NotImplementedError("cholesky is not implemented yet")
