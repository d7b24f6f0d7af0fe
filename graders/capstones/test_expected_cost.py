"""Grader for capstones/expected_cost: expected_cost(y_true, scores, t, cost_fn, cost_fp)
-> (cost_fn · #missed frauds + cost_fp · #blocked customers) / n, blocking scores >= t."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

SWAPPED = "the costs are swapped: cost_fn is a missed fraud, cost_fp a blocked customer"
STRICT = "blocked scores > t: a transaction scored exactly t is blocked (>= t)"
TOTAL = "the total cost: the kata asks for the mean cost per transaction (divide by n)"
PER_FRAUD = "divided by the number of frauds: divide by all n transactions"
CAUGHT = "charged cost_fn for the frauds caught: the cost is for the frauds missed"
RATES = "added the miss rate and the false-alarm rate: weight each by its class's share of n"
PER_BLOCK = "divided by the number of blocked transactions: divide by all n"


def counts(y, s, t, strict=False):
    """(missed frauds, blocked customers, caught frauds, blocked) by plain Python loops."""
    missed = blocked_ok = caught = blocked = 0
    for label, score in zip(y.tolist(), s.tolist(), strict=True):
        block = score > t if strict else score >= t
        blocked += block
        if label == 1 and not block:
            missed += 1
        if label == 1 and block:
            caught += 1
        if label == 0 and block:
            blocked_ok += 1
    return missed, blocked_ok, caught, blocked


def check(kata, y_true, scores, t, cost_fn, cost_fp, expected=None):
    f = kata.expected_cost
    called = describe_call(f, y_true, scores, t, cost_fn, cost_fp)
    result = call(f, y_true, scores, t, cost_fn, cost_fp)
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    n = y.size
    fn, fp, tp, blocked = counts(y, s, t)
    want = (cost_fn * fn + cost_fp * fp) / n
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")
    sfn, sfp, _, _ = counts(y, s, t, strict=True)
    frauds = int(np.sum(y == 1))
    mistakes = {
        SWAPPED: (cost_fp * fn + cost_fn * fp) / n,
        STRICT: (cost_fn * sfn + cost_fp * sfp) / n,
        TOTAL: cost_fn * fn + cost_fp * fp,
        CAUGHT: (cost_fn * tp + cost_fp * fp) / n,
    }
    if frauds:
        mistakes[PER_FRAUD] = (cost_fn * fn + cost_fp * fp) / frauds
    if 0 < frauds < n:
        mistakes[RATES] = cost_fn * fn / frauds + cost_fp * fp / (n - frauds)
    if blocked:
        mistakes[PER_BLOCK] = (cost_fn * fn + cost_fp * fp) / blocked
    mistakes = {k: v for k, v in mistakes.items() if not math.isclose(v, want, abs_tol=1e-12)}
    if not isinstance(result, (float, int, np.floating, np.integer)):
        fail(f"{called} returned {type(result).__name__}: expected one number")
    assert_close(result, want, what="the cost per transaction", called=called, mistakes=mistakes)
    return float(result)


@pytest.mark.points(2)
def test_expected_cost_documented_example(kata):
    """Blocking at 0.8: one customer blocked (5) and one fraud missed (100), so 105 / 5 = 21;
    at 0.5: one customer blocked, 5 / 5 = 1."""
    y, s = [1, 0, 1, 0, 0], [0.9, 0.8, 0.5, 0.3, 0.1]
    check(kata, y, s, 0.8, 100.0, 5.0, expected=21.0)
    check(kata, y, s, 0.5, 100.0, 5.0, expected=1.0)


@pytest.mark.points(2)
def test_expected_cost_small_cases_worked_by_hand(kata):
    """Is a score equal to t blocked, and are the two costs charged to the right errors?

    [1, 0] at [0.5, 0.5], t = 0.5: both blocked, the customer costs 3: 3 / 2 = 1.5.
    [1, 1, 0] at [0.2, 0.7, 0.6], t = 0.65: fraud at 0.2 missed (10), the customer at 0.6
    passes: 10 / 3. t = inf blocks nothing: two frauds missed, 20 / 3. t = -inf blocks
    all: one customer, 3 / 3 = 1.
    """
    check(kata, [1, 0], [0.5, 0.5], 0.5, 10.0, 3.0, expected=1.5)
    check(kata, [1, 1, 0], [0.2, 0.7, 0.6], 0.65, 10.0, 3.0, expected=10 / 3)
    check(kata, [1, 1, 0], [0.2, 0.7, 0.6], math.inf, 10.0, 3.0, expected=20 / 3)
    check(kata, [1, 1, 0], [0.2, 0.7, 0.6], -math.inf, 10.0, 3.0, expected=1.0)


@pytest.mark.points(3)
@pytest.mark.parametrize("levels", [4, None], ids=["tied-scores", "continuous"])
def test_expected_cost_matches_an_independent_computation(kata, rng, levels):
    """Do random labels, scores (tied when rounded) and thresholds agree with counting?"""
    for _ in range(15):
        n = int(rng.integers(1, 60))
        y = (rng.random(n) < 0.3).astype(int)
        s = rng.random(n) * 0.6 + 0.4 * y
        if levels:
            s = np.round(s * levels) / levels
        t = float(rng.choice(s)) if rng.random() < 0.5 else float(rng.random())
        check(kata, y, s, t, float(rng.uniform(1, 200)), float(rng.uniform(0.5, 20)))


def test_expected_cost_is_the_confusion_matrix_weighted(kata, rng):
    """Does C(t) equal fraud rate · miss rate · cost_fn + legit rate · alarm rate · cost_fp?"""
    y = (rng.random(500) < 0.05).astype(int)
    s = rng.normal(size=500) + 2 * y
    for t in (-1.0, 0.5, 1.5, 3.0):
        got = check(kata, y, s, t, 50.0, 2.0)
        pi = np.mean(y)
        miss = np.mean(s[y == 1] < t)
        alarm = np.mean(s[y == 0] >= t)
        assert_close(got, pi * miss * 50.0 + (1 - pi) * alarm * 2.0, what="C(t)")


def test_expected_cost_edge_cases(kata):
    """Zero costs give 0; no frauds; only frauds; one transaction; integer scores."""
    check(kata, [1, 0, 1], [0.1, 0.9, 0.5], 0.5, 0.0, 0.0, expected=0.0)
    check(kata, [0, 0, 0], [0.1, 0.9, 0.5], 0.5, 100.0, 1.0, expected=2 / 3)
    check(kata, [1, 1], [0.1, 0.9], 0.5, 100.0, 1.0, expected=50.0)
    check(kata, [1], [3], 3, 7.0, 1.0, expected=0.0)


def test_expected_cost_leaves_its_inputs_unchanged(kata, rng):
    """Are y_true and scores left exactly as they were?"""
    y, s = rng.integers(0, 2, size=20), rng.random(20)
    check(kata, y, s, 0.5, 10.0, 1.0)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        (([], [], 0.5, 1.0, 1.0), "empty"),
        (([[1, 0]], [[0.2, 0.3]], 0.5, 1.0, 1.0), "2-D"),
        (([1, 0], [0.2], 0.5, 1.0, 1.0), "lengths differ"),
        (([1, 2], [0.2, 0.3], 0.5, 1.0, 1.0), "label 2"),
        (([1, 0], [0.2, float("nan")], 0.5, 1.0, 1.0), "a nan score"),
        (([1, 0], [0.2, float("inf")], 0.5, 1.0, 1.0), "an infinite score"),
        (([1, 0], [0.2, 0.3], float("nan"), 1.0, 1.0), "t = nan"),
        (([1, 0], [0.2, 0.3], 0.5, -1.0, 1.0), "cost_fn < 0"),
        (([1, 0], [0.2, 0.3], 0.5, 1.0, float("inf")), "cost_fp = inf"),
    ],
)
def test_expected_cost_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.expected_cost, *args, why=why)
