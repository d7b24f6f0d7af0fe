"""Grader for probability/sample_discrete: sample_discrete(probs, n, rng) -> int array (n,).

Protocol: u = rng.random(n); the sample is the smallest j with u < cdf[j], with the
last entry of cdf treated as exactly 1.
"""

import bisect
import math

import numpy as np
import pytest

from mlkata.grading import FixedUniforms, assert_close, call, describe_call, expect_error, fail

# samples are compared exactly with this protocol replayed on a fresh generator; on top,
# a Kolmogorov-Smirnov test whose threshold comes from the Dvoretzky-Kiefer-Wolfowitz
# inequality P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2): a false failure has
# probability below 1e-7 (the seed is fixed, so the test is deterministic anyway).
FALSE_FAILURE = 1e-7
PROTOCOL = "the protocol (u = rng.random(n))"


def replay(probs, n, seed):
    """The protocol, written independently: a loop with bisect on a Python cdf."""
    u = np.random.default_rng(seed).random(n).tolist()
    cdf, total = [], 0.0
    for p in np.asarray(probs, dtype=float).tolist():
        total += p
        cdf.append(total)
    cdf[-1] = 1.0
    return np.array([bisect.bisect_right(cdf, x) for x in u], dtype=int)


def check(kata, probs, n, seed):
    f = kata.sample_discrete
    rng = np.random.default_rng(seed)
    called = describe_call(f, probs, n, rng)
    result = call(f, probs, n, rng)
    got = np.asarray(result)
    want = replay(probs, n, seed)
    if got.shape != want.shape:
        fail(f"{called} returned shape {got.shape}, expected {want.shape}")
    if got.size and not np.issubdtype(got.dtype, np.integer):
        fail(f"{called} returned dtype {got.dtype}: the categories must be integers")
    if not np.array_equal(got, want):
        first = int(np.argmax(got != want))
        u = float(np.random.default_rng(seed).random(n)[first])
        fail(
            f"{called}: sample {first} is {got[first]}, expected {want[first]} (u = {u!r}). "
            "Follow the protocol exactly: u = rng.random(n) once, then the smallest j with "
            "u < cdf[j] (strictly less)"
        )
    reference = np.random.default_rng(seed)
    reference.random(n)
    if rng.random() != reference.random():
        fail(f"{called} drew more random numbers than the single rng.random(n)")
    return got


def ks_distance(samples, probs):
    """sup |F_n - F| over the categories (both CDFs are step functions there)."""
    k = len(probs)
    empirical = np.cumsum(np.bincount(samples, minlength=k)[:k]) / samples.size
    return float(np.max(np.abs(empirical - np.cumsum(probs))))


@pytest.mark.points(2)
def test_sample_discrete_documented_example(kata):
    """Does the documented call give [1, 1, 0, 0, 2, 2, 1, 2]?"""
    got = check(kata, [0.2, 0.5, 0.3], 8, 0)
    assert_close(got, [1, 1, 0, 0, 2, 2, 1, 2], what="the samples")


@pytest.mark.points(2)
def test_sample_discrete_hand_checked_uniforms(kata):
    """Do the uniforms 0, 0.25, 0.5, 0.75, 0.999.. fall into categories 0, 1, 2, 3, 3?

    With four equal probabilities cdf = (0.25, 0.5, 0.75, 1): u = 0.25 is not < 0.25, so
    it belongs to category 1 (u < cdf[j] is strict).
    """
    f = kata.sample_discrete
    rng = FixedUniforms([0.0, 0.25, 0.5, 0.75, 1 - 2**-53], protocol=PROTOCOL)
    result = call(f, [0.25] * 4, 5, rng)
    assert_close(
        result,
        [0, 1, 2, 3, 3],
        atol=0,
        what="the categories of u = (0, 0.25, 0.5, 0.75, 1 - 2^-53)",
        called=describe_call(f, [0.25] * 4, 5, rng),
        mistakes={"u <= cdf[j] instead of u < cdf[j]": [0, 0, 1, 2, 3]},
    )


