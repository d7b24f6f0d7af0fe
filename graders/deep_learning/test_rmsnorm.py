"""Grader for deep_learning/rmsnorm:
rmsnorm_forward_backward(X, gamma, dY, eps=1e-6) -> RMSNorm(Y, dX, dgamma).

The reference normalises one vector at a time in a loop and gets dX from the explicit
Jacobian of x/r; the gradients are also checked by central differences of
L = sum(Y * dY).
"""

import numpy as np
import pytest

from mlkata.grading import (
    AUTODIFF,
    assert_close,
    assert_gradient,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
    forbid,
)

NAMES = ["Y", "dX", "dgamma"]


def reference(X, gamma, dY, eps):
    """Y, dX, dgamma, one vector at a time, dX through the Jacobian of x/r."""
    X, gamma, dY = (np.asarray(a, dtype=float) for a in (X, gamma, dY))
    d = X.shape[-1]
    rows, drows = X.reshape(-1, d), dY.reshape(-1, d)
    Y, dX = np.empty_like(rows), np.empty_like(rows)
    dgamma = np.zeros(d)
    for i, (x, dy) in enumerate(zip(rows, drows, strict=True)):
        r = np.sqrt(sum(x * x) / d + eps)
        xhat = x / r
        Y[i] = gamma * xhat
        jacobian = (np.eye(d) - np.outer(xhat, xhat) / d) / r
        dX[i] = jacobian.T @ (dy * gamma)
        dgamma += dy * xhat
    return Y.reshape(X.shape), dX.reshape(X.shape), dgamma


def scaled(value):
    """An absolute tolerance relative to the size of the expected values."""
    return 1e-9 * max(float(np.max(np.abs(value), initial=0.0)), 1e-300)


def check(kata, X, gamma, dY, eps=None, strictly=False):
    f = kata.rmsnorm_forward_backward
    args = (X, gamma, dY) + (() if eps is None else (eps,))
    e = 1e-6 if eps is None else eps
    called = describe_call(f, *args)
    result = (call_strictly if strictly else call)(f, *args)
    Y, dX, dgamma = fields(result, NAMES, "rmsnorm_forward_backward")
    want_Y, want_dX, want_dgamma = reference(X, gamma, dY, e)
    X, gamma, dY = (np.asarray(a, dtype=float) for a in (X, gamma, dY))
    ms = np.mean(X**2, axis=-1, keepdims=True)
    r = np.sqrt(ms + e)
    c = X - X.mean(axis=-1, keepdims=True)
    assert_close(
        Y,
        want_Y,
        atol=scaled(want_Y),
        what="Y",
        called=called,
        mistakes={
            "the mean is subtracted: that is layer norm; RMS norm does not centre x": gamma
            * c
            / np.sqrt(np.mean(c**2, axis=-1, keepdims=True) + e),
            "eps outside the root: x/(sqrt(mean(x^2)) + eps); eps goes inside": gamma
            * X
            / (np.sqrt(ms) + e),
            "the root of the sum of squares (no /d): r is the root of the *mean* square": gamma
            * X
            / np.sqrt(np.sum(X**2, axis=-1, keepdims=True) + e),
        },
    )
    assert_close(
        dX,
        want_dX,
        rtol=1e-6,
        atol=scaled(want_dX),
        what="dX",
        called=called,
        mistakes={
            "r treated as a constant in the backward (dX = dY*gamma/r): r depends on x too": dY
            * gamma
            / r,
        },
    )
    got = np.asarray(dgamma, dtype=float)
    if X.ndim >= 3 and got.shape == X.shape[1:]:
        fail(
            f"{called}: dgamma has shape {got.shape}: summed over axis 0 only; sum over every "
            f"leading (batch) axis, down to shape ({X.shape[-1]},)"
        )
    assert_close(dgamma, want_dgamma, atol=scaled(want_dgamma), what="dgamma", called=called)
    return tuple(np.asarray(v, dtype=float) for v in (Y, dX, dgamma))


def data(rng, shape, scale=1.0, offset=0.0):
    d = shape[-1]
    X = offset + scale * rng.standard_normal(shape)
    return X, 1 + 0.5 * rng.standard_normal(d), rng.standard_normal(shape)


def test_rmsnorm_forward_backward_documented_example(kata):
    """Does x = [3, 4], gamma = [1, 2], dY = [1, 0] give the docstring's values?

    r = sqrt(12.5), x-hat = [0.848528, 1.131371], Y = [0.848528, 2.262742];
    dX = ([1, 0] - x-hat * 0.424264)/r = [0.64, -0.48]/3.535534.
    """
    Y, dX, dgamma = check(kata, [[3.0, 4.0]], [1.0, 2.0], [[1.0, 0.0]], 1e-12)
    assert_close(dX, [[0.64 / np.sqrt(12.5), -0.48 / np.sqrt(12.5)]], what="dX")


