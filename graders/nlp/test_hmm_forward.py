"""Grader for nlp/hmm_forward: hmm_forward(obs, startprob, transmat, emissionprob) -> Forward."""

import itertools
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
    forbid,
    hmm_bad_inputs,
    hmm_example,
    random_hmm,
)

FIELDS = ("log_alpha", "log_likelihood")
RTOL = ATOL = 1e-9  # the catalogue's tolerance: rtol 1e-9, absolute 1e-9 near 0

FIRST_EMISSION_MISSING = (
    "alpha_0 = pi: the first emission is missing, alpha_0(i) = pi_i * B[i, x_0] "
    "(the joint probability of x_0 AND z_0 = i)"
)
A_TRANSPOSED = (
    "A transposed: the sum runs over the PREVIOUS state i of A[i, j] (alpha_t A, i.e. "
    "Aᵀ alpha_t), not over the next state"
)
MAX_NOT_SUM = (
    "a max over the previous states instead of a (log-)sum: that is Viterbi's best path, "
    "not the forward algorithm's total over all paths"
)
LAST_SCALE_ONLY = (
    "the log of the last scaling factor only: ln P(x) is the log of the sum of alpha_{T-1}, "
    "i.e. the sum of the logs of ALL the per-step scaling factors"
)
UNDERFLOW = (
    "the forward variables underflowed to 0: in probability space alpha_t shrinks "
    "geometrically with t. Work with logarithms (log-sum-exp) or rescale alpha every step"
)


def forward_reference(obs, pi, A, B, *, emit_first=True, transpose=False, use_max=False):
    """log alpha (T, S), ln P(x) and ln of the last scaling factor, by per-step scaling.

    alpha_t = a_t * exp(log_scale_t) with a_t summing to 1, so ln alpha_t = ln a_t +
    log_scale_t; the flags reproduce known mistakes.
    """
    pi, A, B = (np.asarray(a, dtype=float) for a in (pi, A, B))
    obs = [int(o) for o in obs]
    A = A.T if transpose else A
    T, S = len(obs), pi.size
    log_alpha = np.full((T, S), -np.inf)
    a = pi * B[:, obs[0]] if emit_first else pi.copy()
    log_scale, scales = 0.0, []
    for t in range(T):
        if t > 0:
            a = (np.max(a[:, None] * A, axis=0) if use_max else a @ A) * B[:, obs[t]]
        c = a.sum()
        if c == 0:
            return log_alpha, -math.inf, -math.inf
        a = a / c
        log_scale += math.log(c)
        scales.append(math.log(c))
        with np.errstate(divide="ignore"):
            log_alpha[t] = np.log(a) + log_scale
    return log_alpha, log_scale, scales[-1]


def check(kata, obs, pi, A, B, strict=False):
    """Call hmm_forward, compare both fields with the reference, and return them."""
    f = kata.hmm_forward
    called = describe_call(f, obs, pi, A, B)
    if strict:
        result = call_strictly(f, obs, pi, A, B, advice=UNDERFLOW)
    else:
        result = call(f, obs, pi, A, B)
    log_alpha, log_likelihood = fields(result, FIELDS, "hmm_forward")
    want_alpha, want_ll, last_scale = forward_reference(obs, pi, A, B)
    T = len(obs)
    got_alpha = np.asarray(log_alpha, dtype=float)
    if T > 1000:  # only log_likelihood and finiteness are graded at this length
        if got_alpha.shape != want_alpha.shape:
            fail(f"{called}: log_alpha has shape {got_alpha.shape}, expected {want_alpha.shape}")
        if not np.all(np.isfinite(got_alpha)):
            fail(f"{called}: log_alpha holds {got_alpha[~np.isfinite(got_alpha)][0]}: {UNDERFLOW}")
    else:
        mistakes = {
            FIRST_EMISSION_MISSING: forward_reference(obs, pi, A, B, emit_first=False)[0],
            A_TRANSPOSED: forward_reference(obs, pi, A, B, transpose=True)[0],
            MAX_NOT_SUM: forward_reference(obs, pi, A, B, use_max=True)[0],
        }
        if np.all(np.isneginf(got_alpha[-1:])) and np.isfinite(want_ll):
            fail(f"{called}: log_alpha[-1] is all -inf, but P(x) > 0: {UNDERFLOW}")
        assert_close(
            got_alpha,
            want_alpha,
            rtol=RTOL,
            atol=ATOL,
            what="log_alpha",
            called=called,
            mistakes=mistakes,
        )
    if np.isneginf(float(log_likelihood)) and np.isfinite(want_ll):
        fail(f"{called}: log_likelihood is -inf, but P(x) > 0: {UNDERFLOW}")
    mistakes = {LAST_SCALE_ONLY: last_scale} if T > 1 else {}
    if T <= 1000:
        mistakes[FIRST_EMISSION_MISSING] = forward_reference(obs, pi, A, B, emit_first=False)[1]
        mistakes[A_TRANSPOSED] = forward_reference(obs, pi, A, B, transpose=True)[1]
        mistakes[MAX_NOT_SUM] = forward_reference(obs, pi, A, B, use_max=True)[1]
    assert_close(
        log_likelihood,
        want_ll,
        rtol=RTOL,
        atol=ATOL,
        what="log_likelihood",
        called=called,
        mistakes=mistakes,
    )
    return got_alpha, float(log_likelihood)


