"""Grader for reinforcement_learning/policy_iteration:
policy_iteration(P, R, gamma, policy0=None) -> PI(V, policy, n_improvements)."""

import itertools

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
    fields,
    random_distribution,
)

SWITCHES_ON_TIES = (
    "switching to the lowest-index maximiser although the current action ties: keep pi(s) "
    "when it is a maximiser, or the loop makes an extra improvement (or never stops)"
)
COUNTS_EVALUATIONS = "counting evaluations instead of improvements (one too many)"
TRUNCATED = (
    "truncated evaluation (a few sweeps): V must be V^pi exactly, the solution of "
    "(I - gamma P_pi) V = r_pi"
)


def neumann(M, r):
    """sum_k M^k r by repeated squaring (no linear solve)."""
    v, power = np.array(r, dtype=float), np.array(M, dtype=float)
    for _ in range(40):
        v = v + power @ v
        power = power @ power
    return v


def evaluate(P, R, gamma, policy):
    S = R.shape[0]
    P_pi = np.array([P[s, policy[s]] for s in range(S)])
    r_pi = np.array([R[s, policy[s]] for s in range(S)])
    return neumann(gamma * P_pi, r_pi)


def maximisers(q):
    best = max(q)
    slack = 1e-9 * max(1.0, max(abs(x) for x in q))
    return [a for a in range(len(q)) if q[a] >= best - slack]


def transcription(P, R, gamma, policy0, keep_ties=True):
    """A literal loop; returns (V, policy, n_improvements)."""
    S, A = R.shape
    policy = [0] * S if policy0 is None else [int(a) for a in policy0]
    n = 0
    for _ in range(1000):
        V = evaluate(P, R, gamma, policy)
        Q = R + gamma * np.einsum("sat,t->sa", P, V)
        new = []
        for s in range(S):
            best = maximisers(Q[s])
            new.append(policy[s] if keep_ties and policy[s] in best else best[0])
        if new == policy:
            return V, np.array(policy), n
        policy, n = new, n + 1
    return V, np.array(policy), -1  # never stopped (lowest-index switching can cycle)


def brute_force(P, R, gamma):
    """V* as the state-wise max over all A^S deterministic policies."""
    S, A = R.shape
    return np.max(
        [evaluate(P, R, gamma, pi) for pi in itertools.product(range(A), repeat=S)], axis=0
    )


def check(kata, P, R, gamma, policy0=None, optimal=None):
    """Call policy_iteration; compare with the transcription (and V* when given)."""
    f = kata.policy_iteration
    args = (P, R, gamma) if policy0 is None else (P, R, gamma, policy0)
    called = describe_call(f, *args)
    result = call(f, *args)
    V, policy, n = fields(result, ["V", "policy", "n_improvements"], "policy_iteration")
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    want_V, want_policy, want_n = transcription(P, R, gamma, policy0)
    scale = max(1.0, float(np.max(np.abs(want_V))))
    policy = np.asarray(policy)
    if policy.shape != want_policy.shape or policy.dtype.kind not in "iu":
        fail(
            f"{called}: policy should be an int array of shape {want_policy.shape}, got {policy!r}"
        )
    _, tie_policy, tie_n = transcription(P, R, gamma, policy0, keep_ties=False)
    if not np.array_equal(policy, want_policy):
        hint = ""
        if np.array_equal(policy, tie_policy):
            hint = f"\n  this is what you get from a known mistake: {SWITCHES_ON_TIES}"
        fail(f"{called}: policy is {policy.tolist()}, expected {want_policy.tolist()}{hint}")
    P_pi = np.array([P[s, want_policy[s]] for s in range(len(want_policy))])
    r_pi = R[np.arange(len(want_policy)), want_policy]
    few_sweeps = np.zeros(len(r_pi))
    for _ in range(5):
        few_sweeps = r_pi + gamma * P_pi @ few_sweeps
    assert_close(
        V,
        want_V,
        rtol=0.0,
        atol=1e-8 * scale,
        what="V",
        called=called,
        mistakes={TRUNCATED: few_sweeps},
    )
    if optimal is not None:
        assert_close(V, optimal, rtol=0.0, atol=1e-8 * scale, what="V (must be V*)", called=called)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n != want_n:
        known = ""
        if n == want_n + 1:
            known = f"\n  this is what you get from a known mistake: {COUNTS_EVALUATIONS}"
        if n == tie_n and tie_n != want_n:
            known = f"\n  this is what you get from a known mistake: {SWITCHES_ON_TIES}"
        fail(f"{called}: n_improvements is {n!r}, expected {want_n}{known}")
    return np.asarray(V, dtype=float), policy, n


