"""Grader for capstones/adjusted_rand: adjusted_rand(labels_true, labels_pred) -> float,
checked against pair counting over every pair of points."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error

RAND = "that is the plain Rand index (agreeing pairs / all pairs), not adjusted for chance"
SQUARES = "counted n_ij**2 / 2, not the pairs n_ij (n_ij - 1) / 2"
MAX = "the denominator is the mean (A + B) / 2 minus E, not max(A, B) minus E"
NO_E = "forgot to subtract the expected index E = A B / C(n, 2)"


def by_pairs(a, b):
    """ARI and the plain Rand index from the four kinds of pairs, counted one by one."""
    n = len(a)
    both = only_a = only_b = neither = 0
    for i in range(n):
        for j in range(i + 1, n):
            same_a, same_b = a[i] == a[j], b[i] == b[j]
            both += same_a and same_b
            only_a += same_a and not same_b
            only_b += same_b and not same_a
            neither += not same_a and not same_b
    total = n * (n - 1) // 2
    A, B = both + only_a, both + only_b  # pairs together in a, in b
    if only_a == only_b == 0:
        return 1.0, 1.0, A, B, both, total
    E = A * B / total
    ari = (both - E) / ((A + B) / 2 - E)
    return ari, (both + neither) / total, A, B, both, total


def check(kata, a, b):
    f = kata.adjusted_rand
    called = describe_call(f, a, b)
    result = call(f, a, b)
    ari, rand, A, B, both, total = by_pairs(list(a), list(b))
    mistakes = {RAND: rand}
    if total > 0 and (A + B) / 2 != A * B / total:
        E = A * B / total
        if max(A, B) != E:
            mistakes[MAX] = (both - E) / (max(A, B) - E)
        mistakes[NO_E] = both / ((A + B) / 2)
    assert_close(
        result, ari, atol=1e-10, what="the adjusted Rand index", called=called, mistakes=mistakes
    )
    return result


@pytest.mark.points(2)
def test_adjusted_rand_documented_example(kata):
    """Does moving point 2 of {0,1,2 | 3,4,5} give (4 - 2.8) / (6.5 - 2.8) = 0.324324?"""
    result = check(kata, [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1])
    assert_close(result, 1.2 / 3.7, atol=1e-12, what="ARI of the example")
    assert_close(check(kata, ["a", "a", "b"], [7, 7, -1]), 1.0, atol=1e-12, what="ARI")


def test_adjusted_rand_small_cases_worked_by_hand(kata):
    """Hand cases: the same partition renamed is 1; {01|23} against {02|13} is
    (0 - 2·2/6) / (2 - 2/3) = -0.5; one cluster against all singletons is 0."""
    assert_close(check(kata, [1, 1, 2, 2, 3], [9, 9, 4, 4, 0]), 1.0, atol=1e-12, what="ARI")
    assert_close(check(kata, [0, 0, 1, 1], [0, 1, 0, 1]), -0.5, atol=1e-12, what="ARI")
    assert_close(check(kata, [0, 0, 0, 0], [0, 1, 2, 3]), 0.0, atol=1e-12, what="ARI")
    # {012|34} vs {01|234}: n_ij 2,1,2 -> index 1+0+1 = 2, A = 3+1, B = 1+3, E = 16/10
    want = (2 - 1.6) / (4 - 1.6)
    assert_close(check(kata, [0, 0, 0, 1, 1], [0, 0, 1, 1, 1]), want, atol=1e-12, what="ARI")


@pytest.mark.points(3)
def test_adjusted_rand_matches_pair_counting(kata, rng):
    """Does ARI agree with counting the four kinds of pairs, on seeded random labellings?"""
    for _ in range(25):
        n = int(rng.integers(2, 60))
        a = rng.integers(int(rng.integers(1, 6)), size=n)
        b = np.where(rng.random(n) < 0.6, a, rng.integers(int(rng.integers(1, 6)), size=n))
        check(kata, a * 3 - 4, b)


def test_adjusted_rand_is_symmetric_and_ignores_names(kata, rng):
    """Is ARI(a, b) = ARI(b, a) = ARI(rename(a), b), with strings or negative labels?"""
    a = rng.integers(4, size=40)
    b = rng.integers(3, size=40)
    one = check(kata, a, b)
    names = np.array(["north", "south", "east", "west"])
    assert_close(check(kata, b, a), one, atol=1e-12, what="ARI(b, a)")
    assert_close(check(kata, names[a], b), one, atol=1e-12, what="ARI with string labels")
    assert_close(check(kata, -7 * a - 100, b), one, atol=1e-12, what="ARI with negative labels")


def test_adjusted_rand_is_zero_for_chance(kata, rng):
    """Over 300 pairs of independent random labellings, is the mean ARI close to 0 while
    the plain Rand index is not?"""
    values = [check(kata, rng.integers(3, size=30), rng.integers(4, size=30)) for _ in range(300)]
    assert_close(np.mean(values), 0.0, atol=0.01, what="the mean ARI of random labellings")


def test_adjusted_rand_degenerate_partitions(kata):
    """Both all-singletons, both one cluster, or a single point: ARI = 1 (no 0/0)."""
    for a, b in [([0, 1, 2, 3], [3, 2, 1, 0]), ([5, 5, 5], [1, 1, 1]), ([4], [2])]:
        result = check(kata, a, b)
        assert_close(result, 1.0, atol=0, what="ARI of identical trivial partitions")
        assert isinstance(result, float) and math.isfinite(result)


def test_adjusted_rand_large_counts(kata, rng):
    """With 100 000 points in 10 clusters, is the pair count exact enough (no overflow)?"""
    n = 100_000
    a = rng.integers(10, size=n)
    b = np.where(rng.random(n) < 0.7, a, rng.integers(10, size=n))
    table = np.zeros((10, 10))
    np.add.at(table, (a, b), 1)
    index = (table * (table - 1) / 2).sum()
    A = (table.sum(1) * (table.sum(1) - 1) / 2).sum()
    B = (table.sum(0) * (table.sum(0) - 1) / 2).sum()
    E = A * B / (n * (n - 1) / 2)
    f = kata.adjusted_rand
    assert_close(
        call(f, a, b),
        (index - E) / ((A + B) / 2 - E),
        atol=1e-9,
        what="ARI",
        called=describe_call(f, a, b),
    )


def test_adjusted_rand_leaves_its_input_unchanged(kata):
    """Are the two labellings left exactly as they were?"""
    a, b = np.array([3, 1, 1, 2, 3]), np.array([0, 0, 1, 1, 1])
    check(kata, a, b)


@pytest.mark.parametrize(
    "a, b, why",
    [
        ([], [], "empty labellings"),
        ([0, 1, 1], [0, 1], "lengths 3 and 2"),
        ([[0, 1], [1, 0]], [[0, 1], [1, 0]], "2-D labels"),
        (3, 3, "scalars"),
    ],
)
def test_adjusted_rand_rejects_bad_input(kata, a, b, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.adjusted_rand, a, b, why=why)
