"""Grader for deep_learning/adamw: adamw_step(x, g, m, v, t, lr, beta1, beta2, eps,
weight_decay) -> AdamW(x, m, v).

The expected step is computed in the other (equivalent) order: first shrink x by the
factor 1 - lr·weight_decay, then take the Adam step in Kingma and Ba's efficient form.
Each known mistake (L2 in the gradient, the decay not scaled by lr, applied to the
updated x, divided by √v̂ + eps, no bias correction) is computed and named.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call_strictly,
    describe_call,
    expect_error,
    fields,
)

DEFAULTS = {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 1e-2}


def adam_direction(g, m, v, t, beta1, beta2, eps):
    """New raw moments and the bias-corrected direction m̂/(√v̂ + eps), efficient form."""
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    c1, c2 = 1 - beta1**t, 1 - beta2**t
    return m, v, (math.sqrt(c2) / c1) * m / (np.sqrt(v) + eps * math.sqrt(c2))


def expected(x, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    new_m, new_v, d = adam_direction(g, m, v, t, beta1, beta2, eps)
    right = x * (1 - lr * weight_decay) - lr * d
    l2_m, l2_v, l2_d = adam_direction(g + weight_decay * x, m, v, t, beta1, beta2, eps)
    c1, c2 = 1 - beta1**t, 1 - beta2**t
    root = np.sqrt(new_v / c2) + eps
    wrong_x = {
        "L2 added to the gradient (g + wd·x into m and v): that is Adam with L2 "
        "regularisation; AdamW decays x directly, the moments never see it": x - lr * l2_d,
        "the decay is not multiplied by lr: x_new = x − lr·m̂/(√v̂ + eps) − wd·x "
        "should be − lr·wd·x": x - lr * d - weight_decay * x,
        "the decay applied to the updated x: it uses the old x, x − lr·(m̂/(√v̂ + eps) + wd·x)": (
            x - lr * d
        )
        * (1 - lr * weight_decay),
        "the decay term divided by √v̂ + eps: it is decoupled from Adam's scaling, lr·wd·x": x
        - lr * (new_m / c1 + weight_decay * x) / root,
        "no bias correction: divide m by (1 − beta1^t) and v by (1 − beta2^t)": (
            x - lr * (new_m / (np.sqrt(new_v) + eps) + weight_decay * x)
        ),
        "eps inside the square root: use √v̂ + eps, not √(v̂ + eps)": (
            x - lr * ((new_m / c1) / np.sqrt(new_v / c2 + eps) + weight_decay * x)
        ),
        "the decay has the wrong sign: x shrinks by lr·wd·x": x * (1 + lr * weight_decay) - lr * d,
    }
    wrong_moments = {
        "L2 added to the gradient (g + wd·x into m and v): that is Adam with L2 "
        "regularisation; the moments never see the decay": (l2_m, l2_v),
        "returned the bias-corrected moments: return the raw m and v": (new_m / c1, new_v / c2),
    }
    return right, new_m, new_v, wrong_x, wrong_moments


def check(kata, x, g, m, v, t, rtol=1e-10, **params):
    f = kata.adamw_step
    called = describe_call(f, x, g, m, v, t, **params)
    new_x, new_m, new_v = fields(call_strictly(f, x, g, m, v, t, **params), ["x", "m", "v"])
    x, g, m, v = (np.asarray(a, dtype=float) for a in (x, g, m, v))
    p = {**DEFAULTS, **params}
    want_x, want_m, want_v, wrong_x, wrong_moments = expected(x, g, m, v, t, **p)
    tiny = 1e-300  # the scale of an all-zero array
    for name, got, want, index in (("m", new_m, want_m, 0), ("v", new_v, want_v, 1)):
        atol = 1e-13 * (float(np.max(np.abs(want))) + tiny)
        mistakes = {words: pair[index] for words, pair in wrong_moments.items()}
        assert_close(got, want, rtol=rtol, atol=atol, what=name, called=called, mistakes=mistakes)
    atol = 1e-13 * (float(np.max(np.abs(x))) + p["lr"])
    assert_close(new_x, want_x, rtol=rtol, atol=atol, what="x", called=called, mistakes=wrong_x)
    return new_x, new_m, new_v


@pytest.mark.points(2)
def test_adamw_step_documented_example(kata):
    """Does x = 1, g = 2, lr = 0.1, weight_decay = 0.5 give x 0.85, m 0.2, v 0.004?"""
    x, m, v = check(kata, [1.0], [2.0], [0.0], [0.0], 1, lr=0.1, weight_decay=0.5)
    assert_close(x, [0.85], atol=1e-8, what="x")


@pytest.mark.points(2)
def test_adamw_step_hand_checked_two_steps(kata):
    """With eps = 0, g = 2 twice, lr = 0.1, wd = 0.5: x 1 → 0.85 → 0.7075?

    Step 1: m̂ = 2, v̂ = 4, Adam moves 0.1; the decay 0.1·0.5·1 = 0.05: x = 0.85.
    Step 2: m̂ = 0.38/0.19 = 2, v̂ = 0.007996/0.001999 = 4, again 0.1; the decay
    0.05·0.85 = 0.0425: x = 0.7075. (Not multiplying by lr gives 0.4; decaying the
    updated x gives 0.855; dividing the decay by √v̂ = 2 gives 0.875; L2 in the gradient
    gives 0.9.)
    """
    params = {"lr": 0.1, "eps": 0.0, "weight_decay": 0.5}
    x, m, v = check(kata, [1.0], [2.0], [0.0], [0.0], 1, **params)
    assert_close([x[0], m[0], v[0]], [0.85, 0.2, 0.004], what="(x, m, v) after step 1")
    x, m, v = check(kata, x, [2.0], m, v, 2, **params)
    assert_close([x[0], m[0], v[0]], [0.7075, 0.38, 0.007996], what="(x, m, v) after step 2")


def test_adamw_step_zero_weight_decay_is_adam(kata, rng):
    """With weight_decay = 0, is it exactly Adam (x − lr·m̂/(√v̂ + eps))?"""
    x, g = rng.standard_normal((2, 4))
    m, v = 0.1 * rng.standard_normal(4), 0.1 * rng.random(4)
    new_x, _, _ = check(kata, x, g, m, v, 5, lr=0.01, weight_decay=0.0)
    _, _, d = adam_direction(g, m, v, 5, 0.9, 0.999, 1e-8)
    assert_close(new_x, x - 0.01 * d, rtol=1e-10, what="x")


@pytest.mark.points(2)
def test_adamw_step_zero_gradient_only_decays(kata, rng):
    """From rest with g = 0, does x just shrink by the factor 1 − lr·weight_decay?"""
    x = rng.standard_normal(5) * np.array([1e-3, 1.0, 10.0, 1e3, -1.0])
    z = np.zeros(5)
    new_x, m, v = check(kata, x, z, z, z, 1, lr=0.1, weight_decay=0.3)
    assert_close(new_x, 0.97 * x, rtol=1e-12, what="x")
    assert_close(m, z, atol=0.0, what="m")


def test_adamw_step_moments_never_see_the_decay(kata, rng):
    """With a large weight_decay, are m and v those of the bare gradient?"""
    x, g = 10.0 * rng.standard_normal((2, 3))
    _, m, v = check(kata, x, g, np.zeros(3), np.zeros(3), 1, lr=0.05, weight_decay=2.0)
    assert_close(m, 0.1 * g, rtol=1e-12, what="m")
    assert_close(v, 0.001 * g**2, rtol=1e-12, what="v")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"lr": 0.05, "beta1": 0.8, "beta2": 0.99, "weight_decay": 0.1},
        {"lr": 0.01, "beta1": 0.0, "eps": 1e-3, "weight_decay": 1.0},
    ],
    ids=["defaults", "custom", "no-momentum"],
)
def test_adamw_step_run_on_a_quadratic(kata, rng, params):
    """Do 30 steps on a quadratic, t = 1..30, match shrink-then-Adam?"""
    scales = np.array([0.01, 1.0, 100.0])
    x = rng.standard_normal(3)
    m, v = np.zeros(3), np.zeros(3)
    for t in range(1, 31):
        x, m, v = check(kata, x, scales * x, m, v, t, **params)


def test_adamw_step_late_steps_keep_the_right_correction(kata, rng):
    """At t = 3 and t = 1000 with running moments, is the correction 1 − beta^t?"""
    for t in (3, 1000):
        x, g = rng.standard_normal((2, 5))
        check(kata, x, g, 0.1 * rng.standard_normal(5), 0.1 * rng.random(5), t, lr=0.01)


def test_adamw_step_weight_matrix(kata, rng):
    """Does a 2-D weight matrix (4, 3) take the step element-wise, shapes kept?"""
    x, g, m = rng.standard_normal((3, 4, 3))
    check(kata, x, g, m, rng.random((4, 3)), 2, lr=0.02, weight_decay=0.2)


def test_adamw_step_accepts_lists(kata):
    """Are lists of ints converted to float arrays?"""
    check(kata, [1, -2], [1, 1], [0, 0], [0, 0], 1, lr=0.5, weight_decay=1)


def test_adamw_step_leaves_inputs_unchanged(kata, rng):
    """Are the caller's x, g, m and v left as they were (no in-place updates)?"""
    arrays = [rng.standard_normal(4) for _ in range(3)] + [rng.random(4)]
    check(kata, *arrays, 2, lr=0.1, weight_decay=0.1)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, params, why",
    [
        (([1.0], [1.0], [0.0], [0.0], 0), {}, "t = 0 (t counts from 1)"),
        (([1.0], [1.0], [0.0], [0.0], -1), {}, "t < 1"),
        (([1.0], [1.0], [0.0], [0.0], 1.5), {}, "t not an integer"),
        (([1.0], [1.0], [0.0], [0.0], 1), {"weight_decay": -0.1}, "weight_decay < 0"),
        (([1.0], [1.0], [0.0], [0.0], 1), {"weight_decay": math.nan}, "weight_decay nan"),
        (([1.0, 2.0], [1.0], [0.0, 0.0], [0.0, 0.0], 1), {}, "g shorter than x"),
        (([1.0, 2.0], [1.0, 1.0], [0.0], [0.0, 0.0], 1), {}, "m shorter than x"),
        (([1.0, 2.0], [1.0, 1.0], [0.0, 0.0], [[0.0, 0.0]], 1), {}, "v of another shape"),
        (([], [], [], [], 1), {}, "empty arrays"),
        (([1.0], [1.0], [0.0], [0.0], 1), {"lr": 0.0}, "lr = 0"),
        (([1.0], [1.0], [0.0], [0.0], 1), {"beta1": 1.0}, "beta1 = 1"),
        (([1.0], [1.0], [0.0], [0.0], 1), {"beta2": -0.1}, "beta2 < 0"),
        (([1.0], [1.0], [0.0], [0.0], 1), {"eps": -1e-8}, "eps < 0"),
    ],
    ids=[
        "t-zero",
        "t-negative",
        "t-fraction",
        "wd-negative",
        "wd-nan",
        "g-short",
        "m-short",
        "v-2d",
        "empty",
        "lr-zero",
        "beta1-one",
        "beta2-negative",
        "eps-negative",
    ],
)
def test_adamw_step_rejects_bad_input(kata, args, params, why):
    """Do t < 1, weight_decay < 0, shapes that differ and bad settings raise ValueError?"""
    expect_error(ValueError, kata.adamw_step, *args, why=why, **params)
