"""Grader for reinforcement_learning/discounted_returns:
discounted_returns(rewards, dones, gamma, last_value=0.0) -> G (T,)."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error

ACROSS_DONE = (
    "bootstrapping across a done: G_t must stop at its episode's end (a done at t gives "
    "G_t = r_t), but the next episode's rewards leak back into it"
)
NEXT_FLAG = (
    "the next step's flag (1 - d_{t+1}): a done at t means the episode ended WITH step t, "
    "so G_t = r_t + gamma (1 - d_t) G_{t+1}"
)
FIRST_DISCOUNTED = (
    "the first reward discounted too (G_t = sum_k gamma^(k-t+1) r_k): r_t is received "
    "now, undiscounted"
)
LAST_THROUGH_DONE = (
    "last_value bootstrapped through a done on the last step: when the buffer ends with a "
    "termination, there is nothing after it to bootstrap from"
)


def reference(rewards, dones, gamma, last_value=0.0):
    """Each G_t as an explicit sum over the rest of its episode (no recursion)."""
    r = np.asarray(rewards, dtype=float)
    d = np.asarray(dones, dtype=bool)
    T = r.size
    G = np.zeros(T)
    for t in range(T):
        total, power = 0.0, 1.0
        for k in range(t, T):
            total += power * r[k]
            power *= gamma
            if d[k]:
                break
        else:  # no termination until the end of the buffer: bootstrap
            total += power * last_value
        G[t] = total
    return G


def backward(r, not_done, gamma, last_value, first=1.0):
    """A recursion with chosen cut flags, for the mistakes' values."""
    G = np.zeros(len(r))
    following = last_value
    for t in range(len(r) - 1, -1, -1):
        following = first * r[t] + gamma * not_done[t] * following
        G[t] = following
    return G


def mistakes(rewards, dones, gamma, last_value):
    r = np.asarray(rewards, dtype=float)
    d = np.asarray(dones, dtype=float)
    T = r.size
    right = reference(rewards, dones, gamma, last_value)
    next_flag = np.concatenate([1.0 - d[1:], [1.0]])
    through = 1.0 - d
    through[-1] = 1.0
    return {
        ACROSS_DONE: backward(r, np.ones(T), gamma, last_value),
        NEXT_FLAG: backward(r, next_flag, gamma, last_value),
        FIRST_DISCOUNTED: gamma * right,
        LAST_THROUGH_DONE: backward(r, through, gamma, last_value),
    }


def check(kata, rewards, dones, gamma, last_value=0.0):
    """Call discounted_returns, compare G with the explicit sums, and return it."""
    f = kata.discounted_returns
    called = describe_call(f, rewards, dones, gamma, last_value)
    G = call(f, rewards, dones, gamma, last_value)
    want = reference(rewards, dones, gamma, last_value)
    scale = max(1.0, float(np.max(np.abs(want))))
    assert_close(
        G,
        want,
        rtol=1e-10,
        atol=1e-12 * scale,
        what="G",
        called=called,
        mistakes=mistakes(rewards, dones, gamma, last_value),
    )
    return np.asarray(G, dtype=float)


@pytest.mark.points(2)
def test_discounted_returns_documented_example(kata):
    """Do rewards (1, 2, 3, 4), a done at step 1, gamma = 1/2 and last_value 8 give (2, 2, 7, 8)?

    Backwards: G_3 = 4 + 8/2 = 8, G_2 = 3 + 8/2 = 7, G_1 = 2 (done: the episode ends
    there), G_0 = 1 + 2/2 = 2.
    """
    G = check(kata, [1.0, 2.0, 3.0, 4.0], [0, 1, 0, 0], 0.5, 8.0)
    assert_close(G, [2.0, 2.0, 7.0, 8.0], what="G")


@pytest.mark.points(2)
def test_discounted_returns_small_cases_worked_by_hand(kata):
    """Do small buffers give their by-hand returns?

    (1, 1, 1), no done, gamma 0.9, last 0: (2.71, 1.9, 1). The same with last_value 10:
    G_2 = 1 + 9 = 10, G_1 = 1 + 9 = 10, G_0 = 1 + 9 = 10. Two one-step episodes
    (5, 7) both done: G = r = (5, 7) whatever last_value is.
    """
    assert_close(check(kata, [1.0, 1.0, 1.0], [0, 0, 0], 0.9), [2.71, 1.9, 1.0], what="G")
    assert_close(check(kata, [1.0, 1.0, 1.0], [0, 0, 0], 0.9, 10.0), [10.0, 10.0, 10.0], what="G")
    assert_close(check(kata, [5.0, 7.0], [1, 1], 0.5, 100.0), [5.0, 7.0], what="G")


