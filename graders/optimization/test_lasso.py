"""Grader for optimization/lasso: lasso_coordinate_descent(X, y, lam, n_iter, tol) -> w, the
minimiser of (1/2n)||y - Xw||^2 + lam ||w||_1 by cyclic coordinate descent from w = 0.

The optimum is graded through its optimality (KKT) conditions, which any correct solver
meets; the first sweeps are graded exactly, because the entry fixes the protocol (cyclic
updates from w = 0, each the exact minimiser along its coordinate)."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe,
    describe_call,
    expect_error,
    fail,
)

KKT_TOL = 1e-6


def soft(z, t):
    return np.where(z > t, z - t, np.where(z < -t, z + t, 0.0))


def kkt_violation(X, y, w, lam):
    """The largest violation of the lasso's KKT conditions at w (inf if w is not finite)."""
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    if w.shape != (X.shape[1],) or not np.all(np.isfinite(w)):
        return np.inf
    g = X.T @ (y - X @ w) / len(y)
    off = np.where(w != 0, np.abs(g - lam * np.sign(w)), np.maximum(np.abs(g) - lam, 0.0))
    return float(off.max())


def sweeps(X, y, lam, k, stale=False):
    """k cyclic sweeps from w = 0, the residual recomputed in full for every coordinate
    (or, stale=True, once per sweep: the classic slip)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(k):
        start = w.copy()
        for j in range(d):
            c = X[:, j] @ X[:, j] / n
            if c == 0:
                continue
            base = start if stale else w
            rho = X[:, j] @ (y - X @ base) / n + c * base[j]
            w[j] = soft(rho, lam) / c
    return w


def check_optimal(kata, X, y, lam, **kwargs):
    """Call the kata and check the KKT conditions at its w; name a wrongly scaled lam."""
    f = kata.lasso_coordinate_descent
    called = describe_call(f, X, y, lam, **kwargs)
    w = call(f, X, y, lam, **kwargs)
    d = np.shape(X)[1]
    if np.shape(w) != (d,):
        fail(f"{called} returned {describe(w)}, expected an array of shape {(d,)}")
    worst = kkt_violation(X, y, w, lam)
    if worst <= KKT_TOL:
        return np.asarray(w, dtype=float)
    n = len(y)
    lines = [
        f"{called}: w = {describe(np.asarray(w, dtype=float))} is not the lasso minimiser: "
        f"the KKT conditions are off by {worst:.3g} (allowed {KKT_TOL:g}). With "
        "g = X.T @ (y - X @ w) / n, every w_j != 0 needs g_j = lam * sign(w_j) and every "
        "w_j = 0 needs |g_j| <= lam."
    ]
    if lam > 0 and min(kkt_violation(X, y, w, lam / n), kkt_violation(X, y, w, lam * n)) <= 1e-5:
        lines.append(
            "  this is what you get from a known mistake: lam not scaled by n (the "
            "objective is (1/2n)||y - Xw||^2 + lam ||w||_1: divide x_j . r by n, or "
            "threshold at n * lam)"
        )
    elif not np.all(np.isfinite(np.asarray(w, dtype=float))):
        lines.append(
            "  w is not finite: did the updates diverge? Update the residual after every "
            "coordinate, not once per sweep (a stale residual)"
        )
    fail("\n".join(lines))


def correlated_design(rng, n, d, rho):
    """Features with pairwise correlation rho (|rho| <= 0.9), standardised scale."""
    common = rng.standard_normal((n, 1))
    return np.sqrt(rho) * common + np.sqrt(1 - rho) * rng.standard_normal((n, d))


def check_sweeps(kata, X, y, lam, k, **kwargs):
    f = kata.lasso_coordinate_descent
    called = describe_call(f, X, y, lam, n_iter=k, **kwargs)
    w = call(f, X, y, lam, n_iter=k, **kwargs)
    n = len(y)
    assert_close(
        w,
        sweeps(X, y, lam, k),
        what=f"w after {k} sweep(s)",
        called=called,
        mistakes={
            "a stale residual: it must be updated after every coordinate, not once per "
            "sweep": sweeps(X, y, lam, k, stale=True),
            "lam not scaled by n (the objective is (1/2n)||y - Xw||^2)": sweeps(X, y, lam / n, k),
            "lam scaled twice by n (the objective is (1/2n)||y - Xw||^2)": sweeps(X, y, lam * n, k),
        },
    )
    return w


def test_lasso_coordinate_descent_documented_example(kata):
    """Does the docstring's example (orthogonal columns) give [1.5, 0.5]?"""
    w = check_optimal(kata, [[1.0, 1.0], [1.0, -1.0]], [3.0, 1.0], 0.5)
    assert_close(w, [1.5, 0.5], what="w")


