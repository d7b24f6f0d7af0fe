r"""The sign and log of a determinant, from an LU decomposition.

det(0.01·I) for n = 300 is 1e-600, far below the smallest float. Its logarithm,
-1381.55, is an ordinary number: summing logs of the pivots never under- or overflows,
and it is what Gaussian log-densities need.
"""

import math
from typing import NamedTuple

import numpy as np
from linear_algebra.lu import lu_decompose


class SignLogDet(NamedTuple):
    sign: float
    logabsdet: float


def slogdet(A):
    r"""Sign and natural log of the absolute value of :math:`\det A`, via :math:`PA = LU`.

    Since :math:`\det P = \pm 1` (+1 for an even number of row swaps) and L has a unit
    diagonal,

    .. math::

        \det A = \det(P)^{-1} \det L \det U = \det(P) \prod_{i=1}^{n} u_{ii},

        \text{sign} = \det(P) \prod_{i=1}^{n} \operatorname{sign}(u_{ii}), \qquad
        \text{logabsdet} = \sum_{i=1}^{n} \log |u_{ii}|

    so that :math:`\det A = \text{sign} \cdot e^{\text{logabsdet}}`. Summing the logs
    (never taking the log of the product) works where the determinant itself under-
    or overflows. If a pivot is exactly zero, A is singular: sign 0 and logabsdet
    :math:`-\infty`.

    Parameters
    ----------
    A : array_like, shape (n, n)
        A square matrix.

    Returns
    -------
    SignLogDet
        ``sign`` (-1.0, 0.0 or 1.0) and ``logabsdet`` (float, -inf when singular).

    Raises
    ------
    ValueError
        If A is not a non-empty square matrix.

    Examples
    --------
    >>> sign, logabsdet = slogdet([[1.0, 2.0], [3.0, 4.0]])
    >>> float(sign), round(float(logabsdet), 6), round(math.log(2.0), 6)
    (-1.0, 0.693147, 0.693147)
    >>> sign, logabsdet = slogdet(0.01 * np.eye(300))
    >>> float(sign), round(float(logabsdet), 4)
    (1.0, -1381.5511)
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] == 0:
        raise ValueError(f"A must be a non-empty square matrix, got shape {A.shape}")
    P, _, U = lu_decompose(A)
    pivots = np.diag(U)
    if np.any(pivots == 0.0):
        return SignLogDet(0.0, -math.inf)
    # det(P): each cycle of length c in the permutation is c - 1 swaps.
    order = np.argmax(P, axis=1)
    seen = np.zeros(len(order), dtype=bool)
    swaps = 0
    for start in range(len(order)):
        length = 0
        i = start
        while not seen[i]:
            seen[i] = True
            i = order[i]
            length += 1
        swaps += max(length - 1, 0)
    sign = (-1.0) ** swaps * float(np.prod(np.sign(pivots)))
    return SignLogDet(sign, float(np.sum(np.log(np.abs(pivots)))))
    # END SOLUTION
