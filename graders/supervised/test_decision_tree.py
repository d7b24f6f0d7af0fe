"""Grader for supervised/decision_tree: class DecisionTree(max_depth, min_samples_split, criterion).

The reference grows the same CART in plain Python: brute-force best splits (midpoints,
ties within 1e-12 to the lowest feature then threshold), majority leaves (ties to the
smallest label). Trees are compared through their predictions and depth(); a wrong
tree is matched against the trees the usual mistakes grow, to name the mistake.
"""

import math

import numpy as np
import pytest

from mlkata.grading import call, describe, expect_error, fail

TIE = 1e-12


def impurity(counts, n, criterion):
    """Gini impurity or entropy (bits) from a dict of class counts summing to n."""
    if criterion == "gini":
        return 1.0 - math.fsum((c / n) ** 2 for c in counts.values())
    return -math.fsum(c / n * math.log2(c / n) for c in counts.values() if c)


def split_of(rows, X, y, criterion):
    """(feature, threshold, gain) of the best split of the samples ``rows``, or None.

    Each feature's samples are walked in increasing order, moving one sample at a time
    from the right side's class counts to the left side's; a candidate is scored where
    the value changes. Ties within 1e-12 go to the first candidate met.
    """
    n = len(rows)
    total = {}
    for i in rows:
        total[y[i]] = total.get(y[i], 0) + 1
    parent = impurity(total, n, criterion)
    cands = []
    for j in range(len(X[0])):
        ordered = sorted(rows, key=lambda i: X[i][j])
        left, right = {}, dict(total)
        for m in range(n - 1):
            label = y[ordered[m]]
            left[label] = left.get(label, 0) + 1
            right[label] -= 1
            a, b = X[ordered[m]][j], X[ordered[m + 1]][j]
            if a < b:
                nl = m + 1
                g = (
                    parent
                    - nl / n * impurity(left, nl, criterion)
                    - (n - nl) / n * impurity(right, n - nl, criterion)
                )
                cands.append((j, (a + b) / 2, g))
    if not cands:
        return None
    top = max(c[2] for c in cands)
    return next(c for c in cands if c[2] >= top - TIE)


def majority(labels, tie="smallest"):
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    most = max(counts.values())
    tied = sorted(k for k, c in counts.items() if c == most)
    return {"smallest": tied[0], "largest": tied[-1], "first": labels[0]}.get(tie, tied[0])


def grow(
    X,
    y,
    max_depth=None,
    min_samples_split=2,
    criterion="gini",
    *,
    extra_depth=0,
    tie="smallest",
    zero_gain_stops=False,
    strict_min=False,
):
    """The reference tree (or, with the keyword options, the tree a mistake grows)."""
    X = np.asarray(X, dtype=float).tolist()
    y = np.asarray(y).tolist()
    limit = None if max_depth is None else max_depth + extra_depth

    def node(rows, depth):
        labels = [y[i] for i in rows]
        leaf = ("leaf", majority(labels, tie))
        too_few = len(rows) <= min_samples_split if strict_min else len(rows) < min_samples_split
        if len(set(labels)) == 1 or too_few or (limit is not None and depth >= limit):
            return leaf
        best = split_of(rows, X, y, criterion)
        if best is None or (zero_gain_stops and best[2] <= TIE):
            return leaf
        j, t, _ = best
        left = [i for i in rows if X[i][j] <= t]
        right = [i for i in rows if X[i][j] > t]
        return (j, t, node(left, depth + 1), node(right, depth + 1))

    return node(list(range(len(y))), 0)


def predict(tree, X_test):
    out = []
    for x in np.asarray(X_test, dtype=float).tolist():
        node = tree
        while node[0] != "leaf":
            node = node[2] if x[node[0]] <= node[1] else node[3]
        out.append(node[1])
    return out


def depth_of(tree):
    return 0 if tree[0] == "leaf" else 1 + max(depth_of(tree[2]), depth_of(tree[3]))


def fit(kata, X, y, **params):
    """DecisionTree(**params).fit(X, y), checking that fit returns the tree itself."""
    tree = kata.DecisionTree(**params)
    fitted = call(tree.fit, X, y)
    if fitted is not tree:
        fail(
            f"DecisionTree({describe_params(params)}).fit(...) returned {describe(fitted)}; "
            "fit should return self, so that DecisionTree().fit(X, y).predict(X) works"
        )
    return tree


def describe_params(params):
    return ", ".join(f"{k}={v!r}" for k, v in params.items())


def as_list(values):
    return np.asarray(values).tolist()


