r"""A two-sample permutation test for a difference in means.

If the two samples come from the same distribution, every way of splitting the pooled
values into groups of the original sizes is equally likely; the p-value is the share of
random splits whose mean difference is at least as extreme as the observed one.
"""

import numpy as np


def permutation_test(a, b, n_perm, rng):
    r"""Two-sided Monte-Carlo permutation p-value for :math:`\bar a - \bar b`.

    With the observed difference :math:`d = \bar a - \bar b` and the differences
    :math:`d^*_1, \dots, d^*_N` of N random re-splits of the pooled sample,

    .. math::

        p = \frac{1 + \#\{r : |d^*_r| \ge |d|\,(1 - 10^{-9})\}}{1 + N}

    The +1 counts the observed split itself (so p > 0); the relative slack
    :math:`10^{-9}` makes splits that reproduce the observed one count although the
    sums are rounded in a different order.

    Protocol (so that results are reproducible): pool ``np.concatenate([a, b])``; in
    each of the N rounds draw ``perm = rng.permutation(n_a + n_b)``; the first n_a
    values of ``pooled[perm]`` form the new a, the rest the new b. Nothing else draws
    from ``rng``.

    Parameters
    ----------
    a : array_like, shape (n_a,)
        The first sample, n_a >= 1.
    b : array_like, shape (n_b,)
        The second sample, n_b >= 1.
    n_perm : int
        N >= 1, the number of random permutations.
    rng : numpy.random.Generator
        The source of randomness, used as the protocol says.

    Returns
    -------
    float
        The p-value, in [1 / (N + 1), 1].

    Raises
    ------
    ValueError
        If a or b is not 1-D, is empty or not finite, or n_perm is not a positive
        integer.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> permutation_test([1.0, 2.0, 3.0], [3.0, 2.0, 1.0], 99, rng)
    1.0
    >>> p = permutation_test([1.0, 2.0, 3.0, 4.0], [7.0, 8.0, 9.0, 10.0], 999, rng)
    >>> round(float(p), 6)
    0.019
    """
    # BEGIN SOLUTION
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    for name, sample in (("a", a), ("b", b)):
        if sample.ndim != 1:
            raise ValueError(f"{name} must be 1-D, got shape {sample.shape}")
        if sample.size == 0:
            raise ValueError(f"{name} is empty: each sample needs at least one value")
        if not np.all(np.isfinite(sample)):
            raise ValueError(f"{name} contains nan or inf")
    if isinstance(n_perm, bool) or int(n_perm) != n_perm or n_perm < 1:
        raise ValueError(f"n_perm must be a positive integer, got {n_perm!r}")
    n_a = a.size
    observed = abs(a.mean() - b.mean())
    pooled = np.concatenate([a, b])
    count = 0
    for _ in range(int(n_perm)):
        shuffled = pooled[rng.permutation(pooled.size)]
        difference = shuffled[:n_a].mean() - shuffled[n_a:].mean()
        if abs(difference) >= observed * (1 - 1e-9):
            count += 1
    return (1 + count) / (1 + int(n_perm))
    # END SOLUTION
