"""Grader for deep_learning/rnn_bptt: rnn_forward_backward(X, h0, Wx, Wh, b, dH) ->
RNN(H, dX, dh0, dWx, dWh, db).

The reference backpropagates each step's loss term dH[s]·h_s on its own, from h_s back
to h0, and adds up the contributions (the loss is a sum, so its gradient is too); the
gradients are also checked against central differences of L = Σ H ⊙ dH.
"""

import numpy as np
import pytest

from mlkata.grading import (
    AUTODIFF,
    assert_close,
    assert_gradient,
    call,
    describe_call,
    expect_error,
    fail,
    field,
    fields,
    forbid,
)

NAMES = ("H", "dX", "dh0", "dWx", "dWh", "db")


def forward(X, h0, Wx, Wh, b):
    states = [h0]
    for x in X:
        states.append(np.tanh(x @ Wx + states[-1] @ Wh + b))
    return np.array(states)  # row t holds h_t, row 0 is h0


def reference(X, h0, Wx, Wh, b, dH):
    """Superpose the backward passes of the loss terms dH[s]·h_s, one s at a time."""
    X, h0, Wx, Wh, b, dH = (np.asarray(a, dtype=float) for a in (X, h0, Wx, Wh, b, dH))
    S = forward(X, h0, Wx, Wh, b)
    dX, dh0 = np.zeros_like(X), np.zeros_like(h0)
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)
    for s in range(1, len(X) + 1):
        g = dH[s - 1].copy()  # dL_s/dh_t, starting at t = s
        for t in range(s, 0, -1):
            dz = g * (1.0 - S[t] ** 2)
            dX[t - 1] += Wx @ dz
            dWx += np.outer(X[t - 1], dz)
            dWh += np.outer(S[t - 1], dz)
            db += dz
            g = Wh @ dz
        dh0 += g
    return S[1:], dX, dh0, dWx, dWh, db


def wrong(X, h0, Wx, Wh, b, dH, mistake):
    """The values a known mistake gives, by the usual backward recursion."""
    S = forward(X, h0, Wx, Wh, b)
    H, Hp = S[1:], S[:-1]
    T = len(X)
    if mistake == "last":
        dH = np.where(np.arange(T)[:, None] == T - 1, dH, 0.0)
    dZ = np.zeros_like(H)
    carry = np.zeros_like(h0)
    for t in range(T - 1, -1, -1):
        upstream = dH[t] if mistake == "truncated" else dH[t] + carry
        slope = 1.0 - (Hp[t] if mistake == "tanh_prev" else H[t]) ** 2
        dZ[t] = upstream * slope
        carry = dZ[t] @ Wh.T
    dWh = {"dWh_h_t": H.T @ dZ, "dWh_transposed": dZ.T @ Hp}.get(mistake, Hp.T @ dZ)
    return H, dZ @ Wx.T, carry, X.T @ dZ, dWh, dZ.sum(axis=0)


MISTAKES = {
    "last": "only the last step's dH is used: the loss has a term on every step, so dH[t] "
    "joins the gradient reaching h_t at every t",
    "truncated": "the gradient is not carried back through Wh (one-step truncation): "
    "dz_t = (dH_t + dz_{t+1} Whᵀ) ⊙ (1 − h_t²)",
    "tanh_prev": "tanh' is evaluated at h_{t-1}: the derivative of h_t = tanh(z_t) is "
    "1 − h_t², at the step's own output",
    "dWh_h_t": "dWh is built from h_t instead of h_{t-1}: z_t = x_t Wx + h_{t-1} Wh + b, so "
    "dWh = Σ h_{t-1}ᵀ dz_t",
    "dWh_transposed": "dWh is transposed (Σ dz_tᵀ h_{t-1}): dWh = Σ h_{t-1}ᵀ dz_t, row i for "
    "h_{t-1}[i]",
}


def check(kata, X, h0, Wx, Wh, b, dH, **tolerance):
    """Call the kata, compare all six fields with the reference, and return them."""
    f = kata.rnn_forward_backward
    called = describe_call(f, X, h0, Wx, Wh, b, dH)
    got = fields(call(f, X, h0, Wx, Wh, b, dH), NAMES, "rnn_forward_backward")
    want = reference(X, h0, Wx, Wh, b, dH)
    arrays = [np.asarray(a, dtype=float) for a in (X, h0, Wx, Wh, b, dH)]
    wrongs = {words: wrong(*arrays, key) for key, words in MISTAKES.items()}
    for i, (name, value, expected) in enumerate(zip(NAMES, got, want, strict=True)):
        mistakes = {words: w[i] for words, w in wrongs.items()}
        if name == "H" and np.shape(value) == (len(expected) + 1, len(arrays[1])):
            fail(f"{called}: H has shape {np.shape(value)}: H includes h0, but it holds h_1 … h_T")
        assert_close(value, expected, what=name, called=called, mistakes=mistakes, **tolerance)
    return got


