r"""Orthogonal projection onto the column space of a matrix.

Least squares, linear regression and Gram–Schmidt all rest on one fact: the closest
point to b in col(A) is the one whose residual is orthogonal to every column of A.
"""

from typing import NamedTuple

import numpy as np


class Projection(NamedTuple):
    p: np.ndarray
    r: np.ndarray


def project(A, b):
    r"""Project b orthogonally onto the column space of A.

    The projection p is the unique vector in :math:`\operatorname{col}(A)` whose
    residual is orthogonal to every column of A:

    .. math::

        p = A x^\star, \qquad r = b - p, \qquad A^\top r = 0,

        p = U_r U_r^\top b \quad \text{for any orthonormal basis } U_r
        \text{ of } \operatorname{col}(A)

    When A has full column rank, :math:`p = A (A^\top A)^{-1} A^\top b`; A may also be
    rank-deficient (dependent or zero columns), where :math:`A^\top A` is singular
    but the projection is still unique. Directions whose singular value is at most
    :math:`\max(m, n)\,\varepsilon\,\sigma_{\max}` count as absent.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Its columns span the subspace; any rank, n may exceed m.
    b : array_like, shape (m,) or (m, k)
        The vector, or k vectors as columns, to project.

    Returns
    -------
    Projection
        ``p`` (the projection) and ``r`` (the residual b - p), both shaped like b.

    Raises
    ------
    ValueError
        If A is not 2-D or is empty, b is not 1-D or 2-D, or b has not m rows.

    Examples
    --------
    >>> p, r = project([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], [1.0, 2.0, 3.0])
    >>> p.tolist(), r.tolist()
    ([1.0, 2.0, 0.0], [0.0, 0.0, 3.0])
    >>> p, r = project([[1.0], [1.0]], [2.0, 0.0])
    >>> p.round(6).tolist(), r.round(6).tolist()
    ([1.0, 1.0], [1.0, -1.0])
    """
    # TODO: write project (the docstring above has the maths).
    raise NotImplementedError("project is not implemented yet")
