r"""The input affinities of t-SNE: Gaussian neighbourhoods calibrated by perplexity.

Each point gets its own bandwidth, chosen so that its conditional distribution over
neighbours has a fixed entropy: dense regions get narrow Gaussians, sparse ones wide.
The symmetrised joint P is what t-SNE's low-dimensional map tries to reproduce.
"""

import math

import numpy as np


def tsne_joint_probabilities(X, perplexity=30.0, tol=1e-5):
    r"""The symmetric joint probabilities P of t-SNE for the rows of X.

    For each point i, with :math:`d_{ij} = \lVert x_i - x_j \rVert_2^2`,

    .. math::

        p_{j|i} = \frac{\exp(-\beta_i d_{ij})}{\sum_{l \ne i} \exp(-\beta_i d_{il})}
        \quad (j \ne i), \qquad
        H_i = -\sum_{j \ne i} p_{j|i} \log_2 p_{j|i}

    where :math:`\beta_i \ge 0` is found by bisection until
    :math:`|H_i - \log_2(\text{perplexity})| \le \text{tol}` (H decreases from
    :math:`\log_2(n-1)` at :math:`\beta = 0` towards 0 as :math:`\beta \to \infty`). Then

    .. math::

        P_{ij} = \frac{p_{j|i} + p_{i|j}}{2n}, \qquad P_{ii} = 0,

    symmetric and summing to 1.

    Parameters
    ----------
    X : array_like, shape (n, d)
        The data, one point per row.
    perplexity : float, optional
        The effective number of neighbours, 1 <= perplexity <= n - 1.
    tol : float, optional
        The tolerance on each entropy, in bits, > 0.

    Returns
    -------
    ndarray, shape (n, n)
        P, symmetric, zero diagonal, summing to 1.

    Raises
    ------
    ValueError
        If X is not 2-D or is empty, perplexity is outside [1, n - 1], or tol <= 0.

    Examples
    --------
    With perplexity 1 each point puts (almost) all its mass on its nearest neighbour:
    on the line 0, 1, 3 that is 1 for the points 0 and 3, and 0 for the point 1.

    >>> tsne_joint_probabilities([[0.0], [1.0], [3.0]], perplexity=1.0).round(4).tolist()
    [[0.0, 0.3333, 0.0], [0.3333, 0.0, 0.1667], [0.0, 0.1667, 0.0]]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError(f"X must be a non-empty 2-D array (n, d), got shape {X.shape}")
    n = X.shape[0]
    if not 1 <= perplexity <= n - 1:
        raise ValueError(f"perplexity must be in [1, n - 1] = [1, {n - 1}], got {perplexity!r}")
    if not tol > 0:
        raise ValueError(f"tol must be > 0, got {tol!r}")
    target = math.log2(perplexity)
    D = np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=2)
    conditional = np.zeros((n, n))
    for i in range(n):
        d = np.delete(D[i], i)
        d = d - d.min()  # shifting every distance cancels in p_{j|i}: no overflow/underflow
        beta, lo, hi = 1.0, 0.0, math.inf
        for _ in range(200):
            w = np.exp(-beta * d)
            total = w.sum()  # >= 1: the nearest neighbour has weight 1
            p = w / total
            entropy = (math.log(total) + beta * float(p @ d)) / math.log(2)
            if abs(entropy - target) <= tol:
                break
            if entropy > target:  # too flat: a larger beta narrows the Gaussian
                lo = beta
                beta = beta * 2 if hi == math.inf else (lo + hi) / 2
            else:
                hi = beta
                beta = (lo + hi) / 2
        conditional[i, np.arange(n) != i] = p
    return (conditional + conditional.T) / (2 * n)
    # END SOLUTION
