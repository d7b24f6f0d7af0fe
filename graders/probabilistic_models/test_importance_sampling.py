"""Grader for probabilistic_models/importance_sampling: importance_sampling(log_p, log_q,
f_values) -> IS(estimate, ess, log_mean_weight), self-normalised importance sampling."""

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
)

FIELDS = ("estimate", "ess", "log_mean_weight")

SHIFT_ADVICE = (
    "exponentiate the log weights only after subtracting their maximum (log-sum-exp): "
    "exp(1e4) overflows and exp(-1e4) underflows to 0, giving 0/0"
)


def log_sum_exp(values):
    """log sum exp(values), one term at a time with math (no array tricks)."""
    top = max(values)
    if top == -math.inf:
        return -math.inf
    return top + math.log(math.fsum(math.exp(v - top) for v in values))


def reference(log_p, log_q, f_values):
    """Estimate, ESS and log mean weight with Python floats, and what mistakes give."""
    log_p = [float(v) for v in np.asarray(log_p, dtype=float)]
    log_q = [float(v) for v in np.asarray(log_q, dtype=float)]
    f = np.asarray(f_values, dtype=float)
    n = len(log_p)
    ell = [a - b for a, b in zip(log_p, log_q, strict=True)]
    norm = log_sum_exp(ell)
    w = np.array([math.exp(v - norm) for v in ell])
    estimate = np.tensordot(w, f, axes=(0, 0))
    want = {
        "estimate": estimate,
        "ess": 1.0 / math.fsum(v * v for v in w),
        "log_mean_weight": norm - math.log(n),
    }
    inverse = [b - a if a > -math.inf else math.inf for a, b in zip(log_p, log_q, strict=True)]
    mistakes = {"estimate": {}, "ess": {}, "log_mean_weight": {}}
    if all(v < math.inf for v in inverse):
        inv_norm = log_sum_exp(inverse)
        inv_w = np.array([math.exp(v - inv_norm) for v in inverse])
        mistakes["estimate"]["weights q/p (log_q - log_p) instead of p/q"] = np.tensordot(
            inv_w, f, axes=(0, 0)
        )
    if max(abs(v) for v in ell if v > -math.inf) < 30:
        raw = np.array([math.exp(v) for v in ell])
        mistakes["estimate"][
            "the unnormalised estimate (1/n) sum w_i f_i: divide by the sum of the weights"
        ] = np.tensordot(raw, f, axes=(0, 0)) / n
        mistakes["ess"]["the ESS from the raw weights, 1/sum w_i^2: normalise them first"] = (
            1.0 / float(np.sum(raw**2))
        )
    mistakes["log_mean_weight"][
        "logsumexp of the log weights without - log n: it is the log of their MEAN"
    ] = norm
    top = max(ell)
    if abs(top) > 1e-6:
        mistakes["log_mean_weight"][
            "the shift not added back: log mean weight = max l + log(sum exp(l - max l)) - log n"
        ] = norm - top - math.log(n)
    return want, mistakes


def check(kata, log_p, log_q, f_values, strict=False):
    """Call importance_sampling, compare every field with the reference, return them."""
    f = kata.importance_sampling
    called = describe_call(f, log_p, log_q, f_values)
    if strict:
        result = call_strictly(f, log_p, log_q, f_values, advice=SHIFT_ADVICE)
    else:
        result = call(f, log_p, log_q, f_values)
    got = dict(zip(FIELDS, fields(result, FIELDS, "importance_sampling"), strict=True))
    if np.ndim(f_values) == 1 and np.ndim(got["estimate"]) != 0:
        fail(
            f"{called}: estimate has shape {np.shape(got['estimate'])} for 1-D f_values: "
            "return a float"
        )
    want, mistakes = reference(log_p, log_q, f_values)
    scale = max(1.0, float(np.max(np.abs(np.asarray(f_values, dtype=float)), initial=0.0)))
    ell = np.asarray(log_p, dtype=float) - np.asarray(log_q, dtype=float)
    ell_size = max(1.0, float(np.max(np.abs(ell[np.isfinite(ell)]))))
    tolerance = {
        "estimate": {"rtol": 1e-9, "atol": 1e-9 * scale},
        "ess": {"rtol": 1e-9, "atol": 0.0},
        "log_mean_weight": {"rtol": 1e-12, "atol": 1e-12 * ell_size},
    }
    for name in FIELDS:
        assert_close(
            got[name],
            want[name],
            what=name,
            called=called,
            mistakes=mistakes[name],
            **tolerance[name],
        )
    return got