@pytest.mark.points(3)
@pytest.mark.parametrize("T", [1, 2, 7, 40])
def test_discounted_returns_random_buffers(kata, rng, T):
    """Do random buffers with several episodes match the explicit sum over each episode?"""
    for _ in range(5):
        rewards = rng.normal(size=T) * 3.0
        dones = rng.random(T) < 0.25
        gamma = float(rng.uniform(0.5, 0.99))
        check(kata, rewards, dones, gamma, float(rng.normal() * 5))


def test_discounted_returns_done_flags_as_numbers_or_bools(kata):
    """Are dones given as bools, ints, floats 0.0/1.0 or a list read the same way?"""
    rewards = [1.0, -2.0, 4.0, 0.5]
    want = reference(rewards, [0, 1, 0, 1], 0.8, 3.0)
    for dones in ([False, True, False, True], [0, 1, 0, 1], np.array([0.0, 1.0, 0.0, 1.0])):
        assert_close(check(kata, rewards, dones, 0.8, 3.0), want, what="G")


def test_discounted_returns_gamma_zero_gives_the_rewards(kata, rng):
    """Does gamma = 0 give G = r, with no bootstrapping at all?"""
    rewards = rng.normal(size=6)
    assert_close(check(kata, rewards, np.zeros(6, dtype=bool), 0.0, 50.0), rewards, what="G")


def test_discounted_returns_gamma_one_sums_the_rest_of_the_episode(kata):
    """Does gamma = 1 (allowed) give the undiscounted sum to the episode's end plus last_value?

    Rewards (1, 2, 3 | 4, 5) with a done at step 2, last_value 6: (6, 5, 3, 15, 11).
    """
    G = check(kata, [1.0, 2.0, 3.0, 4.0, 5.0], [0, 0, 1, 0, 0], 1.0, 6.0)
    assert_close(G, [6.0, 5.0, 3.0, 15.0, 11.0], what="G")


def test_discounted_returns_last_value_stops_at_a_final_done(kata):
    """Does a done on the buffer's last step keep last_value out of every return?"""
    G = check(kata, [1.0, 2.0, 3.0], [0, 0, 1], 0.5, 1000.0)
    assert_close(G, [2.75, 3.5, 3.0], what="G")


def test_discounted_returns_large_and_small_scales(kata, rng):
    """Are rewards of order 1e9 and 1e-9 handled to relative precision?"""
    for scale in (1e-9, 1e9):
        rewards = rng.normal(size=10) * scale
        dones = np.zeros(10, dtype=bool)
        dones[4] = True
        check(kata, rewards, dones, 0.95, float(scale))


BAD = [
    ([[1.0, 2.0]], [[0, 0]], 0.9, 0.0, "rewards and dones are 2-D"),
    ([1.0, 2.0, 3.0], [0, 0], 0.9, 0.0, "rewards and dones differ in length"),
    ([], [], 0.9, 0.0, "the buffer is empty (T = 0)"),
    ([1.0, 2.0], [0, 2], 0.9, 0.0, "a done flag of 2"),
    ([1.0, 2.0], [0, 0.5], 0.9, 0.0, "a done flag of 0.5"),
    ([1.0, 2.0], [0, 1], 1.5, 0.0, "gamma > 1"),
    ([1.0, 2.0], [0, 1], -0.1, 0.0, "gamma < 0"),
    ([1.0, 2.0], [0, 1], float("nan"), 0.0, "gamma is NaN"),
    ([1.0, 2.0], [0, 0], 0.9, float("inf"), "last_value is infinite"),
    ([1.0, 2.0], [0, 0], 0.9, float("nan"), "last_value is NaN"),
]


@pytest.mark.parametrize(
    "rewards, dones, gamma, last_value, why", BAD, ids=[case[-1] for case in BAD]
)
def test_discounted_returns_rejects_bad_input(kata, rewards, dones, gamma, last_value, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.discounted_returns, rewards, dones, gamma, last_value, why=why)


def test_discounted_returns_leaves_its_input_unchanged(kata, rng):
    """Are rewards and dones left exactly as they were (arrays and lists)?"""
    rewards = rng.normal(size=5)
    dones = np.array([0.0, 1.0, 0.0, 0.0, 1.0])
    check(kata, rewards, dones, 0.9, 2.0)  # call() compares every argument after the call
    check(kata, rewards.tolist(), [False, True, False, False, True], 0.9, 2.0)