def test_lasso_coordinate_descent_orthogonal_design_closed_form(kata):
    """With X.T @ X = n I, is w the soft-thresholded X.T @ y / n?

    X is the 4 x 4 Hadamard matrix (X.T X = 4 I, n = 4) and y = [4, 2, 0, -2], so
    X.T y / n = [1, 1, 2, 0]; soft-thresholded at lam = 0.75 it gives [0.25, 0.25, 1.25, 0].
    """
    H = np.array([[1, 1, 1, 1], [1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1]], dtype=float)
    y = np.array([4.0, 2.0, 0.0, -2.0])
    lam = 0.75
    f = kata.lasso_coordinate_descent
    w = call(f, H, y, lam)
    z = H.T @ y / 4
    assert_close(
        w,
        soft(z, lam),
        what="w",
        called=describe_call(f, H, y, lam),
        mistakes={
            "lam not scaled by n (the objective is (1/2n)||y - Xw||^2)": soft(z, lam / 4),
            "lam scaled twice by n (the objective is (1/2n)||y - Xw||^2)": soft(z, lam * 4),
        },
    )
    assert_close(w, [0.25, 0.25, 1.25, 0.0], what="w")


def test_lasso_coordinate_descent_one_sweep_is_cyclic_from_zero(kata, rng):
    """Does n_iter = 1 give exactly one cyclic sweep j = 0..d-1 from w = 0?"""
    X = correlated_design(rng, 30, 4, 0.6)
    y = X @ [1.0, -2.0, 0.0, 0.5] + 0.3 * rng.standard_normal(30)
    check_sweeps(kata, X, y, 0.05, 1)


def test_lasso_coordinate_descent_three_sweeps(kata, rng):
    """Do three sweeps, the residual current after every update, give the protocol's w?"""
    X = correlated_design(rng, 25, 5, 0.8)
    y = X @ [2.0, 0.0, -1.0, 0.0, 1.0] + 0.2 * rng.standard_normal(25)
    check_sweeps(kata, X, y, 0.1, 3)


def test_lasso_coordinate_descent_stops_when_nothing_moves_more_than_tol(kata, rng):
    """With a tol no move exceeds, does it stop after the first sweep?"""
    X = correlated_design(rng, 30, 4, 0.5)
    y = X @ [1.0, 2.0, 0.0, -1.0] + 0.1 * rng.standard_normal(30)
    f = kata.lasso_coordinate_descent
    called = describe_call(f, X, y, 0.05, n_iter=500, tol=1e6)
    w = call(f, X, y, 0.05, n_iter=500, tol=1e6)
    assert_close(
        w,
        sweeps(X, y, 0.05, 1),
        what="w (the first sweep moves nothing by more than tol = 1e6)",
        called=called,
        mistakes={
            "tol is ignored: the sweeps must stop once no coordinate moves more than tol": (
                sweeps(X, y, 0.05, 500)
            )
        },
    )


@pytest.mark.parametrize("rho", [0.0, 0.5, 0.9])
def test_lasso_coordinate_descent_meets_the_kkt_conditions(kata, rng, rho):
    """On random designs with correlation up to 0.9, are the KKT conditions met to 1e-6?"""
    for n, d in [(40, 5), (60, 8)]:
        X = correlated_design(rng, n, d, rho)
        w_true = rng.standard_normal(d) * (rng.random(d) < 0.6)
        y = X @ w_true + 0.1 * rng.standard_normal(n)
        lam_max = np.abs(X.T @ y).max() / n
        for frac in (0.02, 0.2, 0.6):
            check_optimal(kata, X, y, frac * lam_max)


