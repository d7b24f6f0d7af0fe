"""Grader for statistics/bootstrap: bootstrap_ci(x, statistic, n_boot, confidence, rng)
-> Interval(low, high), the percentile bootstrap with the catalogue's protocol."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

# The protocol fixes every number, so the comparison is exact up to the last bits of the
# interpolation (a hand-written linear quantile may round differently from np.quantile).
EXACT = {"rtol": 1e-12, "atol": 1e-12}


def linear_quantile(values, p):
    """The linearly interpolated quantile, by hand: position p (B - 1) in sorted order."""
    ordered = sorted(values)
    position = p * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


def replicate(x, statistic, n_boot, seed):
    """The bootstrap statistics of the protocol, and the generator state after it."""
    x = np.asarray(x, dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, x.size, size=(n_boot, x.size))
    stats = [float(statistic(x[idx[b]])) for b in range(n_boot)]
    return stats, rng.bit_generator.state


class Recorder:
    """Wraps a statistic and records the shape of every argument it is called with."""

    def __init__(self, statistic):
        self.statistic = statistic
        self.shapes = []
        self.__name__ = getattr(statistic, "__name__", "statistic")

    def __call__(self, sample):
        self.shapes.append(np.shape(sample))
        return self.statistic(np.asarray(sample, dtype=float))


def check(kata, x, statistic, n_boot, confidence, seed=0):
    f = kata.bootstrap_ci
    rng = np.random.default_rng(seed)
    recorder = Recorder(statistic)
    called = describe_call(f, x, statistic, n_boot, confidence, "rng")
    result = call(f, x, recorder, n_boot, confidence, rng)
    low, high = fields(result, ["low", "high"], "bootstrap_ci")
    stats, state = replicate(x, statistic, n_boot, seed)
    n = np.asarray(x).size
    if len(recorder.shapes) != n_boot or any(s != (n,) for s in recorder.shapes):
        shapes = sorted(set(recorder.shapes))
        fail(
            f"{called}: statistic should be called {n_boot} times, once on each resample of "
            f"shape {(n,)}; it was called {len(recorder.shapes)} times with shapes {shapes}"
        )
    c = confidence
    want = [linear_quantile(stats, (1 - c) / 2), linear_quantile(stats, (1 + c) / 2)]
    q = np.quantile(stats, [1 - c, c, c / 2, 1 - c / 2])
    same_stat = float(statistic(np.asarray(x, dtype=float)))
    assert_close(
        [low, high],
        want,
        what="(low, high)",
        called=called,
        mistakes={
            "quantiles at 1 - c and c: each tail holds (1 - c) / 2": q[:2],
            "quantiles at c / 2 and 1 - c / 2: c is the confidence, not alpha": q[2:],
            "the statistic of x itself every time: evaluate it on each resample x[idx[b]]": [
                same_stat,
                same_stat,
            ],
            "the nearest-rank quantile: the protocol interpolates linearly": np.quantile(
                stats, [(1 - c) / 2, (1 + c) / 2], method="nearest"
            ),
        },
        **EXACT,
    )
    if rng.bit_generator.state != state:
        fail(
            f"{called}: the interval is right but rng was used differently from the protocol "
            "(one rng.integers(0, n, size=(n_boot, n)) call and nothing else)"
        )
    return float(low), float(high)


@pytest.mark.points(2)
def test_bootstrap_ci_documented_example(kata):
    """Does the docstring's example (seed 0, mean of [2, 4, 6, 8], 90%) give (3.5, 7)?"""
    result = check(kata, [2.0, 4.0, 6.0, 8.0], np.mean, 1000, 0.9, seed=0)
    assert_close(result, [3.5, 7.0], what="(low, high)")


def test_bootstrap_ci_single_resample(kata):
    """With n_boot = 1, are low and high both the statistic of the one resample?"""
    x = [1.0, 5.0, 2.0, 9.0, 3.0]
    low, high = check(kata, x, np.median, 1, 0.95, seed=3)
    idx = np.random.default_rng(3).integers(0, 5, size=(1, 5))
    value = float(np.median(np.asarray(x)[idx[0]]))
    assert_close([low, high], [value, value], what="(low, high)", **EXACT)


def test_bootstrap_ci_single_sample(kata):
    """With one sample, is every resample that sample, so the interval is [x0, x0]?"""
    low, high = check(kata, [4.25], np.mean, 50, 0.8, seed=1)
    assert_close([low, high], [4.25, 4.25], what="(low, high)", atol=0.0)


@pytest.mark.points(5)
@pytest.mark.parametrize(
    "statistic, n, n_boot, confidence",
    [
        (np.mean, 20, 500, 0.95),
        (np.median, 15, 301, 0.9),
        (lambda s: float(np.std(s)), 30, 200, 0.5),
        (np.max, 8, 1000, 0.99),
        (np.mean, 200, 50, 0.68),
    ],
    ids=["mean", "median", "std", "max", "mean-few-resamples"],
)
def test_bootstrap_ci_follows_the_protocol(kata, rng, statistic, n, n_boot, confidence):
    """With the same seed, is the interval exactly that of the stated protocol?"""
    x = rng.gamma(2.0, 1.5, size=n)
    seed = int(rng.integers(2**32))
    low, high = check(kata, x, statistic, n_boot, confidence, seed=seed)
    if not low <= high:
        fail(f"low = {low} > high = {high}")


def test_bootstrap_ci_wider_for_higher_confidence(kata, rng):
    """With the same seed, does 99% give an interval containing the 80% one?"""
    x = rng.normal(size=25)
    low80, high80 = check(kata, x, np.mean, 400, 0.8, seed=7)
    low99, high99 = check(kata, x, np.mean, 400, 0.99, seed=7)
    if not (low99 <= low80 <= high80 <= high99):
        fail(
            f"the 99% interval ({low99}, {high99}) does not contain the 80% one ({low80}, {high80})"
        )


def test_bootstrap_ci_leaves_input_unchanged(kata, rng):
    """Is x left exactly as it was?"""
    check(kata, rng.normal(size=12), np.mean, 100, 0.9, seed=11)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, n_boot, confidence, why",
    [
        ([], 100, 0.9, "x is empty"),
        ([[1.0, 2.0], [3.0, 4.0]], 100, 0.9, "x is 2-D, it must be 1-D"),
        ([1.0, 2.0], 0, 0.9, "n_boot = 0"),
        ([1.0, 2.0], 2.5, 0.9, "n_boot is not an integer"),
        ([1.0, 2.0], 100, 0.0, "confidence = 0"),
        ([1.0, 2.0], 100, 1.0, "confidence = 1"),
        ([1.0, 2.0], 100, 95, "confidence = 95: it is a fraction, 0.95"),
    ],
    ids=["empty", "2d", "n-boot-zero", "n-boot-fraction", "conf-0", "conf-1", "conf-percent"],
)
def test_bootstrap_ci_rejects_bad_input(kata, x, n_boot, confidence, why):
    """Does bad input raise ValueError with a message?"""
    rng = np.random.default_rng(0)
    expect_error(ValueError, kata.bootstrap_ci, x, np.mean, n_boot, confidence, rng, why=why)
