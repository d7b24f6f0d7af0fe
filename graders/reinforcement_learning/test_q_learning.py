"""Grader for reinforcement_learning/q_learning:
q_learning(Q, transitions, alpha, gamma) -> Q' (S, A)."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

AFTER_DONE = (
    "bootstrapping from s' after a done: the episode ended with that transition, so its "
    "target is r alone"
)
BATCH = (
    "a batch update with every target taken from the initial Q: each update must see the "
    "table as the earlier updates left it (update one transition at a time)"
)
FANCY = (
    "a fancy-index += batch update: targets from the initial Q, and repeated (s, a) pairs "
    "are applied only once"
)
SAME_STATE = "the max over Q(s, .) instead of Q(s', .): the target looks at the next state"
MEAN = (
    "the mean over a' (expected SARSA under a uniform policy): Q-learning bootstraps from "
    "max_a' Q(s', a')"
)


def literal(Q, transitions, alpha, gamma, mode="right"):
    """A literal loop over the transitions (and the listed mistakes)."""
    Q0 = np.array(Q, dtype=float)
    Q = Q0.copy()
    if mode == "fancy":
        rows, cols, targets = [], [], []
    for s, a, r, s2, done in transitions:
        table = Q0 if mode in ("batch", "fancy") else Q
        if mode == "same_state":
            nxt = max(table[s])
        elif mode == "mean":
            nxt = sum(table[s2]) / table.shape[1]
        else:
            nxt = max(table[s2])
        keep = 1.0 if mode == "after_done" else (0.0 if done else 1.0)
        delta = r + gamma * keep * nxt - table[s, a]
        if mode == "fancy":
            rows.append(s)
            cols.append(a)
            targets.append(alpha * delta)
        else:
            Q[s, a] += alpha * delta
    if mode == "fancy" and rows:
        Q[rows, cols] += targets
    return Q


def check(kata, Q, transitions, alpha, gamma):
    """Call q_learning and compare with a literal loop (to 1e-12 relative)."""
    f = kata.q_learning
    called = describe_call(f, Q, transitions, alpha, gamma)
    result = call(f, Q, transitions, alpha, gamma)
    want = literal(Q, transitions, alpha, gamma)
    scale = max(1.0, float(np.max(np.abs(want))))
    assert_close(
        result,
        want,
        rtol=0.0,
        atol=1e-12 * scale,
        what="Q'",
        called=called,
        mistakes={
            AFTER_DONE: literal(Q, transitions, alpha, gamma, "after_done"),
            BATCH: literal(Q, transitions, alpha, gamma, "batch"),
            FANCY: literal(Q, transitions, alpha, gamma, "fancy"),
            SAME_STATE: literal(Q, transitions, alpha, gamma, "same_state"),
            MEAN: literal(Q, transitions, alpha, gamma, "mean"),
        },
    )
    return np.asarray(result, dtype=float)


def random_experience(rng, S, A, n, done_rate=0.2):
    return [
        (
            int(rng.integers(S)),
            int(rng.integers(A)),
            float(rng.normal()),
            int(rng.integers(S)),
            bool(rng.random() < done_rate),
        )
        for _ in range(n)
    ]


@pytest.mark.points(2)
def test_q_learning_documented_example(kata):
    """Does the docstring's example give [[0, 1.85], [0.5, 3]]?

    Q(0, 1) += 0.5 (1 + 0.9 * max(1, 3) - 0) = 1.85; then the done transition from (1, 0)
    has target 0: Q(1, 0) = 1 + 0.5 (0 - 1) = 0.5.
    """
    Q = check(
        kata, [[0.0, 0.0], [1.0, 3.0]], [(0, 1, 1.0, 1, False), (1, 0, 0.0, 0, True)], 0.5, 0.9
    )
    assert_close(Q, [[0.0, 1.85], [0.5, 3.0]], what="Q'")


@pytest.mark.points(3)
def test_q_learning_later_updates_see_earlier_ones(kata):
    """Does a repeated (s, a) pair update twice, the second time from the new value?

    One state, one action, Q = 0, alpha 1/2, gamma 1/2, reward 1 twice (not done):
    first Q = 0.5 (1 + 0) = 0.5; then target 1 + 0.25 = 1.25, Q = 0.5 + 0.5 * 0.75 = 0.875.
    A batch from the initial Q gives 1 (np.add.at) or 0.5 (fancy-index +=).
    """
    Q = check(kata, [[0.0]], [(0, 0, 1.0, 0, False), (0, 0, 1.0, 0, False)], 0.5, 0.5)
    assert_close(Q, [[0.875]], what="Q'")


def test_q_learning_chain_propagates_forward_in_one_pass(kata):
    """Does an update read a value written earlier in the same list (0 -> 1, then 1 -> 2)?

    Q = 0, alpha 1, gamma 1: (1, 0, 1, 2, done) sets Q(1, 0) = 1, then (0, 0, 0, 1, not
    done) reads it: Q(0, 0) = 0 + max Q(1, .) = 1.
    """
    Q = check(kata, np.zeros((3, 2)), [(1, 0, 1.0, 2, True), (0, 0, 0.0, 1, False)], 1.0, 1.0)
    assert_close(Q, [[1.0, 0.0], [1.0, 0.0], [0.0, 0.0]], what="Q'")


@pytest.mark.points(3)
@pytest.mark.parametrize("S, A, n", [(1, 1, 5), (2, 3, 20), (5, 4, 100), (10, 2, 300)])
def test_q_learning_random_experience(kata, rng, S, A, n):
    """Do random experiences with repeated pairs match a literal loop to 1e-12?"""
    for _ in range(3):
        Q = rng.normal(size=(S, A)) * 3.0
        check(kata, Q, random_experience(rng, S, A, n), float(rng.uniform(0.05, 1.0)), 0.95)


def test_q_learning_empty_experience_returns_a_copy(kata, rng):
    """Does an empty list return an equal table that is a copy, not Q itself?"""
    Q = rng.normal(size=(3, 2))
    out = check(kata, Q, [], 0.5, 0.9)
    result = call(kata.q_learning, Q, [], 0.5, 0.9)
    if result is Q or np.shares_memory(np.asarray(result), Q):
        fail("q_learning(Q, [], ...) returned Q itself: return an updated COPY, even when empty")
    assert_close(out, Q, rtol=0.0, atol=0.0, what="Q' (no transitions)")


def test_q_learning_done_and_the_limits_of_alpha_and_gamma(kata, rng):
    """Do alpha = 1, gamma = 0 and gamma = 1 work, and a done transition ignore s'?

    With alpha = 1 the entry becomes its target: r + gamma max Q(s', .), or r when done.
    """
    Q = np.array([[0.0, 5.0], [2.0, -1.0]])
    out = check(kata, Q, [(0, 0, 1.0, 0, True)], 1.0, 1.0)
    assert_close(out[0, 0], 1.0, what="Q'(0, 0) after a done transition with alpha 1")
    out = check(kata, Q, [(0, 0, 1.0, 0, False)], 1.0, 1.0)
    assert_close(out[0, 0], 6.0, what="Q'(0, 0) with alpha 1, gamma 1")
    out = check(kata, Q, [(1, 1, -2.0, 0, False)], 1.0, 0.0)
    assert_close(out[1, 1], -2.0, what="Q'(1, 1) with gamma 0")
    check(kata, Q, random_experience(rng, 2, 2, 30), 0.3, 1.0)


def test_q_learning_numpy_integers_and_flags(kata, rng):
    """Are NumPy integer indices and dones given as 0/1 or numpy bools accepted?"""
    S, A = 4, 3
    transitions = [
        (np.int64(1), np.int32(2), 0.5, np.int64(3), 0),
        (3, 0, -1.0, 0, 1),
        (np.int64(0), 1, 2.0, 2, np.bool_(False)),
        (2, 2, 1.0, 1, np.bool_(True)),
    ]
    check(kata, rng.normal(size=(S, A)), transitions, 0.5, 0.9)


def bad_cases():
    Q = np.zeros((2, 3))
    ok = (0, 1, 1.0, 1, False)
    return [
        (np.zeros(3), [ok], 0.5, 0.9, "Q is 1-D"),
        (np.zeros((0, 3)), [], 0.5, 0.9, "Q has S = 0"),
        (Q, [(0, 1, 1.0, 1)], 0.5, 0.9, "a 4-tuple"),
        (Q, [(0, 1, 1.0, 1, False, 0)], 0.5, 0.9, "a 6-tuple"),
        (Q, [ok, (-1, 0, 1.0, 0, False)], 0.5, 0.9, "a negative state (NumPy would wrap it)"),
        (Q, [(2, 0, 1.0, 0, False)], 0.5, 0.9, "s >= S"),
        (Q, [(0, 3, 1.0, 0, False)], 0.5, 0.9, "a >= A"),
        (Q, [(0, -1, 1.0, 0, False)], 0.5, 0.9, "a negative action"),
        (Q, [(0, 0, 1.0, 2, True)], 0.5, 0.9, "s' >= S on a done transition"),
        (Q, [(1.5, 0, 1.0, 0, False)], 0.5, 0.9, "a non-integral state"),
        (Q, [(True, 0, 1.0, 0, False)], 0.5, 0.9, "a bool as a state"),
        (Q, [(0, 0, 1.0, 0, 2)], 0.5, 0.9, "a done flag of 2"),
        (Q, [ok], 0.0, 0.9, "alpha = 0"),
        (Q, [ok], 1.5, 0.9, "alpha > 1"),
        (Q, [ok], 0.5, 1.5, "gamma > 1"),
        (Q, [ok], 0.5, -0.1, "gamma < 0"),
    ]


@pytest.mark.parametrize(
    "Q, transitions, alpha, gamma, why", bad_cases(), ids=[c[-1] for c in bad_cases()]
)
def test_q_learning_rejects_bad_input(kata, Q, transitions, alpha, gamma, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.q_learning, Q, transitions, alpha, gamma, why=why)


def test_q_learning_leaves_its_input_unchanged(kata, rng):
    """Are Q and the list of transitions left exactly as they were?"""
    Q = rng.normal(size=(3, 2))
    transitions = random_experience(rng, 3, 2, 15)
    check(kata, Q, transitions, 0.5, 0.9)  # call() compares every argument after the call
    check(kata, Q.tolist(), transitions, 0.5, 0.9)
