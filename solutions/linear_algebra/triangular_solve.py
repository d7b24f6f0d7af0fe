r"""Forward and back substitution: solving triangular systems.

A triangular system is solved one unknown at a time, in O(n²) operations instead of
the O(n³) of a general solve. It is the second half of every LU, QR and Cholesky solve.
"""

import numpy as np


def solve_triangular(T, b, lower=True):
    r"""Solve :math:`Tx = b` for triangular T by forward or back substitution.

    Lower triangular (``lower=True``), unknowns from the first to the last:

    .. math::

        x_i = \frac{1}{t_{ii}} \Big(b_i - \sum_{j < i} t_{ij} x_j\Big),
        \qquad i = 1, 2, \dots, n

    Upper triangular (``lower=False``), from the last to the first:

    .. math::

        x_i = \frac{1}{t_{ii}} \Big(b_i - \sum_{j > i} t_{ij} x_j\Big),
        \qquad i = n, n - 1, \dots, 1

    Only the named triangle of T (with the diagonal) is read: the other triangle is
    ignored, whatever it holds. With several right-hand sides (b of shape (n, k)) each
    column is solved at once.

    Parameters
    ----------
    T : array_like, shape (n, n)
        The matrix; only its lower (or upper) triangle is used.
    b : array_like, shape (n,) or (n, k)
        Right-hand side(s).
    lower : bool, default True
        Whether T is lower (True) or upper (False) triangular.

    Returns
    -------
    ndarray, shaped like b
        The solution x.

    Raises
    ------
    numpy.linalg.LinAlgError
        If a diagonal entry of T is zero (T is singular).
    ValueError
        If T is not a non-empty square matrix, or b is not (n,) or (n, k).

    Examples
    --------
    >>> solve_triangular([[2.0, 0.0], [1.0, 1.0]], [2.0, 3.0]).tolist()
    [1.0, 2.0]
    >>> solve_triangular([[1.0, 1.0], [0.0, 2.0]], [3.0, 4.0], lower=False).tolist()
    [1.0, 2.0]
    """
    # BEGIN SOLUTION
    T = np.asarray(T, dtype=float)
    b = np.asarray(b, dtype=float)
    if T.ndim != 2 or T.shape[0] != T.shape[1]:
        raise ValueError(f"T must be a square 2-D matrix, got shape {T.shape}")
    n = T.shape[0]
    if n == 0:
        raise ValueError("T must not be empty")
    if b.ndim not in (1, 2) or b.shape[0] != n:
        raise ValueError(f"b must have shape ({n},) or ({n}, k), got {b.shape}")
    zeros = np.flatnonzero(np.diag(T) == 0.0)
    if zeros.size:
        raise np.linalg.LinAlgError(f"T is singular: its diagonal entry {int(zeros[0])} is zero")
    x = np.zeros(b.shape)
    rows = range(n) if lower else range(n - 1, -1, -1)
    for i in rows:
        known = slice(0, i) if lower else slice(i + 1, n)
        x[i] = (b[i] - T[i, known] @ x[known]) / T[i, i]
    return x
    # END SOLUTION
