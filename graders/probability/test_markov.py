"""Grader for probability/markov: stationary_distribution(P) -> pi (k,)."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error

EIGENVECTOR_OF_P = (
    "the eigenvector of P for eigenvalue 1: P 1 = 1, so that is the uniform vector. pi is "
    "a LEFT eigenvector (pi P = pi), i.e. an eigenvector of Pᵀ"
)


def left_eigenvector(P):
    """pi from the eigendecomposition of Pᵀ (eigenvalue closest to 1), scaled to sum 1."""
    w, V = np.linalg.eig(np.asarray(P, dtype=float).T)
    v = np.real(V[:, np.argmin(np.abs(w - 1.0))])
    return v / v.sum()


def check(kata, P):
    f = kata.stationary_distribution
    called = describe_call(f, P)
    pi = call(f, P)
    P = np.asarray(P, dtype=float)
    k = P.shape[0]
    want = left_eigenvector(P)
    assert_close(
        pi,
        want,
        atol=1e-10,
        what="pi",
        called=called,
        mistakes={
            EIGENVECTOR_OF_P: np.full(k, 1.0 / k),
            "pi scaled to unit length: a distribution must sum to 1": want / np.linalg.norm(want),
        },
    )
    pi = np.asarray(pi, dtype=float)
    # the defining properties, checked directly
    assert_close(pi @ P, pi, atol=1e-10, what="pi P (it must equal pi)", called=called)
    assert_close(pi.sum(), 1.0, what="the sum of pi", called=called)
    return pi


@pytest.mark.points(2)
def test_stationary_distribution_documented_example(kata):
    """Does [[0.9, 0.1], [0.5, 0.5]] give (5/6, 1/6)?

    For [[1 - a, a], [b, 1 - b]], balance pi_0 a = pi_1 b gives pi = (b, a) / (a + b).
    """
    pi = check(kata, [[0.9, 0.1], [0.5, 0.5]])
    assert_close(pi, [5 / 6, 1 / 6], what="pi")


@pytest.mark.points(2)
def test_stationary_distribution_hand_checked_cases(kata):
    """Do a two-state chain with a = 0.3, b = 0.6 and a three-state chain give their by-hand pi?

    Two states: (0.6, 0.3) / 0.9 = (2/3, 1/3). Three states: the birth-death chain
    [[0.5, 0.5, 0], [0.25, 0.5, 0.25], [0, 0.5, 0.5]] balances pi_0 / 2 = pi_1 / 4 and
    pi_1 / 4 = pi_2 / 2: pi = (1/4, 1/2, 1/4).
    """
    assert_close(check(kata, [[0.7, 0.3], [0.6, 0.4]]), [2 / 3, 1 / 3], what="pi")
    P = [[0.5, 0.5, 0.0], [0.25, 0.5, 0.25], [0.0, 0.5, 0.5]]
    assert_close(check(kata, P), [0.25, 0.5, 0.25], what="pi")


@pytest.mark.points(3)
@pytest.mark.parametrize("k", [1, 3, 8, 40])
def test_stationary_distribution_random_chains(kata, rng, k):
    """Do random (dense, irreducible) chains give the left eigenvector of P for eigenvalue 1?"""
    P = rng.dirichlet(np.ones(k) * 0.7, size=k)
    check(kata, P)


def test_stationary_distribution_sparse_chain(kata, rng):
    """Does a sparse irreducible chain (a cycle plus a few random jumps) work?"""
    k = 12
    P = np.zeros((k, k))
    for i in range(k):
        P[i, (i + 1) % k] = 0.6
        P[i, rng.integers(k)] += 0.4
    check(kata, P)


@pytest.mark.points(2)
def test_stationary_distribution_periodic_chain(kata):
    """Do periodic chains, where P^t never converges, still get pi (a linear solve)?

    The 3-cycle 0 -> 1 -> 2 -> 0 has pi uniform; the chain that alternates between {0}
    and {1, 2} (0 -> 1 or 2 with 0.25 / 0.75, both back to 0) has pi = (1/2, 1/8, 3/8).
    """
    cycle = [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
    assert_close(check(kata, cycle), [1 / 3, 1 / 3, 1 / 3], what="pi")
    bipartite = [[0.0, 0.25, 0.75], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    assert_close(check(kata, bipartite), [0.5, 0.125, 0.375], what="pi")


def test_stationary_distribution_leaves_input_unchanged(kata, rng):
    """Is P left exactly as it was?"""
    P = rng.dirichlet(np.ones(4), size=4)
    check(kata, P)  # call() compares P after the call


@pytest.mark.parametrize(
    "P, why",
    [
        ([[0.5, 0.6], [0.5, 0.5]], "row 0 sums to 1.1"),
        ([[0.5, 0.5], [0.5, 0.5 - 1e-8]], "row 1 sums to 1 - 1e-8"),
        ([[1.2, -0.2], [0.5, 0.5]], "P has a negative entry"),
        ([[0.5, 0.5]], "P is not square"),
        ([0.5, 0.5], "P is 1-D"),
        (np.zeros((0, 0)), "P is empty"),
        ([[0.5, 0.8], [0.5, 0.2]], "P is column-stochastic, not row-stochastic"),
    ],
    ids=["row_sum_above", "row_sum_below", "negative", "not_square", "1d", "empty", "columns"],
)
def test_stationary_distribution_rejects_bad_input(kata, P, why):
    """Does a P that is not row-stochastic raise ValueError with a message?"""
    expect_error(ValueError, kata.stationary_distribution, P, why=why)
