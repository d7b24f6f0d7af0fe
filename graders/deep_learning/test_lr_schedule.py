"""Grader for deep_learning/lr_schedule: warmup_cosine_lr(step, base_lr, warmup_steps,
total_steps, min_lr) -> float.

The whole schedule, every step from 0 to past total_steps, is compared with the
reference, written with ½(1 + cos πp) = cos²(πp/2); each known mistake's schedule is
computed and named.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

RTOL = 1e-12


def schedule(steps, base, w, S, low, mistake=""):
    out = []
    for s in steps:
        if s < w:
            start = low if mistake == "from_min" else 0.0
            k = s + 1 if mistake == "plus_one" else s
            out.append(start + (base - start) * k / w)
        elif s > S and mistake != "no_clamp":
            out.append(0.0 if mistake == "no_min" else low)
        else:
            span = S if mistake == "over_total" else S - w
            floor = 0.0 if mistake == "no_min" else low
            out.append(floor + (base - floor) * math.cos(math.pi * (s - w) / span / 2) ** 2)
    return np.array(out)


MISTAKES = {
    "plus_one": "the warm-up is base_lr·(step + 1)/warmup_steps: steps count from 0, so "
    "lr(0) = 0 and lr(warmup_steps) = base_lr",
    "over_total": "the cosine's progress is measured over total_steps: it runs over the "
    "total_steps − warmup_steps steps after the warm-up",
    "no_min": "min_lr is ignored: the cosine decays from base_lr to min_lr, and stays there",
    "no_clamp": "no clamp after total_steps (the cosine rises again): after total_steps "
    "the rate stays at min_lr",
    "from_min": "the warm-up starts from min_lr: it climbs linearly from 0",
}


def check(kata, base, w, S, low=None, extra=5, tol=RTOL):
    """Call the kata at every step 0 … S + extra and compare the schedule."""
    f = kata.warmup_cosine_lr
    steps = list(range(S + extra + 1))
    kwargs = {} if low is None else {"min_lr": low}
    got = []
    for s in steps:
        value = call(f, s, base, w, S, **kwargs)
        if not isinstance(value, (float, np.floating)) or np.ndim(value) != 0:
            fail(
                f"{describe_call(f, s, base, w, S, **kwargs)} should return a float, got {value!r}"
            )
        got.append(float(value))
    low = 0.0 if low is None else low
    called = describe_call(f, "step", base, w, S, **kwargs) + f" for step = 0 … {steps[-1]}"
    mistakes = {words: schedule(steps, base, w, S, low, key) for key, words in MISTAKES.items()}
    want = schedule(steps, base, w, S, low)
    assert_close(
        got, want, rtol=tol, atol=tol * base, what="the schedule", called=called, mistakes=mistakes
    )
    return np.array(got)


@pytest.mark.points(2)
def test_warmup_cosine_lr_documented_example(kata):
    """Does base 1, warm-up 2, total 6 give 0, 0.5, 1 (peak), 0.5 at step 4, 0 from step 6?"""
    lr = check(kata, 1.0, 2, 6)
    assert_close(lr[[0, 1, 2, 4, 6, 7]], [0.0, 0.5, 1.0, 0.5, 0.0, 0.0], what="lr")


@pytest.mark.points(2)
def test_warmup_cosine_lr_hand_checked_with_a_floor(kata):
    """With base 1, warm-up 10, total 110 and min_lr 0.1: lr(5) = 0.5, lr(60) = 0.55?

    The warm-up climbs from 0, not from 0.1: lr(5) = 5/10. Halfway through the cosine
    (step 60, progress 1/2), ½(1 + cos π/2) = 1/2: 0.1 + 0.9/2 = 0.55; lr(110) = 0.1.
    """
    lr = check(kata, 1.0, 10, 110, 0.1, extra=20)
    assert_close(lr[[0, 5, 10, 60, 110, 130]], [0.0, 0.5, 1.0, 0.55, 0.1, 0.1], what="lr")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "base, w, S, low",
    [(3e-4, 100, 1000, None), (0.1, 7, 50, 1e-3), (2.0, 1, 9, 0.5), (1e-3, 30, 31, 1e-4)],
    ids=["gpt-like", "floor", "one-step-warmup", "one-step-decay"],
)
def test_warmup_cosine_lr_whole_schedules(kata, base, w, S, low):
    """Do whole schedules match, including the phase boundaries and after the end?"""
    check(kata, base, w, S, low)


def test_warmup_cosine_lr_no_warmup(kata):
    """With warmup_steps = 0, does the cosine start at step 0 with lr(0) = base_lr?"""
    lr = check(kata, 0.5, 0, 20, 0.05)
    assert_close(lr[0], 0.5, what="lr(0)")


def test_warmup_cosine_lr_properties(kata, rng):
    """Random schedules: peak base_lr at warmup_steps, min_lr from total_steps on,
    increasing during warm-up and non-increasing after it?"""
    for _ in range(5):
        w = int(rng.integers(1, 20))
        S = w + int(rng.integers(1, 60))
        base = float(10 ** rng.uniform(-5, 0))
        low = float(base * rng.uniform(0, 0.5))
        lr = check(kata, base, w, S, low)
        assert_close([lr[w], lr[S], lr[-1]], [base, low, low], rtol=1e-12, what="boundaries")
        if np.any(np.diff(lr[: w + 1]) <= 0) or np.any(np.diff(lr[w:]) > 1e-15 * base):
            fail("the schedule should rise during the warm-up and never rise after it")


def test_warmup_cosine_lr_min_equal_to_base(kata):
    """With min_lr = base_lr, is the rate flat after the warm-up?"""
    lr = check(kata, 0.2, 4, 12, 0.2)
    assert_close(lr[4:], np.full(len(lr) - 4, 0.2), what="lr after the warm-up")


def test_warmup_cosine_lr_accepts_numpy_integers(kata):
    """Are NumPy integers accepted as step counts?"""
    f = kata.warmup_cosine_lr
    got = call(f, np.int64(5), 1.0, np.int64(10), np.int64(20))
    assert_close(got, 0.5, what="lr", called=describe_call(f, np.int64(5), 1.0, 10, 20))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        ((-1, 1.0, 2, 10), "step < 0"),
        ((1.5, 1.0, 2, 10), "a fractional step"),
        ((1, 1.0, 10, 10), "warmup_steps = total_steps"),
        ((1, 1.0, -1, 10), "warmup_steps < 0"),
        ((1, 1.0, 2.5, 10), "a fractional warmup_steps"),
        ((1, 1.0, 2, 10, 2.0), "min_lr > base_lr"),
        ((1, 1.0, 2, 10, -0.1), "min_lr < 0"),
    ],
    ids=[
        "step-negative",
        "step-float",
        "warmup-total",
        "warmup-negative",
        "warmup-float",
        "min-above-base",
        "min-negative",
    ],
)
def test_warmup_cosine_lr_rejects_bad_input(kata, args, why):
    """Do bad step counts and rates raise ValueError with a message?"""
    expect_error(ValueError, kata.warmup_cosine_lr, *args, why=why)
