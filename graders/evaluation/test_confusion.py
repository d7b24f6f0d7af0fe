"""Grader for evaluation/confusion: confusion_matrix(y_true, y_pred, n_classes) ->
(n_classes, n_classes) counts, rows the true labels and columns the predictions."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

TRANSPOSED = "transposed: rows must be the true labels and columns the predicted ones"


def reference(y_true, y_pred, n_classes):
    """Counting pair by pair in plain Python."""
    table = [[0] * n_classes for _ in range(n_classes)]
    for t, p in zip(np.ravel(y_true).tolist(), np.ravel(y_pred).tolist(), strict=True):
        table[int(t)][int(p)] += 1
    return np.array(table, dtype=float)


def check(kata, y_true, y_pred, n_classes, expected=None):
    """Call confusion_matrix, compare it exactly with the counts, and return it."""
    f = kata.confusion_matrix
    called = describe_call(f, y_true, y_pred, n_classes)
    result = call(f, y_true, y_pred, n_classes)
    want = reference(y_true, y_pred, n_classes) if expected is None else np.asarray(expected)
    mistakes = {}
    if not np.array_equal(want, want.T):
        mistakes[TRANSPOSED] = want.T
    rows = want.sum(axis=1, keepdims=True)
    mistakes["normalised rows (rates): the kata asks for counts"] = want / np.where(
        rows == 0, 1, rows
    )
    assert_close(
        result,
        want,
        what="the confusion matrix",
        called=called,
        atol=0.0,
        rtol=0.0,
        mistakes=mistakes,
    )
    return np.asarray(result)


@pytest.mark.points(2)
def test_confusion_matrix_documented_example(kata):
    """Does the docstring's example give [[1, 1, 0], [0, 1, 0], [1, 0, 1]]?"""
    check(kata, [0, 0, 1, 2, 2], [0, 1, 1, 2, 0], 3, [[1, 1, 0], [0, 1, 0], [1, 0, 1]])


@pytest.mark.parametrize(
    "y_true, y_pred, n_classes, expected",
    [
        ([1, 1, 1, 0], [1, 0, 1, 0], 2, [[1, 0], [1, 2]]),
        ([0, 1, 2], [0, 1, 2], 3, np.eye(3)),
        ([0, 0, 0], [2, 2, 1], 3, [[0, 1, 2], [0, 0, 0], [0, 0, 0]]),
        ([1], [0], 2, [[0, 0], [1, 0]]),
    ],
    ids=["binary", "all-correct", "one-true-class", "one-sample"],
)
def test_confusion_matrix_small_cases_worked_by_hand(kata, y_true, y_pred, n_classes, expected):
    """Do small cases counted by hand come out exactly (a true 1 predicted 0 is C[1, 0])?"""
    check(kata, y_true, y_pred, n_classes, expected)


def test_confusion_matrix_is_not_transposed(kata):
    """Is a true 0 predicted as 1 counted in row 0, column 1 (rows are the true labels)?"""
    result = check(kata, [0, 0, 0, 1], [1, 1, 1, 1], 2, [[0, 3], [0, 1]])
    if result[0, 1] != 3:
        fail(f"C[0, 1] should be 3, got {result[0, 1]!r}")


@pytest.mark.points(3)
@pytest.mark.parametrize("n_classes", [2, 3, 7])
def test_confusion_matrix_random_labels(kata, rng, n_classes):
    """Do random labels give the counts of every (true, predicted) pair?"""
    for n in [1, 10, 200]:
        y_true = rng.integers(0, n_classes, size=n)
        y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, n_classes, size=n))
        check(kata, y_true, y_pred, n_classes)


def test_confusion_matrix_row_and_column_sums(kata, rng):
    """Do the rows sum to the class counts of y_true, the columns to those of y_pred?"""
    y_true, y_pred = rng.integers(0, 4, size=50), rng.integers(0, 4, size=50)
    C = check(kata, y_true, y_pred, 4)
    assert_close(
        C.sum(axis=1),
        np.bincount(y_true, minlength=4),
        what="the row sums",
        mistakes={TRANSPOSED: np.bincount(y_pred, minlength=4)},
    )
    assert_close(np.trace(C), np.sum(y_true == y_pred), what="the trace (correct predictions)")


def test_confusion_matrix_absent_classes_give_zero_rows(kata):
    """With n_classes larger than any label used, are the extra rows and columns zero?"""
    C = check(kata, [0, 2, 2], [2, 2, 0], 5)
    if C.shape != (5, 5) or np.any(C[[1, 3, 4]] != 0) or np.any(C[:, [1, 3, 4]] != 0):
        fail(f"classes 1, 3 and 4 do not occur: their rows and columns should be 0, got {C}")


def test_confusion_matrix_accepts_integral_floats(kata):
    """Are labels given as floats with integer values (1.0) accepted as labels?"""
    check(kata, np.array([0.0, 1.0, 1.0]), np.array([1.0, 1.0, 0.0]), 2, [[0, 1], [1, 1]])


def test_confusion_matrix_counts_are_integers(kata, rng):
    """Are the entries whole numbers (counts), with n in total?"""
    y = rng.integers(0, 3, size=30)
    C = check(kata, y, rng.permutation(y), 3)
    if not np.all(C == np.round(C)) or C.sum() != 30:
        fail(f"the counts should be whole numbers summing to 30, got {C}")


def test_confusion_matrix_leaves_its_inputs_unchanged(kata, rng):
    """Are y_true and y_pred left exactly as they were?"""
    y_true, y_pred = rng.integers(0, 3, size=20), rng.integers(0, 3, size=20)
    check(kata, y_true, y_pred, 3)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "y_true, y_pred, n_classes, why",
    [
        ([0, 1, 2], [0, 1, 1], 2, "label 2 in y_true with n_classes = 2"),
        ([0, 1, 1], [0, 1, 3], 3, "label 3 in y_pred with n_classes = 3"),
        ([0, -1], [0, 0], 2, "a negative label"),
        ([0, 1, 1], [0, 1], 2, "y_true and y_pred differ in length"),
        ([], [], 2, "empty labels"),
        ([[0, 1]], [[0, 1]], 2, "2-D labels"),
        ([0, 1], [0, 1], 0, "n_classes = 0"),
        ([0, 1], [0, 1], 2.5, "n_classes is not an integer"),
        ([0.5, 1.0], [0.0, 1.0], 2, "a label 0.5 that is not an integer"),
    ],
    ids=[
        "true-out-of-range",
        "pred-out-of-range",
        "negative",
        "length",
        "empty",
        "2d",
        "zero-classes",
        "fractional-classes",
        "fractional-label",
    ],
)
def test_confusion_matrix_rejects_bad_input(kata, y_true, y_pred, n_classes, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.confusion_matrix, y_true, y_pred, n_classes, why=why)
