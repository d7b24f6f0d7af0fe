"""Grader for linear_algebra/condition_number: condition_number(A) -> float, the ratio
sigma_max / sigma_min of the singular values (inf when singular). Test matrices are
built from known singular values."""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
    forbid,
)


def with_singular_values(rng, m, n, sigma):
    """U diag(sigma) V^T with random orthonormal U (m, r), V (n, r); r = len(sigma)."""
    r = len(sigma)
    U = np.linalg.qr(rng.standard_normal((m, r)))[0]
    V = np.linalg.qr(rng.standard_normal((n, r)))[0]
    return (U * np.asarray(sigma, dtype=float)) @ V.T


def mistakes_for(A):
    """The values the usual mistakes give on A (where they give one)."""
    A = np.asarray(A, dtype=float)
    s = np.linalg.svd(A, compute_uv=False)
    out = {
        "the ratio of squared singular values (eigenvalues of A^T A without the square root)": (
            s[0] / s[-1]
        )
        ** 2
        if s[-1] > 0
        else np.nan
    }
    if A.shape[0] == A.shape[1] and s[-1] > 0:
        eigenvalues = np.abs(np.linalg.eigvals(A))
        if eigenvalues.min() > 0:
            out[
                "the ratio of eigenvalue moduli |lambda|max / |lambda|min: for a matrix that "
                "is not symmetric, use singular values"
            ] = eigenvalues.max() / eigenvalues.min()
        inverse = np.linalg.inv(A)
        out[
            "||A||_F ||A^-1||_F: np.linalg.norm of a matrix is the Frobenius norm by "
            "default; the condition number uses the 2-norm (singular values)"
        ] = np.linalg.norm(A) * np.linalg.norm(inverse)
    return out


def check(kata, A, expected, *, rtol=1e-8):
    f = kata.condition_number
    called = describe_call(f, A)
    result = call(f, A)
    try:
        value = float(result)
    except (TypeError, ValueError):
        fail(f"{called}: should return a float, got {result!r}")
    if math.isinf(expected):
        if not math.isinf(value) or value < 0:
            fail(
                f"{called} returned {value!r}, expected inf: A is singular (sigma_min <= "
                "max(m, n) * eps * sigma_max, or all zero): return float('inf') instead of "
                "dividing by a round-off singular value"
            )
        return value
    assert_close(
        value,
        expected,
        rtol=rtol,
        atol=0.0,
        what="the condition number",
        called=called,
        mistakes=mistakes_for(A),
    )
    return value


@pytest.mark.points(2)
def test_condition_number_documented_example(kata):
    """Do diag(2, 0.5) give 4, [[1, 2], [2, 4]] give inf and [[1, 0, 0], [0, 3, 0]] give 3?"""
    check(kata, [[2.0, 0.0], [0.0, 0.5]], 4.0)
    check(kata, [[1.0, 2.0], [2.0, 4.0]], math.inf)
    check(kata, [[1.0, 0.0, 0.0], [0.0, 3.0, 0.0]], 3.0)


@pytest.mark.points(2)
def test_condition_number_hand_checked_shear(kata):
    """Is the condition number of the shear [[1, 1], [0, 1]] the golden ratio squared?

    A^T A = [[1, 1], [1, 2]] has eigenvalues (3 +- sqrt(5)) / 2, so sigma = phi and
    1 / phi and kappa = phi^2 = (3 + sqrt(5)) / 2 = 2.618... (its eigenvalues are both 1).
    """
    check(kata, [[1.0, 1.0], [0.0, 1.0]], (3 + math.sqrt(5)) / 2)


@pytest.mark.points(2)
def test_condition_number_not_from_eigenvalues(kata):
    """Is [[1, 100], [0, 1]] (eigenvalues 1, 1) ill-conditioned: kappa = sigma ratio ~ 1e4?

    A^T A has trace 10002 and determinant 1: sigma_max^2 + sigma_min^2 = 10002 and
    sigma_max sigma_min = 1, so kappa = sigma_max^2 = (10002 + sqrt(10002^2 - 4)) / 2.
    """
    check(kata, [[1.0, 100.0], [0.0, 1.0]], (10002 + math.sqrt(10002**2 - 4)) / 2)


