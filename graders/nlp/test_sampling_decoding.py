"""Grader for nlp/sampling_decoding: sample_next_token(logits, rng, ...) -> Sample(token, probs)."""

import math
import numbers

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
)

FIELDS = ("token", "probs")
PROTOCOL = "one draw u = rng.random(); token = the smallest j with u < cumsum(probs)[j]"

TEMPERATURE_ON_PROBS = (
    "the temperature divides the probabilities (which renormalising undoes): it divides "
    "the LOGITS, p = softmax(logits / temperature)"
)
TEMPERATURE_AFTER = (
    "the temperature applied after the filters: softmax(logits / temperature) comes first, "
    "and top-k / top-p rank and cut that distribution"
)
TOP_P_BEFORE_RENORMALISING = (
    "top_p applied to the probabilities before the top-k renormalisation: after top-k, "
    "renormalise the kept probabilities, then accumulate them for top-p"
)
TOP_P_DROPS_CROSSING = (
    "top_p keeps only the tokens whose cumulative probability is < top_p: keep the "
    "shortest prefix whose cumulative probability REACHES top_p (the crossing token stays)"
)
NOT_RENORMALISED = "probs not renormalised: the kept probabilities must sum to 1"
SORTED_ORDER = (
    "sampled along the sorted order: the cumulative sum runs over the vocabulary in index "
    "order, and token is a vocabulary index, not a rank"
)


class ChosenUniforms(np.random.Generator):
    """A real numpy Generator whose random() hands out chosen uniforms (choice uses it too)."""

    def __init__(self, values):
        super().__init__(np.random.PCG64(12345))
        self.values = [float(v) for v in values]
        self.draws = 0
        self.state_before = self.bit_generator.state

    def random(self, size=None, dtype=np.float64, out=None):
        count = 1 if size is None else int(np.prod(size))
        self.draws += count
        if self.draws > len(self.values):
            fail(f"rng.random was asked for {self.draws} uniforms; the protocol is {PROTOCOL}")
        got = self.values[self.draws - count : self.draws]
        return got[0] if size is None else np.array(got).reshape(size)


def reference(logits, temperature=1.0, top_k=None, top_p=None, mistake=""):
    """probs by the catalogue's steps, written with Python sorting and math.fsum."""
    z = [float(v) for v in logits]
    V = len(z)
    top = max(v for v in z if v != -math.inf)
    t = 1.0 if mistake == "temperature_after" else temperature
    w = [math.exp((v - top) / t) if v != -math.inf else 0.0 for v in z]
    total = math.fsum(w)
    p = [x / total for x in w]
    ranked = sorted(range(V), key=lambda j: (-p[j], j))
    if top_k is not None:
        ranked = ranked[: min(top_k, V)]
    if top_p is not None and top_p < 1:
        if mistake == "top_p_before":
            mass = 1.0
        else:
            mass = math.fsum(p[j] for j in ranked)
        kept, cumulative = [], 0.0
        for j in ranked:
            if mistake == "top_p_drops_crossing":
                if cumulative + p[j] / mass >= top_p:
                    break
                kept.append(j)
            else:
                kept.append(j)
            cumulative += p[j] / mass
            if cumulative >= top_p:
                break
        ranked = kept or ranked[:1]
    kept_mass = math.fsum(p[j] for j in ranked)
    probs = np.zeros(V)
    for j in ranked:
        probs[j] = p[j] if mistake == "not_renormalised" else p[j] / kept_mass
    if mistake == "temperature_after":
        q = np.zeros(V)
        for j in ranked:
            q[j] = math.exp((z[j] - top) / temperature)
        probs = q / math.fsum(q)
    return probs


def draw(probs, u):
    """The smallest j with u < F_j, F the cumulative sum, 1 at the last positive entry."""
    last = max(j for j in range(len(probs)) if probs[j] > 0)
    cumulative = 0.0
    for j in range(last):
        cumulative += probs[j]
        if u < cumulative:
            return j
    return last


