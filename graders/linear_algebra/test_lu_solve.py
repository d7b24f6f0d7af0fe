"""Grader for linear_algebra/lu_solve: lu_solve(A, b) -> x with A x = b.

The kata builds on the learner's own lu and triangular_solve; it is graded on its
result. Random systems have a controlled condition number (at most 10), so x is
compared with a reference solve, and the residual is checked too.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, forbid

SHORTCUTS = ("numpy.linalg.solve", "numpy.linalg.inv", "scipy.linalg.*")


def check(kata, A, b, mistakes=None):
    f = kata.lu_solve
    called = describe_call(f, A, b)
    x = call(f, A, b)
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    want = np.linalg.solve(A, b)
    scale = max(1.0, float(np.abs(want).max()))
    assert_close(x, want, atol=1e-9 * scale, what="x", called=called, mistakes=mistakes)
    assert_close(
        A @ np.asarray(x, dtype=float),
        b,
        atol=1e-9 * max(1.0, float(np.abs(b).max())),
        what="A @ x (it must equal b)",
        called=called,
    )
    return np.asarray(x, dtype=float)


def conditioned(rng, n, condition=10.0):
    """A random n x n matrix with singular values spread over [1, condition]."""
    U = np.linalg.qr(rng.standard_normal((n, n)))[0]
    V = np.linalg.qr(rng.standard_normal((n, n)))[0]
    return U @ np.diag(np.geomspace(condition, 1.0, n)) @ V.T


@pytest.mark.points(2)
def test_lu_solve_documented_example(kata):
    """Does 2x + y = 3, x + 3y = 5 give x = [0.8, 1.4]?"""
    x = check(kata, [[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0])
    assert_close(x, [0.8, 1.4], what="x")
    x = check(kata, [[0.0, 1.0], [1.0, 0.0]], [[1.0, 2.0], [3.0, 4.0]])
    assert_close(x, [[3.0, 4.0], [1.0, 2.0]], what="x")


@pytest.mark.points(3)
def test_lu_solve_hand_checked_with_row_cycle(kata):
    """Is [[1, 1, 1], [2, 1, 3], [4, 1, 2]] x = [6, 13, 12] solved as x = [1, 2, 3]?

    Partial pivoting takes row 2 first, then row 0 (|0.75| > |0.5|), so
    P A = A[[2, 0, 1]]: P is a 3-cycle, and P.T differs from P. Forgetting P, or using
    P.T (the A = P L U convention), gives a wrong x.
    """
    A = np.array([[1.0, 1.0, 1.0], [2.0, 1.0, 3.0], [4.0, 1.0, 2.0]])
    b = np.array([6.0, 13.0, 12.0])
    P = np.eye(3)[[2, 0, 1]]
    mistakes = {
        "P was not applied to b: solve L y = P b, not L y = b": np.linalg.solve(P @ A, b),
        "P.T b instead of P b (the A = P L U convention)": np.linalg.solve(P @ A, P.T @ b),
    }
    x = check(kata, A, b, mistakes)
    assert_close(x, [1.0, 2.0, 3.0], what="x")


@pytest.mark.points(4)
@pytest.mark.parametrize("n", [1, 5, 30])
def test_lu_solve_random_systems(kata, rng, n):
    """Do random systems (condition 10) match, for vectors and matrices b?"""
    A = conditioned(rng, n) * rng.uniform(0.5, 5.0)
    check(kata, A, rng.standard_normal(n) * 3.0)
    check(kata, A, rng.standard_normal((n, 4)))


@pytest.mark.points(2)
def test_lu_solve_needs_pivoting(kata):
    """Is [[1e-20, 1], [1, 1]] x = [1, 2] solved accurately (x close to [1, 1])?"""
    x = check(kata, [[1e-20, 1.0], [1.0, 1.0]], [1.0, 2.0])
    assert_close(x, [1.0, 1.0], what="x")
    check(kata, [[0.0, 2.0, 1.0], [1.0, 0.0, 0.0], [3.0, 1.0, 0.0]], [3.0, 1.0, 4.0])


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "A",
    [
        [[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [4.0, 5.0, 6.0]],
        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [1.0, 2.0, 3.0]],
        [[0.0, 1.0], [0.0, 2.0]],
        [[0.0, 0.0], [0.0, 0.0]],
        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]],
    ],
    ids=["zero-row", "repeated-rows", "zero-column", "zero-matrix", "rows-1-to-9"],
)
def test_lu_solve_singular_raises(kata, A):
    """Does an exactly singular A raise numpy.linalg.LinAlgError?

    [[1, 2, 3], [4, 5, 6], [7, 8, 9]] is exactly singular (row 1 is the mean of rows 0
    and 2), but rounding leaves a last pivot of about 1e-16 instead of 0: singular to
    working precision means a pivot at most about n * eps times the largest.
    """
    expect_error(
        np.linalg.LinAlgError,
        kata.lu_solve,
        A,
        np.ones(len(A)),
        why="A is singular: no unique solution",
    )


RELATIVE_PIVOT = (
    "singular to working precision means a pivot at most about n * eps times the largest "
    "pivot (relative to the scale of A), not below an absolute threshold"
)


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e-12, 1.1e8], ids=["1e-12", "1.1e8"])
def test_lu_solve_singularity_is_relative(kata, rng, scale):
    """Scaled by 1e-12 or 1.1e8: is a well-conditioned system solved, and [[1..9]] singular?

    Scaling A by c scales x by 1/c and changes nothing about singularity. Scaled by
    1.1e8, the exactly singular [[1, 2, 3], [4, 5, 6], [7, 8, 9]] leaves a last pivot of
    about 1e-7 (round-off, about eps times the largest pivot), well above any absolute
    threshold like 1e-10.
    """
    A = conditioned(rng, 5) * scale
    b = rng.standard_normal(5)
    try:
        check(kata, A, b)
    except np.linalg.LinAlgError as exc:
        fail(
            f"{describe_call(kata.lu_solve, A, b)} raised LinAlgError ({exc}): A is well "
            f"conditioned, only scaled by {scale:g}; " + RELATIVE_PIVOT
        )
    expect_error(
        np.linalg.LinAlgError,
        kata.lu_solve,
        np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]) * scale,
        np.ones(3),
        why="A is exactly singular (scaled); " + RELATIVE_PIVOT,
    )


@pytest.mark.points(2)
def test_lu_solve_does_not_call_a_library_solver(kata, rng):
    """Is x found without np.linalg.solve, np.linalg.inv or scipy.linalg?"""
    A = conditioned(rng, 8)
    b = rng.standard_normal(8)
    with forbid(*SHORTCUTS, called="lu_solve"):
        x = call(kata.lu_solve, A, b)
    assert_close(x, np.linalg.solve(A, b), atol=1e-9, what="x")


def test_lu_solve_accepts_lists_of_ints(kata):
    """Are integers converted to float: [[2, 0], [0, 4]] x = [1, 1] gives [0.5, 0.25]?"""
    x = check(kata, [[2, 0], [0, 4]], [1, 1])
    assert_close(x, [0.5, 0.25], what="x")


def test_lu_solve_leaves_inputs_unchanged(kata, rng):
    """Are A and b left exactly as they were (also checked on every call)?"""
    A = conditioned(rng, 5)
    b = rng.standard_normal(5)
    check(kata, A, b)  # call() compares A and b after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, b, why",
    [
        ([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [1.0, 2.0], "A is 2 x 3, not square"),
        ([1.0, 2.0], [1.0, 2.0], "A is 1-D"),
        ([[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0, 3.0], "b has 3 rows, A has 2"),
        ([[1.0, 0.0], [0.0, 1.0]], np.ones((2, 1, 1)), "b is 3-D"),
        (np.zeros((0, 0)), np.zeros(0), "A is empty"),
    ],
    ids=["not-square", "A-1d", "b-length", "b-3d", "empty"],
)
def test_lu_solve_rejects_bad_input(kata, A, b, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.lu_solve, A, b, why=why)
