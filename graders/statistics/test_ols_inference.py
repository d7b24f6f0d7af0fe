"""Grader for statistics/ols_inference: ols_standard_errors(X, y) -> OLS(coef,
standard_errors) with sigma^2 estimated as RSS / (n - p)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields


def check(kata, X, y, **tolerance):
    f = kata.ols_standard_errors
    called = describe_call(f, X, y)
    result = call(f, X, y)
    coef, se = fields(result, ["coef", "standard_errors"], "ols_standard_errors")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    gram_inverse = np.linalg.inv(X.T @ X)
    want_coef = gram_inverse @ (X.T @ y)
    assert_close(coef, want_coef, what="coef", called=called, **tolerance)
    rss = float(np.sum((y - X @ want_coef) ** 2))
    sigma2 = rss / (n - p)
    diagonal = np.diag(gram_inverse)
    want_se = np.sqrt(sigma2 * diagonal)
    assert_close(
        se,
        want_se,
        what="standard_errors",
        called=called,
        mistakes={
            "sigma^2 = RSS / n: the unbiased estimate divides by n - p": np.sqrt(
                rss / n * diagonal
            ),
            "sigma^2 = RSS / (n - p - 1): X already holds any intercept column, so the "
            "divisor is n - p": np.sqrt(rss / (n - p - 1) * diagonal)
            if n > p + 1
            else np.full(p, np.nan),
            "the variances: take the square root for the standard errors": sigma2 * diagonal,
            "sigma^2 times sqrt of the diagonal: the root covers sigma^2 as well": sigma2
            * np.sqrt(diagonal),
            "1 / diag(X^T X) instead of diag((X^T X)^-1): invert the matrix first": np.sqrt(
                sigma2 / np.diag(X.T @ X)
            ),
        },
        **tolerance,
    )
    return np.asarray(coef, dtype=float), np.asarray(se, dtype=float)


@pytest.mark.points(2)
def test_ols_standard_errors_documented_example(kata):
    """Does the docstring's line fit give coef [1.1, 1.1] and SE [sqrt(0.945), sqrt(0.27)]?"""
    X = [[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]
    coef, se = check(kata, X, [1.0, 3.0, 2.0, 5.0])
    assert_close(coef, [1.1, 1.1], what="coef")
    assert_close(se, [math.sqrt(0.945), math.sqrt(0.27)], what="standard_errors")


@pytest.mark.points(3)
def test_ols_standard_errors_simple_regression_formulas(kata, rng):
    """For y = a + b x, are the SEs the textbook sqrt(s^2/Sxx) and sqrt(s^2 (1/n + xbar^2/Sxx))?"""
    x = rng.uniform(0.0, 10.0, size=25)
    y = 2.0 - 0.7 * x + rng.normal(0.0, 1.5, size=25)
    n = x.size
    xbar, ybar = math.fsum(x) / n, math.fsum(y) / n
    sxx = math.fsum((x - xbar) ** 2)
    slope = math.fsum((x - xbar) * (y - ybar)) / sxx
    intercept = ybar - slope * xbar
    s2 = math.fsum((y - intercept - slope * x) ** 2) / (n - 2)
    coef, se = check(kata, np.column_stack([np.ones(n), x]), y)
    assert_close(coef, [intercept, slope], what="coef")
    assert_close(
        se, [math.sqrt(s2 * (1 / n + xbar**2 / sxx)), math.sqrt(s2 / sxx)], what="standard_errors"
    )


@pytest.mark.points(4)
@pytest.mark.parametrize("n, p", [(30, 3), (8, 7), (500, 10), (12, 1)])
def test_ols_standard_errors_random_designs(kata, rng, n, p):
    """On random designs, do coef and SE match inv(X^T X) X^T y and sqrt(s^2 diag(inv))?"""
    X = rng.standard_normal((n, p)) + rng.uniform(-2, 2, size=p)
    y = X @ rng.standard_normal(p) + rng.normal(0.0, 0.5, size=n)
    check(kata, X, y)


def test_ols_standard_errors_exact_fit(kata, rng):
    """When y lies exactly in the column space, are the standard errors 0?"""
    X = np.column_stack([np.ones(10), np.arange(10.0)])
    _, se = check(kata, X, X @ [3.0, -2.0], atol=1e-7)
    assert_close(se, [0.0, 0.0], what="standard_errors", atol=1e-7)


def test_ols_standard_errors_scale_with_the_noise(kata, rng):
    """Does multiplying y by 3 (and so the residuals) multiply coef and the SEs by 3?"""
    X = rng.standard_normal((20, 3))
    y = rng.standard_normal(20)
    coef, se = check(kata, X, y)
    coef3, se3 = check(kata, X, 3 * y)
    assert_close(coef3, 3 * coef, what="coef for 3 y")
    assert_close(se3, 3 * se, what="standard_errors for 3 y")


def test_ols_standard_errors_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were?"""
    check(kata, rng.standard_normal((15, 3)), rng.standard_normal(15))


RELATIVE_RANK = (
    "rank is relative to the scale of X: a singular value counts as zero when it is at "
    "most about max(n, p) * eps times the largest, not below an absolute threshold"
)


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e-12, 1e8], ids=["1e-12", "1e8"])
def test_ols_standard_errors_rank_decision_is_relative(kata, rng, scale):
    """With X scaled by 1e-12 or 1e8: a full-rank design fits (coef and SEs scale by
    1/scale), and the dummy-variable trap is still rank-deficient (LinAlgError)?

    Scaled by 1e8, the trap's smallest singular value is round-off of about 1e-8,
    above any absolute threshold like 1e-10.
    """
    X = np.column_stack([np.ones(20), rng.standard_normal((20, 2))]) * scale
    y = rng.standard_normal(20)
    try:
        check(kata, X, y)
    except np.linalg.LinAlgError as exc:
        fail(
            f"{describe_call(kata.ols_standard_errors, X, y)} raised LinAlgError ({exc}): X "
            f"has full rank, it is only scaled by {scale:g}; " + RELATIVE_RANK
        )
    trap = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0], [1.0, 0.0, 1.0]] * 2)
    expect_error(
        np.linalg.LinAlgError,
        kata.ols_standard_errors,
        trap * scale,
        np.arange(8.0),
        why="the intercept column equals the sum of the two dummy columns; " + RELATIVE_RANK,
    )


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, why",
    [
        ([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0], [3.0, 6.0]], "the second column is 2x the first"),
        ([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [1.0, 0.0]], "a column of zeros"),
        (
            [[1.0, 1.0, 0.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0]],
            "the intercept column equals the sum of two dummy columns",
        ),
    ],
    ids=["multiple-column", "zero-column", "dummy-trap"],
)
def test_ols_standard_errors_rank_deficient_raises_linalgerror(kata, X, why):
    """Does a rank-deficient X (n > p) raise numpy.linalg.LinAlgError?"""
    y = np.arange(len(X), dtype=float)
    expect_error(np.linalg.LinAlgError, kata.ols_standard_errors, X, y, why=why)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, why",
    [
        ([[1.0, 0.0], [1.0, 1.0]], [1.0, 2.0], "n = p = 2: no degrees of freedom for the noise"),
        ([[1.0, 0.0, 2.0], [1.0, 1.0, 5.0]], [1.0, 2.0], "n = 2 < p = 3"),
        ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], "X is 1-D, it must be 2-D"),
        ([[1.0], [2.0], [3.0]], [[1.0], [2.0], [3.0]], "y is 2-D, it must be 1-D"),
        ([[1.0], [2.0], [3.0]], [1.0, 2.0], "X has 3 rows but y has 2 entries"),
    ],
    ids=["n-equals-p", "n-below-p", "X-1d", "y-2d", "length-mismatch"],
)
def test_ols_standard_errors_rejects_bad_input(kata, X, y, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.ols_standard_errors, X, y, why=why)
