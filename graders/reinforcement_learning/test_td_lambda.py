"""Grader for reinforcement_learning/td_lambda: td_lambda(V, episodes, alpha, gamma, lam) -> V'.

Online TD(lambda), accumulating traces: per episode e = 0; per step (s, r, s', done)
delta = r + gamma (1 - done) V(s') - V(s), e <- gamma lam e, e(s) += 1, V += alpha delta e.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

MISTAKES = {
    "eligibility traces not reset to 0 at the start of each episode": "no_reset",
    "replacing traces (e(s) <- 1) instead of accumulating ones (e(s) <- e(s) + 1)": "replace",
    "traces decayed by lambda alone (gamma * lambda is the decay)": "lam_only",
    "bootstrapping from V(s') after a done (nothing follows a termination)": "after_done",
}


def reference(V, episodes, alpha, gamma, lam, mistake=None):
    """A literal loop over Python lists (or one of the listed mistakes)."""
    values = [float(v) for v in np.asarray(V, dtype=float)]
    n = len(values)
    trace = [0.0] * n
    for episode in episodes:
        if mistake != "no_reset":
            trace = [0.0] * n
        for s, r, s2, done in episode:
            s, s2 = int(s), int(s2)
            boot = gamma * values[s2] if (not done or mistake == "after_done") else 0.0
            delta = float(r) + boot - values[s]
            decay = lam if mistake == "lam_only" else gamma * lam
            trace = [decay * x for x in trace]
            trace[s] = 1.0 if mistake == "replace" else trace[s] + 1.0
            values = [v + alpha * delta * x for v, x in zip(values, trace, strict=True)]
    return np.array(values)


def td0(V, episodes, alpha, gamma):
    """TD(0), written separately: only the current state moves."""
    values = np.array(V, dtype=float)
    for episode in episodes:
        for s, r, s2, done in episode:
            target = r if done else r + gamma * values[s2]
            values[s] += alpha * (target - values[s])
    return values


def check(kata, V, episodes, alpha, gamma, lam):
    """Call td_lambda, compare with the literal loop (naming any listed mistake), return it."""
    f = kata.td_lambda
    called = describe_call(f, V, episodes, alpha, gamma, lam)
    result = call(f, V, episodes, alpha, gamma, lam)
    if result is V:
        fail(f"{called} returned the array it was given: return an updated copy")
    want = reference(V, episodes, alpha, gamma, lam)
    scale = max(1.0, float(np.max(np.abs(want))))
    mistakes = {}
    for words, key in MISTAKES.items():
        wrong = reference(V, episodes, alpha, gamma, lam, key)
        if not np.allclose(wrong, want, rtol=1e-9, atol=1e-9 * scale):
            mistakes[words] = wrong
    assert_close(
        result, want, rtol=1e-10, atol=1e-10 * scale, what="V'", called=called, mistakes=mistakes
    )
    return result


def random_episodes(rng, n_states, n_episodes, max_len, cut_rate=0.3):
    episodes = []
    for _ in range(n_episodes):
        length = int(rng.integers(0, max_len + 1))
        steps = []
        s = int(rng.integers(n_states))
        for t in range(length):
            s2 = int(rng.integers(n_states))
            done = t == length - 1 and rng.random() > cut_rate
            steps.append((s, float(rng.normal()), s2, done))
            s = s2
        episodes.append(steps)
    return episodes


@pytest.mark.points(2)
def test_td_lambda_documented_example(kata):
    """Does the docstring's example give [0.95, 1.0]?"""
    f = kata.td_lambda
    episodes = [[(0, 1.0, 1, False), (1, 2.0, 0, True)]]
    result = check(kata, np.zeros(2), episodes, 0.5, 0.9, 0.5)
    assert_close(
        result,
        [0.95, 1.0],
        what="V'",
        called=describe_call(f, np.zeros(2), episodes, 0.5, 0.9, 0.5),
    )


