"""Grader for probability/moments: discrete_moments(values, probs) -> Moments(mean, variance)."""

from fractions import Fraction

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fields


def check(kata, values, probs, **tolerance):
    f = kata.discrete_moments
    called = describe_call(f, values, probs)
    result = call(f, values, probs)
    mean, variance = fields(result, ["mean", "variance"], "discrete_moments")
    # exact rational arithmetic on the float inputs
    x = [Fraction(float(v)) for v in np.asarray(values, dtype=float)]
    p = [Fraction(float(v)) for v in np.asarray(probs, dtype=float)]
    mu = sum(pi * xi for pi, xi in zip(p, x, strict=True))
    var = sum(pi * (xi - mu) ** 2 for pi, xi in zip(p, x, strict=True))
    k = len(x)
    plain_mean = sum(x) / k
    assert_close(
        mean,
        float(mu),
        what="mean",
        called=called,
        **tolerance,
        mistakes={
            "the unweighted mean of the values: weight each by its probability": float(plain_mean)
        },
    )
    assert_close(
        variance,
        float(var),
        what="variance",
        called=called,
        **tolerance,
        mistakes={
            "the standard deviation instead of the variance": float(var) ** 0.5,
            "the unweighted variance of the values: weight each by its probability": float(
                sum((xi - plain_mean) ** 2 for xi in x) / k
            ),
        },
    )
    return float(mean), float(variance)


@pytest.mark.points(2)
def test_discrete_moments_documented_example(kata):
    """Does a fair die give mean 3.5 and variance 35/12?"""
    mean, variance = check(kata, [1, 2, 3, 4, 5, 6], [1 / 6] * 6)
    assert_close(variance, 35 / 12, what="variance")


@pytest.mark.points(2)
def test_discrete_moments_hand_checked_cases(kata):
    """Do a Bernoulli(0.25) and a point mass give p, p(1 - p) and (x, 0)?

    Values (0, 1) with probs (0.75, 0.25): mean 0.25, variance 0.25 * 0.75 = 0.1875.
    """
    mean, variance = check(kata, [0.0, 1.0], [0.75, 0.25])
    assert_close((mean, variance), (0.25, 0.1875), what="(mean, variance)")
    mean, variance = check(kata, [-2.0, 7.0, 3.0], [0.0, 1.0, 0.0], atol=0.0)
    assert_close((mean, variance), (7.0, 0.0), what="(mean, variance)", atol=0.0)


@pytest.mark.points(3)
@pytest.mark.parametrize("k", [1, 5, 200])
def test_discrete_moments_random_cases(kata, rng, k):
    """Do random distributions match exact rational sums?"""
    check(kata, rng.normal(2.0, 3.0, size=k), rng.dirichlet(np.ones(k)))


def test_discrete_moments_large_offset_keeps_precision(kata, rng):
    """With values near 1e9 and spread 1, is the variance still accurate?

    E[X^2] - E[X]^2 subtracts two numbers near 1e18 whose difference is about 1: in
    float64 it loses every digit.
    """
    check(kata, 1e9 + rng.standard_normal(50), rng.dirichlet(np.ones(50)), rtol=1e-6)


def test_discrete_moments_leaves_inputs_unchanged(kata, rng):
    """Are values and probs left exactly as they were?"""
    values, probs = rng.normal(size=6), rng.dirichlet(np.ones(6))
    check(kata, values, probs)  # call() compares values and probs after the call


@pytest.mark.parametrize(
    "values, probs, why",
    [
        ([1.0, 2.0], [0.5, 0.6], "probs sum to 1.1"),
        ([1.0, 2.0], [0.5, 0.5 - 1e-8], "probs sum to 1 - 1e-8"),
        ([1.0, 2.0, 3.0], [1.2, -0.1, -0.1], "probs are negative somewhere"),
        ([1.0, 2.0], [0.2, 0.3, 0.5], "the shapes differ"),
        ([], [], "there are no values"),
        ([[1.0, 2.0]], [[0.5, 0.5]], "the inputs are 2-D"),
    ],
    ids=["sum_above", "sum_below", "negative", "shapes", "empty", "2d"],
)
def test_discrete_moments_rejects_bad_input(kata, values, probs, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.discrete_moments, values, probs, why=why)
