"""Grader for optimization/ista: ista_lasso(X, y, lam, n_iter) -> w after n_iter proximal
gradient steps w <- S_{lam/L}(w - grad f(w) / L) from w = 0, L = sigma_max(X)^2 / n.

The entry fixes every iterate, so short runs are compared with the protocol's iterates;
long runs are graded through the lasso's optimality (KKT) conditions."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe, describe_call, expect_error, fail

KKT_TOL = 1e-6


def soft(z, t):
    return np.where(z > t, z - t, np.where(z < -t, z + t, 0.0))


def lipschitz(X):
    """The largest eigenvalue of X.T X / n, by the eigenvalues of the Gram matrix."""
    X = np.asarray(X, dtype=float)
    return float(np.linalg.eigvalsh(X.T @ X).max()) / len(X)


def iterate(X, y, lam, k, L=None, threshold=None, sign=1.0):
    """k ISTA steps from 0; L, the threshold and the gradient's sign can be set wrongly."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n = len(y)
    L = lipschitz(X) if L is None else L
    t = lam / L if threshold is None else threshold
    w = np.zeros(X.shape[1])
    for _ in range(k):
        gradient = sign * (X.T @ (X @ w - y)) / n
        w = soft(w - gradient / L, t)
    return w


def mistakes(X, y, lam, k):
    X = np.asarray(X, dtype=float)
    n = len(X)
    L = lipschitz(X)
    return {
        "the threshold is lam, not lam / L (the prox of (1/L) lam ||w||_1)": iterate(
            X, y, lam, k, threshold=lam
        ),
        "L = sigma_max(X)^2 without the 1/n (the gradient is a mean over samples)": iterate(
            X, y, lam, k, L=L * n
        ),
        "L = sigma_max(X), not its square": iterate(X, y, lam, k, L=float(np.sqrt(L * n)) / n),
        "L from the Frobenius norm instead of the largest singular value": iterate(
            X, y, lam, k, L=float(np.sum(X**2)) / n
        ),
        "gradient ascent: the gradient of (1/2n)||y - Xw||^2 is -X.T (y - Xw) / n": iterate(
            X, y, lam, k, sign=-1.0
        ),
    }


def check_iterates(kata, X, y, lam, k):
    f = kata.ista_lasso
    called = describe_call(f, X, y, lam, k)
    w = call(f, X, y, lam, k)
    # The iterates are fixed by the protocol; the tolerance leaves room for the way L is
    # computed (SVD, eigenvalues, a power iteration run to 1e-9 or better) and summation
    # order, while every listed mistake changes L or the threshold by a factor.
    assert_close(
        w,
        iterate(X, y, lam, k),
        rtol=1e-6,
        atol=1e-9,
        what=f"w after {k} steps",
        called=called,
        mistakes=mistakes(X, y, lam, k),
    )
    return np.asarray(w, dtype=float)


def kkt_violation(X, y, w, lam):
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    if w.shape != (X.shape[1],) or not np.all(np.isfinite(w)):
        return np.inf
    g = X.T @ (y - X @ w) / len(y)
    off = np.where(w != 0, np.abs(g - lam * np.sign(w)), np.maximum(np.abs(g) - lam, 0.0))
    return float(off.max())


def objective(X, y, w, lam):
    r = np.asarray(y, dtype=float) - np.asarray(X, dtype=float) @ w
    return float(r @ r) / (2 * len(r)) + lam * float(np.abs(w).sum())


def design(rng, n, d, rho=0.3):
    common = rng.standard_normal((n, 1))
    return np.sqrt(rho) * common + np.sqrt(1 - rho) * rng.standard_normal((n, d))


def test_ista_lasso_documented_example(kata):
    """Does the docstring's example (X.T X = 2 I, L = 1) give [1.5, 0.5] after one step?"""
    w = check_iterates(kata, [[1.0, 1.0], [1.0, -1.0]], [3.0, 1.0], 0.5, 1)
    assert_close(w, [1.5, 0.5], what="w")


def test_ista_lasso_one_step_worked_by_hand(kata):
    """Does one step on X = [[1], [2]], y = [1, 1], lam = 0.25 give w = 0.5?

    L = 5/2; grad f(0) = -X.T y / n = -3/2; 0 + (3/2) / (5/2) = 0.6; threshold
    lam / L = 0.1 gives 0.5.
    """
    w = check_iterates(kata, [[1.0], [2.0]], [1.0, 1.0], 0.25, 1)
    assert_close(w, [0.5], what="w")


