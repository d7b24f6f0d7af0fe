"""Grader for statistics/gaussian_mle: gaussian_mle(x) -> Gaussian1D(mean, variance)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fields


def check(kata, x, **tolerance):
    f = kata.gaussian_mle
    called = describe_call(f, x)
    result = call(f, x)
    mean, variance = fields(result, ["mean", "variance"], "gaussian_mle")
    values = np.asarray(x, dtype=float)
    n = values.size
    want_mean = math.fsum(values) / n
    want_variance = math.fsum((v - want_mean) ** 2 for v in values) / n
    assert_close(mean, want_mean, what="mean", called=called, **tolerance)
    unbiased = want_variance * n / (n - 1) if n > 1 else np.nan
    assert_close(
        variance,
        want_variance,
        what="variance",
        called=called,
        **tolerance,
        mistakes={
            "the unbiased divisor n - 1: the MLE divides by n": unbiased,
            "the standard deviation instead of the variance": math.sqrt(want_variance),
        },
    )
    return mean, variance


@pytest.mark.points(2)
def test_gaussian_mle_documented_example(kata):
    """Does [1, 2, 3, 6] give mean 3 and variance 3.5?"""
    mean, variance = check(kata, [1.0, 2.0, 3.0, 6.0])
    assert_close(variance, 3.5, what="variance")


@pytest.mark.points(2)
def test_gaussian_mle_hand_checked_case(kata):
    """Does [2, 4, 4, 4, 5, 5, 7, 9] give mean 5 and variance 4 exactly?"""
    mean, variance = check(kata, [2, 4, 4, 4, 5, 5, 7, 9])
    assert_close(mean, 5.0, what="mean")
    assert_close(variance, 4.0, what="variance")


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [2, 10, 1000])
def test_gaussian_mle_random_samples(kata, rng, n):
    """Do random samples match the definitions (sum / n and squared deviations / n)?"""
    check(kata, rng.normal(loc=3.0, scale=2.0, size=n))


def test_gaussian_mle_maximises_the_likelihood(kata, rng):
    """Is the log-likelihood at the estimates higher than at nearby parameters?"""
    x = rng.normal(-1.0, 0.5, size=40)
    mean, variance = (float(v) for v in call(kata.gaussian_mle, x))

    def log_likelihood(mu, var):
        return -0.5 * np.sum((x - mu) ** 2) / var - 0.5 * x.size * np.log(2 * np.pi * var)

    best = log_likelihood(mean, variance)
    for dmu, dvar in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)]:
        if not best >= log_likelihood(mean + dmu, variance + dvar):
            pytest.fail(
                f"moving (mean, variance) by ({dmu}, {dvar}) increases the "
                "likelihood: the estimates are not its maximum",
                pytrace=False,
            )


def test_gaussian_mle_single_sample_has_zero_variance(kata):
    """Does one sample give variance 0.0 (not nan from dividing by n - 1 = 0)?"""
    check(kata, [4.2], atol=0.0)


def test_gaussian_mle_large_offset_keeps_precision(kata, rng):
    """With values near 1e9 and spread 1, is the variance still accurate?

    The one-pass formula mean(x**2) - mean(x)**2 cancels catastrophically here.
    """
    check(kata, 1e9 + rng.standard_normal(100), rtol=1e-6)


def test_gaussian_mle_leaves_input_unchanged(kata, rng):
    """Is x left exactly as it was?"""
    check(kata, rng.standard_normal(25))


@pytest.mark.parametrize(
    "x, why",
    [([], "there are no samples"), ([[1.0, 2.0], [3.0, 4.0]], "x is 2-D, it must be 1-D")],
    ids=["empty", "2d"],
)
def test_gaussian_mle_rejects_bad_input(kata, x, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.gaussian_mle, x, why=why)
