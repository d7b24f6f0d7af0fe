"""Grader for evaluation/platt: platt_scaling(scores, y, max_iter=100) -> Platt(a, b),
the maximum-likelihood sigma(a s + b) without target smoothing, checked at the optimum
on data that is not separable: the gradient of the log-likelihood must vanish there."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

# The optimum of a smooth concave problem: a converged Newton lands within ~1e-12, and
# 1e-7 leaves room for any method that is run to convergence.
AT_OPTIMUM = {"rtol": 1e-6, "atol": 1e-7}
SMOOTHING = (
    "Platt's target smoothing ((N+ + 1) / (N+ + 2) and 1 / (N- + 2) as targets): the "
    "kata fits the labels themselves"
)
SIGNS = (
    "a and b with the opposite sign: the kata fits sigma(a s + b), Platt's paper writes "
    "1 / (1 + exp(A s + B)), so A = -a"
)


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def gradient(a, b, s, t):
    r = sigmoid(a * s + b) - t
    return np.array([np.sum(r * s), np.sum(r)])


def fit(s, t):
    """The grader's own maximum-likelihood fit: damped Newton iterations to convergence."""
    s, t = np.asarray(s, dtype=float), np.asarray(t, dtype=float)
    theta = np.zeros(2)
    for _ in range(200):
        p = sigmoid(theta[0] * s + theta[1])
        w = p * (1 - p)
        H = np.array([[np.sum(w * s * s), np.sum(w * s)], [np.sum(w * s), np.sum(w)]])
        step = np.linalg.solve(H, gradient(*theta, s, t))
        scale = min(1.0, 5.0 / max(np.max(np.abs(step)), 1e-300))
        theta = theta - scale * step
        if np.max(np.abs(scale * step)) < 1e-14 * (1 + np.max(np.abs(theta))):
            break
    return theta


def smoothed_targets(y):
    y = np.asarray(y, dtype=float)
    n_pos, n_neg = y.sum(), y.size - y.sum()
    return np.where(y == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))


def check(kata, scores, y, *args, expected=None):
    """Call platt_scaling; check (a, b) against the optimum and the gradient there."""
    f = kata.platt_scaling
    called = describe_call(f, scores, y, *args)
    a, b = fields(call(f, scores, y, *args), ["a", "b"], "platt_scaling")
    s, t = np.asarray(scores, dtype=float), np.asarray(y, dtype=float)
    want = fit(s, t)
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference", **AT_OPTIMUM)
    g = gradient(want[0], want[1], s, t)
    if np.max(np.abs(g)) > 1e-8 * s.size:
        fail(f"grader self-check: the reference is not at the optimum (gradient {g})")
    wrong = {SMOOTHING: fit(s, smoothed_targets(t)), SIGNS: -want}
    far = np.abs(np.array([a, b], dtype=float) - want) > 1e-7 + 1e-6 * np.abs(want)
    named = any(np.allclose([a, b], v, rtol=1e-6, atol=1e-7) for v in wrong.values())
    if np.any(far) and not named and np.all(np.isfinite([a, b])):
        g_here = gradient(float(a), float(b), s, t)
        if np.max(np.abs(g_here)) > 1e-6 * s.size:
            fail(
                f"{called} returned (a, b) = ({float(a)!r}, {float(b)!r}), expected "
                f"({want[0]!r}, {want[1]!r}): not at the maximum of the likelihood, where "
                f"the gradient sum (sigma(a s + b) - y) (s, 1) is {g_here.round(6).tolist()}, "
                "not 0. Newton's method has not converged: iterate until the step is "
                "negligible, with the Hessian sum p (1 - p) (s, 1)(s, 1)^T"
            )
    assert_close(
        [a, b],
        want,
        what="(a, b)",
        called=called,
        mistakes=wrong,
        **AT_OPTIMUM,
    )
    return float(a), float(b)


def overlapping_data(rng, n, a=1.5, b=-0.3, scale=1.0):
    """Scores and labels from the model itself, with the classes overlapping."""
    while True:
        s = scale * rng.normal(size=n)
        y = (rng.random(n) < sigmoid(a * s / scale + b)).astype(int)
        if y.min() == 0 and y.max() == 1 and s[y == 1].min() < s[y == 0].max():
            return s, y


@pytest.mark.points(2)
def test_platt_scaling_documented_example(kata):
    """Do 3 of 4 positives at s = 1 and 1 of 4 at s = -1 give a = ln 3, b = 0?"""
    check(kata, [-1, -1, -1, -1, 1, 1, 1, 1], [0, 0, 0, 1, 0, 1, 1, 1], expected=[math.log(3), 0.0])


