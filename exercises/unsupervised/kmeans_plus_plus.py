r"""k-means++ seeding: k starting centres for k-means, spread out at random.

Each new centre is a data point drawn with probability proportional to its squared
distance to the nearest centre chosen so far, so that far-away regions get a centre;
Lloyd's algorithm started there is O(log k)-competitive in expectation.
"""

import numbers

import numpy as np


def kmeans_plus_plus(X, k, rng):
    r"""Choose k rows of X as initial centres by k-means++ (D² sampling).

    .. math::

        c_1 = x_{i_1}, \quad i_1 \sim \mathrm{Uniform}\{0, \dots, n-1\}, \qquad
        P(i_{t+1} = j) = \frac{D_j^2}{\sum_{l} D_l^2}, \quad
        D_j = \min_{s \le t} \lVert x_j - c_s \rVert_2

    Protocol (so results are reproducible): the first index is ``rng.integers(n)``;
    each next one is ``rng.choice(n, p=D**2 / np.sum(D**2))`` with D the distances to
    the nearest centre chosen so far. Nothing else is drawn. A chosen point has D = 0,
    so it is never chosen twice.

    Parameters
    ----------
    X : array_like, shape (n, d)
        The data, one point per row.
    k : int
        The number of centres, 1 <= k <= n.
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    ndarray, shape (k, d)
        The chosen rows of X, in the order they were chosen.

    Raises
    ------
    ValueError
        If X is not 2-D or is empty, k is not an integer in [1, n], or X has fewer
        than k distinct rows.

    Examples
    --------
    >>> import numpy as np
    >>> X = [[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]]
    >>> kmeans_plus_plus(X, 2, np.random.default_rng(0)).tolist()
    [[10.0, 1.0], [0.0, 0.0]]
    """
    # TODO: write kmeans_plus_plus (the docstring above has the maths).
    raise NotImplementedError("kmeans_plus_plus is not implemented yet")
