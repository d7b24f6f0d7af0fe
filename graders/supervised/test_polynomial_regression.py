"""Grader for supervised/polynomial_regression: polynomial_fit(x, y, degree) -> coef,
least-squares polynomial coefficients, lowest power first."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, forbid

SHORTCUTS = ("numpy.polyfit", "numpy.polynomial.*")


def reference(x, y, degree):
    """Least squares on the powers of x through a QR factorisation (Q^T y, then R c = .)."""
    V = np.column_stack([x**j for j in range(degree + 1)])
    Q, R = np.linalg.qr(V)
    return np.linalg.solve(R, Q.T @ y)


def check(kata, x, y, degree, **tolerance):
    """Compare polynomial_fit(x, y, degree) with the reference, naming known mistakes."""
    f = kata.polynomial_fit
    called = describe_call(f, x, y, degree)
    coef = np.asarray(call(f, x, y, degree), dtype=float)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    want = reference(x, y, degree)
    if coef.shape == (degree,):
        fail(
            f"{called} returned {degree} coefficients, expected {degree + 1}: a polynomial "
            f"of degree {degree} has the powers 0, 1, ..., {degree} (one more than its degree)"
        )
    if coef.shape == (degree + 2,):
        fail(
            f"{called} returned {degree + 2} coefficients, expected {degree + 1}: powers "
            f"0 to {degree} inclusive (a degree-{degree} polynomial, not degree {degree + 1})"
        )
    mistakes = {
        "the coefficients are in the wrong order: highest power first (as np.polyfit "
        "returns them); the kata asks for the constant term first": want[::-1],
    }
    assert_close(coef, want, what="coef", called=called, mistakes=mistakes, **tolerance)
    return coef


@pytest.mark.points(2)
def test_polynomial_fit_documented_example(kata):
    """Do (0, 1), (1, 3), (2, 7) with degree 2 give 1 + x + x^2, i.e. [1, 1, 1]?"""
    coef = check(kata, [0.0, 1.0, 2.0], [1.0, 3.0, 7.0], 2)
    assert_close(coef, [1.0, 1.0, 1.0], what="coef")


@pytest.mark.points(2)
def test_polynomial_fit_hand_checked_line(kata):
    """Does a degree-1 fit of y = 1, 2, 2, 4 at x = 0..3 give [0.9, 0.9] (intercept, slope)?

    x̄ = 1.5, ȳ = 2.25, slope = 4.5 / 5 = 0.9, intercept = 2.25 - 1.5 * 0.9 = 0.9.
    """
    coef = check(kata, [0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 2.0, 4.0], 1)
    assert_close(coef, [0.9, 0.9], what="coef")


def test_polynomial_fit_degree_zero_is_the_mean(kata, rng):
    """Is the best constant the mean of y?"""
    x = rng.standard_normal(9)
    y = rng.standard_normal(9)
    coef = check(kata, x, y, 0)
    assert_close(coef, [y.mean()], what="coef of degree 0")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, degree", [(30, 1), (50, 3), (12, 4), (200, 2)])
def test_polynomial_fit_random_problems(kata, rng, n, degree):
    """On noisy random data, is the residual orthogonal to every power x^0..x^degree?"""
    x = rng.uniform(-1.5, 1.5, n)
    y = np.polyval(rng.standard_normal(degree + 1), x) + 0.1 * rng.standard_normal(n)
    coef = check(kata, x, y, degree)
    V = np.column_stack([x**j for j in range(degree + 1)])
    assert_close(V.T @ (y - V @ coef), np.zeros(degree + 1), atol=1e-9, what="V^T (y - V c)")


def test_polynomial_fit_recovers_an_exact_polynomial(kata, rng):
    """When y is exactly 2 - x + 0.5 x^3 at 20 points, are those coefficients recovered?"""
    x = rng.uniform(-2.0, 2.0, 20)
    coef = check(kata, x, 2.0 - x + 0.5 * x**3, 3)
    assert_close(coef, [2.0, -1.0, 0.0, 0.5], what="coef", atol=1e-9)


def test_polynomial_fit_interpolates_with_degree_n_minus_1(kata, rng):
    """With degree = (number of distinct x) - 1, does the polynomial pass through every point?"""
    x = np.array([-1.0, -0.3, 0.4, 1.0, 1.5])
    y = rng.standard_normal(5)
    coef = check(kata, x, y, 4)
    fitted = np.column_stack([x**j for j in range(5)]) @ coef
    assert_close(fitted, y, what="the fitted values at the data points", atol=1e-9)


@pytest.mark.points(2)
def test_polynomial_fit_repeated_x_values(kata):
    """With x = 0, 0, 1, 1, 2 (three distinct values), does degree 2 average each repeat?

    The best quadratic through three distinct points with repeats goes through the mean
    y at each x: (0, 1), (1, 3), (2, 5) → 1 + 2x, so coef = [1, 2, 0].
    """
    coef = check(kata, [0.0, 0.0, 1.0, 1.0, 2.0], [0.0, 2.0, 2.0, 4.0, 5.0], 2)
    assert_close(coef, [1.0, 2.0, 0.0], what="coef", atol=1e-9)


def test_polynomial_fit_accepts_lists_of_ints(kata):
    """Are integer x and y converted to float (no integer overflow in the powers)?"""
    coef = check(kata, [0, 1, 2, 3], [1, 3, 7, 13], 2)
    assert_close(coef, [1.0, 1.0, 1.0], what="coef")


def test_polynomial_fit_leaves_inputs_unchanged(kata, rng):
    """Are x and y left exactly as they were?"""
    x = rng.uniform(-1, 1, 10)
    y = rng.standard_normal(10)
    check(kata, x, y, 2)


@pytest.mark.points(2)
def test_polynomial_fit_makes_no_shortcut_call(kata, rng):
    """Is the fit computed without np.polyfit or numpy.polynomial?"""
    f = kata.polynomial_fit
    x = rng.uniform(-1, 1, 15)
    y = rng.standard_normal(15)
    called = describe_call(f, x, y, 3)
    with forbid(*SHORTCUTS, called=called):
        coef = call(f, x, y, 3)
    assert_close(coef, reference(x, y, 3), what="coef", called=called)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, y, degree, why",
    [
        ([[0.0, 1.0]], [[0.0, 1.0]], 1, "x and y are 2-D, they must be 1-D"),
        ([0.0, 1.0, 2.0], [0.0, 1.0], 1, "x has 3 entries but y has 2"),
        ([], [], 0, "x and y are empty"),
        ([0.0, 1.0, 2.0], [0.0, 1.0, 2.0], -1, "degree -1 is negative"),
        ([0.0, 1.0, 2.0], [0.0, 1.0, 2.0], 1.5, "degree 1.5 is not an integer"),
        ([0.0, 1.0, 2.0], [0.0, 1.0, 2.0], 3, "degree 3 needs 4 distinct x, there are 3"),
        (
            [0.0, 0.0, 1.0, 1.0, 2.0],
            [0.0, 1.0, 2.0, 3.0, 4.0],
            3,
            "degree 3 needs 4 distinct x values; x has 5 entries but only 3 distinct ones",
        ),
    ],
    ids=["2d", "length", "empty", "negative", "fractional", "too-few-x", "repeated-x"],
)
def test_polynomial_fit_rejects_bad_input(kata, x, y, degree, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.polynomial_fit, x, y, degree, why=why)
