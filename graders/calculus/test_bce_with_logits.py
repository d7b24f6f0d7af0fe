"""Grader for calculus/bce_with_logits: bce_with_logits(z, y) -> Loss(loss, grad),
mean binary cross-entropy from logits and (σ(z) - y) / n."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call,
    call_strictly,
    describe_call,
    expect_error,
    field,
    fields,
)


def reference(z, y):
    """ℓ = softplus(z) - y·z with softplus(z) = log(1 + e^z) = np.logaddexp(0, z)."""
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
    sigma = np.exp(-np.logaddexp(0.0, -z))
    return loss, (sigma - y) / len(z)


def check(kata, z, y, rtol=1e-10, atol=1e-12):
    f = kata.bce_with_logits
    called = describe_call(f, z, y)
    result = call_strictly(f, z, y)
    loss, grad = fields(result, ["loss", "grad"], "bce_with_logits")
    want_loss, want_grad = reference(z, y)
    n = len(want_grad)
    assert_close(
        loss,
        want_loss,
        what="loss",
        called=called,
        rtol=rtol,
        atol=atol,
        mistakes={
            "the loss is summed over samples, not averaged (no 1/n)": want_loss * n,
            "the loss has the wrong sign": -want_loss,
        },
    )
    assert_close(
        grad,
        want_grad,
        what="grad",
        called=called,
        rtol=rtol,
        atol=atol,
        mistakes={
            "no division by n: the loss is a mean over the batch": want_grad * n,
            "the gradient has the wrong sign (y - σ(z))": -want_grad,
        },
    )
    return loss, grad


@pytest.mark.points(2)
def test_bce_with_logits_documented_example(kata):
    """Does z = 0, y = 1 give loss ln 2 and grad -1/2; and z = ∓1000, y = 1 give 500?"""
    loss, grad = check(kata, [0.0], [1.0])
    assert_close(loss, np.log(2), what="loss")
    assert_close(grad, [-0.5], what="grad")
    loss, _ = check(kata, [-1000.0, 1000.0], [1.0, 1.0])
    assert_close(loss, 500.0, what="loss")


@pytest.mark.points(2)
def test_bce_with_logits_hand_checked_case(kata):
    """z = [ln 3, -ln 3], y = [1, 0]: is L = ln(4/3) and grad = [-1/8, 1/8]?

    σ(ln 3) = 3/4, so both samples are right with probability 3/4;
    grad = ([3/4, 1/4] - [1, 0]) / 2.
    """
    loss, grad = check(kata, [np.log(3), -np.log(3)], [1.0, 0.0])
    assert_close(loss, np.log(4 / 3), what="loss")
    assert_close(grad, [-0.125, 0.125], what="grad")


@pytest.mark.points(3)
@pytest.mark.parametrize("soft", [False, True], ids=["hard-labels", "soft-labels"])
def test_bce_with_logits_random_cases(kata, rng, soft):
    """Do random logits with 0/1 (or soft) targets match -(y log σ + (1-y) log(1-σ))?"""
    z = rng.standard_normal(30) * 4
    y = rng.uniform(0, 1, size=30) if soft else rng.integers(0, 2, size=30).astype(float)
    loss, _ = check(kata, z, y)
    s = 1 / (1 + np.exp(-z))
    assert_close(loss, -np.mean(y * np.log(s) + (1 - y) * np.log(1 - s)), what="loss", rtol=1e-9)


@pytest.mark.points(3)
def test_bce_with_logits_matches_finite_differences(kata, rng):
    """Is grad the derivative of the loss the same function returns?"""
    z = rng.standard_normal(8) * 2
    y = rng.uniform(0, 1, size=8)
    f = kata.bce_with_logits
    called = describe_call(f, z, y)
    grad = field(call(f, z, y), "grad", 1)
    assert_gradient(grad, lambda v: field(f(v, y), "loss", 0), z, what="grad", called=called)


@pytest.mark.points(3)
def test_bce_with_logits_stable_for_huge_logits(kata):
    """For |z| up to 1e4, is the loss finite (a confident mistake costs |z|, not inf)?

    log(sigmoid(-1000)) is log(0) = -inf; log(1 + exp(1000)) overflows.
    """
    z = [1000.0, -1000.0, 800.0, -800.0, 1e4, -1e4, 0.0]
    y = [1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.5]
    loss, _ = check(kata, z, y)
    assert_close(loss, (800 + 800 + 1e4 + np.log(2)) / 7, what="loss")


def test_bce_with_logits_perfect_targets(kata):
    """With y = σ(z) (soft targets), is the gradient exactly 0 up to round-off?"""
    z = np.array([-2.0, 0.0, 3.0])
    check(kata, z, 1 / (1 + np.exp(-z)), atol=1e-15)


def test_bce_with_logits_int_lists(kata):
    """Do lists of ints work (z = [0, 0], y = [0, 1] gives ln 2)?"""
    loss, _ = check(kata, [0, 0], [0, 1])
    assert_close(loss, np.log(2), what="loss")


def test_bce_with_logits_leaves_inputs_unchanged(kata, rng):
    """Are z and y exactly as before (also checked on every call)?"""
    z = rng.standard_normal(10) * 100
    y = rng.integers(0, 2, size=10).astype(float)
    check(kata, z, y)  # call() compares z and y after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "z, y, why",
    [
        ([0.0, 1.0], [1.0], "y has 1 entry, z has 2"),
        ([[0.0, 1.0]], [[1.0, 0.0]], "z and y are 2-D"),
        ([0.0, 1.0], [1.5, 0.0], "a target is 1.5"),
        ([0.0, 1.0], [-0.1, 0.0], "a target is negative"),
        ([], [], "there are no samples"),
    ],
    ids=["length", "2d", "y-above-1", "y-negative", "empty"],
)
def test_bce_with_logits_rejects_bad_input(kata, z, y, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.bce_with_logits, z, y, why=why)
