"""Grader for linear_algebra/lu: lu_decompose(A) -> LU(P, L, U) with P A = L U.

Partial pivoting is checked through its defining property |L[i, j]| <= 1 (the pivot
has the largest magnitude in its column), which fixes P wherever the largest candidate
is unique; the tie rule (the lowest row wins) is checked on hand-worked cases.
"""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
    forbid,
)

SHORTCUTS = ("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve")

PIVOTING = (
    "without pivoting, a zero (or tiny) pivot divides by zero or gives huge multipliers: "
    "before eliminating column k, swap in the row with the largest |entry| from row k down"
)


ZERO_COLUMN = (
    f"{PIVOTING}. If the whole column is zero (a singular A), skip the step instead of "
    "dividing by the zero pivot."
)


def check(kata, A):
    """Call lu_decompose(A) and check P, L, U and P A = L U."""
    f = kata.lu_decompose
    called = describe_call(f, A)
    result = call_strictly(f, A, advice=ZERO_COLUMN)
    P, L, U = (
        np.asarray(value, dtype=float) for value in fields(result, ["P", "L", "U"], "lu_decompose")
    )
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    for name, M in (("P", P), ("L", L), ("U", U)):
        if M.shape != (n, n):
            fail(f"{called}: {name} has shape {M.shape}, expected {(n, n)}")
    is_permutation = (
        np.all((P == 0) | (P == 1)) and np.all(P.sum(axis=0) == 1) and np.all(P.sum(axis=1) == 1)
    )
    if not is_permutation:
        fail(f"{called}: P is not a permutation matrix (one 1 in every row and column): {P}")
    if np.any(np.triu(L, 1) != 0) or np.any(np.diag(L) != 1):
        fail(
            f"{called}: L must be unit lower triangular: exact zeros above the diagonal "
            f"and ones on it; got L =\n{L}"
        )
    below = np.tril(U, -1)
    if np.any(below != 0):
        i, j = np.argwhere(below != 0)[0]
        fail(
            f"{called}: U[{i}, {j}] = {float(U[i, j])!r} is below the diagonal: U must be "
            "upper triangular with exact zeros there, not round-off (set each eliminated "
            "entry to 0.0)."
        )
    largest = float(np.abs(L).max())
    if largest > 1.0 + 1e-12:
        i, j = np.unravel_index(int(np.argmax(np.abs(L))), L.shape)
        fail(
            f"{called}: the multiplier L[{i}, {j}] = {float(L[i, j]):.6g} is larger than 1 "
            f"in size, so the pivot was not the largest candidate: {PIVOTING}."
        )
    scale = float(np.abs(A).max()) or 1.0
    product = L @ U
    tol = 1e-10 * scale
    if np.abs(P @ A - product).max() > tol and np.abs(P.T @ A - product).max() <= tol:
        fail(
            f"{called}: P.T @ A equals L @ U but P @ A does not: this is the A = P L U "
            "convention (scipy.linalg.lu's). This kata asks for P A = L U: return P.T."
        )
    assert_close(
        product, P @ A, rtol=0.0, atol=tol, what="L @ U (it must equal P @ A)", called=called
    )
    return P, L, U


@pytest.mark.points(2)
def test_lu_decompose_documented_example(kata):
    """Does [[1, 2], [3, 4]] give P = swap, L = [[1, 0], [1/3, 1]], U = [[3, 4], [0, 2/3]]?"""
    P, L, U = check(kata, [[1.0, 2.0], [3.0, 4.0]])
    assert_close(P, [[0.0, 1.0], [1.0, 0.0]], what="P")
    assert_close(L, [[1.0, 0.0], [1 / 3, 1.0]], what="L")
    assert_close(U, [[3.0, 4.0], [0.0, 2 / 3]], what="U")


@pytest.mark.points(3)
def test_lu_decompose_hand_checked_with_tie(kata):
    """Is a 3 x 3 case worked by hand exact, including a tie between two pivots?

    A = [[2, 1, 1], [4, -6, 0], [-2, 7, 2]]: step 1 swaps in row 1 (|4| is largest),
    multipliers 1/2 and -1/2 leave rows [0, 4, 1] and [0, 4, 2]; step 2 has a tie
    |4| = |4| and the lowest row wins (no swap), multiplier 1 leaves [0, 0, 1].
    """
    P, L, U = check(kata, [[2.0, 1.0, 1.0], [4.0, -6.0, 0.0], [-2.0, 7.0, 2.0]])
    assert_close(P, [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], what="P")
    assert_close(L, [[1.0, 0.0, 0.0], [0.5, 1.0, 0.0], [-0.5, 1.0, 1.0]], what="L")
    assert_close(U, [[4.0, -6.0, 0.0], [0.0, 4.0, 1.0], [0.0, 0.0, 1.0]], what="U")


