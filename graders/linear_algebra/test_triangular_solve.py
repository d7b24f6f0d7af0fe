"""Grader for linear_algebra/triangular_solve: solve_triangular(T, b, lower=True) -> x.

Random systems are well conditioned (dominant diagonal), so x is compared with a
general solve of the triangle, and the residual of the triangle is checked too.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, forbid

SHORTCUTS = ("numpy.linalg.solve", "numpy.linalg.inv", "scipy.linalg.*")


def triangle(T, lower):
    T = np.asarray(T, dtype=float)
    return np.tril(T) if lower else np.triu(T)


def check(kata, T, b, lower=True, *, what="x"):
    """Call solve_triangular(T, b, lower) and compare with a solve of the triangle."""
    f = kata.solve_triangular
    called = describe_call(f, T, b, lower=lower)
    x = call(f, T, b, lower=lower)
    T_used = triangle(T, lower)
    b_arr = np.asarray(b, dtype=float)
    want = np.linalg.solve(T_used, b_arr)
    full = np.asarray(T, dtype=float)
    mistakes = {}
    if np.all(np.isfinite(full)) and np.all(np.diag(full) != 0):
        if not np.allclose(full, T_used):
            mistakes["the other triangle of T was used: only the named triangle counts"] = (
                np.linalg.solve(full, b_arr) if abs(np.linalg.det(full)) > 1e-12 else np.nan
            )
        mistakes["the wrong triangle: lower=True means forward substitution"] = np.linalg.solve(
            triangle(T, not lower), b_arr
        )
    scale = max(1.0, float(np.abs(want).max()))
    assert_close(x, want, atol=1e-10 * scale, what=what, called=called, mistakes=mistakes)
    assert_close(
        T_used @ np.asarray(x, dtype=float),
        b_arr,
        atol=1e-9 * max(1.0, float(np.abs(b_arr).max())),
        what="T @ x (it must equal b)",
        called=called,
    )
    return np.asarray(x, dtype=float)


def well_conditioned(rng, n, lower=True):
    """A triangular matrix with a dominant diagonal (of both signs) and garbage elsewhere."""
    diagonal = rng.uniform(1.0, 3.0, size=n) * rng.choice([-1.0, 1.0], size=n)
    off = rng.standard_normal((n, n)) / np.sqrt(n)
    part = np.tril(off, -1) if lower else np.triu(off, 1)
    return part + np.diag(diagonal)


@pytest.mark.points(2)
def test_solve_triangular_documented_example(kata):
    """Do the docstring's lower and upper examples give x = [1, 2]?"""
    x = check(kata, [[2.0, 0.0], [1.0, 1.0]], [2.0, 3.0])
    assert_close(x, [1.0, 2.0], what="x")
    x = check(kata, [[1.0, 1.0], [0.0, 2.0]], [3.0, 4.0], lower=False)
    assert_close(x, [1.0, 2.0], what="x")


@pytest.mark.points(2)
def test_solve_triangular_hand_checked_3x3(kata):
    """Do 3 x 3 systems worked by hand come out exactly?

    Lower [[1, 0, 0], [2, 1, 0], [-1, 3, 2]] x = [1, 4, 9]: x1 = 1, x2 = 4 - 2 = 2,
    x3 = (9 + 1 - 6) / 2 = 2. Upper [[2, 1, -1], [0, 1, 3], [0, 0, 4]] x = [3, 7, 8]:
    x3 = 2, x2 = 7 - 6 = 1, x1 = (3 - 1 + 2) / 2 = 2.
    """
    x = check(kata, [[1.0, 0.0, 0.0], [2.0, 1.0, 0.0], [-1.0, 3.0, 2.0]], [1.0, 4.0, 9.0])
    assert_close(x, [1.0, 2.0, 2.0], what="x")
    T = [[2.0, 1.0, -1.0], [0.0, 1.0, 3.0], [0.0, 0.0, 4.0]]
    x = check(kata, T, [3.0, 7.0, 8.0], lower=False)
    assert_close(x, [2.0, 1.0, 2.0], what="x")


@pytest.mark.points(4)
@pytest.mark.parametrize("lower", [True, False], ids=["lower", "upper"])
@pytest.mark.parametrize("n", [1, 5, 30])
def test_solve_triangular_random_systems(kata, rng, n, lower):
    """Do random well-conditioned triangular systems match, for vectors and matrices b?"""
    T = well_conditioned(rng, n, lower)
    check(kata, T, rng.standard_normal(n) * 4.0, lower=lower)
    check(kata, T, rng.standard_normal((n, 3)), lower=lower)


def test_solve_triangular_default_is_lower(kata):
    """Is lower=True the default: [[1, 0], [1, 1]] x = [1, 3] gives x = [1, 2]?"""
    f = kata.solve_triangular
    x = call(f, [[1.0, 0.0], [1.0, 1.0]], [1.0, 3.0])
    assert_close(x, [1.0, 2.0], what="x", called="solve_triangular(T, b) (lower by default)")


