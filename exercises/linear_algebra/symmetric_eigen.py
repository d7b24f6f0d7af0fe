r"""Eigen-decomposition of a symmetric matrix by Jacobi rotations.

A symmetric matrix has real eigenvalues and an orthonormal basis of eigenvectors. Each
Jacobi rotation zeroes one off-diagonal pair; sweeping over all pairs again and again
drives the matrix to diagonal form, and the product of the rotations collects the
eigenvectors. It is behind PCA, spectral clustering and every quadratic form.
"""

from typing import NamedTuple

import numpy as np


class Eigh(NamedTuple):
    values: np.ndarray
    vectors: np.ndarray


def _off_diagonal(D):
    """The Frobenius norm of the off-diagonal part of D."""
    return np.sqrt(np.sum((D - np.diag(np.diag(D))) ** 2))


def symmetric_eigen(A, tol=1e-12, max_sweeps=100):
    r"""All eigenvalues and orthonormal eigenvectors of a symmetric matrix.

    .. math::

        A = V \operatorname{diag}(\lambda) V^\top, \qquad A V = V \operatorname{diag}(\lambda),
        \qquad V^\top V = I, \qquad \lambda_1 \le \lambda_2 \le \dots \le \lambda_n

    A Jacobi rotation in the plane (p, q), :math:`A \leftarrow J^\top A J` with

    .. math::

        \theta = \frac{a_{qq} - a_{pp}}{2 a_{pq}}, \quad
        t = \frac{\operatorname{sign}(\theta)}{|\theta| + \sqrt{\theta^2 + 1}}, \quad
        c = \frac{1}{\sqrt{1 + t^2}}, \quad s = t c, \quad
        J = \begin{pmatrix} c & s \\ -s & c \end{pmatrix} \text{ in rows and columns } p, q,

    makes :math:`a_{pq} = 0` and lowers the off-diagonal sum of squares by
    :math:`2 a_{pq}^2`. Sweep over all pairs p < q until
    :math:`\sqrt{\sum_{i \ne j} a_{ij}^2} \le \text{tol}\, \lVert A \rVert_F`; the
    diagonal holds the eigenvalues and :math:`V = \prod J` the eigenvectors.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Symmetric matrix (max|A - A^T| <= 1e-10 max|A|), n >= 1.
    tol : float, optional
        Relative size of the off-diagonal part at which to stop.
    max_sweeps : int, optional
        The largest number of sweeps over all pairs.

    Returns
    -------
    Eigh
        ``values`` (n,) in ascending order; ``vectors`` (n, n) whose orthonormal
        columns are the eigenvectors, column j for ``values[j]`` (signs, and the basis
        within a repeated eigenvalue, are free).

    Raises
    ------
    ValueError
        If A is not a non-empty square 2-D array, or not symmetric.
    numpy.linalg.LinAlgError
        If the rotations have not converged after ``max_sweeps`` sweeps.

    Examples
    --------
    >>> values, vectors = symmetric_eigen([[2.0, 1.0], [1.0, 2.0]])
    >>> values.round(6).tolist()
    [1.0, 3.0]
    >>> (np.abs(vectors) * np.sqrt(2)).round(6).tolist()
    [[1.0, 1.0], [1.0, 1.0]]
    >>> round(float(vectors[0, 0] * vectors[1, 0]), 6)  # eigenvector of 1: +-[1, -1]/sqrt(2)
    -0.5
    """
    # TODO: write symmetric_eigen (the docstring above has the maths).
    raise NotImplementedError("symmetric_eigen is not implemented yet")