EXAMPLE = hmm_example()


@pytest.mark.points(2)
def test_hmm_forward_documented_example(kata):
    """Does the docstring's example give alpha = [[.3, .04], [.0904, .0342], [.007696, .028584]]?

    alpha_0 = (0.6 * 0.5, 0.4 * 0.1); alpha_1(0) = (0.3 * 0.7 + 0.04 * 0.4) * 0.4 = 0.0904,
    alpha_1(1) = (0.3 * 0.3 + 0.04 * 0.6) * 0.3 = 0.0342; alpha_2 likewise; P(x) = 0.03628.
    """
    log_alpha, ll = check(kata, *EXAMPLE)
    want = [[0.3, 0.04], [0.0904, 0.0342], [0.007696, 0.028584]]
    assert_close(np.exp(log_alpha), want, rtol=1e-12, atol=1e-15, what="exp(log_alpha)")
    assert_close(math.exp(ll), 0.03628, rtol=1e-12, what="exp(log_likelihood)")


def test_hmm_forward_small_cases_worked_by_hand(kata):
    """Do T = 1, a single state and a deterministic chain give their by-hand values?

    T = 1: ln alpha_0 = ln pi + ln B[:, x_0] and P(x) = sum pi_i B[i, x_0] = 0.5*0.2 +
    0.5*0.6 = 0.4. One state: P(x) is the product of the emissions, 0.3 * 0.7 * 0.3.
    The chain 0 -> 1 -> 0 with B = I is certain to emit 0, 1, 0: P = 1, ln P = 0.
    """
    pi, A, B = [0.5, 0.5], [[0.9, 0.1], [0.2, 0.8]], [[0.2, 0.8], [0.6, 0.4]]
    log_alpha, ll = check(kata, [0], pi, A, B)
    assert_close(log_alpha, [[math.log(0.1), math.log(0.3)]], rtol=1e-12, what="log_alpha")
    assert_close(ll, math.log(0.4), rtol=1e-12, what="log_likelihood")
    _, ll = check(kata, [0, 1, 0], [1.0], [[1.0]], [[0.3, 0.7]])
    assert_close(ll, math.log(0.3 * 0.7 * 0.3), rtol=1e-12, what="log_likelihood")
    _, ll = check(kata, [0, 1, 0], [1.0, 0.0], [[0.0, 1.0], [1.0, 0.0]], np.eye(2))
    assert_close(ll, 0.0, atol=1e-12, what="log_likelihood")


@pytest.mark.points(3)
@pytest.mark.parametrize("S, M, T", [(2, 3, 5), (3, 2, 20), (4, 5, 60), (1, 4, 7), (6, 6, 100)])
def test_hmm_forward_random_models(kata, rng, S, M, T):
    """Do random models agree with an independent per-step-scaled forward pass?"""
    pi, A, B = random_hmm(rng, S, M)
    check(kata, rng.integers(M, size=T), pi, A, B)


