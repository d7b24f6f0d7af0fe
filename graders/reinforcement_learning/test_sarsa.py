"""Grader for reinforcement_learning/sarsa: sarsa(Q, transitions, alpha, gamma) -> Q' (S, A).

For each (s, a, r, s', a', done) in list order,
Q(s, a) <- Q(s, a) + alpha [r + gamma (1 - done) Q(s', a') - Q(s, a)], sequentially.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

MISTAKES = {
    "bootstrapping from Q(s', a') after a done (a done ends the episode: the target is r)": (
        "after_done"
    ),
    "the Q-learning target max_a' Q(s', a') (SARSA bootstraps from the action a' taken)": ("max"),
    "a batch update: every target taken from the initial Q, as np.add.at does (each "
    "update must see the earlier ones)": "batch",
    "a batch update with fancy-index += (targets from the initial Q, repeated (s, a) "
    "pairs dropped)": "fancy",
    "swapped indices: bootstrapping from Q(s', a) instead of Q(s', a')": "q_s_next_a",
    "swapped indices: bootstrapping from Q(s, a') instead of Q(s', a')": "q_s_a_next",
}


def reference(Q, transitions, alpha, gamma, mistake=None):
    """A literal loop over Python lists (or one of the listed mistakes)."""
    table = [list(map(float, row)) for row in np.asarray(Q, dtype=float)]
    initial = [row[:] for row in table]
    for s, a, r, s2, a2, done in transitions:
        s, a, s2 = int(s), int(a), int(s2)
        source = initial if mistake in ("batch", "fancy") else table
        if done and mistake != "after_done":
            target = float(r)
        else:
            if mistake == "max":
                boot = max(source[s2])
            elif mistake == "q_s_next_a":
                boot = source[s2][a]
            elif mistake == "q_s_a_next":
                boot = source[s][int(a2 if a2 is not None else 0)]
            else:
                boot = source[s2][int(a2 if a2 is not None else 0)]
            target = float(r) + gamma * boot
        start = initial if mistake == "fancy" else table  # fancy +=: the last one wins
        table[s][a] = start[s][a] + alpha * (target - source[s][a])
    return np.array(table)


def check(kata, Q, transitions, alpha, gamma):
    """Call sarsa, compare with the literal loop (naming any listed mistake), return it."""
    f = kata.sarsa
    called = describe_call(f, Q, transitions, alpha, gamma)
    result = call(f, Q, transitions, alpha, gamma)
    if result is Q:
        fail(f"{called} returned the table it was given: return an updated copy")
    want = reference(Q, transitions, alpha, gamma)
    scale = max(1.0, float(np.max(np.abs(want))))
    mistakes = {
        words: reference(Q, transitions, alpha, gamma, key) for words, key in MISTAKES.items()
    }
    assert_close(
        result,
        want,
        rtol=1e-12,
        atol=1e-12 * scale,
        what="Q'",
        called=called,
        mistakes={w: m for w, m in mistakes.items() if not np.allclose(m, want)},
    )
    return result


def random_case(rng, n_states, n_actions, n_steps, done_rate=0.2):
    Q = rng.normal(size=(n_states, n_actions)) * 10.0 ** rng.integers(-2, 3)
    transitions = []
    for _ in range(n_steps):
        done = bool(rng.random() < done_rate)
        s, a = int(rng.integers(n_states)), int(rng.integers(n_actions))
        s2 = int(rng.integers(n_states))
        a2 = None if done and rng.random() < 0.5 else int(rng.integers(n_actions))
        transitions.append((s, a, float(rng.normal()), s2, a2, done))
    return Q, transitions


@pytest.mark.points(2)
def test_sarsa_documented_example(kata):
    """Does the docstring's example give [[0, 0.5], [1.225, 0]]?"""
    transitions = [(0, 1, 1.0, 1, 0, False), (1, 0, 2.0, 0, 1, False)]
    check(kata, np.zeros((2, 2)), transitions, 0.5, 0.9)
    f = kata.sarsa
    assert_close(
        call(f, np.zeros((2, 2)), transitions, 0.5, 0.9),
        [[0.0, 0.5], [1.225, 0.0]],
        what="Q'",
        called=describe_call(f, np.zeros((2, 2)), transitions, 0.5, 0.9),
    )


