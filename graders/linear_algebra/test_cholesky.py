"""Grader for linear_algebra/cholesky: cholesky(A) -> L, lower triangular with a positive
diagonal and A = L L^T. The factor is unique, so the properties pin it down."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, forbid, random_spd

SCIPY_CHOLESKY = ("scipy.linalg.cholesky",)


def check(kata, A, *, rtol=1e-10):
    f = kata.cholesky
    called = describe_call(f, A)
    L = call(f, A)
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    L = np.asarray(L, dtype=float)
    if L.shape != (n, n):
        fail(f"{called}: L has shape {L.shape}, expected {(n, n)}")
    scale = np.abs(A).max()
    if not np.all(np.isfinite(L)):
        fail(f"{called}: L contains nan or inf")
    upper = np.abs(np.triu(L, 1)).max() if n > 1 else 0.0
    lower = np.abs(np.tril(L, -1)).max() if n > 1 else 0.0
    if upper > 1e-12 * np.sqrt(scale):
        if lower <= 1e-12 * np.sqrt(scale) and np.allclose(L.T @ L, A, rtol=rtol, atol=0):
            fail(
                f"{called}: L is upper triangular: you returned the factor R = L^T of "
                "A = R^T R; return the lower triangular L (transpose)"
            )
        fail(
            f"{called}: L is not lower triangular: the largest entry above the diagonal "
            f"is {upper:.3g}"
        )
    diagonal = np.diag(L)
    if np.any(diagonal <= 0):
        j = int(np.argmax(diagonal <= 0))
        fail(
            f"{called}: L[{j}, {j}] = {diagonal[j]!r}: the diagonal of the Cholesky factor "
            "must be positive (take the positive square root)"
        )
    # A = L L^T: the entries of L L^T are bounded by the diagonal of A, hence the scale.
    assert_close(
        L @ L.T,
        A,
        rtol=rtol,
        atol=rtol * scale,
        what="L @ L.T",
        called=called,
        mistakes={
            "the square root on the diagonal is missing (L[j, j] = A[j, j] - sum, "
            "not its square root)": _no_sqrt_product(A),
        },
    )
    return L


def _no_sqrt_product(A):
    """L L^T for the mistake of storing the pivot without its square root."""
    n = A.shape[0]
    L = np.zeros_like(A)
    for j in range(n):
        pivot = A[j, j] - L[j, :j] @ L[j, :j]
        if pivot == 0:
            return np.full_like(A, np.nan)
        L[j, j] = pivot
        L[j + 1 :, j] = (A[j + 1 :, j] - L[j + 1 :, :j] @ L[j, :j]) / pivot
    return L @ L.T


@pytest.mark.points(2)
def test_cholesky_documented_example(kata):
    """Does [[4, 2], [2, 3]] give L = [[2, 0], [1, sqrt(2)]]?

    L11 = sqrt(4) = 2, L21 = 2 / 2 = 1, L22 = sqrt(3 - 1^2) = sqrt(2).
    """
    L = check(kata, [[4.0, 2.0], [2.0, 3.0]])
    assert_close(L, [[2.0, 0.0], [1.0, np.sqrt(2.0)]], what="L")


@pytest.mark.points(2)
def test_cholesky_hand_checked_3x3(kata):
    """Does the classic 3x3 example give L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]?

    L11 = sqrt(4) = 2; L21 = 12/2 = 6, L31 = -16/2 = -8; L22 = sqrt(37 - 36) = 1;
    L32 = (-43 - (-8)(6)) / 1 = 5; L33 = sqrt(98 - 64 - 25) = 3.
    """
    A = [[4, 12, -16], [12, 37, -43], [-16, -43, 98]]
    L = check(kata, A)
    assert_close(L, [[2, 0, 0], [6, 1, 0], [-8, 5, 3]], what="L")


def test_cholesky_one_by_one(kata):
    """Is the factor of [[9]] the matrix [[3]]?"""
    L = check(kata, [[9.0]])
    assert_close(L, [[3.0]], what="L")


def test_cholesky_diagonal_matrix(kata):
    """Is the factor of a positive diagonal matrix the diagonal of square roots?"""
    L = check(kata, np.diag([4.0, 0.25, 9.0, 1e-4]))
    assert_close(L, np.diag([2.0, 0.5, 3.0, 1e-2]), what="L")


@pytest.mark.points(4)
@pytest.mark.parametrize("n, condition", [(2, 10.0), (5, 100.0), (20, 1e4), (60, 1e3)])
def test_cholesky_random_spd(kata, rng, n, condition):
    """On random symmetric positive definite matrices, is L lower, positive and L L^T = A?"""
    check(kata, random_spd(rng, n, condition=condition))


def test_cholesky_gram_matrix(kata, rng):
    """Does a Gram matrix B^T B + I with large, uneven entries factor accurately?"""
    B = rng.standard_normal((30, 8)) * np.logspace(0, 3, 8)
    A = B.T @ B + np.eye(8)
    check(kata, (A + A.T) / 2)


def test_cholesky_symmetric_to_round_off(kata, rng):
    """Is a matrix symmetric only to round-off (1e-14 relative) still accepted?"""
    A = random_spd(rng, 6, condition=10.0)
    A[0, 3] += 1e-14 * np.abs(A).max()
    check(kata, A, rtol=1e-9)


RELATIVE_SYMMETRY = (
    "symmetry is relative to the size of A: max|A - A^T| <= 1e-10 * max|A|, not an "
    "absolute tolerance"
)
RELATIVE_PIVOT = (
    "a pivot counts as zero when it is at most about n * eps times the largest diagonal "
    "entry (relative to the scale of A), not below an absolute threshold"
)


def _accepts(kata, A, why, *, rtol=1e-9):
    """check(A), failing with ``why`` if the call raises LinAlgError instead."""
    try:
        return check(kata, A, rtol=rtol)
    except np.linalg.LinAlgError as exc:
        fail(f"{describe_call(kata.cholesky, A)} raised LinAlgError ({exc}): {why}")


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e8, 1e-8], ids=["1e8", "1e-8"])
def test_cholesky_symmetry_is_relative(kata, rng, scale):
    """Is symmetry judged relative to max|A| (1e-10 * max|A|) on matrices scaled by 1e±8?

    Scaled by 1e8, an asymmetry of 1e-11 * max|A| is round-off: A must factor. Scaled by
    1e-8, an asymmetry of 1e-4 * max|A| (1e-12 in absolute terms, below any absolute
    tolerance) is not symmetric: LinAlgError.
    """
    A = random_spd(rng, 6, condition=10.0) * scale
    top = np.abs(A).max()
    close = A.copy()
    close[0, 3] += 1e-11 * top
    _accepts(
        kata, close, f"A scaled by {scale:g} is symmetric to 1e-11 relative; " + RELATIVE_SYMMETRY
    )
    far = A.copy()
    far[0, 3] += 1e-4 * top
    expect_error(
        np.linalg.LinAlgError,
        kata.cholesky,
        far,
        why=f"max|A - A^T| = 1e-4 * max|A| = {1e-4 * top:.3g}; " + RELATIVE_SYMMETRY,
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e12, 1e-14], ids=["1e12", "1e-14"])
def test_cholesky_definiteness_is_relative(kata, rng, scale):
    """Does a well-conditioned SPD matrix scaled by 1e12 or 1e-14 factor, and an exactly
    singular one of that size ([[a, a], [a, a]], pivot a few ulps by round-off) fail?"""
    A = random_spd(rng, 5, condition=10.0) * scale
    _accepts(kata, A, f"A is well conditioned, only scaled by {scale:g}; " + RELATIVE_PIVOT)
    # sqrt(a)^2 != a in floating point for this a: the second pivot is a tiny positive
    # number (about eps * a) instead of 0.
    a = np.pi * 1e8 if scale > 1 else 5e-8
    expect_error(
        np.linalg.LinAlgError,
        kata.cholesky,
        [[a, a], [a, a]],
        why="exactly singular (repeated rows), its second pivot only round-off; " + RELATIVE_PIVOT,
    )


def test_cholesky_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was (an in-place factorisation would overwrite it)?"""
    A = random_spd(rng, 5, condition=100.0)
    check(kata, A)  # call() compares A after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, why",
    [
        ([[1.0, 2.0], [2.0, 1.0]], "indefinite: eigenvalues 3 and -1"),
        ([[-4.0, 0.0], [0.0, -1.0]], "negative definite"),
        ([[1.0, 1.0], [1.0, 1.0]], "singular (repeated rows): positive semi-definite only"),
        ([[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 2.0]], "singular (repeated rows)"),
        ([[4.0, 0.0, 2.0], [0.0, 0.0, 0.0], [2.0, 0.0, 5.0]], "a zero row and column"),
        (np.zeros((3, 3)), "the zero matrix"),
        ([[4.0, 1.0], [2.0, 3.0]], "not symmetric"),
        ([[2.0, -1.0, 0.0], [0.0, 2.0, -1.0], [0.0, -1.0, 2.0]], "not symmetric"),
    ],
    ids=[
        "indefinite",
        "negative-definite",
        "singular-2x2",
        "repeated-rows",
        "zero-row",
        "zero-matrix",
        "non-symmetric",
        "non-symmetric-below",
    ],
)
def test_cholesky_rejects_non_spd(kata, A, why):
    """Does a matrix that is not symmetric positive definite raise LinAlgError?"""
    expect_error(np.linalg.LinAlgError, kata.cholesky, A, why=why)


