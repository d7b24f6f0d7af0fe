"""Grader for optimization/gradient_descent: gradient_descent(grad, x0, lr, n_steps) ->
the trajectory, shape (n_steps + 1, d), x0 included. On a quadratic the trajectory has a
closed form; elsewhere it is the recurrence x_{k+1} = x_k - lr grad(x_k) itself."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, random_spd

ASCENT = "gradient ascent: x + lr * grad(x) instead of x - lr * grad(x)"


def recurrence(grad, x0, lr, n_steps, sign=-1.0):
    """The trajectory of x_{k+1} = x_k + sign * lr * grad(x_k), as a list of rows."""
    x = np.array(x0, dtype=float)
    rows = [x]
    for _ in range(n_steps):
        x = x + sign * lr * np.asarray(grad(x.copy()), dtype=float)
        rows.append(x)
    return np.array(rows)


def quadratic_path(A, b, x0, lr, n_steps):
    """x_k = x* + (I - lr A)^k (x0 - x*) for f = 1/2 x^T A x - b^T x, by eigenvectors."""
    values, Q = np.linalg.eigh(A)
    x_star = Q @ ((Q.T @ b) / values)
    c = Q.T @ (np.asarray(x0, float) - x_star)
    factors = (1.0 - lr * values)[None, :] ** np.arange(n_steps + 1)[:, None]
    return x_star + (factors * c) @ Q.T


def run(kata, grad, x0, lr, n_steps):
    """Call gradient_descent, check the shape of the trajectory, and return it."""
    f = kata.gradient_descent
    called = describe_call(f, grad, x0, lr, n_steps)
    path = np.asarray(call(f, grad, x0, lr, n_steps), dtype=float)
    d = np.size(x0)
    want = (n_steps + 1, d)
    if path.shape != want:
        rows = path.shape[0] if path.ndim >= 1 else None
        detail = ""
        if path.ndim == 2 and rows == n_steps:
            detail = ": off by one, the trajectory must include x0 as its first row"
        elif path.ndim == 2 and rows == n_steps + 2:
            detail = ": off by one, n_steps steps give n_steps + 1 points"
        elif path.ndim == 1 and path.size == n_steps + 1:
            detail = ": keep one row per point, even when d = 1"
        fail(f"{called}: the trajectory has shape {path.shape}, expected {want}{detail}")
    return called, path


def check(kata, grad, x0, lr, n_steps, expected, rtol=1e-12, atol=1e-12):
    called, path = run(kata, grad, x0, lr, n_steps)
    assert_close(
        path,
        expected,
        rtol=rtol,
        atol=atol,
        what="the trajectory",
        called=called,
        mistakes={ASCENT: recurrence(grad, x0, lr, n_steps, sign=1.0)},
    )
    return path


def test_gradient_descent_documented_example(kata):
    """Does f = x^2 from 1 with lr 0.25 give 1, 0.5, 0.25, 0.125 (each step halves x)?"""
    check(kata, lambda x: 2 * x, [1.0], 0.25, 3, [[1.0], [0.5], [0.25], [0.125]])


def test_gradient_descent_hand_checked_two_dimensions(kata):
    """Does f = x1^2 + 3 x2^2 from (1, 1) with lr 0.1 scale x1 by 0.8 and x2 by 0.4?

    grad = (2 x1, 6 x2), so x1 <- (1 - 0.2) x1 and x2 <- (1 - 0.6) x2.
    """
    want = [[1.0, 1.0], [0.8, 0.4], [0.64, 0.16], [0.512, 0.064]]
    check(kata, lambda x: np.array([2 * x[0], 6 * x[1]]), [1.0, 1.0], 0.1, 3, want)


def test_gradient_descent_too_large_a_step_diverges(kata):
    """With f = x^2 and lr 1.5, does x <- x - 3x = -2x give 1, -2, 4, -8, 16?"""
    check(kata, lambda x: 2 * x, [1.0], 1.5, 4, [[1.0], [-2.0], [4.0], [-8.0], [16.0]])


@pytest.mark.points(2)
@pytest.mark.parametrize("d, lr, n_steps", [(2, 0.05, 10), (5, 0.15, 25), (8, 0.01, 40)])
def test_gradient_descent_quadratic_matches_closed_form(kata, rng, d, lr, n_steps):
    """On f = 1/2 x^T A x - b^T x, is x_k = x* + (I - lr A)^k (x0 - x*) for every k?"""
    A = random_spd(rng, d, smallest=1.0, condition=10.0)
    b = rng.standard_normal(d)
    x0 = rng.standard_normal(d)
    want = quadratic_path(A, b, x0, lr, n_steps)
    check(kata, lambda x: A @ x - b, x0, lr, n_steps, want, rtol=1e-10, atol=1e-12)


@pytest.mark.points(2)
def test_gradient_descent_non_quadratic_follows_the_recurrence(kata, rng):
    """On f = sum(log cosh(x - c)) + 1/2 ||x||^2, is every row the previous minus lr * grad?"""
    c = rng.standard_normal(6)

    def grad(x):
        return np.tanh(x - c) + x

    x0 = 3 * rng.standard_normal(6)
    want = recurrence(grad, x0, 0.3, 30)
    check(kata, grad, x0, 0.3, 30, want, rtol=1e-12, atol=1e-12)


def test_gradient_descent_zero_steps_is_just_x0(kata):
    """Does n_steps = 0 give the one-row trajectory [x0]?"""
    check(kata, lambda x: 2 * x, [3.0, -1.0], 0.1, 0, [[3.0, -1.0]])


def test_gradient_descent_one_dimension_keeps_two_axes(kata):
    """Is a 1-D problem's trajectory of shape (n_steps + 1, 1), not flattened?"""
    path = check(kata, lambda x: x - 4.0, [0.0], 0.5, 2, [[0.0], [2.0], [3.0]])
    if np.ndim(path) != 2:
        fail(f"the trajectory should be 2-D, got shape {np.shape(path)}")


