"""Grader for linear_algebra/cosine_similarity: cosine_similarity(A, B) -> (m, n)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call_strictly, describe_call, expect_error, fail


def reference(A, B):
    """Each cosine on its own, in Python floats with exactly rounded sums."""
    A = [[float(v) for v in row] for row in np.asarray(A, dtype=float)]
    B = [[float(v) for v in row] for row in np.asarray(B, dtype=float)]
    out = np.zeros((len(A), len(B)))
    for i, a in enumerate(A):
        for j, b in enumerate(B):
            na = math.sqrt(math.fsum(v * v for v in a))
            nb = math.sqrt(math.fsum(v * v for v in b))
            if na > 0 and nb > 0:
                out[i, j] = math.fsum(x * y for x, y in zip(a, b, strict=True)) / na / nb
    return out


ZERO_ROW = (
    "a row of zeros has norm 0 and no direction: its cosines are 0 by definition; "
    "divide only the rows whose norm is positive."
)


def known_mistakes(A, B):
    """The answers some common mistakes give (nan where a mistake gives no answer)."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    with np.errstate(all="ignore"):
        ra = A / np.linalg.norm(A, axis=1, keepdims=True)
        rb = B / np.linalg.norm(B, axis=1, keepdims=True)
        ca = A / np.linalg.norm(A, axis=0, keepdims=True)
        cb = B / np.linalg.norm(B, axis=0, keepdims=True)
        return {
            "the columns were normalised instead of the rows": ca @ cb.T,
            "only the rows of A were normalised (divide by the norms of B's rows too)": ra @ B.T,
            "only the rows of B were normalised (divide by the norms of A's rows too)": A @ rb.T,
            "plain dot products: the rows were not normalised at all": A @ B.T,
        }


def check(kata, A, B):
    """Call under strict floats (no 0/0 for zero rows) and compare with the reference."""
    f = kata.cosine_similarity
    called = describe_call(f, A, B)
    S = call_strictly(f, A, B, advice=ZERO_ROW)
    want = reference(A, B)
    assert_close(
        S, want, what="the cosines", called=called, mistakes=known_mistakes(A, B), atol=1e-12
    )
    S = np.asarray(S, dtype=float)
    if np.abs(S).max() > 1.0 + 1e-12:
        fail(f"{called}: a cosine of {np.abs(S).max()!r} lies outside [-1, 1]")
    return S


@pytest.mark.points(2)
def test_cosine_similarity_documented_example(kata):
    """Does the docstring's example give [[1, 0, 0], [1/sqrt 2, 1/sqrt 2, 0]]?"""
    S = check(kata, [[1.0, 0.0], [1.0, 1.0]], [[2.0, 0.0], [0.0, 3.0], [0.0, 0.0]])
    r = 2**-0.5
    assert_close(S, [[1.0, 0.0, 0.0], [r, r, 0.0]], what="the cosines")


@pytest.mark.points(2)
def test_cosine_similarity_hand_checked_angles(kata):
    """Are opposite, orthogonal and 45-degree directions -1, 0 and 1/sqrt(2)?

    a = [1, 1]; [-2, -2] points the other way, [1, -1] is orthogonal, and [3, 0] is
    at 45 degrees: (1*3 + 1*0) / (sqrt 2 * 3) = 1/sqrt 2.
    """
    S = check(kata, [[1.0, 1.0]], [[-2.0, -2.0], [1.0, -1.0], [3.0, 0.0]])
    assert_close(S, [[-1.0, 0.0, 2**-0.5]], what="the cosines")


@pytest.mark.points(3)
@pytest.mark.parametrize("m, n, d", [(5, 7, 3), (20, 4, 10), (6, 6, 6), (1, 1, 1), (3, 2, 50)])
def test_cosine_similarity_random_rows(kata, rng, m, n, d):
    """Do random rows of several shapes (square included) match a @ b / (|a| |b|)?"""
    A = rng.standard_normal((m, d)) * rng.uniform(0.5, 5.0, size=(m, 1))
    B = rng.standard_normal((n, d)) * rng.uniform(0.5, 5.0, size=(n, 1)) + 0.3
    check(kata, A, B)


