"""Grader for calculus/sigmoid: sigmoid(z) and sigmoid_grad(z), stable for |z| up to 1e4."""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call_strictly,
    describe_call,
    fail,
)

# The values are accurate to round-off relative to their size; the absolute part only
# covers values that underflow.
TOL = {"rtol": 1e-9, "atol": 1e-15}
EXTREMES = [-1e4, -800.0, -40.0, -1.0, 0.0, 1.0, 40.0, 800.0, 1e4]


def reference_sigmoid(z):
    """σ from Python's math module, one entry at a time, with the sign split."""
    z = np.asarray(z, dtype=float)
    out = [1 / (1 + math.exp(-t)) if t >= 0 else math.exp(t) / (1 + math.exp(t)) for t in z.ravel()]
    return np.array(out).reshape(z.shape)


def reference_grad(z):
    """σ'(z) = σ(z)·σ(-z), from the reference σ."""
    return reference_sigmoid(z) * reference_sigmoid(-np.asarray(z, dtype=float))


def run(func, z):
    called = describe_call(func, z)
    got = call_strictly(func, z)
    if np.shape(got) != np.shape(z):
        fail(f"{called} returned shape {np.shape(got)}, expected {np.shape(z)} (z's shape)")
    return got, called


def check_sigmoid(kata, z, **tolerance):
    got, called = run(kata.sigmoid, z)
    want = reference_sigmoid(z)
    assert_close(
        got,
        want,
        what="sigmoid(z)",
        called=called,
        **(tolerance or TOL),
        mistakes={"1 - sigmoid(z): the sign of z is flipped": 1 - want},
    )
    return got


def check_grad(kata, z, **tolerance):
    got, called = run(kata.sigmoid_grad, z)
    want = reference_grad(z)
    s = reference_sigmoid(z)
    assert_close(
        got,
        want,
        what="sigmoid_grad(z)",
        called=called,
        mistakes={
            "σ(z)(1 + σ(z)) instead of σ(z)(1 - σ(z))": s * (1 + s),
            "σ(z)² instead of σ(z)(1 - σ(z))": s**2,
            "σ(z) itself, not its derivative": s,
        },
        **(tolerance or TOL),
    )
    return got


@pytest.mark.points(2)
def test_sigmoid_documented_example(kata):
    """Is σ(0) = 0.5 and σ([-1e4, -1, 1, 1e4]) = [0, 0.268941, 0.731059, 1]?"""
    check_sigmoid(kata, np.float64(0.0))
    check_sigmoid(kata, np.array([-1e4, -1.0, 1.0, 1e4]))


@pytest.mark.points(2)
def test_sigmoid_grad_documented_example(kata):
    """Is σ'(0) = 1/4 and σ'([-1e4, 2, 1e4]) = [0, 0.104994, 0]?"""
    got = check_grad(kata, np.float64(0.0))
    assert_close(got, 0.25, what="sigmoid_grad(0)")
    check_grad(kata, np.array([-1e4, 2.0, 1e4]))


def test_sigmoid_hand_checked_values(kata):
    """Is σ(ln 3) = 3/4 and σ(-ln 3) = 1/4 (e^{-ln 3} = 1/3)?"""
    got = check_sigmoid(kata, np.array([np.log(3.0), -np.log(3.0)]))
    assert_close(got, [0.75, 0.25], what="sigmoid([ln 3, -ln 3])", **TOL)


@pytest.mark.points(3)
def test_sigmoid_stable_at_extremes(kata):
    """For |z| up to 1e4, is σ free of overflow, nan and 0/0 (under strict floats)?"""
    check_sigmoid(kata, np.array(EXTREMES))


@pytest.mark.points(3)
def test_sigmoid_grad_stable_at_extremes(kata):
    """For |z| up to 1e4, is σ' free of overflow, nan and 0/0, and 0 far out?"""
    check_grad(kata, np.array(EXTREMES))


@pytest.mark.points(2)
def test_sigmoid_random_values(kata, rng):
    """Do random logits in [-30, 30], as a 2-D array, match the closed form?"""
    check_sigmoid(kata, rng.uniform(-30, 30, size=(4, 5)))


@pytest.mark.points(2)
def test_sigmoid_symmetry(kata, rng):
    """Is σ(-z) = 1 - σ(z)?"""
    z = rng.uniform(-10, 10, size=12)
    plus, _ = run(kata.sigmoid, z)
    minus, called = run(kata.sigmoid, -z)
    assert_close(
        np.asarray(minus) + np.asarray(plus),
        np.ones(12),
        what="σ(-z) + σ(z)",
        called=called,
        rtol=1e-12,
        atol=1e-12,
    )


@pytest.mark.points(3)
def test_sigmoid_grad_matches_finite_differences(kata, rng):
    """Is sigmoid_grad the derivative of σ (the grader's own central differences)?"""
    z = rng.uniform(-6, 6, size=8)
    got, called = run(kata.sigmoid_grad, z)

    def total(v):
        return float(np.sum(0.5 * (1 + np.tanh(np.asarray(v) / 2))))

    assert_gradient(got, total, z, what="sigmoid_grad(z)", called=called)
    check_grad(kata, rng.uniform(-30, 30, size=(3, 3)))


def test_sigmoid_scalars_and_int_lists(kata):
    """Does a Python scalar give a 0-d result, and a list of ints work?"""
    got, _ = run(kata.sigmoid, 0)
    assert_close(got, 0.5, what="sigmoid(0)")
    check_sigmoid(kata, [0, 1, -2])
    got, _ = run(kata.sigmoid_grad, [0, 0])
    assert_close(got, [0.25, 0.25], what="sigmoid_grad([0, 0])")


def test_sigmoid_leaves_input_unchanged(kata, rng):
    """Is the caller's z exactly as before (also checked on every call)?"""
    z = rng.standard_normal(6) * 50
    check_sigmoid(kata, z)  # call() compares z after each call
    check_grad(kata, z)
