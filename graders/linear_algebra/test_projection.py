"""Grader for linear_algebra/projection: project(A, b) -> Projection(p, r).

The reference projects with the normal equations of a basis of col(A) that each test
builds by hand (a basis with independent columns, so they are well posed), never with
A itself when A is rank-deficient.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

DEFICIENT = (
    "A is rank-deficient here (dependent or zero columns): A^T A is singular, so "
    "(A^T A)^-1 does not exist; project onto an orthonormal basis of col(A) instead "
    "(from the SVD or QR, keeping only directions with non-negligible singular values)"
)


def reference(basis, b):
    """Projection onto the span of the independent columns of ``basis``."""
    basis = np.asarray(basis, dtype=float)
    b = np.asarray(b, dtype=float)
    if basis.shape[1] == 0:
        return np.zeros_like(b)
    coefficients = np.linalg.solve(basis.T @ basis, basis.T @ b)
    return basis @ coefficients


def check(kata, A, b, basis=None, *, deficient=False):
    """Call project(A, b) and check p, r, r = b - p and A^T r = 0."""
    f = kata.project
    called = describe_call(f, A, b)
    try:
        result = call(f, A, b)
    except np.linalg.LinAlgError as exc:
        if deficient:
            fail(f"{called} raised LinAlgError ({exc}): {DEFICIENT}.")
        raise
    p, r = (np.asarray(value, dtype=float) for value in fields(result, ["p", "r"], "project"))
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    m, n = A.shape
    want_p = reference(A if basis is None else basis, b)
    if p.shape != b.shape and p.shape[:1] == (n,) and n != m:
        fail(
            f"{called}: p has shape {p.shape}, one entry per column of A: these look like "
            "the coefficients x of the projection p = A x. Return p = A x itself, shaped like b."
        )
    scale = 1e-9 * max(1.0, float(np.abs(b).max()))
    mistakes = {}
    if basis is None and n == m:
        mistakes["the coefficients x instead of the projection p = A x"] = np.linalg.solve(A, b)
    what_p = "p (rank-deficient A)" if deficient else "p"
    assert_close(p, want_p, atol=scale, what=what_p, called=called, mistakes=mistakes)
    assert_close(
        r,
        b - want_p,
        atol=scale,
        what="r",
        called=called,
        mistakes={"r = p - b: the residual is b - p": want_p - b, "p returned as r": want_p},
    )
    assert_close(p + r, b, atol=scale, what="p + r (it must equal b)", called=called)
    normal = A.T @ r
    assert_close(
        normal,
        np.zeros_like(normal),
        atol=1e-8 * max(1.0, float(np.abs(A).max())) * max(1.0, float(np.abs(b).max())),
        what="A^T r (the residual must be orthogonal to every column of A)",
        called=called,
    )
    return p, r


@pytest.mark.points(2)
def test_project_documented_example(kata):
    """Does projecting [1, 2, 3] onto the xy-plane give p = [1, 2, 0], r = [0, 0, 3]?"""
    p, r = check(kata, [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], [1.0, 2.0, 3.0])
    assert_close(p, [1.0, 2.0, 0.0], what="p")
    assert_close(r, [0.0, 0.0, 3.0], what="r")


def test_project_hand_checked_line(kata):
    """Onto the line through [1, 1], is [2, 0] split into p = [1, 1] and r = [1, -1]?

    p = (a·b / a·a) a = (2 / 2) [1, 1].
    """
    p, r = check(kata, [[1.0], [1.0]], [2.0, 0.0])
    assert_close(p, [1.0, 1.0], what="p")
    assert_close(r, [1.0, -1.0], what="r")


@pytest.mark.points(3)
@pytest.mark.parametrize("m, n", [(10, 3), (6, 1), (30, 8), (5, 4)])
def test_project_random_full_column_rank(kata, rng, m, n):
    """For random A with independent columns, do p and r match A (A^T A)^-1 A^T b?"""
    A = rng.standard_normal((m, n))
    check(kata, A, rng.standard_normal(m) * 3.0)


@pytest.mark.points(2)
def test_project_several_right_hand_sides(kata, rng):
    """With b of shape (m, k), is each column projected (p and r of shape (m, k))?"""
    A = rng.standard_normal((8, 3))
    check(kata, A, rng.standard_normal((8, 4)))
    check(kata, A, rng.standard_normal((8, 1)))


@pytest.mark.points(3)
def test_project_dependent_columns(kata, rng):
    """With a third column a1 + a2 and a repeated column, is p still the projection?"""
    basis = rng.standard_normal((7, 2))
    a1, a2 = basis.T
    A = np.column_stack([a1, a2, a1 + a2, a1])
    check(kata, A, rng.standard_normal(7), basis, deficient=True)
    check(kata, A, rng.standard_normal((7, 3)), basis, deficient=True)


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e-12, 1e8], ids=["1e-12", "1e8"])
def test_project_rank_decision_is_relative(kata, rng, scale):
    """Is the projection onto col(c A) that onto col(A), for c = 1e-12 and 1e8?

    Scaling A changes neither its column space nor its rank: a singular value counts as
    zero when it is at most about max(m, n) * eps times the largest, not below an
    absolute threshold (which drops every direction of a tiny A, and keeps the round-off
    directions, of size about 1e-7, of a large rank-deficient A).
    """
    basis = rng.standard_normal((7, 2))
    a1, a2 = basis.T
    deficient = np.column_stack([a1, a2, a1 + a2, a1 - 3.0 * a2]) * scale
    b = rng.standard_normal(7)
    check(kata, basis * scale, b, basis)
    check(kata, deficient, b, basis, deficient=True)
    check(kata, deficient, rng.standard_normal((7, 3)), basis, deficient=True)


@pytest.mark.points(2)
def test_project_zero_column(kata, rng):
    """Does a column of zeros leave the projection onto the other columns unchanged?"""
    basis = rng.standard_normal((6, 2))
    A = np.column_stack([basis[:, 0], np.zeros(6), basis[:, 1]])
    check(kata, A, rng.standard_normal(6), basis, deficient=True)


@pytest.mark.points(2)
def test_project_zero_matrix(kata, rng):
    """Is the projection onto col(0) = {0} the zero vector, with r = b?"""
    b = rng.standard_normal(4)
    p, r = check(kata, np.zeros((4, 2)), b, np.zeros((4, 0)), deficient=True)
    assert_close(p, np.zeros(4), what="p")


def test_project_wide_matrix(kata, rng):
    """With more columns than rows (col(A) is all of R^m), is p = b and r = 0?"""
    A = rng.standard_normal((3, 5))
    b = rng.standard_normal(3)
    p, r = check(kata, A, b, np.eye(3), deficient=True)
    assert_close(p, b, what="p")


def test_project_square_invertible(kata, rng):
    """For a square invertible A, is p = b (not the coefficients A^-1 b)?"""
    A = rng.standard_normal((4, 4)) + 4.0 * np.eye(4)
    b = rng.standard_normal(4)
    p, r = check(kata, A, b)
    assert_close(p, b, what="p")


def test_project_vector_in_and_orthogonal_to_subspace(kata, rng):
    """Is a b inside col(A) its own projection, and a b orthogonal to it projected to 0?"""
    A = rng.standard_normal((6, 2))
    inside = A @ [1.5, -2.0]
    p, _ = check(kata, A, inside)
    assert_close(p, inside, what="p of a vector already in col(A)")
    Q = np.linalg.qr(np.column_stack([A, rng.standard_normal(6)]))[0]
    outside = Q[:, 2] * 3.0
    p, _ = check(kata, A, outside)
    assert_close(p, np.zeros(6), what="p of a vector orthogonal to col(A)")


def test_project_is_idempotent(kata, rng):
    """Does projecting p again give p back (P² = P)?"""
    A = rng.standard_normal((9, 3))
    p, _ = check(kata, A, rng.standard_normal(9))
    p2, _ = check(kata, A, p)
    assert_close(p2, p, what="the projection of p")


def test_project_leaves_inputs_unchanged(kata, rng):
    """Are A and b left exactly as they were (also checked on every call)?"""
    A = rng.standard_normal((5, 2))
    b = rng.standard_normal(5)
    check(kata, A, b)  # call() compares A and b after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, b, why",
    [
        ([1.0, 2.0], [1.0, 2.0], "A is 1-D, it must be 2-D"),
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], "b has 3 rows, A has 2"),
        ([[1.0], [2.0]], np.zeros((2, 1, 1)), "b is 3-D"),
        (np.zeros((0, 2)), np.zeros(0), "A is empty"),
    ],
    ids=["A-1d", "rows-differ", "b-3d", "A-empty"],
)
def test_project_rejects_bad_input(kata, A, b, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.project, A, b, why=why)
