"""Grader for capstones/standardize_train_test: standardize_train_test(X_train, X_test)
-> (train, test, mean, scale), the z-scores of both with the training statistics."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

DDOF = "the scale divides by n (population sd, as StandardScaler), not n - 1"
LEAK = "the test rows use the training mean and scale, not their own"
POOLED = "the statistics come from the training rows only, not training and test together"
VARIANCE = "divide by the standard deviation, not the variance"
WHOLE = "the statistics are per column (axis 0), not one mean and sd for the whole matrix"
NAIVE = "the variance as mean(x^2) - mean(x)^2 cancels catastrophically: centre first"
NAMES = ("train", "test", "mean", "scale")


def reference(A, B):
    """Column statistics by exactly rounded sums (math.fsum), one column at a time."""
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    n, d = A.shape
    mean = np.array([math.fsum(A[:, j]) / n for j in range(d)])
    scale = np.array([math.sqrt(math.fsum((A[:, j] - mean[j]) ** 2) / n) for j in range(d)])
    return (A - mean) / scale, (B - mean) / scale, mean, scale


def mistakes_for(A, B):
    """The wrong answers of the listed mistakes, keyed by the words naming them."""
    n = A.shape[0]
    _, _, mean, scale = reference(A, B)
    s1 = scale * math.sqrt(n / (n - 1))
    both = np.vstack([A, B])
    m2, s2 = both.mean(axis=0), both.std(axis=0)
    wrong = {
        DDOF: ((A - mean) / s1, (B - mean) / s1, mean, s1),
        POOLED: ((A - m2) / s2, (B - m2) / s2, m2, s2),
        VARIANCE: ((A - mean) / scale**2, (B - mean) / scale**2, mean, scale**2),
    }
    if B.shape[0] >= 2 and np.all(B.std(axis=0) > 0):
        wrong[LEAK] = (None, (B - B.mean(axis=0)) / B.std(axis=0), mean, scale)
    return wrong


def check(kata, A, B, **tolerance):
    f = kata.standardize_train_test
    called = describe_call(f, A, B)
    result = call(f, A, B)
    got = fields(result, NAMES, "standardize_train_test")
    want = reference(A, B)
    wrong = mistakes_for(np.asarray(A, dtype=float), np.asarray(B, dtype=float))
    for k, name in enumerate(NAMES):
        mistakes = {w: v[k] for w, v in wrong.items() if v[k] is not None}
        assert_close(
            got[k], want[k], what=f"the {name} field", called=called, mistakes=mistakes, **tolerance
        )
    return got


@pytest.mark.points(2)
def test_standardize_train_test_documented_example(kata):
    """Does the docstring's example give train [[-1, -1], [1, 1]], test [[0, 3]]?"""
    train, test, mean, scale = check(kata, [[1.0, 10.0], [3.0, 30.0]], [[2.0, 50.0]])
    assert_close(train, [[-1.0, -1.0], [1.0, 1.0]], what="train")
    assert_close(test, [[0.0, 3.0]], what="test")
    assert_close(mean, [2.0, 20.0], what="mean")
    assert_close(scale, [1.0, 10.0], what="scale", mistakes={DDOF: [2**0.5, 10 * 2**0.5]})


def test_standardize_train_test_hand_case(kata):
    """Training column 0, 2, 4, 6 has mean 3 and population sd sqrt(5); test 3 and 8 map to
    0 and 5 / sqrt(5) = sqrt(5)."""
    train, test, mean, scale = check(kata, [[0.0], [2.0], [4.0], [6.0]], [[3.0], [8.0]])
    r5 = 5**0.5
    assert_close(scale, [r5], what="scale", mistakes={DDOF: [(20 / 3) ** 0.5], VARIANCE: [5.0]})
    assert_close(test, [[0.0], [r5]], what="test")
    assert_close(train.ravel(), [-3 / r5, -1 / r5, 1 / r5, 3 / r5], what="train")


