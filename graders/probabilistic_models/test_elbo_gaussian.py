"""Grader for probabilistic_models/elbo_gaussian: elbo_gaussian(X, y, alpha, beta, q_mean,
q_log_std) -> ELBO(elbo, grad_mean, grad_log_std), the closed-form evidence lower bound of
mean-field Bayesian linear regression and its gradients."""

import itertools
import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
    fields,
    numeric_gradient,
)

FIELDS = ("elbo", "grad_mean", "grad_log_std")

NODES, WEIGHTS = np.polynomial.hermite_e.hermegauss(3)  # exact for cubics under N(0, 1)
WEIGHTS = WEIGHTS / math.sqrt(2 * math.pi)


def log_joint(X, y, alpha, beta, w):
    """log N(y; Xw, I/beta) + log N(w; 0, I/alpha)."""
    n, d = X.shape
    r = y - X @ w
    return (
        0.5 * n * math.log(beta / (2 * math.pi))
        - 0.5 * beta * float(r @ r)
        + 0.5 * d * math.log(alpha / (2 * math.pi))
        - 0.5 * alpha * float(w @ w)
    )


def elbo_by_quadrature(X, y, alpha, beta, m, log_s, prior_precision=None):
    """E_q[log p(y, w) - log q(w)] by tensor-product Gauss-Hermite quadrature: exact,
    since the integrand is quadratic in w."""
    a = alpha if prior_precision is None else prior_precision
    s = np.exp(log_s)
    total = 0.0
    for index in itertools.product(range(len(NODES)), repeat=len(m)):
        z = NODES[list(index)]
        w = m + s * z
        log_q = float(np.sum(-0.5 * z**2 - 0.5 * math.log(2 * math.pi) - log_s))
        total += float(np.prod(WEIGHTS[list(index)])) * (log_joint(X, y, a, beta, w) - log_q)
    return total


def reference(X, y, alpha, beta, m, log_s):
    """Expected fields (gradients by central differences of the quadrature), and what the
    listed mistakes give."""
    want = {
        "elbo": elbo_by_quadrature(X, y, alpha, beta, m, log_s),
        "grad_mean": numeric_gradient(
            lambda v: elbo_by_quadrature(X, y, alpha, beta, v, log_s), m, h=1e-5
        ),
        "grad_log_std": numeric_gradient(
            lambda v: elbo_by_quadrature(X, y, alpha, beta, m, v), log_s, h=1e-5
        ),
    }
    s = np.exp(log_s)
    c = np.sum(X**2, axis=0)
    d = len(m)
    mistakes = {
        "elbo": {
            "the plug-in likelihood log p(y | m): E_q[||y - Xw||^2] also has the term "
            "sum_j s_j^2 c_j": want["elbo"] + 0.5 * beta * float(s**2 @ c),
            "E[w_j^2] as m_j^2 + s_j (the std for the variance): it is m_j^2 + s_j^2": (
                want["elbo"]
                - 0.5 * beta * float((s - s**2) @ c)
                - 0.5 * alpha * float(np.sum(s - s**2))
            ),
            "the entropy without its (1/2) log(2 pi e) per coordinate": want["elbo"]
            - 0.5 * d * math.log(2 * math.pi * math.e),
            "the entropy with (1/2) log(2 pi) per coordinate: it is (1/2) log(2 pi e), the "
            "1/2 forgotten": want["elbo"] - 0.5 * d,
            "alpha read as the prior variance: it is the prior PRECISION": elbo_by_quadrature(
                X, y, alpha, beta, m, log_s, prior_precision=1 / alpha
            ),
        },
        "grad_mean": {
            "alpha read as the prior variance: grad_mean = beta X^T (y - Xm) - m / alpha": (
                want["grad_mean"] + alpha * m - m / alpha
            ),
        },
        "grad_log_std": {
            "the derivative with respect to s_j, not log s_j: multiply it by s_j (chain rule)": (
                want["grad_log_std"] / s
            ),
            "alpha read as the prior variance": 1 - s**2 * (beta * c + 1 / alpha),
            "grad_log_std without the entropy's +1 (d/d log s_j of log s_j)": (
                -(s**2) * (beta * c + alpha)
            ),
        },
    }
    return want, mistakes


