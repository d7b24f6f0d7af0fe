r"""All squared Euclidean distances between two sets of points, without Python loops.

Expanding the square turns m·n distance computations into one matrix product: the
workhorse behind k-nearest neighbours, k-means and RBF kernels.
"""

import numpy as np


def pairwise_sq_dists(X, Y):
    r"""Squared Euclidean distances between every row of X and every row of Y.

    .. math::

        D_{ij} = \|x_i - y_j\|_2^2 = \|x_i\|_2^2 + \|y_j\|_2^2 - 2\, x_i^\top y_j,
        \qquad D = \mathbf{r}_X \mathbf{1}^\top + \mathbf{1}\,\mathbf{r}_Y^\top - 2 X Y^\top

    where :math:`\mathbf{r}_X` holds the squared row norms of X. In floating point
    the expanded form can come out slightly negative where two points (nearly)
    coincide, so the result is clipped at 0: a squared distance is never negative.

    Parameters
    ----------
    X : array_like, shape (m, d)
        One point per row.
    Y : array_like, shape (n, d)
        One point per row, in the same d dimensions.

    Returns
    -------
    ndarray, shape (m, n)
        ``D[i, j]`` is the squared distance between ``X[i]`` and ``Y[j]``, >= 0.

    Raises
    ------
    ValueError
        If X or Y is not 2-D, their numbers of columns differ, or either is empty.

    Examples
    --------
    >>> D = pairwise_sq_dists([[0.0, 0.0], [1.0, 1.0]], [[1.0, 0.0], [3.0, 4.0], [0.0, 0.0]])
    >>> D.round(6).tolist()
    [[1.0, 25.0, 0.0], [1.0, 13.0, 2.0]]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if X.ndim != 2 or Y.ndim != 2:
        raise ValueError(f"X and Y must be 2-D (one point per row), got {X.shape} and {Y.shape}")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(f"X and Y need the same number of columns, got {X.shape} and {Y.shape}")
    if X.size == 0 or Y.size == 0:
        raise ValueError(f"X and Y must not be empty, got shapes {X.shape} and {Y.shape}")
    x_sq = np.einsum("ij,ij->i", X, X)
    y_sq = np.einsum("ij,ij->i", Y, Y)
    D = x_sq[:, None] + y_sq[None, :] - 2.0 * (X @ Y.T)
    return np.maximum(D, 0.0, out=D)
    # END SOLUTION
