"""Grader for calculus/backprop_step: mlp_backprop_step(params, X, y, lr)
-> Step(loss, grads, params), a two-layer ReLU network with softmax cross-entropy."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    field,
    fields,
)

NAMES = ("W1", "b1", "W2", "b2")


def make_problem(rng, n=12, d=4, h=6, k=3, scale=1.0):
    params = {
        "W1": rng.standard_normal((d, h)) * scale,
        "b1": rng.standard_normal(h) * 0.1,
        "W2": rng.standard_normal((h, k)) * scale,
        "b2": rng.standard_normal(k) * 0.1,
    }
    return params, rng.standard_normal((n, d)), rng.integers(0, k, size=n)


def reference_loss(params, X, y):
    hidden = np.maximum(X @ params["W1"] + params["b1"], 0.0)
    logits = hidden @ params["W2"] + params["b2"]
    log_norm = np.logaddexp.reduce(logits, axis=1)
    return float(np.mean(log_norm - logits[np.arange(len(y)), y]))


def reference(params, X, y):
    """Forward and backward pass written out with one-hot labels."""
    n = len(y)
    pre = X @ params["W1"] + params["b1"]
    hidden = np.maximum(pre, 0.0)
    logits = hidden @ params["W2"] + params["b2"]
    probs = np.exp(logits - np.logaddexp.reduce(logits, axis=1, keepdims=True))
    onehot = np.eye(params["W2"].shape[1])[y]
    dlogits = (probs - onehot) / n
    dhidden = dlogits @ params["W2"].T
    dpre = np.where(pre > 0, dhidden, 0.0)
    grads = {"W1": X.T @ dpre, "b1": dpre.sum(0), "W2": hidden.T @ dlogits, "b2": dlogits.sum(0)}
    leaky = np.where(pre >= 0, dhidden, 0.0)
    relu_at_zero = {"W1": X.T @ leaky, "b1": leaky.sum(0)}
    return reference_loss(params, X, y), grads, relu_at_zero


def _stability_advice(exc):
    if "overflow" in str(exc):
        return "shift each row of logits by its maximum before exp (exp(1000) overflows)"
    return (
        "log(0) or 0/0: a row's sum of exponentials underflowed to 0, as when every row is "
        "shifted by the global maximum instead of its own; shift each row by its own "
        "maximum (logits.max(axis=1, keepdims=True))"
    )


def check(kata, params, X, y, lr=0.1, *, strict=False, **tolerance):
    """Call mlp_backprop_step (under strict floats if ``strict``) and check every output."""
    f = kata.mlp_backprop_step
    called = describe_call(f, params, X, y, lr)
    if strict:
        result = call_strictly(f, params, X, y, lr, advice=_stability_advice)
    else:
        result = call(f, params, X, y, lr)
    loss, grads, new = fields(result, ["loss", "grads", "params"], "mlp_backprop_step")
    want_loss, want, relu_at_zero = reference(params, np.asarray(X, float), np.asarray(y))
    n = len(y)
    assert_close(
        loss,
        want_loss,
        what="loss",
        called=called,
        **tolerance,
        mistakes={"summed over samples instead of the mean": want_loss * n},
    )
    for kind, got in (("grads", grads), ("params", new)):
        if not isinstance(got, dict) or set(got) != set(NAMES):
            fail(
                f"{called}: {kind} should be a dict with keys {list(NAMES)}, got "
                f"{sorted(got) if isinstance(got, dict) else type(got).__name__}"
            )
    for name in NAMES:
        mistakes = {
            "no division by n: the loss is a mean over the batch": want[name] * n,
            "the gradient has the wrong sign": -want[name],
        }
        if name in relu_at_zero:
            mistakes["relu'(0) taken as 1 (H >= 0): a unit at exactly 0 passes no gradient"] = (
                relu_at_zero[name]
            )
        assert_close(
            grads[name],
            want[name],
            what=f"grads[{name!r}]",
            called=called,
            mistakes=mistakes,
            **tolerance,
        )
        step = np.asarray(params[name], float) - lr * want[name]
        assert_close(
            new[name],
            step,
            what=f"params[{name!r}] after the step",
            called=called,
            mistakes={
                "stepped uphill (old + lr * grad)": np.asarray(params[name], float)
                + lr * want[name]
            },
            **tolerance,
        )
    return loss, grads, new


@pytest.mark.points(2)
def test_mlp_backprop_step_documented_example(kata):
    """Does the docstring's identity network give loss 0.313262 and grads['b2'] = +-0.268941?"""
    params = {"W1": np.eye(2), "b1": np.zeros(2), "W2": np.eye(2), "b2": np.zeros(2)}
    loss, grads, new = check(kata, params, [[1.0, 0.0]], [0], lr=0.1)
    assert_close(loss, np.log1p(np.exp(-1.0)), what="loss")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, h, k", [(12, 4, 6, 3), (1, 3, 2, 2), (40, 5, 16, 7)])
