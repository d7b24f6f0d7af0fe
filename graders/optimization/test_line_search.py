"""Grader for optimization/line_search: backtracking_line_search(f, g, x, d, alpha0, rho,
c) -> the first alpha = alpha0 rho^k (k = 0, 1, ...) with f(x + alpha d) <= f(x) + c alpha
g^T d. The grader scans the same schedule itself, and also the schedules of the known
wrong conditions, to name them."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def first_accepted(f, x, d, alpha0, rho, accept, max_k=200):
    """alpha0 rho^k for the first k with accept(alpha, f(x + alpha d)), else nan."""
    for k in range(max_k):
        alpha = alpha0 * rho**k
        if accept(alpha, float(f(x + alpha * d))):
            return alpha
    return np.nan


def scan(f, g, x, d, alpha0=1.0, rho=0.5, c=1e-4):
    """The right step and the steps of the known wrong conditions."""
    g, x, d = (np.asarray(a, dtype=float) for a in (g, x, d))
    fx, slope = float(f(x)), float(g @ d)
    right = first_accepted(f, x, d, alpha0, rho, lambda a, fa: fa <= fx + c * a * slope)
    wrong = {
        "the condition uses -||g||^2 (true only for d = -g): use the slope g^T d": (
            first_accepted(f, x, d, alpha0, rho, lambda a, fa: fa <= fx - c * a * (g @ g))
        ),
        "plain decrease f(x + a d) < f(x): the Armijo condition asks for c a g^T d more": (
            first_accepted(f, x, d, alpha0, rho, lambda a, fa: fa < fx)
        ),
        "the sign of the decrease term is flipped: f(x) + c a g^T d, with g^T d < 0": (
            first_accepted(f, x, d, alpha0, rho, lambda a, fa: fa <= fx - c * a * slope)
        ),
        "one shrink too many: return the first step that passes, before shrinking again": (
            right * rho
        ),
        "returned the last step that failed (alpha / rho)": right / rho,
    }
    return right, wrong


def check(kata, f, g, x, d, **params):
    fn = kata.backtracking_line_search
    called = describe_call(fn, f, g, x, d, **params)
    alpha = call(fn, f, g, x, d, **params)
    if np.ndim(alpha) != 0:
        fail(f"{called} should return one float, got {alpha!r}")
    right, wrong = scan(f, g, x, d, **params)
    assert_close(alpha, right, rtol=1e-12, atol=0.0, what="alpha", called=called, mistakes=wrong)
    return float(alpha)


def square(z):
    return float(z @ z)


def rosenbrock(z):
    return float(np.sum(100.0 * (z[1:] - z[:-1] ** 2) ** 2 + (1.0 - z[:-1]) ** 2))


def rosenbrock_gradient(z):
    grad = np.zeros_like(z)
    grad[:-1] = -400.0 * z[:-1] * (z[1:] - z[:-1] ** 2) - 2.0 * (1.0 - z[:-1])
    grad[1:] += 200.0 * (z[1:] - z[:-1] ** 2)
    return grad


@pytest.mark.points(2)
def test_backtracking_line_search_documented_example(kata):
    """On f = x^2 from 1 along -2, is the full step rejected (f(-1) = 1) and 0.5 taken?"""
    alpha = check(kata, square, [2.0], [1.0], [-2.0])
    assert_close(alpha, 0.5, what="alpha")


def test_backtracking_line_search_hand_checked_shrinks(kata):
    """From alpha0 = 4: f(-7) = 49, f(-3) = 9, f(-1) = 1 all fail, f(0) = 0 passes: 0.5?"""
    alpha = check(kata, square, [2.0], [1.0], [-2.0], alpha0=4.0)
    assert_close(alpha, 0.5, what="alpha")


def test_backtracking_line_search_first_step_accepted(kata):
    """When alpha0 already passes (f(0.5) = 0.25 <= 1 - 1e-4), is alpha0 itself returned?"""
    assert_close(check(kata, square, [2.0], [1.0], [-0.5]), 1.0, what="alpha")
    assert_close(check(kata, square, [2.0], [1.0], [-0.5], alpha0=0.3), 0.3, what="alpha")


def test_backtracking_line_search_c_sets_the_required_decrease(kata):
    """With c = 0.9 on f = x^2 from 1 along -2, is alpha 1/16 (Armijo needs alpha <= 0.1)?

    (1 - 2a)^2 <= 1 - 0.9 * 4a  <=>  4a^2 <= 0.4a  <=>  a <= 0.1: 1, 1/2, 1/4, 1/8 fail.
    """
    alpha = check(kata, square, [2.0], [1.0], [-2.0], c=0.9)
    assert_close(alpha, 0.0625, what="alpha")


def test_backtracking_line_search_uses_the_slope_along_d(kata):
    """Along d = -4g, is the predicted decrease c a g^T d = -80 c a (not -c a ||g||^2)?

    f = ||x||^2 at x = (1, 2), g = (2, 4), d = (-8, -16), c = 0.9: f(x + a d) =
    5 - 80a + 320a^2 <= 5 - 72a holds for a <= 1/40, so a = 1/64. With ||g||^2 = 20 in
    place of g^T d it would hold up to a = 0.19, giving 1/8.
    """
    alpha = check(kata, square, [2.0, 4.0], [1.0, 2.0], [-8.0, -16.0], c=0.9)
    assert_close(alpha, 1 / 64, what="alpha")


@pytest.mark.points(3)
@pytest.mark.parametrize("seed_shift", range(4))
def test_backtracking_line_search_rosenbrock_steepest_descent(kata, rng, seed_shift):
    """Along -grad of the Rosenbrock function, is alpha the first of the schedule that passes?"""
    x = rng.uniform(-1.5, 1.5, size=2 + seed_shift)
    g = rosenbrock_gradient(x)
    check(kata, rosenbrock, g, x, -g)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "alpha0, rho, c", [(2.0, 0.3, 1e-4), (1.0, 0.8, 0.3), (10.0, 0.1, 0.5), (1.0, 0.5, 0.01)]
)
def test_backtracking_line_search_other_parameters(kata, rng, alpha0, rho, c):
    """With other alpha0, rho and c, on a quadratic along a random descent direction?"""
    A = np.diag([1.0, 10.0, 100.0])
    x = rng.standard_normal(3)
    g = A @ x
    d = -g + 0.5 * np.linalg.norm(g) * rng.standard_normal(3) / np.sqrt(3)
    if g @ d >= 0:
        d = -g
    check(kata, lambda z: 0.5 * float(z @ A @ z), g, x, d, alpha0=alpha0, rho=rho, c=c)


def test_backtracking_line_search_many_shrinks(kata):
    """On f = 1000 x^2 from 1 along -2000, does it shrink 10 times, to 2^-10?

    1000 (1 - 2000a)^2 <= 1000 - 1e-4 * 4e6 a  <=>  a <= 9.999e-4, and 2^-10 = 9.77e-4
    is the first power of 1/2 below it.
    """
    alpha = check(kata, lambda z: 1000.0 * float(z @ z), [2000.0], [1.0], [-2000.0])
    assert_close(alpha, 2.0**-10, what="alpha")


def test_backtracking_line_search_accepts_lists_of_ints(kata):
    """Are integer g, x and d converted to float (alpha * d not truncated)?"""
    check(kata, square, [2, 4], [1, 2], [-1, -2])


def test_backtracking_line_search_leaves_inputs_unchanged(kata, rng):
    """Are g, x and d left exactly as they were (x += alpha d would change the caller's)?"""
    x = rng.standard_normal(3)
    g = 2 * x
    d = -g
    check(kata, square, g, x, d, alpha0=4.0)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "d, why",
    [([2.0, 0.0], "g^T d = 2 > 0: d goes uphill"), ([0.0, 1.0], "g^T d = 0")],
    ids=["uphill", "orthogonal"],
)
def test_backtracking_line_search_rejects_a_non_descent_direction(kata, d, why):
    """Does a direction with g^T d >= 0 raise ValueError (no step could pass)?"""
    expect_error(
        ValueError, kata.backtracking_line_search, square, [2.0, 0.0], [1.0, 0.0], d, why=why
    )