def check(kata, logits, rng, strict=False, **options):
    """Call sample_next_token with rng, compare probs, token and the draws; return them."""
    f = kata.sample_next_token
    called = describe_call(f, logits, rng, **options)
    if isinstance(rng, ChosenUniforms):
        u, replay = rng.values[0], None
    else:  # replay the protocol on an identical generator
        replay = np.random.Generator(np.random.PCG64())
        replay.bit_generator.state = rng.bit_generator.state
        u = replay.random()
    if strict:
        result = call_strictly(f, logits, rng, **options)
    else:
        result = call(f, logits, rng, **options)
    token, probs = fields(result, FIELDS, "sample_next_token")
    want = reference(logits, **options)
    mistakes = {
        TEMPERATURE_ON_PROBS: reference(logits, **{**options, "temperature": 1.0}),
        TEMPERATURE_AFTER: reference(logits, mistake="temperature_after", **options),
        TOP_P_BEFORE_RENORMALISING: reference(logits, mistake="top_p_before", **options),
        TOP_P_DROPS_CROSSING: reference(logits, mistake="top_p_drops_crossing", **options),
        NOT_RENORMALISED: reference(logits, mistake="not_renormalised", **options),
    }
    assert_close(probs, want, rtol=1e-9, atol=1e-12, what="probs", called=called, mistakes=mistakes)
    probs = np.asarray(probs, dtype=float)
    if np.any((probs != 0) & (want == 0)):
        j = int(np.argmax((probs != 0) & (want == 0)))
        fail(f"{called}: probs[{j}] = {probs[j]!r} for a filtered token: it must be exactly 0")
    if isinstance(rng, ChosenUniforms):
        if rng.draws != 1 or rng.bit_generator.state != rng.state_before:
            fail(f"{called} drew {rng.draws} uniforms (and maybe more): the protocol is {PROTOCOL}")
    elif rng.bit_generator.state != replay.bit_generator.state:
        fail(
            f"{called} left the generator in another state than one rng.random() call "
            f"would: the protocol is {PROTOCOL}"
        )
    if isinstance(token, bool) or not isinstance(token, numbers.Integral):
        fail(f"{called}: token should be an int, got {token!r}")
    want_token = draw(want, u)
    if int(token) != want_token:
        ranked = sorted(range(len(want)), key=lambda j: (-want[j], j))
        in_rank_order = draw([want[j] for j in ranked], u)
        why = f": {SORTED_ORDER}" if int(token) in (in_rank_order, ranked[in_rank_order]) else ""
        fail(
            f"{called}: token is {int(token)}, expected {want_token} (u = {u!r}, "
            f"probs = {describe_probs(want)}; {PROTOCOL}){why}"
        )
    return int(token), probs


def describe_probs(probs):
    return np.array2string(np.asarray(probs), precision=4, threshold=12)


@pytest.mark.points(2)
def test_sample_next_token_documented_example(kata):
    """Does the docstring's example (top_k = 2 of p = .1 .2 .3 .4, seed 0) give token 3?

    top-2 keeps tokens 3 and 2: probs = (0, 0, 3/7, 4/7); u = 0.63696 is not below
    F_2 = 3/7 but below F_3 = 1.
    """
    token, probs = check(kata, np.log([0.1, 0.2, 0.3, 0.4]), np.random.default_rng(0), top_k=2)
    assert_close(probs, [0, 0, 3 / 7, 4 / 7], rtol=1e-12, what="probs")
    assert token == 3, f"token should be 3, got {token}"


