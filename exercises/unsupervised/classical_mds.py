r"""Classical (Torgerson) multidimensional scaling: coordinates from a distance matrix.

Double centring turns squared distances into the Gram matrix of centred points, whose
top eigenvectors give the best k-dimensional configuration; for Euclidean distances this
is PCA computed from distances alone.
"""

import numbers

import numpy as np


def classical_mds(D, k):
    r"""Embed n points in k dimensions from their pairwise distances.

    .. math::

        B = -\tfrac{1}{2}\, J D^{(2)} J, \qquad J = I - \tfrac{1}{n} \mathbf{1}\mathbf{1}^\top,
        \qquad Y = V_k \Lambda_k^{1/2}

    where :math:`D^{(2)}` holds the squared distances, and :math:`\Lambda_k`,
    :math:`V_k` are the k largest eigenvalues of B (decreasing, negative ones clipped
    to 0) and their unit eigenvectors. For distances between points in at most k
    dimensions, Y reproduces them exactly: :math:`\lVert y_i - y_j \rVert = D_{ij}`.
    The signs of the columns (and rotations within repeated eigenvalues) are free;
    :math:`Y Y^\top` is not.

    Parameters
    ----------
    D : array_like, shape (n, n)
        Pairwise distances: symmetric, non-negative, zero diagonal.
    k : int
        The number of dimensions, 1 <= k <= n.

    Returns
    -------
    ndarray, shape (n, k)
        The coordinates, one point per row, centred at the origin.

    Raises
    ------
    ValueError
        If D is not square, is empty, is not symmetric, is negative somewhere or has a
        non-zero diagonal, or k is not an integer in [1, n].

    Examples
    --------
    >>> import numpy as np
    >>> Y = classical_mds([[0.0, 1.0, 3.0], [1.0, 0.0, 2.0], [3.0, 2.0, 0.0]], 1)
    >>> (Y * -np.sign(Y[0, 0])).round(4).tolist()  # the sign of a column is free
    [[-1.3333], [-0.3333], [1.6667]]
    """
    # TODO: write classical_mds (the docstring above has the maths).
    raise NotImplementedError("classical_mds is not implemented yet")
