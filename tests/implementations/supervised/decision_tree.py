"""Known mistakes in supervised/decision_tree (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

LEAF = (
    '            leaf = ("leaf", labels[np.argmax(counts)])  # argmax: the smallest label on ties\n'
)
NOT_FITTED = (
    "        if self.root_ is None:\n"
    '            raise ValueError("this DecisionTree is not fitted yet: call fit(X, y) first")\n'
    "        X = np.asarray(X, dtype=float)\n"
)

MUTANTS = [
    Mutant(
        "depth_counts_nodes",
        "depth() counts nodes: a lone leaf has depth 1",
        replace=[
            (
                '            if node[0] == "leaf":\n                return 0\n',
                '            if node[0] == "leaf":\n                return 1\n',
            )
        ],
        message="depth() counts edges, not nodes",
    ),
    Mutant(
        "max_depth_off_by_one",
        "a node splits while depth <= max_depth",
        replace=[("depth >= self.max_depth", "depth > self.max_depth")],
        message="max_depth is off by one",
    ),
    Mutant(
        "majority_tie_to_the_largest",
        "a leaf's tie goes to the largest label",
        replace=[
            (
                LEAF,
                '            leaf = ("leaf", labels[labels.size - 1 - np.argmax(counts[::-1])])\n',
            )
        ],
        message="goes to the largest label, not the smallest",
    ),
    Mutant(
        "majority_tie_to_the_first_seen",
        "a leaf's tie goes to the label seen first among its samples",
        replace=[
            (
                LEAF,
                "            seen = list(dict.fromkeys(y[rows].tolist()))\n"
                "            tally = [int(np.sum(y[rows] == v)) for v in seen]\n"
                '            leaf = ("leaf", seen[int(np.argmax(tally))])\n',
            )
        ],
        message="a leaf's tie between labels goes to the",
    ),
    Mutant(
        "stops_at_zero_gain",
        "a node whose best split gains nothing becomes a leaf (XOR is never learned)",
        replace=[
            (
                "            feature, threshold, _ = best_split(",
                "            feature, threshold, gain = best_split(",
            ),
            ("            if feature is None:\n", "            if feature is None or gain <= 0:\n"),
        ],
        message="the tree stops where the best gain is 0",
    ),
    Mutant(
        "min_samples_split_strict",
        "a node needs more than min_samples_split samples to split",
        replace=[("rows.size < self.min_samples_split", "rows.size <= self.min_samples_split")],
        message="(>=, not >)",
    ),
    Mutant(
        "pure_nodes_split",
        "pure nodes are split too (while some feature varies)",
        replace=[
            (
                "                labels.size == 1\n                or rows.size",
                "                rows.size",
            )
        ],
    ),
    Mutant(
        "fit_returns_nothing",
        "fit returns None instead of self",
        replace=[("        return self\n", "        return None\n")],
        message="fit should return self",
    ),
    Mutant(
        "refit_keeps_the_first_tree",
        "a second fit keeps the tree of the first",
        replace=[
            (
                "        self.root_ = grow(np.arange(y.size), 0)\n",
                "        if self.root_ is None:\n"
                "            self.root_ = grow(np.arange(y.size), 0)\n"
                "        else:\n"
                "            self.n_features_ = self.root_n_features_\n"
                "        self.root_n_features_ = self.n_features_\n",
            )
        ],
    ),
    Mutant(
        "predict_before_fit_unclear",
        "predict before fit fails with a TypeError on None",
        replace=[(NOT_FITTED, "        X = np.asarray(X, dtype=float)\n")],
        message="raise a ValueError (or RuntimeError) saying that fit must be called first",
    ),
    Mutant(
        "criterion_not_passed_on",
        "best_split is always called with its default criterion",
        replace=[("best_split(X[rows], y[rows], self.criterion)", "best_split(X[rows], y[rows])")],
    ),
    Mutant(
        "threshold_goes_right",
        "predict sends x == t right (x < t goes left)",
        replace=[("x[feature] <= threshold else right", "x[feature] < threshold else right")],
    ),
    Mutant(
        "max_depth_not_validated",
        "a negative max_depth is accepted",
        replace=[
            (
                "        if max_depth is not None and (not is_int(max_depth) or max_depth < 0):\n",
                "        if False:\n",
            )
        ],
    ),
    Mutant(
        "min_samples_split_not_validated",
        "min_samples_split below 2 is accepted",
        replace=[("min_samples_split < 2:\n", "min_samples_split < 0:\n")],
    ),
    Mutant(
        "criterion_not_validated",
        "an unknown criterion is only rejected at fit",
        replace=[('        if criterion not in ("gini", "entropy"):\n', "        if False:\n")],
    ),
    Mutant(
        "predict_features_not_checked",
        "predict accepts samples with more features than the training data",
        replace=[
            (
                "        if X.ndim != 2 or X.shape[1] != self.n_features_:\n",
                "        if X.ndim != 2:\n",
            )
        ],
    ),
    Mutant(
        "fit_lengths_not_checked",
        "fit accepts X and y of different lengths",
        replace=[("        if X.shape[0] != y.shape[0]:\n", "        if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "best_split_scanned_from_the_top",
        "the tree's own best split scans features and thresholds from the highest down, a "
        "tie (within 1e-12) replacing the best so far, so that the lowest still wins",
        append="""
