"""Grader for nlp/forward_backward: hmm_posteriors(obs, pi, A, B) -> Posteriors(gamma, xi, ll)."""

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

FIELDS = ("gamma", "xi", "log_likelihood")

BETA_EMISSION_AT_T = (
    "beta_t uses the emission at t: beta_t(i) = sum_j A[i, j] B[j, x_{t+1}] beta_{t+1}(j), "
    "the NEXT symbol (the emission at t is already in alpha_t)"
)
BETA_LAST_EMISSION = (
    "beta_{T-1} = B[:, x_{T-1}]: beta_{T-1} = 1 (no symbols after the last one), the last "
    "emission is already in alpha_{T-1}"
)
NOT_NORMALISED = (
    "gamma = alpha * beta not divided by P(x): P(z_t = i | x) = alpha_t(i) beta_t(i) / P(x)"
)
XI_NO_EMISSION = (
    "xi without B[j, x_{t+1}]: the transition i -> j also has to emit the symbol x_{t+1}"
)
XI_A_TRANSPOSED = "xi with A transposed: the factor for z_t = i, z_{t+1} = j is A[i, j]"
UNDERFLOW = (
    "alpha and beta underflow to 0 at T = 10 000 in probability space (then 0/0 = nan): "
    "work with logarithms (log-sum-exp) or rescale both passes at every step"
)


def posteriors_reference(obs, pi, A, B, *, beta_now=False, beta_last=False, xi_mode=""):
    """gamma, xi, ln P(x) by Rabiner's scaled passes in probability space (with mistakes).

    a_t = alpha_t / (c_0 ... c_t) sums to 1; b_t = beta_t / (c_{t+1} ... c_{T-1}); then
    gamma_t = a_t b_t and xi_t(i, j) = a_t(i) A[i, j] B[j, x_{t+1}] b_{t+1}(j) / c_{t+1}.
    Returns also alpha_t * beta_t (unnormalised) for the "not divided by P(x)" mistake.
    """
    pi, A, B = (np.asarray(a, dtype=float) for a in (pi, A, B))
    obs = [int(o) for o in obs]
    T, S = len(obs), pi.size
    a = np.zeros((T, S))
    c = np.zeros(T)
    for t in range(T):
        v = pi * B[:, obs[0]] if t == 0 else (a[t - 1] @ A) * B[:, obs[t]]
        c[t] = v.sum()
        a[t] = v / c[t]
    b = np.ones((T, S))
    if beta_last:
        b[-1] = B[:, obs[-1]]
    for t in range(T - 2, -1, -1):
        emit = B[:, obs[t]] if beta_now else B[:, obs[t + 1]]
        b[t] = A @ (emit * b[t + 1]) / c[t + 1]
    gamma = a * b
    AA = A.T if xi_mode == "transpose" else A
    emit = np.ones((T - 1, S)) if xi_mode == "no_emission" else B[:, obs[1:]].T
    xi = a[:-1, :, None] * AA[None] * (emit * b[1:])[:, None, :] / c[1:, None, None]
    ll = float(np.log(c).sum())
    return gamma, xi, ll, gamma * math.exp(ll)


def check(kata, obs, pi, A, B, *, atol=1e-9, strict=False):
    """Call hmm_posteriors; compare every field with the reference and check the identities."""
    f = kata.hmm_posteriors
    called = describe_call(f, obs, pi, A, B)
    if strict:
        result = call_strictly(f, obs, pi, A, B, advice=UNDERFLOW)
    else:
        result = call(f, obs, pi, A, B)
    gamma, xi, ll = fields(result, FIELDS, "hmm_posteriors")
    gamma, xi = np.asarray(gamma, dtype=float), np.asarray(xi, dtype=float)
    want_gamma, want_xi, want_ll, unnormalised = posteriors_reference(obs, pi, A, B)
    T, S = want_gamma.shape
    if np.isnan(gamma).any() or np.isnan(xi).any():
        fail(f"{called}: the posteriors contain nan: {UNDERFLOW}")
    small = T <= 1000  # the known mistakes are named on short sequences only
    mistakes = (
        {
            BETA_EMISSION_AT_T: posteriors_reference(obs, pi, A, B, beta_now=True)[0],
            BETA_LAST_EMISSION: posteriors_reference(obs, pi, A, B, beta_last=True)[0],
            NOT_NORMALISED: unnormalised,
        }
        if small
        else {}
    )
    assert_close(
        gamma, want_gamma, rtol=0.0, atol=atol, what="gamma", called=called, mistakes=mistakes
    )
    mistakes = (
        {
            XI_NO_EMISSION: posteriors_reference(obs, pi, A, B, xi_mode="no_emission")[1],
            XI_A_TRANSPOSED: posteriors_reference(obs, pi, A, B, xi_mode="transpose")[1],
            BETA_EMISSION_AT_T: posteriors_reference(obs, pi, A, B, beta_now=True)[1],
            BETA_LAST_EMISSION: posteriors_reference(obs, pi, A, B, beta_last=True)[1],
        }
        if small
        else {}
    )
    assert_close(xi, want_xi, rtol=0.0, atol=atol, what="xi", called=called, mistakes=mistakes)
    assert_close(ll, want_ll, rtol=1e-9, atol=1e-9, what="log_likelihood", called=called)
    # the identities the catalogue states, checked on the returned values
    assert_close(gamma.sum(axis=1), np.ones(T), atol=atol, what="the rows of gamma (sums)")
    assert_close(xi.sum(axis=2), gamma[:-1], atol=atol, what="xi[t].sum(axis=1) vs gamma[t]")
    assert_close(xi.sum(axis=1), gamma[1:], atol=atol, what="xi[t].sum(axis=0) vs gamma[t + 1]")
    return gamma, xi, float(ll)


