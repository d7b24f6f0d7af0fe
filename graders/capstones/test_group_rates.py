"""Grader for capstones/group_rates: group_rates(y_true, y_pred, group) -> (groups,
selection_rate, tpr, fpr, accuracy), one entry per group, nan where a rate is undefined."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

NAMES = ("groups", "selection_rate", "tpr", "fpr", "accuracy")
OF_ALL = "divided by all n samples: each rate is within its own group"
TPR_OVER_GROUP = "the TPR divides by the group's positives, not by the group's size"
FPR_MISSED = "the FPR counts negatives predicted 1, not positives predicted 0"
SWAPPED = "the TPR and the FPR are swapped: TPR is among y = 1, FPR among y = 0"
ZERO = "an undefined rate (a group without positives or negatives) is nan, not 0"
ERROR = "that is the error rate: accuracy counts the predictions equal to the labels"


def table(y, p, g):
    """By plain Python counting: each column as a list, groups sorted."""
    groups = sorted(set(g.tolist()))
    out = {k: [] for k in NAMES[1:]}
    wrong = {k: [] for k in ("all", "tpr_size", "fpr_missed", "zero_tpr", "zero_fpr")}
    for name in groups:
        rows = [
            (a, b) for a, b, c in zip(y.tolist(), p.tolist(), g.tolist(), strict=True) if c == name
        ]
        size = len(rows)
        pos = [b for a, b in rows if a == 1]
        neg = [b for a, b in rows if a == 0]
        out["selection_rate"].append(sum(b for _, b in rows) / size)
        out["tpr"].append(sum(pos) / len(pos) if pos else math.nan)
        out["fpr"].append(sum(neg) / len(neg) if neg else math.nan)
        out["accuracy"].append(sum(a == b for a, b in rows) / size)
        wrong["all"].append(sum(b for _, b in rows) / y.size)
        wrong["tpr_size"].append(sum(pos) / size)
        wrong["fpr_missed"].append(sum(1 - b for b in pos) / len(pos) if pos else math.nan)
        wrong["zero_tpr"].append(sum(pos) / len(pos) if pos else 0.0)
        wrong["zero_fpr"].append(sum(neg) / len(neg) if neg else 0.0)
    return groups, out, wrong


def check(kata, y_true, y_pred, group, expected=None):
    f = kata.group_rates
    called = describe_call(f, y_true, y_pred, group)
    result = call(f, y_true, y_pred, group)
    got = fields(result, NAMES, "group_rates")
    y, p, g = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    groups, want, wrong = table(y, p, g)
    if expected is not None:
        for name, values in expected.items():
            assert_close(want[name], values, what=f"the grader's own {name}")
    if np.asarray(got[0]).tolist() != groups:
        fail(f"{called} returned groups {np.asarray(got[0]).tolist()}, expected {groups} (sorted)")
    for name, value in zip(NAMES[1:], got[1:], strict=True):
        value = np.asarray(value, dtype=float)
        if value.shape != (len(groups),):
            fail(f"{called}: {name} has shape {value.shape}, expected ({len(groups)},)")
    mistakes = {
        "selection_rate": {OF_ALL: wrong["all"]},
        "tpr": {TPR_OVER_GROUP: wrong["tpr_size"], SWAPPED: want["fpr"], ZERO: wrong["zero_tpr"]},
        "fpr": {FPR_MISSED: wrong["fpr_missed"], SWAPPED: want["tpr"], ZERO: wrong["zero_fpr"]},
        "accuracy": {ERROR: [1 - a for a in want["accuracy"]]},
    }
    for name, value in zip(NAMES[1:], got[1:], strict=True):
        value = np.asarray(value, dtype=float)
        target = np.asarray(want[name], dtype=float)
        if not np.array_equal(np.isnan(value), np.isnan(target)):
            named = ZERO if np.isnan(target).any() and not np.isnan(value).any() else ""
            fail(
                f"{called}: {name} is {value.tolist()}, expected {target.tolist()}"
                + (f"\n  this is what you get from a known mistake: {named}" if named else "")
            )
        ok = ~np.isnan(target)
        known = {
            k: np.asarray(v, dtype=float)[ok]
            for k, v in mistakes[name].items()
            if not np.allclose(np.asarray(v, dtype=float)[ok], target[ok], equal_nan=True)
        }
        assert_close(value[ok], target[ok], what=name, called=called, mistakes=known)
    return got


@pytest.mark.points(2)
def test_group_rates_documented_example(kata):
    """Does the example give AK then SV: selection 0.25, 0.5; TPR 0, 0.5; FPR 1/3, 0.5;
    accuracy 0.5, 0.5?"""
    check(
        kata,
        [1, 1, 0, 0, 1, 0, 0, 0],
        [1, 0, 1, 0, 0, 0, 0, 1],
        ["SV"] * 4 + ["AK"] * 4,
        expected={
            "selection_rate": [0.25, 0.5],
            "tpr": [0.0, 0.5],
            "fpr": [1 / 3, 0.5],
            "accuracy": [0.5, 0.5],
        },
    )


def test_group_rates_worked_by_hand(kata):
    """Group 0 (y 1 1 0, pred 1 1 1): selection 1, TPR 1, FPR 1, accuracy 2/3.
    Group 1 (y 0 1, pred 0 0): selection 0, TPR 0, FPR 0, accuracy 1/2."""
    check(
        kata,
        [1, 1, 0, 0, 1],
        [1, 1, 1, 0, 0],
        [0, 0, 0, 1, 1],
        expected={
            "selection_rate": [1.0, 0.0],
            "tpr": [1.0, 0.0],
            "fpr": [1.0, 0.0],
            "accuracy": [2 / 3, 0.5],
        },
    )


def test_group_rates_undefined_rates_are_nan(kata):
    """A group with only negatives has TPR nan; one with only positives FPR nan."""
    got = check(
        kata,
        [0, 0, 1, 1, 1, 0],
        [1, 0, 1, 0, 1, 0],
        ["a", "a", "b", "b", "c", "c"],
        expected={"selection_rate": [0.5, 0.5, 0.5], "accuracy": [0.5, 0.5, 1.0]},
    )
    if not (math.isnan(float(got[2][0])) and math.isnan(float(got[3][1]))):
        fail("the TPR of group 'a' and the FPR of group 'b' should be nan")


@pytest.mark.points(3)
def test_group_rates_matches_counting_by_hand(kata, rng):
    """Do random cases with two to four groups agree with counting in plain Python?"""
    for _ in range(20):
        n = int(rng.integers(1, 60))
        y, p = rng.integers(0, 2, size=n), rng.integers(0, 2, size=n)
        g = rng.choice(np.array([3, 1, 2, 0]), size=n)
        check(kata, y, p, g)


def test_group_rates_agrees_with_the_fairness_gaps(kata, rng):
    """Are the ranges of the selection-rate, TPR and FPR columns the demographic parity
    and equalised odds differences, computed here from masks?"""
    n = 2000
    g = rng.integers(0, 3, size=n)
    y = (rng.random(n) < 0.3 + 0.2 * g).astype(int)
    p = (rng.random(n) < 0.2 + 0.5 * y).astype(int)
    _, sel, tpr, fpr, _ = check(kata, y, p, g)
    rates = [p[g == k].mean() for k in range(3)]
    tprs = [p[(g == k) & (y == 1)].mean() for k in range(3)]
    fprs = [p[(g == k) & (y == 0)].mean() for k in range(3)]
    assert_close(np.ptp(np.asarray(sel, float)), np.ptp(rates), what="the parity gap")
    eod = max(np.ptp(tprs), np.ptp(fprs))
    got = max(np.ptp(np.asarray(tpr, float)), np.ptp(np.asarray(fpr, float)))
    assert_close(got, eod, what="the equalised odds gap")


def test_group_rates_one_group_and_one_sample(kata):
    """One sample, one group; boolean labels; every column of length 1."""
    check(kata, [1], [1], ["x"], expected={"selection_rate": [1.0], "accuracy": [1.0]})
    check(kata, np.array([True, False]), np.array([True, True]), [5, 5])


def test_group_rates_leaves_its_inputs_unchanged(kata, rng):
    """Are y_true, y_pred and group left exactly as they were?"""
    y, p, g = rng.integers(0, 2, 30), rng.integers(0, 2, 30), rng.integers(0, 3, 30)
    check(kata, y, p, g)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        (([], [], []), "empty"),
        (([[1, 0]], [[1, 0]], [[0, 1]]), "2-D"),
        (([1, 0], [1], [0, 0]), "lengths differ"),
        (([1, 0], [1, 0], [0]), "group of another length"),
        (([1, 2], [1, 0], [0, 0]), "label 2"),
        (([1, 0], [1, -1], [0, 0]), "prediction -1"),
    ],
)
def test_group_rates_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.group_rates, *args, why=why)
