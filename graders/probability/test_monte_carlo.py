"""Grader for probability/monte_carlo:
monte_carlo_mean(f, sample, n, rng) -> Estimate(value, standard_error).

Protocol: x = sample(rng, n), one call; SE = s / sqrt(n) with the n - 1 divisor.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

SEED = 20260808
# |estimate - truth| <= Z * (true SE): for a normal error, P(|Z| > 5.5) is about 4e-8,
# so a correct implementation fails with probability below 1e-7 (the seed is fixed).
Z = 5.5


def normal_sample(rng, n):
    return rng.standard_normal(n)


def uniform_sample(rng, n):
    return rng.random(n)


def check(kata, f, sample, n, seed, **tolerance):
    func = kata.monte_carlo_mean
    rng = np.random.default_rng(seed)
    called = describe_call(func, f, sample, n, rng)
    result = call(func, f, sample, n, rng)
    value, se = fields(result, ["value", "standard_error"], "monte_carlo_mean")
    y = np.asarray(f(sample(np.random.default_rng(seed), n)), dtype=float).tolist()
    mean = math.fsum(y) / n
    ss = math.fsum((v - mean) ** 2 for v in y)
    s = math.sqrt(ss / (n - 1))
    tol = {"rtol": 1e-10, "atol": 1e-12, **tolerance}
    assert_close(value, mean, what="value (the sample mean of f(x))", called=called, **tol)
    assert_close(
        se,
        s / math.sqrt(n),
        what="standard_error",
        called=called,
        mistakes={
            "the divisor n in s: the standard error uses the sample standard deviation "
            "with n - 1": math.sqrt(ss / n) / math.sqrt(n),
            "s / n: the standard error is s / sqrt(n)": s / n,
            "s itself: divide the standard deviation by sqrt(n)": s,
            "s² / sqrt(n): use the standard deviation, not the variance": s**2 / math.sqrt(n),
            "s² / n (the variance of the mean): take its square root": s**2 / n,
        },
        **tol,
    )
    return float(value), float(se)


@pytest.mark.points(2)
def test_monte_carlo_mean_documented_example(kata):
    """Do the values 1, 2, 3, 6 give mean 3 and SE sqrt(14/3) / 2?

    Squared deviations 4 + 1 + 0 + 9 = 14, s² = 14 / 3, SE = s / sqrt(4).
    """

    def fixed(rng, n):
        return np.array([1.0, 2.0, 3.0, 6.0])

    value, se = check(kata, lambda x: x, fixed, 4, 0)
    assert_close((value, se), (3.0, math.sqrt(14 / 3) / 2), what="(value, standard_error)")


@pytest.mark.points(2)
def test_monte_carlo_mean_hand_checked_case(kata):
    """Do two values 0 and 2 give mean 1 and SE 1 (s = sqrt(2), divided by sqrt(2))?"""

    def fixed(rng, n):
        return np.array([0.0, 1.0])

    value, se = check(kata, lambda x: 2 * x, fixed, 2, 0)
    assert_close((value, se), (1.0, 1.0), what="(value, standard_error)")


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [2, 10, 1000])
def test_monte_carlo_mean_follows_the_protocol(kata, rng, n):
    """Do random runs match fsum over f(sample(rng, n)) from the same seed?"""
    check(kata, np.exp, uniform_sample, n, int(rng.integers(2**32)))


def test_monte_carlo_mean_multivariate_samples(kata):
    """Do (n, 2) samples with f(x) = |x|² work (E = 2 for two standard normals)?"""

    def pairs(rng, n):
        return rng.standard_normal((n, 2))

    check(kata, lambda x: np.sum(x**2, axis=1), pairs, 500, 3)


@pytest.mark.points(3)
def test_monte_carlo_mean_estimates_the_expectation(kata):
    """Is E[exp(U)] = e - 1 within 5.5 true standard errors, and the SE right to 3%?

    Var exp(U) = (e² - 1)/2 - (e - 1)², so the true SE for n = 100 000 is known.
    """
    n = 100_000
    value, se = check(kata, np.exp, uniform_sample, n, SEED)
    truth = math.e - 1
    true_se = math.sqrt(((math.e**2 - 1) / 2 - truth**2) / n)
    if abs(value - truth) > Z * true_se:
        fail(
            f"the estimate {value!r} is {abs(value - truth) / true_se:.1f} standard errors "
            f"from E[exp(U)] = {truth!r}"
        )
    assert_close(se, true_se, rtol=0.03, what="standard_error against the true one")


def test_monte_carlo_mean_constant_function(kata):
    """Does a constant f give that constant with standard error 0?"""
    value, se = check(kata, lambda x: np.full(x.shape, 2.5), normal_sample, 50, 5)
    assert_close((value, se), (2.5, 0.0), what="(value, standard_error)")


@pytest.mark.parametrize(
    "n, why",
    [
        (1, "n = 1: the standard error needs n >= 2"),
        (0, "n = 0"),
        (-5, "n is negative"),
        (10.5, "n is not an integer"),
    ],
    ids=["one", "zero", "negative", "float"],
)
def test_monte_carlo_mean_rejects_bad_n(kata, n, why):
    """Does a bad n raise ValueError with a message?"""
    expect_error(
        ValueError,
        kata.monte_carlo_mean,
        np.exp,
        uniform_sample,
        n,
        np.random.default_rng(0),
        why=why,
    )


def test_monte_carlo_mean_rejects_f_of_wrong_length(kata):
    """Does an f that returns one value instead of n raise ValueError?"""
    expect_error(
        ValueError,
        kata.monte_carlo_mean,
        np.sum,
        uniform_sample,
        10,
        np.random.default_rng(0),
        why="f returned a single number, not one value per sample",
    )
