"""Grader for optimization/momentum: momentum_step(x, v, g, lr, beta) -> State(x, v),
v <- beta v - lr g, x <- x + v (the new v). Single steps against the formula, and long
runs against the heavy-ball recurrence x_{k+1} = x_k - lr g_k + beta (x_k - x_{k-1})."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fields,
    random_spd,
)

# Other ways to write "momentum" that are not this kata's update.
ASCENT = "the gradient is added (v <- beta v + lr g): that climbs; subtract lr * g"
OLD_V = "x moved by the old velocity: update v first, then x <- x + (new) v"
DAMPED = "v <- beta v - (1 - beta) lr g is the damped (EMA) form; this kata uses v <- beta v - lr g"
NESTEROV = "that is Nesterov's look-ahead step x + beta v_new - lr g, not the heavy ball"


def check(kata, x, v, g, lr, beta, rtol=1e-12, atol=1e-14):
    f = kata.momentum_step
    called = describe_call(f, x, v, g, lr, beta)
    new_x, new_v = fields(call(f, x, v, g, lr, beta), ["x", "v"], "momentum_step")
    x, v, g = (np.asarray(a, dtype=float) for a in (x, v, g))
    want_v = beta * v - lr * g
    assert_close(
        new_v,
        want_v,
        rtol=rtol,
        atol=atol,
        what="v",
        called=called,
        mistakes={ASCENT: beta * v + lr * g, DAMPED: beta * v - (1 - beta) * lr * g},
    )
    assert_close(
        new_x,
        x + want_v,
        rtol=rtol,
        atol=atol,
        what="x",
        called=called,
        mistakes={
            OLD_V: x + v,
            "x moved by beta * v only: the new velocity includes -lr g": x + beta * v,
            NESTEROV: x + beta * want_v - lr * g,
        },
    )
    return new_x, new_v


@pytest.mark.points(2)
def test_momentum_step_documented_example(kata):
    """x = 1, v = 0.5, g = 2, lr = 0.25, beta = 0.5: is v = 0.25 - 0.5 = -0.25, x = 0.75?"""
    x, v = check(kata, [1.0], [0.5], [2.0], 0.25, 0.5)
    assert_close(x, [0.75], what="x")
    assert_close(v, [-0.25], what="v")


def test_momentum_step_hand_checked_case(kata):
    """x = (0, 2), v = (1, -1), g = (4, -2), lr = 0.5, beta = 0.75: v = (-1.25, 0.25)?

    v = 0.75 (1, -1) - 0.5 (4, -2) = (0.75 - 2, -0.75 + 1); x = (0, 2) + v = (-1.25, 2.25).
    """
    x, v = check(kata, [0.0, 2.0], [1.0, -1.0], [4.0, -2.0], 0.5, 0.75)
    assert_close(v, [-1.25, 0.25], what="v")
    assert_close(x, [-1.25, 2.25], what="x")


def test_momentum_step_from_rest_is_a_gradient_step(kata, rng):
    """With v = 0, is the step exactly x - lr g, and the new v equal to -lr g?"""
    x, g = rng.standard_normal(5), rng.standard_normal(5)
    new_x, new_v = check(kata, x, np.zeros(5), g, 0.1, 0.9)
    assert_close(new_x, x - 0.1 * g, rtol=1e-12, what="x after a step from rest")


def test_momentum_step_beta_zero_forgets_the_velocity(kata, rng):
    """With beta = 0, is the step plain gradient descent whatever v was?"""
    x, v, g = rng.standard_normal((3, 4))
    new_x, _ = check(kata, x, v, g, 0.2, 0.0)
    assert_close(new_x, x - 0.2 * g, rtol=1e-12, what="x with beta = 0")


@pytest.mark.points(2)
@pytest.mark.parametrize("d, lr, beta", [(1, 0.1, 0.5), (4, 0.01, 0.9), (10, 0.3, 0.99)])
def test_momentum_step_random_steps(kata, rng, d, lr, beta):
    """Do random single steps match v <- beta v - lr g, x <- x + v?"""
    for _ in range(5):
        x, v, g = rng.standard_normal((3, d))
        check(kata, x, v, g, lr, beta)


@pytest.mark.points(3)
def test_momentum_step_run_follows_the_heavy_ball(kata, rng):
    """Do 40 steps on a quadratic follow x_{k+1} = x_k - lr g_k + beta (x_k - x_{k-1})?"""
    A = random_spd(rng, 5, smallest=1.0, condition=20.0)
    b = rng.standard_normal(5)
    lr, beta = 0.05, 0.8
    f = kata.momentum_step
    x = rng.standard_normal(5)
    v = np.zeros(5)
    previous, current = x.copy(), x.copy()
    for k in range(40):
        g = A @ x - b
        x, v = fields(call(f, x, v, g, lr, beta), ["x", "v"], "momentum_step")
        x, v = np.asarray(x, float), np.asarray(v, float)
        previous, current = current, current - lr * (A @ current - b) + beta * (current - previous)
        assert_close(
            x,
            current,
            rtol=1e-9,
            atol=1e-12,
            what=f"x after {k + 1} steps",
            called=f"{k + 1} calls of momentum_step on f = 1/2 x^T A x - b^T x",
        )


def test_momentum_step_accepts_lists_of_ints(kata):
    """Are integer inputs converted to float (0.5 * 1 is not truncated)?"""
    x, v = check(kata, [1, 2], [1, 0], [1, 1], 0.5, 0.5)
    assert_close(x, [1.0, 1.5], what="x")


def test_momentum_step_leaves_inputs_unchanged(kata, rng):
    """Are x, v and g left exactly as they were (call() compares them after the call)?"""
    x, v, g = rng.standard_normal((3, 6))
    check(kata, x, v, g, 0.1, 0.9)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, v, g, lr, beta, why",
    [
        ([1.0, 2.0], [0.0], [1.0, 1.0], 0.1, 0.9, "v has 1 entry for 2 in x"),
        ([1.0, 2.0], [0.0, 0.0], [1.0, 1.0, 1.0], 0.1, 0.9, "g has 3 entries for 2 in x"),
        ([], [], [], 0.1, 0.9, "x is empty"),
        ([1.0], [0.0], [1.0], 0.0, 0.9, "the learning rate is 0"),
        ([1.0], [0.0], [1.0], 0.1, 1.0, "beta = 1 never forgets (the velocity never decays)"),
        ([1.0], [0.0], [1.0], 0.1, -0.5, "beta is negative"),
    ],
    ids=["v-length", "g-length", "empty", "lr-zero", "beta-one", "beta-negative"],
)
def test_momentum_step_rejects_bad_input(kata, x, v, g, lr, beta, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.momentum_step, x, v, g, lr, beta, why=why)
