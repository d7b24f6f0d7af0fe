"""Grader for supervised/best_split: best_split(X, y, criterion) -> Split(feature, threshold, gain).

The reference scans every feature and every midpoint by brute force in plain Python
(class counts with a dict, sums with math.fsum). Ties are only tested on inputs where
they are exact mathematically (symmetric data, copied columns).
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe, describe_call, expect_error, fail, fields

FIELDS = ("feature", "threshold", "gain")
TIE = 1e-12


def impurity(labels, criterion, log=math.log2):
    """Gini impurity or entropy of a list of labels, from a dict of class counts."""
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    n = len(labels)
    if criterion == "gini":
        return 1.0 - math.fsum((c / n) ** 2 for c in counts.values())
    return -math.fsum(c / n * log(c / n) for c in counts.values())


def gain_of(column, labels, t, criterion, weighted=True, log=math.log2):
    """The impurity decrease of sending x <= t left."""
    left = [v for x, v in zip(column, labels, strict=True) if x <= t]
    right = [v for x, v in zip(column, labels, strict=True) if x > t]
    n = len(labels)
    wl, wr = (len(left) / n, len(right) / n) if weighted else (1.0, 1.0)
    parent = impurity(labels, criterion, log)
    return parent - wl * impurity(left, criterion, log) - wr * impurity(right, criterion, log)


def candidates(X, y, criterion, **options):
    """Every (feature, threshold, gain, a, b), features and thresholds in increasing order."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(y).tolist()
    out = []
    for j in range(X.shape[1]):
        column = X[:, j].tolist()
        values = sorted(set(column))
        for a, b in zip(values[:-1], values[1:], strict=True):
            t = (a + b) / 2
            out.append((j, t, gain_of(column, labels, t, criterion, **options), a, b))
    return out


def reference(X, y, criterion, **options):
    """The first candidate (lowest feature, then threshold) within 1e-12 of the best gain."""
    cands = candidates(X, y, criterion, **options)
    if not cands:
        return None
    top = max(c[2] for c in cands)
    return next(c for c in cands if c[2] >= top - TIE)


def check(kata, X, y, criterion="gini", expected=None):
    """Call best_split, compare feature, threshold and gain with the brute-force scan."""
    f = kata.best_split
    called = describe_call(f, X, y, criterion=criterion)
    result = call(f, X, y, criterion=criterion)
    feature, threshold, gain = fields(result, FIELDS, "best_split")
    want = reference(X, y, criterion)
    if want is None:
        if feature is not None or threshold is not None:
            fail(
                f"{called} returned {describe(result)}, but no feature takes two distinct "
                "values: there is no split, so the result is Split(None, None, 0.0)"
            )
        assert_close(gain, 0.0, what="the gain when no split exists", called=called)
        return result
    if feature is None or threshold is None:
        fail(
            f"{called} returned {describe(result)}, but feature {want[0]} splits at "
            f"{want[1]!r} (gain {want[2]!r}): a split exists as soon as a feature takes two "
            "distinct values, and it is returned even when its gain is 0"
        )
    j, t, g, a, b = want
    other = "gini" if criterion == "entropy" else "entropy"
    mistakes = {
        "the children's impurities are not weighted by |side| / n": reference(
            X, y, criterion, weighted=False
        )[2],
        f"the {other} criterion was used where {criterion} was asked": reference(X, y, other)[2],
    }
    if criterion == "entropy":
        mistakes["the entropy in nats (natural log) where bits (log2) were asked"] = reference(
            X, y, criterion, log=math.log
        )[2]
    assert_close(gain, g, what="the gain of the best split", called=called, mistakes=mistakes)
    if expected is not None:
        assert_close(gain, expected[2], what="the gain of the best split", called=called)
    try:
        feature_index = int(feature)
    except (TypeError, ValueError):
        fail(f"{called}: feature should be a column index (int), got {describe(feature)}")
    cands = {(c[0], c[1]): c for c in candidates(X, y, criterion)}
    same_gain = [c for c in cands.values() if abs(c[2] - g) <= TIE]
    chosen = [c for c in same_gain if c[0] == feature_index and abs(c[1] - float(threshold)) < 1e-9]
    if feature_index != j or (chosen and chosen[0][1] != t):
        if chosen:
            fail(
                f"{called} chose feature {feature_index} at threshold {float(threshold)!r}, "
                f"which ties (gain within 1e-12) with feature {j} at threshold {t!r}: ties go "
                "to the lowest feature, then the lowest threshold"
            )
        fail(
            f"{called} chose feature {feature_index}, but the best split is on feature {j} "
            f"at {t!r} (gain {g!r})"
        )
    assert_close(
        threshold,
        t,
        rtol=1e-9,
        atol=1e-9,
        what=f"the threshold on feature {j}",
        called=called,
        mistakes={
            "the threshold is the lower value a: use the midpoint (a + b) / 2": a,
            "the threshold is the upper value b: use the midpoint (a + b) / 2": b,
        },
    )
    if expected is not None:
        if feature_index != expected[0] or abs(float(threshold) - expected[1]) > 1e-9:
            fail(f"{called} returned {describe(result)}, expected Split{expected}")
    return result


