r"""The silhouette score: how well each point sits in its own cluster versus the next one.

It needs no ground truth: a point close to its cluster-mates and far from every other
cluster scores near 1, a point between clusters near 0, a misplaced point below 0. The
mean over the points compares clusterings, e.g. to choose k.
"""

import numpy as np


def silhouette_score(X, labels):
    r"""The mean silhouette coefficient of a clustering.

    For point i in cluster :math:`C_i`, with d the Euclidean distance,

    .. math::

        a_i = \frac{1}{|C_i| - 1} \sum_{j \in C_i,\, j \ne i} d(x_i, x_j), \qquad
        b_i = \min_{C \ne C_i} \frac{1}{|C|} \sum_{j \in C} d(x_i, x_j), \qquad
        s_i = \frac{b_i - a_i}{\max(a_i, b_i)}

    and the score is :math:`\frac{1}{n} \sum_i s_i`. A point alone in its cluster has
    :math:`s_i = 0`, and so does a point with :math:`a_i = b_i = 0`.

    Parameters
    ----------
    X : array_like, shape (n, d)
        The data, one point per row.
    labels : array_like, shape (n,)
        The cluster of each point (any integers; only equality matters).

    Returns
    -------
    float
        The mean silhouette, in [-1, 1].

    Raises
    ------
    ValueError
        If X is not 2-D or is empty, labels is not 1-D with one entry per row of X, or
        the number of distinct labels is not between 2 and n - 1.

    Examples
    --------
    >>> round(silhouette_score([[0.0], [1.0], [4.0]], [0, 0, 1]), 6)
    0.472222
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    if X.ndim != 2 or X.size == 0:
        raise ValueError(f"X must be a non-empty 2-D array (n, d), got shape {X.shape}")
    if labels.shape != (X.shape[0],):
        raise ValueError(f"labels must have shape ({X.shape[0]},), got {labels.shape}")
    n = X.shape[0]
    names, cluster = np.unique(labels, return_inverse=True)
    k = len(names)
    if not 2 <= k <= n - 1:
        raise ValueError(f"need between 2 and n - 1 = {n - 1} distinct labels, got {k}")
    D = np.zeros((n, n))
    for column in X.T:  # one feature at a time: an (n, n) array, never (n, n, d)
        D += (column[:, None] - column[None, :]) ** 2
    D = np.sqrt(D)
    onehot = np.eye(k)[cluster]  # (n, k)
    sizes = onehot.sum(axis=0)
    mean_to = (D @ onehot) / sizes  # mean distance of each point to each cluster
    own = sizes[cluster]
    a = (D @ onehot)[np.arange(n), cluster] / np.maximum(own - 1, 1)  # d(i, i) = 0
    mean_to[np.arange(n), cluster] = np.inf
    b = mean_to.min(axis=1)
    top = np.maximum(a, b)
    s = np.where((own > 1) & (top > 0), (b - a) / np.where(top > 0, top, 1.0), 0.0)
    return float(s.mean())
    # END SOLUTION
