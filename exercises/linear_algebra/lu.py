r"""LU decomposition with partial pivoting.

Gaussian elimination, recorded: L holds the multipliers, U what is left, and P the row
swaps that keep every multiplier at most 1 in size. One factorisation then solves any
number of systems and gives the determinant.
"""

from typing import NamedTuple

import numpy as np


class LU(NamedTuple):
    P: np.ndarray
    L: np.ndarray
    U: np.ndarray


def lu_decompose(A):
    r"""LU decomposition with partial pivoting, :math:`PA = LU`.

    Gaussian elimination on the rows of A. At step :math:`k = 1, \dots, n - 1` the row
    with the largest :math:`|u_{ik}|` among rows :math:`i \ge k` of the current matrix
    is swapped into row k (between equal candidates the lowest row wins), then

    .. math::

        \ell_{ik} = \frac{u_{ik}}{u_{kk}}, \qquad
        u_{i,:} \leftarrow u_{i,:} - \ell_{ik}\, u_{k,:} \qquad (i > k),

    so that :math:`|\ell_{ik}| \le 1`. Recording the swaps in the permutation matrix P
    (swapping the multipliers already in L along with the rows) gives

    .. math::

        P A = L U,

    with L unit lower triangular and U upper triangular (exact zeros in the other
    triangles). If the whole candidate column is zero the step is skipped (multipliers
    0), so a singular A still factors, with a zero pivot left on U's diagonal.

    Parameters
    ----------
    A : array_like, shape (n, n)
        A square matrix, singular or not.

    Returns
    -------
    LU
        ``P`` (n, n) permutation matrix, ``L`` (n, n) unit lower triangular with
        entries of absolute value at most 1, ``U`` (n, n) upper triangular.

    Raises
    ------
    ValueError
        If A is not a non-empty square 2-D array.

    Examples
    --------
    >>> P, L, U = lu_decompose([[1.0, 2.0], [3.0, 4.0]])
    >>> P.tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    >>> L.round(6).tolist(), U.round(6).tolist()
    ([[1.0, 0.0], [0.333333, 1.0]], [[3.0, 4.0], [0.0, 0.666667]])
    """
    # TODO: write lu_decompose (the docstring above has the maths).
    raise NotImplementedError("lu_decompose is not implemented yet")