def check(kata, X, y, X_test=None, expected=None, expected_depth=None, tree=None, **params):
    """Fit (unless a fitted tree is given), then compare predict(X_test) and depth()."""
    X_test = X if X_test is None else X_test
    tree = fit(kata, X, y, **params) if tree is None else tree
    what = f"DecisionTree({describe_params(params)}) fitted on X {describe(np.asarray(X))}"
    got = as_list(call(tree.predict, X_test))
    ref = grow(X, y, **params)
    want = predict(ref, X_test) if expected is None else list(expected)
    if len(got) != len(want):
        fail(f"{what}: predict returned {len(got)} labels for {len(want)} samples")
    if got != want:
        mistakes = {
            "a node splits while its depth is <= max_depth: max_depth is off by one": {
                "extra_depth": 1
            },
            "a leaf's tie between labels goes to the largest label, not the smallest": {
                "tie": "largest"
            },
            "a leaf's tie between labels goes to the first label seen, not the smallest": {
                "tie": "first"
            },
            "the tree stops where the best gain is 0; an impure node splits even then": {
                "zero_gain_stops": True
            },
            "a node with exactly min_samples_split samples must still split (>=, not >)": {
                "strict_min": True
            },
        }
        named = ""
        for words, options in mistakes.items():
            if options.get("extra_depth") and params.get("max_depth") is None:
                continue
            if predict(grow(X, y, **params, **options), X_test) == got:
                named = f"\n  this is what you get from a known mistake: {words}"
                break
        wrong = [i for i, (g, w) in enumerate(zip(got, want, strict=True)) if g != w]
        i = wrong[0]
        fail(
            f"{what}: predict gives the wrong label for {len(wrong)} of {len(want)} samples; "
            f"the first is sample {i}, {describe(np.asarray(X_test, dtype=float)[i])}: got "
            f"{got[i]!r}, expected {want[i]!r}{named}"
        )
    d = call(tree.depth)
    want_depth = depth_of(ref) if expected_depth is None else expected_depth
    if d != want_depth:
        hint = ""
        if d == want_depth + 1:
            hint = ": depth() counts edges, not nodes (a lone leaf has depth 0)"
        elif params.get("max_depth") is not None and d > params["max_depth"]:
            hint = f": deeper than max_depth={params['max_depth']}"
        fail(f"{what}: depth() returned {describe(d)}, expected {want_depth}{hint}")
    return tree


XOR = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]


@pytest.mark.points(2)
def test_decision_tree_documented_example(kata):
    """Does the docstring's XOR tree predict [1, 0, 1] with depth 2, and a depth-0 tree 0?"""
    check(kata, XOR, [0, 1, 1, 0], [[0.0, 1.0], [1.0, 1.0], [0.2, 0.9]], [1, 0, 1], 2)
    check(kata, XOR, [1, 0, 1, 0], [[5.0, 5.0]], [0], 0, max_depth=0)


@pytest.mark.points(2)
def test_decision_tree_small_tree_worked_by_hand(kata):
    """Does x = 1..6 with y = [0, 0, 0, 1, 1, 0] grow splits at 3.5, then 5.5?

    The root splits at 3.5 (gini gain 2/9, see best_split); the left side is pure. The
    right side [1, 1, 0] at x = 4, 5, 6 gains 4/9 - 2/3 * 1/2 = 1/9 at 4.5 but 4/9 at
    5.5, where both sides are pure: depth 2. A sample at 3.5 exactly goes left (x <= t).
    """
    X = [[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]]
    test = [[2.0], [3.5], [3.6], [5.0], [5.5], [5.6], [100.0]]
    check(kata, X, [0, 0, 0, 1, 1, 0], test, [0, 0, 1, 1, 1, 0, 0], 2)
    check(kata, X, [0, 0, 0, 1, 1, 0], test, [0, 0, 1, 1, 1, 1, 1], 1, max_depth=1)


@pytest.mark.points(3)
@pytest.mark.parametrize("criterion", ["gini", "entropy"])
def test_decision_tree_matches_a_reference_cart(kata, rng, criterion):
    """Do seeded random trees (various limits) predict and measure like the reference?"""
    for _ in range(6):
        n, d = int(rng.integers(5, 40)), int(rng.integers(1, 4))
        X = rng.normal(size=(n, d)).round(1)
        y = rng.integers(0, 3, size=n)
        X_test = np.vstack([X, rng.normal(size=(20, d))])
        max_depth = [None, 0, 1, 2, 3][int(rng.integers(5))]
        mss = int(rng.integers(2, 8))
        check(kata, X, y, X_test, max_depth=max_depth, min_samples_split=mss, criterion=criterion)


