"""Grader for deep_learning/lstm_cell: lstm_cell_forward_backward(x, h_prev, c_prev, W,
U, b, dh, dc) -> LSTM(h, c, dx, dh_prev, dc_prev, dW, dU, db).

The reference gradients are complex-step derivatives of L = Σ h ⊙ dh + Σ c ⊙ dc
(exact to rounding, computed from the forward pass alone, with σ(z) = (1 + tanh(z/2))/2);
the kata's own forward pass is also checked against central differences. Known wrong
backward passes are computed by hand to name them.
"""

import numpy as np
import pytest

from mlkata.grading import (
    AUTODIFF,
    assert_close,
    assert_gradient,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fields,
    forbid,
)

NAMES = ("h", "c", "dx", "dh_prev", "dc_prev", "dW", "dU", "db")
INPUTS = ("x", "h_prev", "c_prev", "W", "U", "b")


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def forward(x, h_prev, c_prev, W, U, b, order="ifgo"):
    """h and c; order "igfo" reads the blocks as TensorFlow's LSTMBlockCell does."""
    z = x @ W + h_prev @ U + b
    blocks = dict(zip(order, np.split(z, 4, axis=1), strict=True))
    i, f, o = sigmoid(blocks["i"]), sigmoid(blocks["f"]), sigmoid(blocks["o"])
    c = f * c_prev + i * np.tanh(blocks["g"])
    return o * np.tanh(c), c


def complex_step(args, dh, dc, order="ifgo", step=1e-30):
    """dL/d(each input) by the complex step: Im L(a + i·step·e_k)/step, for every k."""
    grads = []
    for k, a in enumerate(args):
        g = np.zeros_like(a)
        for index in np.ndindex(a.shape):
            shifted = [v.astype(complex) for v in args]
            shifted[k][index] += 1j * step
            h, c = forward(*shifted, order=order)
            g[index] = np.sum(h * dh + c * dc).imag / step
        grads.append(g)
    return grads


def reference(args, dh, dc, order="ifgo"):
    h, c = forward(*args, order=order)
    dx, dh_prev, dc_prev, dW, dU, db = complex_step(args, dh, dc, order)
    return h, c, dx, dh_prev, dc_prev, dW, dU, db


def by_hand(args, dh, dc, mistake):
    """A backward pass with a known mistake (gate order i, f, g, o)."""
    x, h_prev, c_prev, W, U, b = args
    i, f, g, o = np.split(x @ W + h_prev @ U + b, 4, axis=1)
    i, f, g, o = sigmoid(i), sigmoid(f), np.tanh(g), sigmoid(o)
    c = f * c_prev + i * g
    tc = np.tanh(c)
    slope = 1 - c**2 if mistake == "c2" else 1 - tc**2
    total = dc if mistake == "no_h_path" else dc + dh * o * slope
    dz = np.hstack([total * g * i * (1 - i), total * c_prev * f * (1 - f)])
    dz = np.hstack([dz, total * i * (1 - g**2), dh * tc * o * (1 - o)])
    dc_prev = total if mistake == "no_f" else total * f
    return o * tc, c, dz @ W.T, dz @ U.T, dc_prev, x.T @ dz, h_prev.T @ dz, dz.sum(axis=0)


def swap_f_g(a, axis=-1):
    """Swap the second and third blocks of 4 along axis (f and g)."""
    i, f, g, o = np.split(a, 4, axis=axis)
    return np.concatenate([i, g, f, o], axis=axis)


def wrong_order(args, dh, dc):
    """What reading the blocks as i, g, f, o gives, in the kata's layout."""
    x, h_prev, c_prev, W, U, b = args
    h, c = forward(x, h_prev, c_prev, swap_f_g(W), swap_f_g(U), swap_f_g(b))
    out = list(by_hand((x, h_prev, c_prev, swap_f_g(W), swap_f_g(U), swap_f_g(b)), dh, dc, ""))
    out[5], out[6], out[7] = swap_f_g(out[5]), swap_f_g(out[6]), swap_f_g(out[7])
    return [h, c, *out[2:]]


MISTAKES = {
    "no_h_path": "the cell gradient misses the path through h: the total is "
    "dc + dh ⊙ o ⊙ (1 − tanh²c)",
    "c2": "tanh'(c) written 1 − c²: the derivative of tanh(c) is 1 − tanh²(c)",
    "no_f": "dc_prev without ⊙ f: c = f ⊙ c_prev + i ⊙ g, so dc_prev = (total dc) ⊙ f",
}
ORDER = "the gates are taken in the order i, g, f, o: this kata uses PyTorch's i, f, g, o"