def random_rnn(rng, T, d_in, d_h, scale=1.0):
    X = rng.standard_normal((T, d_in))
    h0 = 0.5 * rng.standard_normal(d_h)
    Wx = scale * rng.standard_normal((d_in, d_h)) / np.sqrt(d_in)
    Wh = scale * rng.standard_normal((d_h, d_h)) / np.sqrt(d_h)
    b = 0.3 * rng.standard_normal(d_h)
    dH = rng.standard_normal((T, d_h))
    return X, h0, Wx, Wh, b, dH


@pytest.mark.points(2)
def test_rnn_forward_backward_documented_example(kata):
    """Does the docstring's linear-regime example give its values?

    Everything 0 but Wx = 2, Wh = 0.5 keeps h_t = 0 and tanh' = 1: dz_3 = 1,
    dz_2 = 1 + 0.5 = 1.5, dz_1 = 1 + 0.75 = 1.75; dX = 2 dz = [3.5, 3, 2], db = 4.25,
    dh0 = 0.5 · 1.75 = 0.875, dWx = dWh = 0 (x and h are 0).
    """
    H, dX, dh0, dWx, dWh, db = check(
        kata, [[0.0], [0.0], [0.0]], [0.0], [[2.0]], [[0.5]], [0.0], [[1.0], [1.0], [1.0]]
    )
    assert_close(H, [[0.0], [0.0], [0.0]], what="H")
    assert_close(dX, [[3.5], [3.0], [2.0]], what="dX")
    assert_close(dh0, [0.875], what="dh0")
    assert_close(db, [4.25], what="db")
    assert_close(dWx, [[0.0]], what="dWx")
    assert_close(dWh, [[0.0]], what="dWh")


@pytest.mark.points(2)
def test_rnn_forward_backward_one_step_by_hand(kata):
    """With T = 1, x = 1, Wx = ln 2, h0 = 0.5, Wh = 0, b = 0: h = tanh(ln 2) = 0.6?

    tanh(ln 2) = (2 − 1/2)/(2 + 1/2) = 0.6, so tanh' = 1 − 0.36 = 0.64 and with dH = 1,
    dz = 0.64: dX = 0.64 ln 2, dWx = 0.64, dWh = h0 · 0.64 = 0.32, db = 0.64, dh0 = 0.
    """
    ln2 = np.log(2.0)
    H, dX, dh0, dWx, dWh, db = check(kata, [[1.0]], [0.5], [[ln2]], [[0.0]], [0.0], [[1.0]])
    assert_close(H, [[0.6]], what="H")
    assert_close(dX, [[0.64 * ln2]], what="dX")
    assert_close([dWx[0][0], dWh[0][0], db[0], dh0[0]], [0.64, 0.32, 0.64, 0.0], what="grads")


@pytest.mark.points(3)
@pytest.mark.parametrize("T, d_in, d_h", [(1, 2, 3), (2, 1, 1), (5, 3, 4), (12, 4, 2), (30, 2, 5)])
def test_rnn_forward_backward_random_sequences(kata, rng, T, d_in, d_h):
    """Do random sequences match the superposed per-step backward passes?"""
    check(kata, *random_rnn(rng, T, d_in, d_h))


@pytest.mark.points(3)
def test_rnn_forward_backward_matches_finite_differences(kata, rng):
    """Are all five gradients the derivatives of L = Σ H ⊙ dH (central differences)?"""
    X, h0, Wx, Wh, b, dH = random_rnn(rng, 6, 3, 4, scale=1.5)
    f = kata.rnn_forward_backward
    called = describe_call(f, X, h0, Wx, Wh, b, dH)
    _, dX, dh0, dWx, dWh, db = fields(call(f, X, h0, Wx, Wh, b, dH), NAMES)

    def loss(*args):
        return float(np.sum(forward(*args)[1:] * dH))

    assert_gradient(dX, lambda v: loss(v, h0, Wx, Wh, b), X, what="dX", called=called)
    assert_gradient(dh0, lambda v: loss(X, v, Wx, Wh, b), h0, what="dh0", called=called)
    assert_gradient(dWx, lambda v: loss(X, h0, v, Wh, b), Wx, what="dWx", called=called)
    assert_gradient(dWh, lambda v: loss(X, h0, Wx, v, b), Wh, what="dWh", called=called)
    assert_gradient(db, lambda v: loss(X, h0, Wx, Wh, v), b, what="db", called=called)


