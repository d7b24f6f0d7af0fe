"""Grader for calculus/softmax_cross_entropy: softmax_cross_entropy(logits, labels)
-> Loss(loss, grad), mean cross-entropy and (softmax - onehot) / n."""

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


def reference(logits, labels):
    """Loss via np.logaddexp.reduce, gradient via one-hot labels."""
    z = np.asarray(logits, dtype=float)
    y = np.asarray(labels)
    n, k = z.shape
    log_norm = np.logaddexp.reduce(z, axis=1)
    loss = float(np.mean(log_norm - z[np.arange(n), y]))
    probs = np.exp(z - log_norm[:, None])
    return loss, probs, np.eye(k)[y]


def check(kata, logits, labels, rtol=1e-10, atol=1e-12):
    f = kata.softmax_cross_entropy
    called = describe_call(f, logits, labels)
    result = call_strictly(f, logits, labels)
    loss, grad = fields(result, ["loss", "grad"], "softmax_cross_entropy")
    want_loss, probs, onehot = reference(logits, labels)
    n = len(onehot)
    want_grad = (probs - onehot) / n
    assert_close(
        loss,
        want_loss,
        what="loss",
        called=called,
        rtol=rtol,
        atol=atol,
        mistakes={
            "the loss is summed over samples, not averaged (no 1/n)": want_loss * n,
            "the loss has the wrong sign (log p instead of -log p)": -want_loss,
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
            "the gradient has the wrong sign (onehot - softmax)": -want_grad,
            "the one-hot labels are not subtracted (softmax / n)": probs / n,
        },
    )
    return loss, grad


@pytest.mark.points(2)
def test_softmax_cross_entropy_documented_example(kata):
    """Does logits [[0, ln 3]] with label 1 give loss ln(4/3) and grad [[1/4, -1/4]]?

    softmax = [1/4, 3/4], so L = -ln(3/4) and grad = softmax - [0, 1].
    """
    loss, grad = check(kata, [[0.0, np.log(3.0)]], [1])
    assert_close(loss, np.log(4 / 3), what="loss")
    assert_close(grad, [[0.25, -0.25]], what="grad")
    check(kata, [[1000.0, 0.0]], [1])


@pytest.mark.points(2)
def test_softmax_cross_entropy_uniform_logits(kata):
    """With all logits equal (K = 4, n = 2), is L = ln 4 and grad = (1/4 - onehot)/2?"""
    loss, grad = check(kata, np.zeros((2, 4)), [0, 3])
    assert_close(loss, np.log(4), what="loss")
    assert_close(grad, (0.25 - np.eye(4)[[0, 3]]) / 2, what="grad")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, k", [(10, 3), (1, 5), (40, 10)])
def test_softmax_cross_entropy_random_cases(kata, rng, n, k):
    """Do random logits and labels match log-sum-exp and (softmax - onehot)/n?"""
    check(kata, rng.standard_normal((n, k)) * 3, rng.integers(0, k, size=n))


@pytest.mark.points(3)
def test_softmax_cross_entropy_matches_finite_differences(kata, rng):
    """Is grad the derivative of the loss the same function returns?"""
    logits = rng.standard_normal((5, 4))
    labels = rng.integers(0, 4, size=5)
    f = kata.softmax_cross_entropy
    called = describe_call(f, logits, labels)
    grad = field(call(f, logits, labels), "grad", 1)
    assert_gradient(
        grad, lambda z: field(f(z, labels), "loss", 0), logits, what="grad", called=called
    )


@pytest.mark.points(3)
def test_softmax_cross_entropy_stable_for_huge_logits(kata, rng):
    """With logits of ±1e3 (and 1e4), is everything finite and right?

    A right label with logit 1000 against 0 costs about 0; a wrong one costs 1000.
    exp(1000) overflows, and log(softmax) takes log of an underflowed 0.
    """
    loss, _ = check(kata, [[1000.0, 0.0, -1000.0], [1000.0, 0.0, -1000.0]], [0, 2])
    assert_close(loss, 1000.0, what="loss (0 and 2000, averaged)")
    check(kata, rng.standard_normal((6, 4)) * 1e3, rng.integers(0, 4, size=6))
    check(kata, [[1e4, -1e4]], [1])


GLOBAL_SHIFT = (
    "every row is shifted by the global maximum instead of its own: a row 1000 below it "
    "underflows to exp(-1000) = 0 and log(0); shift each row by its own maximum "
    "(logits.max(axis=1, keepdims=True))"
)


@pytest.mark.points(2)
def test_softmax_cross_entropy_each_row_has_its_own_shift(kata):
    """Are rows of logits around 0, 1e3 and -1e3 in one batch each right (one max per row)?"""
    logits = np.array([[0.0, 1.0, -1.0], [1000.0, 999.0, 1001.0], [-1000.0, -999.0, -1001.0]])
    labels = np.array([0, 1, 2])
    f = kata.softmax_cross_entropy

    def advice(exc):
        if "log" in str(exc) or "divide" in str(exc) or "invalid" in str(exc):
            return "log(0) or 0/0 in a row, as when " + GLOBAL_SHIFT
        return "shift each row by its maximum before exp (exp(1000) overflows)"

    call_strictly(f, logits, labels, advice=advice)
    check(kata, logits, labels)
    check(kata, logits[::-1], labels)


def test_softmax_cross_entropy_single_class(kata):
    """With K = 1 every probability is 1: is the loss 0 and the gradient 0?"""
    loss, grad = check(kata, [[3.0], [-2.0]], [0, 0])
    assert_close(loss, 0.0, what="loss")


def test_softmax_cross_entropy_labels_as_list(kata, rng):
    """Do Python lists for logits and labels work?"""
    check(kata, rng.standard_normal((3, 3)).tolist(), [2, 0, 1])


def test_softmax_cross_entropy_leaves_inputs_unchanged(kata, rng):
    """Are logits and labels exactly as before (also checked on every call)?"""
    logits = rng.standard_normal((6, 3)) * 10
    labels = rng.integers(0, 3, size=6)
    check(kata, logits, labels)  # call() compares logits and labels after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "logits, labels, why",
    [
        (np.zeros((2, 3)), [0, 3], "a label equals K = 3"),
        (np.zeros((2, 3)), [0, -1], "a label is negative"),
        (np.zeros((2, 3)), [0.5, 1], "a label is not an integer"),
        (np.zeros((2, 3)), [0, 1, 2], "3 labels for 2 rows"),
        (np.zeros(3), [0], "logits is 1-D"),
        (np.zeros((0, 3)), np.zeros(0, dtype=int), "there are no samples"),
    ],
    ids=["label-K", "label-negative", "label-float", "length", "logits-1d", "empty"],
)
def test_softmax_cross_entropy_rejects_bad_input(kata, logits, labels, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.softmax_cross_entropy, logits, labels, why=why)
