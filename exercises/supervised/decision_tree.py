r"""A CART decision tree for classification.

Grown greedily from the root: each node takes the best split of its samples (the
best_split kata) and hands each side to a child, until a node is pure, too small, too
deep, or cannot be split; a leaf predicts the majority label of its training samples.
"""

import numbers

import numpy as np
from supervised.best_split import best_split


class DecisionTree:
    r"""A classification tree grown by recursive binary splitting (CART).

    A node holding the samples :math:`S` becomes an internal node, with the split
    :math:`(j, t)` that :func:`best_split` chooses for :math:`S` (:math:`x_j \le t`
    goes left), when all of these hold:

    .. math::

        I(y_S) > 0, \qquad |S| \ge \text{min\_samples\_split}, \qquad
        \text{depth} < \text{max\_depth}, \qquad
        \text{some feature takes two distinct values on } S

    (no condition on the gain: a split of gain 0 is taken). Otherwise it is a leaf
    that predicts the majority label of :math:`S`, the smallest label on a tie. The
    root has depth 0; ``depth()`` is the number of edges on the longest path from the
    root to a leaf (a lone leaf has depth 0).

    Parameters
    ----------
    max_depth : int or None, optional
        The greatest depth of a node (0: the tree is one leaf); None for no limit.
    min_samples_split : int, optional
        The fewest samples a node needs to be split, at least 2.
    criterion : {"gini", "entropy"}, optional
        The impurity best_split minimises.

    Raises
    ------
    ValueError
        If max_depth is negative or not an integer, min_samples_split is below 2 or not
        an integer, or criterion is neither "gini" nor "entropy".

    Examples
    --------
    >>> X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    >>> tree = DecisionTree().fit(X, [0, 1, 1, 0])
    >>> tree.predict([[0.0, 1.0], [1.0, 1.0], [0.2, 0.9]]).tolist()
    [1, 0, 1]
    >>> tree.depth()
    2
    >>> DecisionTree(max_depth=0).fit(X, [1, 0, 1, 0]).predict([[5.0, 5.0]]).tolist()
    [0]
    """

    def __init__(self, max_depth=None, min_samples_split=2, criterion="gini"):
        # TODO: write __init__ (the docstring above has the maths).
        raise NotImplementedError("__init__ is not implemented yet")

    def fit(self, X, y):
        r"""Grow the tree on the training samples (replacing any earlier fit).

        Each node is split as the class docstring states, recursively, from the root.

        Parameters
        ----------
        X : array_like, shape (n_samples, n_features)
            The training samples.
        y : array_like, shape (n_samples,)
            Their class labels (any sortable values).

        Returns
        -------
        DecisionTree
            ``self``, fitted.

        Raises
        ------
        ValueError
            If X is not 2-D, y is not 1-D, their lengths differ, or there are no samples.
        """
        # TODO: write fit (the docstring above has the maths).
        raise NotImplementedError("fit is not implemented yet")

    def predict(self, X):
        r"""The label of the leaf each sample reaches.

        From the root, a sample goes left where :math:`x_j \le t` and right otherwise,
        until it reaches a leaf.

        Parameters
        ----------
        X : array_like, shape (n_samples, n_features)
            The samples, with as many features as the training samples.

        Returns
        -------
        numpy.ndarray, shape (n_samples,)
            The predicted labels, of the training labels' dtype.

        Raises
        ------
        ValueError
            If the tree is not fitted yet, or X is not 2-D with n_features columns.
        """
        # TODO: write predict (the docstring above has the maths).
        raise NotImplementedError("predict is not implemented yet")

    def depth(self):
        r"""The number of edges on the longest root-to-leaf path (0 for a lone leaf).

        Returns
        -------
        int
            The depth of the fitted tree.

        Raises
        ------
        ValueError
            If the tree is not fitted yet.
        """
        # TODO: write depth (the docstring above has the maths).
        raise NotImplementedError("depth is not implemented yet")
