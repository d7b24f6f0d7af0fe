"""Grader for deep_learning/layernorm:
layernorm_forward_backward(X, gamma, beta, dY, eps=1e-5) -> LayerNorm(Y, dX, dgamma, dbeta).

The reference normalises one vector at a time in a loop and gets dX from the explicit
Jacobian of x-hat; the gradients are also checked by central differences of
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

NAMES = ["Y", "dX", "dgamma", "dbeta"]


def reference(X, gamma, beta, dY, eps):
    """Y, dX, dgamma, dbeta, one vector at a time, dX through the Jacobian of x-hat."""
    X, gamma, beta, dY = (np.asarray(a, dtype=float) for a in (X, gamma, beta, dY))
    d = X.shape[-1]
    rows, drows = X.reshape(-1, d), dY.reshape(-1, d)
    Y, dX = np.empty_like(rows), np.empty_like(rows)
    dgamma, dbeta = np.zeros(d), np.zeros(d)
    for r, (x, dy) in enumerate(zip(rows, drows, strict=True)):
        mu = sum(x) / d
        s = np.sqrt(sum((x - mu) ** 2) / d + eps)
        xhat = (x - mu) / s
        Y[r] = gamma * xhat + beta
        jacobian = (np.eye(d) - 1.0 / d) / s - np.outer(xhat, xhat) / (d * s)
        dX[r] = jacobian.T @ (dy * gamma)
        dgamma += dy * xhat
        dbeta += dy
    return Y.reshape(X.shape), dX.reshape(X.shape), dgamma, dbeta


def scaled(value):
    """An absolute tolerance relative to the size of the expected values."""
    return 1e-9 * max(float(np.max(np.abs(value), initial=0.0)), 1e-300)


def check(kata, X, gamma, beta, dY, eps=None, strictly=False):
    f = kata.layernorm_forward_backward
    args = (X, gamma, beta, dY) + (() if eps is None else (eps,))
    e = 1e-5 if eps is None else eps
    called = describe_call(f, *args)
    result = (call_strictly if strictly else call)(f, *args)
    Y, dX, dgamma, dbeta = fields(result, NAMES, "layernorm_forward_backward")
    want_Y, want_dX, want_dgamma, want_dbeta = reference(X, gamma, beta, dY, e)
    X, gamma, beta, dY = (np.asarray(a, dtype=float) for a in (X, gamma, beta, dY))
    d = X.shape[-1]
    c = X - X.mean(axis=-1, keepdims=True)
    var = np.mean(c**2, axis=-1, keepdims=True)
    s = np.sqrt(var + e)
    y_mistakes = {
        "eps outside the root: (x - mu)/(sigma + eps), eps goes inside, sqrt(sigma^2 + eps)": (
            gamma * c / (np.sqrt(var) + e) + beta
        ),
    }
    if d > 1:
        y_mistakes["unbiased variance (divisor d - 1); layer norm uses the biased one (d)"] = (
            gamma * c / np.sqrt(var * d / (d - 1) + e) + beta
        )
    if X.ndim >= 2 and X.shape[0] > 1:
        c0 = X - X.mean(axis=0)
        y_mistakes["normalised over axis 0 (batch norm); layer norm uses the last axis"] = (
            gamma * c0 / np.sqrt(np.mean(c0**2, axis=0) + e) + beta
        )
    assert_close(Y, want_Y, atol=scaled(want_Y), what="Y", called=called, mistakes=y_mistakes)
    assert_close(
        dX,
        want_dX,
        rtol=1e-6,
        atol=scaled(want_dX),
        what="dX",
        called=called,
        mistakes={
            "mu and sigma treated as constants in the backward (dX = dY*gamma/sigma): they "
            "depend on x too": dY * gamma / s,
        },
    )
    for name, got, want in [
        ("dgamma", dgamma, want_dgamma),
        ("dbeta", dbeta, want_dbeta),
    ]:
        got_a = np.asarray(got, dtype=float)
        if X.ndim >= 3 and got_a.shape == X.shape[1:]:
            fail(
                f"{called}: {name} has shape {got_a.shape}: summed over axis 0 only; sum over "
                f"every leading (batch) axis, down to shape ({d},)"
            )
        assert_close(got, want, atol=scaled(want), what=name, called=called)
    return tuple(np.asarray(v, dtype=float) for v in (Y, dX, dgamma, dbeta))


def data(rng, shape, scale=1.0, offset=0.0):
    d = shape[-1]
    X = offset + scale * rng.standard_normal(shape)
    return X, 1 + 0.5 * rng.standard_normal(d), rng.standard_normal(d), rng.standard_normal(shape)


def test_layernorm_forward_backward_documented_example(kata):
    """Does the docstring's example give Y = [[-1, 1]], dX = 0, dgamma = [-1, 0], dbeta = [1, 0]?"""
    Y, dX, dgamma, dbeta = check(kata, [[1.0, 3.0]], [1.0, 1.0], [0.0, 0.0], [[1.0, 0.0]], 1e-12)
    assert_close(Y, [[-1.0, 1.0]], what="Y")
    assert_close(dgamma, [-1.0, 0.0], what="dgamma")