def random_mdp(rng, S, A):
    P = np.array([[random_distribution(rng, S, S // 3) for _ in range(A)] for _ in range(S)])
    return P, rng.normal(size=(S, A))


def separated(P, R, gamma):
    """No near-ties in Q* (a gap of at least 1e-6 max(1, max|Q|) between actions)."""
    V, _, _ = transcription(P, R, gamma, None)
    Q = R + gamma * np.einsum("sat,t->sa", P, V)
    gaps = np.diff(np.sort(Q, axis=1), axis=1)
    return gaps.size == 0 or gaps.min() > 1e-6 * max(1.0, np.abs(Q).max())


STAY_OR_MOVE = [[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [0.0, 1.0]]]


@pytest.mark.points(2)
def test_policy_iteration_documented_example(kata):
    """Does the docstring's MDP give V = (3, 6), policy (1, 0) after one improvement?

    Action 0 everywhere: V = (2, 6). Q(0, .) = (1 + 1, 0 + 3) = (2, 3): switch to action 1,
    then V = (3, 6) and the policy is stable.
    """
    V, policy, n = check(kata, STAY_OR_MOVE, [[1.0, 0.0], [3.0, 3.0]], 0.5)
    assert_close(V, [3.0, 6.0], what="V")


@pytest.mark.points(2)
def test_policy_iteration_starting_from_the_optimal_policy(kata):
    """Does a policy0 that is already greedy for its own values give n_improvements = 0?"""
    V, policy, n = check(kata, STAY_OR_MOVE, [[1.0, 0.0], [3.0, 3.0]], 0.5, np.array([1, 0]))
    assert_close(V, [3.0, 6.0], what="V")
    V, policy, n = check(kata, STAY_OR_MOVE, [[1.0, 0.0], [3.0, 3.0]], 0.5, [1, 1])


@pytest.mark.points(3)
def test_policy_iteration_keeps_the_current_action_among_ties(kata):
    """When policy0's action ties with a lower one, is it kept (no improvement counted)?

    In the docstring's MDP with state 1 paying 2, staying and moving are worth 2 in state
    0: policy0 = (1, 1) is greedy, so n_improvements = 0 and the policy stays (1, 1).
    Actions 0 and 1 of state 1 are identical too.
    """
    V, policy, n = check(kata, STAY_OR_MOVE, [[1.0, 0.0], [2.0, 2.0]], 0.5, [1, 1])
    assert_close(policy, [1, 1], what="policy")
    assert_close(n, 0, what="n_improvements")


@pytest.mark.points(2)
def test_policy_iteration_keeps_a_tied_action_computed_an_ulp_low(kata):
    """Is a current action kept when it ties in exact arithmetic but computes an ulp lower?

    State 0: action 0 moves to clone state 1; action 1 to clones 1 and 2 with 0.3 / 0.7.
    States 1 and 2 pay 0.7 forever (V = 7 with gamma 0.9), so Q(0, 0) = Q(0, 1) = 6.3
    exactly, but 0.9 (0.3 * 7 + 0.7 * 7) comes out an ulp below 0.9 * 7. Action 1 is a
    maximiser (the 1e-9 rule), so policy0 = (1, 0, 0) is greedy: n_improvements = 0.
    """
    P = np.zeros((3, 2, 3))
    P[0, 0, 1] = 1.0
    P[0, 1, 1], P[0, 1, 2] = 0.3, 0.7
    P[1, :, 1] = P[2, :, 2] = 1.0
    R = np.array([[0.0, 0.0], [0.7, 0.7], [0.7, 0.7]])
    V, policy, n = check(kata, P, R, 0.9, [1, 0, 0])
    assert_close(policy, [1, 0, 0], what="policy")
    assert_close(n, 0, what="n_improvements")


@pytest.mark.points(3)
@pytest.mark.parametrize("S, A, gamma", [(1, 3, 0.9), (2, 2, 0.5), (3, 3, 0.9), (4, 2, 0.95)])
def test_policy_iteration_reaches_the_brute_force_optimum(kata, rng, S, A, gamma):
    """Is V the state-wise best over all A^S deterministic policies, the loop as transcribed?"""
    done = 0
    while done < 3:
        P, R = random_mdp(rng, S, A)
        if separated(P, R, gamma):
            policy0 = rng.integers(A, size=S)
            check(kata, P, R, gamma, policy0, optimal=brute_force(P, R, gamma))
            done += 1


@pytest.mark.points(2)
@pytest.mark.parametrize("S, A", [(10, 3), (25, 4)])
def test_policy_iteration_random_mdps(kata, rng, S, A):
    """Do larger random MDPs match a literal transcription (policy, V, n_improvements)?"""
    done = 0
    while done < 2:
        P, R = random_mdp(rng, S, A)
        if separated(P, R, 0.95):
            check(kata, P, R, 0.95)
            check(kata, P, R, 0.95, rng.integers(A, size=S))
            done += 1


def test_policy_iteration_gamma_zero(kata, rng):
    """Does gamma = 0 give the immediate-reward greedy policy and V = its rewards?"""
    P, R = random_mdp(rng, 5, 3)
    V, policy, n = check(kata, P, R, 0.0)
    assert_close(V, R.max(axis=1), what="V (gamma = 0)")


def test_policy_iteration_terminal_states(kata):
    """Does a chain into an absorbing zero-reward state give V* = (1.9, 1, 0)?"""
    P = np.zeros((3, 2, 3))
    P[0, 0, 0] = P[0, 1, 1] = P[1, :, 2] = P[2, :, 2] = 1.0
    R = np.array([[0.1, 1.0], [1.0, 1.0], [0.0, 0.0]])
    V, policy, n = check(kata, P, R, 0.9)
    assert_close(V, [1.9, 1.0, 0.0], what="V")


def bad_cases():
    P = np.array(STAY_OR_MOVE)
    R = np.array([[1.0, 0.0], [3.0, 3.0]])
    return [
        (P, R, 0.9, [0], "policy0 too short"),
        (P, R, 0.9, [0, 1, 0], "policy0 too long"),
        (P, R, 0.9, [0, 2], "an action >= A"),
        (P, R, 0.9, [-1, 0], "a negative action (NumPy would wrap it)"),
        (P, R, 0.9, [0.0, 1.5], "a non-integral action"),
        (P, R, 0.9, [[0, 1]], "policy0 is 2-D"),
        (P, R, 1.0, None, "gamma = 1"),
        (P[:, :, :1], R, 0.9, None, "P is not (S, A, S)"),
        (P, R[:, :1], 0.9, None, "R has the wrong shape"),
    ]


@pytest.mark.parametrize("P, R, gamma, policy0, why", bad_cases(), ids=[c[-1] for c in bad_cases()])
def test_policy_iteration_rejects_bad_input(kata, P, R, gamma, policy0, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.policy_iteration, P, R, gamma, policy0, why=why)


def test_policy_iteration_leaves_its_input_unchanged(kata, rng):
    """Are P, R and policy0 left exactly as they were?"""
    while True:
        P, R = random_mdp(rng, 4, 3)
        if separated(P, R, 0.9):
            break
    policy0 = np.array([2, 1, 0, 2])
    check(kata, P, R, 0.9, policy0)  # call() compares every argument after the call
