"""Grader for probability/covariance: covariance_matrix(X, ddof=1) -> (d, d) and
correlation_matrix(X) -> (d, d). No shortcut: np.cov, np.corrcoef."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, forbid

SHORTCUTS = ("numpy.cov", "numpy.corrcoef")


def scatter(X):
    """Centred cross-products, one entry at a time with math.fsum."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    means = [math.fsum(X[:, j]) / n for j in range(d)]
    S = np.empty((d, d))
    for j in range(d):
        for k in range(j, d):
            S[j, k] = S[k, j] = math.fsum(
                (X[i, j] - means[j]) * (X[i, k] - means[k]) for i in range(n)
            )
    return S


def check_shape(result, X, called, what):
    n, d = np.shape(X)
    shape = np.shape(result)
    if shape == (n, n) and n != d:
        fail(
            f"{called}: {what} has shape {shape}, expected {(d, d)}: this looks like X Xᵀ, "
            "one entry per pair of samples. Features are the columns: use Xᵀ X"
        )


def check_cov(kata, X, *args, **tolerance):
    f = kata.covariance_matrix
    called = describe_call(f, X, *args)
    with forbid(*SHORTCUTS, called=called):
        result = call(f, X, *args)
    check_shape(result, X, called, "the covariance matrix")
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    ddof = args[0] if args else 1
    S = scatter(X)
    G = X - X.mean()
    mistakes = {
        "X was not centred: subtract the column means before multiplying": X.T @ X / (n - ddof),
        "every column centred on the mean of the whole matrix: subtract the column means "
        "(X.mean(axis=0)), one per feature": G.T @ G / (n - ddof),
    }
    if ddof != 0:
        mistakes["the divisor n instead of n - ddof"] = S / n
    if ddof != 1:
        mistakes["the divisor n - 1 whatever ddof is: divide by n - ddof"] = S / (n - 1)
    assert_close(
        result,
        S / (n - ddof),
        what="the covariance matrix",
        called=called,
        mistakes=mistakes,
        **tolerance,
    )
    return np.asarray(result, dtype=float)


def check_corr(kata, X, **tolerance):
    f = kata.correlation_matrix
    called = describe_call(f, X)
    with forbid(*SHORTCUTS, called=called):
        result = call(f, X)
    check_shape(result, X, called, "the correlation matrix")
    X = np.asarray(X, dtype=float)
    S = scatter(X)
    scale = np.sqrt(np.diag(S))
    want = S / np.outer(scale, scale)
    n = X.shape[0]
    raw = X.T @ X
    raw_scale = np.sqrt(np.diag(raw))
    assert_close(
        result,
        want,
        what="the correlation matrix",
        called=called,
        mistakes={
            "X was not centred: subtract the column means first": raw
            / np.outer(raw_scale, raw_scale),
            "the covariance matrix, not rescaled by the standard deviations": S / (n - 1),
            "divided by the variances C_jj C_kk: divide by their square roots": S
            / np.outer(scale**2, scale**2)
            * (n - 1),
        },
        **tolerance,
    )
    return np.asarray(result, dtype=float)


@pytest.mark.points(2)
def test_covariance_matrix_documented_example(kata):
    """Do the points (1, 2), (2, 4), (3, 6) give [[1, 2], [2, 4]] (and 2/3 of it with ddof=0)?"""
    X = [[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]
    assert_close(check_cov(kata, X), [[1.0, 2.0], [2.0, 4.0]], what="the covariance")
    assert_close(check_cov(kata, X, 0), [[2 / 3, 4 / 3], [4 / 3, 8 / 3]], what="the covariance")


@pytest.mark.points(2)
def test_correlation_matrix_documented_example(kata):
    """Do two perfectly anti-correlated columns give [[1, -1], [-1, 1]]?"""
    R = check_corr(kata, [[1.0, 3.0], [2.0, 2.0], [3.0, 1.0]])
    assert_close(R, [[1.0, -1.0], [-1.0, 1.0]], what="the correlation matrix")


def test_covariance_matrix_hand_checked_case(kata):
    """Do 4 points with means (2, 10) give the hand-computed covariance?

    Deviations (-1, -1), (1, -1), (-1, 1), (1, 1): sums of products 4, 0, 4, so C = diag(4, 4) / 3.
    The large mean of the second column punishes a missing centring.
    """
    X = [[1.0, 9.0], [3.0, 9.0], [1.0, 11.0], [3.0, 11.0]]
    assert_close(check_cov(kata, X), np.eye(2) * 4 / 3, what="the covariance")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, ddof", [(2, 1, 1), (10, 3, 1), (50, 6, 0), (7, 4, 3), (5, 8, 1)])
def test_covariance_matrix_random_cases(kata, rng, n, d, ddof):
    """Do random data sets (offset from 0) match entry-by-entry sums with the n - ddof divisor?"""
    X = rng.normal(size=(n, d)) @ rng.normal(size=(d, d)) + rng.normal(0, 5, size=d)
    C = check_cov(kata, X, ddof)
    assert_close(C, C.T, what="C - Cᵀ (C must be symmetric)")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(3, 2), (40, 5), (6, 9)])
