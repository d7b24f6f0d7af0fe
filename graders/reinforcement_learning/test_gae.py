"""Grader for reinforcement_learning/gae:
gae(rewards, values, dones, last_value, gamma, lam) -> GAE(advantages, returns)."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fields

V_ACROSS_DONE = (
    "V_{t+1} bootstrapped across a done: at a done the TD error is r_t - V_t, the next "
    "episode's first value does not belong to this one"
)
A_ACROSS_DONE = (
    "the advantage recursion not cut at a done: A_t = delta_t + gamma lam (1 - d_t) A_{t+1}, "
    "otherwise advantages leak from one episode into the one before it"
)
GAMMA_ALONE = "A decayed by gamma alone: the recursion decays by gamma * lam"
LAM_ALONE = "A decayed by lam alone: the recursion decays by gamma * lam"
MONTE_CARLO = (
    "the returns are the Monte-Carlo discounted rewards: gae's returns are the lambda-returns A + V"
)
NEXT_FLAG = (
    "the next step's flag (1 - d_{t+1}): a done at t means the episode ended WITH step t, "
    "so both recursions are cut by (1 - d_t)"
)
NORMALISED = "the advantages normalised (mean 0, std 1): gae returns them as they are"


def td_errors(r, v, d, last_value, gamma, cut=True):
    T = len(r)
    out = np.zeros(T)
    for t in range(T):
        following = last_value if t == T - 1 else v[t + 1]
        if d[t] and cut:
            following = 0.0
        out[t] = r[t] + gamma * following - v[t]
    return out


def advantages_by_sum(deltas, d, decay, cut=True):
    """A_t = sum over the rest of t's episode of decay^(k-t) delta_k (no recursion)."""
    T = len(deltas)
    A = np.zeros(T)
    for t in range(T):
        power = 1.0
        for k in range(t, T):
            A[t] += power * deltas[k]
            power *= decay
            if d[k] and cut:
                break
    return A


def lambda_returns(r, v, d, last_value, gamma, lam):
    """G^lam_t = r_t + gamma (1 - d_t) [(1 - lam) V_{t+1} + lam G^lam_{t+1}]."""
    T = len(r)
    G = np.zeros(T)
    following_G, following_V = last_value, last_value
    for t in range(T - 1, -1, -1):
        cont = 0.0 if d[t] else 1.0
        G[t] = r[t] + gamma * cont * ((1 - lam) * following_V + lam * following_G)
        following_G, following_V = G[t], v[t]
    return G


def discounted(r, d, gamma, last_value):
    T = len(r)
    G = np.zeros(T)
    following = last_value
    for t in range(T - 1, -1, -1):
        following = r[t] + (0.0 if d[t] else gamma) * following
        G[t] = following
    return G


def check(kata, rewards, values, dones, last_value, gamma, lam):
    """Call gae, compare both fields with independent formulas, and return them."""
    f = kata.gae
    called = describe_call(f, rewards, values, dones, last_value, gamma, lam)
    result = call(f, rewards, values, dones, last_value, gamma, lam)
    A, returns = fields(result, ["advantages", "returns"], "gae")
    r = np.asarray(rewards, dtype=float)
    v = np.asarray(values, dtype=float)
    d = np.asarray(dones, dtype=bool)
    deltas = td_errors(r, v, d, last_value, gamma)
    d_next = np.append(d[1:], False)
    want_A = advantages_by_sum(deltas, d, gamma * lam)
    want_G = lambda_returns(r, v, d, last_value, gamma, lam)
    scale = max(1.0, float(np.max(np.abs(want_G))), float(np.max(np.abs(v))))
    tol = {"rtol": 1e-10, "atol": 1e-12 * scale}
    assert_close(
        A,
        want_A,
        what="advantages",
        called=called,
        mistakes={
            V_ACROSS_DONE: advantages_by_sum(
                td_errors(r, v, d, last_value, gamma, cut=False), d, gamma * lam
            ),
            A_ACROSS_DONE: advantages_by_sum(deltas, d, gamma * lam, cut=False),
            GAMMA_ALONE: advantages_by_sum(deltas, d, gamma),
            LAM_ALONE: advantages_by_sum(deltas, d, lam),
            NEXT_FLAG: advantages_by_sum(
                td_errors(r, v, d_next, last_value, gamma), d_next, gamma * lam
            ),
            NORMALISED: (want_A - want_A.mean()) / (want_A.std() if want_A.std() > 0 else 1.0),
        },
        **tol,
    )
    assert_close(
        returns,
        want_G,
        what="returns",
        called=called,
        mistakes={MONTE_CARLO: discounted(r, d, gamma, last_value)},
        **tol,
    )
    return np.asarray(A, dtype=float), np.asarray(returns, dtype=float)


@pytest.mark.points(2)
def test_gae_documented_example(kata):
    """Does the docstring's two-step episode give advantages (0.875, 0.5), returns (1.375, 1)?

    delta_1 = 1 - 0.5 = 0.5 (done: no bootstrap), delta_0 = 1 + 0.5 * 0.5 - 0.5 = 0.75,
    A_0 = 0.75 + 0.25 * 0.5 = 0.875; returns = A + V.
    """
    A, G = check(kata, [1.0, 1.0], [0.5, 0.5], [0, 1], 9.0, 0.5, 0.5)
    assert_close(A, [0.875, 0.5], what="advantages")
    assert_close(G, [1.375, 1.0], what="returns")