EXAMPLE = hmm_example()


@pytest.mark.points(2)
def test_hmm_posteriors_documented_example(kata):
    """Does the docstring's example give gamma_1 = (0.0226, 0.01368) / 0.03628?

    alpha_1 = (0.0904, 0.0342) (the forward pass); beta_1(0) = 0.7 * 0.1 + 0.3 * 0.6 = 0.25,
    beta_1(1) = 0.4 * 0.1 + 0.6 * 0.6 = 0.4; P(x) = 0.03628; gamma_2 = alpha_2 / P(x);
    xi_0(0, 0) = 0.3 * 0.7 * 0.4 * 0.25 / 0.03628.
    """
    gamma, xi, ll = check(kata, *EXAMPLE)
    P = 0.03628
    assert_close(gamma[1], [0.0904 * 0.25 / P, 0.0342 * 0.4 / P], rtol=1e-12, what="gamma[1]")
    assert_close(gamma[2], [0.007696 / P, 0.028584 / P], rtol=1e-12, what="gamma[2]")
    assert_close(xi[0, 0, 0], 0.3 * 0.7 * 0.4 * 0.25 / P, rtol=1e-12, what="xi[0, 0, 0]")
    assert_close(ll, math.log(P), rtol=1e-12, what="log_likelihood")


def test_hmm_posteriors_small_cases_worked_by_hand(kata):
    """Do T = 1, one state and a deterministic chain give their by-hand posteriors?

    T = 1: gamma_0 = pi * B[:, x_0] / sum = (0.1, 0.3) / 0.4 and xi has shape (0, S, S).
    One state: gamma is all 1. The chain 0 -> 1 -> 0 with B = I: gamma is one-hot on the
    path and xi_t is one-hot on its transitions.
    """
    pi, A, B = [0.5, 0.5], [[0.9, 0.1], [0.2, 0.8]], [[0.2, 0.8], [0.6, 0.4]]
    gamma, xi, _ = check(kata, [0], pi, A, B)
    assert_close(gamma, [[0.25, 0.75]], rtol=1e-12, what="gamma")
    if xi.shape != (0, 2, 2):
        fail(f"for T = 1, xi should have shape (0, 2, 2), got {xi.shape}")
    gamma, _, _ = check(kata, [0, 1, 1], [1.0], [[1.0]], [[0.3, 0.7]])
    assert_close(gamma, np.ones((3, 1)), rtol=1e-12, what="gamma")
    gamma, xi, _ = check(kata, [0, 1, 0], [1.0, 0.0], [[0.0, 1.0], [1.0, 0.0]], np.eye(2))
    assert_close(gamma, [[1, 0], [0, 1], [1, 0]], atol=1e-12, what="gamma")
    assert_close(xi, [[[0, 1], [0, 0]], [[0, 0], [1, 0]]], atol=1e-12, what="xi")


@pytest.mark.points(3)
@pytest.mark.parametrize("S, M, T", [(2, 3, 6), (3, 2, 20), (4, 5, 60), (1, 3, 5), (6, 6, 100)])
def test_hmm_posteriors_random_models(kata, rng, S, M, T):
    """Do random models agree with independent scaled forward-backward passes?"""
    pi, A, B = random_hmm(rng, S, M)
    check(kata, rng.integers(M, size=T), pi, A, B)


