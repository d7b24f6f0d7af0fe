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
        # BEGIN SOLUTION
        def is_int(value):
            return isinstance(value, numbers.Integral) and not isinstance(value, bool)

        if max_depth is not None and (not is_int(max_depth) or max_depth < 0):
            raise ValueError(f"max_depth must be None or an integer >= 0, got {max_depth!r}")
        if not is_int(min_samples_split) or min_samples_split < 2:
            raise ValueError(
                f"min_samples_split must be an integer >= 2, got {min_samples_split!r}"
            )
        if criterion not in ("gini", "entropy"):
            raise ValueError(f'criterion must be "gini" or "entropy", got {criterion!r}')
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.criterion = criterion
        self.root_ = None  # a leaf is ("leaf", label); a node (feature, threshold, left, right)
        # END SOLUTION

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
            raise ValueError("cannot fit a tree to no samples")

        def grow(rows, depth):
            labels, counts = np.unique(y[rows], return_counts=True)
            leaf = ("leaf", labels[np.argmax(counts)])  # argmax: the smallest label on ties
            if (
                labels.size == 1
                or rows.size < self.min_samples_split
                or (self.max_depth is not None and depth >= self.max_depth)
            ):
                return leaf
            feature, threshold, _ = best_split(X[rows], y[rows], self.criterion)
            if feature is None:
                return leaf
            left = X[rows, feature] <= threshold
            return (
                feature,
                threshold,
                grow(rows[left], depth + 1),
                grow(rows[~left], depth + 1),
            )

        self.n_features_ = X.shape[1]
        self.label_dtype_ = y.dtype
        self.root_ = grow(np.arange(y.size), 0)
        return self
        # END SOLUTION

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
        # BEGIN SOLUTION
        if self.root_ is None:
            raise ValueError("this DecisionTree is not fitted yet: call fit(X, y) first")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.n_features_:
            raise ValueError(f"X must be 2-D with {self.n_features_} features, got shape {X.shape}")

        def leaf_of(x):
            node = self.root_
            while node[0] != "leaf":
                feature, threshold, left, right = node
                node = left if x[feature] <= threshold else right
            return node[1]

        return np.array([leaf_of(x) for x in X], dtype=self.label_dtype_)
        # END SOLUTION

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
        # BEGIN SOLUTION
        if self.root_ is None:
            raise ValueError("this DecisionTree is not fitted yet: call fit(X, y) first")

        def edges(node):
            if node[0] == "leaf":
                return 0
            return 1 + max(edges(node[2]), edges(node[3]))

        return edges(self.root_)
        # END SOLUTION
