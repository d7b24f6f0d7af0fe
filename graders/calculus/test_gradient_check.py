"""Grader for calculus/gradient_check: gradient_check(f, grad, x, h=1e-5) -> float."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    numeric_gradient,
)


def relative_errors(analytic, true):
    """Entry-wise |a - n| / max(|a|, |n|, 1e-12), with n the true gradient."""
    a, n = np.asarray(analytic, float), np.asarray(true, float)
    return np.abs(a - n) / np.maximum(np.maximum(np.abs(a), np.abs(n)), 1e-12)


def check(kata, f, grad, x, want, h=None, rtol=1e-6, atol=1e-9, mistakes=None):
    func = kata.gradient_check
    args = (f, grad, x) if h is None else (f, grad, x, h)
    called = describe_call(func, *args)
    got = call_strictly(func, *args)
    if np.ndim(got) != 0:
        fail(f"{called} should return one number (the largest error), got shape {np.shape(got)}")
    assert_close(
        got, want, rtol=rtol, atol=atol, what="the relative error", called=called, mistakes=mistakes
    )
    return float(got)


@pytest.mark.points(2)
def test_gradient_check_documented_example(kata):
    """Does the docstring's example give ≈ 0 for 2v and 0.2 for 2v + [0, 1]?

    At x = [1, 2] the true gradient is [2, 4]; the claimed [2, 5] is off by 1 in the
    second entry: 1 / max(5, 4) = 0.2.
    """

    def f(v):
        return v[0] ** 2 + v[1] ** 2

    check(kata, f, lambda v: 2 * v, [1.0, 2.0], 0.0, atol=1e-8)
    check(
        kata,
        f,
        lambda v: 2 * v + [0.0, 1.0],
        [1.0, 2.0],
        0.2,
        mistakes={
            "dividing by |numeric| only, not max(|a|, |n|)": 0.25,
            "the absolute error |a - n|, not the relative one": 1.0,
            "the error of the whole vectors (norms), not the largest entry-wise one": (
                1.0 / np.sqrt(29)
            ),
            "the mean of the entry-wise errors, not the largest": 0.1,
        },
    )


@pytest.mark.points(2)
def test_gradient_check_uses_central_differences_with_step_h(kata):
    """For f = x³ with h = 0.1 and the exact grad 3x², is the error 0.01 / 3.01 at x = 1?

    Central differences give 3x² + h² = 3.01, so the error is 0.01 / 3.01 (a forward
    difference would give 3.31 and 0.31 / 3.31).
    """
    check(
        kata,
        lambda v: float(np.sum(v**3)),
        lambda v: 3 * v**2,
        [1.0],
        0.01 / 3.01,
        h=0.1,
        rtol=1e-8,
        mistakes={"a forward difference instead of a central one": 0.31 / 3.31},
    )


@pytest.mark.points(3)
def test_gradient_check_largest_entrywise_relative_error(kata):
    """Is each entry scaled by its own size, and the worst entry reported?

    True gradient [100, 0.01], claimed [101, 0.02]: entry errors 1/101 and
    0.01/0.02 = 0.5, so 0.5; comparing whole vectors would give about 0.0099.
    """
    w = np.array([50.0, 0.005])
    x = np.array([1.0, 1.0])
    err = relative_errors([101.0, 0.02], [100.0, 0.01])
    check(
        kata,
        lambda v: float(w @ v**2),
        lambda v: np.array([101.0, 0.02]),
        x,
        err.max(),
        mistakes={
            "the error of the whole vectors (norms), not the largest entry-wise one": (
                np.linalg.norm([1.0, 0.01]) / np.linalg.norm([101.0, 0.02])
            ),
            "the mean of the entry-wise errors, not the largest": err.mean(),
            "the absolute error |a - n|, not the relative one": 1.0,
        },
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("shape", [(6,), (3, 4)], ids=str)
def test_gradient_check_random_gradients(kata, rng, shape):
    """Is a correct gradient accepted (error < 1e-7) and a perturbed one measured?

    f(x) = Σ c·exp(x/2) + Σ a·x + (Σ w·x)²/10, built so that no entry of the gradient
    is near 0 (where relative errors are round-off over nearly nothing); the claimed
    gradient is wrong by a relative 1e-3 in one entry, so the error is close to 1e-3
    (checked against central differences computed by the grader).
    """
    c = rng.uniform(0.5, 2.0, size=shape)
    a = rng.uniform(0.5, 1.0, size=shape)
    w = rng.uniform(0.0, 0.3, size=shape)
    x = rng.uniform(-1.0, 1.0, size=shape)

    def f(v):
        return float(np.sum(c * np.exp(v / 2)) + np.sum(a * v) + np.sum(w * v) ** 2 / 10)

    def grad(v):
        return c * np.exp(v / 2) / 2 + a + np.sum(w * v) * w / 5

    got = check(kata, f, grad, x, 0.0, atol=1e-7)
    if got < 0:
        fail(f"gradient_check returned {got}: an error is never negative")
    bump = np.ones(shape)
    bump.flat[rng.integers(bump.size)] = 1.001

    def wrong(v):
        return grad(v) * bump

    want = relative_errors(wrong(x), numeric_gradient(f, x, 1e-5)).max()
    check(kata, f, wrong, x, want, rtol=1e-4)


@pytest.mark.points(2)
def test_gradient_check_both_zero_gives_zero(kata):
    """Where the claimed and the numerical gradient are both exactly 0, is the error 0?

    f is constant, so every difference is exactly 0: 0 / max(0, 0, 1e-12) = 0, not
    0/0 = nan (checked with division by zero raising an error).
    """
    check(kata, lambda v: 3.0, lambda v: np.zeros(3), [1.0, 2.0, 3.0], 0.0, atol=0.0)


def test_gradient_check_zero_gradient_claimed_wrongly(kata):
    """If grad says 0 where the slope is 2, is the error 1 (the largest possible)?"""
    check(kata, lambda v: 2 * v[0], lambda v: np.zeros(1), [0.5], 1.0)


def test_gradient_check_leaves_x_unchanged(kata, rng):
    """Is the caller's x exactly as before (also checked on every call)?"""
    x = rng.uniform(0.5, 2.0, size=4) * rng.choice([-1.0, 1.0], size=4)
    check(kata, lambda v: float(v @ v), lambda v: 2 * v, x, 0.0, atol=1e-8)  # call() compares x


@pytest.mark.parametrize(
    "grad, x, h, why",
    [
        (lambda v: np.zeros(1), [1.0, 2.0, 3.0], 1e-5, "grad(x) has 1 entry, x has 3"),
        (lambda v: np.zeros((3, 1)), [1.0, 2.0, 3.0], 1e-5, "grad(x) has shape (3, 1)"),
        (lambda v: v, np.zeros(0), 1e-5, "x is empty"),
        (lambda v: v, [1.0], 0.0, "h is 0"),
    ],
    ids=["grad-size", "grad-shape", "empty", "h-zero"],
)
def test_gradient_check_rejects_bad_input(kata, grad, x, h, why):
    """Does a gradient of the wrong shape, an empty x or h = 0 raise ValueError?"""
    expect_error(
        ValueError, kata.gradient_check, lambda v: float(np.sum(v**2)), grad, x, h, why=why
    )
