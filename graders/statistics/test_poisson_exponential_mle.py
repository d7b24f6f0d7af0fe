"""Grader for statistics/poisson_exponential_mle: poisson_mle(counts) -> float and
exponential_mle(x) -> float, maximum-likelihood rates."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def check_poisson(kata, counts, **tolerance):
    f = kata.poisson_mle
    called = describe_call(f, counts)
    rate = call(f, counts)
    values = np.asarray(counts, dtype=float)
    n = values.size
    want = math.fsum(values) / n
    assert_close(
        rate,
        want,
        what="the rate",
        called=called,
        mistakes={
            "the variance of the counts instead of their mean": np.var(values),
            "divided by n - 1 instead of n": want * n / (n - 1) if n > 1 else np.nan,
        },
        **tolerance,
    )
    return float(rate)


def check_exponential(kata, x, **tolerance):
    f = kata.exponential_mle
    called = describe_call(f, x)
    rate = call(f, x)
    values = np.asarray(x, dtype=float)
    n = values.size
    total = math.fsum(values)
    want = n / total
    assert_close(
        rate,
        want,
        what="the rate",
        called=called,
        mistakes={
            "the mean waiting time (the scale 1/lambda) instead of the rate": total / n,
            "the unbiased (n - 1) / sum(x) instead of the MLE n / sum(x)": (n - 1) / total,
        },
        **tolerance,
    )
    return float(rate)


def poisson_log_likelihood(counts, rate):
    counts = np.asarray(counts, dtype=float)
    return float(np.sum(counts * np.log(rate) - rate))


def exponential_log_likelihood(x, rate):
    return float(np.sum(np.log(rate) - rate * np.asarray(x, dtype=float)))


@pytest.mark.points(2)
def test_poisson_mle_documented_example(kata):
    """Do the counts [2, 0, 3, 1, 4] give the rate 2?"""
    assert_close(check_poisson(kata, [2, 0, 3, 1, 4]), 2.0, what="the rate")


@pytest.mark.points(2)
def test_exponential_mle_documented_example(kata):
    """Do the waiting times [0.5, 1.5, 2] (mean 4/3) give the rate 3/4?"""
    assert_close(check_exponential(kata, [0.5, 1.5, 2.0]), 0.75, what="the rate")


def test_poisson_mle_all_zero_counts(kata):
    """Do counts that are all 0 give the rate 0.0 (a valid boundary estimate)?"""
    assert_close(check_poisson(kata, [0, 0, 0, 0]), 0.0, what="the rate", atol=0.0)


def test_poisson_mle_accepts_integral_floats(kata):
    """Are whole numbers stored as floats ([1.0, 4.0]) accepted as counts, giving 2.5?"""
    assert_close(check_poisson(kata, np.array([1.0, 4.0])), 2.5, what="the rate")


def test_exponential_mle_some_zero_times(kata):
    """Are some zero waiting times fine: [0, 0, 3] has mean 1, so the rate is 1?"""
    assert_close(check_exponential(kata, [0.0, 0.0, 3.0]), 1.0, what="the rate")


@pytest.mark.parametrize("scale", [1e-15, 1e12], ids=["1e-15", "1e12"])
def test_exponential_mle_tiny_and_huge_times(kata, rng, scale):
    """Waiting times of size 1e-15 or 1e12: is the rate n / sum(x) (1e15 or 1e-12 scale)?

    Only an all-zero x has no finite MLE: tiny waiting times are not zero.
    """
    x = rng.exponential(scale=2.0, size=6) * scale
    try:
        check_exponential(kata, x)
    except ValueError as exc:
        fail(
            f"{describe_call(kata.exponential_mle, x)} raised ValueError ({exc}): the "
            f"waiting times are of size {scale:g}, not zero; only an all-zero x is an "
            "error, not one whose sum is below an absolute threshold"
        )


@pytest.mark.points(2)
@pytest.mark.parametrize("n", [1, 7, 500])
def test_poisson_mle_random_counts(kata, rng, n):
    """On random Poisson counts, is the rate sum(k) / n?"""
    check_poisson(kata, rng.poisson(3.5, size=n))


@pytest.mark.points(2)
@pytest.mark.parametrize("n", [1, 7, 500])
def test_exponential_mle_random_times(kata, rng, n):
    """On random exponential waiting times, is the rate n / sum(x)?"""
    check_exponential(kata, rng.exponential(scale=2.0, size=n))


def test_poisson_mle_maximises_the_likelihood(kata, rng):
    """Is the Poisson log-likelihood lower on either side of the returned rate?"""
    counts = rng.poisson(2.0, size=30) + 1
    rate = check_poisson(kata, counts)
    best = poisson_log_likelihood(counts, rate)
    for step in (1.001, 0.999):
        if not best >= poisson_log_likelihood(counts, rate * step):
            fail(f"the rate {rate} times {step} has a higher likelihood: not the maximum")


def test_exponential_mle_maximises_the_likelihood(kata, rng):
    """Is the exponential log-likelihood lower on either side of the returned rate?"""
    x = rng.exponential(scale=0.5, size=30)
    rate = check_exponential(kata, x)
    best = exponential_log_likelihood(x, rate)
    for step in (1.001, 0.999):
        if not best >= exponential_log_likelihood(x, rate * step):
            fail(f"the rate {rate} times {step} has a higher likelihood: not the maximum")


def test_poisson_exponential_mle_leave_inputs_unchanged(kata, rng):
    """Are counts and x left exactly as they were?"""
    check_poisson(kata, rng.poisson(4.0, size=20).astype(float))
    check_exponential(kata, rng.exponential(size=20))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "counts, why",
    [
        ([1, -2, 3], "a negative count"),
        ([1.0, 2.5, 3.0], "a non-integer count"),
        ([], "there are no counts"),
        ([[1, 2], [3, 4]], "counts is 2-D, it must be 1-D"),
        ([1.0, np.nan], "a nan count"),
    ],
    ids=["negative", "non-integer", "empty", "2d", "nan"],
)
def test_poisson_mle_rejects_bad_input(kata, counts, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.poisson_mle, counts, why=why)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, why",
    [
        ([0.0, 0.0, 0.0], "x is all zero: the rate would be infinite"),
        ([1.0, -0.5, 2.0], "a negative waiting time"),
        ([], "there are no samples"),
        ([[1.0, 2.0], [3.0, 4.0]], "x is 2-D, it must be 1-D"),
    ],
    ids=["all-zero", "negative", "empty", "2d"],
)
def test_exponential_mle_rejects_bad_input(kata, x, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.exponential_mle, x, why=why)