def test_importance_sampling_documented_example(kata):
    """Weights 1 and 3 (normalised 1/4, 3/4) on f = 1, 5: estimate 4, ESS 1/(1/16 + 9/16)
    = 1.6, log mean weight log 2?"""
    got = check(kata, [0.0, math.log(3.0)], [0.0, 0.0], [1.0, 5.0])
    assert_close(got["estimate"], 4.0, what="estimate")
    assert_close(got["ess"], 1.6, what="ess")
    assert_close(got["log_mean_weight"], math.log(2.0), what="log_mean_weight")


def test_importance_sampling_small_cases_worked_by_hand(kata):
    """Small cases worked by hand?

    Equal log weights c: every weight 1/n, the estimate is the mean of f, ESS = n and the
    log mean weight is c. Weights 1, 1, 2 (log_p - log_q = 0, 0, log 2) on f = 0, 4, 8:
    normalised 1/4, 1/4, 1/2, estimate 5, ESS 1/(1/16 + 1/16 + 1/4) = 8/3, log mean
    weight log(4/3).
    """
    got = check(kata, [1.5, 2.5, 3.5, 4.5], [-0.5, 0.5, 1.5, 2.5], [1.0, 2.0, 3.0, 6.0])
    assert_close(got["estimate"], 3.0, what="estimate")
    assert_close(got["ess"], 4.0, what="ess")
    assert_close(got["log_mean_weight"], 2.0, what="log_mean_weight")
    got = check(kata, [0.0, 0.0, math.log(2.0)], [0.0, 0.0, 0.0], [0.0, 4.0, 8.0])
    assert_close(got["estimate"], 5.0, what="estimate")
    assert_close(got["ess"], 8.0 / 3.0, what="ess")
    assert_close(got["log_mean_weight"], math.log(4.0 / 3.0), what="log_mean_weight")


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [1, 2, 7, 50, 400])
def test_importance_sampling_random_cases(kata, rng, n):
    """On seeded random log densities and f values, is every field right?"""
    for _ in range(5):
        log_p = rng.normal(0.0, 2.0, size=n) + rng.normal(0, 5)
        log_q = rng.normal(0.0, 2.0, size=n)
        check(kata, log_p, log_q, rng.normal(0.0, 3.0, size=n))


@pytest.mark.points(2)
def test_importance_sampling_several_functions_at_once(kata, rng):
    """With f_values of shape (n, k), is the estimate a (k,) array whose column j is the
    estimate for f_values[:, j] alone, and the other fields floats?"""
    n, k = 30, 4
    log_p, log_q = rng.normal(size=n), rng.normal(size=n)
    f_values = rng.normal(size=(n, k)) * [1.0, 10.0, 1e-3, 1e3]
    got = check(kata, log_p, log_q, f_values)
    estimate = np.asarray(got["estimate"])
    if estimate.shape != (k,):
        fail(f"estimate has shape {estimate.shape} for f_values of shape {(n, k)}: expected ({k},)")
    for j in range(k):
        alone = check(kata, log_p, log_q, f_values[:, j])
        assert_close(estimate[j], alone["estimate"], rtol=1e-12, what=f"estimate[{j}]")
    one = check(kata, log_p, log_q, f_values[:, :1])
    if np.asarray(one["estimate"]).shape != (1,):
        fail("for f_values of shape (n, 1) the estimate should have shape (1,)")


def test_importance_sampling_returns_floats_for_1d(kata, rng):
    """For 1-D f_values, are estimate, ess and log_mean_weight plain scalars?"""
    got = check(kata, rng.normal(size=6), rng.normal(size=6), rng.normal(size=6))
    for name in FIELDS:
        if np.ndim(got[name]) != 0:
            fail(f"{name} has shape {np.shape(got[name])} for 1-D f_values: return a float")
        float(got[name])


@pytest.mark.points(2)
def test_importance_sampling_ess_bounds_and_scale_invariance(kata, rng):
    """Is 1 <= ESS <= n, and does adding a constant to log_p change only log_mean_weight
    (by that constant)?"""
    n = 25
    log_p, log_q, f_values = rng.normal(0, 3, n), rng.normal(size=n), rng.normal(size=n)
    got = check(kata, log_p, log_q, f_values)
    if not 1.0 - 1e-12 <= got["ess"] <= n * (1 + 1e-12):
        fail(f"ess = {got['ess']} is outside [1, n = {n}]")
    shifted = check(kata, log_p + 123.0, log_q, f_values)
    assert_close(shifted["estimate"], got["estimate"], rtol=1e-9, atol=1e-12, what="estimate")
    assert_close(shifted["ess"], got["ess"], rtol=1e-9, what="ess")
    assert_close(
        shifted["log_mean_weight"],
        got["log_mean_weight"] + 123.0,
        rtol=1e-12,
        what="log_mean_weight",
    )