@pytest.mark.points(3)
def test_cosine_similarity_zero_rows_give_zero(kata, rng):
    """Does a row that is exactly zero (in A or in B) give cosines 0, with no 0/0?"""
    A = rng.standard_normal((4, 3))
    B = rng.standard_normal((5, 3))
    A[1] = 0.0
    B[3] = 0.0
    S = check(kata, A, B)
    assert_close(S[1], np.zeros(5), what="the cosines of A's zero row 1")
    assert_close(S[:, 3], np.zeros(4), what="the cosines of B's zero row 3")


def test_cosine_similarity_all_zero(kata):
    """Is the cosine between two zero vectors 0 (not nan)?"""
    check(kata, [[0.0, 0.0]], [[0.0, 0.0], [1.0, 2.0]])


@pytest.mark.points(2)
def test_cosine_similarity_ignores_row_lengths(kata, rng):
    """Does rescaling rows by factors from 1e-100 to 1e100 leave the cosines unchanged?"""
    A = rng.standard_normal((4, 3))
    B = rng.standard_normal((3, 3))
    scales_a = np.array([1e-100, 1.0, 1e50, 3e100])[:, None]
    scales_b = np.array([2e-80, 1e80, 0.5])[:, None]
    S = check(kata, A * scales_a, B * scales_b)
    assert_close(S, reference(A, B), what="the cosines of the rescaled rows")


def test_cosine_similarity_with_itself(kata, rng):
    """Is cosine_similarity(X, X) symmetric with ones on the diagonal?"""
    X = rng.standard_normal((6, 4))
    S = check(kata, X, X)
    assert_close(np.diag(S), np.ones(6), what="the diagonal (each row with itself)")
    assert_close(S, S.T, what="the matrix against its transpose")


def test_cosine_similarity_one_feature(kata):
    """With d = 1, are the cosines the products of the signs (0 for a zero)?"""
    S = check(kata, [[2.0], [-3.0], [0.0]], [[5.0], [-0.5]])
    assert_close(S, [[1.0, -1.0], [-1.0, 1.0], [0.0, 0.0]], what="the cosines")


def test_cosine_similarity_accepts_lists_of_ints(kata):
    """Are integer inputs converted to float: cos([3, 4], [4, 3]) = 24/25?"""
    S = check(kata, [[3, 4]], [[4, 3], [0, 5]])
    assert_close(S, [[24 / 25, 4 / 5]], what="the cosines")


def test_cosine_similarity_leaves_inputs_unchanged(kata, rng):
    """Are A and B left exactly as they were (normalise copies, not the inputs)?"""
    A = rng.standard_normal((5, 3)) * 4.0
    B = rng.standard_normal((2, 3)) * 3.0
    check(kata, A, B)  # call() compares A and B after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, B, why",
    [
        ([1.0, 2.0], [[1.0, 2.0]], "A is 1-D, it must be 2-D"),
        ([[1.0, 2.0]], [1.0, 2.0], "B is 1-D, it must be 2-D"),
        ([[1.0, 2.0]], [[1.0, 2.0, 3.0]], "A has 2 columns, B has 3"),
        (np.zeros((0, 2)), [[1.0, 2.0]], "A has no rows"),
        ([[1.0, 2.0]], np.zeros((0, 2)), "B has no rows"),
        (np.zeros((2, 0)), np.zeros((3, 0)), "vectors of length 0"),
    ],
    ids=["A-1d", "B-1d", "columns-differ", "A-empty", "B-empty", "d-zero"],
)
def test_cosine_similarity_rejects_bad_input(kata, A, B, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.cosine_similarity, A, B, why=why)
