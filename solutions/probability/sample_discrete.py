r"""Sampling from a discrete distribution by inverting its CDF.

A uniform u in [0, 1) falls into category j with probability p_j when the unit interval
is cut at the cumulative sums: the smallest j with u < cdf[j] is the sample.
"""

import numbers

import numpy as np


def sample_discrete(probs, n, rng):
    r"""Draw n samples from the categories 0..k-1 with probabilities ``probs``.

    .. math::

        F_j = \sum_{i \le j} p_i, \qquad
        X = \min\{\, j : u < F_j \,\}, \quad u \sim U[0, 1)

    so that :math:`P(X = j) = F_j - F_{j-1} = p_j`.

    Protocol (so results are reproducible): ``u = rng.random(n)``, one uniform per sample,
    drawn once; the last entry of the cumulative sum is set to exactly 1 (rounding may
    leave it just below 1, and every u must find a category).

    Parameters
    ----------
    probs : array_like, shape (k,)
        Category probabilities: non-negative, summing to 1 within 1e-9.
    n : int
        Number of samples, n >= 0.
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    ndarray of int, shape (n,)
        The sampled categories, each in 0..k-1.

    Raises
    ------
    ValueError
        If probs is not 1-D, is empty, is negative somewhere or does not sum to 1 within
        1e-9, or n is not a non-negative integer.

    Examples
    --------
    >>> import numpy as np
    >>> sample_discrete([0.2, 0.5, 0.3], 8, np.random.default_rng(0)).tolist()
    [1, 1, 0, 0, 2, 2, 1, 2]
    """
    # BEGIN SOLUTION
    probs = np.asarray(probs, dtype=float)
    if probs.ndim != 1 or probs.size == 0:
        raise ValueError(f"probs must be 1-D and non-empty, got shape {probs.shape}")
    if not np.all(np.isfinite(probs)) or np.any(probs < 0):
        raise ValueError("probs must be non-negative and finite")
    if abs(probs.sum() - 1.0) > 1e-9:
        raise ValueError(f"probs must sum to 1, they sum to {probs.sum()!r}")
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 0:
        raise ValueError(f"n must be a non-negative integer, got {n!r}")
    u = rng.random(n)
    cdf = np.cumsum(probs)
    cdf[-1] = 1.0  # rounding may leave it below 1: u in [cdf[-1], 1) must not fall off the end
    return np.searchsorted(cdf, u, side="right")  # smallest j with u < cdf[j]
    # END SOLUTION
