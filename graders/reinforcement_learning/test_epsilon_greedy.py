"""Grader for reinforcement_learning/epsilon_greedy: epsilon_greedy(q, epsilon, rng) -> int,
epsilon_greedy_probs(q, epsilon) -> (A,).

Protocol: u = rng.random() always; if u < epsilon, rng.integers(A); otherwise
M[rng.integers(len(M))] with M the maximisers of q in increasing order.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe, describe_call, expect_error, fail

PROTOCOL = (
    "u = rng.random() always; if u < epsilon: rng.integers(A); else "
    "M[rng.integers(len(M))] with M the maximisers in increasing order"
)
REPLAY_MISTAKES = {
    "ties broken by the lowest index (a tie must be broken by M[rng.integers(len(M))])": ("lowest"),
    "exploring only among the non-greedy actions (rng.integers(A) picks among all A)": (
        "nongreedy"
    ),
    "skipping the u draw when epsilon = 0 (rng.random() must be drawn every time)": "skip",
}


def replay(q, epsilon, rng, mistake=None):
    """The protocol written out with Python lists (or one of the listed mistakes)."""
    values = [float(x) for x in q]
    best = max(values)
    maximisers = [i for i, x in enumerate(values) if x == best]
    if mistake == "skip" and not epsilon > 0:
        u = 1.0
    else:
        u = rng.random()
    if u < epsilon:
        if mistake == "nongreedy":
            others = [i for i in range(len(values)) if i not in maximisers]
            if others:
                return others[int(rng.integers(len(others)))]
        return int(rng.integers(len(values)))
    if mistake == "lowest":
        return maximisers[0]
    return maximisers[int(rng.integers(len(maximisers)))]


def check_action(kata, q, epsilon, seed):
    """One call on a fresh generator, compared with the replay: action and state after."""
    f = kata.epsilon_greedy
    rng = np.random.default_rng(seed)
    called = describe_call(f, q, epsilon, rng)
    action = call(f, q, epsilon, rng)
    if isinstance(action, (bool, np.bool_)) or not isinstance(action, (int, np.integer)):
        fail(f"{called} returned {describe(action)}: the action must be an int")
    ref = np.random.default_rng(seed)
    want = replay(q, epsilon, ref)
    after = rng.random()  # the generator's next number tells its state
    if action == want and after == ref.random():
        return int(action)
    lines = [f"{called} returned action {action}, expected {want} ({PROTOCOL})"]
    if action == want:
        lines = [
            f"{called} returned the right action ({want}) but left the generator in another "
            f"state: it drew other random numbers than {PROTOCOL}"
        ]
    for words, key in REPLAY_MISTAKES.items():
        wrong = np.random.default_rng(seed)
        if replay(q, epsilon, wrong, key) == action and wrong.random() == after:
            lines.append(f"  this is what you get from a known mistake: {words}")
            break
    fail("\n".join(lines))


def probs_reference(q, epsilon):
    """epsilon / A everywhere, plus (1 - epsilon) / |M| on each maximiser, by a loop."""
    values = [float(x) for x in q]
    best = max(values)
    n_best = sum(1 for x in values if x == best)
    return np.array(
        [epsilon / len(values) + ((1 - epsilon) / n_best if x == best else 0.0) for x in values]
    )


def probs_mistakes(q, epsilon):
    values = np.asarray(q, dtype=float)
    greedy = values == values.max()
    A, m = values.size, int(greedy.sum())
    wrong = {}
    if m < A:
        wrong["exploring only among the non-greedy actions (epsilon / (A - |M|) each)"] = np.where(
            greedy, (1 - epsilon) / m, epsilon / (A - m)
        )
    one = np.full(A, epsilon / A)
    one[np.flatnonzero(greedy)[0]] += 1 - epsilon
    wrong["all of 1 - epsilon on one maximiser (it is shared by the |M| maximisers)"] = one
    wrong["the maximisers' probabilities without their epsilon / A share"] = np.where(
        greedy, (1 - epsilon) / m, epsilon / A
    )
    return wrong


def check_probs(kata, q, epsilon):
    f = kata.epsilon_greedy_probs
    called = describe_call(f, q, epsilon)
    result = call(f, q, epsilon)
    want = probs_reference(q, epsilon)
    mistakes = {w: v for w, v in probs_mistakes(q, epsilon).items() if not np.allclose(v, want)}
    assert_close(
        result,
        want,
        rtol=1e-12,
        atol=1e-15,
        what="the probabilities",
        called=called,
        mistakes=mistakes,
    )
    return np.asarray(result)


@pytest.mark.points(2)
def test_epsilon_greedy_documented_example(kata):
    """Do six calls on default_rng(0) give [2, 1, 0, 2, 2, 2], and the probabilities example?"""
    f = kata.epsilon_greedy
    rng = np.random.default_rng(0)
    q = [0.0, 2.0, 2.0, 1.0]
    got = [int(call(f, q, 0.5, rng)) for _ in range(6)]
    ref = np.random.default_rng(0)
    want = [replay(q, 0.5, ref) for _ in range(6)]
    assert want == [2, 1, 0, 2, 2, 2]
    assert_close(got, want, atol=0, rtol=0, what="six actions", called="epsilon_greedy x 6")
    check_probs(kata, [1.0, 3.0, 3.0, 0.0], 0.2)


@pytest.mark.points(2)
def test_epsilon_greedy_probs_hand_checked(kata):
    """Does q = (1, 3, 3, 0), epsilon = 0.2 give (0.05, 0.45, 0.45, 0.05)?

    epsilon / A = 0.05 for every action, and the two maximisers share 1 - 0.2 = 0.8.
    """
    result = check_probs(kata, [1.0, 3.0, 3.0, 0.0], 0.2)
    assert_close(result, [0.05, 0.45, 0.45, 0.05], what="the probabilities")
    result = check_probs(kata, [5.0, -1.0, 2.0], 0.3)  # (0.1 + 0.7, 0.1, 0.1)
    assert_close(result, [0.8, 0.1, 0.1], what="the probabilities")


@pytest.mark.points(2)
@pytest.mark.parametrize("epsilon", [0.0, 0.25, 0.5, 0.9, 1.0])
def test_epsilon_greedy_follows_the_protocol(kata, rng, epsilon):
    """Do random q (with ties) give the protocol's action and generator state, seed by seed?"""
    for _ in range(40):
        A = int(rng.integers(1, 7))
        q = rng.integers(-2, 3, size=A).astype(float)  # small integers: many exact ties
        check_action(kata, q, epsilon, int(rng.integers(2**32)))


