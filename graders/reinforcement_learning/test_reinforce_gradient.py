"""Grader for reinforcement_learning/reinforce_gradient:
reinforce_gradient(theta, episodes, gamma, baseline=None) -> grad (d, A).

g = (1/N) sum_episodes sum_t gamma^t (G_t - b_t) x_t (e_{a_t} - pi(.|x_t))^T for the
linear-softmax policy pi(a|x) = softmax(x^T theta)_a, G_t the reward-to-go, b_t = x_t^T w.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call,
    call_strictly,
    describe_call,
    expect_error,
)

MISTAKES = {
    "the immediate reward r_t in place of the reward-to-go G_t": "immediate",
    "the whole return G_0 at every step (without gamma^t) in place of gamma^t G_t": "g0",
    "dropping gamma^t (each step weighted by G_t alone: biased for the discounted "
    "objective)": "no_discount",
    "x e_a^T without the -pi term (the gradient of log softmax is x (e_a - pi)^T)": "no_pi",
    "dividing by the total number of steps instead of the number of episodes N": "per_step",
    "the baseline subtracted from the rewards before the returns are summed (G_t - b_t, "
    "not the return of r - b)": "baseline_in_rewards",
}


def softmax_row(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def log_softmax_row(z):
    m = max(z)
    lse = m + math.log(sum(math.exp(v - m) for v in z))
    return [v - lse for v in z]


def weights(X, rewards, gamma, baseline, mistake=None):
    """gamma^t (G_t - b_t) per step, by loops (or one of the listed mistakes)."""
    T = len(rewards)
    b = [0.0] * T if baseline is None else [float(np.dot(X[t], baseline)) for t in range(T)]
    r = [float(v) for v in rewards]
    if mistake == "baseline_in_rewards":
        r = [r[t] - b[t] for t in range(T)]
        b = [0.0] * T
    G = [sum(gamma ** (k - t) * r[k] for k in range(t, T)) for t in range(T)]
    if mistake == "immediate":
        return [gamma**t * (r[t] - b[t]) for t in range(T)]
    if mistake == "g0":
        return [G[0] - b[t] for t in range(T)]
    if mistake == "no_discount":
        return [G[t] - b[t] for t in range(T)]
    return [gamma**t * (G[t] - b[t]) for t in range(T)]


def reference(theta, episodes, gamma, baseline=None, mistake=None):
    """The estimate by explicit loops over episodes, steps, features and actions."""
    theta = np.asarray(theta, dtype=float)
    d, A = theta.shape
    grad = np.zeros((d, A))
    steps = 0
    for X, actions, rewards in episodes:
        X = np.asarray(X, dtype=float)
        steps += len(rewards)
        for t, weight in enumerate(weights(X, rewards, gamma, baseline, mistake)):
            pi = softmax_row([float(X[t] @ theta[:, j]) for j in range(A)])
            for i in range(d):
                for j in range(A):
                    score = (1.0 if j == int(actions[t]) else 0.0) - (
                        0.0 if mistake == "no_pi" else pi[j]
                    )
                    grad[i, j] += weight * X[t, i] * score
    return grad / (steps if mistake == "per_step" else len(episodes))


def surrogate(theta, episodes, gamma, baseline=None):
    """(1/N) sum sum gamma^t (G_t - b_t) log pi_theta(a_t | x_t), G and b held fixed."""
    total = 0.0
    for X, actions, rewards in episodes:
        X = np.asarray(X, dtype=float)
        for t, weight in enumerate(weights(X, rewards, gamma, baseline)):
            logp = log_softmax_row([float(v) for v in X[t] @ theta])
            total += weight * logp[int(actions[t])]
    return total / len(episodes)


def mistakes_for(theta, episodes, gamma, baseline, want):
    out = {}
    for words, key in MISTAKES.items():
        wrong = reference(theta, episodes, gamma, baseline, key)
        if not np.allclose(wrong, want, rtol=1e-6, atol=1e-9):
            out[words] = wrong
    return out


def check(kata, theta, episodes, gamma, baseline=None, strict=False):
    """Call reinforce_gradient, compare with the loops (naming listed mistakes), return it."""
    f = kata.reinforce_gradient
    args = (theta, episodes, gamma) if baseline is None else (theta, episodes, gamma, baseline)
    called = describe_call(f, *args)
    result = (call_strictly if strict else call)(f, *args)
    want = reference(theta, episodes, gamma, baseline)
    scale = max(1e-300, float(np.max(np.abs(want))))
    assert_close(
        result,
        want,
        rtol=1e-9,
        atol=1e-10 * scale,
        what="the gradient estimate",
        called=called,
        mistakes=mistakes_for(theta, episodes, gamma, baseline, want),
    )
    return np.asarray(result)


def random_episodes(rng, d, A, N, max_T=6):
    episodes = []
    for _ in range(N):
        T = int(rng.integers(1, max_T + 1))
        episodes.append(
            (rng.normal(size=(T, d)), rng.integers(0, A, size=T), rng.normal(size=T) * 3)
        )
    return episodes


# A tiny MDP whose trajectories can all be enumerated: start in s0; action 1 ends the
# episode, action 0 moves to s1 (probability 0.7) or s2 (0.3), where one more action is
# taken and the episode ends. Rewards R[s][a].
FEATURES = np.array([[1.0, 0.5], [-0.3, 1.0], [0.8, -1.2]])
REWARDS = [[1.0, 2.0], [3.0, -1.0], [0.0, 4.0]]
MOVES = [(1, 0.7), (2, 0.3)]


def trajectories(theta):
    """Every trajectory as (probability, episode)."""
    out = []
    pi0 = softmax_row([float(v) for v in FEATURES[0] @ theta])
    out.append((pi0[1], (FEATURES[[0]], np.array([1]), np.array([REWARDS[0][1]]))))
    for s, p_move in MOVES:
        pis = softmax_row([float(v) for v in FEATURES[s] @ theta])
        for a in (0, 1):
            episode = (
                FEATURES[[0, s]],
                np.array([0, a]),
                np.array([REWARDS[0][0], REWARDS[s][a]]),
            )
            out.append((pi0[0] * p_move * pis[a], episode))
    return out


def objective(theta, gamma):
    """J(theta) = E[sum_t gamma^t r_t], exactly, by enumeration."""
    return sum(p * sum(gamma**t * r for t, r in enumerate(ep[2])) for p, ep in trajectories(theta))


@pytest.mark.points(2)
def test_reinforce_gradient_documented_example(kata):
    """Does the docstring's example give [[1, -1], [-0.5, 0.5]]?"""
    X = np.array([[1.0, 0.0], [0.0, 1.0]])
    result = check(kata, np.zeros((2, 2)), [(X, [0, 1], [1.0, 2.0])], 0.5)
    assert_close(result, [[1.0, -1.0], [-0.5, 0.5]], what="the gradient estimate")


