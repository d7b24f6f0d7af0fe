"""Grader for optimization/newton_logistic: logistic_regression_newton(X, y, l2, tol, max_iter)
-> w, the minimiser of mean log-loss + (l2/2)||w||^2.

Only the converged w is graded, through its optimality condition (a zero gradient,
which pins the strictly convex problem's unique minimiser), so Newton by np.linalg.solve,
by Cholesky, with or without a line search, or a library optimiser all pass."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe,
    describe_call,
    expect_error,
    fail,
)

STABLE = (
    "evaluate the sigmoid as exp(-logaddexp(0, -z)) (or by cases on the sign of z) and the "
    "log-loss as logaddexp(0, z) - y * z: 1 / (1 + exp(-z)) overflows for z < -709 and "
    "log(sigmoid(z)) takes the log of 0"
)


def sigmoid(z):
    """sigma(z) by cases on the sign of z, so that exp never overflows."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def gradient(X, y, w, l2, penalised=None):
    """X.T (sigma(Xw) - y) / n + l2 w, the penalty restricted to the penalised entries."""
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    mask = np.ones_like(w) if penalised is None else penalised
    return X.T @ (sigmoid(X @ w) - y) / len(y) + l2 * mask * w


def tolerance(X):
    """What a converged float64 Newton reaches, scaled with the size of the features."""
    return 1e-8 * max(1.0, float(np.max(np.abs(X))))


