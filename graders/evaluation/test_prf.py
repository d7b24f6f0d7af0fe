"""Grader for evaluation/prf: precision_recall_f1(y_true, y_pred, average="binary") ->
PRF(precision, recall, f1), with "binary", "macro" (over the union of labels) and
"micro" averaging and 0.0 for every zero denominator."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fields

FIELDS = ["precision", "recall", "f1"]


def ratio(num, den):
    return num / den if den else 0.0


def class_scores(y_true, y_pred, c):
    """(P, R, F1) of "label = c", counted in plain Python; 0 for 0 / 0."""
    pairs = list(zip(np.ravel(y_true).tolist(), np.ravel(y_pred).tolist(), strict=True))
    tp = sum(t == c and p == c for t, p in pairs)
    fp = sum(t != c and p == c for t, p in pairs)
    fn = sum(t == c and p != c for t, p in pairs)
    return [ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)]


def harmonic(p, r):
    return ratio(2 * p * r, p + r)


def macro(y_true, y_pred, labels):
    return np.mean([class_scores(y_true, y_pred, c) for c in labels], axis=0)


def accuracy(y_true, y_pred):
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


def reference(y_true, y_pred, average):
    """The expected (P, R, F1) and the known wrong answers for this average."""
    union = sorted(set(np.ravel(y_true).tolist()) | set(np.ravel(y_pred).tolist()))
    acc = accuracy(y_true, y_pred)
    if average == "binary":
        p, r, f = class_scores(y_true, y_pred, 1)
        return [p, r, f], {
            "precision and recall swapped: precision divides TP by the predicted "
            "positives TP + FP, recall by the actual positives TP + FN": [r, p, f],
            "the scores of class 0: the positive label is 1": class_scores(y_true, y_pred, 0),
            "the accuracy in every field": [acc, acc, acc],
        }
    want = macro(y_true, y_pred, union)
    if average == "micro":
        return [acc, acc, acc], {"macro averaging where micro was asked": want}
    true_only = sorted(set(np.ravel(y_true).tolist()))
    return want, {
        "averaged over the labels of y_true only: macro averages over the union of the "
        "labels in y_true and y_pred (as scikit-learn)": macro(y_true, y_pred, true_only),
        "the F1 of the macro precision and recall: macro F1 is the mean of the per-class "
        "F1 scores": [want[0], want[1], harmonic(want[0], want[1])],
        "micro averaging (the accuracy) where macro was asked": [acc, acc, acc],
    }


def check(kata, y_true, y_pred, average=None, expected=None):
    """Call precision_recall_f1, compare the three fields, and return them."""
    f = kata.precision_recall_f1
    args = (y_true, y_pred) if average is None else (y_true, y_pred, average)
    called = describe_call(f, *args)
    result = fields(call(f, *args), FIELDS, "precision_recall_f1")
    want, mistakes = reference(y_true, y_pred, average or "binary")
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")  # a self-check
    assert_close(result, want, what="(precision, recall, f1)", called=called, mistakes=mistakes)
    return [float(v) for v in result]


@pytest.mark.points(2)
def test_precision_recall_f1_documented_example(kata):
    """Do the docstring's examples give 2/3 three times (binary) and 0.5 three times (macro)?"""
    check(kata, [1, 1, 0, 0, 1], [1, 0, 1, 0, 1], expected=[2 / 3] * 3)
    check(kata, [0, 1, 2, 2], [0, 2, 2, 1], "macro", expected=[0.5] * 3)


def test_precision_recall_f1_binary_worked_by_hand(kata):
    """TP = 1, FP = 1, FN = 2: is P = 1/2, R = 1/3, F1 = 2 (1/6) / (5/6) = 0.4?"""
    check(kata, [1, 1, 1, 0, 0], [1, 0, 0, 1, 0], "binary", expected=[0.5, 1 / 3, 0.4])


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "y_true, y_pred, expected",
    [
        ([1, 0, 1], [0, 0, 0], [0.0, 0.0, 0.0]),
        ([0, 0, 0], [1, 0, 1], [0.0, 0.0, 0.0]),
        ([0, 0, 0], [0, 0, 0], [0.0, 0.0, 0.0]),
        ([1, 1, 0], [0, 0, 1], [0.0, 0.0, 0.0]),
        ([1, 1, 0, 1], [1, 0, 0, 0], [1.0, 1 / 3, 0.5]),
    ],
    ids=["nothing-predicted", "no-positives", "all-negative", "tp-zero", "precision-one"],
)
def test_precision_recall_f1_zero_denominators_give_zero(kata, y_true, y_pred, expected):
    """Is every 0 / 0 (no predicted positives, no actual positives, P + R = 0) 0.0, not nan?

    Nothing predicted: TP + FP = 0, so P = 0; no positives: TP + FN = 0, so R = 0; with
    P = R = 0 the F1 denominator is 0 too. [1, 1, 0, 1] vs [1, 0, 0, 0]: P = 1/1,
    R = 1/3, F1 = (2/3) / (4/3) = 1/2.
    """
    check(kata, y_true, y_pred, "binary", expected=expected)