def test_rmsnorm_forward_backward_hand_checked_case(kata):
    """Are rows [1, 1, 1, 1] and [2, -2, 2, -2] (r = 1 and 2) right?

    Row 1: x-hat = 1, Y = gamma = [2, 1, 1, 1]; dY = e_1, g = [2, 0, 0, 0],
    mean(g x-hat) = 1/2, dX = g - 1/2 = [1.5, -0.5, -0.5, -0.5].
    Row 2: x-hat = [1, -1, 1, -1], Y = [2, -1, 1, -1]; dY = 0, dX = 0.
    dgamma = [1, 0, 0, 0].
    """
    X = [[1.0, 1.0, 1.0, 1.0], [2.0, -2.0, 2.0, -2.0]]
    dY = [[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    Y, dX, dgamma = check(kata, X, [2.0, 1.0, 1.0, 1.0], dY, 1e-14)
    assert_close(Y, [[2, 1, 1, 1], [2, -1, 1, -1]], what="Y")
    assert_close(dX, [[1.5, -0.5, -0.5, -0.5], [0, 0, 0, 0]], what="dX")
    assert_close(dgamma, [1, 0, 0, 0], what="dgamma")


@pytest.mark.parametrize(
    "shape, scale, offset",
    [((6, 5), 1.0, 0.0), ((10, 3), 100.0, -50.0), ((4, 8), 1e-2, 1.0), ((3, 7), 3.0, 2.0)],
    ids=["6x5", "large-scale", "small-scale", "offset"],
)
def test_rmsnorm_forward_backward_random_2d(kata, rng, shape, scale, offset):
    """Do random batches of several scales and offsets match the loop-and-Jacobian reference?"""
    check(kata, *data(rng, shape, scale, offset))


@pytest.mark.parametrize("shape", [(7,), (3, 4, 6), (2, 3, 2, 5)], ids=["1d", "3d", "4d"])
def test_rmsnorm_forward_backward_any_number_of_batch_axes(kata, rng, shape):
    """Is a 1-D X one vector, and do 3-D and 4-D X sum dgamma over every leading axis?"""
    check(kata, *data(rng, shape, offset=0.5))


def test_rmsnorm_forward_backward_matches_finite_differences(kata, rng):
    """Are dX and dgamma the derivatives of L = sum(Y * dY) of the function's own Y?"""
    X, gamma, dY = data(rng, (2, 3, 4))
    f = kata.rmsnorm_forward_backward
    called = describe_call(f, X, gamma, dY)
    _, dX, dgamma = check(kata, X, gamma, dY)

    def loss(X_, gamma_):
        return float(np.sum(np.asarray(fields(f(X_, gamma_, dY), NAMES)[0]) * dY))

    assert_gradient(dX, lambda v: loss(v, gamma), X, what="dX", called=called)
    assert_gradient(dgamma, lambda v: loss(X, v), gamma, what="dgamma", called=called)


def test_rmsnorm_forward_backward_zero_vector(kata, rng):
    """Does a zero row give Y = 0 and dX = dY*gamma/sqrt(eps), with no nan?"""
    X = np.array([[0.0, 0.0, 0.0], [1.0, -2.0, 0.5]])
    _, gamma, dY = data(rng, (2, 3))
    Y, dX, _ = check(kata, X, gamma, dY, 1e-6, strictly=True)
    assert_close(Y[0], np.zeros(3), what="Y of the zero row")
    assert_close(dX[0], dY[0] * gamma / 1e-3, what="dX of the zero row")


def test_rmsnorm_forward_backward_one_feature(kata, rng):
    """With d = 1, is Y = gamma*x/sqrt(x^2 + eps) and dX = gamma*dY*eps/r^3?"""
    X, gamma, dY = data(rng, (5, 1), scale=1e-3)
    Y, dX, _ = check(kata, X, gamma, dY, strictly=True)
    r = np.sqrt(X**2 + 1e-6)
    assert_close(dX, gamma * dY * 1e-6 / r**3, what="dX with d = 1")


@pytest.mark.parametrize("eps", [1e-3, 0.5])
def test_rmsnorm_forward_backward_uses_the_given_eps(kata, rng, eps):
    """Does a larger eps (inside the root) change Y and dX as it should?"""
    check(kata, *data(rng, (4, 6), scale=0.1), eps)


def test_rmsnorm_forward_backward_makes_no_autodiff_call(kata, rng):
    """Are the gradients written out, not taken from automatic differentiation?"""
    X, gamma, dY = data(rng, (3, 5))
    called = describe_call(kata.rmsnorm_forward_backward, X, gamma, dY)
    with forbid(*AUTODIFF, called=called):
        check(kata, X, gamma, dY)


def test_rmsnorm_forward_backward_leaves_inputs_unchanged(kata, rng):
    """Are X, gamma and dY left exactly as they were (call() compares them after the call)?"""
    args = data(rng, (4, 3))
    check(kata, *args)


@pytest.mark.parametrize(
    "X, gamma, dY, eps, why",
    [
        (np.ones((2, 3)), np.ones(3), np.ones((2, 3)), 0.0, "eps = 0"),
        (np.ones((2, 3)), np.ones(3), np.ones((2, 3)), -1e-6, "eps < 0"),
        (np.array(1.0), np.ones(1), np.array(1.0), 1e-6, "X is 0-d"),
        (np.ones((0, 3)), np.ones(3), np.ones((0, 3)), 1e-6, "X is empty"),
        (np.ones((2, 3)), np.ones(2), np.ones((2, 3)), 1e-6, "gamma is (2,)"),
        (np.ones((2, 3)), np.ones((1, 3)), np.ones((2, 3)), 1e-6, "gamma is (1, 3)"),
        (np.ones((2, 3)), np.ones(3), np.ones((3, 2)), 1e-6, "dY is (3, 2)"),
    ],
    ids=["eps-0", "eps-negative", "0d", "empty", "gamma", "gamma-2d", "dY"],
)
def test_rmsnorm_forward_backward_rejects_bad_input(kata, X, gamma, dY, eps, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.rmsnorm_forward_backward, X, gamma, dY, eps, why=why)