def diagnose(X, y, w, l2):
    """The misconception whose objective w minimises, if any."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    tol = 10 * tolerance(X)
    candidates = {
        "the penalty is missing (l2 * w belongs in the gradient, l2 * I in the Hessian)": (
            gradient(X, y, w, 0.0)
        ),
        "the penalty's gradient is taken as 2 * l2 * w: the penalty is (l2/2)||w||^2, "
        "its gradient l2 * w": gradient(X, y, w, 2 * l2),
        "the log-loss is summed, not averaged (divide X.T (p - y) and X.T W X by n)": (
            gradient(X, y, w, l2 / n)
        ),
        "the labels are flipped: the gradient of the log-loss is X.T (p - y) / n": (
            gradient(X, 1 - y, w, l2)
        ),
    }
    if np.all(X[:, 0] == 1.0):
        penalised = np.ones(d)
        penalised[0] = 0.0
        candidates[
            "the intercept column is left unpenalised: X already holds it and the kata "
            "penalises it like the rest"
        ] = gradient(X, y, w, l2, penalised)
    for words, g in candidates.items():
        if l2 == 0 and "penalty" in words:
            continue
        if np.all(np.isfinite(g)) and np.max(np.abs(g)) <= tol:
            return words
    return ""


def check(kata, X, y, l2=None, strict=False):
    """Call the kata, check that its w has a zero gradient, and return w."""
    f = kata.logistic_regression_newton
    kwargs = {} if l2 is None else {"l2": l2}
    called = describe_call(f, X, y, **kwargs)
    try:
        if strict:
            w = call_strictly(f, X, y, advice=STABLE, **kwargs)
        else:
            w = call(f, X, y, **kwargs)
    except np.linalg.LinAlgError as exc:
        fail(
            f"{called} raised LinAlgError ({exc}). With l2 > 0 the Hessian "
            "X.T @ diag(p(1-p)) @ X / n + l2 * I is positive definite even when X.T X is "
            "singular (d > n, repeated columns): solve the Newton system with it, never "
            "with inv(X.T X)"
        )
    l2 = 1e-4 if l2 is None else l2
    d = np.shape(X)[1]
    w = np.asarray(w, dtype=float)
    if w.shape != (d,):
        fail(f"{called} returned {describe(w)}, expected an array of shape {(d,)}")
    if not np.all(np.isfinite(w)):
        fail(f"{called} returned non-finite weights {describe(w)}: {STABLE}")
    g = gradient(X, y, w, l2)
    worst = float(np.max(np.abs(g)))
    if worst > tolerance(X):
        lines = [
            f"{called}: w = {describe(w)} is not the minimiser: the gradient "
            "X.T (sigma(Xw) - y) / n + l2 w there is "
            f"{describe(g)} (largest {worst:.3g}, allowed {tolerance(X):.3g})"
        ]
        named = diagnose(X, y, w, l2)
        if named:
            lines.append(f"  this is what you get from a known mistake: {named}")
        fail("\n".join(lines))
    return w


def overlapping_data(rng, n, d, scale=1.0, intercept=False):
    X = rng.standard_normal((n, d)) * scale
    if intercept:
        X[:, 0] = 1.0
    w = rng.standard_normal(d) / scale
    y = (rng.random(n) < sigmoid(X @ w)).astype(int)
    return X, y


def separable_data(rng, n, d, scale):
    X = rng.standard_normal((n, d)) * scale
    y = (X @ rng.standard_normal(d) > 0).astype(int)
    return X, y


def test_logistic_regression_newton_documented_example(kata):
    """Does a constant feature with labels [1, 1, 1, 0] and l2 = 0 give w = log 3?"""
    w = check(kata, [[1.0], [1.0], [1.0], [1.0]], [1, 1, 1, 0], l2=0.0)
    assert_close(w, [np.log(3.0)], what="w")


def test_logistic_regression_newton_saturated_model_by_hand(kata):
    """With an intercept and one binary feature (l2 = 0), is sigma(b) = 1/2, sigma(b + a) = 2/3?

    Group x = 0 has labels [1, 0], so b = logit(1/2) = 0; group x = 1 has [1, 1, 0],
    so b + a = logit(2/3) = log 2.
    """
    X = [[1.0, 0.0], [1.0, 0.0], [1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]
    w = check(kata, X, [1, 0, 1, 1, 0], l2=0.0)
    assert_close(w, [0.0, np.log(2.0)], atol=1e-8, what="w")


@pytest.mark.parametrize("n, d", [(50, 3), (200, 6), (30, 10)])
def test_logistic_regression_newton_zero_gradient_on_random_data(kata, rng, n, d):
    """On random overlapping classes, is the gradient of the objective zero at w?"""
    for l2 in (1e-4, 1e-2, 1.0):
        X, y = overlapping_data(rng, n, d)
        check(kata, X, y, l2=l2)


def test_logistic_regression_newton_default_penalty(kata, rng):
    """Is the default l2 = 1e-4 used when l2 is not given?"""
    X, y = overlapping_data(rng, 60, 4)
    check(kata, X, y)


def test_logistic_regression_newton_penalises_the_intercept(kata, rng):
    """Is the intercept column of X penalised like every other weight?"""
    X, y = overlapping_data(rng, 40, 3, intercept=True)
    y[:30] = 1  # a strong base rate makes an unpenalised intercept visibly different
    check(kata, X, y, l2=0.5)


def test_logistic_regression_newton_unpenalised_fit(kata, rng):
    """With l2 = 0 on overlapping classes, is w the maximum-likelihood fit?"""
    X, y = overlapping_data(rng, 80, 3, intercept=True)
    check(kata, X, y, l2=0.0)


def test_logistic_regression_newton_separable_data_stays_finite(kata, rng):
    """On separable data, does the penalised fit converge without any overflow?"""
    X, y = separable_data(rng, 40, 3, 1.0)
    check(kata, X, y, l2=1e-4, strict=True)


@pytest.mark.parametrize("scale", [1.0, 100.0])
def test_logistic_regression_newton_large_logits(kata, rng, scale):
    """With far-away points (logits beyond +-709 at the optimum), is every step finite?"""
    X, y = separable_data(rng, 30, 2, scale)
    direction = np.linalg.lstsq(X, 2.0 * y - 1.0, rcond=None)[0]
    far = np.outer([1e4, -1e4, 3e4, -3e4], direction) * scale / np.linalg.norm(direction)
    X = np.vstack([X, far])
    y = np.concatenate([y, (far @ direction > 0).astype(int)])
    keep = (X @ direction > 0) == (y == 1)  # keep the data separable along `direction`
    check(kata, X[keep], y[keep], l2=1e-4, strict=True)


def test_logistic_regression_newton_more_features_than_samples(kata, rng):
    """With d > n, X.T X is singular; is the penalised Hessian used and the optimum found?"""
    X, y = overlapping_data(rng, 8, 15)
    check(kata, X, y, l2=1e-2)


def test_logistic_regression_newton_repeated_column(kata, rng):
    """With two identical columns, do they share the weight equally (by symmetry)?"""
    X, y = overlapping_data(rng, 50, 3)
    X = np.column_stack([X, X[:, 0]])
    w = check(kata, X, y, l2=1e-3)
    assert_close(w[3], w[0], atol=1e-6, what="the weight of the repeated column")


def test_logistic_regression_newton_strong_penalty(kata, rng):
    """With a huge l2, is w tiny and close to X.T (y - 1/2) / (n l2) (one step from 0)?"""
    X, y = overlapping_data(rng, 30, 3)
    l2 = 1e4
    w = check(kata, X, y, l2=l2)
    assert_close(w, X.T @ (y - 0.5) / (30 * l2), rtol=1e-3, atol=1e-10, what="w")


def test_logistic_regression_newton_single_sample(kata):
    """Does one sample x = [2], y = 1, l2 = 0.1 give the root of 2 (sigma(2w) - 1) + 0.1 w?"""
    check(kata, [[2.0]], [1], l2=0.1)


def test_logistic_regression_newton_accepts_float_labels(kata, rng):
    """Are labels given as floats 0.0 / 1.0 accepted like ints?"""
    X, y = overlapping_data(rng, 30, 2)
    check(kata, X, y.astype(float), l2=1e-3)


@pytest.mark.parametrize(
    "X, y, kwargs, why",
    [
        ([1.0, 2.0], [0, 1], {}, "X is 1-D"),
        ([[1.0], [2.0]], [[0], [1]], {}, "y is 2-D"),
        ([[1.0], [2.0]], [0, 1, 1], {}, "y has 3 entries for 2 samples"),
        (np.zeros((0, 2)), np.zeros(0), {}, "X is empty"),
        ([[1.0], [2.0]], [-1, 1], {}, "labels are -1/+1, not 0/1"),
        ([[1.0], [2.0]], [0, 2], {}, "a label is 2"),
        ([[1.0], [2.0]], [0, 1], {"l2": -1.0}, "l2 is negative"),
    ],
    ids=["X-1d", "y-2d", "y-length", "empty", "pm1-labels", "label-2", "l2<0"],
)
def test_logistic_regression_newton_rejects_bad_input(kata, X, y, kwargs, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.logistic_regression_newton, X, y, why=why, **kwargs)


def test_logistic_regression_newton_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were?"""
    X, y = overlapping_data(rng, 25, 3)
    check(kata, X, y, l2=1e-2)