@pytest.mark.points(2)
def test_lu_decompose_equal_candidates_lowest_row_wins(kata):
    """With |1| = |-1| as candidates, is row 0 kept as the pivot (P = I)?"""
    P, L, U = check(kata, [[1.0, 1.0], [-1.0, 1.0]])
    assert_close(P, np.eye(2), what="P (equal candidates: the lowest row wins)")
    assert_close(U, [[1.0, 1.0], [0.0, 2.0]], what="U")
    P, _, _ = check(kata, [[-3.0, 1.0, 0.0], [3.0, 0.0, 1.0], [3.0, 2.0, 2.0]])
    assert_close(P[0], [1.0, 0.0, 0.0], what="P[0] (three equal candidates: row 0 wins)")


@pytest.mark.points(3)
def test_lu_decompose_zero_in_the_corner(kata):
    """Does A[0, 0] = 0 pivot (P swaps the rows) instead of dividing by zero?"""
    P, L, U = check(kata, [[0.0, 1.0], [2.0, 3.0]])
    assert_close(P, [[0.0, 1.0], [1.0, 0.0]], what="P")
    assert_close(U, [[2.0, 3.0], [0.0, 1.0]], what="U")


@pytest.mark.points(3)
def test_lu_decompose_tiny_pivot_is_swapped_out(kata):
    """Does [[1e-20, 1], [1, 1]] pivot, so that L U reproduces P A accurately?

    Without pivoting, L[1, 0] = 1e20 and U[1, 1] = 1 - 1e20 rounds to -1e20, so that
    (L U)[1, 1] comes out as 0 instead of 1.
    """
    P, L, U = check(kata, [[1e-20, 1.0], [1.0, 1.0]])
    assert_close(P, [[0.0, 1.0], [1.0, 0.0]], what="P")
    assert_close(L, [[1.0, 0.0], [1e-20, 1.0]], what="L")
    assert_close(U, [[1.0, 1.0], [0.0, 1.0]], what="U")


@pytest.mark.points(4)
@pytest.mark.parametrize("n", [4, 7, 10, 30])
def test_lu_decompose_random_matrices(kata, rng, n):
    """For random A, is P a permutation, L unit lower with |L| <= 1, U upper, P A = L U?"""
    check(kata, rng.standard_normal((n, n)) * 5.0)


@pytest.mark.parametrize("scale", [1e-14, 1e14], ids=["1e-14", "1e14"])
def test_lu_decompose_tiny_and_huge_scales(kata, rng, scale):
    """Scaled by 1e-14 or 1e14, does a random 5 x 5 A factor like the unscaled one?

    Only an exactly zero column below the diagonal may be skipped: pivots of size 1e-14
    in a matrix of that size must be eliminated, not treated as zero.
    """
    A = rng.standard_normal((5, 5)) * scale
    _, _, U = fields(call_strictly(kata.lu_decompose, A), ["P", "L", "U"], "lu_decompose")
    U = np.asarray(U, dtype=float)
    if U.shape == A.shape and np.any(np.tril(U, -1) != 0) and np.all(np.isfinite(U)):
        fail(
            f"{describe_call(kata.lu_decompose, A)}: U has entries below the diagonal: a "
            f"pivot of size about {scale:g} was treated as zero and its column not "
            "eliminated; only an exactly zero column may be skipped, not one below an "
            "absolute threshold"
        )
    check(kata, A)


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "A",
    [
        [[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [4.0, 5.0, 6.0]],
        [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [4.0, 5.0, 6.0]],
        [[0.0, 1.0, 2.0], [0.0, 3.0, 4.0], [0.0, 5.0, 7.0]],
        [[1.0, 2.0], [2.0, 4.0]],
        [[0.0, 0.0], [0.0, 0.0]],
    ],
    ids=["zero-row", "repeated-rows", "zero-column", "rank-one", "zero-matrix"],
)
def test_lu_decompose_singular_matrices_still_factor(kata, A):
    """Does a singular A factor without division by zero, leaving a zero pivot in U?"""
    _, _, U = check(kata, A)
    pivots = np.abs(np.diag(U))
    if pivots.min() > 1e-12 * (np.abs(np.asarray(A)).max() or 1.0):
        fail(f"A is singular, so U should have a zero pivot, but its diagonal is {np.diag(U)}")


def test_lu_decompose_one_by_one(kata):
    """Is [[5]] factored as P = L = [[1]], U = [[5]], and [[0]] as U = [[0]]?"""
    P, L, U = check(kata, [[5.0]])
    assert_close(U, [[5.0]], what="U")
    check(kata, [[0.0]])


@pytest.mark.points(2)
def test_lu_decompose_does_not_call_scipy_lu(kata, rng):
    """Is LU computed without scipy.linalg.lu / lu_factor (and still right)?"""
    A = rng.standard_normal((6, 6))
    with forbid(*SHORTCUTS, called="lu_decompose"):
        check(kata, A)


def test_lu_decompose_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was (eliminate on a copy)?"""
    A = rng.standard_normal((5, 5))
    check(kata, A)  # call() compares A after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, why",
    [
        ([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], "A is 2 x 3, not square"),
        ([1.0, 2.0], "A is 1-D"),
        (np.zeros((0, 0)), "A is empty"),
    ],
    ids=["not-square", "1d", "empty"],
)
def test_lu_decompose_rejects_bad_input(kata, A, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.lu_decompose, A, why=why)
