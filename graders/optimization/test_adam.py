"""Grader for optimization/adam: adam_step(x, g, m, v, t, lr, beta1, beta2, eps) ->
Adam(x, m, v). The expected step is computed in the paper's other (equivalent) form,
x - lr sqrt(1 - beta2^t)/(1 - beta1^t) m / (sqrt(v) + eps sqrt(1 - beta2^t)), and the
known wrong steps (no bias correction, eps under the root, t from 0) are named."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call_strictly, describe_call, expect_error, fields

DEFAULTS = {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}


def moments(g, m, v, beta1, beta2):
    return beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g**2


def expected(x, g, m, v, t, lr, beta1, beta2, eps):
    """The step, in Kingma and Ba's efficient form, and the known wrong ones."""
    m, v = moments(g, m, v, beta1, beta2)
    c1, c2 = 1 - beta1**t, 1 - beta2**t
    step_size = lr * np.sqrt(c2) / c1
    right = x - step_size * m / (np.sqrt(v) + eps * np.sqrt(c2))
    wrong = {
        "no bias correction: divide m by (1 - beta1^t) and v by (1 - beta2^t)": (
            x - lr * m / (np.sqrt(v) + eps)
        ),
        "eps inside the square root: use sqrt(v_hat) + eps, not sqrt(v_hat + eps)": (
            x - lr * (m / c1) / np.sqrt(v / c2 + eps)
        ),
        "bias correction with t + 1: t counts from 1, the first step uses beta^1": (
            x - lr * (m / (1 - beta1 ** (t + 1))) / (np.sqrt(v / (1 - beta2 ** (t + 1))) + eps)
        ),
        "only m is bias-corrected: v_hat = v / (1 - beta2^t) too": (
            x - lr * (m / c1) / (np.sqrt(v) + eps)
        ),
        "the step adds the gradient direction (ascent): x - lr m_hat / (...)": (
            x + step_size * m / (np.sqrt(v) + eps * np.sqrt(c2))
        ),
    }
    return right, m, v, wrong


def check(kata, x, g, m, v, t, rtol=1e-10, atol=1e-13, **params):
    f = kata.adam_step
    called = describe_call(f, x, g, m, v, t, **params)
    new_x, new_m, new_v = fields(call_strictly(f, x, g, m, v, t, **params), ["x", "m", "v"])
    x, g, m, v = (np.asarray(a, dtype=float) for a in (x, g, m, v))
    p = {**DEFAULTS, **params}
    want_x, want_m, want_v, wrong = expected(x, g, m, v, t, **p)
    c1, c2 = 1 - p["beta1"] ** t, 1 - p["beta2"] ** t
    assert_close(
        new_m,
        want_m,
        rtol=rtol,
        atol=atol,
        what="m",
        called=called,
        mistakes={
            "returned m_hat: return the raw running moment m, correct only inside the step": (
                want_m / c1
            ),
            "m <- beta1 m + g: the new gradient is weighted by (1 - beta1)": p["beta1"] * m + g,
        },
    )
    assert_close(
        new_v,
        want_v,
        rtol=rtol,
        atol=atol,
        what="v",
        called=called,
        mistakes={
            "returned v_hat: return the raw running moment v, correct only inside the step": (
                want_v / c2
            ),
            "v averages |g| instead of g^2": p["beta2"] * v + (1 - p["beta2"]) * np.abs(g),
        },
    )
    assert_close(new_x, want_x, rtol=rtol, atol=atol, what="x", called=called, mistakes=wrong)
    return new_x, new_m, new_v


@pytest.mark.points(2)
def test_adam_step_documented_example(kata):
    """Does the first step from x = (1, 1) with g = (2, -1e-3), lr = 0.1 move each by ~0.1?"""
    x, m, v = check(kata, [1.0, 1.0], [2.0, -1e-3], [0.0, 0.0], [0.0, 0.0], 1, lr=0.1)
    assert_close(x, [0.9, 1.1], rtol=0.0, atol=2e-6, what="x")


def test_adam_step_hand_checked_first_and_second_steps(kata):
    """With eps = 0 and g = 2 twice: x 1 -> 0.9 -> 0.8, m 0.2 -> 0.38, v 0.004 -> 0.007996?

    Step 1: m = 0.1 * 2, v = 0.001 * 4, m_hat = 0.2/0.1 = 2, v_hat = 0.004/0.001 = 4.
    Step 2: m = 0.9 * 0.2 + 0.2 = 0.38, m_hat = 0.38/0.19 = 2; v = 0.999 * 0.004 + 0.004
    = 0.007996, v_hat = 0.007996/0.001999 = 4: again a step of 0.1 * 2/2.
    """
    x, m, v = check(kata, [1.0], [2.0], [0.0], [0.0], 1, lr=0.1, eps=0.0)
    assert_close([x[0], m[0], v[0]], [0.9, 0.2, 0.004], what="(x, m, v) after step 1")
    x, m, v = check(kata, x, [2.0], m, v, 2, lr=0.1, eps=0.0)
    assert_close([x[0], m[0], v[0]], [0.8, 0.38, 0.007996], what="(x, m, v) after step 2")


