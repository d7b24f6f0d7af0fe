"""Grader for statistics/beta_bernoulli: beta_bernoulli_posterior(x, a=1.0, b=1.0)
-> Beta(a, b, mean, mode) of the posterior."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

FIELDS = ("a", "b", "mean", "mode")
GRID = (np.arange(20000) + 0.5) / 20000  # midpoints of 20000 cells of (0, 1)


def grid_log_posterior(x, a, b):
    """log prior + log likelihood on GRID, the likelihood summed point by point."""
    log_t, log_1mt = np.log(GRID), np.log1p(-GRID)
    log_prior = (a - 1) * log_t + (b - 1) * log_1mt
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        return log_prior
    per_point = np.where(x[:, None] == 1, log_t[None, :], log_1mt[None, :])
    return log_prior + per_point.sum(axis=0)


def check(kata, x, *prior, grid=True):
    f = kata.beta_bernoulli_posterior
    called = describe_call(f, x, *prior)
    result = call(f, x, *prior)
    a_post, b_post, mean, mode = fields(result, FIELDS, "beta_bernoulli_posterior")
    a, b = prior if prior else (1.0, 1.0)
    values = np.asarray(x, dtype=float)
    n, k = values.size, math.fsum(values)
    want_a, want_b = a + k, b + n - k
    assert_close(
        [a_post, b_post],
        [want_a, want_b],
        what="the posterior (a, b)",
        called=called,
        mistakes={
            "successes added to b and failures to a: a counts the 1s": [a + n - k, b + k],
            "the prior returned unchanged: add the counts": [a, b],
        },
    )
    want_mean = want_a / (want_a + want_b)
    assert_close(
        mean,
        want_mean,
        what="the posterior mean",
        called=called,
        mistakes={
            "the mean of the prior, not of the posterior": a / (a + b),
            "the MLE k / n, which ignores the prior": k / n if n else np.nan,
            "the posterior mode instead of the mean": (want_a - 1) / (want_a + want_b - 2)
            if want_a + want_b != 2
            else np.nan,
        },
    )
    if want_a > 1 and want_b > 1:
        want_mode = (want_a - 1) / (want_a + want_b - 2)
        assert_close(
            mode,
            want_mode,
            what="the posterior mode",
            called=called,
            mistakes={
                "the mode of the prior, not of the posterior": (a - 1) / (a + b - 2)
                if a + b != 2
                else np.nan,
                "the posterior mean instead of the mode": want_mean,
            },
        )
    elif not np.isnan(float(mode)):
        fail(
            f"{called}: the posterior is Beta({want_a:g}, {want_b:g}); with a <= 1 or b <= 1 "
            f"it has no interior maximum and the mode must be nan, got {float(mode)!r}"
        )
    if grid:
        check_against_grid(called, x, a, b, float(a_post), float(b_post), float(mean), float(mode))
    return float(a_post), float(b_post), float(mean), float(mode)


def check_against_grid(called, x, a, b, a_post, b_post, mean, mode):
    """Compare with prior x likelihood evaluated by brute force on a grid of theta."""
    log_post = grid_log_posterior(x, a, b)
    log_beta = (a_post - 1) * np.log(GRID) + (b_post - 1) * np.log1p(-GRID)
    gap = log_post - log_beta
    if np.ptp(gap) > 1e-8 * max(1.0, float(np.abs(log_post).max())):
        fail(
            f"{called}: Beta({a_post:g}, {b_post:g}) is not proportional to prior x likelihood "
            f"computed on a grid of theta (their log-ratio varies by {np.ptp(gap):.3g})"
        )
    weights = np.exp(log_post - log_post.max())
    grid_mean = float(np.sum(GRID * weights) / np.sum(weights))
    # The midpoint rule is accurate to ~1e-9 for these smooth densities (a, b >= 2).
    assert_close(mean, grid_mean, what="the posterior mean (vs a grid posterior)", atol=1e-6)
    if a_post > 1 and b_post > 1:
        assert_close(
            mode, GRID[np.argmax(log_post)], what="the posterior mode (vs grid argmax)", atol=1e-4
        )


@pytest.mark.points(2)
def test_beta_bernoulli_posterior_documented_example(kata):
    """Does Beta(2, 2) after [1, 0, 1, 1] give Beta(5, 3), mean 5/8 and mode 2/3?"""
    _, _, mean, mode = check(kata, [1, 0, 1, 1], 2.0, 2.0)
    assert_close([mean, mode], [0.625, 2 / 3], what="(mean, mode)")


@pytest.mark.points(2)
def test_beta_bernoulli_posterior_no_data_is_the_prior(kata):
    """With no data, is Beta(2, 3) unchanged: mean 2/5, mode 1/3?"""
    result = check(kata, [], 2.0, 3.0)
    assert_close(result, [2.0, 3.0, 0.4, 1 / 3], what="(a, b, mean, mode)")


def test_beta_bernoulli_posterior_default_prior_is_uniform(kata):
    """With the default Beta(1, 1) and x = [1, 0, 0], is the posterior Beta(2, 3)?"""
    result = check(kata, [1, 0, 0])
    assert_close(result, [2.0, 3.0, 0.4, 1 / 3], what="(a, b, mean, mode)")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, a, b",
    [([1, 1, 1], 1.0, 1.0), ([], 1.0, 1.0), ([0, 0], 0.5, 0.5), ([1], 0.5, 3.0)],
    ids=["b-post-1", "uniform", "a-post-below-1", "a-post-1.5-b-post-3"],
)
def test_beta_bernoulli_posterior_mode_only_inside(kata, x, a, b):
    """Is the mode nan exactly when the posterior a <= 1 or b <= 1?

    All ones with the uniform prior give Beta(4, 1): the formula (a-1)/(a+b-2) = 1, but
    the catalogue defines the mode only when both parameters exceed 1.
    """
    check(kata, x, a, b, grid=False)


@pytest.mark.points(4)
@pytest.mark.parametrize("n, p", [(1, 0.5), (20, 0.3), (300, 0.8), (50, 0.02)])
def test_beta_bernoulli_posterior_random_data(kata, rng, n, p):
    """On random 0/1 data and priors, does the posterior match a grid posterior?"""
    x = (rng.random(n) < p).astype(int)
    a, b = rng.uniform(2.0, 6.0, size=2)
    check(kata, x, float(a), float(b))


def test_beta_bernoulli_posterior_accepts_booleans(kata, rng):
    """Are booleans (True = success) accepted as 0/1 data?"""
    x = rng.random(15) < 0.5
    check(kata, x, 2.0, 2.0)


def test_beta_bernoulli_posterior_leaves_input_unchanged(kata, rng):
    """Is x left exactly as it was?"""
    check(kata, rng.integers(0, 2, size=12).astype(float), 3.0, 2.0)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, a, b, why",
    [
        ([0, 1, 2], 1.0, 1.0, "the value 2 is not 0 or 1"),
        ([0.5, 1.0], 1.0, 1.0, "the value 0.5 is not 0 or 1"),
        ([[0, 1], [1, 1]], 1.0, 1.0, "x is 2-D, it must be 1-D"),
        ([0, 1], 0.0, 1.0, "a = 0: the prior needs a > 0"),
        ([0, 1], 1.0, -2.0, "b < 0: the prior needs b > 0"),
    ],
    ids=["two", "half", "2d", "a-zero", "b-negative"],
)
def test_beta_bernoulli_posterior_rejects_bad_input(kata, x, a, b, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.beta_bernoulli_posterior, x, a, b, why=why)
