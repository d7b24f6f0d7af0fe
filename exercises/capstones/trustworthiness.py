r"""Embedding capstone: trustworthiness, how far an embedding's neighbours can be trusted.

A map of high-dimensional data is trustworthy when the points it shows as neighbours
were neighbours in the data too. Each intruder, a map neighbour that was not among the
k nearest in the data, is penalised by how far down the data's ranking it really was.
"""

import numbers

import numpy as np


def trustworthiness(X, Y, n_neighbors=5):
    r"""The trustworthiness of the embedding Y of the points X (Venna and Kaski).

    With :math:`r(i, j)` the rank of j among the other points by Euclidean distance
    to i in the data X (the nearest has rank 1), and :math:`U_k(i)` the points among
    the k nearest neighbours of i in the embedding Y that are not among its k nearest
    in X,

    .. math::

        T(k) = 1 - \frac{2}{n k (2n - 3k - 1)}
            \sum_{i=1}^{n} \sum_{j \in U_k(i)} \bigl(r(i, j) - k\bigr).

    T = 1 when every map neighbourhood is a data neighbourhood; the normalisation makes
    the worst case 0. Ties in a distance are broken by the lower index.

    Parameters
    ----------
    X : array_like, shape (n, d)
        The data, one point per row.
    Y : array_like, shape (n, p)
        The embedding, row i the image of row i of X.
    n_neighbors : int, optional
        k, with 1 <= k < n / 2.

    Returns
    -------
    float
        T(k), in [0, 1].

    Raises
    ------
    ValueError
        If X or Y is not 2-D with at least one column, their numbers of rows differ,
        either holds a non-finite value, or n_neighbors is not an integer with
        1 <= k < n / 2.

    Examples
    --------
    Five points at 0, 1, 3, 6, 10 on a line, embedded with the last two swapped. The
    nearest map neighbour of points 0, 1, 2 is their nearest in X too; point 3's is 4
    (rank 2 from point 3 in X, behind point 2: penalty 1), point 4's is 2 (rank 2
    from point 4, behind 3: penalty 1). T(1) = 1 - 2 / (5 · 1 · 6) · 2.

    >>> X = [[0.0], [1.0], [3.0], [6.0], [10.0]]
    >>> Y = [[0.0], [1.0], [3.0], [10.0], [6.0]]
    >>> round(trustworthiness(X, Y, n_neighbors=1), 6)
    0.866667
    """
    # TODO: write trustworthiness (the docstring above has the maths).
    raise NotImplementedError("trustworthiness is not implemented yet")