def test_mlp_backprop_step_random_networks(kata, rng, n, d, h, k):
    """Do loss, gradients and the new parameters match on random networks?"""
    params, X, y = make_problem(rng, n, d, h, k)
    check(kata, params, X, y, lr=0.05)


@pytest.mark.points(3)
def test_mlp_backprop_step_gradients_match_finite_differences(kata, rng):
    """Is each gradient the derivative of the loss the function itself reports?"""
    params, X, y = make_problem(rng, n=6, d=3, h=4, k=3)
    f = kata.mlp_backprop_step
    called = describe_call(f, params, X, y, 0.1)
    grads = field(call(f, params, X, y, 0.1), "grads", 1)
    for name in NAMES:

        def loss_at(value, name=name):
            changed = {**params, name: value}
            return field(f(changed, X, y, 0.0), "loss", 0)

        assert_gradient(grads[name], loss_at, params[name], what=f"grads[{name!r}]", called=called)


@pytest.mark.points(2)
def test_mlp_backprop_step_relu_derivative_at_zero_is_zero(kata, rng):
    """Does a hidden unit at exactly 0 pass no gradient (relu'(0) = 0)?

    Zero input rows with b1 = 0 put every hidden unit of those samples at exactly 0.
    """
    params, X, y = make_problem(rng, n=8, d=3, h=5, k=3)
    params["b1"] = np.zeros(5)
    X[::2] = 0.0
    check(kata, params, X, y)


def test_mlp_backprop_step_large_logits_are_stable(kata, rng):
    """With logits in the thousands, is everything finite (shift before exp)?"""
    params, X, y = make_problem(rng, n=10, d=3, h=4, k=3, scale=30.0)
    check(kata, params, X, y, strict=True, rtol=1e-6, atol=1e-8)


def test_mlp_backprop_step_single_class(kata, rng):
    """With K = 1 the loss is 0 and every gradient is 0: does that come out?"""
    params, X, y = make_problem(rng, n=5, d=3, h=4, k=1)
    check(kata, params, X, y)


@pytest.mark.points(2)
def test_mlp_backprop_step_leaves_params_unchanged(kata, rng):
    """Are the input dict and its arrays untouched, and the new arrays fresh?"""
    params, X, y = make_problem(rng)
    _, _, new = check(kata, params, X, y, lr=0.5)  # call() compares params after the call
    # call() cannot see an output that shares memory with an input: check that here
    for name in NAMES:
        if new[name] is params[name] or np.shares_memory(new[name], params[name]):
            fail(
                f"params[{name!r}] of the result is the input's array: build new arrays "
                "(W - lr * dW), do not update in place"
            )


def test_mlp_backprop_step_integer_labels_as_list(kata, rng):
    """Do plain Python lists for X and y work?"""
    params, X, y = make_problem(rng, n=4, d=2, h=3, k=2)
    check(kata, params, X.tolist(), y.tolist())


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "change, why",
    [
        ("label_too_big", "a label equals K"),
        ("negative_label", "a label is negative"),
        ("missing_key", "params has no 'b2'"),
        ("wrong_W2", "W2 has the wrong number of rows"),
        ("X_1d", "X is 1-D"),
    ],
)
def test_mlp_backprop_step_rejects_bad_input(kata, rng, change, why):
    """Does bad input raise ValueError with a message?"""
    params, X, y = make_problem(rng, n=6, d=3, h=4, k=3)
    if change == "label_too_big":
        y[0] = 3
    elif change == "negative_label":
        y[0] = -1
    elif change == "missing_key":
        del params["b2"]
    elif change == "wrong_W2":
        params["W2"] = params["W2"][:-1]
    elif change == "X_1d":
        X = X[0]
        y = y[:1]
    expect_error(ValueError, kata.mlp_backprop_step, params, X, y, 0.1, why=why)