def test_rnn_forward_backward_hidden_states_feed_forward(kata, rng):
    """Is H the recurrence itself: row t equals tanh(x_t Wx + h_{t-1} Wh + b)?"""
    X, h0, Wx, Wh, b, dH = random_rnn(rng, 8, 3, 3)
    f = kata.rnn_forward_backward
    H = np.asarray(field(call(f, X, h0, Wx, Wh, b, dH), "H", 0), dtype=float)
    if H.shape != (8, 3):
        fail(f"H has shape {H.shape}, expected (8, 3): h_1 … h_T, without h0")
    previous = np.vstack([h0, H[:-1]])
    assert_close(H, np.tanh(X @ Wx + previous @ Wh + b), what="H", called=describe_call(f, X))


def test_rnn_forward_backward_loss_on_the_last_step_only(kata, rng):
    """With dH zero except at h_T, does the gradient still reach x_1 and h0 through Wh?"""
    X, h0, Wx, Wh, b, dH = random_rnn(rng, 7, 2, 3, scale=1.2)
    dH[:-1] = 0.0
    _, dX, dh0, *_ = check(kata, X, h0, Wx, Wh, b, dH)
    if not np.any(np.abs(np.asarray(dX)[0]) > 1e-12) or not np.any(np.abs(dh0) > 1e-12):
        fail("dX[0] or dh0 is 0 with a loss on h_T only: carry dz back through Wh")


def test_rnn_forward_backward_zero_upstream_gradient(kata, rng):
    """With dH = 0, are all gradients exactly 0?"""
    X, h0, Wx, Wh, b, dH = random_rnn(rng, 4, 2, 3)
    got = check(kata, X, h0, Wx, Wh, b, np.zeros_like(dH))
    for name, value in zip(NAMES[1:], got[1:], strict=True):
        assert_close(value, np.zeros(np.shape(value)), atol=0.0, what=name)


def test_rnn_forward_backward_saturated_units(kata, rng):
    """With pre-activations of ±50 (tanh saturated, tanh' ≈ 0), are H finite and dX ≈ 0?"""
    X, h0, Wx, Wh, b, dH = random_rnn(rng, 5, 2, 3)
    _, dX, *_ = check(kata, X, h0, 0.1 * Wx, 0.1 * Wh, 50.0 * np.sign(b), dH)
    assert_close(dX, np.zeros_like(X), atol=1e-12, what="dX")


def test_rnn_forward_backward_accepts_lists_of_ints(kata):
    """Are integer lists converted to float (T = 2, d_in = d_h = 1)?"""
    check(kata, [[1], [0]], [0], [[1]], [[1]], [0], [[0], [1]])


def test_rnn_forward_backward_leaves_inputs_unchanged(kata, rng):
    """Are X, h0, Wx, Wh, b and dH left exactly as they were (call() compares them)?"""
    arrays = random_rnn(rng, 5, 2, 3)
    check(kata, *arrays)


def test_rnn_forward_backward_makes_no_autodiff_call(kata, rng):
    """Are the gradients computed without automatic differentiation?"""
    arrays = random_rnn(rng, 4, 3, 2)
    with forbid(*AUTODIFF, called="rnn_forward_backward"):
        check(kata, *arrays)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "shapes, why",
    [
        (((3,), (2,), (1, 2), (2, 2), (2,), (3, 2)), "X is 1-D"),
        (((0, 1), (2,), (1, 2), (2, 2), (2,), (0, 2)), "T = 0: no steps"),
        (((3, 1), (2,), (2, 2), (2, 2), (2,), (3, 2)), "Wx has 2 rows for d_in = 1"),
        (((3, 1), (2,), (1, 2), (2, 3), (2,), (3, 2)), "Wh is not (d_h, d_h)"),
        (((3, 1), (2,), (1, 2), (2, 2), (1,), (3, 2)), "b has 1 entry for d_h = 2"),
        (((3, 1), (2,), (1, 2), (2, 2), (2,), (4, 2)), "dH has 4 rows for T = 3"),
        (((3, 1), (2,), (1, 2), (2, 2), (2,), (3, 1)), "dH has 1 column for d_h = 2"),
        (((3, 1), (1, 2), (1, 2), (2, 2), (2,), (3, 2)), "h0 is 2-D"),
    ],
    ids=["X-1d", "T-0", "Wx-rows", "Wh-shape", "b-length", "dH-rows", "dH-cols", "h0-2d"],
)
def test_rnn_forward_backward_rejects_bad_input(kata, shapes, why):
    """Do shapes that do not fit raise ValueError with a message?"""
    X, h0, Wx, Wh, b, dH = (np.full(s, 0.5) for s in shapes)
    expect_error(ValueError, kata.rnn_forward_backward, X, h0, Wx, Wh, b, dH, why=why)
