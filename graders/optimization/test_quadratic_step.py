"""Grader for optimization/quadratic_step: quadratic_step_sizes(A) ->
StepSizes(max_stable, optimal) = (2/lambda_max, 2/(lambda_min + lambda_max)). Test
matrices are built from a chosen spectrum, so the expected values are exact."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fields, random_spd


def spd_with(rng, values):
    """Q diag(values) Q^T, exactly symmetric, for a random orthonormal Q."""
    d = len(values)
    Q = np.linalg.qr(rng.standard_normal((d, d)))[0]
    A = (Q * np.asarray(values, float)) @ Q.T
    return (A + A.T) / 2


def check(kata, A, smallest, largest):
    f = kata.quadratic_step_sizes
    called = describe_call(f, A)
    max_stable, optimal = fields(call(f, A), ["max_stable", "optimal"], "quadratic_step_sizes")
    trace = float(np.trace(np.asarray(A, float)))
    assert_close(
        max_stable,
        2.0 / largest,
        rtol=1e-9,
        atol=0.0,
        what="max_stable",
        called=called,
        mistakes={
            "1/lambda_max is the always-safe step 1/L; steps stay stable up to 2/lambda_max": (
                1.0 / largest
            ),
            "2/lambda_min: stability is limited by the largest eigenvalue, not the smallest": (
                2.0 / smallest
            ),
            "lambda_max/2 instead of 2/lambda_max": largest / 2.0,
            "2/trace(A) only bounds 2/lambda_max from below: use the largest eigenvalue": (
                2.0 / trace
            ),
        },
    )
    assert_close(
        optimal,
        2.0 / (smallest + largest),
        rtol=1e-9,
        atol=0.0,
        what="optimal",
        called=called,
        mistakes={
            "1/(lambda_min + lambda_max): the numerator is 2": 1.0 / (smallest + largest),
            "1/lambda_max is the always-safe step 1/L, not the optimal one": 1.0 / largest,
            "2/(lambda_max - lambda_min): the optimal step balances |1 - a lambda_min| and "
            "|1 - a lambda_max|, which gives lambda_min + lambda_max": (
                2.0 / (largest - smallest) if largest > smallest else np.inf
            ),
            "1/sqrt(lambda_min lambda_max)": 1.0 / np.sqrt(smallest * largest),
        },
    )
    return max_stable, optimal


@pytest.mark.points(2)
def test_quadratic_step_sizes_documented_example(kata):
    """Does diag(1, 3) give max_stable 2/3 and optimal 2/(1 + 3) = 0.5?"""
    check(kata, [[1.0, 0.0], [0.0, 3.0]], 1.0, 3.0)


def test_quadratic_step_sizes_hand_checked_cases(kata):
    """Do diag(2, 8) (0.25, 0.2) and [[2, 1], [1, 2]] (eigenvalues 1, 3: 2/3, 0.5) come out?"""
    s = check(kata, [[2.0, 0.0], [0.0, 8.0]], 2.0, 8.0)
    assert_close(s, [0.25, 0.2], what="(max_stable, optimal) for diag(2, 8)")
    check(kata, [[2.0, 1.0], [1.0, 2.0]], 1.0, 3.0)


def test_quadratic_step_sizes_one_by_one(kata):
    """For A = [[4]], is every step 2/4 = 0.5 (both formulas agree when d = 1)?"""
    check(kata, [[4.0]], 4.0, 4.0)


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "d, smallest, condition",
    [(3, 1.0, 10.0), (6, 0.5, 100.0), (10, 2.0, 1e4), (5, 1e-8, 30.0), (4, 1e6, 7.0)],
)
def test_quadratic_step_sizes_random_spectra(kata, rng, d, smallest, condition):
    """For a random rotation of a known spectrum, are the steps those of its extremes?"""
    A = random_spd(rng, d, smallest=smallest, condition=condition)
    check(kata, A, smallest, smallest * condition)


def test_quadratic_step_sizes_max_stable_is_the_edge_of_convergence(kata, rng):
    """At max_stable, is the spectral radius of I - a A exactly 1, and below it less than 1?"""
    A = spd_with(rng, [0.3, 1.0, 2.5, 5.0])
    f = kata.quadratic_step_sizes
    called = describe_call(f, A)
    max_stable, optimal = fields(call(f, A), ["max_stable", "optimal"], "quadratic_step_sizes")
    for step, want in [(max_stable, 1.0), (optimal, (5.0 - 0.3) / (5.0 + 0.3))]:
        radius = np.abs(np.linalg.eigvalsh(np.eye(4) - float(step) * A)).max()
        assert_close(
            radius,
            want,
            rtol=1e-9,
            what=f"the spectral radius of I - a A at a = {float(step)!r}",
            called=called,
        )


def test_quadratic_step_sizes_accepts_round_off_asymmetry(kata, rng):
    """Is a matrix symmetric up to round-off (1e-14 relative) accepted?"""
    A = spd_with(rng, [1.0, 2.0, 4.0])
    A[0, 1] += 1e-14
    check(kata, A, 1.0, 4.0)


def test_quadratic_step_sizes_accepts_lists_of_ints(kata):
    """Is an integer matrix converted to float (2/8 is not 0)?"""
    check(kata, [[2, 0], [0, 8]], 2.0, 8.0)


def test_quadratic_step_sizes_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was (call() compares it after the call)?"""
    A = spd_with(rng, [1.0, 3.0, 9.0])
    check(kata, A, 1.0, 9.0)


def test_quadratic_step_sizes_rejects_a_non_symmetric_matrix(kata):
    """Is [[1, 1], [0, 2]] refused, although its eigenvalues 1 and 2 are positive?

    Only the symmetric part of A shapes the quadratic, and its eigenvalues are
    (3 +- sqrt 2)/2: the eigenvalues of a non-symmetric A are the wrong ones.
    """
    expect_error(
        ValueError,
        kata.quadratic_step_sizes,
        [[1.0, 1.0], [0.0, 2.0]],
        why="A is not symmetric: its own eigenvalues say nothing about x^T A x",
    )


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, why",
    [
        ([[1.0, 2.0], [2.0, 1.0]], "A is indefinite (eigenvalues 3 and -1)"),
        ([[1.0, 1.0], [1.0, 1.0]], "A is singular (eigenvalues 2 and 0)"),
        ([[-2.0, 0.0], [0.0, -1.0]], "A is negative definite"),
        ([[0.0, 0.0], [0.0, 0.0]], "A is zero"),
    ],
    ids=["indefinite", "singular", "negative", "zero"],
)
def test_quadratic_step_sizes_rejects_matrices_that_are_not_positive_definite(kata, A, why):
    """Does a symmetric A that is not positive definite raise ValueError?"""
    expect_error(ValueError, kata.quadratic_step_sizes, A, why=why)


@pytest.mark.parametrize(
    "A, why",
    [
        ([1.0, 2.0], "A is 1-D"),
        ([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], "A is not square"),
        (np.zeros((0, 0)), "A is empty"),
    ],
    ids=["1d", "not-square", "empty"],
)
def test_quadratic_step_sizes_rejects_bad_shapes(kata, A, why):
    """Does a matrix of the wrong shape raise ValueError?"""
    expect_error(ValueError, kata.quadratic_step_sizes, A, why=why)