def test_correlation_matrix_random_cases(kata, rng, n, d):
    """Do random data sets give the covariance divided by the outer product of the std devs?"""
    X = rng.normal(size=(n, d)) @ rng.normal(size=(d, d)) + rng.normal(0, 5, size=d)
    R = check_corr(kata, X)
    assert_close(np.diag(R), np.ones(d), what="the diagonal of the correlation matrix")
    if np.any(np.abs(R) > 1 + 1e-12):
        fail("a correlation is outside [-1, 1]")


def test_correlation_matrix_is_scale_invariant(kata, rng):
    """Does rescaling and shifting a column (positive factor) leave the correlations unchanged?"""
    X = rng.normal(size=(30, 3))
    Y = X * np.array([1e3, 1e-3, 7.0]) + np.array([-50.0, 4.0, 1e4])
    assert_close(check_corr(kata, Y), check_corr(kata, X), what="the correlation of rescaled X")


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e8, 1e-8, 1e-12], ids=["1e8", "1e-8", "1e-12"])
def test_covariance_and_correlation_at_extreme_scales(kata, rng, scale):
    """Are both right for data scaled by 1e8, 1e-8 and 1e-12 (checked relative to the scale)?

    A column of values around 1e-12 varies: it is not constant, and its correlations
    are those of the unscaled data. Each column is centred on its own mean.
    """
    X = rng.normal(size=(12, 3)) @ rng.normal(size=(3, 3)) + rng.normal(0, 5, size=3)
    Y = X * scale
    S = scatter(Y)
    tolerance = {"rtol": 1e-9, "atol": 1e-12 * np.abs(S).max()}
    check_cov(kata, Y, **tolerance)
    try:
        check_corr(kata, Y, rtol=1e-9, atol=1e-12)
    except ValueError as exc:
        fail(
            f"{describe_call(kata.correlation_matrix, Y)} raised ValueError ({exc}): no column "
            f"is constant, they only vary on a scale of {scale:g}; a column is constant when "
            "all its values are equal, not when its spread is below an absolute tolerance"
        )


def test_covariance_matrix_single_feature(kata):
    """Does one column give a 1 x 1 matrix holding its sample variance?

    (2, 4, 4, 4, 5, 5, 7, 9): squared deviations from 5 sum to 32, so 32 / 7 with ddof = 1.
    """
    C = check_cov(kata, np.array([[2.0, 4, 4, 4, 5, 5, 7, 9]]).T)
    assert_close(C, [[32 / 7]], what="the covariance")


def test_covariance_matrix_leaves_input_unchanged(kata, rng):
    """Is X left exactly as it was (by both functions)?"""
    X = rng.normal(3.0, 1.0, size=(8, 3))
    check_cov(kata, X)  # call() compares X after each call
    check_corr(kata, X)


@pytest.mark.parametrize(
    "X, ddof, why",
    [
        ([1.0, 2.0, 3.0], 1, "X is 1-D, it must be (n_samples, n_features)"),
        (np.zeros((0, 3)), 1, "X has no samples"),
        ([[1.0, 2.0]], 1, "one sample with ddof = 1 divides by 0"),
        ([[1.0], [2.0]], 2, "ddof = n"),
        ([[1.0], [2.0]], -1, "ddof is negative"),
    ],
    ids=["1d", "empty", "one_sample", "ddof_n", "ddof_negative"],
)
def test_covariance_matrix_rejects_bad_input(kata, X, ddof, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.covariance_matrix, X, ddof, why=why)


@pytest.mark.parametrize(
    "X, why",
    [
        (
            [[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]],
            "column 1 is constant: its correlation is undefined",
        ),
        (
            [[1.0, 0.1], [2.0, 0.1], [3.0, 0.1]],
            "column 1 is constant; its computed mean is not exactly 0.1, so test the values "
            "themselves (all equal), not std == 0",
        ),
        ([[1.0, 2.0]], "one sample: every column is constant"),
        ([1.0, 2.0, 3.0], "X is 1-D"),
        (np.zeros((0, 2)), "X has no samples"),
    ],
    ids=["constant_column", "constant_inexact_mean", "one_sample", "1d", "empty"],
)
def test_correlation_matrix_rejects_bad_input(kata, X, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.correlation_matrix, X, why=why)
