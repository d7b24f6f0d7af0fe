"""Grader for capstones/trustworthiness: trustworthiness(X, Y, n_neighbors) -> float,
checked against ranks counted one point at a time."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error

ZERO_RANK = "ranked the nearest neighbour 0: the nearest has rank 1, so the penalty is r - k"
SELF = "counted a point as its own neighbour: leave i out of its own neighbours"
SWAPPED = "swapped X and Y: that is continuity, neighbours of the data missing from the map"
NORM = "the normalisation is 2 / (n k (2n - 3k - 1))"
COUNT = "penalised each intruder by 1, not by how far it is, r(i, j) - k"


def by_hand(X, Y, k):
    """T(k) and known wrong versions, ranking one point at a time with Python sorts."""
    n = len(X)

    def neighbours(A, i):
        d = [(float(np.sum((A[i] - A[j]) ** 2)), j) for j in range(n) if j != i]
        return [j for _, j in sorted(d)]  # ties: lower index first

    penalty = zero_rank = count = backwards = 0
    for i in range(n):
        in_X, in_Y = neighbours(X, i), neighbours(Y, i)
        rank_X = {j: r + 1 for r, j in enumerate(in_X)}
        rank_Y = {j: r + 1 for r, j in enumerate(in_Y)}
        for j in in_Y[:k]:
            if rank_X[j] > k:
                penalty += rank_X[j] - k
                zero_rank += rank_X[j] - 1 - k
                count += 1
        for j in in_X[:k]:
            backwards += max(rank_Y[j] - k, 0)
    scale = 2.0 / (n * k * (2 * n - 3 * k - 1))
    return 1 - scale * penalty, {
        ZERO_RANK: 1 - scale * zero_rank,
        SWAPPED: 1 - scale * backwards,
        NORM: 1 - scale / 2 * penalty,
        COUNT: 1 - scale * count,
    }


def check(kata, X, Y, k):
    f = kata.trustworthiness
    called = describe_call(f, X, Y, k)
    result = call(f, X, Y, k)
    want, mistakes = by_hand(np.asarray(X, float), np.asarray(Y, float), k)
    mistakes = {m: v for m, v in mistakes.items() if abs(v - want) > 1e-9}
    assert_close(result, want, atol=1e-10, what="T(k)", called=called, mistakes=mistakes)
    return result


@pytest.mark.points(2)
def test_trustworthiness_documented_example(kata):
    """Points 0, 1, 3, 6, 10 with the last two swapped: T(1) = 1 - 4/30 = 0.866667?"""
    X = [[0.0], [1.0], [3.0], [6.0], [10.0]]
    Y = [[0.0], [1.0], [3.0], [10.0], [6.0]]
    assert_close(check(kata, X, Y, 1), 1 - 4 / 30, atol=1e-12, what="T(1)")


def test_trustworthiness_small_cases_worked_by_hand(kata):
    """The identity map, a rotation and a rescaling keep every neighbour: T = 1. Reversing
    the order of 0, 1, 3, 6, 10 on the line keeps the neighbours too (T = 1), while the
    map 0, 10, 3, 6, 1 makes the map neighbours 0-4 (rank 4 in X: penalty 3), 1-3
    (rank 3: 2), 2-4 (rank 4: 3), 3-2 (rank 1: 0), 4-0 (rank 4: 3): T(1) = 1 - 11/15."""
    X = np.array([[0.0], [1.0], [3.0], [6.0], [10.0]])
    assert_close(check(kata, X, X, 2), 1.0, atol=1e-12, what="T of the identity map")
    assert_close(check(kata, X, -3 * X + 7, 1), 1.0, atol=1e-12, what="T of a reversal")
    Y = np.array([[0.0], [10.0], [3.0], [6.0], [1.0]])
    assert_close(check(kata, X, Y, 1), 1 - 11 / 15, atol=1e-12, what="T(1)")
    rot = np.array([[0.6, -0.8], [0.8, 0.6]])
    P = np.array([[0.0, 0.0], [1.0, 0.2], [3.0, -1.0], [0.5, 4.0], [-2.0, 2.5], [5.0, 5.5]])
    assert_close(check(kata, P, P @ rot.T * 3, 2), 1.0, atol=1e-12, what="T of a rotation")


@pytest.mark.points(3)
def test_trustworthiness_matches_ranks_counted_by_hand(kata, rng):
    """Seeded data and noisy projections, several k: does T agree with ranks counted one
    point at a time?"""
    for _ in range(12):
        n, d = int(rng.integers(6, 40)), int(rng.integers(2, 8))
        X = rng.normal(size=(n, d))
        Y = X[:, :2] + rng.uniform(0, 2) * rng.normal(size=(n, 2))
        k = int(rng.integers(1, (n + 1) // 2))
        if k >= n / 2:
            k -= 1
        check(kata, X, Y, k)


def test_trustworthiness_bounds_and_random_maps(kata, rng):
    """Is T in [0, 1], and lower for a random map than for a good one?"""
    X = rng.normal(size=(60, 10))
    good = check(kata, X, X[:, :3] + 0.05 * rng.normal(size=(60, 3)), 5)
    bad = check(kata, X, rng.normal(size=(60, 2)), 5)
    assert_close(min(max(bad, 0.0), 1.0), bad, atol=0, what="T of a random map, in [0, 1]")
    assert_close(float(good > bad + 0.1), 1.0, atol=0, what="T(good map) > T(random map)")


@pytest.mark.timeout(5)
def test_trustworthiness_is_vectorised(kata, rng):
    """With 1 000 points, does T(10) come back in time and agree with the pair formula?"""
    X = rng.normal(size=(1000, 8))
    Y = X[:, :2]
    f = kata.trustworthiness
    result = call(f, X, Y, 10)
    DX = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
    DY = ((Y[:, None, :] - Y[None, :, :]) ** 2).sum(-1)
    np.fill_diagonal(DX, np.inf)
    np.fill_diagonal(DY, np.inf)
    # the rank of j from i is 1 + the number of points closer to i than j (no ties here)
    near = np.argsort(DY, axis=1)[:, :10]
    rows = np.arange(1000)[:, None]
    ranks = 1 + (DX[:, None, :] < DX[rows, near][:, :, None]).sum(-1)
    want = 1 - 2 / (1000 * 10 * (2000 - 31)) * np.maximum(ranks - 10, 0).sum()
    assert_close(result, want, atol=1e-10, what="T(10)", called=describe_call(f, X, Y, 10))


def test_trustworthiness_leaves_its_input_unchanged(kata, rng):
    """Are X and Y left exactly as they were?"""
    X, Y = rng.normal(size=(12, 4)), rng.normal(size=(12, 2))
    check(kata, X, Y, 3)


@pytest.mark.parametrize(
    "shape_x, shape_y, k, why",
    [
        ((10, 3), (9, 2), 2, "X has 10 rows, Y 9"),
        ((10,), (10, 2), 2, "X is 1-D"),
        ((10, 3), (10, 0), 2, "Y has no column"),
        ((10, 3), (10, 2), 5, "k = 5 = n/2"),
        ((10, 3), (10, 2), 0, "k = 0"),
        ((10, 3), (10, 2), 2.0, "k = 2.0"),
        ((10, 3), (10, 2), "nan", "Y holds a nan"),
    ],
)
def test_trustworthiness_rejects_bad_input(kata, shape_x, shape_y, k, why):
    """Does bad input raise ValueError with a message?"""
    X, Y = np.ones(shape_x), np.arange(float(np.prod(shape_y))).reshape(shape_y)
    if k == "nan":
        Y[0, 0], k = np.nan, 2
    expect_error(ValueError, kata.trustworthiness, X, Y, k, why=why)
