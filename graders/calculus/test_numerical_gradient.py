"""Grader for calculus/numerical_gradient: numerical_gradient(f, x, h=1e-5) -> like x."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def forward_difference(f, x, h):
    """What a forward difference (f(x + h e_i) - f(x)) / h returns."""
    x = np.array(x, dtype=float)
    base = float(f(x))
    out = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = x.copy()
        step[index] += h
        out[index] = (float(f(step)) - base) / h
    return out


def never_restored(f, x, h):
    """What central differences give when each coordinate is left at x_i - h."""
    x = np.array(x, dtype=float)
    out = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        up = float(f(x))
        x[index] = original - h
        out[index] = (up - float(f(x))) / (2 * h)
    return out


def check(kata, f, x, want, h=None, rtol=1e-7, atol=1e-8):
    """Call numerical_gradient and compare with the analytic gradient ``want``."""
    func = kata.numerical_gradient
    args = (f, x) if h is None else (f, x, h)
    called = describe_call(func, *args)
    got = call(func, *args)
    step = 1e-5 if h is None else h
    if np.shape(got) != np.shape(want):
        fail(
            f"{called} returned shape {np.shape(got)}, expected {np.shape(want)} (the "
            "shape of x): loop over every index of x (np.ndindex), not only over x's "
            "first axis"
        )
    assert_close(
        got,
        want,
        rtol=rtol,
        atol=atol,
        what="the gradient",
        called=called,
        mistakes={
            "forward differences (f(x + h) - f(x)) / h: their error is of order h, "
            "use central differences (f(x + h) - f(x - h)) / 2h": forward_difference(f, x, step),
            "each coordinate is not restored after its differences (x_i stays at x_i - h)": (
                never_restored(f, x, step)
            ),
            "dividing by h instead of 2h": 2 * np.asarray(want, float),
        },
    )
    return got


@pytest.mark.points(2)
def test_numerical_gradient_documented_example(kata):
    """Does the docstring's example give [2, 3] and [[2, -4]]?"""
    check(kata, lambda v: v[0] ** 2 + 3 * v[1], [1.0, 2.0], [2.0, 3.0])
    check(kata, lambda m: (m**2).sum(), [[1.0, -2.0]], [[2.0, -4.0]])


@pytest.mark.points(2)
def test_numerical_gradient_uses_central_differences_with_step_h(kata):
    """For f(x) = x0³ + x1³ with h = 0.1, is the result exactly 3x² + h²?

    (f(x + h) - f(x - h)) / 2h = ((x+h)³ - (x-h)³) / 2h = 3x² + h²; a forward
    difference gives 3x² + 3xh + h², and ignoring h gives about 3x².
    """
    x = np.array([1.0, -2.0])
    check(
        kata,
        lambda v: float(np.sum(v**3)),
        x,
        3 * x**2 + 0.01,
        h=0.1,
        rtol=1e-9,
        atol=1e-9,
    )


@pytest.mark.points(3)
def test_numerical_gradient_error_is_of_order_h_squared(kata, rng):
    """On a steep quadratic (large f'', zero f'''), is the error far below h?

    Central differences are exact on quadratics up to round-off; a forward
    difference is off by h·f''/2, about 1e-3 here.
    """
    M = rng.standard_normal((5, 5))
    A = 100 * (M @ M.T / 5 + np.eye(5))
    b = rng.standard_normal(5)
    x = rng.standard_normal(5)
    check(kata, lambda v: 0.5 * v @ A @ v + b @ v, x, A @ x + b, atol=1e-6)


@pytest.mark.points(3)
@pytest.mark.parametrize("shape", [(4,), (2, 3), (2, 2, 3), (1,), ()], ids=str)
def test_numerical_gradient_any_shape(kata, rng, shape):
    """Is every entry of an x of any shape (also 0-d) differentiated, in place?

    f(x) = Σ c·sin(x) + (Σ w·x)² has gradient c·cos(x) + 2(Σ w·x)·w.
    """
    c = rng.uniform(0.5, 2.0, size=shape)
    w = rng.standard_normal(shape)
    x = rng.standard_normal(shape)

    def f(v):
        if np.shape(v) != shape:
            fail(f"f was called with an array of shape {np.shape(v)}, x has shape {shape}")
        return float(np.sum(c * np.sin(v)) + np.sum(w * v) ** 2)

    check(kata, f, x, c * np.cos(x) + 2 * np.sum(w * x) * w)


@pytest.mark.points(2)
def test_numerical_gradient_coupled_coordinates(kata, rng):
    """When f couples coordinates, is each one restored before the next is nudged?

    f(x) = exp(x0·x1) + x1·x2·x3 + x0²·x3: a coordinate left at x_i ± h changes
    the slopes found for the others.
    """
    x = rng.uniform(-1, 1, size=4)

    def f(v):
        return np.exp(v[0] * v[1]) + v[1] * v[2] * v[3] + v[0] ** 2 * v[3]

    e = np.exp(x[0] * x[1])
    want = [
        x[1] * e + 2 * x[0] * x[3],
        x[0] * e + x[2] * x[3],
        x[1] * x[3],
        x[1] * x[2] + x[0] ** 2,
    ]
    check(kata, f, x, want)


def test_numerical_gradient_accepts_integer_lists(kata):
    """Is a list of ints converted to float (x + h must not be rounded to an int)?"""
    check(kata, lambda v: float(v @ v), [1, 2, 3], [2.0, 4.0, 6.0])


@pytest.mark.points(2)
def test_numerical_gradient_leaves_x_unchanged(kata, rng):
    """Is the caller's float array x exactly as before (also checked on every call)?"""
    x = rng.standard_normal((3, 2))
    check(kata, lambda v: float(np.sum(v**2)), x, 2 * x)  # call() compares x after the call


@pytest.mark.parametrize(
    "x, h, why",
    [
        ([1.0, 2.0], 0.0, "h is 0"),
        ([1.0, 2.0], -1e-5, "h is negative"),
        (np.zeros(0), 1e-5, "x is empty"),
    ],
    ids=["h-zero", "h-negative", "empty"],
)
def test_numerical_gradient_rejects_bad_input(kata, x, h, why):
    """Does a step h ≤ 0 or an empty x raise ValueError with a message?"""
    expect_error(ValueError, kata.numerical_gradient, lambda v: float(np.sum(v)), x, h, why=why)