@pytest.mark.parametrize(
    "params, why",
    [
        ({"alpha0": 0.0}, "alpha0 = 0"),
        ({"alpha0": -1.0}, "alpha0 < 0"),
        ({"rho": 0.0}, "rho = 0"),
        ({"rho": 1.0}, "rho = 1 never shrinks"),
        ({"c": 0.0}, "c = 0"),
        ({"c": 1.0}, "c = 1"),
    ],
    ids=["alpha0-zero", "alpha0-negative", "rho-zero", "rho-one", "c-zero", "c-one"],
)
def test_backtracking_line_search_rejects_parameters_out_of_range(kata, params, why):
    """Does alpha0 <= 0, rho or c outside (0, 1) raise ValueError?"""
    expect_error(
        ValueError, kata.backtracking_line_search, square, [2.0], [1.0], [-2.0], why=why, **params
    )


@pytest.mark.parametrize(
    "g, x, d, why",
    [
        ([2.0], [1.0, 0.0], [-2.0], "x has 2 entries, g and d 1"),
        ([[2.0]], [[1.0]], [[-2.0]], "the arrays are 2-D"),
        ([], [], [], "the arrays are empty"),
    ],
    ids=["lengths", "2d", "empty"],
)
def test_backtracking_line_search_rejects_bad_shapes(kata, g, x, d, why):
    """Do arrays of mismatched shapes, 2-D or empty, raise ValueError?"""
    expect_error(ValueError, kata.backtracking_line_search, square, g, x, d, why=why)