@pytest.mark.points(2)
def test_epsilon_greedy_breaks_ties_at_random(kata):
    """Does an all-zero q with epsilon = 0 pick every action, as the protocol's draws say?"""
    seen = {check_action(kata, np.zeros(4), 0.0, seed) for seed in range(40)}
    if seen != {0, 1, 2, 3}:
        fail(f"epsilon_greedy(zeros(4), 0, rng) over 40 seeds chose only {sorted(seen)}")


def test_epsilon_greedy_draws_u_even_when_epsilon_is_zero_or_one(kata):
    """Is u = rng.random() drawn for epsilon = 0 and 1 too (the stream must not drift)?"""
    for seed in range(10):
        assert check_action(kata, [0.0, 1.0, 0.5], 0.0, seed) == 1  # unique maximiser
        check_action(kata, [0.0, 1.0, 0.5], 1.0, seed)


def test_epsilon_greedy_frequencies_match_the_probabilities(kata):
    """Do 4000 actions from one generator have frequencies close to epsilon_greedy_probs?"""
    q, epsilon, n = np.array([0.3, 1.0, -2.0, 1.0, 0.0]), 0.4, 4000
    probs = check_probs(kata, q, epsilon)
    rng = np.random.default_rng(2024)
    counts = np.bincount([int(kata.epsilon_greedy(q, epsilon, rng)) for _ in range(n)], minlength=5)
    # 6 standard deviations of a binomial frequency: a false failure is all but impossible
    allowed = 6 * np.sqrt(probs * (1 - probs) / n)
    assert_close(counts / n, probs, rtol=0, atol=float(allowed.max()), what="the frequencies")


def test_epsilon_greedy_probs_random_cases(kata, rng):
    """Do random q and epsilon give the formula's probabilities, summing to 1?"""
    for _ in range(30):
        A = int(rng.integers(1, 9))
        q = rng.integers(-3, 3, size=A) * 10.0 ** float(rng.integers(-3, 4))
        epsilon = float(rng.choice([0.0, 1.0, rng.random()]))
        result = check_probs(kata, q, epsilon)
        assert_close(result.sum(), 1.0, rtol=0, atol=1e-12, what="the sum of the probabilities")


def test_epsilon_greedy_single_action(kata):
    """Does A = 1 always give action 0 and probability 1?"""
    for epsilon in (0.0, 0.5, 1.0):
        assert check_action(kata, [7.0], epsilon, 3) == 0
        assert_close(check_probs(kata, [7.0], epsilon), [1.0], what="the probabilities")


@pytest.mark.parametrize(
    "q, epsilon, why",
    [
        ([[1.0, 2.0]], 0.1, "q is 2-D"),
        ([], 0.1, "q is empty"),
        ([1.0, np.nan], 0.1, "q has a NaN"),
        ([1.0, np.inf], 0.1, "q has an infinity"),
        ([1.0, 2.0], -0.1, "epsilon < 0"),
        ([1.0, 2.0], 1.5, "epsilon > 1"),
    ],
)
def test_epsilon_greedy_rejects_bad_input(kata, q, epsilon, why):
    """Do both functions raise ValueError with a message on bad input?"""
    expect_error(ValueError, kata.epsilon_greedy, q, epsilon, np.random.default_rng(0), why=why)
    expect_error(ValueError, kata.epsilon_greedy_probs, q, epsilon, why=why)


def test_epsilon_greedy_leaves_its_input_unchanged(kata):
    """Is q left exactly as it was by both functions?"""
    q = np.array([0.5, 2.0, 2.0, -1.0])
    check_action(kata, q, 0.3, 11)  # call() compares every argument after the call
    check_probs(kata, q, 0.3)
