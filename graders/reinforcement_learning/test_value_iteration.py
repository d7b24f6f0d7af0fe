"""Grader for reinforcement_learning/value_iteration:
value_iteration(P, R, gamma, tol=1e-10, max_iter=10000) -> VI(V, policy, n_iter)."""

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

GAUSS_SEIDEL = (
    "in-place (Gauss-Seidel) sweeps: each backup must use the same V_k for every state "
    "(compute the new vector from the old one, then replace it)"
)
PREVIOUS_ITERATE = "the iterate before the last backup (V_{n_iter-1}): return the last backup"
LESS_EQUAL = "stopping when the change is <= tol: the rule is strictly < tol"
PUTERMAN = (
    "Puterman's eps(1 - gamma)/(2 gamma) stopping rule: the kata stops on the plain change < tol"
)
STALE_POLICY = (
    "the policy greedy for V_{n_iter-1}: it must be greedy for the returned V, "
    "Q = R + gamma P V with that V"
)
HIGHEST_TIE = "ties broken towards the highest index: among maximisers the lowest index wins"


def greedy(Q, highest=False):
    """Lowest-index maximiser within 1e-9 max(1, max|Q(s, .)|), by a loop."""
    S, A = Q.shape
    out = np.zeros(S, dtype=int)
    for s in range(S):
        best = max(Q[s])
        slack = 1e-9 * max(1.0, max(abs(q) for q in Q[s]))
        ties = [a for a in range(A) if Q[s, a] >= best - slack]
        out[s] = ties[-1] if highest else ties[0]
    return out


def backup(P, R, gamma, V):
    """Q(s, a) = R(s, a) + gamma sum_s' P(s, a, s') V(s')."""
    return R + gamma * np.einsum("sat,t->sa", P, V)


def transcription(P, R, gamma, tol, max_iter, in_place=False, stop=None):
    """A literal loop: the iterates, the changes, and n_iter."""
    stop = stop or (lambda change: change < tol)
    S = R.shape[0]
    history, changes = [np.zeros(S)], []
    while len(changes) < max_iter:
        V = history[-1]
        if in_place:
            new = V.copy()
            for s in range(S):
                new[s] = max(R[s] + gamma * (P[s] @ new))
        else:
            new = backup(P, R, gamma, V).max(axis=1)
        changes.append(float(np.max(np.abs(new - V))))
        history.append(new)
        if stop(changes[-1]):
            break
    return history, changes


def check(kata, P, R, gamma, tol=1e-10, max_iter=10000):
    """Call value_iteration and compare V, policy and n_iter with a literal transcription."""
    f = kata.value_iteration
    kwargs = {"tol": tol, "max_iter": max_iter}
    called = describe_call(f, P, R, gamma, **kwargs)
    result = call(f, P, R, gamma, **kwargs)
    V, policy, n_iter = fields(result, ["V", "policy", "n_iter"], "value_iteration")
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    history, _ = transcription(P, R, gamma, tol, max_iter)
    want_V, n = history[-1], len(history) - 1
    scale = max(1.0, float(np.max(np.abs(want_V))))
    gs, _ = transcription(P, R, gamma, tol, max_iter, in_place=True)
    le, _ = transcription(P, R, gamma, tol, max_iter, stop=lambda c: c <= tol)
    pt = tol * (1 - gamma) / (2 * gamma) if gamma > 0 else tol
    pu, _ = transcription(P, R, gamma, tol, max_iter, stop=lambda c: c < pt)
    if isinstance(n_iter, bool) or not isinstance(n_iter, (int, np.integer)) or n_iter != n:
        words = {len(gs) - 1: GAUSS_SEIDEL, len(le) - 1: LESS_EQUAL, len(pu) - 1: PUTERMAN}
        known = (
            f"; this is what you get from a known mistake: {words[n_iter]}"
            if (isinstance(n_iter, (int, np.integer)) and n_iter in words and n_iter != n)
            else ""
        )
        fail(f"{called}: n_iter is {n_iter!r}, expected {n} (the number of backups made){known}")
    assert_close(
        V,
        want_V,
        rtol=0.0,
        atol=1e-10 * scale,
        what="V",
        called=called,
        mistakes={
            PREVIOUS_ITERATE: history[-2],
            GAUSS_SEIDEL: gs[-1],
            LESS_EQUAL: le[-1],
            PUTERMAN: pu[-1],
        },
    )
    policy = np.asarray(policy)
    if policy.shape != (R.shape[0],) or policy.dtype.kind not in "iu":
        fail(f"{called}: policy should be an int array of shape ({R.shape[0]},), got {policy!r}")
    want_policy = greedy(backup(P, R, gamma, want_V))
    if not np.array_equal(policy, want_policy):
        hint = ""
        if np.array_equal(policy, greedy(backup(P, R, gamma, history[-2]))):
            hint = f"\n  this is what you get from a known mistake: {STALE_POLICY}"
        elif np.array_equal(policy, greedy(backup(P, R, gamma, want_V), highest=True)):
            hint = f"\n  this is what you get from a known mistake: {HIGHEST_TIE}"
        fail(f"{called}: policy is {policy.tolist()}, expected {want_policy.tolist()}{hint}")
    return np.asarray(V, dtype=float), policy, n