@pytest.mark.points(2)
def test_td_lambda_accumulates_traces(kata):
    """Does a recurring state accumulate its trace, e(s) + 1, rather than reset it to 1?

    One state, two steps (0, r=1, 0, not done), alpha = 0.5, gamma = lam = 1, V = 0:
    step 1 delta = 1, e = 1, V = 0.5; step 2 delta = 1 + 0.5 - 0.5 = 1, e = 2, V = 1.5
    (a replacing trace e = 1 gives 1.0).
    """
    f = kata.td_lambda
    episodes = [[(0, 1.0, 0, False), (0, 1.0, 0, False)]]
    assert_close(
        call(f, np.zeros(1), episodes, 0.5, 1.0, 1.0),
        [1.5],
        what="V'",
        called=describe_call(f, np.zeros(1), episodes, 0.5, 1.0, 1.0),
        mistakes={"replacing traces (e(s) <- 1) instead of accumulating ones": [1.0]},
    )


@pytest.mark.points(2)
def test_td_lambda_decays_by_gamma_lambda(kata):
    """Does the trace decay by gamma * lambda per step, not by lambda alone?

    Steps (0, r=0, 1, no), (1, r=1, 1, done), alpha = 1, gamma = 0.5, lam = 1, V = 0:
    step 1 has delta = 0; step 2 delta = 1 with e = (0.5, 1), so V = (0.5, 1)
    (decaying by lambda alone gives (1, 1)).
    """
    f = kata.td_lambda
    episodes = [[(0, 0.0, 1, False), (1, 1.0, 1, True)]]
    assert_close(
        call(f, np.zeros(2), episodes, 1.0, 0.5, 1.0),
        [0.5, 1.0],
        what="V'",
        called=describe_call(f, np.zeros(2), episodes, 1.0, 0.5, 1.0),
        mistakes={"traces decayed by lambda alone (gamma forgotten)": [1.0, 1.0]},
    )


@pytest.mark.points(2)
def test_td_lambda_resets_traces_and_stops_at_done(kata):
    """Are traces reset between episodes, and is nothing bootstrapped after a done?

    Episodes [(0, 0, 1, done)] then [(1, 1, 1, done)], alpha = 1, gamma = lam = 0.5 from
    V = (0, 4): episode 1 has delta = 0 - 0 = 0 (done: V(1) = 4 is not used; with it
    V(0) = 2); episode 2 delta = 1 - 4 = -3, e = (0, 1): V = (0, 1). Without the reset
    e(0) = 0.25 would carry over: V = (-0.75, 1).
    """
    f = kata.td_lambda
    episodes = [[(0, 0.0, 1, True)], [(1, 1.0, 1, True)]]
    V = np.array([0.0, 4.0])
    assert_close(
        call(f, V, episodes, 1.0, 0.5, 0.5),
        [0.0, 1.0],
        what="V'",
        called=describe_call(f, V, episodes, 1.0, 0.5, 0.5),
        mistakes={
            "traces not reset between episodes": [-0.75, 1.0],
            "bootstrapping after a done": reference(V, episodes, 1.0, 0.5, 0.5, "after_done"),
        },
    )