@pytest.mark.points(2)
def test_adam_step_constant_gradient_moves_lr_every_step(kata, rng):
    """With a constant gradient and eps = 0, does every step move each x_i by exactly lr?

    Bias correction makes m_hat = g and v_hat = g^2 at every t, so the step is lr sign(g).
    """
    g = rng.standard_normal(4) * np.array([1e-3, 1.0, 10.0, 1e3])
    x, m, v = np.zeros(4), np.zeros(4), np.zeros(4)
    for t in range(1, 16):
        x, m, v = check(kata, x, g, m, v, t, lr=0.01, eps=0.0)
        assert_close(x, -0.01 * t * np.sign(g), rtol=1e-9, what=f"x after step {t}")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "params",
    [{}, {"lr": 0.05, "beta1": 0.8, "beta2": 0.99}, {"lr": 0.01, "beta1": 0.0, "eps": 1e-3}],
    ids=["defaults", "custom", "no-momentum"],
)
def test_adam_step_run_on_a_quadratic(kata, rng, params):
    """Do 30 steps on a quadratic, t = 1..30, match the update in its other form?"""
    scales = np.array([0.01, 1.0, 100.0])
    x = rng.standard_normal(3)
    m, v = np.zeros(3), np.zeros(3)
    for t in range(1, 31):
        g = scales * x
        x, m, v = check(kata, x, g, m, v, t, **params)


@pytest.mark.points(2)
def test_adam_step_eps_goes_outside_the_root(kata, rng):
    """Where sqrt(v_hat) is near eps (tiny gradients, or eps = 0.5), is eps added outside?"""
    check(kata, np.zeros(3), 1e-8 * rng.standard_normal(3), np.zeros(3), np.zeros(3), 1)
    g = rng.standard_normal(3)
    check(kata, np.zeros(3), g, 0.1 * g, 0.5 * g**2, 7, lr=0.1, eps=0.5)


def test_adam_step_late_steps_keep_the_right_correction(kata, rng):
    """At t = 3 and t = 1000 with running moments, is the correction 1 - beta^t?"""
    for t in (3, 1000):
        x, g = rng.standard_normal((2, 5))
        m = 0.1 * rng.standard_normal(5)
        v = 0.1 * rng.random(5)
        check(kata, x, g, m, v, t, lr=0.01)


def test_adam_step_zero_gradient_from_rest_stays_put(kata):
    """With g = m = v = 0, does x stay where it is (0 / (0 + eps), no nan)?"""
    x, m, v = check(kata, [1.0, -2.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0], 1)
    assert_close(x, [1.0, -2.0], rtol=0.0, atol=0.0, what="x")


def test_adam_step_accepts_lists_of_ints(kata):
    """Are integer inputs converted to float?"""
    check(kata, [1, 2], [1, -1], [0, 0], [0, 0], 1, lr=0.5)


def test_adam_step_leaves_inputs_unchanged(kata, rng):
    """Are x, g, m and v left exactly as they were (m *= beta1 would change the caller's)?"""
    x, g, m = rng.standard_normal((3, 4))
    v = rng.random(4)
    check(kata, x, g, m, v, 5)


@pytest.mark.points(2)
@pytest.mark.parametrize("t", [0, -1, 1.5], ids=["zero", "negative", "fractional"])
def test_adam_step_rejects_a_step_count_below_one(kata, t):
    """Does t < 1 (t counts from 1) or a fractional t raise ValueError?"""
    expect_error(
        ValueError, kata.adam_step, [1.0], [1.0], [0.0], [0.0], t, why=f"t = {t}: t counts from 1"
    )


@pytest.mark.parametrize(
    "args, params, why",
    [
        (([1.0, 2.0], [1.0], [0.0, 0.0], [0.0, 0.0]), {}, "g has 1 entry for 2 in x"),
        (([1.0, 2.0], [1.0, 1.0], [0.0], [0.0, 0.0]), {}, "m has 1 entry for 2 in x"),
        (([1.0, 2.0], [1.0, 1.0], [0.0, 0.0], [0.0]), {}, "v has 1 entry for 2 in x"),
        (([], [], [], []), {}, "x is empty"),
        (([1.0], [1.0], [0.0], [0.0]), {"lr": 0.0}, "the learning rate is 0"),
        (([1.0], [1.0], [0.0], [0.0]), {"beta1": 1.0}, "beta1 = 1"),
        (([1.0], [1.0], [0.0], [0.0]), {"beta2": 1.0}, "beta2 = 1 (1 - beta2^t = 0)"),
        (([1.0], [1.0], [0.0], [0.0]), {"eps": -1e-8}, "eps is negative"),
    ],
    ids=["g-length", "m-length", "v-length", "empty", "lr", "beta1", "beta2", "eps"],
)
def test_adam_step_rejects_bad_input(kata, args, params, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.adam_step, *args, 1, why=why, **params)
