"""Grader for optimization/newton: newton_minimize(grad, hess, x0, tol, max_iter) ->
Newton(x, n_iter). The optimum is checked through the optimality condition (a zero
gradient, computed here) and the step count where the maths fixes it: one step on a
quadratic, none from an optimal x0, exactly k steps on f = sum x^4 (each step is
x <- 2x/3)."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
    fields,
    random_spd,
)

ASCENT = "the step was added: x - H^-1 g goes downhill, x + H^-1 g uphill"
NO_HESSIAN = "a gradient step x - g: the Newton step solves H s = -g"
TIMES_HESSIAN = "x - H g: the step needs H^-1 g (solve H s = g), not H g"


def run(kata, grad, hess, x0, **params):
    """Call newton_minimize and return (called, x, n_iter) with n_iter an int."""
    f = kata.newton_minimize
    called = describe_call(f, grad, hess, x0, **params)
    x, n_iter = fields(call(f, grad, hess, x0, **params), ["x", "n_iter"], "newton_minimize")
    x = np.asarray(x, dtype=float)
    if x.shape != np.shape(x0):
        fail(f"{called}: x has shape {x.shape}, expected {np.shape(x0)}")
    if isinstance(n_iter, bool) or not float(n_iter).is_integer():
        fail(f"{called}: n_iter should be a whole number of steps, got {n_iter!r}")
    return called, x, int(n_iter)


def expect_steps(called, n_iter, want, why=""):
    if n_iter != want:
        fail(f"{called}: n_iter is {n_iter}, expected {want}{why}")


def quartic(x):
    return 4 * x**3


def quartic_hessian(x):
    return np.diag(12 * x**2)


def quartic_steps(x0, tol):
    """Steps until ||4 x^3|| <= tol on f = sum x^4, where each step is x <- 2x/3."""
    x0 = np.asarray(x0, float)
    k = 0
    while np.linalg.norm(4 * (x0 * (2 / 3) ** k) ** 3) > tol:
        k += 1
    # the stopping test must not sit on the edge of round-off
    assert np.linalg.norm(4 * (x0 * (2 / 3) ** k) ** 3) < 0.99 * tol
    assert np.linalg.norm(4 * (x0 * (2 / 3) ** (k - 1)) ** 3) > 1.01 * tol
    return k


def fixed_hessian_quartic(x, steps):
    """Steps on f = x^4 that reuse the Hessian 12 x0^2 of the start."""
    h = 12 * x**2
    for _ in range(steps):
        x = x - 4 * x**3 / h
    return x


def quadratic(rng, d, condition=10.0):
    A = random_spd(rng, d, smallest=1.0, condition=condition)
    b = rng.standard_normal(d)
    return A, b, np.linalg.solve(A, b)


@pytest.mark.points(2)
def test_newton_minimize_documented_example(kata):
    """Does f = (x - 3)^2 from 0 reach 3 in one step (n_iter = 1)?"""
    called, x, n_iter = run(kata, lambda x: 2 * (x - 3), lambda x: [[2.0]], [0.0])
    assert_close(x, [3.0], what="x", called=called)
    expect_steps(called, n_iter, 1, ": a quadratic needs one Newton step")


@pytest.mark.points(2)
@pytest.mark.parametrize("d", [1, 4, 10])
def test_newton_minimize_quadratic_in_one_step(kata, rng, d):
    """On f = 1/2 x^T A x - b^T x, is one step enough, with A x - b = 0 after it?"""
    A, b, x_star = quadratic(rng, d)
    x0 = rng.standard_normal(d)
    called, x, n_iter = run(kata, lambda x: A @ x - b, lambda x: A, x0)
    assert_close(A @ x - b, np.zeros(d), atol=1e-10, what="the gradient A x - b", called=called)
    assert_close(x, x_star, rtol=1e-9, atol=1e-12, what="x", called=called)
    expect_steps(called, n_iter, 1, ": a quadratic needs one Newton step")


@pytest.mark.points(2)
def test_newton_minimize_steps_downhill(kata, rng):
    """With max_iter = 3 on a quadratic, is x the minimiser (and not 2x - x* three times)?"""
    A, b, x_star = quadratic(rng, 3, condition=4.0)
    x0 = x_star + rng.standard_normal(3)
    called, x, n_iter = run(kata, lambda x: A @ x - b, lambda x: A, x0, max_iter=3)
    e0 = x0 - x_star
    I3 = np.eye(3)
    assert_close(
        x,
        x_star,
        rtol=1e-9,
        atol=1e-12,
        what="x",
        called=called,
        mistakes={
            ASCENT: x_star + 8 * e0,
            NO_HESSIAN: x_star + np.linalg.matrix_power(I3 - A, 3) @ e0,
            TIMES_HESSIAN: x_star + np.linalg.matrix_power(I3 - A @ A, 3) @ e0,
        },
    )
    expect_steps(called, n_iter, 1)


def test_newton_minimize_optimal_start_takes_no_step(kata, rng):
    """From x0 = x*, is x0 returned as it is with n_iter = 0 (the test comes first)?"""
    called, x, n_iter = run(kata, lambda x: 2 * (x - 1.5), lambda x: 2 * np.eye(2), [1.5, 1.5])
    assert_close(x, [1.5, 1.5], rtol=0.0, atol=0.0, what="x", called=called)
    expect_steps(called, n_iter, 0, ": test ||grad(x0)|| <= tol before the first step")


def test_newton_minimize_optimal_start_needs_no_hessian(kata):
    """At an optimal x0, is no step attempted (so a singular Hessian there does not matter)?"""
    try:
        called, x, n_iter = run(kata, lambda x: x**3, lambda x: np.diag(3 * x**2), [0.0, 0.0])
    except np.linalg.LinAlgError as exc:
        fail(
            "newton_minimize(grad=x^3, hess=diag(3x^2), x0=[0.0, 0.0]) raised LinAlgError "
            f"({exc}) at an optimal x0: test ||grad(x)|| <= tol before using the Hessian"
        )
    assert_close(x, [0.0, 0.0], rtol=0.0, atol=0.0, what="x", called=called)
    expect_steps(called, n_iter, 0, ": the gradient is 0 at x0, so no step is taken")


def test_newton_minimize_stops_at_max_iter(kata):
    """On f = x^4 from 1 with max_iter = 5, is x = (2/3)^5 and n_iter = 5?

    The step x - 4x^3/(12x^2) = 2x/3 never reaches tol = 1e-10 in 5 steps.
    """
    called, x, n_iter = run(kata, quartic, quartic_hessian, [1.0], max_iter=5)
    assert_close(
        x,
        [(2 / 3) ** 5],
        rtol=1e-12,
        what="x after max_iter steps",
        called=called,
        mistakes={
            "one step too few": [(2 / 3) ** 4],
            "one step too many": [(2 / 3) ** 6],
            "the Hessian was evaluated once, at x0, and reused": [fixed_hessian_quartic(1.0, 5)],
        },
    )
    expect_steps(called, n_iter, 5, ": after max_iter steps, n_iter = max_iter")


def test_newton_minimize_max_iter_zero_returns_x0(kata):
    """With max_iter = 0, is x0 returned with n_iter = 0?"""
    called, x, n_iter = run(kata, quartic, quartic_hessian, [1.0, -2.0], max_iter=0)
    assert_close(x, [1.0, -2.0], rtol=0.0, atol=0.0, what="x", called=called)
    expect_steps(called, n_iter, 0)


@pytest.mark.points(2)
@pytest.mark.parametrize("tol", [1e-10, 1e-3, 1.0])
def test_newton_minimize_counts_steps_to_tolerance(kata, tol):
    """On f = sum x^4 from (1, -0.5), is n_iter the first k with ||4 x_k^3|| <= tol?"""
    x0 = np.array([1.0, -0.5])
    want = quartic_steps(x0, tol)
    called, x, n_iter = run(kata, quartic, quartic_hessian, x0, tol=tol)
    expect_steps(called, n_iter, want, f": the first k with ||grad(x_k)|| <= {tol}")
    assert_close(x, x0 * (2 / 3) ** want, rtol=1e-12, what="x", called=called)


def test_newton_minimize_tolerance_is_inclusive(kata):
    """With ||grad(x0)|| exactly equal to tol, is no step taken (the test is <=)?"""
    called, x, n_iter = run(kata, lambda x: x, lambda x: np.eye(1), [0.5], tol=0.5)
    expect_steps(called, n_iter, 0, ": ||grad(x0)|| = 0.5 <= tol = 0.5")
    assert_close(x, [0.5], what="x", called=called)


def test_newton_minimize_uses_the_euclidean_norm(kata):
    """With grad(x0) = (0.8, 0.8) * 1e-10, is a step taken (2-norm 1.13e-10 > tol)?"""
    called, x, n_iter = run(kata, lambda x: x, lambda x: np.eye(2), [0.8e-10, 0.8e-10])
    expect_steps(
        called, n_iter, 1, ": ||(0.8, 0.8) 1e-10||_2 > 1e-10 (the largest entry alone is not)"
    )
    assert_close(x, [0.0, 0.0], atol=1e-20, what="x", called=called)


@pytest.mark.points(3)
@pytest.mark.parametrize("d", [2, 5, 8])
def test_newton_minimize_smooth_convex_function(kata, rng, d):
    """On f = logsumexp(Cx) + 1/2 ||x - c||^2, is grad f(x) = 0 within tol after few steps?"""
    C = rng.standard_normal((3 * d, d)) / np.sqrt(d)  # moderate curvature: pure Newton converges
    c = rng.standard_normal(d)

    def probabilities(x):
        z = C @ x
        p = np.exp(z - z.max())
        return p / p.sum()

    def grad(x):
        return C.T @ probabilities(x) + x - c

    def hess(x):
        p = probabilities(x)
        return C.T @ (np.diag(p) - np.outer(p, p)) @ C + np.eye(d)

    x0 = rng.standard_normal(d)
    called, x, n_iter = run(kata, grad, hess, x0)
    assert_close(grad(x), np.zeros(d), atol=1e-10, what="the gradient at x", called=called)
    if not 1 <= n_iter <= 15:
        fail(f"{called}: n_iter = {n_iter}; Newton's method needs a handful of steps here")


def test_newton_minimize_rosenbrock(kata):
    """From (-1.2, 1), does pure Newton reach the Rosenbrock minimum (1, 1)?"""

    def grad(z):
        x, y = z
        return np.array([-400 * x * (y - x**2) - 2 * (1 - x), 200 * (y - x**2)])

    def hess(z):
        x, y = z
        return np.array([[1200 * x**2 - 400 * y + 2, -400 * x], [-400 * x, 200.0]])

    called, x, n_iter = run(kata, grad, hess, [-1.2, 1.0])
    assert_close(x, [1.0, 1.0], rtol=1e-9, what="x", called=called)
    assert_close(grad(x), [0.0, 0.0], atol=1e-10, what="the gradient at x", called=called)
    if not 1 <= n_iter <= 20:
        fail(f"{called}: n_iter = {n_iter}, expected a handful of steps")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "hessian, why",
    [
        (lambda x: np.zeros((2, 2)), "the Hessian is zero"),
        (lambda x: np.ones((2, 2)), "the Hessian [[1, 1], [1, 1]] is singular"),
        (lambda x: np.diag([2.0, 0.0]), "the Hessian diag(2, 0) is singular"),
    ],
    ids=["zero", "rank-one", "diagonal"],
)
def test_newton_minimize_singular_hessian_raises(kata, hessian, why):
    """Does a step at a point with a singular Hessian raise LinAlgError?"""
    expect_error(
        np.linalg.LinAlgError,
        kata.newton_minimize,
        lambda x: 2 * x + 1.0,
        hessian,
        [1.0, 2.0],
        why=why,
    )


def test_newton_minimize_accepts_lists_of_ints(kata):
    """Is an integer x0 converted to float (x - 4x^3/(12x^2) is not truncated)?"""
    called, x, n_iter = run(kata, quartic, quartic_hessian, [3, -3], max_iter=2)
    assert_close(x, [3 * 4 / 9, -3 * 4 / 9], rtol=1e-12, what="x", called=called)


def test_newton_minimize_leaves_inputs_unchanged(kata, rng):
    """Is x0 left exactly as it was (call() compares it after the call)?"""
    A, b, x_star = quadratic(rng, 3)
    x0 = rng.standard_normal(3)
    called, x, n_iter = run(kata, lambda x: A @ x - b, lambda x: A, x0)
    assert_close(x, x_star, rtol=1e-9, atol=1e-12, what="x", called=called)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x0, params, why",
    [
        ([[1.0, 2.0]], {}, "x0 is 2-D"),
        ([], {}, "x0 is empty"),
        ([1.0, 2.0], {"tol": -1.0}, "tol is negative"),
        ([1.0, 2.0], {"max_iter": -1}, "max_iter is negative"),
        ([1.0, 2.0], {"max_iter": 2.5}, "max_iter is not an integer"),
    ],
    ids=["x0-2d", "empty", "tol", "max-iter-negative", "max-iter-float"],
)
def test_newton_minimize_rejects_bad_input(kata, x0, params, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(
        ValueError,
        kata.newton_minimize,
        lambda x: 2 * np.asarray(x) + 1.0,
        lambda x: 2 * np.eye(np.size(x)),
        x0,
        why=why,
        **params,
    )


@pytest.mark.parametrize(
    "grad, hess, why",
    [
        (lambda x: np.ones(3), lambda x: np.eye(2), "grad returns 3 entries for d = 2"),
        (lambda x: x + 1.0, lambda x: np.eye(3), "hess returns a 3 x 3 matrix for d = 2"),
    ],
    ids=["grad", "hess"],
)
def test_newton_minimize_rejects_callbacks_of_the_wrong_shape(kata, grad, hess, why):
    """Does a gradient or Hessian of the wrong shape raise ValueError?"""
    expect_error(ValueError, kata.newton_minimize, grad, hess, [1.0, 2.0], why=why)
