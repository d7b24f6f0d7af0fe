"""Grader for calculus/hessian: hessian(f, x, h=1e-4) -> (n, n), exactly symmetric."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call,
    describe_call,
    expect_error,
    fail,
)

# Second differences divide by h² = 1e-8: round-off in f of about 1e-16·|f| becomes
# about 1e-8·|f| in H, and the truncation error is h²·f''''/12 ≈ 1e-9. Any correct
# stencil lands far inside 1e-5; the mistakes below are off by O(1) or more.
TOL = {"rtol": 1e-5, "atol": 1e-5}


def check_symmetric(H, called):
    H = np.asarray(H, dtype=float)
    if H.ndim == 2 and H.shape[0] == H.shape[1] and not np.array_equal(H, H.T):
        i, j = np.unravel_index(int(np.argmax(np.abs(H - H.T))), H.shape)
        fail(
            f"{called}: the Hessian is not exactly symmetric: H[{i}, {j}] = {H[i, j]!r} but "
            f"H[{j}, {i}] = {H[j, i]!r}. Compute each mixed derivative once and store it in "
            "both H[i, j] and H[j, i] (or return (H + H.T) / 2)."
        )


def check(kata, f, x, want, h=None, **tolerance):
    func = kata.hessian
    args = (f, x) if h is None else (f, x, h)
    called = describe_call(func, *args)
    got = call(func, *args)
    want = np.asarray(want, dtype=float)
    diagonal = np.diag(np.diag(want))
    assert_close(
        got,
        want,
        what="the Hessian",
        called=called,
        mistakes={
            "only the upper triangle is filled (H[j, i] must equal H[i, j])": np.triu(want),
            "only the lower triangle is filled (H[i, j] must equal H[j, i])": np.tril(want),
            "the diagonal divided by 4h² (the mixed stencil's denominator with steps of h)": (
                want - diagonal + diagonal / 4
            ),
            "the diagonal divided by 2h²": want - diagonal + diagonal / 2,
        },
        **(tolerance or TOL),
    )
    check_symmetric(got, called)
    return got


@pytest.mark.points(2)
def test_hessian_documented_example(kata):
    """Does f = v0²·v1 + v1³ at [1, 2] give [[4, 2], [2, 12]]?

    f_00 = 2·v1 = 4, f_01 = 2·v0 = 2, f_11 = 6·v1 = 12.
    """
    check(kata, lambda v: v[0] ** 2 * v[1] + v[1] ** 3, [1.0, 2.0], [[4.0, 2.0], [2.0, 12.0]])


@pytest.mark.points(3)
def test_hessian_of_a_quadratic_is_the_symmetric_part(kata, rng):
    """For f = ½xᵀAx + bᵀx with A not symmetric, is H = (A + Aᵀ)/2?"""
    A = rng.standard_normal((4, 4)) * 3
    b = rng.standard_normal(4)
    x = rng.standard_normal(4)
    check(kata, lambda v: 0.5 * v @ A @ v + b @ v, x, (A + A.T) / 2)


@pytest.mark.points(3)
def test_hessian_diagonal_stencil(kata):
    """Is the diagonal f'' (not about f/h², from forgetting the 2 in f(x+h) - 2f(x) + f(x-h))?

    f = v0⁴ + 10 (separable): f''(1) = 12; with the 2 left out the estimate is
    about (f(1) + 10)/h² ≈ 1e9.
    """
    check(kata, lambda v: v[0] ** 4 + 10.0 + 0 * v[1], [1.0, 0.5], [[12.0, 0.0], [0.0, 0.0]])


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [2, 3, 5])
def test_hessian_random_smooth_functions(kata, rng, n):
    """Does f = Σ exp(Bx/3) + sin(x0·x1) match its analytic Hessian, exactly symmetric?"""
    B = rng.standard_normal((3, n))
    x = rng.standard_normal(n) / 2

    def f(v):
        return float(np.sum(np.exp(B @ v / 3)) + np.sin(v[0] * v[1]))

    e = np.exp(B @ x / 3)
    want = (B.T * e) @ B / 9
    p = x[0] * x[1]
    want[0, 0] += -np.sin(p) * x[1] ** 2
    want[1, 1] += -np.sin(p) * x[0] ** 2
    want[0, 1] += np.cos(p) - np.sin(p) * p
    want[1, 0] += np.cos(p) - np.sin(p) * p
    check(kata, f, x, want)


@pytest.mark.points(2)
def test_hessian_rows_are_gradients_of_the_gradient(kata, rng):
    """Is row i the gradient of ∂f/∂x_i (checked by the grader's own finite differences)?"""
    x = rng.standard_normal(3)

    def f(v):
        return float(np.log(1 + v @ v) + v[0] * v[1] * v[2])

    def grad(v):
        g = 2 * v / (1 + v @ v)
        return g + np.array([v[1] * v[2], v[0] * v[2], v[0] * v[1]])

    called = describe_call(kata.hessian, f, x)
    H = call(kata.hessian, f, x)
    if np.shape(H) != (3, 3):
        fail(f"{called} returned shape {np.shape(H)}, expected (3, 3)")
    check_symmetric(H, called)
    for i in range(3):
        assert_gradient(
            H[i],
            lambda v, i=i: grad(v)[i],
            x,
            what=f"row {i} of the Hessian",
            called=called,
            **TOL,
        )


@pytest.mark.points(2)
def test_hessian_is_exactly_symmetric(kata, rng):
    """Is H[i, j] == H[j, i] bit for bit (a symmetric matrix, not one up to round-off)?"""
    W = rng.standard_normal((6, 6))
    x = rng.standard_normal(6)

    def f(v):
        return float(np.sum(np.tanh(W @ v)) + np.prod(np.cos(v)))

    called = describe_call(kata.hessian, f, x)
    H = call(kata.hessian, f, x)
    if np.shape(H) != (6, 6):
        fail(f"{called} returned shape {np.shape(H)}, expected (6, 6)")
    check_symmetric(H, called)
    t = np.tanh(W @ x)
    c = np.prod(np.cos(x))
    tan = np.tan(x)
    want = (W.T * (-2 * t * (1 - t**2))) @ W + c * (np.outer(tan, tan) - np.diag(1 + tan**2))
    assert_close(H, want, what="the Hessian", called=called, **TOL)


@pytest.mark.points(2)
def test_hessian_uses_the_step_h(kata, rng):
    """With h = 0.25, are the points f is evaluated at within 2h of x, and some h away?

    The function is a quadratic, on which every central stencil is exact.
    """
    A = rng.standard_normal((3, 3))
    x = rng.standard_normal(3)
    seen = []

    def f(v):
        seen.append(np.max(np.abs(np.asarray(v, float) - x)))
        return 0.5 * v @ A @ v

    check(kata, f, x, (A + A.T) / 2, h=0.25)
    far = max(seen)
    if far > 0.5 + 1e-12 or far < 0.25 - 1e-12:
        fail(
            f"hessian(f, x, h=0.25) evaluated f at most {far:.3g} away from x in one "
            "coordinate: the stencil should use the given step h (points x ± h e_i)"
        )


def test_hessian_one_variable(kata):
    """Does n = 1 give the (1, 1) matrix [[f'']] (exp at 0: 1)?"""
    check(kata, lambda v: float(np.exp(v[0])), [0.0], [[1.0]])


def test_hessian_leaves_x_unchanged(kata, rng):
    """Is the caller's x exactly as before (also checked on every call), ints accepted?"""
    x = rng.standard_normal(3)
    check(kata, lambda v: float(v @ v), x, 2 * np.eye(3))  # call() compares x after the call
    check(kata, lambda v: float(v[0] * v[1]), [1, 2], [[0.0, 1.0], [1.0, 0.0]])


@pytest.mark.parametrize(
    "x, h, why",
    [
        ([[1.0, 2.0]], 1e-4, "x is 2-D, it must be 1-D"),
        (np.zeros(0), 1e-4, "x is empty"),
        ([1.0, 2.0], -1e-4, "h is negative"),
    ],
    ids=["x-2d", "empty", "h-negative"],
)
def test_hessian_rejects_bad_input(kata, x, h, why):
    """Does a 2-D or empty x, or h ≤ 0, raise ValueError with a message?"""
    expect_error(ValueError, kata.hessian, lambda v: float(np.sum(v**2)), x, h, why=why)