@pytest.mark.points(3)
def test_standardize_train_test_random_cases(kata, rng):
    """Seeded random data of different scales: does every field match sums done by hand,
    with training columns of mean 0 and sd 1?"""
    for n, m, d in ((5, 3, 2), (40, 17, 6), (200, 1, 3), (3, 50, 4)):
        scales = 10.0 ** rng.uniform(-3, 3, size=d)
        A = rng.normal(rng.uniform(-100, 100, size=d), scales, size=(n, d))
        B = rng.normal(rng.uniform(-100, 100, size=d), scales, size=(m, d))
        train, _, _, _ = check(kata, A, B)
        assert_close(train.mean(axis=0), np.zeros(d), atol=1e-9, what="the training means")
        assert_close(np.sqrt((train**2).mean(axis=0)), np.ones(d), what="the training sds")


def test_standardize_train_test_per_column(kata):
    """Columns of different spreads: one mean and one sd per column?"""
    A = np.array([[1.0, 2.0, 9.0], [3.0, 6.0, 1.0], [5.0, 1.0, 2.0]])
    B = np.array([[0.0, 0.0, 0.0]])
    f = kata.standardize_train_test
    got = fields(call(f, A, B), NAMES, "standardize_train_test")
    whole = (A - A.mean()) / A.std()
    assert_close(got[0], reference(A, B)[0], what="train", mistakes={WHOLE: whole})
    assert_close(got[2], A.mean(axis=0), what="mean", mistakes={WHOLE: np.full(3, A.mean())})


def test_standardize_train_test_is_affine_invariant(kata, rng):
    """Rescaling and shifting a column (a > 0) leaves its z-scores unchanged?"""
    A, B = rng.normal(size=(30, 4)), rng.normal(size=(10, 4))
    a, b = np.array([1e-3, 2.0, 1e3, 7.0]), np.array([5.0, -1e4, 0.0, 3.0])
    first = check(kata, A, B)
    second = check(kata, A * a + b, B * a + b)
    assert_close(second[0], first[0], what="train z-scores after x -> a x + b")
    assert_close(second[1], first[1], what="test z-scores after x -> a x + b")


def test_standardize_train_test_is_accurate_for_a_large_offset(kata, rng):
    """A column of 1e6 plus noise of sd 1: is the scale right to 1e-6 (centre first)?"""
    noise = rng.normal(size=(500, 1))
    A = 1e6 + noise
    got = fields(call(kata.standardize_train_test, A, A[:3]), NAMES, "standardize_train_test")
    want = np.sqrt(np.mean((noise - noise.mean()) ** 2))
    naive = np.sqrt(abs(np.mean(A**2) - np.mean(A) ** 2))
    assert_close(got[3], [want], rtol=1e-6, atol=0, what="the scale", mistakes={NAIVE: [naive]})


def test_standardize_train_test_empty_test_set(kata):
    """A test set of 0 rows gives a (0, d) test field?"""
    got = check(kata, [[1.0, 2.0], [2.0, 0.0], [6.0, 1.0]], np.zeros((0, 2)))
    if np.shape(got[1]) != (0, 2):
        fail(f"the test field has shape {np.shape(got[1])}, expected (0, 2)")


def test_standardize_train_test_leaves_inputs_unmodified(kata, rng):
    """Are X_train and X_test unchanged after the call (float arrays, which could be
    standardised in place)?"""
    A, B = rng.normal(3.0, 2.0, size=(20, 3)), rng.normal(size=(4, 3))
    got = fields(call(kata.standardize_train_test, A, B), NAMES, "standardize_train_test")
    assert_close(got[0], reference(A, B)[0], what="train")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, B, why",
    [
        ([1.0, 2.0, 3.0], [[1.0]], "X_train 1-D"),
        ([[1.0], [2.0]], [1.0], "X_test 1-D"),
        ([[1.0, 2.0], [2.0, 3.0]], [[1.0]], "widths 2 and 1"),
        ([[1.0, 2.0]], [[1.0, 2.0]], "one training row"),
        ([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]], [[1.0, 5.0]], "a constant training column"),
        ([[0.1, 1.0], [0.1, 2.0], [0.1, 3.0]], [[1.0, 5.0]], "a constant column of 0.1"),
        ([[1.0, np.nan], [2.0, 3.0]], [[1.0, 5.0]], "nan in X_train"),
        ([[1.0, 2.0], [2.0, 3.0]], [[np.inf, 5.0]], "inf in X_test"),
        (np.zeros((3, 0)), np.zeros((1, 0)), "no columns"),
    ],
)
def test_standardize_train_test_rejects_bad_input(kata, A, B, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.standardize_train_test, A, B, why=why)