@pytest.mark.points(2)
def test_gae_small_cases_worked_by_hand(kata):
    """Do a cut episode and two episodes give their by-hand advantages?

    Rewards (0, 0), values (0, 0), no done, last_value 4, gamma 1/2, lambda 1/2:
    delta = (0, 2), A_1 = 2, A_0 = 0 + 1/4 * 2 = 0.5. Rewards (1, 2 | 3), values
    (1, 1, 1), dones (0, 1, 0), last_value 2, gamma 1, lambda 1/2: delta = (1, 1, 4),
    A = (1.5, 1, 4).
    """
    A, _ = check(kata, [0.0, 0.0], [0.0, 0.0], [0, 0], 4.0, 0.5, 0.5)
    assert_close(A, [0.5, 2.0], what="advantages")
    A, G = check(kata, [1.0, 2.0, 3.0], [1.0, 1.0, 1.0], [0, 1, 0], 2.0, 1.0, 0.5)
    assert_close(A, [1.5, 1.0, 4.0], what="advantages")
    assert_close(G, [2.5, 2.0, 5.0], what="returns")


@pytest.mark.points(3)
@pytest.mark.parametrize("T", [1, 3, 10, 50])
def test_gae_random_buffers(kata, rng, T):
    """Do random buffers match the sum-of-TD-errors advantages and the lambda-returns?"""
    for _ in range(5):
        check(
            kata,
            rng.normal(size=T),
            rng.normal(size=T) * 2.0,
            rng.random(T) < 0.2,
            float(rng.normal()),
            float(rng.uniform(0.8, 0.999)),
            float(rng.uniform(0.5, 0.99)),
        )


def test_gae_lambda_zero_gives_the_td_errors(kata, rng):
    """Does lambda = 0 give A = delta, the one-step TD errors?"""
    r, v = rng.normal(size=8), rng.normal(size=8)
    d = np.array([0, 0, 1, 0, 0, 0, 1, 0], dtype=bool)
    A, _ = check(kata, r, v, d, 1.5, 0.9, 0.0)
    assert_close(A, td_errors(r, v, d, 1.5, 0.9), what="advantages (lambda = 0)")


def test_gae_lambda_one_gives_the_discounted_returns(kata, rng):
    """Does lambda = 1 give returns = the discounted returns-to-go, bootstrapped from last_value?"""
    r, v = rng.normal(size=9), rng.normal(size=9)
    d = np.array([0, 1, 0, 0, 0, 1, 0, 0, 0], dtype=bool)
    _, G = check(kata, r, v, d, -2.0, 0.95, 1.0)
    assert_close(G, discounted(r, d, 0.95, -2.0), what="returns (lambda = 1)")


def test_gae_gamma_zero(kata, rng):
    """Does gamma = 0 give A = r - V and returns = r?"""
    r, v = rng.normal(size=5), rng.normal(size=5)
    A, G = check(kata, r, v, np.zeros(5, dtype=bool), 7.0, 0.0, 0.9)
    assert_close(A, r - v, what="advantages (gamma = 0)")
    assert_close(G, r, what="returns (gamma = 0)")


def test_gae_advantages_are_not_normalised(kata):
    """Are advantages with a large common offset returned as they are (no mean/std scaling)?"""
    r = np.array([10.0, 11.0, 12.0, 13.0])
    A, _ = check(kata, r, np.zeros(4), [0, 0, 0, 1], 0.0, 0.9, 0.95)
    assert_close(np.mean(A) > 5, True, what="mean advantage above 5")


def test_gae_done_flags_as_numbers_or_bools(kata):
    """Are dones given as bools, ints or floats 0.0/1.0, in lists or arrays, read the same way?"""
    r, v = [1.0, -1.0, 2.0], [0.5, 0.0, -0.5]
    for d in ([False, True, False], [0, 1, 0], np.array([0.0, 1.0, 0.0])):
        check(kata, r, v, d, 3.0, 0.9, 0.8)


BAD = [
    ([[1.0]], [[1.0]], [[0]], 0.0, 0.9, 0.9, "2-D arrays"),
    ([1.0, 2.0], [1.0], [0, 0], 0.0, 0.9, 0.9, "values shorter than rewards"),
    ([1.0, 2.0], [1.0, 2.0], [0], 0.0, 0.9, 0.9, "dones shorter than rewards"),
    ([], [], [], 0.0, 0.9, 0.9, "an empty buffer"),
    ([1.0, 2.0], [1.0, 2.0], [0, 3], 0.0, 0.9, 0.9, "a done flag of 3"),
    ([1.0, 2.0], [1.0, 2.0], [0, 1], float("inf"), 0.9, 0.9, "last_value infinite"),
    ([1.0, 2.0], [1.0, 2.0], [0, 1], 0.0, 1.01, 0.9, "gamma > 1"),
    ([1.0, 2.0], [1.0, 2.0], [0, 1], 0.0, -0.5, 0.9, "gamma < 0"),
    ([1.0, 2.0], [1.0, 2.0], [0, 1], 0.0, 0.9, 1.5, "lam > 1"),
    ([1.0, 2.0], [1.0, 2.0], [0, 1], 0.0, 0.9, -0.1, "lam < 0"),
]


@pytest.mark.parametrize("r, v, d, last, gamma, lam, why", BAD, ids=[c[-1] for c in BAD])
def test_gae_rejects_bad_input(kata, r, v, d, last, gamma, lam, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.gae, r, v, d, last, gamma, lam, why=why)


def test_gae_leaves_its_input_unchanged(kata, rng):
    """Are rewards, values and dones left exactly as they were?"""
    r, v = rng.normal(size=6), rng.normal(size=6)
    d = np.array([0.0, 0.0, 1.0, 0.0, 0.0, 0.0])
    check(kata, r, v, d, 0.3, 0.9, 0.9)  # call() compares every argument after the call
