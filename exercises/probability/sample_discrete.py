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
    # TODO: write sample_discrete (the docstring above has the maths).
    raise NotImplementedError("sample_discrete is not implemented yet")
