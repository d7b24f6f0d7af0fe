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
    # TODO: write tsne_joint_probabilities (the docstring above has the maths).
    raise NotImplementedError("tsne_joint_probabilities is not implemented yet")