def test_layernorm_forward_backward_hand_checked_case(kata):
    """Is x = [0, 0, 3, 3] worked by hand right?

    mu = 1.5, sigma = 1.5, x-hat = [-1, -1, 1, 1]; gamma = [1, 2, 3, 4], beta = [0, 1, 0, 1]
    give Y = [-1, -1, 3, 5]. dY = e_1: g = [1, 0, 0, 0], mean(g) = 1/4,
    mean(g x-hat) = -1/4, dX = (g - 1/4 + x-hat/4)/1.5 = [1/3, -1/3, 0, 0];
    dgamma = [-1, 0, 0, 0], dbeta = [1, 0, 0, 0].
    """
    out = check(kata, [[0.0, 0.0, 3.0, 3.0]], [1, 2, 3, 4], [0, 1, 0, 1], [[1, 0, 0, 0]], 1e-12)
    for name, got, want in zip(
        NAMES,
        out,
        [[[-1, -1, 3, 5]], [[1 / 3, -1 / 3, 0, 0]], [-1, 0, 0, 0], [1, 0, 0, 0]],
        strict=True,
    ):
        assert_close(got, want, atol=1e-10, what=name)


@pytest.mark.parametrize(
    "shape, scale, offset",
    [((6, 5), 1.0, 0.0), ((10, 3), 100.0, -50.0), ((4, 8), 1e-2, 1.0), ((2, 7), 3.0, 0.0)],
    ids=["6x5", "large-scale", "small-scale", "2x7"],
)
def test_layernorm_forward_backward_random_2d(kata, rng, shape, scale, offset):
    """Do random batches of several scales match the loop-and-Jacobian reference?"""
    check(kata, *data(rng, shape, scale, offset))


@pytest.mark.parametrize("shape", [(7,), (3, 4, 6), (2, 3, 2, 5)], ids=["1d", "3d", "4d"])
def test_layernorm_forward_backward_any_number_of_batch_axes(kata, rng, shape):
    """Is a 1-D X one vector, and do 3-D and 4-D X sum dgamma, dbeta over every leading axis?"""
    check(kata, *data(rng, shape))


