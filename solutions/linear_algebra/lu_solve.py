r"""Solving a linear system with your own LU decomposition.

Factor once, P A = L U, then every right-hand side costs two triangular solves: this is
what np.linalg.solve does inside, and here it is built from your own earlier katas.
"""

import numpy as np
from linear_algebra.lu import lu_decompose
from linear_algebra.triangular_solve import solve_triangular


def lu_solve(A, b):
    r"""Solve :math:`Ax = b` through the LU decomposition :math:`PA = LU`.

    Multiplying :math:`Ax = b` by P gives :math:`LUx = Pb`, solved in two triangular
    steps:

    .. math::

        L y = P b \quad \text{(forward substitution)}, \qquad
        U x = y \quad \text{(back substitution)}

    A is singular (to working precision) when some pivot is tiny compared with the
    largest one, :math:`\min_i |u_{ii}| \le n\,\varepsilon \max_i |u_{ii}|` (the zero
    matrix included); then there is no unique solution and LinAlgError is raised.

    Parameters
    ----------
    A : array_like, shape (n, n)
        The square matrix of the system.
    b : array_like, shape (n,) or (n, k)
        Right-hand side(s).

    Returns
    -------
    ndarray, shaped like b
        The solution x.

    Raises
    ------
    numpy.linalg.LinAlgError
        If A is singular.
    ValueError
        If A is not a non-empty square matrix or b is not (n,) or (n, k).

    Examples
    --------
    >>> lu_solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0]).round(6).tolist()
    [0.8, 1.4]
    >>> lu_solve([[0.0, 1.0], [1.0, 0.0]], [[1.0, 2.0], [3.0, 4.0]]).tolist()
    [[3.0, 4.0], [1.0, 2.0]]
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] == 0:
        raise ValueError(f"A must be a non-empty square matrix, got shape {A.shape}")
    n = A.shape[0]
    if b.ndim not in (1, 2) or b.shape[0] != n:
        raise ValueError(f"b must have shape ({n},) or ({n}, k), got {b.shape}")
    P, L, U = lu_decompose(A)
    pivots = np.abs(np.diag(U))
    if pivots.max() == 0.0 or pivots.min() <= n * np.finfo(float).eps * pivots.max():
        raise np.linalg.LinAlgError("A is singular to working precision: a pivot of U is ~0")
    y = solve_triangular(L, P @ b, lower=True)
    return solve_triangular(U, y, lower=False)
    # END SOLUTION
