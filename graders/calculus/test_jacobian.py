"""Grader for calculus/jacobian: jacobian(f, x, h=1e-5) -> (m, n)."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call,
    describe_call,
    expect_error,
)


def forward_jacobian(f, x, h):
    """What forward differences (f(x + h e_j) - f(x)) / h give."""
    x = np.array(x, dtype=float)
    base = np.asarray(f(x), float)
    return np.stack([(np.asarray(f(x + h * e), float) - base) / h for e in np.eye(len(x))], 1)


def check(kata, f, x, want, h=None, rtol=1e-7, atol=1e-8):
    func = kata.jacobian
    args = (f, x) if h is None else (f, x, h)
    called = describe_call(func, *args)
    got = call(func, *args)
    want = np.asarray(want, dtype=float)
    assert_close(
        got,
        want,
        rtol=rtol,
        atol=atol,
        what="the Jacobian",
        called=called,
        mistakes={
            "the transpose (n, m): rows must be outputs f_i, columns inputs x_j": want.T,
            "forward differences (error of order h): use central differences": (
                forward_jacobian(f, x, 1e-5 if h is None else h)
            ),
            "dividing by h instead of 2h": 2 * want,
        },
    )
    return got


@pytest.mark.points(2)
def test_jacobian_documented_example(kata):
    """Does f(v) = [v0·v1, v1², 3·v0] at [1, 2] give [[2, 1], [0, 4], [3, 0]]?"""
    check(
        kata,
        lambda v: np.array([v[0] * v[1], v[1] ** 2, 3 * v[0]]),
        [1.0, 2.0],
        [[2.0, 1.0], [0.0, 4.0], [3.0, 0.0]],
    )


@pytest.mark.points(2)
def test_jacobian_of_a_linear_map_is_its_matrix(kata, rng):
    """Is the Jacobian of x ↦ Ax + c exactly A, shape (m, n) = (2, 4), not its transpose?"""
    A = rng.standard_normal((2, 4))
    c = rng.standard_normal(2)
    check(kata, lambda v: A @ v + c, rng.standard_normal(4), A)


def test_jacobian_uses_central_differences_with_step_h(kata):
    """For f(v) = [v0³, v0·v1] with h = 0.1 at [1, 2], is J = [[3.01, 0], [2, 1]]?

    ((x+h)³ - (x-h)³) / 2h = 3x² + h² = 3.01; the product is exact.
    """
    check(
        kata,
        lambda v: np.array([v[0] ** 3, v[0] * v[1]]),
        [1.0, 2.0],
        [[3.01, 0.0], [2.0, 1.0]],
        h=0.1,
        rtol=1e-9,
        atol=1e-9,
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("m, n", [(3, 5), (5, 2), (4, 4)])
def test_jacobian_random_smooth_maps(kata, rng, m, n):
    """Does f(x) = tanh(Bx) + (x·x)·c match its analytic Jacobian diag(1 - t²)B + 2c xᵀ?"""
    B = rng.standard_normal((m, n))
    c = rng.standard_normal(m)
    x = rng.standard_normal(n) / 2

    def f(v):
        return np.tanh(B @ v) + (v @ v) * c

    t = np.tanh(B @ x)
    check(kata, f, x, (1 - t**2)[:, None] * B + 2 * np.outer(c, x), rtol=1e-6)


@pytest.mark.points(2)
def test_jacobian_rows_are_gradients_of_the_outputs(kata, rng):
    """Is row i the gradient of f_i (checked by the grader's own finite differences)?"""
    W = rng.standard_normal((3, 4))
    x = rng.standard_normal(4)

    def f(v):
        return np.exp(W @ v / 4) * np.sin(v[:3])

    called = describe_call(kata.jacobian, f, x)
    J = call(kata.jacobian, f, x)
    assert_close(np.shape(J), (3, 4), what="the shape of the Jacobian", called=called)
    for i in range(3):
        assert_gradient(
            J[i], lambda v, i=i: f(v)[i], x, what=f"row {i} of the Jacobian", called=called
        )


def test_jacobian_one_input_one_output(kata):
    """Does n = m = 1 give a (1, 1) matrix?"""
    check(kata, lambda v: np.exp(v), [0.0], [[1.0]])


def test_jacobian_accepts_integer_lists(kata):
    """Is a list of ints converted to float (x + h must not be rounded)?"""
    check(kata, lambda v: np.array([v[0] * v[1], v[0]]), [2, 3], [[3.0, 2.0], [1.0, 0.0]])


def test_jacobian_leaves_x_unchanged(kata, rng):
    """Is the caller's x exactly as before (also checked on every call)?"""
    x = rng.standard_normal(3)
    check(kata, lambda v: v**2, x, np.diag(2 * x))  # call() compares x after the call


@pytest.mark.parametrize(
    "x, h, why",
    [
        ([[1.0, 2.0]], 1e-5, "x is 2-D, it must be 1-D"),
        (np.zeros(0), 1e-5, "x is empty"),
        ([1.0, 2.0], 0.0, "h is 0"),
    ],
    ids=["x-2d", "empty", "h-zero"],
)
def test_jacobian_rejects_bad_input(kata, x, h, why):
    """Does a 2-D or empty x, or h = 0, raise ValueError with a message?"""
    expect_error(ValueError, kata.jacobian, lambda v: 2 * v, x, h, why=why)
