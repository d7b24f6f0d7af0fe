"""Grader for linear_algebra/determinant: slogdet(A) -> SignLogDet(sign, logabsdet).

Reference values come from hand-worked cases, closed forms (multiples of I,
permutations) and np.linalg.slogdet (LAPACK's LU, not the learner's); logabsdet is
compared with an absolute tolerance, since it is a logarithm.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
    forbid,
)

SHORTCUTS = ("numpy.linalg.det", "numpy.linalg.slogdet")

SUM_OF_LOGS = (
    "take the sum of log|u_ii| over the pivots, never the log of their product: the "
    "product under- or overflows long before its logarithm does"
)


def check(kata, A, sign, logabsdet, *, strict=True, atol=1e-9):
    """Call slogdet(A) and compare with the expected sign and log|det|."""
    f = kata.slogdet
    called = describe_call(f, A)
    if strict:
        result = call_strictly(f, A, advice=SUM_OF_LOGS)
    else:
        result = call(f, A)
    got_sign, got_log = fields(result, ["sign", "logabsdet"], "slogdet")
    if np.ndim(got_sign) or np.ndim(got_log):
        fail(f"{called}: sign and logabsdet must be scalars, got {got_sign!r}, {got_log!r}")
    got_sign, got_log = float(got_sign), float(got_log)
    if got_sign not in (-1.0, 0.0, 1.0):
        fail(f"{called}: sign is {got_sign!r}; it must be exactly -1, 0 or 1")
    if math.isinf(got_log) and math.isfinite(logabsdet):
        fail(
            f"{called}: logabsdet is {got_log!r}, expected {logabsdet!r}: the determinant "
            f"itself under- or overflows here; {SUM_OF_LOGS}."
        )
    assert_close(
        got_log,
        logabsdet,
        rtol=1e-10,
        atol=atol,
        what="logabsdet",
        called=called,
        mistakes={
            "log10 instead of the natural log": logabsdet / math.log(10.0),
            "the determinant itself, not its logarithm": (
                math.exp(logabsdet) if abs(logabsdet) < 700 else math.nan
            ),
        },
    )
    if got_sign != sign:
        hint = ""
        if got_sign == -sign:
            hint = (
                ": the opposite sign. Include det(P) = (-1)^(number of row swaps), counting "
                "each swap your LU made (a cycle of length c is c - 1 swaps), and the signs "
                "of the pivots"
            )
        fail(f"{called}: sign is {got_sign:g}, expected {sign:g}{hint}")
    return got_sign, got_log


@pytest.mark.points(2)
def test_slogdet_documented_example(kata):
    """Is det [[1, 2], [3, 4]] = -2 returned as sign -1, logabsdet log 2?"""
    check(kata, [[1.0, 2.0], [3.0, 4.0]], -1.0, math.log(2.0))


@pytest.mark.points(2)
def test_slogdet_hand_checked(kata):
    """Do diag(2, 3, -1) (det -6) and [[2, 1], [1, 2]] (det 3) come out exactly?"""
    check(kata, np.diag([2.0, 3.0, -1.0]), -1.0, math.log(6.0))
    check(kata, [[2.0, 1.0], [1.0, 2.0]], 1.0, math.log(3.0))
    check(kata, [[-3.0]], -1.0, math.log(3.0))


@pytest.mark.points(3)
def test_slogdet_permutation_sign(kata):
    """Does pivoting count: a swap has det -1, a 3-cycle det +1, a 4-cycle det -1?

    Each of these matrices is its own P (U = I after pivoting), so the sign comes only
    from the row swaps.
    """
    check(kata, [[0.0, 1.0], [1.0, 0.0]], -1.0, 0.0)
    check(kata, np.eye(3)[[1, 2, 0]], 1.0, 0.0)
    check(kata, np.eye(4)[[1, 2, 3, 0]], -1.0, 0.0)
    check(kata, 2.0 * np.eye(5)[[4, 3, 2, 1, 0]], 1.0, 5 * math.log(2.0))


@pytest.mark.points(4)
@pytest.mark.parametrize("n", [1, 4, 10, 50])
def test_slogdet_random_matrices(kata, rng, n):
    """Do random matrices match LAPACK's sign and log|det|?"""
    for _ in range(3):
        A = rng.standard_normal((n, n)) * rng.uniform(0.5, 3.0)
        sign, logabsdet = np.linalg.slogdet(A)
        check(kata, A, float(sign), float(logabsdet), atol=1e-9 * n)


@pytest.mark.points(4)
@pytest.mark.parametrize(
    "c, n",
    [(0.01, 300), (100.0, 300), (-0.01, 301), (1e-200, 3), (1e200, 3)],
    ids=["0.01-I-300", "100-I-300", "minus-0.01-I-301", "tiny-3", "huge-3"],
)
def test_slogdet_where_the_determinant_under_or_overflows(kata, c, n):
    """Is slogdet(c I) = (sign(c)^n, n log|c|) where c^n is far outside the floats?"""
    sign = math.copysign(1.0, c) ** n
    check(kata, c * np.eye(n), sign, n * math.log(abs(c)), atol=1e-9 * n)


@pytest.mark.points(2)
def test_slogdet_is_multiplicative(kata, rng):
    """Is log|det(AB)| = log|det A| + log|det B|, with the signs multiplying?"""
    A = rng.standard_normal((6, 6))
    B = rng.standard_normal((6, 6))
    f = kata.slogdet
    sa, la = (float(v) for v in call(f, A))
    sb, lb = (float(v) for v in call(f, B))
    check(kata, A @ B, sa * sb, la + lb, atol=1e-8)


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "A",
    [
        [[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [4.0, 5.0, 6.0]],
        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [1.0, 2.0, 3.0]],
        [[0.0, 1.0], [0.0, 2.0]],
        [[0.0, 0.0], [0.0, 0.0]],
        [[0.0]],
    ],
    ids=["zero-row", "repeated-rows", "zero-column", "zero-matrix", "zero-1x1"],
)
def test_slogdet_singular(kata, A):
    """Does an exactly singular A give sign 0 and logabsdet -inf (no error)?"""
    check(kata, A, 0.0, -math.inf, strict=False)


@pytest.mark.points(2)
def test_slogdet_does_not_call_a_library_determinant(kata, rng):
    """Is the determinant computed without np.linalg.det or np.linalg.slogdet?"""
    A = rng.standard_normal((7, 7))
    sign, logabsdet = np.linalg.slogdet(A)
    with forbid(*SHORTCUTS, called="slogdet"):
        check(kata, A, float(sign), float(logabsdet))


def test_slogdet_accepts_lists_of_ints(kata):
    """Are integers converted to float: det [[3, 1], [4, 2]] = 2?"""
    check(kata, [[3, 1], [4, 2]], 1.0, math.log(2.0))


def test_slogdet_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was (also checked on every call)?"""
    A = rng.standard_normal((5, 5))
    sign, logabsdet = np.linalg.slogdet(A)
    check(kata, A, float(sign), float(logabsdet))  # call() compares A after the call


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
def test_slogdet_rejects_bad_input(kata, A, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.slogdet, A, why=why)