def test_td_lambda_cut_episode_bootstraps(kata):
    """Does an episode that ends without a done bootstrap from V(s') on its last step?

    One step (0, r=1, 1, not done), alpha = 1, gamma = 0.5, V = (0, 4): V(0) = 1 + 2 = 3.
    """
    f = kata.td_lambda
    episodes = [[(0, 1.0, 1, False)]]
    assert_close(
        call(f, np.array([0.0, 4.0]), episodes, 1.0, 0.5, 0.3),
        [3.0, 4.0],
        what="V'",
        called=describe_call(f, np.array([0.0, 4.0]), episodes, 1.0, 0.5, 0.3),
        mistakes={"a cut episode treated as terminated (it must bootstrap)": [1.0, 4.0]},
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("n_states, n_episodes, max_len", [(1, 3, 4), (4, 5, 10), (10, 20, 30)])
def test_td_lambda_matches_a_literal_loop(kata, rng, n_states, n_episodes, max_len):
    """Do random values and episodes give the literal loop's values to 1e-10?"""
    for _ in range(4):
        V = rng.normal(size=n_states) * 10.0 ** rng.integers(-2, 3)
        episodes = random_episodes(rng, n_states, n_episodes, max_len)
        alpha, gamma, lam = rng.uniform(0.05, 1.0), rng.uniform(0.5, 1.0), rng.uniform(0, 1)
        check(kata, V, episodes, float(alpha), float(gamma), float(lam))


def test_td_lambda_lambda_zero_is_td0(kata, rng):
    """Is lam = 0 exactly TD(0), where only the visited state moves?"""
    f = kata.td_lambda
    V = rng.normal(size=5)
    episodes = random_episodes(rng, 5, 6, 12)
    called = describe_call(f, V, episodes, 0.4, 0.9, 0.0)
    assert_close(call(f, V, episodes, 0.4, 0.9, 0.0), td0(V, episodes, 0.4, 0.9), called=called)


def test_td_lambda_extreme_parameters_and_types(kata, rng):
    """Are alpha = 1, gamma and lam at 0 and 1, NumPy integers and done as 0/1 accepted?"""
    V = rng.normal(size=4)
    episodes = [
        [(np.int64(s), r, np.int32(s2), int(d)) for s, r, s2, d in episode]
        for episode in random_episodes(rng, 4, 4, 8)
    ]
    for alpha, gamma, lam in [(1.0, 1.0, 1.0), (1.0, 0.0, 1.0), (0.2, 1.0, 0.0), (0.5, 0.0, 0.0)]:
        check(kata, V, episodes, alpha, gamma, lam)


def test_td_lambda_nothing_to_learn_returns_a_copy(kata, rng):
    """Do an empty list, and a list of empty episodes, return an equal copy of V?"""
    V = rng.normal(size=3)
    for episodes in ([], [[], []]):
        result = check(kata, V, episodes, 0.5, 0.9, 0.8)
        assert_close(result, V, atol=0, rtol=0, what="V' with no step")
    result = np.asarray(call(kata.td_lambda, [1, 2, 3], [], 0.5, 0.9, 0.8))
    assert_close(result, [1.0, 2.0, 3.0], atol=0, rtol=0, what="V' from the list [1, 2, 3]")
    if not np.issubdtype(result.dtype, np.floating):
        fail(f"td_lambda returned dtype {result.dtype}: V' must be float")


V0 = np.zeros(3)
OK = (0, 1.0, 1, False)


@pytest.mark.parametrize(
    "V, episodes, alpha, gamma, lam, why",
    [
        (np.zeros((3, 1)), [[OK]], 0.5, 0.9, 0.5, "V is 2-D"),
        (np.zeros(0), [], 0.5, 0.9, 0.5, "V has no states"),
        (V0, [[(0, 1.0, 1)]], 0.5, 0.9, 0.5, "a 3-tuple"),
        (V0, [[(0, 0, 1.0, 1, False)]], 0.5, 0.9, 0.5, "a 5-tuple (with an action)"),
        (V0, [[(-1, 1.0, 1, False)]], 0.5, 0.9, 0.5, "a negative state"),
        (V0, [[(3, 1.0, 1, False)]], 0.5, 0.9, 0.5, "s >= S"),
        (V0, [[(0, 1.0, 3, True)]], 0.5, 0.9, 0.5, "s' >= S, even when done"),
        (V0, [[(0.5, 1.0, 1, False)]], 0.5, 0.9, 0.5, "a non-integral state"),
        (V0, [[(False, 1.0, 1, False)]], 0.5, 0.9, 0.5, "a bool state"),
        (V0, [[(0, 1.0, 1, 2)]], 0.5, 0.9, 0.5, "done = 2"),
        (V0, [[(0, 1.0, 1, True), OK]], 0.5, 0.9, 0.5, "done before the last step"),
        (V0, [[OK]], 0.0, 0.9, 0.5, "alpha = 0"),
        (V0, [[OK]], 1.2, 0.9, 0.5, "alpha > 1"),
        (V0, [[OK]], 0.5, 1.1, 0.5, "gamma > 1"),
        (V0, [[OK]], 0.5, -0.5, 0.5, "gamma < 0"),
        (V0, [[OK]], 0.5, 0.9, -0.1, "lam < 0"),
        (V0, [[OK]], 0.5, 0.9, 1.5, "lam > 1"),
    ],
)
def test_td_lambda_rejects_bad_input(kata, V, episodes, alpha, gamma, lam, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.td_lambda, V, episodes, alpha, gamma, lam, why=why)


def test_td_lambda_leaves_its_input_unchanged(kata, rng):
    """Are V and the episodes left exactly as they were?"""
    V = rng.normal(size=4)
    episodes = random_episodes(rng, 4, 3, 6)
    check(kata, V, episodes, 0.5, 0.9, 0.7)  # call() compares every argument after the call