@pytest.mark.points(2)
def test_sarsa_bootstraps_from_the_action_taken(kata):
    """Is the target r + gamma Q(s', a'), with the a' taken, not the best action?

    Q = [[0, 0], [4, 8]]; the step (0, 0, r=1, s'=1, a'=0) with alpha = 1, gamma = 0.5
    sets Q(0, 0) = 1 + 0.5 * Q(1, 0) = 3 (Q-learning would give 1 + 0.5 * 8 = 5,
    Q(s', a) = Q(1, 0) coincides here, Q(s, a') = Q(0, 0) would give 1).
    """
    f = kata.sarsa
    Q = np.array([[0.0, 0.0], [4.0, 8.0]])
    steps = [(0, 0, 1.0, 1, 0, False)]
    assert_close(
        call(f, Q, steps, 1.0, 0.5),
        [[3.0, 0.0], [4.0, 8.0]],
        what="Q'",
        called=describe_call(f, Q, steps, 1.0, 0.5),
        mistakes={
            "the Q-learning target max_a' Q(s', a') (off-policy)": [[5.0, 0.0], [4.0, 8.0]],
            "swapped indices: Q(s, a') instead of Q(s', a')": [[1.0, 0.0], [4.0, 8.0]],
        },
    )
    # a' = 1 from s = 0, a = 0: Q(s', a) = Q(1, 0) = 4 differs from Q(s', a') = 8
    steps = [(0, 0, 1.0, 1, 1, False)]
    assert_close(
        call(f, Q, steps, 0.5, 0.5),
        [[2.5, 0.0], [4.0, 8.0]],
        what="Q'",
        called=describe_call(f, Q, steps, 0.5, 0.5),
        mistakes={"swapped indices: Q(s', a) instead of Q(s', a')": [[1.5, 0.0], [4.0, 8.0]]},
    )


@pytest.mark.points(2)
def test_sarsa_stops_at_a_done(kata):
    """Does a terminating transition use the target r alone, with a' = None allowed?

    Q = [[2, 0], [10, 10]], the step (0, 0, r=1, s'=1, None, done=True), alpha = 0.5:
    Q(0, 0) = 2 + 0.5 (1 - 2) = 1.5; bootstrapping would add 0.5 * 0.9 * 10.
    """
    f = kata.sarsa
    Q = np.array([[2.0, 0.0], [10.0, 10.0]])
    for a_next, done in [(None, True), (1, True), (0, 1), (1, np.True_)]:
        steps = [(0, 0, 1.0, 1, a_next, done)]
        assert_close(
            call(f, Q, steps, 0.5, 0.9),
            [[1.5, 0.0], [10.0, 10.0]],
            what="Q'",
            called=describe_call(f, Q, steps, 0.5, 0.9),
            mistakes={"bootstrapping after a done": [[6.0, 0.0], [10.0, 10.0]]},
        )


