"""Grader for optimization/ridge: ridge_regression(X, y, lam, fit_intercept) -> Linear1(w, b)
minimising ||y - Xw - b||^2 + lam ||w||^2 with b unpenalised. Graded through the
optimality conditions (the normal equations X^T (Xw + b - y) + lam w = 0 and
sum(Xw + b - y) = 0) and against the block system for (w, b) solved here without
centring; the usual wrong conventions are named."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

PENALISED_B = "the intercept was penalised: lam ||w||^2 leaves b out (centre X and y instead)"
LAM_TIMES_N = "lam was multiplied by n: the objective is a sum of squares, not a mean"
LAM_OVER_N = "lam was divided by n: the objective is a sum of squares, not a mean"
TWO_LAM = "2 lam instead of lam: differentiating gives (X^T X + lam I) w = X^T y"
HALF_LAM = "lam / 2 instead of lam: differentiating gives (X^T X + lam I) w = X^T y"
NO_INTERCEPT = (
    "no intercept was fitted (b = 0), or w was fitted on uncentred X and y: centre X and y "
    "before solving for w"
)
MEAN_ONLY = "b = mean(y): the intercept is mean(y) - mean(X) @ w"
UNCENTRED = "w was fitted on uncentred X and y: centre them before solving for w"
FITTED_ANYWAY = "an intercept was fitted although fit_intercept=False: use X and y as they are"


def block_solve(X, y, lam, fit_intercept=True, lam_b=0.0):
    """(w, b) from the normal equations of the objective, with an optional penalty on b."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    n, d = X.shape
    if not fit_intercept:
        return np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ y), 0.0
    Z = np.hstack([X, np.ones((n, 1))])
    P = lam * np.eye(d + 1)
    P[d, d] = lam_b
    theta = np.linalg.solve(Z.T @ Z + P, Z.T @ y)
    return theta[:d], float(theta[d])


