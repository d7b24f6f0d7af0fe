"""Grader for deep_learning/maxpool2d:
maxpool2d_forward_backward(X, dY, kernel_size, stride=None) -> MaxPool(Y, dX).

The reference loops over the windows, takes np.argmax of each flattened window (the
first maximum in row-major order) and adds dY there; the gradient is also checked
against central differences of L = Σ Y·dY.
"""

import math

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

NAMES = ("Y", "dX")


def reference(X, dY, k, s, tie="first", assign=False, every_tie=False):
    """Loop over windows; the variations reproduce the listed mistakes."""
    X = np.asarray(X, dtype=float)
    dY = np.asarray(dY, dtype=float)
    N, C, H, W = X.shape
    Ho, Wo = (H - k) // s + 1, (W - k) // s + 1
    Y = np.empty((N, C, Ho, Wo))
    dX = np.zeros_like(X)
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    win = X[n, c, i * s : i * s + k, j * s : j * s + k]
                    Y[n, c, i, j] = win.max()
                    if every_tie:
                        dX[n, c, i * s : i * s + k, j * s : j * s + k] += (win == win.max()) * dY[
                            n, c, i, j
                        ]
                        continue
                    flat = win.ravel()
                    a = (
                        int(np.argmax(flat))
                        if tie == "first"
                        else flat.size - 1 - int(np.argmax(flat[::-1]))
                    )
                    r, q = i * s + a // k, j * s + a % k
                    if assign:
                        dX[n, c, r, q] = dY[n, c, i, j]
                    else:
                        dX[n, c, r, q] += dY[n, c, i, j]
    return Y, dX


