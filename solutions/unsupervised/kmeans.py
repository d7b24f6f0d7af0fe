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
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    centers = np.array(init_centers, dtype=float)  # a copy: the caller's array is not moved
    if X.ndim != 2 or X.size == 0:
        raise ValueError(f"X must be a non-empty 2-D array (n, d), got shape {X.shape}")
    if centers.ndim != 2 or centers.size == 0:
        raise ValueError(f"init_centers must be a non-empty 2-D array, got {centers.shape}")
    if centers.shape[1] != X.shape[1]:
        raise ValueError(f"X has {X.shape[1]} columns but init_centers has {centers.shape[1]}")
    if isinstance(max_iter, bool) or not isinstance(max_iter, numbers.Integral) or max_iter < 1:
        raise ValueError(f"max_iter must be an integer >= 1, got {max_iter!r}")
    if not tol >= 0:
        raise ValueError(f"tol must be >= 0, got {tol!r}")

    def assign(centers):
        d2 = np.sum((X[:, None, :] - centers[None, :, :]) ** 2, axis=2)
        labels = np.argmin(d2, axis=1)  # the first minimum: ties go to the lowest index
        return labels, d2[np.arange(len(X)), labels]

    k = len(centers)
    n_iter = 0
    while n_iter < max_iter:
        n_iter += 1
        labels, _ = assign(centers)
        counts = np.bincount(labels, minlength=k)
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, X)
        new = centers.copy()
        filled = counts > 0
        new[filled] = sums[filled] / counts[filled, None]  # an empty cluster keeps its centre
        moved = np.sqrt(np.sum((new - centers) ** 2, axis=1)).max()
        centers = new
        if moved <= tol:
            break
    labels, d2 = assign(centers)
    return KMeans(centers, labels, float(d2.sum()), n_iter)
    # END SOLUTION
