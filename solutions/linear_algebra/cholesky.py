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
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be a square 2-D array, got shape {A.shape}")
    n = A.shape[0]
    if n == 0:
        raise ValueError("A is empty")
    scale = np.abs(A).max()
    if np.abs(A - A.T).max() > 1e-10 * scale:
        raise np.linalg.LinAlgError("A is not symmetric")
    threshold = n * np.finfo(float).eps * np.abs(np.diag(A)).max()
    L = np.zeros_like(A)
    for j in range(n):
        pivot = A[j, j] - L[j, :j] @ L[j, :j]
        if not pivot > threshold:
            raise np.linalg.LinAlgError(
                f"A is not positive definite (pivot {pivot:.3g} at position {j})"
            )
        L[j, j] = np.sqrt(pivot)
        L[j + 1 :, j] = (A[j + 1 :, j] - L[j + 1 :, :j] @ L[j, :j]) / L[j, j]
    return L
    # END SOLUTION