@pytest.mark.points(2)
def test_reinforce_gradient_one_step_by_hand(kata):
    """Does one step with theta = 0 give r x (e_a - 1/A)^T?

    x = (1, 2), A = 2, a = 0, r = 3: pi = (1/2, 1/2), so the estimate is
    3 (1, 2)^T (1/2, -1/2) = [[1.5, -1.5], [3, -3]] (without -pi: [[3, 0], [6, 0]]).
    """
    episode = (np.array([[1.0, 2.0]]), np.array([0]), np.array([3.0]))
    result = check(kata, np.zeros((2, 2)), [episode], 0.9)
    assert_close(result, [[1.5, -1.5], [3.0, -3.0]], what="the gradient estimate")


@pytest.mark.points(3)
@pytest.mark.parametrize("use_baseline", [False, True])
def test_reinforce_gradient_is_the_surrogate_gradient(kata, rng, use_baseline):
    """Is the estimate the gradient of the surrogate, by central differences?"""
    f = kata.reinforce_gradient
    for _ in range(3):
        d, A = int(rng.integers(1, 4)), int(rng.integers(2, 5))
        theta = rng.normal(size=(d, A))
        episodes = random_episodes(rng, d, A, int(rng.integers(1, 4)))
        gamma = float(rng.uniform(0.5, 1.0))
        w = rng.normal(size=d) if use_baseline else None
        args = (theta, episodes, gamma) + ((w,) if use_baseline else ())
        result = call(f, *args)
        assert_gradient(
            result,
            lambda th, e=episodes, g=gamma, b=w: surrogate(th, e, g, b),
            theta,
            what="the gradient estimate",
            called=describe_call(f, *args),
        )


@pytest.mark.points(3)
@pytest.mark.parametrize("gamma", [0.9, 1.0])
def test_reinforce_gradient_is_unbiased(kata, gamma):
    """Is the estimate's expectation over every trajectory of a tiny MDP the true gradient?

    E[g] = sum over trajectories of p(trajectory) g([trajectory]); the true gradient is
    the central difference of J(theta) = E[sum_t gamma^t r_t], also by enumeration. It
    must hold with and without a baseline.
    """
    f = kata.reinforce_gradient
    theta = np.array([[0.3, -0.2], [0.1, 0.4]])
    truth = np.zeros_like(theta)
    h = 1e-6
    for index in np.ndindex(theta.shape):
        up, down = theta.copy(), theta.copy()
        up[index] += h
        down[index] -= h
        truth[index] = (objective(up, gamma) - objective(down, gamma)) / (2 * h)
    for w in (None, np.array([0.7, -1.5])):
        expected_estimate = np.zeros_like(theta)
        wrong = {words: np.zeros_like(theta) for words in MISTAKES}
        for p, episode in trajectories(theta):
            args = (theta, [episode], gamma) + (() if w is None else (w,))
            expected_estimate += p * np.asarray(call(f, *args), dtype=float)
            for words, key in MISTAKES.items():
                wrong[words] += p * reference(theta, [episode], gamma, w, key)
        mistakes = {k: v for k, v in wrong.items() if not np.allclose(v, truth, rtol=1e-4)}
        assert_close(
            expected_estimate,
            truth,
            rtol=1e-6,
            atol=1e-8,
            what="the expectation of the estimate over all trajectories",
            called=f"reinforce_gradient on the tiny MDP, gamma = {gamma}, baseline {w}",
            mistakes=mistakes,
        )