@pytest.mark.points(2)
def test_hmm_posteriors_match_brute_force_over_paths(kata, rng):
    """Are gamma and xi the path-probability-weighted frequencies over all S^T paths?"""
    S, M, T = 3, 3, 5
    pi, A, B = random_hmm(rng, S, M)
    obs = rng.integers(M, size=T)
    gamma, xi, ll = check(kata, obs, pi, A, B)
    want_gamma, want_xi, total = np.zeros((T, S)), np.zeros((T - 1, S, S)), 0.0
    for z in itertools.product(range(S), repeat=T):
        p = pi[z[0]] * B[z[0], obs[0]]
        for t in range(1, T):
            p *= A[z[t - 1], z[t]] * B[z[t], obs[t]]
        total += p
        for t in range(T):
            want_gamma[t, z[t]] += p
        for t in range(T - 1):
            want_xi[t, z[t], z[t + 1]] += p
    assert_close(gamma, want_gamma / total, atol=1e-9, rtol=0, what="gamma (brute force)")
    assert_close(xi, want_xi / total, atol=1e-9, rtol=0, what="xi (brute force)")
    assert_close(ll, math.log(total), rtol=1e-9, what="log_likelihood (brute force)")


@pytest.mark.points(2)
def test_hmm_posteriors_zero_probabilities(kata, rng):
    """Do zeros in pi, A and B give posteriors without nan, 0 where a state is impossible?"""
    for _ in range(5):
        pi, A, B = random_hmm(rng, 4, 3, zeros=True)
        pi[0] = 0.0
        pi /= pi.sum()
        states = [int(rng.choice(4, p=pi))]
        for _ in range(7):
            states.append(int(rng.choice(4, p=A[states[-1]])))
        obs = [int(rng.choice(3, p=B[s])) for s in states]  # a possible sequence
        gamma, _, _ = check(kata, obs, pi, A, B)
        assert_close(gamma[0, 0], 0.0, atol=0.0, what="gamma[0, 0] (pi_0 = 0)")


def test_hmm_posteriors_impossible_sequence_raises(kata):
    """Does a sequence with P(x) = 0 raise ValueError (no posterior exists)?"""
    pi, A, B = [1.0, 0.0], [[1.0, 0.0], [0.5, 0.5]], [[1.0, 0.0], [0.0, 1.0]]
    expect_error(ValueError, kata.hmm_posteriors, [0, 1, 0], pi, A, B, why="P(x) = 0")


@pytest.mark.points(3)
@pytest.mark.timeout(5)
def test_hmm_posteriors_long_sequence(kata, rng):
    """Does T = 10 000 (probability space underflows) give the posteriors to 1e-6, strictly?"""
    pi, A, B = random_hmm(rng, 4, 6)
    pi, A, B = (0.9 * P + 0.1 / P.shape[-1] for P in (pi, A, B))  # all positive
    check(kata, rng.integers(6, size=10_000), pi, A, B, atol=1e-6, strict=True)


def test_hmm_posteriors_accepts_integral_floats_and_lists(kata, rng):
    """Do obs as integral floats and parameters as nested lists work?"""
    pi, A, B = random_hmm(rng, 3, 4)
    obs = rng.integers(4, size=9)
    check(kata, obs.astype(float), pi.tolist(), A.tolist(), B.tolist())


GOOD = EXAMPLE[1:]


@pytest.mark.parametrize("obs, pi, A, B, why", hmm_bad_inputs(GOOD))
def test_hmm_posteriors_rejects_bad_input(kata, obs, pi, A, B, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.hmm_posteriors, obs, pi, A, B, why=why)


def test_hmm_posteriors_leaves_its_input_unchanged(kata, rng):
    """Are obs, startprob, transmat and emissionprob left exactly as they were?"""
    pi, A, B = random_hmm(rng, 3, 3)
    obs = rng.integers(3, size=6)
    check(kata, obs, pi, A, B)  # call() compares every argument after the call


def test_hmm_posteriors_makes_no_shortcut_call(kata, rng):
    """Does hmm_posteriors run both passes itself, without hmmlearn?"""
    pi, A, B = random_hmm(rng, 3, 4)
    with forbid("hmmlearn.*", called="hmm_posteriors"):
        check(kata, rng.integers(4, size=12), pi, A, B)
