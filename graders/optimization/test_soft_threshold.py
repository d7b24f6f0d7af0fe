"""Grader for optimization/soft_threshold: soft_threshold(x, t) -> sign(x) max(|x| - t, 0)."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def reference(x, t):
    """The three cases of the proximal step, written out: x - t, 0, x + t."""
    x = np.asarray(x, dtype=float)
    return np.where(x > t, x - t, np.where(x < -t, x + t, 0.0))


def mistakes(x, t):
    """The wrong answers of the usual slips, each named by its misconception."""
    x = np.asarray(x, dtype=float)
    return {
        "the sign is lost: sign(x) * max(|x| - t, 0), not max(|x| - t, 0)": np.maximum(
            np.abs(x) - t, 0.0
        ),
        "hard thresholding (x kept where |x| > t): soft thresholding also shrinks by t": np.where(
            np.abs(x) > t, x, 0.0
        ),
        "no clamp at zero: entries with |x| <= t must become exactly 0": np.sign(x)
        * (np.abs(x) - t),
        "x - t everywhere: negative entries move up by t, positive ones down": x - t,
    }


def check(kata, x, t, **tolerance):
    """Call soft_threshold(x, t), compare with the reference, and return the result."""
    f = kata.soft_threshold
    called = describe_call(f, x, t)
    result = call(f, x, t)
    assert_close(
        result,
        reference(x, t),
        what="soft_threshold(x, t)",
        called=called,
        mistakes=mistakes(x, t),
        **tolerance,
    )
    return result


def test_soft_threshold_documented_example(kata):
    """Does the docstring's example give [-2, 0, 0, 0, 1.5]?"""
    result = check(kata, [-3.0, 0.5, 0.0, 1.0, 2.5], 1.0)
    assert_close(result, [-2.0, 0.0, 0.0, 0.0, 1.5], what="the result")


def test_soft_threshold_small_cases_worked_by_hand(kata):
    """Do small cases give their hand-worked values?

    t = 2: 5 -> 3, -5 -> -3, 1.5 -> 0, -2 -> 0 (|x| = t is inside the dead zone), 2.25 -> 0.25.
    """
    result = check(kata, [5.0, -5.0, 1.5, -2.0, 2.25], 2.0)
    assert_close(result, [3.0, -3.0, 0.0, 0.0, 0.25], what="the result")


def test_soft_threshold_matches_an_independent_computation(kata, rng):
    """Do seeded random vectors and thresholds match the piecewise formula?"""
    for _ in range(20):
        x = rng.normal(scale=3.0, size=rng.integers(1, 30))
        check(kata, x, float(rng.uniform(0.0, 3.0)))


def test_soft_threshold_solves_the_proximal_problem(kata, rng):
    """Is each entry the minimiser of ½(z - x)² + t|z| (checked on a fine grid of z)?"""
    f = kata.soft_threshold
    x = rng.normal(scale=2.0, size=12)
    t = 0.7
    called = describe_call(f, x, t)
    z = np.asarray(call(f, x, t), dtype=float)
    grid = np.linspace(-8, 8, 160001)
    for xi, zi in zip(x, z.ravel(), strict=False):
        best = np.min(0.5 * (grid - xi) ** 2 + t * np.abs(grid))
        value = 0.5 * (zi - xi) ** 2 + t * abs(zi)
        if value > best + 1e-8:
            fail(
                f"{called}: for x = {xi:.6g} the result {zi:.6g} does not minimise "
                f"½(z - x)² + t|z| (value {value:.6g}, a grid point gives {best:.6g})"
            )


def test_soft_threshold_keeps_the_shape_of_x(kata, rng):
    """Does a 2-D and a 3-D x come back with its own shape, entry by entry?"""
    check(kata, rng.normal(size=(4, 3)), 0.5)
    check(kata, rng.normal(size=(2, 3, 2)), 1.0)


def test_soft_threshold_scalar_x(kata):
    """Does a scalar x give the scalar (0-d) result, e.g. S_1(-4) = -3?"""
    check(kata, -4.0, 1.0)
    check(kata, 0.3, 1.0)


def test_soft_threshold_empty_input(kata):
    """Is an empty x returned as an empty array (not an error)?"""
    result = check(kata, np.zeros(0), 1.0)
    if np.shape(result) != (0,):
        fail(f"soft_threshold(empty, 1.0) returned shape {np.shape(result)}, expected (0,)")


def test_soft_threshold_zero_threshold_is_the_identity(kata, rng):
    """Does t = 0 return x unchanged?"""
    x = rng.normal(size=10)
    result = check(kata, x, 0.0)
    assert_close(result, x, what="soft_threshold(x, 0)")


def test_soft_threshold_integer_input(kata):
    """Are integers converted to float (S_2 of [5, -1, 3] is [3, 0, 1])?"""
    result = check(kata, [5, -1, 3], 2)
    assert_close(result, [3.0, 0.0, 1.0], what="the result")


@pytest.mark.parametrize(
    "t, why",
    [(-0.5, "t is negative"), ([1.0, 2.0], "t is not a scalar"), (float("nan"), "t is NaN")],
    ids=["negative", "vector", "nan"],
)
def test_soft_threshold_rejects_bad_threshold(kata, t, why):
    """Does a threshold that is not a scalar >= 0 raise ValueError with a message?"""
    expect_error(ValueError, kata.soft_threshold, [1.0, -2.0], t, why=why)


def test_soft_threshold_leaves_its_input_unchanged(kata, rng):
    """Is x left exactly as it was?"""
    x = rng.normal(size=6)
    check(kata, x, 0.5)