@pytest.mark.points(3)
@pytest.mark.parametrize("use_baseline", [False, True])
def test_reinforce_gradient_matches_loops_on_random_batches(kata, rng, use_baseline):
    """Do random batches of episodes give the explicit loops' estimate?"""
    for _ in range(6):
        d, A = int(rng.integers(1, 5)), int(rng.integers(1, 5))
        theta = rng.normal(size=(d, A)) * 2
        episodes = random_episodes(rng, d, A, int(rng.integers(1, 5)))
        gamma = float(rng.choice([0.0, 1.0, rng.uniform(0.3, 1.0)]))
        w = rng.normal(size=d) if use_baseline else None
        check(kata, theta, episodes, gamma, w)


def test_reinforce_gradient_baseline_changes_the_value(kata):
    """Does the baseline x^T w enter each step's weight as gamma^t (G_t - x_t^T w)?

    Two steps x = (1), actions (0, 0) of A = 2, rewards (1, 1), gamma = 1, theta = 0,
    w = (1): G = (2, 1), b = (1, 1), weights (1, 0); the estimate is [[0.5, -0.5]]. The
    return of r - b would be (0, 0).
    """
    episode = (np.ones((2, 1)), np.array([0, 0]), np.array([1.0, 1.0]))
    result = check(kata, np.zeros((1, 2)), [episode], 1.0, np.array([1.0]))
    assert_close(result, [[0.5, -0.5]], what="the gradient estimate")


def test_reinforce_gradient_large_logits_are_stable(kata, rng):
    """Are logits |x^T theta| up to 1e3 handled without overflow (max-shifted softmax)?"""
    theta = np.array([[400.0, -300.0, 0.0], [-200.0, 500.0, 100.0]])
    X = rng.choice([-1.0, 1.0], size=(5, 2))
    episodes = [(X, rng.integers(0, 3, size=5), rng.normal(size=5))]
    check(kata, theta, episodes, 0.95, strict=True)
    check(kata, -theta, episodes, 0.95, np.array([0.5, 0.5]), strict=True)


def test_reinforce_gradient_single_action(kata, rng):
    """With A = 1 (pi = 1 always), is the estimate zero?"""
    result = check(kata, rng.normal(size=(3, 1)), random_episodes(rng, 3, 1, 2), 0.9)
    assert_close(result, np.zeros((3, 1)), what="the gradient with one action")


X2 = np.ones((2, 2))
EP = (X2, np.array([0, 1]), np.array([1.0, 0.0]))


@pytest.mark.parametrize(
    "theta, episodes, gamma, baseline, why",
    [
        (np.zeros(2), [EP], 0.9, None, "theta is 1-D"),
        (np.zeros((2, 2)), [], 0.9, None, "no episode"),
        (np.zeros((2, 2)), [EP], 1.5, None, "gamma > 1"),
        (np.zeros((2, 2)), [EP], -0.1, None, "gamma < 0"),
        (np.zeros((3, 2)), [EP], 0.9, None, "X has 2 features, theta 3"),
        (np.zeros((2, 2)), [(X2, np.array([0, 2]), np.array([1.0, 0.0]))], 0.9, None, "a >= A"),
        (np.zeros((2, 2)), [(X2, np.array([0, -1]), np.array([1.0, 0.0]))], 0.9, None, "a < 0"),
        (np.zeros((2, 2)), [(X2, np.array([0.5, 1]), np.array([1.0, 0.0]))], 0.9, None, "a = 0.5"),
        (
            np.zeros((2, 2)),
            [(X2, np.array([0]), np.array([1.0, 0.0]))],
            0.9,
            None,
            "2 states, 1 action",
        ),
        (
            np.zeros((2, 2)),
            [(X2, np.array([0, 1]), np.array([1.0]))],
            0.9,
            None,
            "2 states, 1 reward",
        ),
        (
            np.zeros((2, 2)),
            [(np.ones((0, 2)), np.array([], dtype=int), np.array([]))],
            0.9,
            None,
            "T = 0",
        ),
        (np.zeros((2, 2)), [(X2, np.array([0, 1]))], 0.9, None, "an episode of 2 items"),
        (np.zeros((2, 2)), [EP], 0.9, np.zeros(3), "a baseline of the wrong length"),
    ],
)
def test_reinforce_gradient_rejects_bad_input(kata, theta, episodes, gamma, baseline, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.reinforce_gradient, theta, episodes, gamma, baseline, why=why)


def test_reinforce_gradient_leaves_its_input_unchanged(kata, rng):
    """Are theta, the episodes' arrays and the baseline left exactly as they were?"""
    theta = rng.normal(size=(2, 3))
    episodes = random_episodes(rng, 2, 3, 3)
    w = rng.normal(size=2)
    check(kata, theta, episodes, 0.9, w)  # call() compares every argument after the call
