r"""Lloyd's algorithm for k-means: alternate nearest-centre assignment and centre means.

Each step lowers the inertia (the within-cluster sum of squares), so the iteration
reaches a fixed point: every point is labelled with its nearest centre and every centre
is the mean of its points. Which fixed point depends on the starting centres.
"""

import numbers
from typing import NamedTuple

import numpy as np


class KMeans(NamedTuple):
    """The result of :func:`kmeans`."""

    centers: np.ndarray
    labels: np.ndarray
    inertia: float
    n_iter: int


def kmeans(X, init_centers, max_iter=300, tol=1e-8):
    r"""Cluster the rows of X into k clusters by Lloyd's algorithm from the given centres.

    Each iteration assigns every point to its nearest centre, then moves each centre to
    the mean of its points:

    .. math::

        \ell_i = \operatorname*{arg\,min}_j \lVert x_i - c_j \rVert_2, \qquad
        c_j \leftarrow \frac{1}{|\{i : \ell_i = j\}|} \sum_{i : \ell_i = j} x_i

    Ties go to the lowest centre index; a centre with no points keeps its place. The
    loop stops after the iteration in which no centre moved more than ``tol``
    (Euclidean distance), or after ``max_iter`` iterations. The labels and the inertia
    returned are those of the returned centres:

    .. math::

        \text{inertia} = \sum_i \min_j \lVert x_i - c_j \rVert_2^2

    Parameters
    ----------
    X : array_like, shape (n, d)
        The data, one point per row.
    init_centers : array_like, shape (k, d)
        The starting centres (k >= 1).
    max_iter : int, optional
        The largest number of iterations, at least 1.
    tol : float, optional
        The largest move of a centre, >= 0, that counts as converged.

    Returns
    -------
    KMeans
        ``centers`` (k, d); ``labels`` (n,) int, the nearest centre of each point;
        ``inertia`` float; ``n_iter`` int, the iterations run (1 <= n_iter <= max_iter).

    Raises
    ------
    ValueError
        If X or init_centers is not 2-D or is empty, their numbers of columns differ,
        max_iter is not an integer >= 1, or tol is negative.

    Examples
    --------
    >>> X = [[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]]
    >>> result = kmeans(X, [[0.0, 0.0], [10.0, 0.0]])
    >>> result.centers.tolist(), result.labels.tolist(), float(result.inertia)
    ([[0.0, 0.5], [10.0, 0.5]], [0, 0, 1, 1], 1.0)
    """
    # TODO: write kmeans (the docstring above has the maths).
    raise NotImplementedError("kmeans is not implemented yet")