@pytest.mark.points(2)
@pytest.mark.parametrize("lower", [True, False], ids=["lower", "upper"])
def test_solve_triangular_ignores_other_triangle(kata, rng, lower):
    """Does garbage in the other triangle of T leave x unchanged?"""
    T = well_conditioned(rng, 6, lower)
    garbage = rng.standard_normal((6, 6)) * 10.0
    T_full = T + (np.triu(garbage, 1) if lower else np.tril(garbage, -1))
    check(kata, T_full, rng.standard_normal(6), lower=lower)


@pytest.mark.points(2)
@pytest.mark.parametrize("lower", [True, False], ids=["lower", "upper"])
def test_solve_triangular_ignores_nan_in_other_triangle(kata, rng, lower):
    """Is the other triangle never read, even when it holds nan (nan * 0 is nan)?"""
    T = well_conditioned(rng, 4, lower)
    T[np.triu_indices(4, 1) if lower else np.tril_indices(4, -1)] = np.nan
    check(kata, T, rng.standard_normal(4), lower=lower)


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "T, lower",
    [
        ([[0.0, 0.0], [1.0, 1.0]], True),
        ([[1.0, 0.0, 0.0], [2.0, 0.0, 0.0], [3.0, 4.0, 5.0]], True),
        ([[1.0, 2.0], [0.0, 0.0]], False),
        ([[0.0, 1.0, 1.0], [0.0, 2.0, 1.0], [0.0, 0.0, 3.0]], False),
    ],
    ids=["lower-first", "lower-middle", "upper-last", "upper-first"],
)
def test_solve_triangular_zero_diagonal_raises(kata, T, lower):
    """Does a zero on the diagonal (a singular T) raise numpy.linalg.LinAlgError?"""
    b = np.ones(len(T))
    expect_error(
        np.linalg.LinAlgError,
        kata.solve_triangular,
        T,
        b,
        lower=lower,
        why="a zero on the diagonal makes T singular",
    )


@pytest.mark.parametrize("scale", [1e-14, 1e12], ids=["1e-14", "1e12"])
@pytest.mark.parametrize("lower", [True, False], ids=["lower", "upper"])
def test_solve_triangular_tiny_and_huge_scales(kata, rng, scale, lower):
    """Scaled by 1e-14 or 1e12, is a well-conditioned T solved (x scaled by 1/scale)?

    Only an exact zero on the diagonal makes T singular: a diagonal of size 1e-14 in a
    matrix of that size is fine.
    """
    T = well_conditioned(rng, 6, lower) * scale
    b = rng.standard_normal(6)
    try:
        check(kata, T, b, lower)
    except np.linalg.LinAlgError as exc:
        fail(
            f"{describe_call(kata.solve_triangular, T, b, lower=lower)} raised LinAlgError "
            f"({exc}): T is only scaled by {scale:g}; only an exactly zero diagonal entry "
            "makes it singular, not one below an absolute threshold"
        )


def test_solve_triangular_accepts_lists_of_ints(kata):
    """Are integers converted to float: [[2, 0], [1, 2]] x = [1, 2] gives [0.5, 0.75]?"""
    what = "x (convert to float: no integer truncation)"
    x = check(kata, [[2, 0], [1, 2]], [1, 2], what=what)
    assert_close(x, [0.5, 0.75], what=what)


@pytest.mark.points(2)
def test_solve_triangular_does_not_call_a_general_solver(kata, rng):
    """Is x found by substitution, without np.linalg.solve, inv or scipy.linalg?"""
    T = well_conditioned(rng, 8, True)
    b = rng.standard_normal(8)
    with forbid(*SHORTCUTS, called="solve_triangular"):
        x = call(kata.solve_triangular, T, b, lower=True)
    assert_close(x, np.linalg.solve(T, b), atol=1e-10, what="x")


def test_solve_triangular_leaves_inputs_unchanged(kata, rng):
    """Are T and b left exactly as they were (also checked on every call)?"""
    T = well_conditioned(rng, 5, False)
    b = rng.standard_normal(5)
    check(kata, T, b, lower=False)  # call() compares T and b after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "T, b, why",
    [
        ([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0]], [1.0, 1.0], "T is 2 x 3, not square"),
        ([1.0, 2.0], [1.0, 2.0], "T is 1-D"),
        ([[1.0, 0.0], [1.0, 1.0]], [1.0, 2.0, 3.0], "b has 3 rows, T has 2"),
        ([[1.0, 0.0], [1.0, 1.0]], np.ones((2, 1, 1)), "b is 3-D"),
        (np.zeros((0, 0)), np.zeros(0), "T is empty"),
    ],
    ids=["not-square", "T-1d", "b-length", "b-3d", "empty"],
)
def test_solve_triangular_rejects_bad_input(kata, T, b, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.solve_triangular, T, b, why=why)