def random_mdp(rng, S, A):
    P = np.array([[random_distribution(rng, S, S // 3) for _ in range(A)] for _ in range(S)])
    return P, rng.normal(size=(S, A))


def well_separated(P, R, gamma, tol, max_iter):
    """Whether the stopping change is far from tol and Q has no near-ties."""
    history, changes = transcription(P, R, gamma, tol, max_iter)
    if len(changes) < max_iter and not changes[-1] < tol * 0.99:
        return False
    if len(changes) > 1 and not changes[-2] > tol * 1.01:
        return False
    Q = backup(P, R, gamma, history[-1])
    for row in Q:
        top = np.sort(row)[::-1]
        if len(top) > 1 and top[0] - top[1] < 1e-6 * max(1.0, np.max(np.abs(Q))):
            return False
    return True


@pytest.mark.points(2)
def test_value_iteration_documented_example(kata):
    """Does R = [[1]], gamma 1/2, tol 1/4 stop at n_iter = 4 with V = [1.875]?

    V_k = 1, 1.5, 1.75, 1.875 with changes 1, 1/2, 1/4, 1/8: 1/4 is not < 1/4.
    """
    V, policy, n = check(kata, [[[1.0]]], [[1.0]], 0.5, tol=0.25)
    assert_close(V, [1.875], what="V")


@pytest.mark.points(2)
def test_value_iteration_dyadic_stopping(kata):
    """Does tol = 0.3 stop at n_iter = 3 with V = [1.75], and max_iter = 2 give 1.5?"""
    V, _, n = check(kata, [[[1.0]]], [[1.0]], 0.5, tol=0.3)
    assert_close(V, [1.75], what="V")
    V, _, n = check(kata, [[[1.0]]], [[1.0]], 0.5, tol=1e-3, max_iter=2)
    assert_close(V, [1.5], what="V")


@pytest.mark.points(2)
def test_value_iteration_policy_is_greedy_for_the_returned_v(kata):
    """After one backup, is the policy greedy for V_1, not V_0 = 0?

    State 0: action 0 pays 1 and stays, action 1 pays 0 and moves to state 1, which pays
    10 forever. V_1 = (1, 10); with gamma 0.9, Q(0, .) = (1.9, 9): action 1, although
    the immediate reward (greedy for V_0) says action 0.
    """
    P = np.zeros((2, 2, 2))
    P[0, 0, 0] = P[0, 1, 1] = P[1, :, 1] = 1.0
    R = np.array([[1.0, 0.0], [10.0, 10.0]])
    V, policy, _ = check(kata, P, R, 0.9, max_iter=1)
    assert_close(V, [1.0, 10.0], what="V")
    check(kata, P, R, 0.9)


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "S, A, gamma, tol",
    [(1, 3, 0.9, 1e-10), (3, 2, 0.5, 1e-6), (6, 3, 0.9, 1e-10), (15, 4, 0.95, 1e-8)],
)
def test_value_iteration_random_mdps(kata, rng, S, A, gamma, tol):
    """Do random MDPs match a literal transcription in V, policy and n_iter?"""
    done = 0
    while done < 3:
        P, R = random_mdp(rng, S, A)
        if well_separated(P, R, gamma, tol, 10000):
            check(kata, P, R, gamma, tol=tol)
            done += 1


@pytest.mark.points(2)
@pytest.mark.parametrize("max_iter", [1, 2, 3, 7])
def test_value_iteration_stops_at_max_iter(kata, rng, max_iter):
    """Does max_iter cut the loop (no error), returning that many backups' V?"""
    while True:
        P, R = random_mdp(rng, 5, 3)
        if well_separated(P, R, 0.9, 1e-10, max_iter):
            break
    check(kata, P, R, 0.9, max_iter=max_iter)


def test_value_iteration_gamma_zero(kata):
    """Does gamma = 0 give V = max_a R with n_iter 2, or 1 when every |max_a R| < tol?"""
    R = np.array([[1.0, 3.0], [-2.0, -5.0]])
    P = np.full((2, 2, 2), 0.5)
    V, policy, n = check(kata, P, R, 0.0)
    assert_close(V, [3.0, -2.0], what="V")
    V, policy, n = check(kata, P, R * 1e-12, 0.0, tol=1e-10)


def test_value_iteration_exact_ties_go_to_the_lowest_index(kata):
    """Do actions equal in exact arithmetic tie, and the lowest index win?

    State 0: action 0 moves to clone state 1; action 1 to clones 1 and 2 with 0.6 / 0.4;
    action 2 pays less. States 1 and 2 are identical, so Q(0, 0) = Q(0, 1) exactly, though
    0.6 V + 0.4 V comes out an ulp above V in floating point. Every action ties in states 1 and 2.
    """
    P = np.zeros((3, 3, 3))
    P[0, 0, 1] = 1.0
    P[0, 1, 1], P[0, 1, 2] = 0.6, 0.4
    P[0, 2, 0] = 1.0
    P[1, :, 1] = P[2, :, 2] = 1.0
    R = np.array([[0.0, 0.0, -1.0], [0.1, 0.1, 0.1], [0.1, 0.1, 0.1]])
    _, policy, _ = check(kata, P, R, 0.9)
    assert_close(policy, [0, 0, 0], what="policy")


def test_value_iteration_terminal_states(kata):
    """Does a chain into an absorbing zero-reward state give V* = (1.9, 1, 0)?

    State 0 moves on (reward 1) or stays (0.1 forever: 1 in total); state 1 moves on to
    the terminal state 2 with reward 1: V*(0) = 1 + 0.9 * 1 = 1.9.
    """
    P = np.zeros((3, 2, 3))
    P[0, 0, 1] = P[0, 1, 0] = P[1, :, 2] = P[2, :, 2] = 1.0
    R = np.array([[1.0, 0.1], [1.0, 1.0], [0.0, 0.0]])
    V, policy, n = check(kata, P, R, 0.9)
    assert_close(V, [1.9, 1.0, 0.0], what="V")


def bad_cases():
    P = np.full((2, 2, 2), 0.5)
    R = np.zeros((2, 2))
    bad_row = P.copy()
    bad_row[0, 1] = [0.5, 0.4]
    return [
        (P[0], R, 0.9, {}, "P is 2-D"),
        (bad_row, R, 0.9, {}, "a row of P sums to 0.9"),
        (P, R[:1], 0.9, {}, "R has the wrong shape"),
        (P, np.array([[np.nan, 0.0], [0.0, 0.0]]), 0.9, {}, "R has a NaN"),
        (P, R, 1.0, {}, "gamma = 1"),
        (P, R, -0.5, {}, "gamma < 0"),
        (P, R, 0.9, {"tol": 0.0}, "tol = 0"),
        (P, R, 0.9, {"tol": -1e-3}, "tol < 0"),
        (P, R, 0.9, {"max_iter": 0}, "max_iter = 0"),
        (P, R, 0.9, {"max_iter": 2.5}, "max_iter is not an integer"),
    ]


@pytest.mark.parametrize("P, R, gamma, kwargs, why", bad_cases(), ids=[c[-1] for c in bad_cases()])
def test_value_iteration_rejects_bad_input(kata, P, R, gamma, kwargs, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.value_iteration, P, R, gamma, why=why, **kwargs)


def test_value_iteration_leaves_its_input_unchanged(kata, rng):
    """Are P and R left exactly as they were?"""
    P, R = random_mdp(rng, 4, 2)
    check(kata, P, R, 0.5, tol=1e-6)  # call() compares every argument after the call
