r"""K-fold cross-validation splits.

Cross-validation estimates how a model does on data it has not seen: split the samples
into k folds, and let each fold in turn be the test set while the others train. Every
sample is tested exactly once.
"""

import numpy as np


def kfold_indices(n, k, shuffle=False, rng=None):
    r"""Train and test indices of the k folds of n samples.

    The n samples, in order or permuted, are cut into k consecutive folds; the first
    :math:`n \bmod k` folds hold one sample more than the others:

    .. math::

        |F_f| = \left\lfloor n / k \right\rfloor + [f < n \bmod k], \qquad
        \text{train}_f = \{0, \dots, n - 1\} \setminus F_f

    Protocol with ``shuffle=True``: one call ``perm = rng.permutation(n)``, and fold f
    takes the f-th consecutive slice of ``perm``; nothing else draws from ``rng``.
    Without shuffle, ``rng`` is not used.

    Parameters
    ----------
    n : int
        The number of samples.
    k : int
        The number of folds, 2 <= k <= n.
    shuffle : bool, optional
        Whether to permute the samples before cutting them into folds.
    rng : numpy.random.Generator, optional
        The source of randomness, needed when ``shuffle`` is true.

    Returns
    -------
    list of (numpy.ndarray, numpy.ndarray)
        k pairs ``(train, test)`` of integer index arrays, each sorted ascending; the
        test sets partition 0 .. n - 1.

    Raises
    ------
    ValueError
        If n or k is not an integer, k < 2 or k > n, or shuffle is asked without rng.

    Examples
    --------
    >>> [(tr.tolist(), te.tolist()) for tr, te in kfold_indices(5, 2)]
    [([3, 4], [0, 1, 2]), ([0, 1, 2], [3, 4])]
    >>> folds = kfold_indices(7, 3, shuffle=True, rng=np.random.default_rng(0))
    >>> [te.tolist() for _, te in folds]
    [[2, 3, 4], [5, 6], [0, 1]]
    """
    # TODO: write kfold_indices (the docstring above has the maths).
    raise NotImplementedError("kfold_indices is not implemented yet")
