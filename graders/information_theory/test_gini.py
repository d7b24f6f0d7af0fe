"""Grader for information_theory/gini: gini_impurity(y) -> float."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call_strictly, describe_call, expect_error, fail


def disagreement(y):
    """The share of ordered pairs (i, j), i = j included, with different labels."""
    labels = np.asarray(y)
    return float(np.mean(labels[:, None] != labels[None, :]))


def check(kata, y, expected=None):
    f = kata.gini_impurity
    called = describe_call(f, y)
    result = call_strictly(f, y)
    want = disagreement(y) if expected is None else expected
    counts = np.unique(np.asarray(y), return_counts=True)[1].astype(float)
    n, k = counts.sum(), counts.size
    p = counts / n
    mistakes = {
        "the sum of p_k**2 without the 1 - (that is the purity)": float(np.sum(p**2)),
        "1 - sum of p_k, not of p_k**2 (always 0)": 0.0,
        "class counts instead of proportions: 1 - sum of count_k**2": 1 - np.sum(counts**2),
        "proportions divided by the number of classes instead of n": 1 - np.sum((counts / k) ** 2),
        "the entropy in bits instead of the Gini impurity": -float(np.sum(p * np.log2(p))),
        "n / (n - 1) times the impurity (draws without replacement)": (
            want * n / (n - 1) if n > 1 else math.nan
        ),
        "1 - max p_k, the misclassification rate": 1 - float(p.max()),
    }
    assert_close(result, want, what="the Gini impurity", called=called, mistakes=mistakes)
    return float(result)


@pytest.mark.points(2)
def test_gini_impurity_documented_example(kata):
    """Do [0, 0, 1, 1] -> 1/2, [a, a, a] -> 0 and [0, 0, 0, 1] -> 3/8 come out?

    [0, 0, 0, 1]: 1 - (3/4)**2 - (1/4)**2 = 1 - 10/16 = 3/8.
    """
    check(kata, [0, 0, 1, 1], expected=0.5)
    check(kata, ["a", "a", "a"], expected=0.0)
    check(kata, [0, 0, 0, 1], expected=0.375)


@pytest.mark.points(2)
def test_gini_impurity_hand_checked_cases(kata):
    """Do small cases worked by hand come out exactly?

    [1, 1, 2, 3, 3, 3]: p = (1/3, 1/6, 1/2), sum p**2 = (4 + 1 + 9) / 36 = 14/36, so
    G = 22/36 = 11/18. Three balanced classes: 1 - 3 (1/3)**2 = 2/3.
    """
    check(kata, [1, 1, 2, 3, 3, 3], expected=11 / 18)
    check(kata, [0, 1, 2, 2, 1, 0], expected=2 / 3)


@pytest.mark.points(3)
@pytest.mark.parametrize("n, k", [(5, 2), (40, 3), (300, 7), (2000, 20)])
def test_gini_impurity_random_labels(kata, rng, n, k):
    """Do random labels match the share of label pairs that disagree?"""
    for _ in range(3):
        check(kata, rng.integers(0, k, size=n))
    p = rng.dirichlet(np.ones(k) * 0.3)
    check(kata, rng.choice(k, size=n, p=p))


def test_gini_impurity_of_a_pure_set_is_zero(kata, rng):
    """Is a set with a single class (or a single sample) exactly 0?"""
    for y in ([4], [4] * 9, np.full(50, -3)):
        result = check(kata, y, expected=0.0)
        if result != 0:
            fail(f"gini_impurity of a pure set returned {result!r}, not 0")


@pytest.mark.points(2)
@pytest.mark.parametrize("k", [2, 3, 5, 10])
def test_gini_impurity_is_largest_for_balanced_classes(kata, rng, k):
    """With K balanced classes, is G = 1 - 1/K, and is every unbalanced set below it?"""
    check(kata, np.repeat(np.arange(k), 6), expected=1 - 1 / k)
    for _ in range(5):
        value = check(kata, rng.integers(0, k, size=30))
        if not -1e-12 <= value <= 1 - 1 / k + 1e-12:
            fail(f"gini_impurity with {k} classes is {value!r}, outside [0, 1 - 1/{k}]")


@pytest.mark.points(2)
def test_gini_impurity_accepts_any_label_values(kata, rng):
    """Do strings, negative non-consecutive integers and lists give the same as 0, 1, 2?"""
    codes = rng.integers(0, 3, size=25)
    want = disagreement(codes)
    check(kata, np.array(["cat", "dog", "emu"])[codes], expected=want)
    check(kata, np.array([-5, 10, 1000])[codes], expected=want)
    check(kata, np.array([0.5, -1.5, 2.25])[codes], expected=want)
    check(kata, codes.tolist(), expected=want)


def test_gini_impurity_leaves_input_unchanged(kata, rng):
    """Is y left exactly as it was (not sorted in place)?"""
    check(kata, rng.integers(0, 4, size=20))  # call() compares y after the call


@pytest.mark.parametrize(
    "y, why",
    [([], "y is empty"), ([[0, 1], [1, 1]], "y is 2-D, it must be 1-D")],
    ids=["empty", "2d"],
)
def test_gini_impurity_rejects_bad_input(kata, y, why):
    """Does bad input raise ValueError with a message?"""
    with np.errstate(all="ignore"):
        expect_error(ValueError, kata.gini_impurity, y, why=why)
