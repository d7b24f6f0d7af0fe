"""Grader for information_theory/information_gain: information_gain(y, mask) -> float.

Every call runs with floating-point warnings turned into errors: an empty side must
contribute 0 without a 0/0, and 0 log 0 counts as 0.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call_strictly, describe_call, expect_error, fail

ADVICE = (
    "An empty side has weight 0 and contributes 0: skip it instead of computing 0 / "
    "0; and 0 log 0 counts as 0."
)


def class_counts(labels):
    """How many times each distinct label occurs (a dict count, no NumPy)."""
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return list(counts.values())


def H(labels, denominator=None, log=math.log2):
    """Entropy of a list of labels from its class counts, in plain Python."""
    if not labels:
        return 0.0
    n = len(labels) if denominator is None else denominator
    return -math.fsum(c / n * log(c / n) for c in class_counts(labels))


def sides(y, mask):
    labels = np.asarray(y).tolist()
    flags = np.asarray(mask).tolist()
    left = [v for v, m in zip(labels, flags, strict=True) if m]
    right = [v for v, m in zip(labels, flags, strict=True) if not m]
    return labels, left, right


def reference(y, mask):
    """H(y) minus the child entropies weighted by |side| / n, counted in plain Python."""
    labels, left, right = sides(y, mask)
    n = len(labels)
    return H(labels) - len(left) / n * H(left) - len(right) / n * H(right)


def check(kata, y, mask, expected=None):
    f = kata.information_gain
    called = describe_call(f, y, mask)
    result = call_strictly(f, y, mask, advice=ADVICE)
    want = reference(y, mask) if expected is None else expected
    labels, left, right = sides(y, mask)
    n, nl, nr = len(labels), len(left), len(right)
    mistakes = {
        "unweighted child entropies: H(y) - (H(left) + H(right)) / 2": (
            H(labels) - (H(left) + H(right)) / 2
        ),
        "unweighted child entropies: H(y) - H(left) - H(right)": H(labels) - H(left) - H(right),
        "the weights |L| / n and |R| / n are swapped between the sides": (
            H(labels) - nr / n * H(left) - nl / n * H(right)
        ),
        "each side's class proportions divided by len(y), not by the size of that side": (
            H(labels) - nl / n * H(left, n) - nr / n * H(right, n)
        ),
        "the weighted child entropy alone: H(y) minus it is the gain": (
            nl / n * H(left) + nr / n * H(right)
        ),
        "the natural log (nats) where bits (log base 2) were asked": want * math.log(2),
    }
    assert_close(result, want, what="the information gain", called=called, mistakes=mistakes)
    return float(result)


@pytest.mark.points(2)
def test_information_gain_documented_example(kata):
    """Do the docstring's examples give 1 bit, 0 bits and log2 3 - 2/3 bits?

    y = [a, a, b, b, c, c] split 4 | 2: H(y) = log2 3, the left side [a, a, b, b] has
    1 bit, the right [c, c] 0, so IG = log2 3 - (4/6) 1.
    """
    check(kata, [0, 0, 1, 1], [True, True, False, False], expected=1.0)
    check(kata, [0, 0, 1, 1], [True, False, True, False], expected=0.0)
    y = ["a", "a", "b", "b", "c", "c"]
    check(kata, y, [True, True, True, True, False, False], expected=math.log2(3) - 2 / 3)


@pytest.mark.points(2)
def test_information_gain_hand_checked_case(kata):
    """Does a lopsided split of four 0s and four 1s give 2 - (5/8) log2 5 bits?

    y = [0, 0, 0, 0, 1, 1, 1, 1], mask True on the first 3: H(y) = 1, the left side
    [0, 0, 0] is pure (0 bits), the right [0, 1, 1, 1, 1] has H(1/5, 4/5) =
    log2 5 - 8/5 bits and weight 5/8: IG = 1 - (5/8)(log2 5 - 8/5) = 2 - (5/8) log2 5.
    """
    mask = np.array([True] * 3 + [False] * 5)
    check(kata, np.array([0, 0, 0, 0, 1, 1, 1, 1]), mask, expected=2 - 0.625 * math.log2(5))


@pytest.mark.points(3)
@pytest.mark.parametrize("n, k", [(10, 2), (50, 3), (200, 5), (5000, 10)])
def test_information_gain_random_splits(kata, rng, n, k):
    """Do random labels and splits match H(y) minus the size-weighted child entropies?"""
    for _ in range(3):
        y = rng.integers(0, k, size=n)
        mask = rng.random(n) < rng.uniform(0.1, 0.9)
        check(kata, y, mask)


@pytest.mark.points(2)
def test_information_gain_informative_random_splits(kata, rng):
    """Do splits that track the labels (unequal sides, some pure) match the definition?"""
    for _ in range(5):
        y = rng.integers(0, 4, size=60)
        mask = (y < 2) ^ (rng.random(60) < 0.1)
        check(kata, y, mask)
    y = rng.integers(0, 3, size=30)
    check(kata, y, y == 0)


@pytest.mark.points(2)
@pytest.mark.parametrize("side", [True, False], ids=["all-true", "all-false"])
def test_information_gain_empty_side_contributes_nothing(kata, rng, side):
    """When every sample goes to one side, is the gain 0 (no nan, no 0/0, no error)?"""
    y = rng.integers(0, 3, size=12)
    mask = np.full(12, side)
    try:
        check(kata, y, mask, expected=0.0)
    except ValueError as exc:
        message = f"information_gain with an all-{side} mask raised ValueError ({exc}): "
        message += "an empty side is allowed. Its weight is 0, so it contributes 0: skip it."
        raise pytest.fail.Exception(message, pytrace=False) from None


def test_information_gain_single_sample(kata):
    """Does one sample gain 0 bits, on whichever side it goes?"""
    check(kata, [7], [True], expected=0.0)
    check(kata, [7], [False], expected=0.0)


@pytest.mark.points(2)
def test_information_gain_accepts_any_label_values(kata, rng):
    """Do string labels and negative, non-consecutive integers work like 0, 1, 2?"""
    codes = rng.integers(0, 3, size=40)
    mask = rng.random(40) < 0.4
    want = reference(codes, mask)
    check(kata, np.array(["cat", "dog", "emu"])[codes], mask, expected=want)
    check(kata, np.array([-5, 10, 1000])[codes], mask, expected=want)
    check(kata, codes.tolist(), mask.tolist(), expected=want)


@pytest.mark.points(2)
def test_information_gain_is_between_zero_and_the_entropy(kata, rng):
    """Is 0 <= IG <= H(y), the same for mask and ~mask, and H(y) when both sides are pure?"""
    for _ in range(10):
        y = rng.integers(0, 3, size=20)
        mask = rng.random(20) < 0.5
        gain = check(kata, y, mask)
        flipped = check(kata, y, ~mask)
        assert_close(flipped, gain, what="information_gain(y, ~mask) compared with (y, mask)")
        top = H(y.tolist())
        if not -1e-12 <= gain <= top + 1e-12:
            fail(f"the information gain {gain!r} is outside [0, H(y)] = [0, {top:.6g}]")
    y = np.array([0, 1, 1, 0, 1, 0, 0, 1])
    check(kata, y, y == 1, expected=1.0)


def test_information_gain_leaves_inputs_unchanged(kata, rng):
    """Are y and mask left exactly as they were?"""
    y = rng.integers(0, 4, size=30)
    mask = rng.random(30) < 0.5
    check(kata, y, mask)  # call() compares y and mask after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "y, mask, why",
    [
        ([], [], "y is empty"),
        ([[0, 1], [1, 0]], [[True, False], [False, True]], "y is 2-D, it must be 1-D"),
        ([0, 1, 1], [True, False], "mask has 2 entries for 3 labels"),
        ([0, 1], [[True, False]], "mask is 2-D"),
        ([0, 0, 1, 1], [1, 1, 0, 0], "mask is 0/1 integers, not booleans: y[mask] would index"),
    ],
    ids=["empty", "y-2d", "mask-length", "mask-2d", "int-mask"],
)
def test_information_gain_rejects_bad_input(kata, y, mask, why):
    """Does bad input raise ValueError with a message?"""
    with np.errstate(all="ignore"):
        expect_error(ValueError, kata.information_gain, y, mask, why=why)
