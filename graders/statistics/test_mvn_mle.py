"""Grader for statistics/mvn_mle: multivariate_gaussian_mle(X) -> Gaussian(mean, cov)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields


def reference(X):
    """Mean and covariance entry by entry, with exactly rounded sums (divisor n)."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    mean = np.array([math.fsum(X[:, j]) / n for j in range(d)])
    dev = X - mean
    cov = np.array([[math.fsum(dev[:, j] * dev[:, k]) / n for k in range(d)] for j in range(d)])
    return mean, cov


def check(kata, X, **tolerance):
    f = kata.multivariate_gaussian_mle
    called = describe_call(f, X)
    result = call(f, X)
    mean, cov = fields(result, ["mean", "cov"], "multivariate_gaussian_mle")
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    want_mean, want_cov = reference(X)
    assert_close(mean, want_mean, what="mean", called=called, **tolerance)
    cov = np.asarray(cov, dtype=float)
    if cov.shape == (n, n) and n != d:
        fail(
            f"{called}: cov has shape {(n, n)}, expected {(d, d)}: that is X X^T "
            "(samples x samples); the covariance is Xc^T Xc / n (features x features)"
        )
    mistakes = {
        "the unbiased divisor n - 1: the MLE divides by n": want_cov * n / (n - 1)
        if n > 1
        else np.full((d, d), np.nan),
        "the data was not centred: X^T X / n is not the covariance": X.T @ X / n,
        "every column centred on the mean of the whole matrix: subtract each column's own "
        "mean (X.mean(axis=0))": (X - X.mean()).T @ (X - X.mean()) / n,
    }
    if n == d:
        centred = X - want_mean
        mistakes["X X^T instead of X^T X (samples x samples)"] = centred @ centred.T / n
    assert_close(cov, want_cov, what="cov", called=called, mistakes=mistakes, **tolerance)
    return mean, cov


@pytest.mark.points(2)
def test_multivariate_gaussian_mle_documented_example(kata):
    """Do the corners of the square [0, 2]^2 give mean [1, 1] and covariance I?"""
    mean, cov = check(kata, [[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [2.0, 2.0]])
    assert_close(cov, np.eye(2), what="cov")


@pytest.mark.points(2)
def test_multivariate_gaussian_mle_hand_checked_line(kata):
    """Do (1, 2), (2, 4), (3, 6) give mean (2, 4) and covariance [[2/3, 4/3], [4/3, 8/3]]?

    Deviations are -1, 0, 1 times (1, 2); their outer products sum to 2 [[1, 2], [2, 4]],
    divided by n = 3.
    """
    mean, cov = check(kata, [[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
    assert_close(mean, [2.0, 4.0], what="mean")
    assert_close(cov, [[2 / 3, 4 / 3], [4 / 3, 8 / 3]], what="cov")


@pytest.mark.points(4)
@pytest.mark.parametrize("n, d", [(50, 3), (4, 4), (200, 6), (5, 8), (30, 1)])
def test_multivariate_gaussian_mle_random_data(kata, rng, n, d):
    """On correlated random data (also n <= d), do mean and cov match the definitions?"""
    A = rng.standard_normal((d, d))
    X = rng.standard_normal((n, d)) @ A + rng.uniform(-3, 3, size=d)
    check(kata, X)


def test_multivariate_gaussian_mle_is_symmetric_psd(kata, rng):
    """Is the covariance symmetric with no negative eigenvalue?"""
    X = rng.standard_normal((40, 5)) @ rng.standard_normal((5, 5))
    _, cov = check(kata, X)
    cov = np.asarray(cov, dtype=float)
    assert_close(cov, cov.T, what="cov compared with its transpose", atol=1e-12)
    smallest = float(np.linalg.eigvalsh((cov + cov.T) / 2).min())
    if smallest < -1e-10 * float(np.abs(cov).max()):
        fail(f"cov has a negative eigenvalue {smallest:.3g}: it is not a covariance")


def test_multivariate_gaussian_mle_single_sample(kata):
    """Does one sample give its own value as the mean and the zero matrix (not nan)?"""
    mean, cov = check(kata, [[1.5, -2.0, 3.0]], atol=0.0)
    assert_close(cov, np.zeros((3, 3)), what="cov", atol=0.0)


def test_multivariate_gaussian_mle_far_from_origin(kata, rng):
    """With values near 1e8 and spread 1, is the covariance still accurate (two passes)?

    The one-pass formula mean(x x^T) - mean mean^T cancels catastrophically here.
    """
    X = 1e8 + rng.standard_normal((100, 3)) * [1.0, 2.0, 0.5]
    check(kata, X, rtol=1e-6, atol=1e-6)


def test_multivariate_gaussian_mle_leaves_input_unchanged(kata, rng):
    """Is X left exactly as it was (centring must not happen in place)?"""
    check(kata, rng.standard_normal((20, 3)) + 5.0)


@pytest.mark.parametrize(
    "X, why",
    [
        ([1.0, 2.0, 3.0], "X is 1-D, it must be 2-D"),
        (np.empty((0, 3)), "X has no samples"),
        ([[[1.0]]], "X is 3-D"),
    ],
    ids=["1d", "empty", "3d"],
)
def test_multivariate_gaussian_mle_rejects_bad_input(kata, X, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.multivariate_gaussian_mle, X, why=why)