@pytest.mark.parametrize(
    "scores, y, expected",
    [
        ([0, 0, 2, 2, 2], [0, 1, 0, 1, 1], [math.log(2) / 2, 0.0]),
        ([1, 1, 1, 1, 3, 3], [0, 0, 0, 1, 0, 1], [math.log(3) / 2, -1.5 * math.log(3)]),
        ([-2, -2, 0, 0, 0, 0], [1, 0, 1, 1, 1, 0], [math.log(3) / 2, math.log(3)]),
    ],
    ids=["two-levels", "shifted-levels", "negative-scores"],
)
def test_platt_scaling_two_score_levels_by_hand(kata, scores, y, expected):
    """With two score values, does the fit reproduce each level's rate of positives exactly?

    Two levels s0, s1 with rates r0, r1: sigma(a s_k + b) = r_k, so a = (logit r1 -
    logit r0) / (s1 - s0). E.g. rates 1/2 at 0 and 2/3 at 2: b = 0, a = ln 2 / 2. Rates
    1/4 at 1 and 1/2 at 3: a = ln 3 / 2, b = -ln 3 - a.
    """
    check(kata, scores, y, expected=expected)


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [20, 100, 1000])
def test_platt_scaling_random_overlapping_data(kata, rng, n):
    """On data that is not separable, is (a, b) the maximum-likelihood optimum?"""
    for _ in range(3):
        check(kata, *overlapping_data(rng, n))


def test_platt_scaling_gradient_vanishes(kata, rng):
    """At the returned (a, b), is sum (sigma(a s + b) - y) (s, 1) zero (the optimum)?"""
    s, y = overlapping_data(rng, 300, a=-0.8, b=1.0)
    a, b = check(kata, s, y)
    g = gradient(a, b, s, y)
    assert_close(
        g, [0.0, 0.0], what="the gradient of the log-likelihood at (a, b)", atol=1e-5 * s.size
    )


def test_platt_scaling_large_scores(kata, rng):
    """With scores in the hundreds (margins of an unscaled model), does it still converge?"""
    s, y = overlapping_data(rng, 200, a=2.0, b=0.5, scale=300.0)
    check(kata, s, y)


def test_platt_scaling_follows_an_affine_change_of_scores(kata, rng):
    """With scores c s + d (c > 0), is the fit a / c, b - a d / c (the same probabilities)?"""
    s, y = overlapping_data(rng, 120)
    a, b = check(kata, s, y)
    c, d = 4.0, -2.5
    a2, b2 = check(kata, c * s + d, y)
    assert_close(
        [a2, b2], [a / c, b - a * d / c], what="(a, b) for the scores 4 s - 2.5", **AT_OPTIMUM
    )


def test_platt_scaling_mean_matches_rate(kata, rng):
    """At the optimum, do the fitted probabilities average to the rate of positives?"""
    s, y = overlapping_data(rng, 150)
    a, b = check(kata, s, y)
    assert_close(
        float(np.mean(sigmoid(a * s + b))),
        float(np.mean(y)),
        what="the mean fitted probability",
        atol=1e-7,
    )


def test_platt_scaling_default_max_iter_is_enough(kata, rng):
    """Called with max_iter = 100 explicitly, is the answer the same optimum?"""
    s, y = overlapping_data(rng, 80)
    check(kata, s, y, 100)


def test_platt_scaling_leaves_inputs_unchanged(kata, rng):
    """Are scores and y left exactly as they were?"""
    s, y = overlapping_data(rng, 50)
    check(kata, s, y)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "scores, y, max_iter, why",
    [
        ([0.1, 0.5, 0.9], [1, 1, 1], 100, "one class only: no maximum"),
        ([0.1, 0.5, 0.9], [0, 2, 1], 100, "a label 2 is not binary"),
        ([0.1, 0.5], [0, 1, 1], 100, "scores and y differ in length"),
        ([], [], 100, "empty input"),
        ([[0.1, 0.5]], [[0, 1]], 100, "2-D input"),
        ([0.1, float("inf"), 0.3], [0, 1, 1], 100, "an infinite score"),
        ([0.1, 0.5, 0.3], [0, 1, 1], 0, "max_iter = 0"),
    ],
    ids=["one-class", "label-2", "length", "empty", "2d", "inf", "max-iter-0"],
)
def test_platt_scaling_rejects_bad_input(kata, scores, y, max_iter, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.platt_scaling, scores, y, max_iter, why=why)
