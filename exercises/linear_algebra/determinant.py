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
    # TODO: write slogdet (the docstring above has the maths).
    raise NotImplementedError("slogdet is not implemented yet")
