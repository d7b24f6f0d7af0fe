"""Grader for capstones/min_cost_threshold: min_cost_threshold(y_true, scores, cost_fn,
cost_fp) -> (t*, C(t*)), t* the largest of the cheapest among the scores and inf."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, field

NO_INF = "blocking nothing (t = inf) is a candidate too, and here it is the cheapest"
SMALLEST = "the smallest of the equally cheap thresholds: the kata asks for the largest"
STRICT = "blocked scores > t: a transaction scored exactly t is blocked (>= t)"
SWAPPED = "the costs are swapped: cost_fn is a missed fraud, cost_fp a blocked customer"
TIES = (
    "tied scores split: a threshold blocks every transaction with that score, so the "
    "cost is only defined after the whole tied run"
)
BAYES = (
    "the Bayes threshold c_FP / (c_FP + c_FN) holds for calibrated probabilities; the "
    "kata asks for the cheapest threshold on these scores"
)
TOTAL = "the total cost: the cost is per transaction (divide by n)"


def cost_at(y, s, t, cost_fn, cost_fp, strict=False):
    block = s > t if strict else s >= t
    return (cost_fn * np.sum((y == 1) & ~block) + cost_fp * np.sum((y == 0) & block)) / y.size


def sweep(y, s, cost_fn, cost_fp, strict=False, with_inf=True):
    """Every candidate, as (t, cost), ascending in t."""
    ts = sorted(set(s.tolist())) + ([math.inf] if with_inf else [])
    return [(t, cost_at(y, s, t, cost_fn, cost_fp, strict)) for t in ts]


def pick(pairs, largest=True):
    best = min(c for _, c in pairs)
    chosen = [t for t, c in pairs if c == best]
    return (max(chosen) if largest else min(chosen)), best


def split_ties(y, s, cost_fn, cost_fp):
    order = np.argsort(-s, kind="stable")
    yd = y[order]
    n, frauds = y.size, np.sum(y == 1)
    costs = (cost_fn * (frauds - np.cumsum(yd == 1)) + cost_fp * np.cumsum(yd == 0)) / n
    pairs = list(zip(s[order].tolist(), costs.tolist(), strict=True))
    pairs.append((math.inf, cost_fn * frauds / n))
    return pick(pairs)


def split_run(y, s, t, c, cost_fn, cost_fp):
    """Is c the cost of blocking part of the tied run at t (not C(t), but possible)?"""
    if math.isnan(t) or math.isnan(c) or np.sum(s == t) < 2:
        return False
    full, above = cost_at(y, s, t, cost_fn, cost_fp), cost_at(y, s, t, cost_fn, cost_fp, True)
    run = s == t  # blocking part of the run: any mix of its frauds (save) and customers
    low = above - cost_fn * np.sum(y[run] == 1) / y.size
    high = above + cost_fp * np.sum(y[run] == 0) / y.size
    return not math.isclose(c, full, rel_tol=1e-9) and low - 1e-12 <= c <= high + 1e-12


def check(kata, y_true, scores, cost_fn, cost_fp, expected=None):
    f = kata.min_cost_threshold
    called = describe_call(f, y_true, scores, cost_fn, cost_fp)
    result = call(f, y_true, scores, cost_fn, cost_fp)
    t = float(field(result, "threshold", 0, "min_cost_threshold"))
    c = float(field(result, "cost", 1, "min_cost_threshold"))
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    want_t, want_c = pick(sweep(y, s, cost_fn, cost_fp))
    if expected is not None:
        assert_close([want_t, want_c], expected, what="the grader's own reference")
    wrong = {
        NO_INF: pick(sweep(y, s, cost_fn, cost_fp, with_inf=False)),
        SMALLEST: pick(sweep(y, s, cost_fn, cost_fp), largest=False),
        STRICT: pick(sweep(y, s, cost_fn, cost_fp, strict=True)),
        SWAPPED: pick(sweep(y, s, cost_fp, cost_fn)),
        TIES: split_ties(y, s, cost_fn, cost_fp),
    }
    if cost_fn + cost_fp > 0:
        bayes = cost_fp / (cost_fp + cost_fn)
        wrong[BAYES] = (bayes, cost_at(y, s, bayes, cost_fn, cost_fp))
    threshold_mistakes = {k: v[0] for k, v in wrong.items() if v[0] != want_t}
    if not (t == want_t or math.isclose(t, want_t, rel_tol=1e-12)):
        named = [k for k, v in threshold_mistakes.items() if t == v or math.isclose(t, v)]
        if not named and split_run(y, s, t, c, cost_fn, cost_fp):
            named = [TIES]
        extra = f"\n  this is what you get from a known mistake: {named[0]}" if named else ""
        shown = cost_at(y, s, t, cost_fn, cost_fp) if not math.isnan(t) else math.nan
        fail(
            f"{called} returned threshold {t!r} (cost {shown:.6g} there), expected "
            f"{want_t!r} (cost {want_c:.6g})" + extra
        )
    if split_run(y, s, t, c, cost_fn, cost_fp):
        fail(f"{called} returned cost {c!r}, but C({t!r}) = {want_c!r}: {TIES}")
    assert_close(
        c,
        want_c,
        what="the cost at the threshold",
        called=called,
        mistakes={TOTAL: want_c * y.size} if want_c else None,
    )
    return t, c


@pytest.mark.points(2)
def test_min_cost_threshold_documented_example(kata):
    """Does the example give (0.5, 1.0), (0.9, 0.2) and (inf, 0.5)?"""
    y, s = [1, 0, 1, 0, 0], [0.9, 0.8, 0.5, 0.3, 0.1]
    check(kata, y, s, 100.0, 5.0, expected=[0.5, 1.0])
    check(kata, y, s, 1.0, 5.0, expected=[0.9, 0.2])
    check(kata, [0, 1], [0.9, 0.1], 1.0, 1.0, expected=[math.inf, 0.5])


@pytest.mark.points(2)
def test_min_cost_threshold_worked_by_hand(kata):
    """Blocking nothing wins, equal costs go to the larger threshold, ties block together.

    [0, 0, 1] at [0.9, 0.8, 0.1], c_FN = 1, c_FP = 1: inf costs 1/3, 0.9 costs 2/3,
    0.1 costs 2/3: block nothing. [1, 0, 1, 0] at [0.9, 0.7, 0.4, 0.2], c = 1, 1:
    0.9 costs 1/4 (a missed fraud), 0.4 costs 1/4 (a blocked customer): 0.9.
    [1, 0, 0] at [0.5, 0.5, 0.1] with c_FN = 3, c_FP = 2: 0.5 blocks both, 2/3;
    inf misses the fraud, 1: so 0.5, although blocking only the fraud would cost 0.
    """
    check(kata, [0, 0, 1], [0.9, 0.8, 0.1], 1.0, 1.0, expected=[math.inf, 1 / 3])
    check(kata, [1, 0, 1, 0], [0.9, 0.7, 0.4, 0.2], 1.0, 1.0, expected=[0.9, 0.25])
    check(kata, [1, 0, 0], [0.5, 0.5, 0.1], 3.0, 2.0, expected=[0.5, 2 / 3])


@pytest.mark.points(3)
@pytest.mark.parametrize("levels", [4, 20, None], ids=["4-levels", "20-levels", "continuous"])
def test_min_cost_threshold_matches_trying_every_threshold(kata, rng, levels):
    """Do random cases (tied when rounded) agree with trying every score and inf?"""
    for _ in range(12):
        n = int(rng.integers(1, 50))
        y = (rng.random(n) < 0.3).astype(int)
        s = rng.random(n) * 0.7 + 0.3 * y
        if levels:
            s = np.round(s * levels) / levels
        check(kata, y, s, float(rng.uniform(1, 50)), float(rng.uniform(0.5, 10)))


def test_min_cost_threshold_is_near_the_bayes_threshold_when_calibrated(kata):
    """With calibrated scores (y ~ Bernoulli(s)), is t* near c_FP / (c_FP + c_FN) = 0.2?"""
    g = np.random.default_rng(2026)
    s = np.round(g.random(20_000), 2)
    y = (g.random(20_000) < s).astype(int)
    t, _ = check(kata, y, s, 4.0, 1.0)
    if abs(t - 0.2) > 0.05:
        fail(f"with calibrated scores t* = {t}, far from the Bayes threshold 0.2")


def test_min_cost_threshold_edge_cases(kata):
    """One transaction; no frauds (inf, 0); all frauds; zero costs (inf, 0); all tied."""
    check(kata, [1], [0.3], 1.0, 1.0, expected=[0.3, 0.0])
    check(kata, [0, 0], [0.3, 0.6], 5.0, 1.0, expected=[math.inf, 0.0])
    check(kata, [1, 1], [0.3, 0.6], 5.0, 1.0, expected=[0.3, 0.0])
    check(kata, [1, 0], [0.3, 0.6], 0.0, 0.0, expected=[math.inf, 0.0])
    check(kata, [1, 0, 0], [2, 2, 2], 5.0, 1.0, expected=[2.0, 2 / 3])


def test_min_cost_threshold_leaves_its_inputs_unchanged(kata, rng):
    """Are y_true and scores left exactly as they were (no in-place sort)?"""
    y, s = rng.integers(0, 2, size=30), rng.random(30)
    check(kata, y, s, 5.0, 1.0)


@pytest.mark.timeout(5)
def test_min_cost_threshold_is_a_sweep_not_a_loop(kata, rng):
    """200 000 distinct scores: is it one sort and a sweep, not a cost per threshold?"""
    n = 200_000
    y = (rng.random(n) < 0.01).astype(int)
    s = rng.normal(size=n) + 3 * y
    f = kata.min_cost_threshold
    t, c = call(f, y, s, 100.0, 5.0)
    if not np.isfinite(c) or abs(c - cost_at(y, s, float(t), 100.0, 5.0)) > 1e-9:
        fail(f"the returned cost {c} is not the cost at the returned threshold {t}")
    order = np.argsort(-s)
    costs = (100.0 * (y.sum() - np.cumsum(y[order])) + 5.0 * np.cumsum(1 - y[order])) / n
    assert_close(c, min(costs.min(), 100.0 * y.sum() / n), what="the least cost")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        (([], [], 1.0, 1.0), "empty"),
        (([[1, 0]], [[0.2, 0.3]], 1.0, 1.0), "2-D"),
        (([1, 0], [0.2], 1.0, 1.0), "lengths differ"),
        (([1, -1], [0.2, 0.3], 1.0, 1.0), "label -1"),
        (([1, 0], [0.2, float("inf")], 1.0, 1.0), "an infinite score"),
        (([1, 0], [0.2, 0.3], -1.0, 1.0), "cost_fn < 0"),
        (([1, 0], [0.2, 0.3], 1.0, float("nan")), "cost_fp = nan"),
    ],
)
def test_min_cost_threshold_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.min_cost_threshold, *args, why=why)
