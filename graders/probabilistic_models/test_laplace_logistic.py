"""Grader for probabilistic_models/laplace_logistic: laplace_logistic(X, y, alpha=1.0,
tol=1e-10, max_iter=100) -> Laplace(mean, cov, log_evidence, n_iter), Newton's method to
the MAP of Bayesian logistic regression and Laplace's approximation around it."""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
    numeric_gradient,
)

FIELDS = ("mean", "cov", "log_evidence", "n_iter")

STABLE_ADVICE = (
    "compute sigma and log sigma stably: log sigma(t) = -log(1 + e^-t) = "
    "-np.logaddexp(0, -t) and log(1 - sigma(t)) = log sigma(-t); never log(1 - sigma) or "
    "0 * log(0) when |x^T w| is 1e4"
)


def sigmoid(t):
    """sigma(t) with the exponent of a non-positive number only."""
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_sigmoid(t):
    return np.minimum(t, 0.0) - np.log1p(np.exp(-np.abs(t)))


def log_joint(X, y, alpha, w):
    """log p(y | w) + log N(w; 0, I/alpha)."""
    t = X @ w
    d = len(w)
    log_lik = np.sum(y * log_sigmoid(t) + (1 - y) * log_sigmoid(-t))
    return float(log_lik + 0.5 * d * math.log(alpha / (2 * math.pi)) - 0.5 * alpha * w @ w)


def newton(X, y, alpha, tol, max_iter, average=False, prior_precision=None):
    """Newton from 0; returns the iterates and their gradient norms. average: the mean
    log-likelihood's gradient and Hessian (a mistake)."""
    a = alpha if prior_precision is None else prior_precision
    n, d = X.shape
    scale = 1.0 / n if average else 1.0
    w = np.zeros(d)
    iterates, norms = [w], []
    while True:
        s = sigmoid(X @ w)
        g = scale * X.T @ (y - s) - a * w
        norms.append(float(np.sqrt(np.sum(g**2))))
        if norms[-1] <= tol or len(iterates) - 1 >= max_iter:
            return iterates, norms
        H = scale * np.einsum("i,ij,ik->jk", s * (1 - s), X, X) + a * np.eye(d)
        w = w + np.linalg.solve(H, g)
        iterates.append(w)


def hessian(X, alpha, w):
    s = sigmoid(X @ w)
    return np.einsum("i,ij,ik->jk", s * (1 - s), X, X) + alpha * np.eye(len(w))


def evidence(X, y, alpha, w, H):
    return (
        log_joint(X, y, alpha, w)
        + 0.5 * len(w) * math.log(2 * math.pi)
        - 0.5 * (np.linalg.slogdet(H)[1])
    )


def reference(X, y, alpha, tol, max_iter):
    """Every field, computed independently, and what the listed mistakes give."""
    iterates, norms = newton(X, y, alpha, tol, max_iter)
    w = iterates[-1]
    H = hessian(X, alpha, w)
    d = len(w)
    log_ev = evidence(X, y, alpha, w, H)
    want = {"mean": w, "cov": np.linalg.inv(H), "log_evidence": log_ev, "n_iter": len(norms) - 1}
    mean_iterates, _ = newton(X, y, alpha, tol, max_iter, average=True)
    variance_iterates, _ = newton(X, y, alpha, tol, max_iter, prior_precision=1 / alpha)
    data_only = H - alpha * np.eye(d)
    mistakes = {
        "mean": {
            "the MAP of the MEAN log-likelihood (newton_logistic's objective): sum the "
            "log-likelihood over the samples": mean_iterates[-1],
            "alpha read as the prior variance: it is the prior PRECISION, the prior is "
            "N(0, I/alpha)": variance_iterates[-1],
        },
        "cov": {
            "H instead of its inverse: cov = H^-1": H,
            "the prior left out of H: cov = (X^T W X + alpha I)^-1": (
                np.linalg.pinv(data_only) if abs(np.linalg.det(data_only)) > 1e-12 else H
            ),
        },
        "log_evidence": {
            "log_evidence without (d/2) log 2 pi": log_ev - 0.5 * d * math.log(2 * math.pi),
            "log_evidence with +1/2 log|H| (it is -1/2 log|H|)": log_ev + np.linalg.slogdet(H)[1],
            "the prior's normaliser (d/2) log(alpha/2 pi) left out of log N(w; 0, I/alpha)": (
                log_ev - 0.5 * d * math.log(alpha / (2 * math.pi))
            ),
        },
        "n_iter": {},
    }
    if len(iterates) > 1:
        mistakes["cov"]["cov at the previous iterate: evaluate H at the w you return"] = (
            np.linalg.inv(hessian(X, alpha, iterates[-2]))
        )
    return want, mistakes, norms