@pytest.mark.points(2)
def test_sample_next_token_small_cases_worked_by_hand(kata):
    """Do temperature, top-k and top-p give their by-hand distributions?

    p = (.1, .2, .3, .4): temperature 0.5 squares the weights, (1, 4, 9, 16) / 30; top_p =
    0.5 keeps 3 and 2 (cumulative 0.4 < 0.5 <= 0.7); top_p = 0.39 keeps only 3 (0.4 >=
    0.39); top_k = 3 then top_p = 0.6: 0.4/0.9 < 0.6 <= 0.7/0.9 keeps 3 and 2; top_k = 10
    > V keeps all four; top_k = 2 renormalises to (3/7, 4/7), so top_p = 0.5 keeps only 3.
    """
    logits = np.log([0.1, 0.2, 0.3, 0.4])
    cases = [
        ({"temperature": 0.5}, np.array([1, 4, 9, 16]) / 30),
        ({"top_p": 0.5}, [0, 0, 3 / 7, 4 / 7]),
        ({"top_p": 0.39}, [0, 0, 0, 1]),
        ({"top_k": 3, "top_p": 0.6}, [0, 0, 3 / 7, 4 / 7]),
        ({"top_k": 10}, [0.1, 0.2, 0.3, 0.4]),
        ({"top_k": 2, "top_p": 0.5}, [0, 0, 0, 1]),
    ]
    for options, want in cases:
        for u in (0.05, 0.5, 0.95):
            _, probs = check(kata, logits, ChosenUniforms([u]), **options)
            assert_close(probs, want, rtol=1e-12, atol=1e-15, what=f"probs with {options}")


@pytest.mark.points(3)
def test_sample_next_token_random_logits_replay_the_generator(kata, rng):
    """On random logits and settings, do probs, token and the generator's state match a replay?"""
    for _ in range(60):
        V = int(rng.integers(1, 12))
        logits = rng.normal(scale=2.0, size=V)
        options = {"temperature": float(rng.choice([0.3, 1.0, 1.7]))}
        if rng.random() < 0.6:
            options["top_k"] = int(rng.integers(1, V + 3))
        if rng.random() < 0.6:
            options["top_p"] = float(rng.uniform(0.05, 1.0))
            cumulative = np.cumsum(np.sort(reference(logits, **{**options, "top_p": None}))[::-1])
            if np.min(np.abs(cumulative - options["top_p"])) < 1e-6:
                continue  # the catalogue grades top_p away from the cumulative sums
        check(kata, logits, np.random.default_rng(int(rng.integers(2**32))), **options)


@pytest.mark.points(2)
def test_sample_next_token_inverse_transform_boundaries(kata):
    """Does u exactly at F_j give token j + 1, and u just below give j (equal logits: F exact)?"""
    logits = np.zeros(4)  # p = 1/4 each, F = 0.25, 0.5, 0.75, 1 exactly
    for u, want in [
        (0.0, 0),
        (0.25, 1),
        (np.nextafter(0.25, 0), 0),
        (0.5, 2),
        (0.75, 3),
        (np.nextafter(1.0, 0), 3),
    ]:
        token, _ = check(kata, logits, ChosenUniforms([u]))
        assert token == want, f"u = {u!r} should give token {want}, got {token}"


@pytest.mark.points(2)
def test_sample_next_token_ties(kata):
    """Do tied probabilities rank by increasing index for top-k and top-p (exact dyadic ties)?

    Four equal logits: top_k = 2 keeps 0 and 1; top_p = 0.5 keeps exactly 0 and 1 (0.25 <
    0.5 <= 0.5); logits (1, 2, 2, 1) with top_k = 3 keeps 1, 2 and then 0 (not 3).
    """
    _, probs = check(kata, np.zeros(4), ChosenUniforms([0.7]), top_k=2)
    assert_close(probs, [0.5, 0.5, 0, 0], atol=0, rtol=1e-15, what="probs (top_k = 2, ties)")
    _, probs = check(kata, np.zeros(4), ChosenUniforms([0.7]), top_p=0.5)
    assert_close(probs, [0.5, 0.5, 0, 0], atol=0, rtol=1e-15, what="probs (top_p = 0.5, ties)")
    _, probs = check(kata, [1.0, 2.0, 2.0, 1.0], ChosenUniforms([0.1]), top_k=3)
    if probs[3] != 0 or probs[0] == 0:
        fail(f"top_k = 3 of logits (1, 2, 2, 1) should keep 0, 1, 2, got probs {probs}")