def test_gradient_descent_rows_are_separate_points(kata, rng):
    """Are the rows different points, not one array updated in place and stored n times?"""
    A = np.diag([1.0, 2.0, 4.0])
    x0 = rng.standard_normal(3)
    want = quadratic_path(A, np.zeros(3), x0, 0.2, 5)
    check(kata, lambda x: A @ x, x0, 0.2, 5, want, rtol=1e-12, atol=1e-14)


def test_gradient_descent_accepts_lists_of_ints(kata):
    """Is an integer x0 converted to float (no integer truncation of the steps)?"""
    check(kata, lambda x: np.array([1, 1]), [1, 2], 0.25, 2, [[1, 2], [0.75, 1.75], [0.5, 1.5]])


def test_gradient_descent_leaves_inputs_unchanged(kata, rng):
    """Is x0 left exactly as it was (call() compares it after the call)?"""
    x0 = rng.standard_normal(4)
    check(kata, lambda x: 2 * x, x0, 0.1, 3, x0 * (0.8 ** np.arange(4))[:, None])


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x0, lr, n_steps, why",
    [
        ([[1.0, 2.0]], 0.1, 3, "x0 is 2-D, it must be 1-D"),
        ([], 0.1, 3, "x0 is empty"),
        ([1.0], 0.0, 3, "the learning rate is 0"),
        ([1.0], -0.1, 3, "the learning rate is negative"),
        ([1.0], 0.1, -1, "n_steps is negative"),
        ([1.0], 0.1, 2.5, "n_steps is not an integer"),
    ],
    ids=["x0-2d", "empty", "lr-zero", "lr-negative", "steps-negative", "steps-float"],
)
def test_gradient_descent_rejects_bad_input(kata, x0, lr, n_steps, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.gradient_descent, lambda x: 2 * x, x0, lr, n_steps, why=why)


def test_gradient_descent_rejects_a_gradient_of_the_wrong_shape(kata):
    """Does a grad returning 3 numbers for a 2-D x0 raise ValueError?"""
    expect_error(
        ValueError,
        kata.gradient_descent,
        lambda x: np.ones(3),
        [1.0, 2.0],
        0.1,
        2,
        why="grad returned shape (3,) for x of shape (2,)",
    )