def run(kata, X, y, alpha=None, tol=None, max_iter=None, strict=False):
    kwargs = {
        k: v for k, v in (("alpha", alpha), ("tol", tol), ("max_iter", max_iter)) if v is not None
    }
    f = kata.laplace_logistic
    called = describe_call(f, X, y, **kwargs)
    if strict:
        result = call_strictly(f, X, y, advice=STABLE_ADVICE, **kwargs)
    else:
        result = call(f, X, y, **kwargs)
    got = dict(zip(FIELDS, fields(result, FIELDS, "laplace_logistic"), strict=True))
    return called, got, kwargs


def check(kata, X, y, alpha=None, tol=None, max_iter=None, strict=False, rtol=1e-7):
    """Call laplace_logistic, compare every field with the reference, return the fields."""
    called, got, kwargs = run(kata, X, y, alpha, tol, max_iter, strict)
    Xa, ya = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    want, mistakes, _ = reference(
        Xa, ya, kwargs.get("alpha", 1.0), kwargs.get("tol", 1e-10), kwargs.get("max_iter", 100)
    )
    for name in ("mean", "cov"):
        size = max(1e-300, float(np.abs(want[name]).max()))
        assert_close(
            got[name],
            want[name],
            rtol=rtol,
            atol=rtol * size,
            what=name,
            called=called,
            mistakes=mistakes[name],
        )
    assert_close(
        got["log_evidence"],
        want["log_evidence"],
        rtol=rtol,
        atol=rtol * max(1.0, abs(want["log_evidence"])),
        what="log_evidence",
        called=called,
        mistakes=mistakes["log_evidence"],
    )
    if np.ndim(got["log_evidence"]) != 0:
        fail(f"{called}: log_evidence should be a float, got shape {np.shape(got['log_evidence'])}")
    return got


def problem(rng, n, d, scale=1.0):
    X = rng.normal(size=(n, d)) * scale
    X[:, 0] = 1.0
    w = rng.normal(size=d)
    y = (rng.random(n) < sigmoid(X @ w)).astype(float)
    return X, y


def test_laplace_logistic_documented_example(kata):
    """X = [[1], [1]], y = [0, 1]: g(0) = 1/2 - 1/2 = 0, so w = 0 after no step; H = 2/4 + 1
    = 3/2, cov 2/3, log_evidence = 2 log(1/2) - log(3/2)/2?"""
    got = check(kata, [[1.0], [1.0]], [0, 1])
    assert_close(got["mean"], [0.0], what="mean")
    assert_close(got["cov"], [[2 / 3]], what="cov")
    assert_close(got["log_evidence"], 2 * math.log(0.5) - 0.5 * math.log(1.5), what="log_evidence")
    if got["n_iter"] != 0:
        fail(f"n_iter = {got['n_iter']}: the gradient at w = 0 is already 0, so no step is taken")


