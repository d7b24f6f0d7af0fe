"""Grader for optimization/lbfgs: lbfgs_direction(g, s_list, y_list) -> d = -H g, the
two-loop recursion with H0 = (s.T y / y.T y) I from the newest pair, oldest pair first.

The reference forms H explicitly by the BFGS inverse update (oldest pair first), which
the two-loop recursion computes without a matrix."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, random_spd


def bfgs_matrix(s_list, y_list, gamma=None):
    """H after BFGS updates of H0 = gamma I by the pairs in the order given."""
    S = [np.asarray(s, dtype=float) for s in s_list]
    Y = [np.asarray(y, dtype=float) for y in y_list]
    d = len(S[0])
    if gamma is None:
        gamma = (S[-1] @ Y[-1]) / (Y[-1] @ Y[-1])
    H = gamma * np.eye(d)
    for s, y in zip(S, Y, strict=True):
        rho = 1.0 / (y @ s)
        V = np.eye(d) - rho * np.outer(y, s)
        H = V.T @ H @ V + rho * np.outer(s, s)
    return H


def reference(g, s_list, y_list):
    g = np.asarray(g, dtype=float)
    if len(s_list) == 0:
        return -g
    return -bfgs_matrix(s_list, y_list) @ g


def mistakes(g, s_list, y_list):
    g = np.asarray(g, dtype=float)
    if len(s_list) == 0:
        return {}
    S = [np.asarray(s, dtype=float) for s in s_list]
    Y = [np.asarray(y, dtype=float) for y in y_list]
    gamma_old = (S[0] @ Y[0]) / (Y[0] @ Y[0])
    gamma = (S[-1] @ Y[-1]) / (Y[-1] @ Y[-1])
    found = {
        "the direction is +H g: the search direction is -H g": bfgs_matrix(S, Y) @ g,
        "H0 = I: scale it by gamma = s.T y / y.T y of the newest pair": -bfgs_matrix(S, Y, 1.0) @ g,
        "gamma inverted: H0 = (s.T y / y.T y) I, not (y.T y / s.T y) I": -bfgs_matrix(
            S, Y, 1.0 / gamma
        )
        @ g,
    }
    if len(S) > 1:
        found[
            "the pairs are read newest first: the lists hold the oldest pair first, the "
            "newest is s_list[-1], y_list[-1]"
        ] = -bfgs_matrix(S[::-1], Y[::-1], gamma_old) @ g
        found["the pairs are used newest first in the update: oldest pair first"] = (
            -bfgs_matrix(S[::-1], Y[::-1], gamma) @ g
        )
        found["gamma from the oldest pair: H0 uses the newest, s_list[-1] and y_list[-1]"] = (
            -bfgs_matrix(S, Y, gamma_old) @ g
        )
    return found


def check(kata, g, s_list, y_list, **tolerance):
    f = kata.lbfgs_direction
    called = describe_call(f, g, s_list, y_list)
    d = call(f, g, s_list, y_list)
    assert_close(
        d,
        reference(g, s_list, y_list),
        what="the direction d",
        called=called,
        mistakes=mistakes(g, s_list, y_list),
        **tolerance,
    )
    return np.asarray(d, dtype=float)


def history(rng, d, m, A=None):
    """m pairs (s, y = A s) of a quadratic with SPD Hessian A (curvature s.T y > 0)."""
    A = random_spd(rng, d, condition=20.0) if A is None else A
    S = [rng.standard_normal(d) for _ in range(m)]
    return S, [A @ s for s in S]


def test_lbfgs_direction_documented_example(kata):
    """Does one pair s = [1, 0], y = [2, 0] give d = -[0.5, 1] for g = [1, 2]?"""
    d = check(kata, [1.0, 2.0], [[1.0, 0.0]], [[2.0, 0.0]])
    assert_close(d, [-0.5, -1.0], what="d")


def test_lbfgs_direction_empty_history_is_steepest_descent(kata, rng):
    """With no pairs, is d = -g?"""
    g = rng.standard_normal(5)
    d = check(kata, g, [], [])
    assert_close(d, -g, what="d")


def test_lbfgs_direction_one_pair_worked_by_hand(kata):
    """s = [1, 1], y = [1, 3], g = [1, 0]: is d = -[0.6, -0.1]?

    gamma = 4/10, rho = 1/4. First loop: alpha = rho s.q = 1/4, q = [1, 0] - [1, 3]/4 =
    [3/4, -3/4]. r = gamma q = [0.3, -0.3]. Second loop: beta = rho y.r = (0.3 - 0.9)/4 =
    -0.15, r = r + (0.25 + 0.15) s = [0.7, 0.1]. So d = [-0.7, -0.1].
    """
    d = check(kata, [1.0, 0.0], [[1.0, 1.0]], [[1.0, 3.0]])
    assert_close(d, [-0.7, -0.1], what="d")


@pytest.mark.parametrize("d, m", [(3, 1), (5, 3), (10, 6), (4, 8)])
def test_lbfgs_direction_matches_the_bfgs_matrix(kata, rng, d, m):
    """On random histories, is d = -H g with H the BFGS update of gamma I, oldest first?"""
    for _ in range(3):
        S, Y = history(rng, d, m)
        check(kata, rng.standard_normal(d), S, Y)


def test_lbfgs_direction_secant_condition(kata, rng):
    """Does H satisfy the newest secant equation: g = y_new gives d = -s_new?"""
    S, Y = history(rng, 6, 4)
    d = check(kata, Y[-1], S, Y)
    assert_close(d, -S[-1], what="d for g = y_list[-1]")


def test_lbfgs_direction_conjugate_steps_recover_the_newton_step(kata, rng):
    """With d A-conjugate steps of a quadratic, is d the Newton step -A^-1 g?"""
    A = random_spd(rng, 4, condition=10.0)
    _, vectors = np.linalg.eigh(A)  # eigenvectors of A are A-conjugate
    S = [vectors[:, i] * (i + 1) for i in range(4)]
    Y = [A @ s for s in S]
    g = rng.standard_normal(4)
    d = check(kata, g, S, Y)
    assert_close(d, -np.linalg.solve(A, g), rtol=1e-8, atol=1e-10, what="d")


def test_lbfgs_direction_is_a_descent_direction(kata, rng):
    """Is g.T d < 0 for random gradients (H is positive definite)?"""
    S, Y = history(rng, 7, 5)
    for _ in range(5):
        g = rng.standard_normal(7)
        d = check(kata, g, S, Y)
        assert g @ d < 0, f"g.T d = {g @ d} >= 0: -H g must point downhill"


def test_lbfgs_direction_accepts_arrays_and_tuples(kata, rng):
    """Is an (m, d) array or a tuple of lists accepted for the pairs?"""
    S, Y = history(rng, 4, 3)
    g = rng.standard_normal(4)
    check(kata, g, np.array(S), np.array(Y))
    check(kata, g.tolist(), tuple(s.tolist() for s in S), tuple(y.tolist() for y in Y))


def test_lbfgs_direction_integer_input(kata):
    """Are integers converted to float (s = [1, 1], y = [1, 3], g = [1, 0])?"""
    d = check(kata, [1, 0], [[1, 1]], [[1, 3]])
    assert_close(d, [-0.7, -0.1], what="d")


def test_lbfgs_direction_large_dimension(kata, rng):
    """Does a history of 10 pairs in 1000 dimensions work? (The two-loop recursion
    needs no d x d matrix; one formed explicitly, also correct, still fits the limit
    with a wide margin: about 0.1 s of CPU here, against 3 s at d = 3000.)"""
    d, m = 1000, 10
    scales = rng.uniform(1.0, 5.0, d)  # a diagonal Hessian keeps the reference cheap
    S = [rng.standard_normal(d) for _ in range(m)]
    Y = [scales * s for s in S]
    g = rng.standard_normal(d)
    f = kata.lbfgs_direction
    result = call(f, g, S, Y)

    # The reference two-loop is the matrix identity applied to vectors: H v for the
    # BFGS matrix is computed by nested products without forming H.
    def apply_H(v, k):
        if k == 0:
            return (S[-1] @ Y[-1]) / (Y[-1] @ Y[-1]) * v
        s, y = S[k - 1], Y[k - 1]
        rho = 1.0 / (y @ s)
        inner = apply_H(v - rho * (s @ v) * y, k - 1)
        return inner - rho * (y @ inner) * s + rho * (s @ v) * s

    assert_close(result, -apply_H(g, m), what="d", called=describe_call(f, g, S, Y))


@pytest.mark.parametrize(
    "g, S, Y, why",
    [
        ([[1.0, 2.0]], [], [], "g is 2-D"),
        ([], [], [], "g is empty"),
        ([1.0, 2.0], [[1.0, 0.0]], [], "one s but no y"),
        ([1.0, 2.0], [[1.0, 0.0, 0.0]], [[1.0, 0.0, 0.0]], "the pair has 3 entries, g has 2"),
        ([1.0, 2.0], [[1.0, 0.0]], [[-1.0, 0.0]], "s.T y < 0 violates the curvature condition"),
        ([1.0, 2.0], [[1.0, 0.0]], [[0.0, 1.0]], "s.T y = 0 violates the curvature condition"),
    ],
    ids=["g-2d", "g-empty", "lengths", "pair-size", "negative-curvature", "zero-curvature"],
)
def test_lbfgs_direction_rejects_bad_input(kata, g, S, Y, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.lbfgs_direction, g, S, Y, why=why)


def test_lbfgs_direction_leaves_inputs_unchanged(kata, rng):
    """Are g and every stored pair left exactly as they were?"""
    S, Y = history(rng, 5, 3)
    g = rng.standard_normal(5)
    check(kata, g, S, Y)
