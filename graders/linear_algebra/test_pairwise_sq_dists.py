"""Grader for linear_algebra/pairwise_sq_dists: pairwise_sq_dists(X, Y) -> (m, n), >= 0.

The expanded formula loses absolute accuracy of order eps·(|x|² + |y|²), so entries
are compared with an absolute tolerance of 1e-10·(max |x_i|² + max |y_j|²).
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def reference(X, Y):
    """Squared distances from explicit differences (small inputs only)."""
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    diff = X[:, None, :] - Y[None, :, :]
    return np.sum(diff * diff, axis=2)


def tolerance(X, Y):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    return 1e-10 * (np.max(np.sum(X * X, axis=1)) + np.max(np.sum(Y * Y, axis=1))) + 1e-12


def no_negatives(D, called):
    D = np.asarray(D, dtype=float)
    if np.any(D < 0):
        i, j = np.unravel_index(int(np.argmin(D)), D.shape)
        fail(
            f"{called}: entry {(int(i), int(j))} is negative ({D[i, j]!r}), but a squared "
            "distance never is. The expanded formula |x|² + |y|² - 2 x·y cancels to tiny "
            "negatives for (nearly) equal points: clip the result at 0 (np.maximum(D, 0))."
        )


def check(kata, X, Y):
    f = kata.pairwise_sq_dists
    called = describe_call(f, X, Y)
    D = call(f, X, Y)
    want = reference(X, Y)
    XY = np.asarray(X, dtype=float) @ np.asarray(Y, dtype=float).T
    assert_close(
        D,
        want,
        rtol=1e-9,
        atol=tolerance(X, Y),
        what="the squared distances",
        called=called,
        mistakes={
            "distances instead of squared distances (a square root too many)": np.sqrt(want),
            "the factor 2 in -2 x·y is missing": want + XY,
        },
    )
    no_negatives(D, called)
    return np.asarray(D, dtype=float)


@pytest.mark.points(2)
def test_pairwise_sq_dists_documented_example(kata):
    """Does the docstring's example give [[1, 25, 0], [1, 13, 2]]?"""
    D = check(kata, [[0.0, 0.0], [1.0, 1.0]], [[1.0, 0.0], [3.0, 4.0], [0.0, 0.0]])
    assert_close(D, [[1.0, 25.0, 0.0], [1.0, 13.0, 2.0]], what="the squared distances")


def test_pairwise_sq_dists_hand_checked_one_feature(kata):
    """With d = 1, is D[i, j] = (x_i - y_j)²: [[4, 1], [25, 4]] for x = [1, 4], y = [-1, 2]?"""
    D = check(kata, [[1.0], [4.0]], [[-1.0], [2.0]])
    assert_close(D, [[4.0, 1.0], [25.0, 4.0]], what="the squared distances")


@pytest.mark.points(3)
@pytest.mark.parametrize("m, n, d", [(5, 7, 3), (20, 4, 10), (6, 6, 6), (1, 1, 1), (3, 2, 50)])
def test_pairwise_sq_dists_random_points(kata, rng, m, n, d):
    """Do random points of several shapes (square included) match sum((x - y)²)?"""
    X = rng.standard_normal((m, d)) * 2.0
    Y = rng.standard_normal((n, d)) + 0.5
    check(kata, X, Y)


@pytest.mark.points(3)
def test_pairwise_sq_dists_never_negative(kata, rng):
    """Far from the origin, where |x|² + |y|² - 2 x·y cancels, is every entry >= 0?

    Each point is compared with itself and with a copy moved by 1e-9: the exact squared
    distances are 0 and 1e-18, far below the rounding error of the expanded formula, so
    an unclipped result comes out negative for some of the 300 pairs.
    """
    X = rng.standard_normal((300, 8)) + 1000.0
    Y = np.vstack([X, X + 1e-9])
    D = check(kata, X, Y)
    assert_close(np.diag(D[:, :300]), np.zeros(300), atol=tolerance(X, Y), what="D[i, i]")


def test_pairwise_sq_dists_same_set(kata, rng):
    """Is pairwise_sq_dists(X, X) symmetric with a zero diagonal?"""
    X = rng.standard_normal((12, 4))
    D = check(kata, X, X)
    assert_close(np.diag(D), np.zeros(12), atol=1e-12, what="the diagonal")
    assert_close(D, D.T, atol=1e-12, what="D against its transpose")


@pytest.mark.points(4)
@pytest.mark.timeout(5)
def test_pairwise_sq_dists_large_inputs_are_fast(kata, rng):
    """Is 3000 x 64 against 3000 x 64 (9 million pairs) vectorised, well within 5 s?

    A Python loop over the pairs takes far longer; the expanded formula needs one
    (3000, 64) @ (64, 3000) matrix product. Checked on sampled entries.
    """
    X = rng.standard_normal((3000, 64))
    Y = rng.standard_normal((3000, 64)) * 0.5 + 0.1
    f = kata.pairwise_sq_dists
    called = describe_call(f, X, Y)
    D = call(f, X, Y)
    D = np.asarray(D, dtype=float)
    if D.shape != (3000, 3000):
        fail(f"{called} returned shape {D.shape}, expected (3000, 3000)")
    no_negatives(D, called)
    rows = rng.integers(0, 3000, size=400)
    cols = rng.integers(0, 3000, size=400)
    want = np.sum((X[rows] - Y[cols]) ** 2, axis=1)
    assert_close(
        D[rows, cols],
        want,
        rtol=1e-9,
        atol=tolerance(X, Y),
        what="400 sampled squared distances D[i, j]",
        called=called,
        mistakes={"distances instead of squared distances": np.sqrt(want)},
    )


def test_pairwise_sq_dists_accepts_lists_of_ints(kata):
    """Are integer inputs converted to float (no overflow or integer surprises)?"""
    D = check(kata, [[0, 0], [3, 4]], [[0, 0]])
    assert_close(D, [[0.0], [25.0]], what="the squared distances")


def test_pairwise_sq_dists_leaves_inputs_unchanged(kata, rng):
    """Are X and Y left exactly as they were (also checked on every call)?"""
    X = rng.standard_normal((6, 3)) + 5.0
    Y = rng.standard_normal((4, 3)) - 5.0
    check(kata, X, Y)  # call() compares X and Y after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, Y, why",
    [
        ([1.0, 2.0], [[1.0, 2.0]], "X is 1-D, it must be 2-D"),
        ([[1.0, 2.0]], [1.0, 2.0], "Y is 1-D, it must be 2-D"),
        ([[1.0, 2.0]], [[1.0, 2.0, 3.0]], "X has 2 columns, Y has 3"),
        (np.zeros((0, 2)), [[1.0, 2.0]], "X has no rows"),
        ([[1.0, 2.0]], np.zeros((0, 2)), "Y has no rows"),
        (np.zeros((2, 0)), np.zeros((3, 0)), "points with no coordinates"),
    ],
    ids=["X-1d", "Y-1d", "columns-differ", "X-empty", "Y-empty", "d-zero"],
)
def test_pairwise_sq_dists_rejects_bad_input(kata, X, Y, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.pairwise_sq_dists, X, Y, why=why)