def check(kata, args, dh, dc, *, strictly=False, expected=None, **tolerance):
    """Call the kata, compare all eight fields with the reference, and return them."""
    f = kata.lstm_cell_forward_backward
    caller = call_strictly if strictly else call
    called = describe_call(f, *args, dh, dc)
    got = fields(caller(f, *args, dh, dc), NAMES, "lstm_cell_forward_backward")
    arrays = [np.asarray(a, dtype=float) for a in args]
    dh, dc = np.asarray(dh, dtype=float), np.asarray(dc, dtype=float)
    want = expected if expected is not None else reference(arrays, dh, dc)
    wrongs = {words: by_hand(arrays, dh, dc, key) for key, words in MISTAKES.items()}
    wrongs[ORDER] = wrong_order(arrays, dh, dc)
    for k, (name, value, e) in enumerate(zip(NAMES, got, want, strict=True)):
        mistakes = {words: w[k] for words, w in wrongs.items()}
        assert_close(value, e, what=name, called=called, mistakes=mistakes, **tolerance)
    return got


def random_cell(rng, N, d_in, d_h, scale=1.0):
    x = rng.standard_normal((N, d_in))
    h_prev = np.tanh(rng.standard_normal((N, d_h)))
    c_prev = rng.standard_normal((N, d_h))
    W = scale * rng.standard_normal((d_in, 4 * d_h))
    U = scale * rng.standard_normal((d_h, 4 * d_h))
    b = scale * rng.standard_normal(4 * d_h)
    dh, dc = rng.standard_normal((2, N, d_h))
    return (x, h_prev, c_prev, W, U, b), dh, dc


@pytest.mark.points(2)
def test_lstm_cell_forward_backward_documented_example(kata):
    """Does the docstring's zero-weight step give its values?

    z = 0: i = f = o = 1/2, g = 0; c = c_prev/2 = 0.5, h = tanh(0.5)/2. With dh = 1,
    dc = 0: total dc = (1 − tanh²0.5)/2, dc_prev = total/2, db = (0, total·c_prev/4,
    total/2, tanh(0.5)/4).
    """
    zeros = [[0.0, 0.0, 0.0, 0.0]]
    args = ([[1.0]], [[0.0]], [[1.0]], zeros, zeros, [0.0, 0.0, 0.0, 0.0])
    h, c, dx, dh_prev, dc_prev, dW, dU, db = check(kata, args, [[1.0]], [[0.0]])
    t = np.tanh(0.5)
    total = 0.5 * (1 - t**2)
    assert_close(c, [[0.5]], what="c")
    assert_close(h, [[t / 2]], what="h")
    assert_close(dc_prev, [[total / 2]], what="dc_prev")
    assert_close(db, [0.0, total / 4, total / 2, t / 4], what="db")
    assert_close(dW, [[0.0, total / 4, total / 2, t / 4]], what="dW")


@pytest.mark.points(2)
def test_lstm_cell_forward_backward_gate_order_by_hand(kata):
    """Do the bias blocks act as i, f, g, o: b = (0, 40, atanh 0.5, 0) with d_h = 1?

    With zero weights, z = b: i = σ(0) = 1/2, f = σ(40) ≈ 1, g = tanh(atanh 0.5) = 0.5,
    o = 1/2. With c_prev = 2: c = 2σ(40) + 0.25 ≈ 2.25 and h = tanh(c)/2. Reading the
    blocks as i, g, f, o would give f = σ(atanh 0.5) and g = tanh(40) ≈ 1.
    """
    zeros = np.zeros((1, 4))
    b = [0.0, 40.0, np.arctanh(0.5), 0.0]
    h, c, *_ = check(kata, ([[1.0]], [[0.0]], [[2.0]], zeros, zeros, b), [[1.0]], [[1.0]])
    f40 = 1 / (1 + np.exp(-40.0))
    assert_close(c, [[2 * f40 + 0.25]], what="c")
    assert_close(h, [[0.5 * np.tanh(2 * f40 + 0.25)]], what="h")


@pytest.mark.points(3)
@pytest.mark.parametrize("N, d_in, d_h", [(1, 1, 1), (3, 2, 2), (4, 3, 1), (2, 1, 3), (5, 4, 2)])
def test_lstm_cell_forward_backward_random_cells(kata, rng, N, d_in, d_h):
    """Do random cells match complex-step derivatives of L = Σ h⊙dh + Σ c⊙dc?"""
    check(kata, *random_cell(rng, N, d_in, d_h))


@pytest.mark.points(3)
def test_lstm_cell_forward_backward_matches_finite_differences(kata, rng):
    """Are the six gradients the central differences of the kata's own forward pass?"""
    args, dh, dc = random_cell(rng, 3, 2, 2)
    f = kata.lstm_cell_forward_backward
    called = describe_call(f, *args, dh, dc)
    got = fields(call(f, *args, dh, dc), NAMES)

    def loss(k, value):
        new = list(args)
        new[k] = value
        h, c = fields(f(*new, dh, dc), NAMES)[:2]
        return float(np.sum(np.asarray(h) * dh + np.asarray(c) * dc))

    for k, (name, grad) in enumerate(zip(INPUTS, got[2:], strict=True)):
        assert_gradient(grad, lambda v, k=k: loss(k, v), args[k], what=f"d{name}", called=called)