def test_laplace_logistic_one_step_by_hand(kata):
    """X = [[1]], y = [1], alpha = 1, max_iter = 1: g(0) = 1/2, H(0) = 1/4 + 1, so one step
    gives w = 0.4; cov = 1/(sigma(0.4)(1 - sigma(0.4)) + 1) at THAT w, n_iter = 1?"""
    got = check(kata, [[1.0]], [1], max_iter=1)
    s = 1 / (1 + math.exp(-0.4))
    assert_close(got["mean"], [0.4], what="mean")
    assert_close(got["cov"], [[1 / (s * (1 - s) + 1)]], what="cov")
    if got["n_iter"] != 1:
        fail(f"n_iter = {got['n_iter']} with max_iter = 1 and g(0) = 1/2: expected 1")
    got = check(kata, [[1.0]], [1], max_iter=0)
    assert_close(got["mean"], [0.0], what="mean with max_iter = 0")
    assert_close(got["cov"], [[1 / 1.25]], what="cov with max_iter = 0")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(5, 1), (30, 2), (80, 4), (200, 6)])
@pytest.mark.parametrize("alpha", [0.1, 1.0, 10.0])
def test_laplace_logistic_random_problems(kata, rng, n, d, alpha):
    """On seeded random problems: mean, cov, log_evidence against an independent Newton?"""
    X, y = problem(rng, n, d)
    check(kata, X, y, alpha=alpha)


@pytest.mark.points(2)
def test_laplace_logistic_mode_and_curvature(kata, rng):
    """Is the mean a stationary point of the log posterior (central differences), and cov
    the inverse of minus its Hessian (central differences of the gradient)?"""
    X, y = problem(rng, 40, 3)
    got = check(kata, X, y, alpha=0.5)
    w = np.asarray(got["mean"], dtype=float)
    grad = numeric_gradient(lambda v: log_joint(X, y, 0.5, v), w, h=1e-5)
    assert_close(grad, np.zeros(3), atol=1e-6 * np.sum(np.abs(X)), what="the gradient at mean")

    def analytic_free_grad(v):
        return numeric_gradient(lambda u: log_joint(X, y, 0.5, u), v, h=1e-4)

    hess = np.array(
        [
            (analytic_free_grad(w + e * 1e-3) - analytic_free_grad(w - e * 1e-3)) / 2e-3
            for e in np.eye(3)
        ]
    )
    assert_close(got["cov"], np.linalg.inv(-hess), rtol=1e-4, atol=1e-6, what="cov")


@pytest.mark.points(2)
def test_laplace_logistic_counts_its_newton_steps(kata, rng):
    """With tol placed far (a factor 100 or more) between two iterates' gradient norms,
    and with max_iter = 2: is n_iter exactly the number of steps taken?"""
    X, y = problem(rng, 50, 3)
    _, norms = newton(X, y, 1.0, 0.0, 30)
    for k in range(len(norms) - 1):
        if norms[k + 1] > 0 and norms[k] / norms[k + 1] > 1e4 and norms[k + 1] > 1e-14:
            tol = math.sqrt(norms[k] * norms[k + 1])
            got = check(kata, X, y, tol=tol)
            if got["n_iter"] != k + 1:
                fail(f"n_iter = {got['n_iter']} with tol = {tol:.3g}: expected {k + 1}")
            break
    else:
        fail("grader: no gap in the gradient norms (report this)")
    got = check(kata, X, y, max_iter=2)
    if got["n_iter"] != 2:
        fail(f"n_iter = {got['n_iter']} with max_iter = 2 and no convergence: expected 2")


@pytest.mark.points(2)
def test_laplace_logistic_stops_after_max_iter(kata, rng):
    """max_iter = 1, 2, 3: the last iterate, cov at THAT iterate, no error?"""
    X, y = problem(rng, 60, 3, scale=2.0)
    for max_iter in (1, 2, 3):
        check(kata, X, y, max_iter=max_iter)


