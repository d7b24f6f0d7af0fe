"""Grader for statistics/permutation_test: permutation_test(a, b, n_perm, rng) -> float,
the two-sided Monte-Carlo permutation p-value with the catalogue's protocol."""

import itertools
import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def mean(values):
    return math.fsum(values) / len(values)


def replicate(a, b, n_perm, seed):
    """Every permuted difference of the protocol, and the generator state after it."""
    a = [float(v) for v in np.asarray(a, dtype=float)]
    b = [float(v) for v in np.asarray(b, dtype=float)]
    pooled = np.array(a + b)
    rng = np.random.default_rng(seed)
    diffs, numpy_diffs = [], []
    for _ in range(n_perm):
        perm = rng.permutation(len(pooled))
        new = pooled[perm]
        diffs.append(mean(new[: len(a)].tolist()) - mean(new[len(a) :].tolist()))
        # how np.mean rounds, to name the no-slack mistake (its count depends on rounding)
        numpy_diffs.append(new[: len(a)].mean() - new[len(a) :].mean())
    numpy_d = abs(np.mean(a) - np.mean(b))
    no_slack = int(np.sum(np.abs(numpy_diffs) >= numpy_d))
    return mean(a) - mean(b), np.array(diffs), no_slack, rng.bit_generator.state


def check(kata, a, b, n_perm, seed=0):
    f = kata.permutation_test
    rng = np.random.default_rng(seed)
    called = describe_call(f, a, b, n_perm, "rng")
    p = call(f, a, b, n_perm, rng)
    d, diffs, no_slack, state = replicate(a, b, n_perm, seed)
    slack = abs(d) * (1 - 1e-9)
    count = int(np.sum(np.abs(diffs) >= slack))
    want = (1 + count) / (1 + n_perm)
    assert_close(
        p,
        want,
        what="the p-value",
        called=called,
        rtol=0.0,
        atol=1e-12,  # p is a count over n_perm + 1: any difference is a different count
        mistakes={
            "one-sided (d* >= d): the test is two-sided, compare |d*| with |d|": (
                1 + int(np.sum(diffs >= d - 1e-9 * abs(d)))
            )
            / (1 + n_perm),
            "count / n_perm without the +1s: the observed split counts too (p > 0)": count / n_perm,
            "strict |d*| > |d|: permutations that reproduce the observed split must count": (
                1 + int(np.sum(np.abs(diffs) > abs(d) * (1 + 1e-9)))
            )
            / (1 + n_perm),
            "no slack: |d*| >= |d| misses splits equal to the observed one up to rounding; "
            "compare with |d| * (1 - 1e-9)": (1 + no_slack) / (1 + n_perm),
        },
    )
    if rng.bit_generator.state != state:
        fail(
            f"{called}: the p-value is right but rng was used differently from the protocol "
            "(one rng.permutation(n_a + n_b) per round and nothing else)"
        )
    return float(p)


def exact_p_value(a, b):
    """The exact permutation p-value: the share of all splits at least as extreme."""
    pooled = list(a) + list(b)
    d = abs(mean(a) - mean(b))
    extreme = total = 0
    for chosen in itertools.combinations(range(len(pooled)), len(a)):
        rest = [pooled[i] for i in range(len(pooled)) if i not in chosen]
        total += 1
        extreme += abs(mean([pooled[i] for i in chosen]) - mean(rest)) >= d * (1 - 1e-9)
    return extreme / total


@pytest.mark.points(2)
def test_permutation_test_documented_example(kata):
    """Does the docstring's example (one generator, seed 0) give 1.0, then 0.019?"""
    rng_seed = 0
    p = check(kata, [1.0, 2.0, 3.0], [3.0, 2.0, 1.0], 99, seed=rng_seed)
    assert_close(p, 1.0, what="the p-value")
    rng = np.random.default_rng(rng_seed)
    kata.permutation_test([1.0, 2.0, 3.0], [3.0, 2.0, 1.0], 99, rng)
    p = call(kata.permutation_test, [1.0, 2.0, 3.0, 4.0], [7.0, 8.0, 9.0, 10.0], 999, rng)
    assert_close(p, 0.019, what="the p-value of the second call", atol=1e-12)


def test_permutation_test_equal_means_give_one(kata):
    """When the means are equal, does every permutation count, so p = 1?"""
    p = check(kata, [4.0, 0.0, 2.0], [1.0, 3.0], 50, seed=5)
    assert_close(p, 1.0, what="the p-value", atol=0.0)


