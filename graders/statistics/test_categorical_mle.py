"""Grader for statistics/categorical_mle: categorical_mle(labels, n_classes, alpha=0.0)
-> (n_classes,) probabilities with additive (Laplace) smoothing."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def check(kata, labels, n_classes, alpha=None, **tolerance):
    f = kata.categorical_mle
    args = (labels, n_classes) if alpha is None else (labels, n_classes, alpha)
    called = describe_call(f, *args)
    probs = call(f, *args)
    a = 0.0 if alpha is None else float(alpha)
    counts = [0] * n_classes
    for label in np.asarray(labels).tolist():
        counts[int(label)] += 1
    counts = np.array(counts, dtype=float)
    n = len(np.asarray(labels))
    want = (counts + a) / (n + n_classes * a)
    probs_array = np.asarray(probs, dtype=float)
    if probs_array.shape != (n_classes,):
        seen = int(np.max(np.asarray(labels))) + 1 if n else 0
        extra = (
            ": classes above the largest label seen are missing (np.bincount needs "
            "minlength=n_classes)"
            if probs_array.shape == (seen,)
            else ""
        )
        fail(f"{called}: the result has shape {probs_array.shape}, expected {(n_classes,)}{extra}")
    mistakes = {}
    if a > 0:
        mistakes["the denominator n + alpha: alpha is added to each of the K classes"] = (
            counts + a
        ) / (n + a)
        if n:
            mistakes["the denominator n: it must grow by K * alpha to keep the sum 1"] = (
                counts + a
            ) / n
            mistakes["no smoothing: alpha was ignored"] = counts / n
    assert_close(
        probs, want, what="the probabilities", called=called, mistakes=mistakes, **tolerance
    )
    return probs_array


@pytest.mark.points(2)
def test_categorical_mle_documented_example(kata):
    """Do labels [0, 2, 2, 1, 2] with K = 4 give [0.2, 0.2, 0.6, 0] and with alpha = 1
    [2, 2, 4, 1] / 9?"""
    check(kata, [0, 2, 2, 1, 2], 4)
    probs = check(kata, [0, 2, 2, 1, 2], 4, 1.0)
    assert_close(probs, np.array([2.0, 2.0, 4.0, 1.0]) / 9, what="the probabilities")


@pytest.mark.points(2)
def test_categorical_mle_hand_checked_case(kata):
    """Do labels [1, 1, 1] with K = 2 and alpha = 0.5 give [0.5, 3.5] / 4 = [0.125, 0.875]?"""
    probs = check(kata, [1, 1, 1], 2, 0.5)
    assert_close(probs, [0.125, 0.875], what="the probabilities")


@pytest.mark.points(4)
@pytest.mark.parametrize(
    "n, k, alpha", [(50, 5, 0.0), (50, 5, 1.0), (7, 10, 0.3), (1000, 3, 2.5), (1, 4, 0.0)]
)
def test_categorical_mle_random_labels(kata, rng, n, k, alpha):
    """On random labels (some classes unseen), is p_k = (c_k + alpha) / (n + K alpha)?"""
    labels = rng.integers(0, max(k - 2, 1), size=n)  # the top classes never appear
    probs = check(kata, labels, k, alpha)
    assert_close(probs.sum(), 1.0, what="the sum of the probabilities")


def test_categorical_mle_default_alpha_is_zero(kata, rng):
    """Without alpha, is the result the plain MLE (class frequencies)?"""
    labels = rng.integers(0, 3, size=30)
    check(kata, labels, 3)


def test_categorical_mle_no_labels_with_smoothing_is_uniform(kata):
    """With no labels and alpha = 2, is every one of the 5 classes 1/5?"""
    probs = check(kata, np.array([], dtype=int), 5, 2.0)
    assert_close(probs, np.full(5, 0.2), what="the probabilities")


def test_categorical_mle_single_class(kata):
    """With K = 1, is the only probability 1?"""
    assert_close(check(kata, [0, 0, 0], 1), [1.0], what="the probabilities")


def test_categorical_mle_accepts_integral_float_labels(kata):
    """Are labels stored as whole floats ([0.0, 1.0, 1.0]) accepted?"""
    probs = check(kata, np.array([0.0, 1.0, 1.0]), 2)
    assert_close(probs, [1 / 3, 2 / 3], what="the probabilities")


def test_categorical_mle_leaves_input_unchanged(kata, rng):
    """Are the labels left exactly as they were?"""
    check(kata, rng.integers(0, 4, size=25), 4, 1.0)


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "labels, k, alpha, why",
    [
        ([0, 1, 3], 3, 0.0, "the label 3 is out of range for 3 classes"),
        ([0, -1, 1], 3, 1.0, "a negative label"),
        ([0, 1.5], 3, 0.0, "a non-integer label"),
        ([], 3, 0.0, "no labels and alpha = 0: 0/0"),
        ([[0, 1], [1, 0]], 2, 0.0, "labels is 2-D, it must be 1-D"),
        ([0, 1], 0, 1.0, "n_classes must be at least 1"),
        ([0, 1], 2, -0.5, "alpha is negative"),
    ],
    ids=[
        "label-too-large",
        "negative-label",
        "non-integer",
        "empty-alpha-0",
        "2d",
        "k-zero",
        "alpha-negative",
    ],
)
def test_categorical_mle_rejects_bad_input(kata, labels, k, alpha, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.categorical_mle, labels, k, alpha, why=why)
