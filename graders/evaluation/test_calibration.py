"""Grader for evaluation/calibration: calibration_curve(y_true, p, n_bins=10) ->
Curve(prob_true, prob_pred, counts) over the non-empty bins of np.linspace(0, 1, B + 1),
left-closed with the last closed at 1; expected_calibration_error = sum (n_b / n) |gap|.

Edges that are not dyadic (0.1, 0.3, ...) are not exact in floating point, so random
cases keep p away from them; hand cases put p exactly on dyadic edges (0.25, 0.5)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

FIELDS = ["prob_true", "prob_pred", "counts"]
RIGHT_CLOSED = (
    "bins closed on the right (p on an edge went to the lower bin, scikit-learn's "
    "searchsorted default): bins are [e_b, e_b+1), only the last one includes 1"
)


def bins_of(p, n_bins, right_closed=False):
    """The bin of each p, comparing with the edges one by one."""
    edges = np.linspace(0.0, 1.0, n_bins + 1).tolist()
    out = []
    for v in np.ravel(p).tolist():
        for b in range(n_bins):
            lo, hi = edges[b], edges[b + 1]
            inside = (
                (lo < v <= hi or (b == 0 and v == 0))
                if right_closed
                else (lo <= v < hi or (b == n_bins - 1 and v == 1))
            )
            if inside:
                out.append(b)
                break
    return out


def curve_of(y_true, p, n_bins, right_closed=False, keep_empty=False):
    """(prob_true, prob_pred, counts) bin by bin in plain Python."""
    index = bins_of(p, n_bins, right_closed)
    ys, ps = np.ravel(y_true).tolist(), np.ravel(p).tolist()
    rows = []
    for b in range(n_bins):
        members = [i for i, j in enumerate(index) if j == b]
        if members:
            rows.append(
                (
                    math.fsum(ys[i] for i in members) / len(members),
                    math.fsum(ps[i] for i in members) / len(members),
                    len(members),
                )
            )
        elif keep_empty:
            rows.append((0.0, 0.0, 0))
    return [np.array([r[k] for r in rows], dtype=float) for k in range(3)]


def ece_of(curve, n):
    t, q, c = curve
    return math.fsum((c * np.abs(t - q)).tolist()) / n


def check_curve(kata, y_true, p, *args, expected=None):
    f = kata.calibration_curve
    called = describe_call(f, y_true, p, *args)
    result = fields(call(f, y_true, p, *args), FIELDS, "calibration_curve")
    n_bins = args[0] if args else 10
    want = curve_of(y_true, p, n_bins)
    if expected is not None:
        for w, e in zip(want, expected, strict=True):
            assert_close(w, e, what="the grader's own reference")
    wrong = curve_of(y_true, p, n_bins, right_closed=True)
    empty = curve_of(y_true, p, n_bins, keep_empty=True)
    for k, name in enumerate(FIELDS):
        mistakes = {"prob_true and prob_pred swapped": want[1 - k]} if k < 2 else {}
        if k == 2:
            mistakes["the fraction of samples per bin: counts are numbers of samples"] = want[
                2
            ] / len(np.ravel(p))
        if wrong[k].shape == want[k].shape:
            mistakes[RIGHT_CLOSED] = wrong[k]
        if len(np.atleast_1d(result[k])) == n_bins != len(want[k]):
            mistakes["empty bins kept: leave them out"] = empty[k]
        if len(np.atleast_1d(result[k])) != len(want[k]):
            fail(
                f"{called}: {name} has {len(np.atleast_1d(result[k]))} entries, expected "
                f"{len(want[k])}, one per non-empty bin"
                + (
                    " (empty bins must be left out)"
                    if len(np.atleast_1d(result[k])) == n_bins
                    else ""
                )
                + ("; " + RIGHT_CLOSED if len(np.atleast_1d(result[k])) == len(wrong[k]) else "")
            )
        assert_close(result[k], want[k], what=name, called=called, mistakes=mistakes)
    return want


def check_ece(kata, y_true, p, *args, expected=None):
    f = kata.expected_calibration_error
    called = describe_call(f, y_true, p, *args)
    result = call(f, y_true, p, *args)
    n_bins = args[0] if args else 10
    curve = curve_of(y_true, p, n_bins)
    n = len(np.ravel(p))
    want = ece_of(curve, n)
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")
    t, q, c = curve
    assert_close(
        result,
        want,
        what="the ECE",
        called=called,
        mistakes={
            "the unweighted mean over bins: weight each bin by its share of samples n_b / n": float(
                np.mean(np.abs(t - q))
            ),
            "squared gaps: the ECE weights |prob_true - prob_pred|": float(
                np.sum(c * (t - q) ** 2) / n
            ),
            "the gap of the whole sample, |mean(y) - mean(p)|: compare bin by bin": abs(
                float(np.mean(y_true)) - float(np.mean(p))
            ),
            RIGHT_CLOSED: ece_of(curve_of(y_true, p, n_bins, right_closed=True), n),
        },
    )
    return float(result)


def away_from_edges(rng, n, n_bins):
    """Uniform probabilities at least 1e-6 from every edge k / B."""
    p = rng.random(n)
    gap = np.abs(p * n_bins - np.round(p * n_bins))
    return np.where(gap < 1e-5, p + 3e-5 / n_bins, p).clip(0, 1)


@pytest.mark.points(2)
def test_calibration_curve_documented_example(kata):
    """Does the example give prob_true [0, 1], prob_pred [0.2, 0.7], counts [2, 3]
    (p = 0.5 on the edge belongs to the upper bin)?"""
    check_curve(
        kata,
        [0, 0, 1, 1, 1],
        [0.1, 0.3, 0.5, 0.6, 1.0],
        2,
        expected=[[0.0, 1.0], [0.2, 0.7], [2, 3]],
    )


def test_expected_calibration_error_documented_example(kata):
    """Does the example give 2/5 * 0.2 + 3/5 * 0.3 = 0.26?"""
    check_ece(kata, [0, 0, 1, 1, 1], [0.1, 0.3, 0.5, 0.6, 1.0], 2, expected=0.26)


@pytest.mark.points(3)
def test_calibration_curve_bins_are_left_closed(kata):
    """With B = 4, do 0 and 0.25, 0.5, 0.75 (dyadic edges) open their bins, and 1 close the last?

    Bins [0, 1/4), [1/4, 1/2), [1/2, 3/4), [3/4, 1]: 0 -> 0; 0.25 -> 1; 0.5 -> 2;
    0.75 and 1 -> 3.
    """
    check_curve(
        kata,
        [0, 1, 0, 1, 1],
        [0.0, 0.25, 0.5, 0.75, 1.0],
        4,
        expected=[[0, 1, 0, 1], [0, 0.25, 0.5, 0.875], [1, 1, 1, 2]],
    )


def test_calibration_curve_empty_bins_left_out(kata):
    """With p only in bins 1 and 8 of 10, are there exactly two entries?"""
    check_curve(
        kata,
        [1, 0, 1, 1],
        [0.15, 0.12, 0.85, 0.81],
        10,
        expected=[[0.5, 1.0], [0.135, 0.83], [2, 2]],
    )


def test_calibration_curve_one_bin(kata):
    """With one bin, is the curve the overall rate and the mean prediction?"""
    check_curve(kata, [0, 1, 1, 0], [0.0, 1.0, 0.5, 0.3], 1, expected=[[0.5], [0.45], [4]])


@pytest.mark.points(3)
@pytest.mark.parametrize("n_bins", [3, 5, 10, 17])
def test_calibration_curve_random_cases(kata, rng, n_bins):
    """Do random predictions (away from the non-dyadic edges) agree bin by bin?"""
    for n in [1, 30, 400]:
        p = away_from_edges(rng, n, n_bins)
        y = (rng.random(n) < p**1.5).astype(int)
        check_curve(kata, y, p, n_bins)
        check_ece(kata, y, p, n_bins)


def test_calibration_curve_default_has_ten_bins(kata, rng):
    """Called without n_bins, does it use 10 bins?"""
    p = away_from_edges(rng, 200, 10)
    check_curve(kata, (rng.random(200) < p).astype(int), p)


def test_expected_calibration_error_zero_when_calibrated(kata):
    """Is the ECE 0 when each bin's rate of positives equals its mean prediction?

    B = 4: two samples at p = 0 (both negative), two at 1/2 (one positive), two at 1
    (both positive).
    """
    value = check_ece(kata, [0, 1, 1, 1, 0, 0], [0.5, 0.5, 1.0, 1.0, 0.0, 0.0], 4, expected=0.0)
    if value != value or abs(value) > 1e-12:
        fail(f"the ECE of calibrated predictions should be 0, got {value!r}")


def test_expected_calibration_error_defaults_and_bounds(kata, rng):
    """With default bins, is the ECE within [0, 1], and 1 for certain-and-wrong predictions?"""
    check_ece(kata, [1, 0, 1], [0.0, 1.0, 0.0], expected=1.0)
    p = away_from_edges(rng, 100, 10)
    value = check_ece(kata, rng.integers(0, 2, size=100), p)
    if not 0 <= value <= 1:
        fail(f"the ECE {value} is outside [0, 1]")


def test_calibration_leaves_inputs_unchanged(kata, rng):
    """Are y_true and p left exactly as they were?"""
    p = away_from_edges(rng, 40, 5)
    y = rng.integers(0, 2, size=40)
    check_curve(kata, y, p, 5)
    check_ece(kata, y, p, 5)


BAD = [
    ([0, 2], [0.5, 0.5], 10, "a label 2 is not binary"),
    ([0, 1], [0.5, 1.2], 10, "p = 1.2 is not a probability"),
    ([0, 1], [-0.1, 0.5], 10, "p = -0.1 is not a probability"),
    ([0, 1, 1], [0.5, 0.5], 10, "y_true and p differ in length"),
    ([], [], 10, "empty input"),
    ([[0, 1]], [[0.5, 0.5]], 10, "2-D input"),
    ([0, 1], [0.2, 0.7], 0, "n_bins = 0"),
    ([0, 1], [0.2, 0.7], 2.5, "n_bins is not an integer"),
]
BAD_IDS = ["label-2", "p-above-1", "p-negative", "length", "empty", "2d", "bins-0", "bins-2.5"]


@pytest.mark.parametrize("y_true, p, n_bins, why", BAD, ids=BAD_IDS)
def test_calibration_curve_rejects_bad_input(kata, y_true, p, n_bins, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.calibration_curve, y_true, p, n_bins, why=why)


@pytest.mark.parametrize("y_true, p, n_bins, why", BAD, ids=BAD_IDS)
def test_expected_calibration_error_rejects_bad_input(kata, y_true, p, n_bins, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.expected_calibration_error, y_true, p, n_bins, why=why)