@pytest.mark.points(2)
def test_sarsa_updates_sequentially(kata):
    """Does each update see the earlier ones, repeated (s, a) pairs included?

    Three times (0, 0, r=1, 0, 0, False) with alpha = 0.5, gamma = 0.5 from Q = 0:
    Q <- Q + 0.5 (1 + 0.5 Q - Q) = 0.75 Q + 0.5 gives 0.5, 0.875, 1.15625. Fancy-index
    += from Q = 0 keeps one update (0.5); np.add.at adds three from Q = 0 (1.5).
    """
    f = kata.sarsa
    steps = [(0, 0, 1.0, 0, 0, False)] * 3
    assert_close(
        call(f, np.zeros((1, 1)), steps, 0.5, 0.5),
        [[1.15625]],
        what="Q'",
        called=describe_call(f, np.zeros((1, 1)), steps, 0.5, 0.5),
        mistakes={
            "a batch update with fancy-index += (repeated pairs dropped)": [[0.5]],
            "a batch update from the initial Q (np.add.at)": [[1.5]],
        },
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("n_states, n_actions, n_steps", [(1, 1, 5), (3, 2, 20), (6, 4, 200)])
def test_sarsa_matches_a_literal_loop(kata, rng, n_states, n_actions, n_steps):
    """Do random tables and experience give the literal loop's table to 1e-12?"""
    for _ in range(5):
        Q, steps = random_case(rng, n_states, n_actions, n_steps)
        alpha, gamma = float(rng.uniform(0.05, 1.0)), float(rng.uniform(0.0, 1.0))
        check(kata, Q, steps, alpha, gamma)


def test_sarsa_integer_types_and_extreme_parameters(kata, rng):
    """Are NumPy integer indices, done as 0/1, alpha = 1, gamma = 0 and gamma = 1 accepted?"""
    Q, steps = random_case(rng, 4, 3, 30)
    steps = [
        (np.int64(s), np.int32(a), r, np.int64(s2), None if a2 is None else np.int8(a2), int(d))
        for s, a, r, s2, a2, d in steps
    ]
    for alpha, gamma in [(1.0, 0.0), (1.0, 1.0), (0.3, 1.0), (0.7, 0.0)]:
        check(kata, Q, steps, alpha, gamma)


def test_sarsa_empty_experience_returns_a_copy(kata, rng):
    """Does an empty list return an equal copy of Q, not Q itself?"""
    Q = rng.normal(size=(3, 2))
    result = check(kata, Q, [], 0.5, 0.9)
    assert_close(result, Q, atol=0, rtol=0, what="Q' after no transitions")
    result[0, 0] += 1.0
    if Q[0, 0] == result[0, 0]:
        fail("sarsa(Q, [], ...) returned a view of Q: return a copy")


def test_sarsa_accepts_integer_and_list_tables(kata):
    """Does an integer table given as nested lists come back as floats?"""
    steps = [(1, 0, 0.5, 0, 1, False)]
    result = check(kata, [[1, 2], [3, 4]], steps, 0.5, 1.0)
    if not np.issubdtype(np.asarray(result).dtype, np.floating):
        fail(f"sarsa returned dtype {np.asarray(result).dtype}: Q' must be float")


Q0 = np.zeros((2, 3))
GOOD = (0, 1, 1.0, 1, 2, False)


@pytest.mark.parametrize(
    "Q, steps, alpha, gamma, why",
    [
        (np.zeros(3), [GOOD], 0.5, 0.9, "Q is 1-D"),
        (np.zeros((0, 3)), [], 0.5, 0.9, "Q has no states"),
        (np.zeros((2, 0)), [], 0.5, 0.9, "Q has no actions"),
        (Q0, [(0, 1, 1.0, 1, False)], 0.5, 0.9, "a 5-tuple (Q-learning's format)"),
        (Q0, [GOOD + (0,)], 0.5, 0.9, "a 7-tuple"),
        (Q0, [(-1, 1, 1.0, 1, 2, False)], 0.5, 0.9, "a negative state"),
        (Q0, [(2, 1, 1.0, 1, 2, False)], 0.5, 0.9, "s >= S"),
        (Q0, [(0, 3, 1.0, 1, 2, False)], 0.5, 0.9, "a >= A"),
        (Q0, [(0, -1, 1.0, 1, 2, False)], 0.5, 0.9, "a negative action"),
        (Q0, [(0, 1, 1.0, 2, 2, True)], 0.5, 0.9, "s' >= S, even when done"),
        (Q0, [(0, 1, 1.0, 1, 3, False)], 0.5, 0.9, "a' >= A when not done"),
        (Q0, [(0, 1, 1.0, 1, -1, False)], 0.5, 0.9, "a negative a' when not done"),
        (Q0, [(0, 1, 1.0, 1, None, False)], 0.5, 0.9, "a' None when not done"),
        (Q0, [(0, 1.5, 1.0, 1, 2, False)], 0.5, 0.9, "a non-integral action"),
        (Q0, [(True, 1, 1.0, 1, 2, False)], 0.5, 0.9, "a bool state"),
        (Q0, [(0, 1, 1.0, 1, 2, 2)], 0.5, 0.9, "done = 2"),
        (Q0, [(0, 1, 1.0, 1, 2, 0.5)], 0.5, 0.9, "done = 0.5"),
        (Q0, [GOOD], 0.0, 0.9, "alpha = 0"),
        (Q0, [GOOD], 1.5, 0.9, "alpha > 1"),
        (Q0, [GOOD], 0.5, -0.1, "gamma < 0"),
        (Q0, [GOOD], 0.5, 1.1, "gamma > 1"),
    ],
)
def test_sarsa_rejects_bad_input(kata, Q, steps, alpha, gamma, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.sarsa, Q, steps, alpha, gamma, why=why)


def test_sarsa_leaves_its_input_unchanged(kata, rng):
    """Are Q and the list of transitions left exactly as they were?"""
    Q, steps = random_case(rng, 3, 3, 25)
    check(kata, Q, steps, 0.5, 0.9)  # call() compares every argument after the call