@pytest.mark.parametrize("k", [1, 2, 5, 30])
def test_ista_lasso_follows_the_protocol(kata, rng, k):
    """Are the first k iterates on random correlated designs the protocol's?"""
    X = design(rng, 40, 6, 0.5)
    y = X @ (rng.standard_normal(6) * (rng.random(6) < 0.6)) + 0.2 * rng.standard_normal(40)
    lam = 0.1 * np.abs(X.T @ y).max() / 40
    check_iterates(kata, X, y, lam, k)


def test_ista_lasso_wide_design(kata, rng):
    """Does a design with more features than samples (d > n) follow the protocol?"""
    X = rng.standard_normal((8, 15))
    y = rng.standard_normal(8)
    check_iterates(kata, X, y, 0.05, 10)


@pytest.mark.parametrize("rho", [0.0, 0.6])
def test_ista_lasso_converges_to_the_lasso_minimiser(kata, rng, rho):
    """After 3000 steps on a well-conditioned design, are the KKT conditions met to 1e-6?"""
    X = design(rng, 60, 5, rho)
    y = X @ [1.0, 0.0, -2.0, 0.0, 0.5] + 0.3 * rng.standard_normal(60)
    lam = 0.1 * np.abs(X.T @ y).max() / 60
    f = kata.ista_lasso
    called = describe_call(f, X, y, lam, 3000)
    w = call(f, X, y, lam, 3000)
    worst = kkt_violation(X, y, w, lam)
    if worst > KKT_TOL:
        fail(
            f"{called}: w = {describe(np.asarray(w, dtype=float))} is not the lasso "
            f"minimiser: the KKT conditions are off by {worst:.3g} (allowed {KKT_TOL:g})"
        )


def test_ista_lasso_objective_never_increases(kata, rng):
    """With step 1/L, does F(w_k) decrease (weakly) at every step k = 0..10?"""
    X = design(rng, 30, 4, 0.7)
    y = rng.standard_normal(30)
    lam = 0.05
    f = kata.ista_lasso
    values = [objective(X, y, np.asarray(call(f, X, y, lam, k), float), lam) for k in range(11)]
    for k in range(10):
        if values[k + 1] > values[k] + 1e-12:
            fail(
                f"ista_lasso: the objective rose from {values[k]:.10g} after {k} steps to "
                f"{values[k + 1]:.10g} after {k + 1}: with step 1/L, L = sigma_max(X)^2 / n, "
                "ISTA never increases it"
            )


def test_ista_lasso_zero_steps(kata, rng):
    """Does n_iter = 0 return the starting point w = 0?"""
    X = rng.standard_normal((10, 3))
    y = rng.standard_normal(10)
    f = kata.ista_lasso
    w = call(f, X, y, 0.1, 0)
    assert_close(w, np.zeros(3), atol=0.0, what="w", called=describe_call(f, X, y, 0.1, 0))


def test_ista_lasso_large_lam_gives_zero(kata, rng):
    """For lam above max|X.T y| / n, is every iterate exactly 0?"""
    X = rng.standard_normal((20, 4))
    y = rng.standard_normal(20)
    lam = 1.01 * np.abs(X.T @ y).max() / 20
    f = kata.ista_lasso
    w = call(f, X, y, lam, 50)
    assert_close(w, np.zeros(4), atol=0.0, what="w", called=describe_call(f, X, y, lam, 50))


def test_ista_lasso_lam_zero_is_gradient_descent(kata, rng):
    """With lam = 0, is each step plain gradient descent with step 1/L?"""
    X = design(rng, 25, 3)
    y = rng.standard_normal(25)
    check_iterates(kata, X, y, 0.0, 7)


@pytest.mark.parametrize(
    "X, y, lam, n_iter, why",
    [
        ([1.0, 2.0], [1.0, 2.0], 0.1, 5, "X is 1-D"),
        ([[1.0], [2.0]], [[1.0], [2.0]], 0.1, 5, "y is 2-D"),
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], 0.1, 5, "y has 3 entries for 2 samples"),
        (np.zeros((0, 2)), np.zeros(0), 0.1, 5, "X is empty"),
        ([[1.0], [2.0]], [1.0, 2.0], -0.1, 5, "lam is negative"),
        ([[1.0], [2.0]], [1.0, 2.0], 0.1, -1, "n_iter is negative"),
        ([[1.0], [2.0]], [1.0, 2.0], 0.1, 2.5, "n_iter is not an integer"),
    ],
    ids=["X-1d", "y-2d", "y-length", "empty", "lam<0", "n_iter<0", "n_iter-float"],
)
def test_ista_lasso_rejects_bad_input(kata, X, y, lam, n_iter, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.ista_lasso, X, y, lam, n_iter, why=why)


def test_ista_lasso_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were?"""
    X = rng.standard_normal((15, 3))
    y = rng.standard_normal(15)
    check_iterates(kata, X, y, 0.1, 5)
