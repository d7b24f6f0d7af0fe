"""Grader for statistics/gaussian_mean_posterior: gaussian_mean_posterior(x, sigma2, mu0,
tau2) -> Gaussian1D(mean, variance), the posterior of a Gaussian mean."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fields


def grid_posterior(x, sigma2, mu0, tau2):
    """Mean and variance of prior x likelihood, evaluated by brute force on a grid of mu."""
    x = np.asarray(x, dtype=float)
    n = x.size
    centre = x.mean() if n else mu0
    spread = math.sqrt(min(tau2, sigma2 / n) if n else tau2)  # >= the posterior sd
    low, high = min(mu0, centre) - 12 * spread, max(mu0, centre) + 12 * spread
    mu = np.linspace(low, high, 20001)
    log_post = -((mu - mu0) ** 2) / (2 * tau2)
    for value in x:
        log_post -= (value - mu) ** 2 / (2 * sigma2)
    weights = np.exp(log_post - log_post.max())
    mean = np.sum(weights * mu) / np.sum(weights)
    variance = np.sum(weights * (mu - mean) ** 2) / np.sum(weights)
    return float(mean), float(variance)


def check(kata, x, sigma2, mu0, tau2, grid=True):
    f = kata.gaussian_mean_posterior
    called = describe_call(f, x, sigma2, mu0, tau2)
    result = call(f, x, sigma2, mu0, tau2)
    mean, variance = fields(result, ["mean", "variance"], "gaussian_mean_posterior")
    values = np.asarray(x, dtype=float)
    n = values.size
    xbar = math.fsum(values) / n if n else mu0
    # The same posterior written as a weighted average (a different formula).
    want_variance = sigma2 * tau2 / (sigma2 + n * tau2)
    want_mean = (sigma2 * mu0 + n * tau2 * xbar) / (sigma2 + n * tau2)
    assert_close(
        variance,
        want_variance,
        what="the posterior variance",
        called=called,
        mistakes={
            "variances added (tau2 + sigma2 / n) instead of precisions (1/tau2 + n/sigma2)": tau2
            + sigma2 / max(n, 1),
            "variances added (tau2 + sigma2) instead of precisions": tau2 + sigma2,
            "n forgotten: each observation adds 1/sigma2 to the precision": 1
            / (1 / tau2 + 1 / sigma2),
            "the prior variance returned unchanged": tau2,
        },
    )
    assert_close(
        mean,
        want_mean,
        what="the posterior mean",
        called=called,
        mistakes={
            "the sample mean: the prior was ignored": xbar,
            "the prior mean: the data was ignored": mu0,
            "the plain average of mu0 and the sample mean, not precision-weighted": (mu0 + xbar)
            / 2,
            "the weights swapped: mu0 must be weighted by 1/tau2, the data by n/sigma2": (
                n * tau2 * mu0 + sigma2 * xbar
            )
            / (sigma2 + n * tau2),
        },
    )
    if grid:
        grid_mean, grid_variance = grid_posterior(values, sigma2, mu0, tau2)
        assert_close(
            mean,
            grid_mean,
            what="the posterior mean (vs a grid posterior)",
            called=called,
            rtol=1e-6,
            atol=1e-6 * math.sqrt(grid_variance),
        )
        assert_close(
            variance,
            grid_variance,
            what="the posterior variance (vs a grid posterior)",
            called=called,
            rtol=1e-5,
        )
    return float(mean), float(variance)


@pytest.mark.points(2)
def test_gaussian_mean_posterior_documented_example(kata):
    """Do x = [1, 3], sigma2 = 2 and the prior N(0, 1) give N(1, 0.5)?"""
    result = check(kata, [1.0, 3.0], 2.0, 0.0, 1.0)
    assert_close(result, [1.0, 0.5], what="(mean, variance)")


@pytest.mark.points(2)
def test_gaussian_mean_posterior_hand_checked_case(kata):
    """Do x = [4], sigma2 = 1 and the prior N(0, 1) give N(2, 1/2)?

    Equal precisions 1 and 1: the mean is halfway between 0 and 4, the precision is 2.
    """
    result = check(kata, [4.0], 1.0, 0.0, 1.0)
    assert_close(result, [2.0, 0.5], what="(mean, variance)")


def test_gaussian_mean_posterior_no_data_is_the_prior(kata):
    """With no observations, is the posterior the prior N(mu0, tau2) = N(-1.5, 4)?"""
    result = check(kata, [], 2.0, -1.5, 4.0)
    assert_close(result, [-1.5, 4.0], what="(mean, variance)")


@pytest.mark.points(4)
@pytest.mark.parametrize(
    "n, sigma2, mu0, tau2", [(1, 1.0, 0.0, 1.0), (10, 4.0, 2.0, 0.5), (100, 0.25, -3.0, 9.0)]
)
def test_gaussian_mean_posterior_random_data(kata, rng, n, sigma2, mu0, tau2):
    """On random data, does the posterior match the closed form and a grid posterior?"""
    mu = rng.normal(mu0, math.sqrt(tau2))
    x = rng.normal(mu, math.sqrt(sigma2), size=n)
    check(kata, x, sigma2, mu0, tau2)


def test_gaussian_mean_posterior_weak_and_strong_priors(kata, rng):
    """Does a very wide prior give about the sample mean, and a very narrow one about mu0?"""
    x = rng.normal(5.0, 1.0, size=20)
    mean, _ = check(kata, x, 1.0, 0.0, 1e8, grid=False)
    assert_close(mean, x.mean(), what="the mean under a flat prior", rtol=1e-6)
    mean, _ = check(kata, x, 1.0, 0.0, 1e-10, grid=False)
    assert_close(mean, 0.0, what="the mean under a point-mass prior", atol=1e-6)


def test_gaussian_mean_posterior_leaves_input_unchanged(kata, rng):
    """Is x left exactly as it was?"""
    check(kata, rng.normal(size=15), 1.0, 0.0, 2.0, grid=False)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, sigma2, mu0, tau2, why",
    [
        ([1.0, 2.0], 0.0, 0.0, 1.0, "sigma2 = 0: the noise variance must be > 0"),
        ([1.0, 2.0], 1.0, 0.0, -1.0, "tau2 < 0: the prior variance must be > 0"),
        ([[1.0, 2.0]], 1.0, 0.0, 1.0, "x is 2-D, it must be 1-D"),
        ([1.0, np.nan], 1.0, 0.0, 1.0, "x contains nan"),
    ],
    ids=["sigma2-zero", "tau2-negative", "2d", "nan"],
)
def test_gaussian_mean_posterior_rejects_bad_input(kata, x, sigma2, mu0, tau2, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.gaussian_mean_posterior, x, sigma2, mu0, tau2, why=why)
