"""Grader for probability/rejection:
rejection_sample(target_pdf, proposal_sample, proposal_pdf, M, n, rng)
-> Rejection(samples, acceptance_rate).

Protocol: in rounds, with m samples still needed, x = proposal_sample(rng, m), then
u = rng.random(m); accept u * M * g(x) < f(x); repeat until n are accepted.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    FixedUniforms,
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
    fields,
)

# Kolmogorov-Smirnov with the Dvoretzky-Kiefer-Wolfowitz threshold: for n samples of a
# continuous law, P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2); we take that to be 1e-7.
FALSE_FAILURE = 1e-7
SEED = 20260707
FIELDS = ["samples", "acceptance_rate"]
PROTOCOL = "the protocol (u = rng.random(m) after each round's m proposals)"


def beta22(x):
    return 6.0 * x * (1.0 - x)


def beta22_cdf(x):
    return 3.0 * x**2 - 2.0 * x**3


def uniform_sample(rng, m):
    return rng.random(m)


def uniform_pdf(x):
    return np.ones_like(x)


def half_normal(x):
    return np.sqrt(2.0 / np.pi) * np.exp(-0.5 * np.asarray(x) ** 2)


def exp_sample(rng, m):
    return rng.exponential(1.0, m)


def exp_pdf(x):
    return np.exp(-np.asarray(x))


HALF_NORMAL_M = math.sqrt(2.0 * math.e / math.pi)  # max of f/g, at x = 1


def replay(f, sample, g, M, n, seed):
    """The protocol, written independently: a Python loop over each round's proposals."""
    rng = np.random.default_rng(seed)
    kept, drawn = [], 0
    while len(kept) < n:
        m = n - len(kept)
        xs = np.asarray(sample(rng, m), dtype=float)
        us = rng.random(m)
        drawn += m
        fx, gx = np.asarray(f(xs)).tolist(), np.asarray(g(xs)).tolist()
        for x, u, fv, gv in zip(xs.tolist(), us.tolist(), fx, gx, strict=True):
            if u * M * gv < fv:
                kept.append(x)
    return np.array(kept), n / drawn, rng


def check(kata, f, sample, g, M, n, seed):
    func = kata.rejection_sample
    rng = np.random.default_rng(seed)
    called = describe_call(func, f, sample, g, M, n, rng)
    result = call(func, f, sample, g, M, n, rng)
    samples, rate = fields(result, FIELDS, "rejection_sample")
    samples = np.asarray(samples, dtype=float)
    want, want_rate, after = replay(f, sample, g, M, n, seed)
    if samples.shape != want.shape or not np.array_equal(samples, want):
        hint = (
            "Follow the protocol exactly: per round x = proposal_sample(rng, m) with m the "
            "number still needed, then u = rng.random(m), accept u * M * g(x) < f(x), keep "
            "the accepted x in order"
        )
        forgot_m = replay(f, sample, g, 1.0, n, seed)[0]
        if samples.shape == forgot_m.shape and np.array_equal(samples, forgot_m):
            hint = (
                "these are the samples you get when you forget M: accept when "
                "u * M * g(x) < f(x), not u * g(x) < f(x)"
            )
        fail(
            f"{called} returned samples of shape {samples.shape} that differ from the "
            f"protocol's (shape {want.shape}): {hint}"
        )
    assert_close(
        rate,
        want_rate,
        what="acceptance_rate",
        called=called,
        mistakes={
            "the rejection rate: acceptance_rate is n / (proposals drawn)": 1 - want_rate,
        },
    )
    if rng.random() != after.random():
        fail(f"{called} drew a different amount of randomness than the protocol")
    return samples, float(rate)


@pytest.mark.points(2)
def test_rejection_sample_documented_example(kata):
    """Does the documented Beta(2, 2) call keep 4 of 9 proposals, as the protocol does?

    With seed 1 the rounds keep 1 of 4 (x = 0.512), 1 of 3 (x = 0.550) and 2 of 2
    (x = 0.303, 0.453): the test u * 1.5 < 6x(1 - x) on each round's uniforms.
    """
    samples, rate = check(kata, beta22, uniform_sample, uniform_pdf, 1.5, 4, 1)
    assert_close(samples.round(3), [0.512, 0.55, 0.303, 0.453], what="samples (rounded)")
    assert_close(rate, 4 / 9, what="acceptance_rate")


