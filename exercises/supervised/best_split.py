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
    # TODO: write best_split (the docstring above has the maths).
    raise NotImplementedError("best_split is not implemented yet")
