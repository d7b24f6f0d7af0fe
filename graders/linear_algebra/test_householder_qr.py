"""Grader for linear_algebra/householder_qr: householder_qr(A) -> QR(Q, R), full QR.

Graded on the properties that define a QR decomposition, so any algorithm and any
sign pairing of Q's columns with R's rows passes: Q (m, m) orthogonal, R (m, n) with
exact zeros below the diagonal, and QR = A.
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

SHORTCUTS = ("numpy.linalg.qr", "scipy.linalg.qr")

REFLECTOR_SIGN = (
    "x is already (nearly) a positive multiple of e1 here: with u = x - |x| e1 the "
    "first entry cancels (0/0 for x = e1). Choose u = x + sign(x_1) |x| e1, so that "
    "nothing cancels."
)

ZERO_NORM = (
    "Look for a division by a zero norm: a column that is already zero below the "
    "diagonal needs no reflection."
)


def check(kata, A, *, advice=""):
    """Call householder_qr(A) under strict floats and check the three QR properties."""
    f = kata.householder_qr
    called = describe_call(f, A)
    try:
        return _check(f, A, called)
    except pytest.fail.Exception as exc:
        if not advice:
            raise
        fail(f"{exc.msg}\n  {advice}")


def _check(f, A, called):
    result = call_strictly(f, A, advice=ZERO_NORM)
    Q, R = (
        np.asarray(value, dtype=float) for value in fields(result, ["Q", "R"], "householder_qr")
    )
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    if Q.shape != (m, m) or R.shape != (m, n):
        reduced = Q.shape == (m, min(m, n)) and R.shape == (min(m, n), n)
        fail(
            f"{called} returned Q of shape {Q.shape} and R of shape {R.shape}; the full QR "
            f"has Q {(m, m)} and R {(m, n)}"
            + (" (this is the reduced QR: keep every reflector's columns)" if reduced else "")
        )
    below = np.tril(R, -1)
    if np.any(below != 0):
        i, j = np.argwhere(below != 0)[0]
        fail(
            f"{called}: R[{i}, {j}] = {float(R[i, j])!r} is below the diagonal: R must be upper "
            "triangular with exact zeros there, not round-off. Set the entries each "
            "reflection zeroes to 0.0 (or return np.triu(R))."
        )
    gram = Q.T @ Q
    assert_close(gram, np.eye(m), atol=1e-10, what="Q^T Q (Q must be orthogonal)", called=called)
    scale = float(np.abs(A).max()) or 1.0
    product = Q @ R
    if np.abs(product - A).max() > 1e-10 * scale and np.abs(Q.T @ R - A).max() <= 1e-10 * scale:
        fail(
            f"{called}: Q.T @ R equals A but Q @ R does not: Q was returned transposed "
            "(the reflections were multiplied in reverse order: Q = H1 H2 ... Hk)."
        )
    assert_close(
        product,
        A,
        rtol=0.0,
        atol=1e-10 * scale,
        what="Q @ R (it must equal A: Q is the product H1 H2 ... Hk of every reflection)",
        called=called,
    )
    return Q, R


@pytest.mark.points(2)
def test_householder_qr_documented_example(kata):
    """Does [[3], [4]] give R = +-[[5], [0]] with QR = A?"""
    _, R = check(kata, [[3.0], [4.0]])
    assert_close(np.abs(R), [[5.0], [0.0]], what="|R|")


def test_householder_qr_hand_checked_swap(kata):
    """For A = [[0, 2], [3, 0]] (orthogonal columns), is |R| = [[3, 0], [0, 2]]?

    The columns are orthogonal with lengths 3 and 2, so R is diagonal up to signs.
    The first column starts with 0, where sign(x_1) must not be 0.
    """
    _, R = check(kata, [[0.0, 2.0], [3.0, 0.0]])
    assert_close(np.abs(R), [[3.0, 0.0], [0.0, 2.0]], what="|R|")


@pytest.mark.points(4)
@pytest.mark.parametrize(
    "m, n",
    [(5, 5), (8, 3), (3, 8), (20, 20), (12, 7)],
    ids=["square", "tall", "wide", "20", "12x7"],
)
def test_householder_qr_random_matrices(kata, rng, m, n):
    """Do random square, tall and wide matrices factor as QR = A?"""
    check(kata, rng.standard_normal((m, n)) * 3.0)


@pytest.mark.parametrize("scale", [1e-14, 1e14], ids=["1e-14", "1e14"])
def test_householder_qr_tiny_and_huge_scales(kata, rng, scale):
    """Does a random 5 x 4 matrix scaled by 1e-14 or 1e14 factor as QR = A?

    Only a column that is exactly zero below the diagonal needs no reflection: a column
    of norm 1e-14 in a matrix of that size must be reflected, not skipped.
    """
    check(
        kata,
        rng.standard_normal((5, 4)) * scale,
        advice="a column was skipped as if zero? Only an exactly zero column needs no "
        "reflection, not one whose norm is below an absolute threshold",
    )


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A",
    [[[2.5]], [[-4.0]], [[1.0, -2.0, 3.0]], [[1.0], [-2.0], [2.0]], [[0.0]]],
    ids=["1x1", "1x1-negative", "1xn", "mx1", "1x1-zero"],
)
def test_householder_qr_smallest_shapes(kata, A):
    """Do 1 x 1, 1 x n and m x 1 matrices work (Q = [[+-1]] for one row)?"""
    check(kata, A)


def test_householder_qr_column_vector_norm(kata):
    """Is |R[0, 0]| the norm of a single column: 3 for [1, -2, 2]?"""
    _, R = check(kata, [[1.0], [-2.0], [2.0]])
    assert_close(abs(R[0, 0]), 3.0, what="|R[0, 0]|")


@pytest.mark.points(3)
def test_householder_qr_columns_already_triangular(kata, rng):
    """Do the identity and (nearly) upper triangular A with positive diagonals stay accurate?

    Every column is then (close to) a positive multiple of e1, where the reflector
    u = x - |x| e1 cancels: 0/0 for the identity, and errors of about 1e-8 for
    off-diagonal entries of 1e-8.
    """
    check(kata, np.eye(4), advice=REFLECTOR_SIGN)
    upper = np.triu(rng.uniform(0.5, 2.0, size=(5, 5)))
    check(kata, upper, advice=REFLECTOR_SIGN)
    nearly = upper + 1e-8 * np.tril(rng.standard_normal((5, 5)), -1)
    check(kata, nearly, advice=REFLECTOR_SIGN)
    tall = np.vstack([np.eye(3) + np.triu(rng.standard_normal((3, 3)), 1), 1e-8 * np.ones((2, 3))])
    check(kata, tall, advice=REFLECTOR_SIGN)


@pytest.mark.points(2)
def test_householder_qr_rank_deficient(kata, rng):
    """Do zero columns, repeated columns and the zero matrix factor without 0/0?"""
    a, b = rng.standard_normal((2, 5))
    check(kata, np.column_stack([a, np.zeros(5), b, a, 2 * a - b]))
    check(kata, np.column_stack([np.zeros(4), rng.standard_normal(4)]))
    check(kata, np.zeros((3, 2)))


@pytest.mark.points(2)
def test_householder_qr_does_not_call_a_library_qr(kata, rng):
    """Is QR computed without np.linalg.qr or scipy.linalg.qr (and still right)?"""
    A = rng.standard_normal((6, 4))
    with forbid(*SHORTCUTS, called="householder_qr"):
        check(kata, A)


def test_householder_qr_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was (work on a copy of A)?"""
    A = rng.standard_normal((4, 3))
    check(kata, A)  # call() compares A after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, why",
    [
        ([1.0, 2.0], "A is 1-D, it must be 2-D"),
        (np.zeros((0, 3)), "A has no rows"),
        (np.zeros((3, 0)), "A has no columns"),
    ],
    ids=["1d", "no-rows", "no-columns"],
)
def test_householder_qr_rejects_bad_input(kata, A, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.householder_qr, A, why=why)