@pytest.mark.points(2)
def test_best_split_documented_example(kata):
    """Does the docstring's example split feature 0 at 2.5, gaining 0.5 (gini) and 1 bit?"""
    X = [[1.0, 5.0], [2.0, 6.0], [3.0, 5.0], [4.0, 6.0]]
    check(kata, X, [0, 0, 1, 1], expected=(0, 2.5, 0.5))
    check(kata, X, [0, 0, 1, 1], criterion="entropy", expected=(0, 2.5, 1.0))
    check(kata, [[1.0], [1.0]], [0, 1])


@pytest.mark.points(2)
def test_best_split_small_cases_worked_by_hand(kata):
    """Do three small cases give the splits worked out by hand?

    x = [1, 2, 3, 4, 5, 6], y = [0, 0, 0, 1, 1, 0]: parent gini 1 - (4/6)^2 - (2/6)^2 =
    4/9. At 3.5: left [0, 0, 0] (0), right [1, 1, 0] (4/9, weight 1/2): gain 2/9. At 4.5:
    left [0, 0, 0, 1] (3/8, weight 2/3), right [1, 0] (1/2, weight 1/3): gain 1/36.
    Best 3.5. Feature 1 of the second case separates perfectly at 25 (gain 1/2) while
    feature 0 is constant.
    """
    X = np.array([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]])
    check(kata, X, [0, 0, 0, 1, 1, 0], expected=(0, 3.5, 2 / 9))
    X2 = np.array([[7.0, 10.0], [7.0, 20.0], [7.0, 30.0], [7.0, 40.0]])
    check(kata, X2, np.array([1, 1, 0, 0]), expected=(1, 25.0, 0.5))
    check(kata, X2, np.array([1, 1, 0, 0]), criterion="entropy", expected=(1, 25.0, 1.0))


@pytest.mark.points(3)
@pytest.mark.parametrize("criterion", ["gini", "entropy"])
def test_best_split_matches_a_brute_force_scan(kata, rng, criterion):
    """Do seeded random nodes give the split of a brute-force scan of all midpoints?"""
    for _ in range(15):
        n, d, k = int(rng.integers(2, 40)), int(rng.integers(1, 5)), int(rng.integers(2, 4))
        X = rng.normal(size=(n, d)).round(1)  # rounding: repeated values within a column
        y = rng.integers(0, k, size=n)
        check(kata, X, y, criterion)


@pytest.mark.points(2)
def test_best_split_informative_random_nodes(kata, rng):
    """Do labels that depend on one noisy feature give the brute-force split?"""
    for _ in range(10):
        X = rng.normal(size=(30, 3))
        j = int(rng.integers(3))
        y = (X[:, j] + 0.5 * rng.normal(size=30) > 0).astype(int)
        check(kata, X, y, str(rng.choice(["gini", "entropy"])))


@pytest.mark.points(2)
def test_best_split_ties_go_to_the_lowest_feature(kata):
    """When two features split equally well (exactly), is the lower one chosen?

    Columns 0 and 1 both separate [0, 0, 1, 1] perfectly (column 1 reversed), and
    column 2 copies column 1: every perfect split ties, and feature 0 at 1.5 wins.
    """
    X = np.array([[0.0, 3.0, 3.0], [1.0, 2.0, 2.0], [2.0, 1.0, 1.0], [3.0, 0.0, 0.0]])
    check(kata, X, [0, 0, 1, 1], expected=(0, 1.5, 0.5))
    check(kata, X[:, ::-1], [0, 0, 1, 1], expected=(0, 1.5, 0.5))
    check(kata, X[:, [1, 0]], [1, 1, 0, 0], criterion="entropy", expected=(0, 1.5, 1.0))