@pytest.mark.points(2)
def test_rejection_sample_hand_checked_rounds(kata):
    """With f(x) = 2x, g = 1, M = 2 (accept iff u < x), do the rounds go as by hand?

    Round 1 (m = 3): x = (0.5, 0.2, 0.5), u = (0.4, 0.3, 0.5): keep 0.5 only (0.5 < 0.5
    is false). Round 2 (m = 2): x = (0.9, 0.1), u = (0.1, 0.2): keep 0.9. Round 3 (m = 1):
    x = 0.7, u = 0.6: keep. Samples (0.5, 0.9, 0.7) from 6 proposals: rate 1/2.
    """
    proposals = [[0.5, 0.2, 0.5], [0.9, 0.1], [0.7]]
    asked = []

    def sample(rng, m):
        asked.append(m)
        if not proposals:
            fail("proposal_sample was called after n samples had been accepted")
        return np.array(proposals.pop(0))

    rng = FixedUniforms([0.4, 0.3, 0.5, 0.1, 0.2, 0.6], protocol=PROTOCOL)
    func = kata.rejection_sample
    called = describe_call(func, "f", sample, "g", 2.0, 3, rng)
    result = call(func, lambda x: 2 * np.asarray(x), sample, uniform_pdf, 2.0, 3, rng)
    if asked != [3, 2, 1]:
        fail(f"{called}: proposal_sample was asked for {asked} points, expected [3, 2, 1]")
    samples, rate = fields(result, FIELDS, "rejection_sample")
    assert_close(samples, [0.5, 0.9, 0.7], what="samples")
    assert_close(rate, 0.5, what="acceptance_rate")


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [1, 10, 300])
def test_rejection_sample_exact_protocol(kata, rng, n):
    """Does a half-normal from exponential proposals follow the protocol exactly?"""
    check(kata, half_normal, exp_sample, exp_pdf, HALF_NORMAL_M, n, int(rng.integers(2**32)))


@pytest.mark.points(3)
def test_rejection_sample_has_the_right_distribution(kata):
    """Are 20 000 Beta(2, 2) samples Beta(2, 2) (KS, DKW), kept at a rate near 1/M?"""
    n = 20_000
    samples, rate = check(kata, beta22, uniform_sample, uniform_pdf, 1.5, n, SEED)
    x = np.sort(samples)
    F = beta22_cdf(x)
    distance = float(max((np.arange(1, n + 1) / n - F).max(), (F - np.arange(n) / n).max()))
    threshold = math.sqrt(math.log(2 / FALSE_FAILURE) / (2 * n))
    if distance > threshold:
        fail(
            f"the samples are not Beta(2, 2): the empirical CDF is {distance:.4f} away from "
            f"3x² - 2x³ (at most {threshold:.4f} expected)"
        )
    # the rate's standard deviation is about 0.003 here: 0.05 is a very wide margin
    assert_close(rate, 1 / 1.5, atol=0.05, rtol=0.0, what="acceptance_rate (about 1/M)")


def test_rejection_sample_larger_M_accepts_less(kata):
    """With a loose envelope M = 6 (four times too big), is the rate near 1/6?"""
    samples, rate = check(kata, beta22, uniform_sample, uniform_pdf, 6.0, 2000, 99)
    assert_close(rate, 1 / 6, atol=0.03, rtol=0.0, what="acceptance_rate (about 1/M)")


@pytest.mark.parametrize(
    "M, n, why",
    [
        (0.0, 5, "M = 0"),
        (-1.5, 5, "M is negative"),
        (float("nan"), 5, "M is nan"),
        (1.5, 0, "n = 0: n must be at least 1"),
        (1.5, -3, "n is negative"),
        (1.5, 2.5, "n is not an integer"),
    ],
    ids=["M_zero", "M_negative", "M_nan", "n_zero", "n_negative", "n_float"],
)
def test_rejection_sample_rejects_bad_input(kata, M, n, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(
        ValueError,
        kata.rejection_sample,
        beta22,
        uniform_sample,
        uniform_pdf,
        M,
        n,
        np.random.default_rng(0),
        why=why,
    )