@pytest.mark.points(2)
def test_decision_tree_gini_and_entropy_trees_differ(kata):
    """Does criterion reach best_split: gini and entropy choose different roots here?

    12 samples on x = 0..11, labels 1 0 1 2 1 2 1 2 0 1 0 0 at max_depth=1: the gini
    stump splits at 9.5, the entropy stump at 7.5, and they predict differently.
    """
    X = [[float(v)] for v in range(12)]
    y = [1, 0, 1, 2, 1, 2, 1, 2, 0, 1, 0, 0]
    gini, entropy = grow(X, y, 1, 2, "gini"), grow(X, y, 1, 2, "entropy")
    test = [[v + 0.25] for v in range(12)]
    if predict(gini, test) == predict(entropy, test):  # the grader's own sanity check
        pytest.fail("grader data error: the two criteria should grow different stumps")
    check(kata, X, y, test, max_depth=1, criterion="gini")
    check(kata, X, y, test, max_depth=1, criterion="entropy")


@pytest.mark.points(2)
def test_decision_tree_fully_grown_tree_fits_its_training_data(kata, rng):
    """Does a tree without limits classify every (distinct) training sample correctly?"""
    X = rng.normal(size=(60, 3))
    y = rng.integers(0, 4, size=60)
    tree = fit(kata, X, y)
    got = as_list(call(tree.predict, X))
    wrong = sum(g != w for g, w in zip(got, y.tolist(), strict=True))
    if wrong:
        fail(
            f"a DecisionTree() fitted on 60 distinct samples misclassifies {wrong} of them: a "
            "node must split while it is impure (and some feature has two distinct values)"
        )
    check(kata, X, y, rng.normal(size=(30, 3)), tree=tree)


@pytest.mark.points(2)
def test_decision_tree_depth_counts_edges(kata):
    """Is depth() 0 for a lone leaf, 1 for one split, and within max_depth?"""
    check(kata, [[1.0], [2.0], [3.0]], [4, 4, 4], [[0.0]], [4], 0)
    check(kata, [[1.0], [2.0]], [0, 1], [[1.5], [1.6]], [0, 1], 1)
    check(kata, [[1.0], [2.0]], [0, 1], [[1.6]], [0], 0, max_depth=0)
    X = [[float(v)] for v in range(8)]
    check(kata, X, [0, 1, 0, 1, 0, 1, 0, 1], max_depth=2, expected_depth=2)


@pytest.mark.points(2)
def test_decision_tree_majority_ties_go_to_the_smallest_label(kata):
    """Does a leaf holding as many of each label predict the smallest one?"""
    check(kata, XOR, [1, 0, 1, 0], [[0.0, 0.0]], [0], 0, max_depth=0)
    check(kata, XOR, ["b", "a", "b", "a"], [[0.0, 0.0]], ["a"], 0, max_depth=0)
    check(kata, XOR, [7, 7, -3, -3], [[1.0, 1.0]], [-3], 0, min_samples_split=5)
    X = [[0.0], [0.0], [1.0], [1.0], [1.0]]  # the left leaf holds [2, 1]: x is constant
    check(kata, X, [2, 1, 5, 5, 5], [[0.0], [1.0]], [1, 5], 1)


@pytest.mark.points(2)
def test_decision_tree_splits_even_when_the_gain_is_zero(kata):
    """Is XOR learned: the root's best split gains 0, yet the impure root must split?"""
    check(kata, XOR, [0, 1, 1, 0], XOR, [0, 1, 1, 0], 2)
    check(kata, XOR, ["x", "y", "y", "x"], XOR, ["x", "y", "y", "x"], 2, criterion="entropy")


@pytest.mark.points(2)
def test_decision_tree_min_samples_split(kata):
    """Does a node with exactly min_samples_split samples split, and one with fewer not?

    x = 0, 1, 2 with y = [0, 1, 1]: at min_samples_split=3 the root splits at 0.5;
    at 4 it is a leaf predicting the majority 1.
    """
    X = [[0.0], [1.0], [2.0]]
    check(kata, X, [0, 1, 1], [[0.0], [2.0]], [0, 1], 1, min_samples_split=3)
    check(kata, X, [0, 1, 1], [[0.0], [2.0]], [1, 1], 0, min_samples_split=4)


@pytest.mark.points(2)
def test_decision_tree_threshold_goes_left(kata, rng):
    """Do samples exactly on a threshold (integer features: halves) go left?"""
    X = rng.integers(0, 6, size=(40, 2)).astype(float)
    y = rng.integers(0, 2, size=40)
    halves = np.arange(-1, 7) + 0.5
    grid = np.array([[a, b] for a in halves for b in halves])
    check(kata, X, y, grid)