@pytest.mark.points(2)
def test_best_split_ties_go_to_the_lowest_threshold(kata):
    """When two thresholds split equally well (exactly, by symmetry), is the lower chosen?

    y = [0, 1, 1, 0] on x = 0, 1, 2, 3: splitting off either end sample gains
    1/2 - 3/4 * 4/9 = 1/6, the middle split 0. The lower threshold 0.5 wins.
    """
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    check(kata, X, [0, 1, 1, 0], expected=(0, 0.5, 1 / 6))
    check(kata, X, ["a", "b", "b", "a"], criterion="entropy")
    X2 = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 1.0], [3.0, 1.0], [4.0, 1.0], [5.0, 0.0]])
    check(kata, X2, [0, 1, 0, 1, 0, 1])


@pytest.mark.points(2)
def test_best_split_zero_gain_is_still_a_split(kata):
    """Is a split returned, with gain 0, when no threshold lowers the impurity?

    y = [0, 1, 0, 1] on x = [0, 0, 1, 1]: both sides hold one 0 and one 1, like the
    parent; a pure node [5, 5] on x = [1, 2] gains 0 as well.
    """
    check(kata, [[0.0], [0.0], [1.0], [1.0]], [0, 1, 0, 1], expected=(0, 0.5, 0.0))
    check(kata, [[1.0, 4.0], [2.0, 4.0]], [5, 5], expected=(0, 1.5, 0.0))
    check(kata, [[4.0, 1.0], [4.0, 2.0]], [5, 5], criterion="entropy", expected=(1, 1.5, 0.0))


@pytest.mark.points(2)
def test_best_split_none_when_every_feature_is_constant(kata):
    """Is Split(None, None, 0.0) returned when no feature takes two distinct values?"""
    check(kata, [[2.0, 3.0], [2.0, 3.0], [2.0, 3.0]], [0, 1, 1])
    check(kata, [[1.0]], [4])
    check(kata, [[1.0, 2.0], [1.0, 2.0]], [0, 0], criterion="entropy")


def test_best_split_accepts_any_label_values(kata, rng):
    """Do string labels and negative, non-consecutive integers work like 0, 1, 2?"""
    X = rng.normal(size=(25, 2))
    codes = rng.integers(0, 3, size=25)
    want = reference(X, codes, "gini")
    for y in (np.array(["cat", "dog", "emu"])[codes], np.array([-5, 10, 1000])[codes]):
        check(kata, X, y, expected=want[:3])


def test_best_split_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were (call() compares them after the call)?"""
    X = rng.normal(size=(20, 3))
    y = rng.integers(0, 2, size=20)
    check(kata, X, y)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, criterion, why",
    [
        ([1.0, 2.0], [0, 1], "gini", "X is 1-D, it must be (n_samples, n_features)"),
        ([[1.0], [2.0]], [[0], [1]], "gini", "y is 2-D"),
        ([[1.0], [2.0], [3.0]], [0, 1], "gini", "3 samples but 2 labels"),
        (np.zeros((0, 2)), [], "gini", "no samples"),
        ([[1.0], [2.0]], [0, 1], "mse", 'criterion must be "gini" or "entropy"'),
    ],
    ids=["X-1d", "y-2d", "lengths", "empty", "criterion"],
)
def test_best_split_rejects_bad_input(kata, X, y, criterion, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.best_split, X, y, criterion=criterion, why=why)


# The catalogue sets no efficiency tier for best_split: the size is one where even a
# brute force over every midpoint with a plain-Python impurity (the learner's own
# gini or information_gain katas) stays well inside the limit.
@pytest.mark.timeout(5)
def test_best_split_large_node(kata, rng):
    """Does a node of 300 samples and 6 features find the one perfect split?"""
    X = rng.normal(size=(300, 6))
    y = (X[:, 5] > 0.3).astype(int)
    below, above = X[y == 0, 5].max(), X[y == 1, 5].min()
    p = y.mean()
    f = kata.best_split
    called = describe_call(f, X, y)
    feature, threshold, gain = fields(call(f, X, y), FIELDS, "best_split")
    if feature != 5:
        fail(f"{called} chose feature {feature}, but feature 5 separates the labels exactly")
    assert_close(threshold, (below + above) / 2, what="the threshold", called=called)
    assert_close(gain, 2 * p * (1 - p), what="the gain (the parent's gini)", called=called)
