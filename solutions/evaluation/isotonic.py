r"""Isotonic regression by pool-adjacent-violators.

The best non-decreasing fit to a sequence, in weighted least squares: the
non-parametric way to calibrate scores (fit the rate of positives as a monotone
function of the score) and a classic example of an exact, linear-time algorithm.
"""

import numpy as np


def isotonic_regression(y, w=None):
    r"""Weighted least-squares non-decreasing fit of a sequence.

    .. math::

        \hat f = \operatorname*{arg\,min}_{f_1 \le f_2 \le \dots \le f_n}
            \sum_{i=1}^n w_i (y_i - f_i)^2

    Pool-adjacent-violators: scan left to right keeping blocks of equal fitted value
    (each block's value is the weighted mean of its y); whenever the last block's value
    is below the one before it, pool the two into one block, and repeat. The result is
    constant on blocks, and each block's value is its weighted mean
    :math:`\sum_{i \in B} w_i y_i / \sum_{i \in B} w_i`.

    Parameters
    ----------
    y : array_like, shape (n,)
        The values to fit, in order.
    w : array_like, shape (n,), optional
        Positive weights; None means all ones.

    Returns
    -------
    numpy.ndarray, shape (n,)
        The fitted values, non-decreasing.

    Raises
    ------
    ValueError
        If y is not 1-D or is empty, if w does not have y's shape, or if a weight is
        not positive.

    Examples
    --------
    >>> isotonic_regression([1.0, 3.0, 2.0, 4.0]).tolist()
    [1.0, 2.5, 2.5, 4.0]
    >>> isotonic_regression([1.0, 3.0, 2.0, 4.0], w=[1, 1, 3, 1]).tolist()
    [1.0, 2.25, 2.25, 4.0]
    """
    # BEGIN SOLUTION
    y = np.asarray(y, dtype=float)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if y.size == 0:
        raise ValueError("y is empty")
    if w is None:
        w = np.ones_like(y)
    else:
        w = np.asarray(w, dtype=float)
        if w.shape != y.shape:
            raise ValueError(f"w must have y's shape {y.shape}, got {w.shape}")
        if not np.all(w > 0):
            raise ValueError("weights must be positive")
    means, weights, sizes = [], [], []  # the stack of blocks
    for value, weight in zip(y.tolist(), w.tolist(), strict=True):
        means.append(value)
        weights.append(weight)
        sizes.append(1)
        while len(means) > 1 and means[-2] > means[-1]:
            m, wt, sz = means.pop(), weights.pop(), sizes.pop()
            total = weights[-1] + wt
            means[-1] = (weights[-1] * means[-1] + wt * m) / total
            weights[-1] = total
            sizes[-1] += sz
    return np.repeat(means, sizes)
    # END SOLUTION
