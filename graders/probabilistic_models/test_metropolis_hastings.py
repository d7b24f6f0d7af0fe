"""Grader for probabilistic_models/metropolis_hastings:
metropolis_hastings(log_target, x0, n_samples, step_size, rng) -> MH(samples, acceptance_rate).
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
    portable,
)

FIELDS = ["samples", "acceptance_rate"]
SEED = 20260522


def replay(log_target, x0, n, step, rng, mistake=""):
    """The protocol, literally, one iteration at a time (with a mistake switched on)."""
    x = np.array(x0, dtype=float)
    ell = float(log_target(x))
    rows, accepted = [x.copy()] if mistake == "x0 row" else [], 0
    for _ in range(n):
        z = rng.standard_normal(x.size)
        prop = x + step * z
        ell_new = float(log_target(prop))
        diff = ell_new - ell
        if mistake == "downhill only" and diff >= 0:
            accept = True
        else:
            u = rng.random()
            accept = (math.log(u) if u > 0 else -math.inf) < diff
        if accept:
            x = prop
            accepted += 1
            if mistake != "stale":
                ell = ell_new
            if mistake == "accepted only":
                rows.append(x.copy())
        if mistake != "accepted only":
            rows.append(x.copy())
    samples = np.array(rows[:n]) if rows else np.zeros((0, x.size))
    return samples, accepted / n


MISTAKES = {
    "stale": "the log density not updated after an acceptance (stale l)",
    "downhill only": "u drawn only for downhill moves: the protocol draws u every iteration",
    "x0 row": "x0 recorded as the first row: samples[i] is the state after iteration i",
}


def check(kata, log_target, x0, n, step, seed=SEED, strict=False):
    """Run the kata on a seeded generator; compare with the literal replay and its state."""
    f = kata.metropolis_hastings
    rng = np.random.default_rng(seed)
    called = describe_call(f, log_target, x0, n, step, rng)
    runner = call_strictly if strict else call
    advice = (
        "compare log u < l' - l instead of u < exp(l' - l): exp of a large difference "
        "overflows, and -inf - l is just -inf"
    )
    kwargs = {"advice": advice} if strict else {}
    samples, rate = fields(
        runner(f, portable(log_target), x0, n, step, rng, **kwargs),
        FIELDS,
        "metropolis_hastings",
    )
    reference = np.random.default_rng(seed)
    want, want_rate = replay(log_target, x0, n, step, reference)
    samples = np.asarray(samples, dtype=float)
    if samples.ndim == 2 and samples.shape[0] < n and samples.shape[1:] == want.shape[1:]:
        fail(
            f"{called}: samples has {samples.shape[0]} rows, expected {n}: rejections not "
            "recorded. A rejected proposal repeats the current state as the next row"
        )
    wrong = {}
    for key, words in MISTAKES.items():
        wrong[words] = replay(log_target, x0, n, step, np.random.default_rng(seed), key)
    scale = max(float(np.max(np.abs(want))), 1.0) if want.size else 1.0
    assert_close(
        samples,
        want,
        rtol=1e-12,
        atol=1e-12 * scale,
        what="samples",
        called=called,
        mistakes={w: v[0] for w, v in wrong.items()},
    )
    if np.shape(rate) != ():
        fail(f"{called}: acceptance_rate should be a float, got {rate!r}")
    assert_close(rate, want_rate, rtol=0, atol=1e-12, what="acceptance_rate", called=called)
    if rng.bit_generator.state != reference.bit_generator.state:
        fail(
            f"{called}: the samples match but the generator's state after the call does "
            "not: each iteration draws exactly rng.standard_normal(d), then rng.random()"
        )
    return samples, float(rate)


def std_normal(x):
    return -0.5 * float(x @ x)


@pytest.mark.points(2)
def test_metropolis_hastings_documented_example(kata):
    """Does a flat target (always accept) make each row the previous plus one normal step?"""
    samples, rate = check(kata, lambda x: 0.0, [0.0], 3, 1.0, seed=0)
    z = np.random.default_rng(0)
    steps = []
    for _ in range(3):
        steps.append(z.standard_normal(1)[0])
        z.random()
    assert_close(samples[:, 0], np.cumsum(steps), what="samples of a flat target")
    assert_close(rate, 1.0, what="acceptance_rate")


@pytest.mark.points(2)
def test_metropolis_hastings_hand_checked_decisions(kata):
    """Is every uphill move accepted and is a move downhill by l accepted iff log u < -l?

    On l(x) = -|x|^2/2 from x0 = 0 every proposal is downhill by |x'|^2/2 (from the mode);
    the replay decides each one from the very u the protocol draws.
    """
    samples, rate = check(kata, std_normal, [0.0, 0.0], 40, 0.5)
    if not 0.0 < rate < 1.0:
        fail(f"acceptance_rate {rate} on a Gaussian target should be strictly between 0 and 1")


@pytest.mark.points(3)
@pytest.mark.parametrize("d, step", [(1, 0.3), (1, 3.0), (3, 0.8), (5, 0.2)])
def test_metropolis_hastings_replays_the_protocol(kata, rng, d, step):
    """Do random Gaussian targets give exactly the replayed chain and generator state?"""
    A = rng.normal(size=(d, d))
    prec = A @ A.T + np.eye(d)
    mu = rng.normal(size=d)

    def log_target(x):
        r = x - mu
        return -0.5 * float(r @ prec @ r)

    check(kata, log_target, rng.normal(size=d), 60, step, seed=int(rng.integers(2**31)))


@pytest.mark.points(2)
def test_metropolis_hastings_does_not_overflow(kata):
    """Under strict floating point, does a difference l' - l near 1e6 not overflow?

    l(x) = -1e4 x^2 from x0 = 10: l0 = -1e6, and a step towards 0 gains up to ~1e6.
    """
    samples, rate = check(kata, lambda x: -1e4 * float(x @ x), [10.0], 30, 3.0, strict=True)
    if rate == 0.0:
        fail("no move was accepted, though moves towards the mode gain up to 1e6 nats")


@pytest.mark.points(2)
def test_metropolis_hastings_bounded_support(kata):
    """Are proposals with l' = -inf (outside [0, 1]^2) rejected quietly, under strict floats?"""

    def box(x):
        return 0.0 if np.all((x >= 0) & (x <= 1)) else -math.inf

    samples, rate = check(kata, box, [0.5, 0.5], 80, 0.4, strict=True)
    if np.any(samples < 0) or np.any(samples > 1):
        fail("the chain left the support [0, 1]^2: a proposal with l' = -inf must be rejected")