def known_mistakes(X, y, lam, fit_intercept):
    """(w, b) of each wrong convention."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    n, d = X.shape
    out = {
        LAM_TIMES_N: block_solve(X, y, lam * n, fit_intercept),
        LAM_OVER_N: block_solve(X, y, lam / n, fit_intercept),
        TWO_LAM: block_solve(X, y, 2 * lam, fit_intercept),
        HALF_LAM: block_solve(X, y, lam / 2, fit_intercept),
    }
    if fit_intercept:
        out[PENALISED_B] = block_solve(X, y, lam, True, lam_b=lam)
        if lam > 0 or np.linalg.matrix_rank(X) == d:
            w0 = np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ y)
            out[NO_INTERCEPT] = (w0, 0.0)
            out[UNCENTRED] = (w0, float(y.mean() - X.mean(axis=0) @ w0))
        w = block_solve(X, y, lam, True)[0]
        out[MEAN_ONLY] = (w, float(y.mean()))
    else:
        out[FITTED_ANYWAY] = block_solve(X, y, lam, True)
    return out


def check(kata, X, y, lam, fit_intercept=True, rtol=1e-8):
    f = kata.ridge_regression
    kwargs = {} if fit_intercept is None else {"fit_intercept": fit_intercept}
    fit_intercept = True if fit_intercept is None else fit_intercept
    called = describe_call(f, X, y, lam, **kwargs)
    w, b = fields(call(f, X, y, lam, **kwargs), ["w", "b"], "ridge_regression")
    w = np.asarray(w, dtype=float)
    if np.ndim(b) != 0:
        fail(f"{called}: b should be one number, got {b!r}")
    b = float(b)
    X, y = np.asarray(X, float), np.asarray(y, float)
    want_w, want_b = block_solve(X, y, lam, fit_intercept)
    wrong = known_mistakes(X, y, lam, fit_intercept)
    scale = np.linalg.norm(X) * np.linalg.norm(y) + 1.0
    assert_close(
        w,
        want_w,
        rtol=rtol,
        atol=1e-10 * np.abs(want_w).max(initial=1.0),
        what="w",
        called=called,
        mistakes={k: v[0] for k, v in wrong.items()},
    )
    assert_close(
        b,
        want_b,
        rtol=rtol,
        atol=1e-10 * (np.abs(y).max() + 1.0),
        what="b",
        called=called,
        mistakes={k: v[1] for k, v in wrong.items()},
    )
    residual = X @ w + b - y
    assert_close(
        X.T @ residual + lam * w,
        np.zeros(X.shape[1]),
        atol=1e-9 * scale,
        what="the gradient in w, X^T (Xw + b - y) + lam w",
        called=called,
    )
    if fit_intercept:
        assert_close(
            residual.sum(),
            0.0,
            atol=1e-9 * scale,
            what="the gradient in b, sum(Xw + b - y)",
            called=called,
        )
    return w, b


@pytest.mark.points(2)
def test_ridge_regression_documented_example(kata):
    """x = (0, 1, 2), y = (1, 3, 5), lam = 2: is w = 4/(2 + 2) = 1 and b = 3 - 1 = 2?"""
    w, b = check(kata, [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0], 2.0)
    assert_close([w[0], b], [1.0, 2.0], what="(w, b)")


def test_ridge_regression_hand_checked_without_intercept(kata):
    """Without an intercept: w = sum(xy)/(sum(x^2) + lam) = 13/(5 + 1.5) = 2, b = 0?"""
    w, b = check(kata, [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0], 1.5, fit_intercept=False)
    assert_close([w[0], b], [2.0, 0.0], what="(w, b)")


def test_ridge_regression_fits_an_intercept_by_default(kata):
    """Called without fit_intercept, is the intercept fitted (and unpenalised)?"""
    w, b = check(kata, [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0], 2.0, fit_intercept=None)
    assert_close([w[0], b], [1.0, 2.0], what="(w, b)")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "n, d, lam, fit_intercept",
    [
        (30, 3, 1.0, True),
        (50, 8, 10.0, True),
        (20, 5, 0.3, False),
        (10, 25, 2.0, True),
        (12, 30, 0.5, False),
    ],
    ids=["small", "medium", "no-intercept", "wide", "wide-no-intercept"],
)
def test_ridge_regression_random_problems(kata, rng, n, d, lam, fit_intercept):
    """On random problems (including d > n), do w and b meet the normal equations?"""
    X = rng.standard_normal((n, d)) + rng.standard_normal(d)
    y = X @ rng.standard_normal(d) + 3.0 + rng.standard_normal(n)
    check(kata, X, y, lam, fit_intercept)


def test_ridge_regression_lam_zero_is_least_squares(kata, rng):
    """With lam = 0, is (w, b) the least-squares fit of y on [X, 1]?"""
    X = rng.standard_normal((40, 4))
    y = rng.standard_normal(40)
    w, b = check(kata, X, y, 0.0)
    theta = np.linalg.lstsq(np.hstack([X, np.ones((40, 1))]), y, rcond=None)[0]
    assert_close(np.append(w, b), theta, rtol=1e-8, atol=1e-10, what="(w, b) for lam = 0")


@pytest.mark.points(2)
def test_ridge_regression_huge_penalty_leaves_the_mean(kata, rng):
    """With lam = 1e12, is w ~ 0 and b ~ mean(y) (b is not shrunk to 0)?"""
    X = rng.standard_normal((25, 3))
    y = 5.0 + rng.standard_normal(25)
    w, b = check(kata, X, y, 1e12)
    assert_close(w, np.zeros(3), atol=1e-9, what="w for lam = 1e12")
    assert_close(b, y.mean(), rtol=1e-9, what="b for lam = 1e12")


def test_ridge_regression_shifting_y_moves_only_b(kata, rng):
    """Adding 100 to every y: is w unchanged and b larger by exactly 100?"""
    X = rng.standard_normal((20, 3))
    y = rng.standard_normal(20)
    w1, b1 = check(kata, X, y, 3.0)
    w2, b2 = check(kata, X, y + 100.0, 3.0)
    assert_close(w2, w1, rtol=1e-8, atol=1e-10, what="w after shifting y by 100")
    assert_close(b2 - b1, 100.0, rtol=1e-9, what="the change of b after shifting y by 100")


def test_ridge_regression_single_sample(kata):
    """With one sample and lam > 0, is w = 0 and b = y (centred X is 0)?"""
    w, b = check(kata, [[1.0, 2.0]], [7.0], 0.5)
    assert_close(w, [0.0, 0.0], atol=1e-12, what="w")
    assert_close(b, 7.0, what="b")


def test_ridge_regression_accepts_lists_of_ints(kata):
    """Are integer X and y converted to float?"""
    check(kata, [[0], [1], [2], [4]], [1, 3, 4, 9], 1)


def test_ridge_regression_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were (centring must make copies)?"""
    X = rng.standard_normal((15, 3)) + 2.0
    y = rng.standard_normal(15) + 1.0
    check(kata, X, y, 1.0)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, lam, why",
    [
        ([1.0, 2.0], [1.0, 2.0], 1.0, "X is 1-D"),
        ([[1.0], [2.0]], [[1.0], [2.0]], 1.0, "y is 2-D"),
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], 1.0, "y has 3 entries for 2 samples"),
        (np.zeros((0, 2)), np.zeros(0), 1.0, "there are no samples"),
        ([[0.0], [10.0], [3.0]], [1.0, 2.0, 0.0], -1.0, "lam is negative"),
    ],
    ids=["X-1d", "y-2d", "y-length", "empty", "lam-negative"],
)
def test_ridge_regression_rejects_bad_input(kata, X, y, lam, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.ridge_regression, X, y, lam, why=why)
