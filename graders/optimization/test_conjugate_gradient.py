"""Grader for optimization/conjugate_gradient: conjugate_gradient(A, b, tol, max_iter) -> x.
What the maths fixes is graded, not one recurrence's rounding: the k-th iterate minimises
1/2 x^T A x - b^T x over the Krylov space span{b, Ab, ..., A^(k-1) b} (computed here by
projection), the stopping rule ||r|| <= tol ||b|| picks the first such iterate, and the
converged x solves Ax = b (A SPD with condition number at most 100)."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    forbid,
    random_spd,
)

SHORTCUTS = ("numpy.linalg.solve", "numpy.linalg.inv", "scipy.*")
STEEPEST = (
    "steepest descent (p = r, alpha = r^T r / r^T A r): the directions must be A-conjugate, "
    "p <- r + beta p with beta = r_new^T r_new / r^T r"
)
ABSOLUTE = "stopped at x = 0: the stopping rule is relative, ||r|| <= tol * ||b||"
FROM_B = "started from x = b: CG starts from x = 0, with r = p = b"


def from_b(A, b, k):
    """k CG iterations started from x = b: b plus the Krylov minimiser for r0 = b - Ab."""
    A, b = np.asarray(A, float), np.asarray(b, float)
    return b + krylov_iterate(A, b - A @ b, k)


def krylov_iterate(A, b, k):
    """The minimiser of 1/2 x^T A x - b^T x over span{b, Ab, ..., A^(k-1) b}."""
    if k == 0:
        return np.zeros_like(b)
    K = np.empty((len(b), k))
    v = b / np.linalg.norm(b)
    for j in range(k):
        K[:, j] = v
        v = A @ v
        v /= np.linalg.norm(v)
    V = np.linalg.qr(K)[0]
    return V @ np.linalg.solve(V.T @ A @ V, V.T @ b)


def steepest_descent(A, b, k):
    """k steps of steepest descent with exact line search from 0."""
    x = np.zeros_like(b)
    for _ in range(k):
        r = b - A @ x
        if not r @ r > 0:
            break
        x = x + (r @ r) / (r @ A @ r) * r
    return x


def run(kata, A, b, strict=False, **params):
    f = kata.conjugate_gradient
    called = describe_call(f, A, b, **params)
    x = call_strictly(f, A, b, **params) if strict else call(f, A, b, **params)
    x = np.asarray(x, dtype=float)
    if x.shape != np.shape(b):
        fail(f"{called}: x has shape {x.shape}, expected {np.shape(b)}")
    return called, x


def check_solves(kata, A, b, **params):
    """x solves Ax = b: small residual, and close to the solution by elimination."""
    called, x = run(kata, A, b, **params)
    A, b = np.asarray(A, float), np.asarray(b, float)
    scale = np.linalg.norm(b)
    assert_close(A @ x, b, rtol=0.0, atol=1e-8 * scale, what="A @ x (the residual)", called=called)
    x_star = np.linalg.solve(A, b)
    assert_close(x, x_star, rtol=0.0, atol=1e-6 * np.linalg.norm(x_star), what="x", called=called)
    return x


@pytest.mark.points(2)
def test_conjugate_gradient_documented_example(kata):
    """Does [[4, 1], [1, 3]] x = [1, 2] give x = [1/11, 7/11]?"""
    called, x = run(kata, [[4.0, 1.0], [1.0, 3.0]], [1.0, 2.0])
    assert_close(x, [1 / 11, 7 / 11], rtol=1e-10, what="x", called=called)


def test_conjugate_gradient_first_iterate_by_hand(kata):
    """With max_iter = 1, is x the exact line-search step along b: (1/4) [1, 2]?

    r = p = b = [1, 2], Ab = [6, 7], alpha = b^T b / b^T A b = 5/20.
    """
    A, b = [[4.0, 1.0], [1.0, 3.0]], [1.0, 2.0]
    called, x = run(kata, A, b, max_iter=1)
    assert_close(
        x,
        [0.25, 0.5],
        rtol=1e-12,
        what="x after one iteration",
        called=called,
        mistakes={FROM_B: from_b(A, b, 1), "no iteration was taken": [0.0, 0.0]},
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("k", [2, 3, 4])
def test_conjugate_gradient_iterates_minimise_over_krylov_spaces(kata, rng, k):
    """After k iterations, is x the minimiser over span{b, Ab, ..., A^(k-1) b}?"""
    A = random_spd(rng, 12, smallest=1.0, condition=10.0)
    b = rng.standard_normal(12)
    called, x = run(kata, A, b, max_iter=k)
    want = krylov_iterate(A, b, k)
    assert_close(
        x,
        want,
        rtol=0.0,
        atol=1e-9 * np.linalg.norm(want),
        what=f"x after {k} iterations",
        called=called,
        mistakes={
            STEEPEST: steepest_descent(A, b, k),
            FROM_B: from_b(A, b, k),
            "one iteration too few: max_iter iterations were asked for": krylov_iterate(
                A, b, k - 1
            ),
            "one iteration too many": krylov_iterate(A, b, k + 1),
        },
    )


@pytest.mark.points(2)
def test_conjugate_gradient_three_eigenvalues_three_iterations(kata, rng):
    """For a 30 x 30 A with only 3 distinct eigenvalues, do 3 iterations solve Ax = b?"""
    Q = np.linalg.qr(rng.standard_normal((30, 30)))[0]
    values = np.repeat([1.0, 4.0, 20.0], 10)
    A = (Q * values) @ Q.T
    A = (A + A.T) / 2
    b = rng.standard_normal(30)
    called, x = run(kata, A, b, max_iter=3)
    x_star = np.linalg.solve(A, b)
    assert_close(
        x,
        x_star,
        rtol=0.0,
        atol=1e-8 * np.linalg.norm(x_star),
        what="x after 3 iterations",
        called=called,
        mistakes={STEEPEST: steepest_descent(A, b, 3)},
    )


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "n, condition, max_iter",
    [(5, 100.0, None), (8, 10.0, None), (40, 100.0, 800), (200, 100.0, None)],
)
def test_conjugate_gradient_solves_random_systems(kata, rng, n, condition, max_iter):
    """Does x solve random well-conditioned SPD systems (residual <= 1e-8 ||b||)?"""
    A = random_spd(rng, n, smallest=0.5, condition=condition)
    b = rng.standard_normal(n)
    check_solves(kata, A, b, max_iter=max_iter)


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1.0, 1e-6, 1e6])
def test_conjugate_gradient_stops_at_the_first_small_relative_residual(kata, rng, scale):
    """With tol just above the residual of iterate k >= 2, is iterate k returned, at any scale?

    The residuals ||A x_j - b|| of the Krylov minimisers are computed here; tol sits
    between the k-th and the smallest earlier one, so the stopping rule
    ||r|| <= tol ||b|| first holds at j = k.
    """
    A = random_spd(rng, 10, smallest=1.0, condition=30.0)
    b = scale * rng.standard_normal(10)
    norm_b = np.linalg.norm(b)
    residuals = [np.linalg.norm(A @ krylov_iterate(A, b, j) - b) for j in range(8)]
    k = next(j for j in range(2, 8) if residuals[j] < 0.8 * min(residuals[:j]))
    tol = np.sqrt(residuals[k] * min(residuals[:k])) / norm_b
    called, x = run(kata, A, b, tol=tol)
    want = krylov_iterate(A, b, k)
    assert_close(
        x,
        want,
        rtol=0.0,
        atol=1e-9 * np.linalg.norm(want),
        what=f"x (tol = {tol:.3g}: the first iterate with ||r|| <= tol ||b|| is number {k})",
        called=called,
        mistakes={ABSOLUTE: np.zeros(10)},
    )


def test_conjugate_gradient_default_max_iter_is_n(kata, rng):
    """Does max_iter=None stop after n iterations, exactly as max_iter=n does?"""
    A = random_spd(rng, 30, smallest=1.0, condition=100.0)
    b = rng.standard_normal(30)
    f = kata.conjugate_gradient
    called, x = run(kata, A, b)
    x_n = np.asarray(call(f, A, b, max_iter=30), dtype=float)
    assert_close(
        x,
        x_n,
        rtol=1e-13,
        atol=0.0,
        what="x with max_iter=None (compared with max_iter=n = 30)",
        called=called,
    )


def test_conjugate_gradient_zero_right_hand_side(kata):
    """Does b = 0 give x = 0 at once, with no 0/0?"""
    called, x = run(kata, [[2.0, 0.5], [0.5, 1.0]], [0.0, 0.0], strict=True)
    assert_close(x, [0.0, 0.0], rtol=0.0, atol=0.0, what="x", called=called)


def test_conjugate_gradient_exact_convergence_stops_cleanly(kata, rng):
    """For A = I and tol = 0, does it stop once r is exactly 0 (x = b, no 0/0)?"""
    b = rng.standard_normal(5)
    called, x = run(kata, np.eye(5), b, strict=True, tol=0.0)
    assert_close(x, b, rtol=1e-15, what="x", called=called)


def test_conjugate_gradient_max_iter_zero_and_one_by_one(kata):
    """Is max_iter = 0 the start x = 0, and does [[2]] x = [4] give 2?"""
    called, x = run(kata, [[2.0, 0.0], [0.0, 3.0]], [1.0, 1.0], max_iter=0)
    assert_close(x, [0.0, 0.0], rtol=0.0, atol=0.0, what="x", called=called)
    called, x = run(kata, [[2.0]], [4.0])
    assert_close(x, [2.0], rtol=1e-12, what="x", called=called)


def test_conjugate_gradient_makes_no_shortcut_call(kata, rng):
    """Does it solve the system without np.linalg.solve, inv or SciPy?"""
    A = random_spd(rng, 15, smallest=1.0, condition=20.0)
    b = rng.standard_normal(15)
    f = kata.conjugate_gradient
    called = describe_call(f, A, b, max_iter=150)
    with forbid(*SHORTCUTS, called=called):
        x = np.asarray(call(f, A, b, max_iter=150), dtype=float)
    assert_close(A @ x, b, rtol=0.0, atol=1e-8 * np.linalg.norm(b), what="A @ x", called=called)


def test_conjugate_gradient_accepts_lists_of_ints(kata):
    """Are integer A and b converted to float?"""
    called, x = run(kata, [[4, 1], [1, 3]], [1, 2])
    assert_close(x, [1 / 11, 7 / 11], rtol=1e-10, what="x", called=called)


def test_conjugate_gradient_leaves_inputs_unchanged(kata, rng):
    """Are A and b left exactly as they were (r = b must be a copy)?"""
    A = random_spd(rng, 6, smallest=1.0, condition=10.0)
    b = rng.standard_normal(6)
    check_solves(kata, A, b, max_iter=60)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, b, params, why",
    [
        ([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], [1.0, 1.0], {}, "A is not square"),
        ([1.0, 2.0], [1.0, 1.0], {}, "A is 1-D"),
        ([[1.0, 0.0], [0.0, 1.0]], [1.0, 1.0, 1.0], {}, "b has 3 entries for n = 2"),
        (np.zeros((0, 0)), np.zeros(0), {}, "the system is empty"),
        ([[1.0, 0.0], [0.0, 1.0]], [1.0, 1.0], {"tol": -1.0}, "tol is negative"),
        ([[1.0, 0.0], [0.0, 1.0]], [1.0, 1.0], {"max_iter": -1}, "max_iter is negative"),
        ([[1.0, 0.0], [0.0, 1.0]], [1.0, 1.0], {"max_iter": 2.5}, "max_iter is not whole"),
    ],
    ids=["not-square", "A-1d", "b-length", "empty", "tol", "max-iter", "max-iter-float"],
)
def test_conjugate_gradient_rejects_bad_input(kata, A, b, params, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.conjugate_gradient, A, b, why=why, **params)
