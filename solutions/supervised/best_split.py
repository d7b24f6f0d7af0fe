r"""The best split of a decision-tree node.

CART grows a tree by asking, at each node, the one question "is feature j at most t?"
that makes the labels of the two sides purest: the split with the largest impurity
decrease, found by scanning every feature and every threshold between its values.
"""

from typing import NamedTuple

import numpy as np


class Split(NamedTuple):
    """The chosen split: go left when ``X[:, feature] <= threshold``."""

    feature: int | None
    threshold: float | None
    gain: float


def best_split(X, y, criterion="gini"):
    r"""The feature and threshold whose split most decreases the label impurity.

    A candidate split sends sample i left when :math:`x_{ij} \le t` and right
    otherwise. For feature j the candidate thresholds lie halfway between consecutive
    distinct values :math:`a < b` of column j, :math:`t = (a + b)/2`. With :math:`L`
    and :math:`R` the two sides of the :math:`n` samples, the gain is

    .. math::

        \Delta I = I(y) - \frac{|L|}{n} I(y_L) - \frac{|R|}{n} I(y_R),
        \qquad
        I_{\mathrm{gini}}(y) = 1 - \sum_k p_k^2,
        \quad
        I_{\mathrm{entropy}}(y) = -\sum_k p_k \log_2 p_k

    with :math:`p_k` the proportion of class k *within* the set. The best split has the
    largest gain; gains within 1e-12 of each other tie, and a tie goes to the lowest
    feature, then the lowest threshold. A split exists as soon as one feature takes
    two distinct values, and it is returned even when its gain is 0 (labels that no
    threshold separates better); when no feature does, the result is
    ``Split(None, None, 0.0)``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The samples at the node.
    y : array_like, shape (n_samples,)
        Their class labels: any values that can be sorted (ints, strings).
    criterion : {"gini", "entropy"}, optional
        The impurity :math:`I`: the Gini impurity, or the entropy in bits.

    Returns
    -------
    Split
        ``feature`` (int, column index), ``threshold`` (float) and ``gain`` (float,
        :math:`\ge 0`); ``Split(None, None, 0.0)`` when no feature has two distinct
        values.

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, their numbers of samples differ, there are no
        samples, or ``criterion`` is neither "gini" nor "entropy".

    Examples
    --------
    >>> X = [[1.0, 5.0], [2.0, 6.0], [3.0, 5.0], [4.0, 6.0]]
    >>> best_split(X, [0, 0, 1, 1])
    Split(feature=0, threshold=2.5, gain=0.5)
    >>> best_split(X, [0, 0, 1, 1], criterion="entropy")
    Split(feature=0, threshold=2.5, gain=1.0)
    >>> best_split([[1.0], [1.0]], [0, 1])
    Split(feature=None, threshold=None, gain=0.0)
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be a 1-D array of labels, got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X has {X.shape[0]} samples but y has {y.shape[0]} labels")
    if y.size == 0:
        raise ValueError("there are no samples to split")
    if criterion not in ("gini", "entropy"):
        raise ValueError(f'criterion must be "gini" or "entropy", got {criterion!r}')

    def impurity(counts):
        """Impurity of each row of class counts (rows with a positive total)."""
        totals = counts.sum(axis=1, keepdims=True)
        p = counts / totals  # proportions within each set
        if criterion == "gini":
            return 1.0 - np.sum(p**2, axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(p > 0, p * np.log2(np.where(p > 0, p, 1.0)), 0.0)
        return -np.sum(terms, axis=1)

    n = y.size
    _, codes = np.unique(y, return_inverse=True)
    onehot = np.eye(codes.max() + 1)[codes]  # (n, n_classes)
    parent = impurity(onehot.sum(axis=0, keepdims=True))[0]

    best = Split(None, None, 0.0)
    for j in range(X.shape[1]):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        cut = np.flatnonzero(xs[:-1] < xs[1:])  # left side = the first cut + 1 samples
        if cut.size == 0:
            continue
        left = np.cumsum(onehot[order], axis=0)[cut]
        right = onehot.sum(axis=0) - left
        n_left = (cut + 1.0) / n
        gains = parent - n_left * impurity(left) - (1.0 - n_left) * impurity(right)
        k = int(np.argmax(gains >= gains.max() - 1e-12))  # lowest threshold among ties
        if best.feature is None or gains[k] > best.gain + 1e-12:  # lowest feature on ties
            threshold = (xs[cut[k]] + xs[cut[k] + 1]) / 2
            best = Split(j, float(threshold), max(float(gains[k]), 0.0))
    return best
    # END SOLUTION