def check(kata, X, y, alpha, beta, m, log_s):
    """Call elbo_gaussian, compare every field with the reference, return the fields."""
    f = kata.elbo_gaussian
    called = describe_call(f, X, y, alpha, beta, m, log_s)
    got = dict(
        zip(
            FIELDS,
            fields(call(f, X, y, alpha, beta, m, log_s), FIELDS, "elbo_gaussian"),
            strict=True,
        )
    )
    X, y, m, log_s = (np.asarray(a, dtype=float) for a in (X, y, m, log_s))
    want, mistakes = reference(X, y, alpha, beta, m, log_s)
    if np.ndim(got["elbo"]) != 0:
        fail(f"{called}: elbo should be a float, got shape {np.shape(got['elbo'])}")
    size = abs(want["elbo"]) + beta * float(y @ y) + len(y) + len(m)
    assert_close(
        got["elbo"],
        want["elbo"],
        rtol=1e-9,
        atol=1e-9 * size,
        what="elbo",
        called=called,
        mistakes=mistakes["elbo"],
    )
    for name in ("grad_mean", "grad_log_std"):
        scale = 1.0 + float(np.abs(want[name]).max()) + beta * float(np.abs(X).sum()) ** 2
        assert_close(
            got[name],
            want[name],
            rtol=1e-5,
            atol=1e-7 * scale,
            what=name,
            called=called,
            mistakes=mistakes[name],
        )
    return got


def posterior(X, alpha, beta, y):
    cov = np.linalg.inv(alpha * np.eye(X.shape[1]) + beta * X.T @ X)
    return beta * cov @ X.T @ y, cov


def log_evidence(X, y, alpha, beta):
    """log N(y; 0, I/beta + X X^T / alpha)."""
    C = np.eye(len(y)) / beta + X @ X.T / alpha
    _, log_det = np.linalg.slogdet(C)
    return -0.5 * (len(y) * math.log(2 * math.pi) + log_det + y @ np.linalg.solve(C, y))


def problem(rng, n, d):
    X = rng.normal(size=(n, d))
    y = X @ rng.normal(size=d) + 0.5 * rng.normal(size=n)
    return X, y, rng.normal(size=d), rng.normal(-1.0, 0.5, size=d)


def test_elbo_gaussian_documented_example(kata):
    """X = [[1]], y = [1], alpha = beta = 1 and q the exact posterior N(1/2, 1/2): the bound
    is tight, ELBO = log N(1; 0, 2) = -log(4 pi)/2 - 1/4, and both gradients are 0?"""
    got = check(kata, [[1.0]], [1.0], 1.0, 1.0, [0.5], [0.5 * math.log(0.5)])
    assert_close(got["elbo"], -0.5 * math.log(4 * math.pi) - 0.25, what="elbo")
    assert_close(got["grad_mean"], [0.0], atol=1e-12, what="grad_mean")
    assert_close(got["grad_log_std"], [0.0], atol=1e-12, what="grad_log_std")


def test_elbo_gaussian_small_case_worked_by_hand(kata):
    """X = [[2]], y = [1], alpha = 1, beta = 2, m = 0, s = 1: E log p(y|w) = (1/2) log(1/pi)
    - (1 + 4), E log p(w) = -(1/2) log 2 pi - 1/2, H = (1/2) log 2 pi e; grad_mean =
    2 * 2 * 1 = 4, grad_log_std = 1 - (2 * 4 + 1) = -8?"""
    got = check(kata, [[2.0]], [1.0], 1.0, 2.0, [0.0], [0.0])
    want = 0.5 * math.log(1 / math.pi) - 5 - 0.5 * math.log(2 * math.pi) - 0.5
    want += 0.5 * math.log(2 * math.pi * math.e)
    assert_close(got["elbo"], want, what="elbo")
    assert_close(got["grad_mean"], [4.0], what="grad_mean")
    assert_close(got["grad_log_std"], [-8.0], what="grad_log_std")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(1, 1), (5, 2), (20, 3), (50, 4)])
@pytest.mark.parametrize("alpha, beta", [(1.0, 1.0), (0.1, 10.0), (5.0, 0.2)])
def test_elbo_gaussian_random_cases(kata, rng, n, d, alpha, beta):
    """On seeded random problems and q: ELBO against Gauss-Hermite quadrature of
    E_q[log p(y, w) - log q(w)], gradients against its central differences?"""
    X, y, m, log_s = problem(rng, n, d)
    check(kata, X, y, alpha, beta, m, log_s)


@pytest.mark.points(2)
def test_elbo_gaussian_is_a_lower_bound(kata, rng):
    """For random q, is ELBO <= log p(y) = log N(y; 0, I/beta + X X^T/alpha)?"""
    for _ in range(5):
        X, y, m, log_s = problem(rng, 12, 3)
        got = check(kata, X, y, 0.7, 2.0, m, log_s)
        bound = log_evidence(X, y, 0.7, 2.0)
        if not got["elbo"] <= bound + 1e-9 * abs(bound):
            fail(f"ELBO = {got['elbo']} exceeds log p(y) = {bound}: it must be a lower bound")


