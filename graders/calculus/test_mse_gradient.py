"""Grader for calculus/mse_gradient: mse_loss_and_grad(X, y, w, b) -> MSE(loss, dw, db)."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call,
    describe_call,
    expect_error,
    field,
    fields,
)


def reference(X, y, w, b):
    """Loss and gradient written independently of any one implementation."""
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    residual = X @ w + b - y
    n = len(y)
    return np.mean(residual**2), 2 * X.T @ residual / n, 2 * np.mean(residual)


def check(kata, X, y, w, b, **tolerance):
    f = kata.mse_loss_and_grad
    called = describe_call(f, X, y, w, b)
    result = call(f, X, y, w, b)
    loss, dw, db = fields(result, ["loss", "dw", "db"], "mse_loss_and_grad")
    want_loss, want_dw, want_db = reference(X, y, w, b)
    n = len(y)
    residual = np.asarray(X, float) @ np.asarray(w, float) + b - np.asarray(y, float)
    assert_close(
        loss,
        want_loss,
        what="loss",
        called=called,
        **tolerance,
        mistakes={
            "summed squared error instead of the mean (no 1/n)": want_loss * n,
        },
    )
    assert_close(
        dw,
        want_dw,
        what="dw",
        called=called,
        **tolerance,
        mistakes={
            "the factor 2 from differentiating the square is missing": want_dw / 2,
            "the gradient is summed over samples instead of averaged (no 1/n)": want_dw * n,
            "the residual has the wrong sign (y - Xw - b instead of Xw + b - y)": -want_dw,
            "X @ r instead of X.T @ r": (
                2 * np.asarray(X, float) @ residual / n
                if np.shape(X)[0] == np.shape(X)[1]
                else np.nan
            ),
        },
    )
    assert_close(
        db,
        want_db,
        what="db",
        called=called,
        **tolerance,
        mistakes={
            "the factor 2 from differentiating the square is missing": want_db / 2,
            "db is summed over samples instead of averaged (no 1/n)": want_db * n,
            "the residual has the wrong sign (y - Xw - b instead of Xw + b - y)": -want_db,
        },
    )
    return loss, dw, db


@pytest.mark.points(2)
def test_mse_loss_and_grad_documented_example(kata):
    """Does the example in the docstring give (0.5, [-2.0], -1.0)?"""
    check(kata, [[1.0], [2.0]], [1.0, 3.0], [1.0], 0.0)


@pytest.mark.points(2)
def test_mse_loss_and_grad_hand_checked_case(kata):
    """Does a case worked by hand come out exactly?

    X = [[1, 2], [3, 4], [0, 1]], w = [1, -1], b = 2, y = [0, 1, 2]:
    r = [1, 0, -1], L = 2/3, dw = (2/3) [1, 1], db = 0.
    """
    loss, dw, db = check(kata, [[1, 2], [3, 4], [0, 1]], [0, 1, 2], [1, -1], 2)
    assert_close(loss, 2 / 3, what="loss")
    assert_close(dw, [2 / 3, 2 / 3], what="dw")
    assert_close(db, 0.0, what="db")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(50, 3), (7, 7), (200, 12)])
def test_mse_loss_and_grad_random_cases(kata, rng, n, d):
    """Do random problems match the closed form, including square X?"""
    X = rng.standard_normal((n, d))
    y = rng.standard_normal(n)
    w = rng.standard_normal(d)
    b = float(rng.standard_normal())
    check(kata, X, y, w, b)


@pytest.mark.points(3)
def test_mse_loss_and_grad_matches_finite_differences(kata, rng):
    """Are dw and db the derivatives of the loss the same function returns?"""
    X = rng.standard_normal((30, 4))
    y = rng.standard_normal(30)
    w = rng.standard_normal(4)
    b = 0.3
    f = kata.mse_loss_and_grad
    called = describe_call(f, X, y, w, b)
    _, dw, db = call(f, X, y, w, b)

    def loss_of_w(w_):
        return field(f(X, y, w_, b), "loss", 0)

    def loss_of_b(b_):
        return field(f(X, y, w, float(b_[0])), "loss", 0)

    assert_gradient(dw, loss_of_w, w, what="dw", called=called)
    assert_gradient([db], loss_of_b, [b], what="db", called=called)


def test_mse_loss_and_grad_single_sample_single_feature(kata):
    """Does n = d = 1 work (no accidental squeezing to a scalar dw)?"""
    loss, dw, db = check(kata, [[2.0]], [1.0], [3.0], -1.0)
    assert_close(loss, 16.0, what="loss")


def test_mse_loss_and_grad_exact_fit_has_zero_gradient(kata, rng):
    """At a perfect fit, are the loss and both gradients zero?"""
    X = rng.standard_normal((10, 3))
    w = rng.standard_normal(3)
    check(kata, X, X @ w + 1.5, w, 1.5, atol=1e-12)


def test_mse_loss_and_grad_accepts_lists_of_ints(kata):
    """Are array-likes of integers converted to float (no integer division)?"""
    check(kata, [[1, 0], [0, 1], [1, 1]], [1, 2, 4], [1, 1], 1)


def test_mse_loss_and_grad_leaves_inputs_unchanged(kata, rng):
    """Are X, y and w left exactly as they were (also checked on every call)?"""
    X = rng.standard_normal((20, 3))
    y = rng.standard_normal(20)
    w = rng.standard_normal(3)
    check(kata, X, y, w, 0.5)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, w, why",
    [
        ([1.0, 2.0], [1.0, 2.0], [1.0], "X is 1-D, it must be 2-D (n, d)"),
        ([[1.0], [2.0]], [[1.0], [2.0]], [1.0], "y is 2-D, it must be 1-D"),
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], [1.0], "y has 3 entries for 2 samples"),
        ([[1.0, 2.0]], [1.0], [1.0], "w has 1 entry for 2 features"),
        (np.zeros((0, 2)), np.zeros(0), [1.0, 1.0], "there are no samples"),
    ],
    ids=["X-1d", "y-2d", "y-length", "w-length", "empty"],
)
def test_mse_loss_and_grad_rejects_bad_input(kata, X, y, w, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.mse_loss_and_grad, X, y, w, 0.0, why=why)