@pytest.mark.points(2)
def test_hmm_forward_matches_brute_force_over_paths(kata, rng):
    """Is alpha_t(i) the sum over every state path z_0..z_t ending in i of P(z, x_0..x_t)?"""
    S, M, T = 3, 3, 5
    pi, A, B = random_hmm(rng, S, M)
    obs = rng.integers(M, size=T)
    log_alpha, ll = check(kata, obs, pi, A, B)
    want = np.zeros((T, S))
    for t in range(T):
        for path in itertools.product(range(S), repeat=t + 1):
            p = pi[path[0]] * B[path[0], obs[0]]
            for s in range(1, t + 1):
                p *= A[path[s - 1], path[s]] * B[path[s], obs[s]]
            want[t, path[-1]] += p
    assert_close(np.exp(log_alpha), want, rtol=1e-9, atol=0.0, what="exp(log_alpha)")
    assert_close(ll, math.log(want[-1].sum()), rtol=1e-9, what="log_likelihood")


@pytest.mark.points(2)
def test_hmm_forward_zero_probabilities(kata, rng):
    """Do zero entries in pi, A and B give -inf exactly where alpha is 0, and no nan?"""
    for _ in range(5):
        pi, A, B = random_hmm(rng, 4, 3, zeros=True)
        pi[0] = 0.0
        pi /= pi.sum()
        states = [int(rng.choice(4, p=pi))]
        for _ in range(7):
            states.append(int(rng.choice(4, p=A[states[-1]])))
        obs = [int(rng.choice(3, p=B[s])) for s in states]  # a possible sequence
        log_alpha, ll = check(kata, obs, pi, A, B)
        assert np.isneginf(log_alpha[0, 0]), "pi_0 = 0 must give log_alpha[0, 0] = -inf"


def test_hmm_forward_impossible_sequence(kata):
    """Does a sequence of probability 0 give log_likelihood -inf (no nan, no error)?

    State 0 emits only symbol 0 and state 1 only symbol 1, and the chain never leaves
    state 0: the sequence 0, 1 is impossible.
    """
    pi, A, B = [1.0, 0.0], [[1.0, 0.0], [0.5, 0.5]], [[1.0, 0.0], [0.0, 1.0]]
    log_alpha, ll = check(kata, [0, 1, 0], pi, A, B)
    if not np.isneginf(ll):
        fail(f"log_likelihood of an impossible sequence is {ll!r}, expected -inf")


@pytest.mark.points(3)
@pytest.mark.timeout(5)
def test_hmm_forward_long_sequence_does_not_underflow(kata, rng):
    """Does T = 10 000 (where alpha underflows in probability space) give ln P(x), strictly?"""
    pi, A, B = random_hmm(rng, 4, 6)
    pi, A, B = (0.9 * P + 0.1 / P.shape[-1] for P in (pi, A, B))  # all positive
    obs = rng.integers(6, size=10_000)
    _, ll = check(kata, obs, pi, A, B, strict=True)
    assert ll < -10_000, "ln P(x) of 10 000 symbols out of 6 is far below -10 000"


def test_hmm_forward_accepts_integral_floats_and_lists(kata, rng):
    """Do obs as integral floats and parameters as nested lists give the same result?"""
    pi, A, B = random_hmm(rng, 3, 4)
    obs = rng.integers(4, size=9)
    check(kata, obs.astype(float), pi.tolist(), A.tolist(), B.tolist())
    check(kata, obs.tolist(), pi, A, B)


GOOD = EXAMPLE[1:]


@pytest.mark.parametrize(
    "obs, pi, A, B, why",
    [
        *hmm_bad_inputs(GOOD),
        pytest.param(
            [0], [0.2, 0.3, 0.5], *GOOD[1:], "startprob has 3 states, transmat 2", id="pi_length"
        ),
    ],
)
def test_hmm_forward_rejects_bad_input(kata, obs, pi, A, B, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.hmm_forward, obs, pi, A, B, why=why)


def test_hmm_forward_leaves_its_input_unchanged(kata, rng):
    """Are obs, startprob, transmat and emissionprob left exactly as they were?"""
    pi, A, B = random_hmm(rng, 3, 3)
    obs = rng.integers(3, size=6)
    check(kata, obs, pi, A, B)  # call() compares every argument after the call


def test_hmm_forward_makes_no_shortcut_call(kata, rng):
    """Does hmm_forward compute alpha itself, without hmmlearn?"""
    pi, A, B = random_hmm(rng, 3, 4)
    obs = rng.integers(4, size=12)
    with forbid("hmmlearn.*", called="hmm_forward"):
        check(kata, obs, pi, A, B)
