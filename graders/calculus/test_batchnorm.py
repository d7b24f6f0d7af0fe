"""Grader for calculus/batchnorm: batchnorm_forward_backward(X, gamma, beta, dY, eps=1e-5)
-> BatchNorm(Y, dX, dgamma, dbeta), training mode, biased variance."""

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

NAMES = ("Y", "dX", "dgamma", "dbeta")


def reference(X, gamma, beta, dY, eps=1e-5):
    """Forward pass, and dX from the explicit n×n Jacobian of each normalised column.

    For one column, d x̂_j / d x_i = ((δ_ij - 1/n) - x̂_i x̂_j / n) / s, s = sqrt(σ² + eps).
    """
    X, gamma, beta, dY = (np.asarray(a, dtype=float) for a in (X, gamma, beta, dY))
    n, d = X.shape
    s = np.sqrt(X.var(axis=0) + eps)
    x_hat = (X - X.mean(axis=0)) / s
    Y = gamma * x_hat + beta
    dX = np.empty_like(X)
    for k in range(d):
        J = (np.eye(n) - 1.0 / n - np.outer(x_hat[:, k], x_hat[:, k]) / n) / s[k]
        dX[:, k] = gamma[k] * (J.T @ dY[:, k])
    return Y, dX, np.sum(dY * x_hat, axis=0), dY.sum(axis=0)


def known_mistakes(X, gamma, beta, dY, eps):
    X, gamma, beta, dY = (np.asarray(a, dtype=float) for a in (X, gamma, beta, dY))
    n = len(X)
    centred = X - X.mean(axis=0)
    unbiased = np.sqrt(centred.var(axis=0, ddof=1) + eps) if n > 1 else np.nan
    s = np.sqrt(X.var(axis=0) + eps)
    return {
        "Y": {
            "the unbiased variance (divisor n - 1): batch norm uses the biased one (n)": (
                gamma * centred / unbiased + beta
            ),
            "eps added to the standard deviation, not inside the square root": (
                gamma * centred / (np.sqrt(X.var(axis=0)) + eps) + beta
            ),
            "one mean and variance over the whole batch: batch norm normalises each "
            "feature (column, axis 0) on its own": (
                gamma * (X - X.mean()) / np.sqrt(X.var() + eps) + beta
            ),
            "each sample (row) normalised over its features, as layer norm does: batch "
            "norm normalises each feature (column, axis 0) over the batch": (
                gamma
                * (X - X.mean(axis=1, keepdims=True))
                / np.sqrt(X.var(axis=1, keepdims=True) + eps)
                + beta
            ),
        },
        "dX": {
            "the mean and variance are treated as constants in the backward pass: they "
            "depend on every x_i, so dX has two more terms": gamma * dY / s,
            "the mean is differentiated but the variance is treated as a constant": (
                gamma * (dY - dY.mean(axis=0)) / s
            ),
        },
        "dgamma": {"dgamma = Σ dY, without the factor x̂": dY.sum(axis=0)},
        "dbeta": {"dbeta is the mean of dY, not the sum": dY.mean(axis=0)},
    }


def check(kata, X, gamma, beta, dY, *eps, **tolerance):
    f = kata.batchnorm_forward_backward
    called = describe_call(f, X, gamma, beta, dY, *eps)
    result = call(f, X, gamma, beta, dY, *eps)
    got = fields(result, NAMES, "batchnorm_forward_backward")
    want = reference(X, gamma, beta, dY, *eps)
    mistakes = known_mistakes(X, gamma, beta, dY, *(eps or (1e-5,)))
    for name, value, expected in zip(NAMES, got, want, strict=True):
        assert_close(
            value, expected, what=name, called=called, mistakes=mistakes[name], **tolerance
        )
    return got


def problem(rng, n, d, scale=1.0):
    return (
        rng.standard_normal((n, d)) * scale + rng.standard_normal(d),
        rng.uniform(0.5, 2.0, size=d),
        rng.standard_normal(d),
        rng.standard_normal((n, d)),
    )


@pytest.mark.points(2)
def test_batchnorm_forward_backward_documented_example(kata):
    """Does X = [0, 1, 2]ᵀ, γ = 2, β = 1, dY = [1, 0, 0]ᵀ, eps = 0 give the docstring's values?

    μ = 1, σ² = 2/3, x̂ = [-1, 0, 1]·sqrt(3/2); dX = (γ/σ)(dY - 1/3 - x̂·mean(dY x̂))
    = sqrt(6)·[1/6, -1/3, 1/6].
    """
    Y, dX, dgamma, dbeta = check(
        kata, [[0.0], [1.0], [2.0]], [2.0], [1.0], [[1.0], [0.0], [0.0]], 0.0
    )
    r = np.sqrt(1.5)
    assert_close(Y, [[1 - 2 * r], [1.0], [1 + 2 * r]], what="Y")
    assert_close(dX, np.sqrt(6) * np.array([[1 / 6], [-1 / 3], [1 / 6]]), what="dX")
    assert_close(dgamma, [-r], what="dgamma")
    assert_close(dbeta, [1.0], what="dbeta")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(8, 3), (2, 5), (50, 4)])
