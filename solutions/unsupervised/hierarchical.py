r"""Agglomerative (hierarchical) clustering: single, complete and average linkage.

Start with every point as its own cluster and repeatedly merge the two closest
clusters; the record of merges (SciPy's linkage matrix) is the dendrogram, which can be
cut at any height to get a flat clustering.
"""

import numpy as np

METHODS = ("single", "complete", "average")


def linkage(X, method="single"):
    r"""Agglomerative clustering of the rows of X, as a SciPy-style linkage matrix.

    The distance between two clusters A and B is, for the three methods,

    .. math::

        d_{\text{single}}(A, B) = \min_{a \in A,\, b \in B} \lVert a - b \rVert_2, \quad
        d_{\text{complete}}(A, B) = \max_{a \in A,\, b \in B} \lVert a - b \rVert_2, \quad
        d_{\text{average}}(A, B) = \frac{1}{|A|\,|B|}
            \sum_{a \in A} \sum_{b \in B} \lVert a - b \rVert_2

    Each of the n - 1 steps merges the two clusters at the smallest distance. Merging
    A and B changes the distance to any other cluster C by the Lance-Williams update:
    min or max of d(A, C) and d(B, C), or for average linkage the size-weighted mean
    :math:`(|A|\, d(A, C) + |B|\, d(B, C)) / (|A| + |B|)`.

    Row i of the result records step i: the ids of the two merged clusters, their
    distance and the number of points in the new cluster. The points are clusters
    0..n-1; the cluster made at step i gets the id n + i.

    Parameters
    ----------
    X : array_like, shape (n, d)
        The data, one point per row, n >= 2.
    method : {"single", "complete", "average"}, optional
        The cluster distance.

    Returns
    -------
    ndarray, shape (n - 1, 4)
        ``Z[i] = [id_a, id_b, distance, size]`` (floats, as in SciPy), distances
        non-decreasing; the two ids of a row may come in either order.

    Raises
    ------
    ValueError
        If X is not 2-D, has fewer than 2 rows or no columns, or method is unknown.

    Examples
    --------
    >>> linkage([[0.0], [1.0], [3.0], [7.0]], "single").tolist()
    [[0.0, 1.0, 1.0, 2.0], [2.0, 4.0, 2.0, 3.0], [3.0, 5.0, 4.0, 4.0]]
    >>> linkage([[0.0], [1.0], [3.0], [7.0]], "average").round(4).tolist()
    [[0.0, 1.0, 1.0, 2.0], [2.0, 4.0, 2.5, 3.0], [3.0, 5.0, 5.6667, 4.0]]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] == 0:
        raise ValueError(f"X must be 2-D with at least 2 rows and 1 column, got {X.shape}")
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    n = X.shape[0]
    D = np.sqrt(np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=2))
    np.fill_diagonal(D, np.inf)
    ids = np.arange(n)  # the cluster id held by each row/column of D
    sizes = np.ones(n)
    Z = np.empty((n - 1, 4))
    for step in range(n - 1):
        a, b = np.unravel_index(np.argmin(D), D.shape)
        a, b = min(a, b), max(a, b)
        Z[step] = [min(ids[a], ids[b]), max(ids[a], ids[b]), D[a, b], sizes[a] + sizes[b]]
        if method == "single":
            merged = np.minimum(D[a], D[b])
        elif method == "complete":
            merged = np.maximum(D[a], D[b])
        else:
            merged = (sizes[a] * D[a] + sizes[b] * D[b]) / (sizes[a] + sizes[b])
        D[a, :] = merged  # the new cluster takes row and column a, b is retired
        D[:, a] = merged
        D[a, a] = np.inf
        D[b, :] = np.inf
        D[:, b] = np.inf
        ids[a] = n + step
        sizes[a] += sizes[b]
    return Z
    # END SOLUTION
