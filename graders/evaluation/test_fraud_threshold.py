"""Grader for evaluation/fraud_threshold: threshold_for_precision(y_true, scores, target)
-> the smallest observed score t with precision(scores >= t) >= target, else inf."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

STRICT = "flagged scores > t: the alerts are the scores >= t (t itself is flagged)"
LARGEST = "the LARGEST qualifying score: the kata asks for the smallest (catch the most fraud)"
MONOTONE = (
    "scanned down from the top and stopped at the first threshold that fails: precision "
    "is not monotone in t, so every observed score is a candidate"
)
EXCLUSIVE = "precision > target required: a precision equal to the target is enough (>=)"
TIES = (
    "tied scores split: a threshold at a score flags every sample with that score, "
    "so precision is only defined after the whole tied run"
)


def precision_at(y, s, t, strict=False):
    flagged = s > t if strict else s >= t
    return float(np.mean(y[flagged])) if flagged.any() else None


def qualifying(y, s, target, strict=False):
    out = []
    for t in np.unique(s).tolist():
        p = precision_at(y, s, t, strict)
        if p is not None and p >= target:
            out.append(t)
    return out


def from_the_top(y, s, target):
    best = math.inf
    for t in sorted(np.unique(s).tolist(), reverse=True):
        if precision_at(y, s, t) >= target:
            best = t
        else:
            break
    return best


def split_ties(y, s, target):
    order = np.argsort(-s, kind="stable")
    prec = np.cumsum(y[order]) / np.arange(1, s.size + 1)
    ok = s[order][prec >= target]
    return float(ok.min()) if ok.size else math.inf


def check(kata, y_true, scores, target, expected=None):
    f = kata.threshold_for_precision
    called = describe_call(f, y_true, scores, target)
    result = call(f, y_true, scores, target)
    y, s = np.asarray(y_true, dtype=float), np.asarray(scores, dtype=float)
    ok = qualifying(y, s, target)
    want = min(ok) if ok else math.inf
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")
    strict = qualifying(y, s, target, strict=True)
    above = qualifying(y, s, target + 1e-12 * target)
    mistakes = {
        STRICT: min(strict) if strict else math.inf,
        LARGEST: max(ok) if ok else math.inf,
        MONOTONE: from_the_top(y, s, target),
        TIES: split_ties(y, s, target),
        EXCLUSIVE: min(above) if above else math.inf,
    }
    mistakes = {k: v for k, v in mistakes.items() if v != want and math.isfinite(v)}
    if result is None or (isinstance(result, float) and math.isnan(result)):
        fail(f"{called} returned {result!r}: with no qualifying score, return math.inf")
    if float(result) != want:
        named = [k for k, v in mistakes.items() if float(result) == v]
        extra = f"\n  this is what you get from a known mistake: {named[0]}" if named else ""
        got_p = precision_at(y, s, float(result)) if math.isfinite(float(result)) else None
        fail(
            f"{called} returned {float(result)!r}, expected {want!r}"
            + (
                f" (flagging scores >= {float(result)!r} has precision {got_p:.6g})"
                if got_p is not None
                else ""
            )
            + extra
        )
    return float(result)


def away_from_achievable(target, n):
    """Nudge target so that no k / m (m <= n) is within 1e-9 of it."""
    while any(abs(k / m - target) < 1e-9 for m in range(1, n + 1) for k in range(m + 1)):
        target += 1e-7
    return target


@pytest.mark.points(2)
def test_threshold_for_precision_documented_example(kata):
    """Does the example give 0.3 for target 0.5, 0.7 for 0.6, 0.4 and inf for the others?"""
    y, s = [1, 0, 1, 0, 0, 0], [0.9, 0.8, 0.7, 0.3, 0.2, 0.1]
    check(kata, y, s, 0.5, expected=0.3)
    check(kata, y, s, 0.6, expected=0.7)
    check(kata, [0, 1, 1], [0.9, 0.5, 0.4], 0.6, expected=0.4)
    check(kata, [1, 0], [0.2, 0.9], 1.0, expected=math.inf)


@pytest.mark.points(2)
def test_threshold_for_precision_is_not_monotone(kata):
    """With precision 1 at 0.9, 1/2 at 0.8 and 2/3 at 0.7, does target 0.6 give 0.7, not 0.9?"""
    check(kata, [1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1], 0.6, expected=0.7)


@pytest.mark.points(2)
def test_threshold_for_precision_flags_ties_together(kata):
    """Is a tied run flagged together (at 0.5 the precision is 1/4, not 1/2 part-way)?

    [0, 1, 0, 0, 0] at [0.9, 0.5, 0.5, 0.5, 0.1]: precision 0 at 0.9, 1/4 at 0.5, 1/5 at
    0.1: nothing reaches 1/2. [1, 1, 0, 0, 1, 0] at [0.9, 0.8, 0.8, 0.8, 0.3, 0.1]:
    1, 2/4, 3/5, 3/6: only 0.9 reaches 0.7.
    """
    check(kata, [0, 1, 0, 0, 0], [0.9, 0.5, 0.5, 0.5, 0.1], 0.5, expected=math.inf)
    check(kata, [1, 1, 0, 0, 1, 0], [0.9, 0.8, 0.8, 0.8, 0.3, 0.1], 0.7, expected=0.9)


def test_threshold_for_precision_inclusive(kata):
    """Are scores equal to t flagged (>= t), and is precision exactly the target enough?"""
    check(kata, [1, 0, 0, 1, 0], [0.8, 0.6, 0.4, 0.4, 0.1], 0.5, expected=0.4)
    check(kata, [1, 1, 0, 1], [4.0, 3.0, 2.0, 1.0], 0.75, expected=1.0)


@pytest.mark.parametrize(
    "y_true, scores, target, expected",
    [
        ([0, 0, 0], [0.3, 0.2, 0.1], 0.1, math.inf),
        ([1, 1, 1], [0.3, 0.2, 0.1], 1.0, 0.1),
        ([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5], 0.5, 0.5),
        ([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5], 0.75, math.inf),
        ([0, 1], [-3.0, -7.0], 0.4, -7.0),
    ],
    ids=["no-positives", "all-positives", "all-tied", "all-tied-too-high", "negative-scores"],
)
def test_threshold_for_precision_edge_cases_by_hand(kata, y_true, scores, target, expected):
    """No positives: nothing qualifies (inf); all positives: the lowest score; all tied: one
    candidate with precision 1/2; [0, 1] at [-3, -7]: flagging both has precision 1/2."""
    check(kata, y_true, scores, target, expected=expected)


@pytest.mark.points(3)
@pytest.mark.parametrize("levels", [5, 20, None], ids=["5-levels", "20-levels", "continuous"])
def test_threshold_for_precision_random_cases(kata, rng, levels):
    """Do random scores (with ties when discretised) agree with trying every observed score?"""
    for _ in range(12):
        n = int(rng.integers(1, 40))
        y = rng.integers(0, 2, size=n)
        s = rng.normal(size=n) + 0.8 * y
        if levels is not None:
            s = np.round(s * levels / 4) / (levels / 4)
        target = away_from_achievable(float(rng.uniform(0.2, 1.0)), n)
        check(kata, y, s, target)


def test_threshold_for_precision_meets_the_target(kata, rng):
    """Does flagging scores >= the returned t really reach the target, and no lower score does?"""
    y = (rng.random(300) < 0.1).astype(int)
    s = np.round(rng.normal(size=300) + 1.5 * y, 2)
    target = 0.5
    t = check(kata, y, s, target)
    if math.isfinite(t):
        achieved = precision_at(y, s, t)
        if achieved < target:
            fail(f"flagging scores >= {t} has precision {achieved}, below {target}")


def test_threshold_for_precision_rises_with_the_target(kata, rng):
    """Does a higher target never give a lower threshold (fewer scores qualify)?"""
    y = rng.integers(0, 2, size=30)
    s = np.round(rng.normal(size=30) + y, 1)
    targets = [away_from_achievable(t, 30) for t in (0.3, 0.45, 0.6, 0.75, 0.9)]
    found = [check(kata, y, s, t) for t in targets]
    if any(b < a for a, b in zip(found[:-1], found[1:], strict=True)):
        fail(f"targets {targets} gave thresholds {found}: a higher target lowered it")


def test_threshold_for_precision_leaves_inputs_unchanged(kata, rng):
    """Are y_true and scores left exactly as they were (no in-place sort)?"""
    y, s = rng.integers(0, 2, size=25), rng.normal(size=25)
    check(kata, y, s, away_from_achievable(0.55, 25))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "y_true, scores, target, why",
    [
        ([0, 1], [0.1, 0.9], 0.0, "target = 0"),
        ([0, 1], [0.1, 0.9], 1.5, "target = 1.5"),
        ([0, 1], [0.1, 0.9], -0.5, "a negative target"),
        ([0, 2], [0.1, 0.9], 0.5, "a label 2"),
        ([0, 1, 1], [0.1, 0.9], 0.5, "y_true and scores differ in length"),
        ([], [], 0.5, "empty input"),
        ([[0, 1]], [[0.1, 0.9]], 0.5, "2-D input"),
        ([0, 1], [0.1, float("nan")], 0.5, "a nan score"),
    ],
    ids=[
        "target-0",
        "target-above-1",
        "target-negative",
        "label-2",
        "length",
        "empty",
        "2d",
        "nan",
    ],
)
def test_threshold_for_precision_rejects_bad_input(kata, y_true, scores, target, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.threshold_for_precision, y_true, scores, target, why=why)