def best_split(X, y, criterion="gini"):
    def impurity(labels):
        _, counts = np.unique(labels, return_counts=True)
        p = counts / labels.size
        return 1.0 - np.sum(p**2) if criterion == "gini" else -np.sum(p * np.log2(p))

    best = None
    for j in reversed(range(X.shape[1])):
        values = np.unique(X[:, j])
        for t in ((values[:-1] + values[1:]) / 2)[::-1]:
            left = X[:, j] <= t
            w = left.mean()
            gain = impurity(y) - w * impurity(y[left]) - (1 - w) * impurity(y[~left])
            if best is None or gain >= best[2] - 1e-12:
                best = (j, float(t), float(gain))
    return best if best is not None else (None, None, 0.0)
""",
    ),
    Variant(
        "node_objects_and_masks",
        "nodes as dicts, predict routes whole index sets down the tree, depth kept while "
        "growing, the majority from a Counter",
        append="""
class DecisionTree:
    def __init__(self, max_depth=None, min_samples_split=2, criterion="gini"):
        if max_depth is not None and (
            not isinstance(max_depth, numbers.Integral) or isinstance(max_depth, bool) or max_depth < 0
        ):
            raise ValueError("max_depth must be None or an integer >= 0")
        if not isinstance(min_samples_split, numbers.Integral) or min_samples_split < 2:
            raise ValueError("min_samples_split must be an integer >= 2")
        if criterion not in ("gini", "entropy"):
            raise ValueError("unknown criterion")
        self.max_depth, self.min_samples_split = max_depth, min_samples_split
        self.criterion = criterion
        self._root = None

    def fit(self, X, y):
        from collections import Counter

        X, y = np.asarray(X, dtype=float), np.asarray(y)
        if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(y) == 0:
            raise ValueError("X must be (n, d) and y (n,), n > 0")
        self._d, self._dtype, self._depth = X.shape[1], y.dtype, 0

        def grow(idx, depth):
            self._depth = max(self._depth, depth)
            counts = Counter(y[idx].tolist())
            top = max(counts.values())
            node = {"label": min(k for k, c in counts.items() if c == top)}
            if len(counts) == 1 or len(idx) < self.min_samples_split:
                return node
            if self.max_depth is not None and depth == self.max_depth:
                return node
            split = best_split(X[idx], y[idx], criterion=self.criterion)
            if split[0] is None:
                return node
            go_left = X[idx, split[0]] <= split[1]
            node.update(
                feature=split[0],
                threshold=split[1],
                left=grow(idx[go_left], depth + 1),
                right=grow(idx[~go_left], depth + 1),
            )
            return node

        self._depth = 0
        self._root = grow(np.arange(len(y)), 0)
        return self

    def predict(self, X):
        if self._root is None:
            raise RuntimeError("fit the tree before predicting")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self._d:
            raise ValueError("X has the wrong shape")
        out = np.empty(len(X), dtype=self._dtype)
        stack = [(self._root, np.arange(len(X)))]
        while stack:
            node, idx = stack.pop()
            if "feature" not in node:
                out[idx] = node["label"]
                continue
            left = X[idx, node["feature"]] <= node["threshold"]
            stack += [(node["left"], idx[left]), (node["right"], idx[~left])]
        return out

    def depth(self):
        if self._root is None:
            raise RuntimeError("fit the tree first")
        return self._depth
""",
    ),
]
