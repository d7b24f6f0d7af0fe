"""Grader for supervised/linear_regression: linear_regression(X, y) -> Linear1(w, b),
least squares with an unpenalised intercept; the minimum-norm w when X is rank-deficient."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

INV_ADVICE = (
    "inverting X^T X (inv(X.T @ X), or solving the normal equations) fails or loses "
    "accuracy when the columns of X are (nearly) dependent: it squares the condition "
    "number. Solve the least-squares problem itself (np.linalg.lstsq or pinv on the "
    "centred data)."
)


def min_norm_lstsq(A, y):
    """The minimum-norm least-squares solution through an SVD with a relative cut-off."""
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    keep = s > max(A.shape) * np.finfo(float).eps * (s[0] if s.size else 0.0)
    return Vt[keep].T @ ((U[:, keep].T @ y) / s[keep])


def reference(X, y):
    """w = the minimum-norm minimiser on centred data, b = mean(y) - mean(x) . w."""
    x_mean, y_mean = X.mean(axis=0), y.mean()
    w = min_norm_lstsq(X - x_mean, y - y_mean)
    return w, y_mean - x_mean @ w


def run(kata, X, y):
    """Call linear_regression(X, y), naming the inv(X^T X) mistake if it raises LinAlgError."""
    f = kata.linear_regression
    called = describe_call(f, X, y)
    try:
        result = call(f, X, y)
    except np.linalg.LinAlgError as exc:
        fail(f"{called} raised LinAlgError ({exc}) on a least-squares problem: {INV_ADVICE}")
    w, b = fields(result, ["w", "b"], "linear_regression")
    return called, w, b


def check(kata, X, y, *, rtol=1e-7, atol=1e-9):
    """Compare w and b with the reference, naming the known mistakes; return them."""
    called, w, b = run(kata, X, y)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    want_w, want_b = reference(X, y)
    ones = np.ones((n, 1))
    joint = min_norm_lstsq(np.hstack([X, ones]), y)
    no_intercept = min_norm_lstsq(X, y)
    w_mistakes = {
        "no intercept: fit y ~ Xw + b, not y ~ Xw (centre X and y, then b = ȳ - x̄·w)": (
            no_intercept
        ),
        "the minimum norm is taken over (w, b) jointly (lstsq on [X, 1]); the entry asks "
        "for the minimum-norm w with b free (centre X and y first)": joint[:d],
    }
    assert_close(w, want_w, what="w", called=called, rtol=rtol, atol=atol, mistakes=w_mistakes)
    if np.ndim(b) != 0:
        fail(f"{called}: b should be a float, got {np.asarray(b).shape}-shaped {b!r}")
    assert_close(
        b,
        want_b,
        what="b",
        called=called,
        rtol=rtol,
        atol=atol,
        mistakes={
            "no intercept (b = 0)": 0.0,
            "b = mean(y): the intercept is ȳ - x̄·w, not ȳ": y.mean(),
            "the minimum norm is taken over (w, b) jointly (lstsq on [X, 1])": joint[d],
        },
    )
    return np.asarray(w, dtype=float), float(b)


@pytest.mark.points(2)
def test_linear_regression_documented_example(kata):
    """Do the points (0, 1), (1, 3), (2, 5) give w = [2], b = 1?"""
    w, b = check(kata, [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0])
    assert_close(w, [2.0], what="w")
    assert_close(b, 1.0, what="b")


@pytest.mark.points(2)
def test_linear_regression_hand_checked_line(kata):
    """Do x = 0, 1, 2, 3 with y = 1, 2, 2, 4 give w = 0.9, b = 0.9?

    x̄ = 1.5, ȳ = 2.25, sum (x - x̄)(y - ȳ) = 4.5, sum (x - x̄)^2 = 5: w = 0.9 and
    b = 2.25 - 1.5 * 0.9 = 0.9.
    """
    w, b = check(kata, [[0.0], [1.0], [2.0], [3.0]], [1.0, 2.0, 2.0, 4.0])
    assert_close(w, [0.9], what="w")
    assert_close(b, 0.9, what="b")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(50, 3), (20, 8), (200, 1), (9, 8)])
def test_linear_regression_random_problems(kata, rng, n, d):
    """On random full-rank problems, do w and b solve the normal equations of [X, 1]?"""
    X = rng.normal(loc=2.0, size=(n, d))
    y = X @ rng.standard_normal(d) + 3.0 + rng.standard_normal(n)
    w, b = check(kata, X, y)
    residual = y - X @ w - b
    A = np.hstack([X, np.ones((n, 1))])
    assert_close(A.T @ residual, np.zeros(d + 1), atol=1e-8, what="[X, 1]^T (y - Xw - b)")


def test_linear_regression_recovers_an_exact_fit(kata, rng):
    """When y = X w* + b* exactly, are w* and b* recovered?"""
    X = rng.normal(loc=-1.0, size=(30, 4))
    w_true = np.array([1.5, -2.0, 0.25, 4.0])
    w, b = check(kata, X, X @ w_true - 7.0)
    assert_close(w, w_true, what="w", rtol=1e-9, atol=1e-9)
    assert_close(b, -7.0, what="b", rtol=1e-9, atol=1e-9)


@pytest.mark.points(2)
def test_linear_regression_ill_conditioned_but_full_rank(kata, rng):
    """With cond(X_c) = 1e5, is an exact fit recovered to 1e-8 (X^T X has cond 1e10)?

    A least-squares solver is accurate to about cond * eps (1e-11 here); going through
    X^T X loses about cond^2 * eps (1e-6).
    """
    n, d = 40, 4
    basis = np.linalg.qr(np.hstack([np.ones((n, 1)), rng.standard_normal((n, d))]))[0]
    U = basis[:, 1:]  # orthonormal columns, each orthogonal to the ones vector
    V = np.linalg.qr(rng.standard_normal((d, d)))[0]
    X = (U * np.logspace(0, -5, d)) @ V.T + np.array([1.0, -2.0, 0.5, 3.0])
    w_true = np.array([1.0, -1.0, 2.0, 0.5])
    y = X @ w_true + 2.0
    called, w, b = run(kata, X, y)
    error = np.abs(np.asarray(w, dtype=float) - w_true).max()
    if not error <= 1e-8:
        fail(f"{called}: w is off by {error:.3g} on an ill-conditioned X: {INV_ADVICE}")
    assert_close(w, w_true, what="w", called=called, rtol=1e-8, atol=1e-8)
    assert_close(b, 2.0, what="b", called=called, rtol=1e-8, atol=1e-8)


@pytest.mark.points(2)
def test_linear_regression_duplicate_column_splits_the_weight(kata, rng):
    """With two identical columns, does the minimum-norm w share their weight equally?"""
    x = rng.standard_normal(25)
    z = rng.standard_normal(25)
    X = np.column_stack([x, z, x])
    y = 3.0 * x - z + 0.5 + 0.1 * rng.standard_normal(25)
    w, _ = check(kata, X, y)
    assert_close(w[0], w[2], what="w[0] against w[2] (the copy of the same column)")


@pytest.mark.points(2)
def test_linear_regression_constant_column_gets_weight_zero(kata, rng):
    """Does a constant column (collinear with the intercept) get w = 0, with b absorbing it?"""
    X = np.column_stack([rng.standard_normal(20), np.full(20, 5.0)])
    y = 2.0 * X[:, 0] + 1.0 + 0.1 * rng.standard_normal(20)
    w, _ = check(kata, X, y)
    assert_close(w[1], 0.0, what="the weight of the constant column", atol=1e-9)


@pytest.mark.points(2)
def test_linear_regression_more_features_than_samples(kata, rng):
    """With d > n, is the fit exact and w the minimum-norm solution?"""
    X = rng.standard_normal((6, 10))
    y = rng.standard_normal(6)
    w, b = check(kata, X, y)
    assert_close(X @ w + b, y, what="the fitted values (an exact fit exists)", atol=1e-8)


def test_linear_regression_single_sample(kata):
    """With one sample, is w = 0 and b = y (nothing to learn a slope from)?"""
    w, b = check(kata, [[2.0, -1.0]], [4.0])
    assert_close(w, [0.0, 0.0], what="w")
    assert_close(b, 4.0, what="b")


def test_linear_regression_shifting_y_moves_only_b(kata, rng):
    """Does adding 10 to every target leave w alone and add 10 to b?"""
    X = rng.standard_normal((15, 2))
    y = rng.standard_normal(15)
    w1, b1 = check(kata, X, y)
    w2, b2 = check(kata, X, y + 10.0)
    assert_close(w2, w1, what="w after shifting y by 10")
    assert_close(b2, b1 + 10.0, what="b after shifting y by 10")


def test_linear_regression_accepts_lists_of_ints(kata):
    """Are integer lists converted to float (no integer arithmetic)?"""
    w, b = check(kata, [[1, 0], [0, 1], [1, 1], [2, 1]], [1, 2, 4, 4])
    assert isinstance(b, float)


def test_linear_regression_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were (centring must work on copies)?"""
    X = rng.normal(loc=3.0, size=(12, 3))
    y = rng.normal(loc=-2.0, size=12)
    check(kata, X, y)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, why",
    [
        ([1.0, 2.0], [1.0, 2.0], "X is 1-D, it must be 2-D (n, d)"),
        ([[1.0], [2.0]], [[1.0], [2.0]], "y is 2-D, it must be 1-D"),
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], "X has 2 rows but y has 3 entries"),
        (np.empty((0, 2)), np.empty(0), "there are no samples"),
        (np.empty((3, 0)), np.ones(3), "there are no features"),
    ],
    ids=["X-1d", "y-2d", "length-mismatch", "empty", "no-features"],
)
def test_linear_regression_rejects_bad_input(kata, X, y, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.linear_regression, X, y, why=why)
