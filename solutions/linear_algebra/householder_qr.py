r"""QR decomposition by Householder reflections.

Each reflection zeroes one column below the diagonal, exactly and stably; their
product is an orthogonal Q. This is how LAPACK (and so np.linalg.qr) computes QR, and
the standard route to least squares and to eigenvalue algorithms.
"""

import math
from typing import NamedTuple

import numpy as np


class QR(NamedTuple):
    Q: np.ndarray
    R: np.ndarray


def householder_qr(A):
    r"""Full QR decomposition :math:`A = QR` by Householder reflections.

    For :math:`k = 1, \dots, \min(m - 1, n)`, let x be column k of the current R from
    row k down. The reflection :math:`H = I - 2 v v^\top` with

    .. math::

        u = x + \operatorname{sign}(x_1)\,\|x\|_2\, e_1, \qquad v = \frac{u}{\|u\|_2},
        \qquad H x = -\operatorname{sign}(x_1)\,\|x\|_2\, e_1

    zeroes x below its first entry. The sign is chosen so that :math:`x_1` and the
    added term never cancel (with sign(0) = +1; a zero x needs no reflection). Then

    .. math::

        R = H_k \cdots H_2 H_1 A, \qquad Q = H_1 H_2 \cdots H_k, \qquad A = QR,

    where each :math:`H_j` acts on rows j..m. Q is orthogonal and R upper triangular
    with exact zeros below the diagonal. The signs of the rows of R and the columns of
    Q are not unique (flipping both leaves QR unchanged).

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any real matrix with m, n >= 1 (tall, square or wide).

    Returns
    -------
    QR
        ``Q`` (m, m) orthogonal and ``R`` (m, n) upper triangular.

    Raises
    ------
    ValueError
        If A is not 2-D or is empty.

    Examples
    --------
    >>> Q, R = householder_qr([[3.0], [4.0]])
    >>> R.round(6).tolist()
    [[-5.0], [0.0]]
    >>> Q.round(6).tolist()
    [[-0.6, -0.8], [-0.8, 0.6]]
    >>> (Q @ R).round(6).tolist()
    [[3.0], [4.0]]
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    if A.ndim != 2:
        raise ValueError(f"A must be 2-D, got shape {A.shape}")
    if A.size == 0:
        raise ValueError(f"A must not be empty, got shape {A.shape}")
    m, n = A.shape
    R = A.copy()
    Q = np.eye(m)
    for k in range(min(m - 1, n)):
        x = R[k:, k]
        norm_x = np.linalg.norm(x)
        if norm_x == 0.0:
            continue  # nothing to zero in this column
        u = x.copy()
        u[0] += math.copysign(norm_x, x[0])
        v = u / np.linalg.norm(u)
        R[k:, k:] -= 2.0 * np.outer(v, v @ R[k:, k:])
        Q[:, k:] -= 2.0 * np.outer(Q[:, k:] @ v, v)
        R[k + 1 :, k] = 0.0  # exactly zero, not round-off
    return QR(Q, R)
    # END SOLUTION