def test_lstm_cell_forward_backward_cell_gradient_alone(kata, rng):
    """With dh = 0 (a loss on c only), is dc_prev = dc ⊙ f and dz_o = 0?"""
    args, dh, dc = random_cell(rng, 3, 2, 2)
    *_, db = check(kata, args, np.zeros_like(dh), dc)
    assert_close(np.asarray(db)[6:], np.zeros(2), atol=0.0, what="db of the o gate")


def test_lstm_cell_forward_backward_zero_upstream_gradient(kata, rng):
    """With dh = dc = 0, are all six gradients exactly 0?"""
    args, dh, dc = random_cell(rng, 2, 3, 2)
    got = check(kata, args, np.zeros_like(dh), np.zeros_like(dc))
    for name, value in zip(NAMES[2:], got[2:], strict=True):
        assert_close(value, np.zeros(np.shape(value)), atol=0.0, what=name)


@pytest.mark.points(2)
def test_lstm_cell_forward_backward_large_pre_activations(kata, rng):
    """With pre-activations of ±1e3 (saturated gates), no overflow and the right values?

    Saturated gates are exactly 0 or 1 in float64, so the sigmoid-derivative terms
    vanish; the reference is the hand-written backward pass (checked above against
    complex steps), under errstate(over="raise").
    """
    args, dh, dc = random_cell(rng, 3, 2, 2)
    x, h_prev, c_prev, W, U, b = args
    b = 1e3 * np.sign(b)
    W, U = 1e-3 * W, 1e-3 * U
    args = (x, h_prev, c_prev, W, U, b)
    with np.errstate(over="ignore"):
        expected = by_hand(args, dh, dc, "")
    check(kata, args, dh, dc, strictly=True, expected=expected)


def test_lstm_cell_forward_backward_accepts_lists_of_ints(kata):
    """Are integer lists converted to float (N = d_in = d_h = 1)?"""
    check(kata, ([[1]], [[0]], [[1]], [[1, 0, 1, 0]], [[0, 1, 0, 1]], [0, 1, 0, 0]), [[1]], [[1]])


def test_lstm_cell_forward_backward_leaves_inputs_unchanged(kata, rng):
    """Are all eight inputs left exactly as they were (call() compares them after the call)?"""
    args, dh, dc = random_cell(rng, 2, 2, 3)
    check(kata, args, dh, dc)


def test_lstm_cell_forward_backward_makes_no_autodiff_call(kata, rng):
    """Are the gradients computed without automatic differentiation?"""
    args, dh, dc = random_cell(rng, 2, 2, 2)
    with forbid(*AUTODIFF, called="lstm_cell_forward_backward"):
        check(kata, args, dh, dc)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "shapes, why",
    [
        (((3,), (1, 2), (1, 2), (3, 8), (2, 8), (8,), (1, 2), (1, 2)), "x is 1-D"),
        (((1, 3), (1, 2), (1, 2), (3, 6), (2, 6), (6,), (1, 2), (1, 2)), "W has 3 d_h columns"),
        (((1, 3), (1, 2), (1, 2), (2, 8), (2, 8), (8,), (1, 2), (1, 2)), "W has 2 rows, d_in = 3"),
        (((1, 3), (1, 2), (1, 2), (3, 8), (3, 8), (8,), (1, 2), (1, 2)), "U has 3 rows, d_h = 2"),
        (((1, 3), (1, 2), (1, 2), (3, 8), (2, 8), (4,), (1, 2), (1, 2)), "b has 4 entries"),
        (((1, 3), (1, 2), (2, 2), (3, 8), (2, 8), (8,), (1, 2), (1, 2)), "c_prev has 2 rows"),
        (((1, 3), (2, 2), (2, 2), (3, 8), (2, 8), (8,), (2, 2), (2, 2)), "h_prev has 2 rows"),
        (((1, 3), (1, 2), (1, 2), (3, 8), (2, 8), (8,), (1, 1), (1, 2)), "dh is (1, 1)"),
        (((1, 3), (1, 2), (1, 2), (3, 8), (2, 8), (8,), (1, 2), (2,)), "dc is 1-D"),
    ],
    ids=["x-1d", "W-cols", "W-rows", "U-rows", "b", "c_prev", "h_prev", "dh", "dc-1d"],
)
def test_lstm_cell_forward_backward_rejects_bad_input(kata, shapes, why):
    """Do inputs that are not 2-D or do not fit raise ValueError with a message?"""
    arrays = [np.full(s, 0.5) for s in shapes]
    expect_error(ValueError, kata.lstm_cell_forward_backward, *arrays, why=why)
