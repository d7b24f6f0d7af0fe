"""Grader for probability/gaussian_logpdf: gaussian_logpdf(X, mean, cov) -> (n,)."""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    random_spd,
)

LOG_2PI = math.log(2 * math.pi)


def parts(X, mean, cov):
    """log det and quadratic forms from an eigendecomposition (not Cholesky)."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    w, V = np.linalg.eigh(cov)
    log_det = float(np.sum(np.log(w)))
    quad = np.sum(((X - mean) @ V) ** 2 / w, axis=1)
    return log_det, quad


LOG_DET = (
    "If you take log(det(cov)): the determinant of 0.01 I in 500 dimensions is 1e-1000, "
    "which underflows to 0. Use log det = 2 * sum(log(diag(L))) from the Cholesky factor L."
)


def check(kata, X, mean, cov, *, exact_parts=None, **tolerance):
    called = describe_call(kata.gaussian_logpdf, X, mean, cov)
    result = call_strictly(kata.gaussian_logpdf, X, mean, cov, advice=LOG_DET)
    d = np.shape(cov)[0]
    log_det, quad = exact_parts or parts(X, mean, cov)
    Xa, ma, ca = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    want = -0.5 * (d * LOG_2PI + log_det + quad)
    wrong_quad = np.sum(((Xa - ma) @ ca) * (Xa - ma), axis=1)
    assert_close(
        result,
        want,
        what="the log density",
        called=called,
        mistakes={
            "the constant d * log(2 pi) is missing": -0.5 * (log_det + quad),
            "log det(cov) is not halved: it must sit inside the -1/2 [...]": want - 0.5 * log_det,
            "the quadratic form is not halved": want - 0.5 * quad,
            "(x - mu)ᵀ cov (x - mu): the quadratic form needs the inverse of cov": -0.5
            * (d * LOG_2PI + log_det + wrong_quad),
            "log(2 pi) added once instead of d times": -0.5 * (LOG_2PI + log_det + quad),
        },
        **tolerance,
    )
    return np.asarray(result, dtype=float)


@pytest.mark.points(2)
def test_gaussian_logpdf_documented_example(kata):
    """Does N(0, I_2) give -log 2pi at 0 and -log 2pi - 5/2 at (1, 2)?"""
    result = check(kata, [[0.0, 0.0], [1.0, 2.0]], [0.0, 0.0], np.eye(2))
    assert_close(result, [-LOG_2PI, -LOG_2PI - 2.5], what="the log density")


@pytest.mark.points(2)
def test_gaussian_logpdf_hand_checked_cases(kata):
    """Do 1-D and diagonal cases match the product of univariate densities?

    N(1, 4) at x = 3: -1/2 (log 2pi + log 4 + (2^2)/4) = -1/2 log 2pi - log 2 - 1/2.
    N((0, 0), diag(1, 9)) at (1, 3): -log 2pi - 1/2 log 9 - 1/2 (1 + 1).
    """
    result = check(kata, [[3.0]], [1.0], [[4.0]])
    assert_close(result, [-0.5 * LOG_2PI - math.log(2) - 0.5], what="the log density")
    result = check(kata, [[1.0, 3.0]], [0.0, 0.0], np.diag([1.0, 9.0]))
    assert_close(result, [-LOG_2PI - 0.5 * math.log(9) - 1.0], what="the log density")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(1, 1), (5, 3), (40, 10)])
def test_gaussian_logpdf_random_cases(kata, rng, n, d):
    """Do random points and SPD covariances match an eigendecomposition of cov?"""
    cov = random_spd(rng, d)
    mean = rng.normal(size=d)
    check(kata, mean + rng.normal(size=(n, d)) * 2, mean, cov)


def test_gaussian_logpdf_integrates_to_one(kata):
    """In 1-D, does exp(logpdf) integrate to 1 (trapezoid rule over +-10 sigma)?"""
    x = np.linspace(-20.0 + 0.5, 20.0 + 0.5, 4001)
    logp = check(kata, x[:, None], [0.5], [[4.0]])
    p = np.exp(logp)
    integral = float(np.sum((p[1:] + p[:-1]) / 2 * np.diff(x)))
    assert_close(integral, 1.0, rtol=1e-6, what="the integral of the density")


@pytest.mark.points(3)
@pytest.mark.timeout(5)
def test_gaussian_logpdf_high_dimension(kata, rng):
    """At d = 500 with cov = 0.01 I, is the result right (det(cov) = 1e-1000 underflows)?

    Closed form: -1/2 (d log(2 pi 0.01) + |x - mu|^2 / 0.01).
    """
    d = 500
    mean = rng.normal(size=d)
    X = mean + 0.1 * rng.normal(size=(50, d))
    cov = 0.01 * np.eye(d)
    r = X - mean
    quad = np.sum(r * r, axis=1) / 0.01
    result = check(kata, X, mean, cov, exact_parts=(d * math.log(0.01), quad))
    closed = -0.5 * (d * math.log(2 * math.pi * 0.01) + quad)
    assert_close(result, closed, what="the log density")


def test_gaussian_logpdf_general_high_dimension(kata, rng):
    """At d = 100 with a non-diagonal covariance of tiny scale, is the result right?"""
    d = 100
    cov = random_spd(rng, d, smallest=1e-3)
    mean = rng.normal(size=d)
    check(kata, mean + 0.03 * rng.normal(size=(5, d)), mean, cov)


def test_gaussian_logpdf_rejects_indefinite_cov(kata):
    """Does a symmetric, invertible but indefinite cov raise LinAlgError?

    [[1, 2], [2, 1]] has eigenvalues 3 and -1: inv and slogdet accept it, Cholesky does not.
    """
    f = kata.gaussian_logpdf
    args = ([[0.0, 0.0]], [0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]])
    called = describe_call(f, *args)
    try:
        with np.errstate(all="ignore"):
            result = f(*args)
    except np.linalg.LinAlgError as exc:
        assert str(exc).strip(), "LinAlgError needs a message"
        return
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported to the learner
        fail(
            f"{called} should raise numpy.linalg.LinAlgError, but raised "
            f"{type(exc).__name__}: {exc}"
        )
    fail(
        f"{called} returned {result!r}; it should raise numpy.linalg.LinAlgError because cov "
        "is not positive definite. inv and det do not notice this; np.linalg.cholesky does."
    )


@pytest.mark.parametrize(
    "cov, why",
    [
        ([[1.0, 0.0], [0.0, -1.0]], "cov has a negative eigenvalue"),
        ([[1.0, 1.0], [1.0, 1.0]], "cov is singular (positive semi-definite only)"),
    ],
    ids=["negative_diagonal", "singular"],
)
def test_gaussian_logpdf_not_positive_definite(kata, cov, why):
    """Does a cov that is not positive definite raise LinAlgError?"""
    expect_error(
        np.linalg.LinAlgError, kata.gaussian_logpdf, [[0.0, 0.0]], [0.0, 0.0], cov, why=why
    )


RELATIVE_SYMMETRY = (
    "symmetry is relative to the size of cov: max|cov - cov^T| <= 1e-10 * max|cov|, not "
    "an absolute tolerance"
)


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e4, 1e-4], ids=["1e4", "1e-4"])
def test_gaussian_logpdf_symmetry_is_relative(kata, rng, scale):
    """With data scaled by 1e4 or 1e-4 (cov of size 1e8 or 1e-8): is an asymmetry of
    1e-11 * max|cov| accepted as round-off, and one of 1e-4 * max|cov| rejected?"""
    cov = random_spd(rng, 3, condition=10.0) * scale**2
    mean = rng.standard_normal(3) * scale
    X = mean + rng.standard_normal((4, 3)) * scale
    check(kata, X, mean, cov)
    top = np.abs(cov).max()
    close = cov.copy()
    close[0, 1] += 1e-11 * top
    try:
        check(kata, X, mean, close, rtol=1e-6)
    except ValueError as exc:
        fail(
            f"{describe_call(kata.gaussian_logpdf, X, mean, close)} raised "
            f"{type(exc).__name__} ({exc}): cov is symmetric to 1e-11 relative; "
            + RELATIVE_SYMMETRY
        )
    far = cov.copy()
    far[0, 1] += 1e-4 * top
    expect_error(
        ValueError,
        kata.gaussian_logpdf,
        X,
        mean,
        far,
        why="cov is 1e-4 * max|cov| away from symmetric; " + RELATIVE_SYMMETRY,
    )


def test_gaussian_logpdf_leaves_inputs_unchanged(kata, rng):
    """Are X, mean and cov left exactly as they were?"""
    cov, mean, X = random_spd(rng, 3), rng.normal(size=3), rng.normal(size=(4, 3))
    check(kata, X, mean, cov)  # call() compares X, mean and cov after the call


@pytest.mark.parametrize(
    "X, mean, cov, why",
    [
        ([[0.0, 0.0]], [0.0, 0.0, 0.0], np.eye(2), "mean has 3 entries for d = 2"),
        ([[0.0, 0.0]], [0.0, 0.0], np.eye(3), "cov is 3 x 3 for d = 2"),
        ([0.0, 0.0], [0.0, 0.0], np.eye(2), "X is 1-D, it must be (n, d)"),
        (np.zeros((0, 2)), [0.0, 0.0], np.eye(2), "X has no rows"),
        ([[0.0, 0.0]], [0.0, 0.0], [[2.0, 1.0], [0.0, 2.0]], "cov is not symmetric"),
    ],
    ids=["mean_shape", "cov_shape", "X_1d", "empty", "not_symmetric"],
)
def test_gaussian_logpdf_rejects_bad_input(kata, X, mean, cov, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.gaussian_logpdf, X, mean, cov, why=why)