@pytest.mark.points(2)
def test_sample_next_token_single_token_still_draws_once(kata):
    """Does top_k = 1 (or one finite logit) return that token and still draw exactly once?"""
    for u in (0.0, 0.5, np.nextafter(1.0, 0)):
        token, probs = check(kata, [0.3, 2.0, -1.0], ChosenUniforms([u]), top_k=1)
        assert token == 1, f"top_k = 1 must give the argmax 1, got {token}"
        token, _ = check(kata, [-np.inf, -np.inf, 5.0, -np.inf], ChosenUniforms([u]))
        assert token == 2, f"the only finite logit is 2, got {token}"


@pytest.mark.points(2)
def test_sample_next_token_masked_tokens_are_never_drawn(kata):
    """Do -inf logits get probability exactly 0, and u near 1 never land on a trailing one?"""
    logits = [0.0, -np.inf, np.log(3.0), 0.7, -np.inf, -np.inf]
    for u in (0.0, 0.3, np.nextafter(1.0, 0)):
        token, probs = check(kata, logits, ChosenUniforms([u]), temperature=0.9)
        assert probs[token] > 0, f"token {token} has probability 0"
    token, _ = check(kata, logits, ChosenUniforms([np.nextafter(1.0, 0)]))
    assert token == 3, f"u just below 1 should give the last possible token 3, got {token}"


def test_sample_next_token_top_p_one_keeps_every_token(kata, rng):
    """Does top_p = 1 keep every token, even when the cumulative sum rounds just below 1?"""
    for _ in range(10):
        logits = rng.normal(size=7) * 3
        _, probs = check(kata, logits, ChosenUniforms([0.5]), top_p=1.0)
        if np.any(probs == 0):
            fail(f"top_p = 1 dropped a token: probs = {probs}")


def test_sample_next_token_is_stable(kata):
    """Do huge logits and a tiny temperature give a finite distribution, strictly?"""
    token, probs = check(
        kata, [1e4, 9.999e3, -1e4], np.random.default_rng(3), strict=True, temperature=1e-3
    )
    assert token == 0, f"logit 1e4 at temperature 1e-3 dominates: token 0, got {token}"
    check(kata, [-1e300, 1e300, 0.0], np.random.default_rng(4), strict=True, temperature=50.0)


@pytest.mark.parametrize(
    "logits, options, why",
    [
        ([1.0, np.nan], {}, "a logit is nan"),
        ([1.0, np.inf], {}, "a logit is +inf"),
        ([-np.inf, -np.inf], {}, "every logit is -inf"),
        ([], {}, "logits is empty"),
        ([[1.0, 2.0]], {}, "logits is 2-D"),
        ([1.0, 2.0], {"temperature": 0.0}, "temperature is 0"),
        ([1.0, 2.0], {"temperature": -1.0}, "temperature is negative"),
        ([1.0, 2.0], {"top_k": 0}, "top_k is 0"),
        ([1.0, 2.0], {"top_p": 0.0}, "top_p is 0"),
        ([1.0, 2.0], {"top_p": 1.5}, "top_p is above 1"),
    ],
    ids=["nan", "inf", "all_masked", "empty", "2d", "t0", "t_neg", "k0", "p0", "p_big"],
)
def test_sample_next_token_rejects_bad_input(kata, logits, options, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(
        ValueError, kata.sample_next_token, logits, np.random.default_rng(0), why=why, **options
    )


def test_sample_next_token_leaves_its_input_unchanged(kata, rng):
    """Are the logits left exactly as they were?"""
    logits = rng.normal(size=6)
    logits[2] = -np.inf
    check(kata, logits, np.random.default_rng(5), temperature=0.7, top_k=4, top_p=0.8)
