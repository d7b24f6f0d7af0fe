"""Grader for linear_algebra/gram_schmidt: gram_schmidt(A, tol=1e-10) -> Q (m, r).

Column signs are free. Checked: Q^T Q = I; Q has one column per kept column of A;
Q^T A_kept is upper triangular (column order: q_j is orthogonal to the kept columns
before a_j); Q Q^T A = A (every column of A, dropped ones too, lies in col(Q)); and,
on well-conditioned A, Q equals a reference basis up to the sign of each column.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call_strictly, describe_call, expect_error, fail

DROP = "a column whose remaining norm is at most tol * |a_j| must be dropped"


ZERO_NORM = f"is it dividing by the norm of a zero or dependent column? {DROP}, not divided by."


def check(kata, A, kept, *, tol=1e-10, orthogonality=1e-10, compare=True):
    """Check Q against the columns ``kept`` that a correct drop rule keeps."""
    f = kata.gram_schmidt
    called = describe_call(f, A, tol)
    Q = np.asarray(call_strictly(f, A, tol, advice=ZERO_NORM), dtype=float)
    A = np.asarray(A, dtype=float)
    m = A.shape[0]
    r = len(kept)
    if Q.ndim != 2 or Q.shape[0] != m:
        if Q.ndim == 2 and Q.shape == (r, m):
            fail(f"{called} returned shape {Q.shape}: Q's columns are the basis, shape {(m, r)}")
        fail(f"{called} returned shape {Q.shape}, expected {(m, r)}")
    if Q.shape[1] > r:
        fail(
            f"{called} returned {Q.shape[1]} columns, but only {r} of A's columns are "
            f"independent of the ones before them: {DROP} (it is a combination of earlier "
            "columns, and normalising its round-off gives a meaningless direction)."
        )
    if Q.shape[1] < r:
        fail(
            f"{called} returned {Q.shape[1]} columns, but {r} of A's columns are independent "
            "of the ones before them: a column was dropped that should be kept. Compare the "
            "remaining norm with tol * |a_j| (relative to the column), not with tol itself."
        )
    if r == 0:
        return Q
    gram = Q.T @ Q - np.eye(r)
    if np.abs(gram).max() > orthogonality:
        i, j = np.unravel_index(int(np.argmax(np.abs(gram))), gram.shape)
        detail = (
            f"column {i} has squared norm {1 + gram[i, i]:.6g}, not 1"
            if i == j
            else f"columns {i} and {j} have dot product {gram[i, j]:.3g}"
        )
        fail(
            f"{called}: the columns of Q are not orthonormal: max|Q^T Q - I| = "
            f"{np.abs(gram).max():.3g} > {orthogonality:g} ({detail}). Classical "
            "Gram-Schmidt (all projections computed from the original a_j) loses "
            "orthogonality on ill-conditioned columns: subtract each projection from the "
            "updated vector (modified Gram-Schmidt), or orthogonalise twice."
        )
    size = float(np.abs(A).max()) or 1.0
    span_tol = max(1e-9, 100 * orthogonality) * size
    R = Q.T @ A[:, kept]
    below = np.tril(R, -1)
    if np.abs(below).max(initial=0.0) > span_tol:
        i, j = np.unravel_index(int(np.argmax(np.abs(below))), below.shape)
        fail(
            f"{called}: Q[:, {i}] has a component {R[i, j]:.3g} along kept column {j} "
            "of A, which comes before it: the basis must be built in column order (the "
            "first j columns of Q span the first j kept columns of A)."
        )
    assert_close(
        Q @ (Q.T @ A),
        A,
        atol=span_tol + tol * float(np.linalg.norm(A, axis=0).max()),
        rtol=0.0,
        what="Q Q^T A (every column of A must lie in the span of Q, up to tol * |a_j|)",
        called=called,
    )
    if compare:
        Q_ref = np.linalg.qr(A[:, kept])[0]
        signs = np.where(np.sum(Q * Q_ref, axis=0) < 0, -1.0, 1.0)
        assert_close(Q * signs, Q_ref, atol=1e-8, what="Q (column signs aligned)", called=called)
    return Q


@pytest.mark.points(2)
def test_gram_schmidt_documented_example(kata):
    """Does [[3, 1], [4, 1]] give the columns +-[0.6, 0.8] and +-[0.8, -0.6]?"""
    Q = check(kata, [[3.0, 1.0], [4.0, 1.0]], [0, 1])
    assert_close(np.abs(Q), [[0.6, 0.8], [0.8, 0.6]], what="|Q|")


def test_gram_schmidt_hand_checked_dependent_pair(kata):
    """Do two parallel columns [1, 1] and [2, 2] give a single column +-[1, 1]/sqrt(2)?"""
    Q = check(kata, [[1.0, 2.0], [1.0, 2.0]], [0])
    assert_close(np.abs(Q), [[2**-0.5], [2**-0.5]], what="|Q|")


@pytest.mark.points(3)
@pytest.mark.parametrize("m, n", [(5, 3), (10, 10), (30, 5), (4, 1)])
def test_gram_schmidt_random_full_rank(kata, rng, m, n):
    """Is Q orthonormal, in column order, and equal to a reference basis up to signs?"""
    check(kata, rng.standard_normal((m, n)), list(range(n)))


@pytest.mark.points(4)
def test_gram_schmidt_stays_orthogonal_on_ill_conditioned_columns(kata):
    """On np.vander(np.linspace(0, 1, 20), 12) (condition about 1.6e8), is max|Q^T Q - I| <= 1e-6?

    Classical Gram-Schmidt loses orthogonality like eps * cond², far beyond 1e-6 here;
    modified Gram-Schmidt loses it like eps * cond, and re-orthogonalisation not at all.
    """
    A = np.vander(np.linspace(0.0, 1.0, 20), 12)
    check(kata, A, list(range(12)), orthogonality=1e-6, compare=False)


@pytest.mark.points(3)
def test_gram_schmidt_drops_dependent_columns(kata, rng):
    """Are a1 + a2, 3 a1 and a repeated column dropped, and a3 kept, in order?"""
    a1, a2, a3 = rng.standard_normal((3, 6))
    A = np.column_stack([a1, a2, a1 + a2, 3.0 * a1, a3, a2])
    check(kata, A, [0, 1, 4])


@pytest.mark.points(2)
def test_gram_schmidt_zero_columns(kata, rng):
    """Are zero columns (first and in the middle) dropped without dividing by zero?"""
    a1, a2 = rng.standard_normal((2, 5))
    zero = np.zeros(5)
    check(kata, np.column_stack([zero, a1, zero, a2]), [1, 3])


def test_gram_schmidt_zero_matrix(kata):
    """Does the zero matrix give Q of shape (m, 0): an empty basis?"""
    check(kata, np.zeros((3, 2)), [])


def test_gram_schmidt_more_columns_than_rows(kata, rng):
    """With 6 random columns in R^3, are the first 3 kept and the rest dropped?"""
    check(kata, rng.standard_normal((3, 6)), [0, 1, 2])


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e12, 1e-12])
def test_gram_schmidt_drop_rule_is_relative(kata, rng, scale):
    """Does scaling A by 1e12 or 1e-12 keep and drop the same columns (tol * |a_j|)?"""
    a1, a2 = rng.standard_normal((2, 4))
    A = scale * np.column_stack([a1, a2, a1 - 2.0 * a2])
    check(kata, A, [0, 1])


def test_gram_schmidt_keeps_tiny_independent_column(kata):
    """Is a column [0, 1e-12, 0], tiny but independent of [1, 0, 0], kept?"""
    check(kata, [[1.0, 0.0], [0.0, 1e-12], [0.0, 0.0]], [0, 1])


def test_gram_schmidt_uses_tol(kata):
    """Is [1, 0.1] (remaining norm 0.0995 of its length after [1, 0]) dropped at tol = 0.5 only?"""
    A = [[1.0, 1.0], [0.0, 0.1]]
    check(kata, A, [0], tol=0.5)
    check(kata, A, [0, 1], tol=0.01)


def test_gram_schmidt_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was (subtract projections from a copy)?"""
    A = rng.standard_normal((5, 3))
    check(kata, A, [0, 1, 2])  # call() compares A after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, tol, why",
    [
        ([1.0, 2.0], 1e-10, "A is 1-D, it must be 2-D"),
        (np.zeros((0, 2)), 1e-10, "A is empty"),
        ([[1.0, 0.0], [0.0, 1.0]], -1.0, "tol is negative"),
        ([[1.0, 0.0], [0.0, 1.0]], float("nan"), "tol is nan"),
    ],
    ids=["A-1d", "A-empty", "tol-negative", "tol-nan"],
)
def test_gram_schmidt_rejects_bad_input(kata, A, tol, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.gram_schmidt, A, tol, why=why)
