"""Grader for reinforcement_learning/policy_evaluation:
policy_evaluation(P, R, policy, gamma) -> V (S,)."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, random_distribution

NEXT_STATE_POLICY = (
    "P_pi weighted by the next state's policy pi(a|s'): the action is chosen in the state "
    "s the step starts from, P_pi[s, s'] = sum_a pi(a|s) P[s, a, s']"
)
TRANSPOSED = "the transposed system (I - gamma P_piᵀ) V = r_pi: rows of P_pi are the 'from' states"
MEAN_REWARD = (
    "rewards averaged over actions instead of weighted by the policy: r_pi = sum_a pi(a|s) R[s, a]"
)
MAX_REWARD = (
    "rewards maximised over actions instead of weighted by the policy: r_pi = sum_a pi(a|s) R[s, a]"
)
SWEEPS_100 = (
    "truncated iterative evaluation (a fixed 100 sweeps): the error shrinks only by gamma "
    "per sweep; solve the linear system"
)
STOP_1E3 = (
    "iterative evaluation stopped when a sweep changes V by < 1e-3: the remaining error is "
    "up to gamma/(1 - gamma) times that; solve the linear system"
)


def neumann(M, r):
    """sum_k M^k r by repeated squaring: (I + M)(I + M^2)(I + M^4)... r (no solve)."""
    v = np.array(r, dtype=float)
    power = np.array(M, dtype=float)
    for _ in range(40):  # 2^40 terms: gamma^(2^40) underflows for gamma <= 0.999
        v = v + power @ v
        power = power @ power
    return v


def iterate(P_pi, r_pi, gamma, sweeps=None, stop=None):
    V = np.zeros(len(r_pi))
    for _ in range(sweeps or 10**6):
        new = r_pi + gamma * P_pi @ V
        change = np.max(np.abs(new - V))
        V = new
        if stop is not None and change < stop:
            break
    return V


def parts(P, R, pi):
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    S, A = R.shape
    P_pi = np.zeros((S, S))
    r_pi = np.zeros(S)
    for s in range(S):
        for a in range(A):
            P_pi[s] += pi[s, a] * P[s, a]
            r_pi[s] += pi[s, a] * R[s, a]
    return P, R, pi, P_pi, r_pi


def check(kata, P, R, policy, gamma):
    """Call policy_evaluation, compare V with the Neumann series and the Bellman residual."""
    f = kata.policy_evaluation
    called = describe_call(f, P, R, policy, gamma)
    V = call(f, P, R, policy, gamma)
    P, R, pi, P_pi, r_pi = parts(P, R, policy)
    S = len(r_pi)
    want = neumann(gamma * P_pi, r_pi)
    tol = 1e-8 * max(1.0, float(np.max(np.abs(want))))
    P_next = np.einsum("ta,sat->st", pi, P)  # pi(a|s') in place of pi(a|s)
    mistakes = {
        NEXT_STATE_POLICY: np.linalg.solve(np.eye(S) - gamma * P_next, r_pi),
        TRANSPOSED: np.linalg.solve(np.eye(S) - gamma * P_pi.T, r_pi),
        MEAN_REWARD: neumann(gamma * P_pi, R.mean(axis=1)),
        MAX_REWARD: neumann(gamma * P_pi, R.max(axis=1)),
        SWEEPS_100: iterate(P_pi, r_pi, gamma, sweeps=100),
        STOP_1E3: iterate(P_pi, r_pi, gamma, stop=1e-3),
    }
    assert_close(V, want, rtol=0.0, atol=tol, what="V", called=called, mistakes=mistakes)
    V = np.asarray(V, dtype=float)
    assert_close(
        V - gamma * P_pi @ V, r_pi, rtol=0.0, atol=tol, what="(I - gamma P_pi) V (must be r_pi)"
    )
    return V


def random_mdp(rng, S, A, zeros=0):
    P = np.array(
        [[random_distribution(rng, S, min(zeros, S - 1)) for _ in range(A)] for _ in range(S)]
    )
    R = rng.normal(size=(S, A))
    pi = np.array([random_distribution(rng, A) for _ in range(S)])
    return P, R, pi


SWITCH = [[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [1.0, 0.0]]]  # action 0 stays, 1 switches


@pytest.mark.points(2)
def test_policy_evaluation_documented_example(kata):
    """Does the docstring's two-state MDP give V = (2, 4)?

    State 1 stays with reward 2: V_1 = 2 / (1 - 1/2) = 4. State 0 (uniform):
    V_0 = 1/2 + 1/2 (V_0 / 2 + 4 / 2), so V_0 = 2.
    """
    V = check(kata, SWITCH, [[1.0, 0.0], [2.0, 0.0]], [[0.5, 0.5], [1.0, 0.0]], 0.5)
    assert_close(V, [2.0, 4.0], what="V")


@pytest.mark.points(2)
def test_policy_evaluation_small_cases_worked_by_hand(kata):
    """Do one-state and two-state chains give their closed forms?

    One state, two actions with rewards 1 and 3, policy (1/4, 3/4), gamma 0.9:
    r_pi = 2.5, V = 2.5 / 0.1 = 25. Two states, always switching with reward 1 in state 0
    and 0 in state 1, gamma 1/2: V_0 = 1 + V_1 / 2, V_1 = V_0 / 2, so V = (4/3, 2/3).
    """
    V = check(kata, [[[1.0], [1.0]]], [[1.0, 3.0]], [[0.25, 0.75]], 0.9)
    assert_close(V, [25.0], what="V")
    V = check(kata, SWITCH, [[0.0, 1.0], [5.0, 0.0]], [[0.0, 1.0], [0.0, 1.0]], 0.5)
    assert_close(V, [4 / 3, 2 / 3], what="V")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "S, A, gamma", [(1, 1, 0.5), (2, 3, 0.9), (5, 2, 0.95), (12, 4, 0.99), (30, 3, 0.8)]
)
def test_policy_evaluation_random_mdps(kata, rng, S, A, gamma):
    """Do random MDPs and policies match the Neumann series sum_k (gamma P_pi)^k r_pi?"""
    for _ in range(3):
        check(kata, *random_mdp(rng, S, A, zeros=S // 3), gamma)


@pytest.mark.points(2)
def test_policy_evaluation_gamma_close_to_one(kata, rng):
    """Is V exact to 1e-8 relative for gamma = 0.999, where iterative evaluation is slow?"""
    for _ in range(3):
        P, R, pi = random_mdp(rng, 6, 3)
        check(kata, P, R + 1.0, pi, 0.999)


def test_policy_evaluation_gamma_zero_gives_the_expected_reward(kata, rng):
    """Does gamma = 0 give V = r_pi, the policy-weighted immediate reward?"""
    P, R, pi = random_mdp(rng, 4, 3)
    V = check(kata, P, R, pi, 0.0)
    assert_close(V, np.sum(pi * R, axis=1), what="V (gamma = 0)")


def test_policy_evaluation_terminal_state_has_zero_value(kata):
    """Does an absorbing zero-reward state get V = 0, and the states leading to it their sums?

    A chain 0 -> 1 -> 2 (terminal) with reward 1 per move and gamma 0.9:
    V = (1 + 0.9, 1, 0) = (1.9, 1, 0).
    """
    P = np.zeros((3, 2, 3))
    P[0, :, 1] = 1.0
    P[1, :, 2] = 1.0
    P[2, :, 2] = 1.0
    R = np.array([[1.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
    V = check(kata, P, R, np.full((3, 2), 0.5), 0.9)
    assert_close(V, [1.9, 1.0, 0.0], what="V")


def test_policy_evaluation_deterministic_policy_as_one_hot_rows(kata, rng):
    """Does a one-hot policy give the value of always taking that action (P[s, a(s)])?"""
    P, R, _ = random_mdp(rng, 5, 3)
    actions = rng.integers(3, size=5)
    pi = np.eye(3)[actions]
    V = check(kata, P, R, pi, 0.9)
    rows = np.arange(5)
    assert_close(V, neumann(0.9 * P[rows, actions], R[rows, actions]), what="V")


def test_policy_evaluation_large_rewards(kata, rng):
    """Are rewards of order 1e6 evaluated to relative precision?"""
    P, R, pi = random_mdp(rng, 8, 3)
    check(kata, P, R * 1e6, pi, 0.95)


# a P for which I - P_pi (singular in exact arithmetic) is not singular in floating point
NON_DYADIC = np.random.default_rng(3).dirichlet(np.ones(3), size=(3, 2))


def bad_cases():
    P = np.array(SWITCH)
    R = np.array([[1.0, 0.0], [2.0, 0.0]])
    pi = np.full((2, 2), 0.5)
    bad_row = P.copy()
    bad_row[1, 0] = [0.5, 0.6]
    negative = P.copy()
    negative[0, 0] = [1.5, -0.5]
    return [
        (P[0], R, pi, 0.9, "P is 2-D"),
        (P[:, :, :1], R, pi, 0.9, "P is not (S, A, S)"),
        (bad_row, R, pi, 0.9, "a row of P sums to 1.1"),
        (negative, R, pi, 0.9, "P has a negative entry"),
        (P, R[:, :1], pi, 0.9, "R has the wrong shape"),
        (P, np.array([[1.0, np.inf], [0.0, 0.0]]), pi, 0.9, "R is not finite"),
        (P, R, pi[:1], 0.9, "policy has the wrong shape"),
        (P, R, np.array([[0.5, 0.6], [0.5, 0.5]]), 0.9, "a policy row sums to 1.1"),
        (P, R, np.array([[1.5, -0.5], [0.5, 0.5]]), 0.9, "a negative policy entry"),
        (P, R, np.array([0, 1]), 0.9, "a deterministic (1-D) policy"),
        (P, R, pi, 1.0, "gamma = 1 (the system can be singular)"),
        (NON_DYADIC, np.ones((3, 2)), np.full((3, 2), 0.5), 1.0, "gamma = 1, non-dyadic P"),
        (P, R, pi, -0.1, "gamma < 0"),
        (np.zeros((0, 1, 0)), np.zeros((0, 1)), np.zeros((0, 1)), 0.9, "S = 0"),
    ]


@pytest.mark.parametrize("P, R, pi, gamma, why", bad_cases(), ids=[c[-1] for c in bad_cases()])
def test_policy_evaluation_rejects_bad_input(kata, P, R, pi, gamma, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.policy_evaluation, P, R, pi, gamma, why=why)


def test_policy_evaluation_leaves_its_input_unchanged(kata, rng):
    """Are P, R and policy left exactly as they were (arrays and nested lists)?"""
    P, R, pi = random_mdp(rng, 4, 2)
    check(kata, P, R, pi, 0.9)  # call() compares every argument after the call
    check(kata, P.tolist(), R.tolist(), pi.tolist(), 0.9)