def test_precision_recall_f1_macro_uses_the_union_of_labels(kata):
    """Does a label only predicted (never true) count as a class with P = R = F1 = 0?

    y_true [0, 0, 1, 1], y_pred [0, 2, 1, 1]: class 0 (1, 1/2, 2/3), class 1 (1, 1, 1),
    class 2 (0, 0, 0): macro P = 2/3, R = 1/2, F1 = 5/9 (not the F1 of 2/3 and 1/2, 4/7).
    """
    check(kata, [0, 0, 1, 1], [0, 2, 1, 1], "macro", expected=[2 / 3, 0.5, 5 / 9])


def test_precision_recall_f1_macro_f1_is_the_mean_of_per_class_f1(kata):
    """Is macro F1 the mean of each class's F1, not the F1 of the macro P and R?

    Class 0: P = 1/3, R = 1 (F1 = 1/2); class 1: P = 1, R = 1/3 (F1 = 1/2); macro F1 =
    1/2 while the F1 of macro P = R = 2/3 would be 2/3.
    """
    check(kata, [0, 1, 1, 1], [0, 0, 0, 1], "macro", expected=[2 / 3, 2 / 3, 0.5])


def test_precision_recall_f1_micro_equals_accuracy(kata, rng):
    """With one label per sample, are micro P, R and F1 all the accuracy?"""
    check(kata, [0, 0, 1, 1], [0, 2, 1, 1], "micro", expected=[0.75] * 3)
    y_true, y_pred = rng.integers(0, 4, size=40), rng.integers(0, 4, size=40)
    result = check(kata, y_true, y_pred, "micro")
    assert_close(result, [accuracy(y_true, y_pred)] * 3, what="micro (P, R, F1)")


@pytest.mark.points(3)
@pytest.mark.parametrize("average", ["binary", "macro", "micro"])
def test_precision_recall_f1_random_labels(kata, rng, average):
    """Do random labels agree with the per-class counts, for every average?"""
    for _ in range(15):
        n = int(rng.integers(1, 60))
        classes = 2 if average == "binary" else int(rng.integers(2, 6))
        y_true = rng.integers(0, classes, size=n)
        y_pred = np.where(rng.random(n) < 0.5, y_true, rng.integers(0, classes, size=n))
        check(kata, y_true, y_pred, average)


def test_precision_recall_f1_macro_with_any_integer_labels(kata, rng):
    """Are labels such as -1, 3 and 10 classes like any other (macro and micro)?"""
    values = np.array([-1, 3, 10])
    y_true, y_pred = values[rng.integers(0, 3, 30)], values[rng.integers(0, 3, 30)]
    check(kata, y_true, y_pred, "macro")
    check(kata, y_true, y_pred, "micro")


def test_precision_recall_f1_default_is_binary(kata):
    """Called without `average`, does it score class 1 only?"""
    check(kata, [1, 0, 0, 0], [1, 1, 1, 0], expected=[1 / 3, 1.0, 0.5])


def test_precision_recall_f1_leaves_its_inputs_unchanged(kata, rng):
    """Are y_true and y_pred left exactly as they were?"""
    y_true, y_pred = rng.integers(0, 3, size=20), rng.integers(0, 3, size=20)
    check(kata, y_true, y_pred, "macro")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "y_true, y_pred, average, why",
    [
        ([0, 1, 2], [0, 1, 1], "binary", "label 2 with average='binary'"),
        ([0, 1, 1], [0, -1, 1], "binary", "label -1 with average='binary'"),
        ([0, 1], [0, 1], "weighted", "an unknown average"),
        ([0, 1, 1], [0, 1], "macro", "y_true and y_pred differ in length"),
        ([], [], "micro", "empty labels"),
        ([[0, 1]], [[0, 1]], "binary", "2-D labels"),
    ],
    ids=["binary-label-2", "binary-label-neg", "unknown-average", "length", "empty", "2d"],
)
def test_precision_recall_f1_rejects_bad_input(kata, y_true, y_pred, average, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.precision_recall_f1, y_true, y_pred, average, why=why)