def test_batchnorm_forward_backward_random_batches(kata, rng, n, d):
    """Do random batches match the forward pass and the explicit Jacobian of x̂?"""
    check(kata, *problem(rng, n, d))


@pytest.mark.points(2)
def test_batchnorm_forward_backward_output_statistics(kata, rng):
    """Training mode: does each column of Y have mean β and biased variance γ²σ²/(σ²+eps)?"""
    X, gamma, beta, dY = problem(rng, 20, 3, scale=3.0)
    Y = check(kata, X, gamma, beta, dY)[0]
    var = X.var(axis=0)
    assert_close(np.mean(Y, axis=0), beta, what="the column means of Y", atol=1e-12)
    assert_close(np.var(Y, axis=0), gamma**2 * var / (var + 1e-5), what="the column variances of Y")


@pytest.mark.points(3)
def test_batchnorm_forward_backward_dX_matches_finite_differences(kata, rng):
    """Is dX the gradient of L = Σ Y·dY in X, mean and variance included (finite differences)?"""
    X, gamma, beta, dY = problem(rng, 6, 3)
    f = kata.batchnorm_forward_backward
    called = describe_call(f, X, gamma, beta, dY)
    result = call(f, X, gamma, beta, dY)
    dX = field(result, "dX", 1)

    def loss(X_):
        return float(np.sum(field(f(X_, gamma, beta, dY), "Y", 0) * dY))

    assert_gradient(dX, loss, X, what="dX", called=called)


@pytest.mark.points(2)
def test_batchnorm_forward_backward_dgamma_dbeta_match_finite_differences(kata, rng):
    """Are dgamma and dbeta the gradients of L = Σ Y·dY in γ and β?"""
    X, gamma, beta, dY = problem(rng, 7, 2)
    f = kata.batchnorm_forward_backward
    called = describe_call(f, X, gamma, beta, dY)
    _, _, dgamma, dbeta = fields(call(f, X, gamma, beta, dY), NAMES, "batchnorm_forward_backward")

    def loss(g, b):
        return float(np.sum(field(f(X, g, b, dY), "Y", 0) * dY))

    assert_gradient(dgamma, lambda g: loss(g, beta), gamma, what="dgamma", called=called)
    assert_gradient(dbeta, lambda b: loss(gamma, b), beta, what="dbeta", called=called)


@pytest.mark.points(2)
def test_batchnorm_forward_backward_eps_is_used(kata, rng):
    """With eps = 0.5 (large), are Y and dX computed with σ² + eps inside the root?"""
    check(kata, *problem(rng, 5, 2), 0.5)


def test_batchnorm_forward_backward_constant_column_and_single_sample(kata, rng):
    """A constant column normalises to 0 (Y = β); with n = 1, Y = β and dX = 0."""
    X, gamma, beta, dY = problem(rng, 4, 2)
    X[:, 1] = 3.0
    Y = check(kata, X, gamma, beta, dY)[0]
    assert_close(Y[:, 1], np.full(4, beta[1]), what="Y of the constant column")
    _, dX, _, _ = check(kata, *problem(rng, 1, 3))
    assert_close(dX, np.zeros((1, 3)), what="dX with one sample")


def test_batchnorm_forward_backward_leaves_inputs_unchanged(kata, rng):
    """Are X, gamma, beta and dY exactly as before (also checked on every call)?"""
    arrays = problem(rng, 6, 3)
    check(kata, *arrays)  # call() compares all four after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "change, why",
    [
        ("X_1d", "X is 1-D"),
        ("gamma_length", "gamma has 2 entries for 3 features"),
        ("beta_length", "beta has 4 entries for 3 features"),
        ("dY_shape", "dY has 5 rows, X has 4"),
        ("empty", "there are no samples"),
        ("eps_negative", "eps is negative"),
    ],
)
def test_batchnorm_forward_backward_rejects_bad_input(kata, rng, change, why):
    """Does bad input raise ValueError with a message?"""
    X, gamma, beta, dY = problem(rng, 4, 3)
    eps = 1e-5
    if change == "X_1d":
        X, dY = X[0], dY[0]
    elif change == "gamma_length":
        gamma = gamma[:2]
    elif change == "beta_length":
        beta = np.append(beta, 1.0)
    elif change == "dY_shape":
        dY = np.vstack([dY, dY[:1]])
    elif change == "empty":
        X, dY = X[:0], dY[:0]
    elif change == "eps_negative":
        eps = -1.0
    expect_error(ValueError, kata.batchnorm_forward_backward, X, gamma, beta, dY, eps, why=why)