@pytest.mark.points(2)
def test_sample_discrete_cumsum_below_one(kata):
    """When the cumulative sum ends below 1, does a u above it still land in the last category?

    Ten probabilities 0.1 sum to 0.9999999999999999 in floating point, so u = 1 - 2^-53
    is not below the last cdf entry: the last entry must be treated as exactly 1.
    """
    f = kata.sample_discrete
    probs = [0.1] * 10
    rng = FixedUniforms([0.05, 1 - 2**-53, 0.95], protocol=PROTOCOL)
    called = describe_call(f, probs, 3, rng)
    result = np.asarray(call(f, probs, 3, rng))
    if result.shape == (3,) and result[1] == 10:
        fail(
            f"{called} returned category 10 for u = 1 - 2^-53, but there are only 10 "
            "categories (0..9): the cumulative sum ends at 0.9999999999999999, below u. "
            "Set the last entry of the cdf to exactly 1"
        )
    assert_close(result, [0, 9, 9], atol=0, what="the categories", called=called)


@pytest.mark.points(3)
@pytest.mark.parametrize("k, n", [(1, 5), (3, 100), (10, 1000), (50, 20)])
def test_sample_discrete_exact_protocol(kata, rng, k, n):
    """Do random distributions give exactly the samples of the protocol on the same seed?"""
    probs = rng.dirichlet(np.ones(k))
    probs[rng.random(k) < 0.2] = 0.0  # some impossible categories
    if probs.sum() == 0:
        probs[0] = 1.0
    probs = probs / probs.sum()
    got = check(kata, probs, n, int(rng.integers(2**32)))
    impossible = np.flatnonzero(probs == 0)
    if np.isin(got, impossible).any():
        fail("a category with probability 0 was sampled")


@pytest.mark.points(3)
def test_sample_discrete_has_the_right_distribution(kata):
    """Are 100 000 samples distributed as probs (Kolmogorov-Smirnov, DKW threshold)?"""
    probs = np.array([0.05, 0.3, 0.0, 0.15, 0.25, 0.25])
    n = 100_000
    got = check(kata, probs, n, 12345)
    if got.min() < 0 or got.max() >= probs.size:
        fail(f"a sample is outside 0..{probs.size - 1}")
    threshold = math.sqrt(math.log(2 / FALSE_FAILURE) / (2 * n))
    distance = ks_distance(got, probs)
    if distance > threshold:
        fail(
            f"the samples do not follow probs: the empirical CDF is {distance:.4f} away from "
            f"the true one (at most {threshold:.4f} expected)"
        )


def test_sample_discrete_zero_samples(kata):
    """Does n = 0 give an empty integer array?"""
    got = check(kata, [0.5, 0.5], 0, 1)
    assert_close(got.size, 0, what="the number of samples")


def test_sample_discrete_leaves_probs_unchanged(kata, rng):
    """Is probs left exactly as it was?"""
    probs = rng.dirichlet(np.ones(5))
    check(kata, probs, 10, 7)  # call() compares probs after the call


@pytest.mark.parametrize(
    "probs, n, why",
    [
        ([0.5, 0.6], 3, "probs sum to 1.1"),
        ([0.5, 0.5 - 1e-8], 3, "probs sum to 1 - 1e-8"),
        ([1.2, -0.2], 3, "probs are negative somewhere"),
        ([], 3, "probs is empty"),
        ([[0.5, 0.5]], 3, "probs is 2-D"),
        ([0.5, 0.5], -1, "n is negative"),
        ([0.5, 0.5], 2.5, "n is not an integer"),
    ],
    ids=["sum_above", "sum_below", "negative", "empty", "2d", "n_negative", "n_float"],
)
def test_sample_discrete_rejects_bad_input(kata, probs, n, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.sample_discrete, probs, n, np.random.default_rng(0), why=why)
