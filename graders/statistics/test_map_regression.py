"""Grader for statistics/map_regression: map_linear_regression(X, y, sigma2, tau2) -> w,
the MAP weights under a Gaussian prior (ridge with lambda = sigma2 / tau2)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def augmented_least_squares(X, y, lam):
    """argmin ||y - Xw||^2 + lam ||w||^2 as ordinary least squares on stacked rows."""
    d = X.shape[1]
    A = np.vstack([X, math.sqrt(lam) * np.eye(d)])
    b = np.concatenate([y, np.zeros(d)])
    return np.linalg.lstsq(A, b, rcond=None)[0]


def check(kata, X, y, sigma2, tau2, **tolerance):
    f = kata.map_linear_regression
    called = describe_call(f, X, y, sigma2, tau2)
    w = call(f, X, y, sigma2, tau2)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    lam = sigma2 / tau2
    want = augmented_least_squares(X, y, lam)
    mistakes = {
        "lambda = tau2 / sigma2: the ratio is upside down (lambda = sigma2 / tau2)": (
            augmented_least_squares(X, y, tau2 / sigma2)
        ),
        "lambda = 1 / tau2: the noise variance sigma2 is missing": augmented_least_squares(
            X, y, 1 / tau2
        ),
        "lambda = sigma2 * tau2 (lambda = sigma2 / tau2)": augmented_least_squares(
            X, y, sigma2 * tau2
        ),
        "lambda added to every entry of X^T X instead of its diagonal (lambda * I)": (
            np.linalg.lstsq(X.T @ X + lam, X.T @ y, rcond=None)[0]
        ),
    }
    if n > d:
        mistakes["the prior was ignored (ordinary least squares)"] = np.linalg.lstsq(
            X, y, rcond=None
        )[0]
    assert_close(w, want, what="w", called=called, mistakes=mistakes, **tolerance)
    # The MAP point is where the gradient of the negative log-posterior vanishes.
    w = np.asarray(w, dtype=float)
    gradient = X.T @ (X @ w - y) / sigma2 + w / tau2
    scale = (np.abs(X.T) @ np.abs(y) / sigma2).max() + 1.0
    if np.abs(gradient).max() > 1e-7 * scale:
        fail(
            f"{called}: the gradient of the negative log-posterior at w is not zero "
            f"(largest entry {np.abs(gradient).max():.3g}): w is not the MAP estimate"
        )
    return w


@pytest.mark.points(2)
def test_map_linear_regression_documented_example(kata):
    """Does the docstring's 3 x 2 problem with sigma2 = tau2 = 1 give [7/8, 11/8]?"""
    w = check(kata, [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [1.0, 2.0, 3.0], 1.0, 1.0)
    assert_close(w, [0.875, 1.375], what="w")


@pytest.mark.points(2)
def test_map_linear_regression_one_feature(kata):
    """With one feature x = [1, 2], y = [2, 4], sigma2 = 2, tau2 = 1, is w = 10 / (5 + 2)?

    Then lambda = 2 and w = sum(x y) / (sum(x^2) + lambda) = 10 / 7.
    """
    w = check(kata, [[1.0], [2.0]], [2.0, 4.0], 2.0, 1.0)
    assert_close(w, [10 / 7], what="w")


@pytest.mark.points(4)
@pytest.mark.parametrize(
    "n, d, sigma2, tau2",
    [
        (50, 3, 1.0, 1.0),
        (30, 5, 0.5, 4.0),
        (10, 25, 2.0, 0.3),
        (6, 6, 1.0, 1.0),
        (200, 8, 0.1, 0.01),
    ],
)
def test_map_linear_regression_random_problems(kata, rng, n, d, sigma2, tau2):
    """On random problems (also d > n), is w the minimiser of the negative log-posterior?"""
    X = rng.standard_normal((n, d))
    w_true = rng.normal(0.0, math.sqrt(tau2), size=d)
    y = X @ w_true + rng.normal(0.0, math.sqrt(sigma2), size=n)
    check(kata, X, y, sigma2, tau2)


def test_map_linear_regression_prior_strength(kata, rng):
    """Does a very wide prior give about OLS, and a very narrow one about zero?"""
    X = rng.standard_normal((40, 3))
    y = X @ [1.0, -2.0, 0.5] + 0.1 * rng.standard_normal(40)
    w = check(kata, X, y, 1.0, 1e6)
    assert_close(w, np.linalg.lstsq(X, y, rcond=None)[0], what="w under a flat prior", rtol=1e-5)
    w = check(kata, X, y, 1.0, 1e-12)
    assert_close(w, np.zeros(3), what="w under a point-mass prior at 0", atol=1e-8)


def test_map_linear_regression_only_the_ratio_matters(kata, rng):
    """Do (sigma2, tau2) = (1, 2) and (3, 6) give the same w (lambda = 0.5 both times)?"""
    X = rng.standard_normal((20, 4))
    y = rng.standard_normal(20)
    w1 = check(kata, X, y, 1.0, 2.0)
    w2 = check(kata, X, y, 3.0, 6.0)
    assert_close(w2, w1, what="w with sigma2 and tau2 both tripled")


def test_map_linear_regression_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were?"""
    check(kata, rng.standard_normal((15, 3)), rng.standard_normal(15), 1.0, 1.0)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, sigma2, tau2, why",
    [
        ([1.0, 2.0], [1.0, 2.0], 1.0, 1.0, "X is 1-D, it must be 2-D"),
        ([[1.0], [2.0]], [[1.0], [2.0]], 1.0, 1.0, "y is 2-D, it must be 1-D"),
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], 1.0, 1.0, "X has 2 rows but y has 3 entries"),
        (np.empty((0, 2)), np.empty(0), 1.0, 1.0, "there are no samples"),
        ([[1.0], [2.0]], [1.0, 2.0], 0.0, 1.0, "sigma2 = 0"),
        ([[1.0], [2.0]], [1.0, 2.0], 1.0, -1.0, "tau2 < 0"),
    ],
    ids=["X-1d", "y-2d", "length-mismatch", "empty", "sigma2-zero", "tau2-negative"],
)
def test_map_linear_regression_rejects_bad_input(kata, X, y, sigma2, tau2, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.map_linear_regression, X, y, sigma2, tau2, why=why)