@pytest.mark.points(2)
def test_elbo_gaussian_tight_at_the_exact_posterior(kata, rng):
    """With orthogonal columns (X^T X diagonal) the posterior factorises: at q = the exact
    posterior, is ELBO = log p(y) and are both gradients 0?"""
    Q, _ = np.linalg.qr(rng.normal(size=(10, 3)))
    X = Q * [1.0, 3.0, 0.5]
    y = rng.normal(size=10)
    mean, cov = posterior(X, 1.5, 4.0, y)
    got = check(kata, X, y, 1.5, 4.0, mean, 0.5 * np.log(np.diag(cov)))
    bound = log_evidence(X, y, 1.5, 4.0)
    assert_close(got["elbo"], bound, rtol=1e-9, atol=1e-9, what="ELBO at the exact posterior")
    assert_close(got["grad_mean"], np.zeros(3), atol=1e-9, what="grad_mean at the optimum")
    assert_close(got["grad_log_std"], np.zeros(3), atol=1e-9, what="grad_log_std at the optimum")


@pytest.mark.points(2)
def test_elbo_gaussian_gradients_vanish_at_the_mean_field_optimum(kata, rng):
    """For correlated columns: at m = the posterior mean and s_j^2 = 1/(alpha + beta c_j),
    are both gradients 0, and is the ELBO strictly below log p(y)?"""
    X = rng.normal(size=(15, 3)) @ [[1.0, 0.8, 0.0], [0.0, 1.0, 0.5], [0.0, 0.0, 1.0]]
    y = rng.normal(size=15)
    mean, _ = posterior(X, 0.5, 3.0, y)
    log_s = -0.5 * np.log(0.5 + 3.0 * np.sum(X**2, axis=0))
    got = check(kata, X, y, 0.5, 3.0, mean, log_s)
    assert_close(got["grad_mean"], np.zeros(3), atol=1e-9, what="grad_mean at the optimum")
    assert_close(got["grad_log_std"], np.zeros(3), atol=1e-9, what="grad_log_std at the optimum")
    if not got["elbo"] < log_evidence(X, y, 0.5, 3.0):
        fail("with correlated columns a factorised q cannot reach log p(y)")


def test_elbo_gaussian_result_types(kata, rng):
    """Is elbo a float and are grad_mean, grad_log_std arrays of shape (d,)?"""
    X, y, m, log_s = problem(rng, 6, 4)
    got = check(kata, X, y, 1.0, 1.0, m, log_s)
    float(got["elbo"])
    for name in ("grad_mean", "grad_log_std"):
        if np.shape(got[name]) != (4,):
            fail(f"{name} has shape {np.shape(got[name])}: expected (4,)")


GOOD = ([[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0], 1.0, 1.0, [0.0, 0.0], [0.0, 0.0])


def bad(index, value):
    args = list(GOOD)
    args[index] = value
    return tuple(args)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        (bad(0, [1.0, 2.0]), "X is 1-D"),
        (bad(0, np.empty((0, 2))), "X has no rows"),
        (bad(1, [1.0, 2.0, 3.0]), "y has 3 entries for 2 rows"),
        (bad(2, 0.0), "alpha = 0"),
        (bad(2, -1.0), "alpha < 0"),
        (bad(3, 0.0), "beta = 0"),
        (bad(3, np.inf), "beta infinite"),
        (bad(4, [0.0]), "q_mean has 1 entry for d = 2"),
        (bad(5, [0.0, 0.0, 0.0]), "q_log_std has 3 entries for d = 2"),
        (bad(5, [[0.0, 0.0]]), "q_log_std is 2-D"),
    ],
    ids=[
        "X-1d",
        "n-0",
        "y-length",
        "alpha-0",
        "alpha-negative",
        "beta-0",
        "beta-inf",
        "mean-length",
        "log-std-length",
        "log-std-2d",
    ],
)
def test_elbo_gaussian_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.elbo_gaussian, *args, why=why)


def test_elbo_gaussian_leaves_its_inputs_unchanged(kata, rng):
    """Are X, y, q_mean and q_log_std left exactly as they were?"""
    X, y, m, log_s = problem(rng, 8, 2)
    check(kata, X, y, 1.0, 2.0, m, log_s)  # call() fails the test if an argument is modified