def test_lasso_coordinate_descent_lam_above_lam_max_gives_zero(kata, rng):
    """For lam just above max|X.T y| / n, is w exactly 0?"""
    X = rng.standard_normal((20, 4))
    y = rng.standard_normal(20)
    lam_max = np.abs(X.T @ y).max() / 20
    f = kata.lasso_coordinate_descent
    for lam in (1.000001 * lam_max, 3 * lam_max):
        w = call(f, X, y, lam)
        assert_close(w, np.zeros(4), atol=0.0, what="w", called=describe_call(f, X, y, lam))


def test_lasso_coordinate_descent_lam_zero_is_least_squares(kata, rng):
    """With lam = 0, does w solve the normal equations X.T (y - X w) = 0?"""
    X = correlated_design(rng, 30, 4, 0.3)
    y = rng.standard_normal(30)
    w = check_optimal(kata, X, y, 0.0)
    assert_close(X.T @ (y - X @ w) / 30, np.zeros(4), atol=1e-6, what="X.T (y - X w) / n")


def test_lasso_coordinate_descent_zero_column(kata, rng):
    """Does a feature that is all zeros get w_j = 0 without dividing by zero?"""
    X = rng.standard_normal((20, 3))
    X[:, 1] = 0.0
    y = X @ [1.0, 5.0, -1.0] + 0.1 * rng.standard_normal(20)
    f = kata.lasso_coordinate_descent
    w = call_strictly(
        f, X, y, 0.05, advice="skip a column whose squared norm is 0: its weight stays 0"
    )
    if not np.isfinite(w[1]) or w[1] != 0:
        fail(f"{describe_call(f, X, y, 0.05)}: w[1] = {w[1]!r} for an all-zero column, expected 0")
    check_optimal(kata, X, y, 0.05)


def test_lasso_coordinate_descent_zero_iterations(kata, rng):
    """Does n_iter = 0 return the starting point w = 0?"""
    X = rng.standard_normal((10, 3))
    y = rng.standard_normal(10)
    f = kata.lasso_coordinate_descent
    w = call(f, X, y, 0.1, n_iter=0)
    assert_close(w, np.zeros(3), atol=0.0, what="w", called=describe_call(f, X, y, 0.1, n_iter=0))


def test_lasso_coordinate_descent_larger_problem(kata, rng):
    """Does a 300 x 30 problem reach the KKT conditions?"""
    X = correlated_design(rng, 300, 30, 0.4)
    y = X @ (rng.standard_normal(30) * (rng.random(30) < 0.3)) + 0.5 * rng.standard_normal(300)
    check_optimal(kata, X, y, 0.05)


@pytest.mark.parametrize(
    "X, y, lam, kwargs, why",
    [
        ([1.0, 2.0], [1.0, 2.0], 0.1, {}, "X is 1-D"),
        ([[1.0], [2.0]], [[1.0], [2.0]], 0.1, {}, "y is 2-D"),
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], 0.1, {}, "y has 3 entries for 2 samples"),
        (np.zeros((0, 2)), np.zeros(0), 0.1, {}, "X is empty"),
        ([[1.0], [2.0]], [1.0, 2.0], -0.1, {}, "lam is negative"),
        ([[1.0], [2.0]], [1.0, 2.0], 0.1, {"n_iter": -1}, "n_iter is negative"),
        ([[1.0], [2.0]], [1.0, 2.0], 0.1, {"tol": -1.0}, "tol is negative"),
    ],
    ids=["X-1d", "y-2d", "y-length", "empty", "lam<0", "n_iter<0", "tol<0"],
)
def test_lasso_coordinate_descent_rejects_bad_input(kata, X, y, lam, kwargs, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.lasso_coordinate_descent, X, y, lam, why=why, **kwargs)


def test_lasso_coordinate_descent_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were?"""
    X = rng.standard_normal((15, 3))
    y = rng.standard_normal(15)
    check_optimal(kata, X, y, 0.1)