@pytest.mark.points(2)
def test_importance_sampling_recovers_a_known_target(kata, rng):
    """With 20000 draws of q = N(0, 2^2) and the unnormalised target exp(-(x - 1)^2 / 2)
    (Z_p = sqrt(2 pi)), is E_p[x] near 1, E_p[x^2] near 2 and log_mean_weight near
    log Z_p = log sqrt(2 pi)?"""
    x = rng.normal(0.0, 2.0, size=20_000)
    log_p = -0.5 * (x - 1.0) ** 2
    log_q = -0.5 * (x / 2.0) ** 2 - math.log(2.0 * math.sqrt(2 * math.pi))
    got = check(kata, log_p, log_q, np.column_stack([x, x**2]))
    assert_close(got["estimate"], [1.0, 2.0], atol=0.08, rtol=0.0, what="estimate of E_p[x, x^2]")
    assert_close(
        got["log_mean_weight"], 0.5 * math.log(2 * math.pi), atol=0.03, what="log_mean_weight"
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("centre", [1e4, -1e4], ids=["plus-1e4", "minus-1e4"])
def test_importance_sampling_huge_log_weights(kata, rng, centre):
    """With every log weight near +1e4 (exp overflows) or -1e4 (exp underflows to 0,
    then 0/0), under strict floating point: still right?"""
    n = 12
    log_q = rng.normal(size=n)
    log_p = centre + log_q + rng.normal(0, 1.5, size=n)
    check(kata, log_p, log_q, rng.normal(size=n), strict=True)


@pytest.mark.points(2)
def test_importance_sampling_log_weights_spread_wide(kata, rng):
    """With log weights spread from 0 to -3000 (most weights underflow after the shift)
    and a weight of exactly 0 (log_p = -inf), under strict floating point: right?"""
    n = 10
    log_q = rng.normal(size=n)
    log_p = rng.uniform(-3000.0, 0.0, size=n)
    log_p[[0, 1]] = 0.0, -3000.0
    log_p[3] = -np.inf
    f_values = rng.normal(size=n)
    got = check(kata, log_p, log_q, f_values, strict=True)
    keep = np.arange(n) != 3
    alone = check(kata, log_p[keep], log_q[keep], f_values[keep], strict=True)
    assert_close(got["estimate"], alone["estimate"], rtol=1e-12, what="estimate with a 0 weight")
    assert_close(got["ess"], alone["ess"], rtol=1e-12, what="ess with a 0 weight")
    one = np.full(n, -np.inf)
    one[5] = 0.0
    got = check(kata, one, log_q, f_values, strict=True)
    assert_close(got["estimate"], f_values[5], rtol=1e-12, what="estimate with one weight")
    assert_close(got["ess"], 1.0, what="ess with a single non-zero weight")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "log_p, log_q, f_values, why",
    [
        ([[0.0, 1.0]], [[0.0, 1.0]], [[1.0, 2.0]], "log_p and log_q are 2-D"),
        ([], [], [], "no draws (n = 0)"),
        ([0.0, 1.0], [0.0, 1.0, 2.0], [1.0, 2.0], "log_q has 3 entries, log_p 2"),
        ([0.0, np.nan], [0.0, 0.0], [1.0, 2.0], "log_p holds nan"),
        ([0.0, np.inf], [0.0, 0.0], [1.0, 2.0], "log_p holds +inf"),
        ([-np.inf, -np.inf], [0.0, 0.0], [1.0, 2.0], "log_p is -inf everywhere (no weight)"),
        ([0.0, 1.0], [0.0, -np.inf], [1.0, 2.0], "log_q holds -inf"),
        ([0.0, 1.0], [np.nan, 0.0], [1.0, 2.0], "log_q holds nan"),
        ([0.0, 1.0], [0.0, 0.0], [1.0, 2.0, 3.0], "f_values has 3 rows for 2 draws"),
        ([0.0, 1.0], [0.0, 0.0], np.ones((2, 2, 2)), "f_values is 3-D"),
        ([0.0, 1.0], [0.0, 0.0], 1.0, "f_values is a scalar"),
    ],
    ids=[
        "2d",
        "empty",
        "lengths",
        "nan-p",
        "inf-p",
        "all-minus-inf",
        "inf-q",
        "nan-q",
        "f-rows",
        "f-3d",
        "f-scalar",
    ],
)
def test_importance_sampling_rejects_bad_input(kata, log_p, log_q, f_values, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.importance_sampling, log_p, log_q, f_values, why=why)


def test_importance_sampling_leaves_its_inputs_unchanged(kata, rng):
    """Are log_p, log_q and f_values left exactly as they were?"""
    log_p, log_q, f_values = rng.normal(size=8), rng.normal(size=8), rng.normal(size=(8, 2))
    check(kata, log_p, log_q, f_values)  # call() fails the test if an argument is modified