@pytest.mark.points(2)
def test_laplace_logistic_evidence_against_quadrature(kata, rng):
    """In 1-D, is log_evidence within 0.05 of log p(y) = log of the integral of
    p(y | w) N(w; 0, 1/alpha) over w (a fine grid)?"""
    X = rng.normal(size=(40, 1))
    y = (rng.random(40) < sigmoid(1.5 * X[:, 0])).astype(float)
    got = check(kata, X, y, alpha=2.0)
    grid = np.linspace(-15, 15, 6001)
    t = grid[:, None] * X[:, 0]
    logs = np.sum(y * log_sigmoid(t) + (1 - y) * log_sigmoid(-t), axis=1)
    logs += 0.5 * math.log(2.0 / (2 * math.pi)) - grid**2
    top = logs.max()
    log_py = top + math.log(np.sum(np.exp(logs - top)) * (grid[1] - grid[0]))
    assert_close(
        got["log_evidence"], log_py, atol=0.05, rtol=0.0, what="log_evidence vs quadrature"
    )


@pytest.mark.points(3)
def test_laplace_logistic_huge_logits(kata):
    """A nearly separable direction with alpha = 1e-9: the MAP has x^T w near 1e4. Under
    strict floating point, are mean, cov and log_evidence right?

    H is nearly singular here (cov ~ 5e7) and cov grows like e^(w_0), so tol = 1e-15 is
    passed: Newton's gradient norms go 7e-11, 1e-13, 9e-17, and the default 1e-10 would
    stop at the iterate whose norm is within a factor 10 of tol, 4e-3 short of the mode in
    w_0 (cov 0.3% off), where the step count the entry grades exactly no longer is.
    """
    X = [[1, 0], [1, 0], [-1, 0], [-1, 0], [0, 1e-3], [0, 1.0], [0, 2.0]]
    y = [1, 1, 0, 0, 1, 1, 1]
    got = check(kata, X, y, alpha=1e-9, tol=1e-15, strict=True, rtol=1e-6)
    if not np.max(np.abs(np.asarray(X) @ got["mean"])) > 5e3:
        fail("grader: this case should reach logits near 1e4 (report this)")
    y = [0, 0, 1, 1, 0, 0, 0]
    check(kata, X, y, alpha=1e-9, tol=1e-15, strict=True, rtol=1e-6)


def test_laplace_logistic_labels_as_ints_floats_or_bools(kata, rng):
    """Are y = [0, 1, ...] as ints, floats and bools the same?"""
    X, y = problem(rng, 20, 2)
    a = check(kata, X, y.astype(int))
    b = check(kata, X, y.astype(float))
    c = check(kata, X, y.astype(bool))
    assert_close(a["mean"], b["mean"], rtol=1e-12, what="mean for integer labels")
    assert_close(c["mean"], b["mean"], rtol=1e-12, what="mean for boolean labels")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, kwargs, why",
    [
        ([1.0, 2.0], [0, 1], {}, "X is 1-D"),
        (np.empty((0, 2)), [], {}, "X has no rows"),
        (np.empty((2, 0)), [0, 1], {}, "X has no columns"),
        ([[1.0], [2.0]], [0, 1, 1], {}, "y has 3 labels for 2 rows"),
        ([[1.0], [2.0]], [0, 2], {}, "a label 2"),
        ([[1.0], [2.0]], [0, 0.5], {}, "a label 0.5"),
        ([[1.0], [2.0]], [0, 1], {"alpha": 0.0}, "alpha = 0"),
        ([[1.0], [2.0]], [0, 1], {"alpha": -1.0}, "alpha < 0"),
        ([[1.0], [2.0]], [0, 1], {"tol": -1e-3}, "tol < 0"),
        ([[1.0], [2.0]], [0, 1], {"max_iter": -1}, "max_iter < 0"),
        ([[1.0], [2.0]], [0, 1], {"max_iter": 2.5}, "max_iter = 2.5"),
    ],
    ids=[
        "X-1d",
        "n-0",
        "d-0",
        "y-length",
        "label-2",
        "label-half",
        "alpha-0",
        "alpha-negative",
        "tol-negative",
        "max-iter-negative",
        "max-iter-float",
    ],
)
def test_laplace_logistic_rejects_bad_input(kata, X, y, kwargs, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.laplace_logistic, X, y, why=why, **kwargs)


def test_laplace_logistic_leaves_its_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were?"""
    X, y = problem(rng, 15, 3)
    check(kata, X, y)  # call() fails the test if an argument is modified