@pytest.mark.parametrize(
    "A, why",
    [
        ([1.0, 2.0, 3.0], "A is 1-D, it must be 2-D"),
        ([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], "A is not square"),
        (np.zeros((0, 0)), "A is empty"),
    ],
    ids=["1d", "not-square", "empty"],
)
def test_cholesky_rejects_bad_shape(kata, A, why):
    """Does a non-square or empty A raise ValueError with a message?"""
    expect_error(ValueError, kata.cholesky, A, why=why)


@pytest.mark.points(2)
def test_cholesky_no_library_cholesky(kata, rng):
    """Is the factor computed without np.linalg.cholesky or scipy.linalg.cholesky?"""
    A = random_spd(rng, 8, condition=100.0)
    with forbid("numpy.linalg.cholesky", *SCIPY_CHOLESKY, called="cholesky"):
        check(kata, A)


@pytest.mark.timeout(5)
def test_cholesky_large_matrix(kata, rng):
    """Does a 200 x 200 matrix factor in time (vectorise the inner sums)?"""
    # Q = H1 H2, two random Householder reflections: cheap to build at this size.
    w1, w2 = rng.standard_normal((2, 200))
    Q = np.eye(200) - 2 * np.outer(w1, w1) / (w1 @ w1)
    Q -= 2 * np.outer(Q @ w2, w2) / (w2 @ w2)
    A = (Q * np.geomspace(1.0, 1e3, 200)) @ Q.T
    check(kata, (A + A.T) / 2, rtol=1e-9)