@pytest.mark.points(2)
def test_permutation_test_single_permutation(kata):
    """With n_perm = 1, is p either 1/2 or 1, as the protocol's single split decides?"""
    p = check(kata, [1.0, 2.0], [3.0, 4.0], 1, seed=2)
    if p not in (0.5, 1.0):
        fail(f"with one permutation p must be 1/2 or 1, got {p}")


@pytest.mark.points(2)
def test_permutation_test_counts_exact_ties(kata):
    """With integer data, do re-splits with exactly the observed |d| count (>=, not >)?

    a = [1, 2], b = [3, 4]: the splits {1, 2} | {3, 4} and {3, 4} | {1, 2} both give
    |d*| = 2 = |d| exactly.
    """
    check(kata, [1.0, 2.0], [3.0, 4.0], 300, seed=4)


@pytest.mark.points(2)
def test_permutation_test_counts_rounded_ties(kata):
    """With decimal data, do splits equal to the observed one up to rounding still count?

    a = [0.6, 0.3, 0.0], b = [0.0, 0.8, 0.9]: reordered sums of these decimals round
    differently, so |d*| can fall a few ulps below |d|; the 1e-9 slack keeps them.
    """
    check(kata, [0.6, 0.3, 0.0], [0.0, 0.8, 0.9], 200, seed=0)


@pytest.mark.points(4)
@pytest.mark.parametrize(
    "n_a, n_b, shift, n_perm",
    [(10, 12, 0.0, 300), (5, 5, 1.5, 500), (30, 8, 0.4, 200), (1, 6, 2.0, 100)],
)
def test_permutation_test_follows_the_protocol(kata, rng, n_a, n_b, shift, n_perm):
    """With the same seed, is the p-value exactly that of the stated protocol?"""
    a = rng.normal(shift, 1.0, size=n_a)
    b = rng.normal(0.0, 1.0, size=n_b)
    check(kata, a, b, n_perm, seed=int(rng.integers(2**32)))


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e-12, 1e12], ids=["1e-12", "1e12"])
def test_permutation_test_slack_is_relative(kata, rng, scale):
    """With data scaled by 1e-12 or 1e12, is the p-value that of the stated protocol?

    The slack is relative, |d*| >= |d| * (1 - 1e-9): an absolute one, |d*| >= |d| - 1e-9,
    counts every permutation when the differences are of size 1e-12 (p = 1).
    """
    a = rng.normal(1.5, 1.0, size=6) * scale
    b = rng.normal(0.0, 1.0, size=6) * scale
    seed = int(rng.integers(2**32))
    p = call(kata.permutation_test, a, b, 300, np.random.default_rng(seed))
    if p > 0.5:
        fail(
            f"the p-value is {p}: far more permutations counted than the protocol gives; "
            "the slack must be relative, |d*| >= |d| * (1 - 1e-9), not an absolute "
            "|d*| >= |d| - 1e-9, which counts everything when d is of size 1e-12"
        )
    check(kata, a, b, 300, seed=seed)


def test_permutation_test_close_to_the_exact_p_value(kata, rng):
    """Is the Monte-Carlo p-value within sampling error of the exact one (all 252 splits)?"""
    a = rng.normal(0.8, 1.0, size=5)
    b = rng.normal(0.0, 1.0, size=5)
    n_perm = 2000
    p = check(kata, a, b, n_perm, seed=int(rng.integers(2**32)))
    exact = exact_p_value(a.tolist(), b.tolist())
    error = 5 * math.sqrt(exact * (1 - exact) / n_perm) + 2 / n_perm
    assert_close(p, exact, what="the p-value against full enumeration", rtol=0.0, atol=error)


def test_permutation_test_leaves_inputs_unchanged(kata, rng):
    """Are a and b left exactly as they were (shuffle a copy, never the inputs)?"""
    check(kata, rng.normal(size=6), rng.normal(size=4), 50, seed=9)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "a, b, n_perm, why",
    [
        ([], [1.0, 2.0], 10, "a is empty"),
        ([1.0, 2.0], [], 10, "b is empty"),
        ([[1.0, 2.0]], [1.0], 10, "a is 2-D, it must be 1-D"),
        ([1.0, 2.0], [3.0], 0, "n_perm = 0"),
        ([1.0, 2.0], [3.0], 2.5, "n_perm is not an integer"),
        ([1.0, np.nan], [3.0], 10, "a contains nan"),
    ],
    ids=["a-empty", "b-empty", "a-2d", "n-perm-zero", "n-perm-fraction", "nan"],
)
def test_permutation_test_rejects_bad_input(kata, a, b, n_perm, why):
    """Does bad input raise ValueError with a message?"""
    rng = np.random.default_rng(0)
    expect_error(ValueError, kata.permutation_test, a, b, n_perm, rng, why=why)