@pytest.mark.points(2)
def test_metropolis_hastings_samples_the_target(kata):
    """Does a long chain on N(2, 0.5^2) have mean near 2 and variance near 0.25?

    20 000 iterations with step 1.2 (effective sample size in the thousands): the
    tolerances are about 5 standard errors.
    """
    rng = np.random.default_rng(SEED)
    f = kata.metropolis_hastings
    samples, rate = fields(
        call(f, portable(lambda x: -2.0 * float((x[0] - 2.0) ** 2)), [0.0], 20_000, 1.2, rng),
        FIELDS,
        "metropolis_hastings",
    )
    s = np.asarray(samples, dtype=float)[2000:, 0]
    assert_close(s.mean(), 2.0, rtol=0, atol=0.05, what="the chain's mean (target 2)")
    assert_close(s.var(), 0.25, rtol=0.12, atol=0, what="the chain's variance (target 0.25)")


@pytest.mark.points(1)
def test_metropolis_hastings_acceptance_rate_counts_moves(kata, rng):
    """Is acceptance_rate the fraction of rows that differ from the row before?"""
    samples, rate = check(kata, std_normal, [0.3], 200, 2.0, seed=int(rng.integers(2**31)))
    prev = np.vstack([[[0.3]], samples[:-1]])
    moved = np.mean(np.any(samples != prev, axis=1))
    assert_close(rate, moved, rtol=0, atol=1e-12, what="acceptance_rate (fraction of moves)")


@pytest.mark.points(1)
def test_metropolis_hastings_single_iteration(kata):
    """Does n_samples = 1 give one row and a rate of 0 or 1?"""
    samples, rate = check(kata, std_normal, [1.0, -1.0], 1, 0.7, seed=3)
    assert_close(np.shape(samples), (1, 2), what="the shape of samples")


@pytest.mark.parametrize(
    "x0, n, step, why",
    [
        ([0.0], 0, 1.0, "n_samples = 0"),
        ([0.0], 2.5, 1.0, "n_samples not an integer"),
        ([0.0], 5, 0.0, "step_size = 0"),
        ([0.0], 5, -1.0, "step_size < 0"),
        ([0.0], 5, [1.0, 1.0], "step_size not a scalar"),
        ([[0.0]], 5, 1.0, "x0 2-D"),
        ([], 5, 1.0, "x0 empty"),
        ([5.0], 5, 1.0, "log_target(x0) = -inf (outside the support)"),
    ],
    ids=["n0", "n_float", "step0", "step_neg", "step_array", "x0_2d", "x0_empty", "x0_off"],
)
def test_metropolis_hastings_rejects_bad_input(kata, x0, n, step, why):
    """Does bad input raise ValueError with a message?"""

    def half_line(x):
        return -float(x @ x) if x[0] < 1 else -math.inf

    rng = np.random.default_rng(0)
    expect_error(ValueError, kata.metropolis_hastings, half_line, x0, n, step, rng, why=why)


def test_metropolis_hastings_leaves_x0_unchanged(kata):
    """Is x0 left exactly as it was?"""
    x0 = np.array([0.4, -0.2])
    check(kata, std_normal, x0, 20, 1.0)
    assert_close(x0, [0.4, -0.2], rtol=0, atol=0, what="x0 after the call")