def check(kata, X, dY, k, stride=None, **tolerance):
    """Call the kata, compare Y and dX with the loops, name the listed mistakes."""
    f = kata.maxpool2d_forward_backward
    args = (X, dY, k) if stride is None else (X, dY, k, stride)
    called = describe_call(f, *args)
    try:
        result = call(f, *args)
    except ValueError as exc:
        fail(
            f"{called} raised ValueError ({exc}) on valid input: H_out = (H - k) // s + 1 "
            "and W_out likewise (floor mode), with s = k when stride is None"
        )
    Y, dX = fields(result, NAMES, "maxpool2d_forward_backward")
    s = k if stride is None else stride
    X = np.asarray(X, dtype=float)
    N, C, H, W = X.shape
    floor = ((H - k) // s + 1, (W - k) // s + 1)
    got = np.shape(Y)
    if got != (N, C) + floor:
        if got == (N, C, math.ceil((H - k) / s) + 1, math.ceil((W - k) / s) + 1):
            fail(
                f"{called}: Y has shape {got}, expected {(N, C) + floor}: that is ceil "
                "mode (partial windows at the edge); floor mode ignores trailing rows and "
                "columns that fill no window, H_out = (H - k) // s + 1"
            )
        if stride is None and got == (N, C, H - k + 1, W - k + 1):
            fail(
                f"{called}: Y has shape {got}, expected {(N, C) + floor}: the stride "
                "defaulted to 1; stride=None means s = k (windows that do not overlap)"
            )
    want_Y, want_dX = reference(X, dY, k, s)
    assert_close(Y, want_Y, what="Y", called=called, **tolerance)
    assert_close(
        dX,
        want_dX,
        what="dX",
        called=called,
        mistakes={
            "the gradient is sent to every tied maximum (a mask X == max); it goes to "
            "one element only, the first maximum in row-major order": reference(
                X, dY, k, s, every_tie=True
            )[1],
            "the gradient goes to the last maximum of a tie; the rule is the first, "
            "as np.argmax of the flattened window": reference(X, dY, k, s, tie="last")[1],
            "overlapping windows overwrite each other (= instead of +=): an element that "
            "wins several windows collects the sum of their gradients": reference(
                X, dY, k, s, assign=True
            )[1],
            "every element of a window gets its gradient: only the argmax moves the "
            "output": np.kron(np.asarray(dY, float), np.ones((k, k)))
            if s == k and H % k == 0 and W % k == 0
            else np.nan,
        },
        **tolerance,
    )
    return Y, dX


@pytest.mark.points(2)
def test_maxpool2d_forward_backward_documented_example(kata):
    """Does the docstring's 4x4 image with 2x2 windows give its values?

    Windows [1, 2, 3, 0], [0, 1, 1, 1], [0, 1, 4, 0], [2, 2, 2, 1]: maxima 3, 1, 4, 2,
    won by (1, 0), (0, 3) (the first of three 1s), (3, 0) and (2, 2) (the first of
    three 2s), which receive dY = 1, 2, 3, 4.
    """
    X = [[[[1, 2, 0, 1], [3, 0, 1, 1], [0, 1, 2, 2], [4, 0, 2, 1]]]]
    Y, dX = check(kata, X, [[[[1.0, 2.0], [3.0, 4.0]]]], 2)
    assert_close(Y, [[[[3.0, 1.0], [4.0, 2.0]]]], what="Y")
    want = np.zeros((1, 1, 4, 4))
    want[0, 0, 1, 0], want[0, 0, 0, 3], want[0, 0, 3, 0], want[0, 0, 2, 2] = 1, 2, 3, 4
    assert_close(dX, want, what="dX")


@pytest.mark.points(2)
def test_maxpool2d_forward_backward_ties_go_to_the_first_maximum(kata):
    """Does a window of equal values send its gradient to its top-left element only?

    X = [[5, 5], [5, 5]], k = 2, dY = 7: Y = 5 and dX = [[7, 0], [0, 0]].
    """
    Y, dX = check(kata, [[[[5.0, 5.0], [5.0, 5.0]]]], [[[[7.0]]]], 2)
    assert_close(dX, [[[[7.0, 0.0], [0.0, 0.0]]]], what="dX")


@pytest.mark.points(2)
def test_maxpool2d_forward_backward_overlapping_windows_accumulate(kata):
    """With k = 2 and s = 1, does a pixel that wins several windows collect their sum?

    X = [[0, 0, 0], [0, 9, 0], [0, 0, 0]]: the 9 wins all four windows, so Y is all 9
    and dX has 1 + 2 + 3 + 4 = 10 at the centre and 0 elsewhere.
    """
    X = [[[[0.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 0.0]]]]
    Y, dX = check(kata, X, [[[[1.0, 2.0], [3.0, 4.0]]]], 2, 1)
    assert_close(Y, np.full((1, 1, 2, 2), 9.0), what="Y")
    assert_close(dX, [[[[0.0, 0.0, 0.0], [0.0, 10.0, 0.0], [0.0, 0.0, 0.0]]]], what="dX")


def test_maxpool2d_forward_backward_floor_mode_ignores_the_edge(kata, rng):
    """With H = 5, W = 7 and k = 2, is Y (2, 3), and do the last row and column get 0?"""
    X = rng.standard_normal((2, 3, 5, 7))
    dY = rng.standard_normal((2, 3, 2, 3))
    _, dX = check(kata, X, dY, 2)
    edge = np.concatenate([np.asarray(dX)[:, :, 4, :].ravel(), np.asarray(dX)[:, :, :, 6].ravel()])
    assert_close(edge, np.zeros_like(edge), atol=0.0, what="dX on the unused edge")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "shape, k, stride",
    [
        ((2, 3, 6, 6), 2, None),
        ((1, 2, 7, 5), 3, 2),
        ((2, 2, 6, 8), 3, 1),
        ((3, 1, 9, 7), 2, 3),
        ((1, 4, 5, 5), 1, None),
        ((2, 1, 8, 6), 4, 2),
    ],
    ids=["k2", "k3-s2", "k3-s1", "k2-s3", "k1", "k4-s2"],
)
def test_maxpool2d_forward_backward_random_layers(kata, rng, shape, k, stride):
    """Do random batches (overlapping, touching and gapped windows) match the loops?"""
    s = k if stride is None else stride
    X = rng.standard_normal(shape)
    N, C, H, W = shape
    dY = rng.standard_normal((N, C, (H - k) // s + 1, (W - k) // s + 1))
    check(kata, X, dY, k, stride)


@pytest.mark.points(2)
@pytest.mark.parametrize("k, stride", [(2, None), (3, 1), (2, 1)])
def test_maxpool2d_forward_backward_ties_in_integer_images(kata, rng, k, stride):
    """On images of small integers (many ties), does each window pick its first maximum?"""
    s = k if stride is None else stride
    X = rng.integers(0, 3, size=(2, 2, 6, 7))
    dY = rng.standard_normal((2, 2, (6 - k) // s + 1, (7 - k) // s + 1))
    check(kata, X, dY, k, stride)


@pytest.mark.points(3)
@pytest.mark.parametrize("k, stride", [(2, None), (3, 2), (2, 1)])
def test_maxpool2d_forward_backward_matches_finite_differences(kata, rng, k, stride):
    """Is dX the derivative of L = Σ Y·dY (central differences, no ties)?"""
    s = k if stride is None else stride
    X = rng.permutation(60).reshape(1, 3, 4, 5) / 7.0  # distinct values: no ties
    dY = rng.standard_normal((1, 3, (4 - k) // s + 1, (5 - k) // s + 1))
    f = kata.maxpool2d_forward_backward
    args = (dY, k) if stride is None else (dY, k, stride)
    called = describe_call(f, X, *args)
    dX = field(call(f, X, *args), "dX", 1, "maxpool2d_forward_backward")

    def loss(X_):
        return float(np.sum(np.asarray(field(f(X_, *args), "Y", 0)) * dY))

    assert_gradient(dX, loss, X, what="dX", called=called)


def test_maxpool2d_forward_backward_global_pooling(kata, rng):
    """With k = H = W, is Y the maximum of each channel and dX one-hot at its argmax?"""
    X = rng.standard_normal((3, 2, 4, 4))
    dY = rng.standard_normal((3, 2, 1, 1))
    Y, dX = check(kata, X, dY, 4)
    assert_close(np.asarray(Y)[:, :, 0, 0], X.max(axis=(2, 3)), what="Y")
    assert_close(np.asarray(dX).sum(axis=(2, 3)), dY[:, :, 0, 0], what="the sum of dX")


def test_maxpool2d_forward_backward_default_stride_is_the_kernel_size(kata, rng):
    """Does stride=None give the same as stride=k, and not stride 1?"""
    X = rng.standard_normal((1, 2, 6, 6))
    dY = rng.standard_normal((1, 2, 3, 3))
    Y, dX = check(kata, X, dY, 2)
    f = kata.maxpool2d_forward_backward
    Y2, dX2 = fields(call(f, X, dY, 2, 2), NAMES, "maxpool2d_forward_backward")
    assert_close(Y, Y2, what="Y with stride=None against stride=2")
    assert_close(dX, dX2, what="dX with stride=None against stride=2")


def test_maxpool2d_forward_backward_accepts_lists_of_ints(kata):
    """Are integer lists converted to float: a 2x3 image, 2x2 windows, stride 1?"""
    Y, dX = check(kata, [[[[1, 4, 2], [3, 0, 5]]]], [[[[1, 1]]]], 2, 1)
    assert_close(Y, [[[[4.0, 5.0]]]], what="Y")
    assert_close(dX, [[[[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]]], what="dX")


def test_maxpool2d_forward_backward_leaves_inputs_unchanged(kata, rng):
    """Are X and dY left exactly as they were (call() compares them after the call)?"""
    X = rng.standard_normal((2, 2, 5, 5))
    dY = rng.standard_normal((2, 2, 2, 2))
    check(kata, X, dY, 3, 2)


def test_maxpool2d_forward_backward_makes_no_autodiff_call(kata, rng):
    """Is dX computed without automatic differentiation?"""
    X = rng.standard_normal((2, 2, 4, 6))
    dY = rng.standard_normal((2, 2, 2, 3))
    with forbid(*AUTODIFF, called="maxpool2d_forward_backward"):
        check(kata, X, dY, 2)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X_shape, dY_shape, k, stride, why",
    [
        ((1, 4, 4), (1, 2, 2), 2, None, "X is 3-D"),
        ((1, 1, 4, 4), (1, 1, 2, 2), 0, None, "kernel_size is 0"),
        ((1, 1, 4, 4), (1, 1, 2, 2), 2.0, None, "kernel_size is a float"),
        ((1, 1, 4, 4), (1, 1, 2, 2), True, None, "kernel_size is a bool"),
        ((1, 1, 4, 4), (1, 1, 2, 2), 2, 0, "stride is 0"),
        ((1, 1, 4, 4), (1, 1, 2, 2), 2, 1.5, "stride is not an integer"),
        ((1, 1, 3, 5), (1, 1, 1, 1), 4, None, "the window is taller than X"),
        ((1, 1, 5, 3), (1, 1, 1, 1), 4, None, "the window is wider than X"),
        (
            (1, 1, 4, 4),
            (1, 1, 3, 3),
            2,
            None,
            "dY has the shape stride 1 would give; stride=None means s = k, so dY should "
            "be (1, 1, 2, 2): was the stride defaulted to 1?",
        ),
        (
            (1, 1, 5, 5),
            (1, 1, 3, 3),
            2,
            None,
            "dY has the shape of ceil mode; floor mode gives (1, 1, 2, 2): are partial "
            "windows counted (ceil mode)?",
        ),
        ((1, 1, 4, 4), (1, 1, 1, 1), 2, None, "dY (1, 1, 1, 1) only broadcasts to (1, 1, 2, 2)"),
    ],
    ids=[
        "X-3d",
        "k-0",
        "k-float",
        "k-bool",
        "s-0",
        "s-float",
        "k-taller",
        "k-wider",
        "dY-stride-1",
        "dY-ceil",
        "dY-broadcast",
    ],
)
def test_maxpool2d_forward_backward_rejects_bad_input(kata, X_shape, dY_shape, k, stride, why):
    """Do bad shapes, windows and strides raise ValueError with a message?"""
    X, dY = np.ones(X_shape), np.ones(dY_shape)
    expect_error(ValueError, kata.maxpool2d_forward_backward, X, dY, k, stride, why=why)