def test_layernorm_forward_backward_matches_finite_differences(kata, rng):
    """Are dX, dgamma and dbeta the derivatives of L = sum(Y * dY) of the function's own Y?"""
    X, gamma, beta, dY = data(rng, (2, 3, 4))
    f = kata.layernorm_forward_backward
    called = describe_call(f, X, gamma, beta, dY)
    _, dX, dgamma, dbeta = check(kata, X, gamma, beta, dY)

    def loss(X_, gamma_, beta_):
        return float(np.sum(np.asarray(fields(f(X_, gamma_, beta_, dY), NAMES)[0]) * dY))

    assert_gradient(dX, lambda v: loss(v, gamma, beta), X, what="dX", called=called)
    assert_gradient(dgamma, lambda v: loss(X, v, beta), gamma, what="dgamma", called=called)
    assert_gradient(dbeta, lambda v: loss(X, gamma, v), beta, what="dbeta", called=called)


def test_layernorm_forward_backward_one_feature(kata, rng):
    """With d = 1 (x-hat = 0), is Y = beta and dX = 0 for every row?"""
    X, gamma, beta, dY = data(rng, (5, 1))
    Y, dX, _, _ = check(kata, X, gamma, beta, dY, strictly=True)
    assert_close(Y, np.full((5, 1), beta[0]), what="Y with d = 1")
    assert_close(dX, np.zeros((5, 1)), atol=1e-12, what="dX with d = 1")


def test_layernorm_forward_backward_constant_vectors(kata, rng):
    """Does a constant row give x-hat = 0 (Y = beta), finite gradients and no nan?"""
    X = np.array([[2.0, 2.0, 2.0, 2.0], [0.0, 0.0, 0.0, 0.0], [1.0, -1.0, 3.0, 0.5]])
    _, gamma, beta, dY = data(rng, (3, 4))
    Y, dX, dgamma, dbeta = check(kata, X, gamma, beta, dY, strictly=True)
    assert_close(Y[:2], np.vstack([beta, beta]), what="Y of the constant rows")


@pytest.mark.parametrize("eps", [1e-3, 0.5])
def test_layernorm_forward_backward_uses_the_given_eps(kata, rng, eps):
    """Does a larger eps (inside the root) change Y and dX as it should?"""
    check(kata, *data(rng, (4, 6), scale=0.1), eps)


def test_layernorm_forward_backward_makes_no_autodiff_call(kata, rng):
    """Are the gradients written out, not taken from automatic differentiation?"""
    X, gamma, beta, dY = data(rng, (3, 5))
    called = describe_call(kata.layernorm_forward_backward, X, gamma, beta, dY)
    with forbid(*AUTODIFF, called=called):
        check(kata, X, gamma, beta, dY)


def test_layernorm_forward_backward_leaves_inputs_unchanged(kata, rng):
    """Are X, gamma, beta and dY left exactly as they were (call() compares them after the call)?"""
    args = data(rng, (4, 3))
    check(kata, *args)


@pytest.mark.parametrize(
    "X, gamma, beta, dY, eps, why",
    [
        (np.ones((2, 3)), np.ones(3), np.zeros(3), np.ones((2, 3)), 0.0, "eps = 0"),
        (np.ones((2, 3)), np.ones(3), np.zeros(3), np.ones((2, 3)), -1e-5, "eps < 0"),
        (np.array(1.0), np.ones(1), np.zeros(1), np.array(1.0), 1e-5, "X is 0-d"),
        (np.ones((0, 3)), np.ones(3), np.zeros(3), np.ones((0, 3)), 1e-5, "X is empty"),
        (np.ones((2, 3)), np.ones(2), np.zeros(3), np.ones((2, 3)), 1e-5, "gamma is (2,)"),
        (np.ones((2, 3)), np.ones(3), np.zeros((1, 3)), np.ones((2, 3)), 1e-5, "beta is (1, 3)"),
        (np.ones((2, 3)), np.ones(3), np.zeros(3), np.ones((3, 2)), 1e-5, "dY is (3, 2)"),
    ],
    ids=["eps-0", "eps-negative", "0d", "empty", "gamma", "beta", "dY"],
)
def test_layernorm_forward_backward_rejects_bad_input(kata, X, gamma, beta, dY, eps, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.layernorm_forward_backward, X, gamma, beta, dY, eps, why=why)