@pytest.mark.points(2)
def test_decision_tree_fit_returns_self_and_refits(kata, rng):
    """Does fit return the tree, and does a second fit replace the first entirely?"""
    X1, y1 = rng.normal(size=(30, 2)), rng.integers(0, 2, size=30)
    X2, y2 = rng.normal(size=(25, 3)), rng.integers(5, 8, size=25)
    tree = fit(kata, X1, y1, max_depth=3)
    check(kata, X1, y1, tree=tree, max_depth=3)
    fitted = call(tree.fit, X2, y2)
    if fitted is not tree:
        fail(f"a second fit returned {describe(fitted)}: fit should return self")
    check(kata, X2, y2, rng.normal(size=(10, 3)), tree=tree, max_depth=3)
    check(kata, [[0.0, 0.0, 0.0]], [9], [[1.0, 2.0, 3.0]], [9], 0, tree=tree.fit([[0.0] * 3], [9]))


@pytest.mark.points(2)
def test_decision_tree_accepts_any_label_values(kata, rng):
    """Do string labels and negative, non-consecutive integers work like 0, 1, 2?"""
    X = rng.normal(size=(30, 2))
    codes = rng.integers(0, 3, size=30)
    X_test = rng.normal(size=(15, 2))
    want = predict(grow(X, codes), X_test)
    for names in (np.array(["cat", "dog", "emu"]), np.array([-5, 10, 1000])):
        check(kata, X, names[codes], X_test, names[want].tolist(), max_depth=None)


def test_decision_tree_predict_before_fit_is_a_clear_error(kata):
    """Do predict and depth on an unfitted tree raise an error that says to fit first?"""
    for method, args in (("predict", ([[1.0]],)), ("depth", ())):
        tree = kata.DecisionTree()
        try:
            result = getattr(tree, method)(*args)
        except NotImplementedError:
            raise
        except (ValueError, RuntimeError) as exc:
            if "fit" not in str(exc).lower():
                fail(
                    f"DecisionTree().{method}() before fit raised {type(exc).__name__}({exc}): "
                    "say that the tree must be fitted first (mention fit)"
                )
            continue
        except Exception as exc:  # noqa: BLE001 - reported to the learner
            fail(
                f"DecisionTree().{method}() before fit raised {type(exc).__name__}: {exc}; "
                "raise a ValueError (or RuntimeError) saying that fit must be called first"
            )
        fail(
            f"DecisionTree().{method}() before fit returned {describe(result)}; it should "
            "raise a ValueError saying that fit must be called first"
        )


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "params, why",
    [
        ({"max_depth": -1}, "max_depth < 0"),
        ({"max_depth": 1.5}, "max_depth is not an integer"),
        ({"min_samples_split": 1}, "min_samples_split < 2"),
        ({"min_samples_split": 0}, "min_samples_split < 2"),
        ({"criterion": "mse"}, 'criterion must be "gini" or "entropy"'),
    ],
    ids=["depth-negative", "depth-float", "mss-1", "mss-0", "criterion"],
)
def test_decision_tree_init_rejects_bad_parameters(kata, params, why):
    """Does __init__ raise ValueError for a parameter out of range?"""
    expect_error(ValueError, kata.DecisionTree, **params, why=why)


def test_decision_tree_init_accepts_the_limits(kata):
    """Are max_depth=0 and min_samples_split=2 accepted (and a depth-0 tree one leaf)?"""
    check(kata, XOR, [0, 1, 1, 1], [[0.0, 0.0]], [1], 0, max_depth=0, min_samples_split=2)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, why",
    [
        ([1.0, 2.0], [0, 1], "X is 1-D"),
        ([[1.0], [2.0]], [[0], [1]], "y is 2-D"),
        ([[1.0], [2.0], [3.0]], [0, 1], "3 samples, 2 labels"),
        (np.zeros((0, 2)), [], "no samples"),
    ],
    ids=["X-1d", "y-2d", "lengths", "empty"],
)
def test_decision_tree_fit_rejects_bad_input(kata, X, y, why):
    """Does fit raise ValueError for data of the wrong shape?"""
    expect_error(ValueError, kata.DecisionTree().fit, X, y, why=why)


def test_decision_tree_predict_rejects_the_wrong_number_of_features(kata):
    """Does predict raise ValueError for samples with another number of features?"""
    tree = check(kata, XOR, [0, 1, 1, 0])
    expect_error(ValueError, tree.predict, [[0.0, 1.0, 2.0]], why="3 features, fitted on 2")
    expect_error(ValueError, tree.predict, [0.0, 1.0], why="X is 1-D")


def test_decision_tree_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were by fit and predict (call() compares them)?"""
    X, y = rng.normal(size=(20, 3)), rng.integers(0, 3, size=20)
    check(kata, X, y, rng.normal(size=(5, 3)))


@pytest.mark.timeout(5)
def test_decision_tree_larger_data(kata, rng):
    """Does a tree on 400 samples with 4 features grow and predict quickly?"""
    X = rng.normal(size=(400, 4))
    y = ((X[:, 0] + X[:, 1] ** 2 + 0.3 * rng.normal(size=400)) > 0.5).astype(int)
    check(kata, X, y, rng.normal(size=(200, 4)), max_depth=6)