def test_condition_number_orthogonal_is_one(kata, rng):
    """Is the condition number of an orthogonal matrix (and of I) equal to 1?"""
    Q = np.linalg.qr(rng.standard_normal((5, 5)))[0]
    check(kata, Q, 1.0)
    check(kata, np.eye(3), 1.0)
    check(kata, [[-7.0]], 1.0)


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "m, n, sigma",
    [
        (4, 4, [10.0, 3.0, 2.0, 0.5]),
        (8, 3, [5.0, 1.0, 0.01]),
        (3, 8, [2.0, 2.0, 1e-3]),
        (12, 12, np.geomspace(1e6, 1.0, 12)),
        (20, 6, [1.0, 1.0, 1.0, 1.0, 1.0, 0.25]),
    ],
    ids=["square", "tall", "wide", "kappa-1e6", "tall-flat"],
)
def test_condition_number_known_singular_values(kata, rng, m, n, sigma):
    """For U diag(sigma) V^T of any shape, is kappa = sigma_max / sigma_min?"""
    check(kata, with_singular_values(rng, m, n, sigma), max(sigma) / min(sigma), rtol=1e-7)


def test_condition_number_large_but_finite(kata):
    """Is diag(1, 1e-10) (far above the singularity threshold) 1e10, not inf?"""
    check(kata, np.diag([1.0, 1e-10]), 1e10)
    check(kata, np.diag([3.0, 2.0, 1e-12]), 3e12)


def test_condition_number_scale_invariant(kata, rng):
    """Is kappa(c A) = kappa(A) for c = 1e-200 and 1e200 (a relative threshold)?"""
    A = with_singular_values(rng, 4, 3, [4.0, 2.0, 1.0])
    check(kata, A * 1e-200, 4.0, rtol=1e-7)
    check(kata, A * 1e200, 4.0, rtol=1e-7)


def test_condition_number_tall_matrix_with_dependent_rows(kata):
    """Is a 3 x 2 matrix whose third row is twice its first still of full rank (finite)?

    The singular values of [[1, 2], [3, 4], [2, 4]] are the square roots of the
    eigenvalues of A^T A = [[14, 22], [22, 36]]: 25 +- sqrt(11^2 + 22^2) = 25 +- 11 sqrt(5).
    """
    big, small = 25 + 11 * math.sqrt(5), 25 - 11 * math.sqrt(5)
    check(kata, [[1.0, 2.0], [3.0, 4.0], [2.0, 4.0]], math.sqrt(big / small))


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "A",
    [
        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]],
        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [1.0, 2.0, 3.0]],
        [[3.0, 1.0, 2.0], [0.0, 0.0, 0.0], [1.0, 5.0, 2.0]],
        [[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]],
        [[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]],
        np.zeros((3, 2)),
        [[0.0]],
    ],
    ids=["1-to-9", "repeated-rows", "zero-row", "wide-rank-1", "tall-rank-1", "zero", "zero-1x1"],
)
def test_condition_number_singular_is_inf(kata, A):
    """Is a singular matrix (dependent rows or columns, zero row, all zeros) given inf?"""
    check(kata, A, math.inf)


def test_condition_number_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was?"""
    A = with_singular_values(rng, 4, 4, [3.0, 2.0, 1.0, 0.5])
    check(kata, A, 6.0, rtol=1e-7)  # call() compares A after the call


@pytest.mark.parametrize(
    "A, why",
    [
        ([1.0, 2.0, 3.0], "A is 1-D, it must be 2-D"),
        (np.zeros((0, 3)), "A is empty"),
        (np.ones((2, 2, 2)), "A is 3-D"),
    ],
    ids=["1d", "empty", "3d"],
)
def test_condition_number_rejects_bad_input(kata, A, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.condition_number, A, why=why)


@pytest.mark.points(2)
def test_condition_number_no_library_cond(kata, rng):
    """Is the condition number computed without np.linalg.cond?"""
    A = with_singular_values(rng, 5, 3, [8.0, 4.0, 2.0])
    with forbid("numpy.linalg.cond", called="condition_number"):
        check(kata, A, 4.0, rtol=1e-7)


@pytest.mark.timeout(5)
def test_condition_number_large_matrix(kata, rng):
    """Does a 300 x 200 matrix go through in time?"""
    sigma = np.linspace(50.0, 0.5, 200)
    w1, w2 = rng.standard_normal((2, 300))
    U = np.eye(300) - 2 * np.outer(w1, w1) / (w1 @ w1)
    U = (U - 2 * np.outer(U @ w2, w2) / (w2 @ w2))[:, :200]
    v = rng.standard_normal(200)
    V = np.eye(200) - 2 * np.outer(v, v) / (v @ v)
    check(kata, (U * sigma) @ V.T, 100.0, rtol=1e-7)
