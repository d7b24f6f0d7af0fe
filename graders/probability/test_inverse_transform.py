"""Grader for probability/inverse_transform: exponential_inverse_cdf(u, rate) -> x."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

# Kolmogorov-Smirnov with the Dvoretzky-Kiefer-Wolfowitz threshold: for n samples of a
# continuous law, P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2); we take that to be 1e-7.
FALSE_FAILURE = 1e-7
SEED = 20260611


def quantile(v, rate):
    return math.inf if v == 1.0 else -math.log1p(-v) / rate


def check(kata, u, rate, **tolerance):
    f = kata.exponential_inverse_cdf
    called = describe_call(f, u, rate)
    result = call(f, u, rate)
    a = np.asarray(u, dtype=float)
    want = np.vectorize(lambda v: quantile(v, rate), otypes=[float])(a)
    with np.errstate(all="ignore"):
        mistakes = {
            "multiplied by the rate: x = -ln(1 - u) / rate (the mean is 1/rate)": want * rate**2,
            "ln(u) instead of ln(1 - u): follow the formula, F⁻¹(u) = -ln(1 - u) / rate": -np.log(a)
            / rate,
            "the minus sign is missing: ln(1 - u) is negative, x must not be": -want,
        }
    assert_close(result, want, what="F⁻¹(u)", called=called, mistakes=mistakes, **tolerance)
    return np.asarray(result, dtype=float)


@pytest.mark.points(2)
def test_exponential_inverse_cdf_documented_example(kata):
    """With rate 2, do u = 0, 1/2, 1 - e^-2, 1 give 0, ln 2 / 2, 1, inf?"""
    x = check(kata, [0.0, 0.5, 1 - math.exp(-2.0), 1.0], 2.0)
    assert_close(x, [0.0, math.log(2) / 2, 1.0, math.inf], what="F⁻¹(u)")


@pytest.mark.points(2)
def test_exponential_inverse_cdf_hand_checked_cases(kata):
    """With rate 0.5 (mean 2), is the median 2 ln 2 and F⁻¹(1 - e^-1) = 2?"""
    x = check(kata, [0.5, 1 - math.exp(-1.0)], 0.5)
    assert_close(x, [2 * math.log(2), 2.0], what="F⁻¹(u)")


@pytest.mark.points(2)
@pytest.mark.parametrize("rate", [0.1, 1.0, 7.5])
def test_exponential_inverse_cdf_random_cases(kata, rng, rate):
    """Does F(F⁻¹(u)) = 1 - exp(-rate x) give back u for random u?"""
    u = rng.random(200)
    x = check(kata, u, rate)
    assert_close(-np.expm1(-rate * x), u, what="F(F⁻¹(u))")


def test_exponential_inverse_cdf_scalar_and_shape(kata, rng):
    """Does a scalar u give a scalar, and a (3, 4) array a (3, 4) array?"""
    x = check(kata, 0.25, 3.0)
    assert_close(np.shape(x), (), what="the shape for a scalar u")
    x = check(kata, rng.random((3, 4)), 3.0)
    assert_close(x.shape, (3, 4), what="the shape for a (3, 4) u")


def test_exponential_inverse_cdf_small_u(kata):
    """For u = 1e-12, is x close to u / rate, positive and finite?

    The contract's formula -ln(1 - u) / rate, written literally, loses about four digits
    here (1 - 1e-12 rounds in float64), and that is accepted: rtol 1e-3. np.log1p(-u)
    keeps full precision (see the hints), and a sign or rate mistake is far outside.
    """
    x = check(kata, [1e-12], 4.0, rtol=1e-3, atol=0.0)
    assert_close(x, [0.25e-12], rtol=1e-3, atol=0.0, what="F⁻¹(u)")


@pytest.mark.points(3)
def test_exponential_inverse_cdf_gives_exponential_samples(kata):
    """Are F⁻¹ of 20 000 uniforms exponential with rate 1.5 (KS, DKW threshold)?"""
    rate = 1.5
    u = np.random.default_rng(SEED).random(20_000)
    x = np.sort(check(kata, u, rate))
    n = x.size
    F = -np.expm1(-rate * x)
    distance = float(max((np.arange(1, n + 1) / n - F).max(), (F - np.arange(n) / n).max()))
    threshold = math.sqrt(math.log(2 / FALSE_FAILURE) / (2 * n))
    if distance > threshold:
        fail(
            f"the samples are not exponential(rate={rate}): the empirical CDF is "
            f"{distance:.4f} away from 1 - exp(-rate x) (at most {threshold:.4f} expected)"
        )
    assert_close(x.mean(), 1 / rate, rtol=0.05, what="the sample mean (1/rate)")


def test_exponential_inverse_cdf_leaves_input_unchanged(kata, rng):
    """Is u left exactly as it was?"""
    u = rng.random(10)
    check(kata, u, 2.0)  # call() compares u after the call


@pytest.mark.parametrize(
    "u, rate, why",
    [
        ([0.5, 1.5], 1.0, "u = 1.5 is above 1"),
        ([-0.1], 1.0, "u is negative"),
        ([float("nan")], 1.0, "u is nan"),
        ([0.5], 0.0, "rate = 0"),
        ([0.5], -2.0, "rate is negative"),
    ],
    ids=["u_above", "u_negative", "u_nan", "rate_zero", "rate_negative"],
)
def test_exponential_inverse_cdf_rejects_bad_input(kata, u, rate, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.exponential_inverse_cdf, u, rate, why=why)
