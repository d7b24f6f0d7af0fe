"""Grader for signals/conv2d: conv2d_forward_backward(X, W, b, dY) -> Conv(Y, dX, dW, db).

Stride 1, no padding, cross-correlation. The reference loops over the output
positions (i, j), adding each patch's contributions; the gradients are also checked
against central differences of L = Σ Y·dY.
"""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call,
    describe_call,
    expect_error,
    field,
    fields,
    forbid,
)

NAMES = ("Y", "dX", "dW", "db")
SHORTCUTS = ("scipy.signal.*", "scipy.ndimage.*", "numpy.convolve", "numpy.correlate")


def reference(X, W, b, dY):
    """Loop over output positions: patch (i, j) feeds Y[:, :, i, j] and takes back dY there."""
    X, W, b, dY = (np.asarray(a, dtype=float) for a in (X, W, b, dY))
    N, C, H, Wd = X.shape
    F, _, kh, kw = W.shape
    Ho, Wo = H - kh + 1, Wd - kw + 1
    Y = np.empty((N, F, Ho, Wo))
    dX, dW = np.zeros_like(X), np.zeros_like(W)
    for i in range(Ho):
        for j in range(Wo):
            patch = X[:, :, i : i + kh, j : j + kw]  # (N, C, kh, kw)
            Y[:, :, i, j] = np.tensordot(patch, W, axes=([1, 2, 3], [1, 2, 3])) + b
            g = dY[:, :, i, j]  # (N, F)
            dW += np.tensordot(g, patch, axes=([0], [0]))
            dX[:, :, i : i + kh, j : j + kw] += np.tensordot(g, W, axes=([1], [0]))
    db = dY.sum(axis=(0, 2, 3))
    return Y, dX, dW, db


def check(kata, X, W, b, dY, **tolerance):
    """Call the kata, compare all four fields with the reference, and return them."""
    f = kata.conv2d_forward_backward
    called = describe_call(f, X, W, b, dY)
    got = fields(call(f, X, W, b, dY), NAMES, "conv2d_forward_backward")
    Y, dX, dW, db = reference(X, W, b, dY)
    X, W, b, dY = (np.asarray(a, dtype=float) for a in (X, W, b, dY))
    flipped = W[:, :, ::-1, ::-1]
    Yf, dXf, _, _ = reference(X, flipped, b, dY)
    N, _, Ho, Wo = dY.shape
    mistakes = {
        "Y": {
            "the kernel is flipped (a true convolution): this layer is a cross-correlation, "
            "Y[n, f, i, j] = b[f] + Σ X[n, c, i + p, j + q] W[f, c, p, q]": Yf,
            "the bias is left out": Y - b[None, :, None, None],
        },
        "dX": {
            "dX uses the flipped kernel: each input pixel collects dY[u - p, v - q] times "
            "W[p, q], the kernel as it is": dXf,
        },
        "dW": {
            "dW is flipped: dW[f, c, p, q] = Σ dY[n, f, i, j] X[n, c, i + p, j + q]": (
                dW[:, :, ::-1, ::-1]
            ),
            "dW averaged over the batch (divided by N): dY already holds any mean": dW / N,
        },
        "db": {
            "db is a mean: the bias is added at every position of every image, so its "
            "gradient is the sum of dY over n, i and j": db / (N * Ho * Wo),
            "db averaged over the batch (divided by N)": db / N,
        },
    }
    for name, value, want in zip(NAMES, got, (Y, dX, dW, db), strict=True):
        assert_close(value, want, what=name, called=called, mistakes=mistakes[name], **tolerance)
    return got


def random_layer(rng, N, C, H, Wd, F, kh, kw):
    X = rng.standard_normal((N, C, H, Wd))
    W = rng.standard_normal((F, C, kh, kw))
    b = rng.standard_normal(F)
    dY = rng.standard_normal((N, F, H - kh + 1, Wd - kw + 1))
    return X, W, b, dY


@pytest.mark.points(2)
def test_conv2d_forward_backward_documented_example(kata):
    """Does the docstring's 3x3 image with a 2x2 kernel give its values?

    Y[i, j] = X[i, j] - X[i + 1, j + 1] + 0.5 = [[0.5, -0.5], [0.5, 0.5]];
    dW[p, q] = 1·X[p, q] + 2·X[1 + p, 1 + q] = [[3, 8], [0, 3]]; db = 1 + 2 = 3; dX
    places 1·W at (0, 0) and 2·W at (1, 1).
    """
    X = [[[[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [2.0, 0.0, 1.0]]]]
    W = [[[[1.0, 0.0], [0.0, -1.0]]]]
    Y, dX, dW, db = check(kata, X, W, [0.5], [[[[1.0, 0.0], [0.0, 2.0]]]])
    assert_close(Y, [[[[0.5, -0.5], [0.5, 0.5]]]], what="Y")
    assert_close(dX, [[[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, -2.0]]]], what="dX")
    assert_close(dW, [[[[3.0, 8.0], [0.0, 3.0]]]], what="dW")
    assert_close(db, [3.0], what="db")


@pytest.mark.points(2)
def test_conv2d_forward_backward_cross_correlation_by_hand(kata):
    """Is the kernel slid as it is, not flipped: a 1x4 image and the kernel [1, 2]?

    X = [1, 2, 3, 4], W = [1, 2], b = 0: Y = [1 + 4, 2 + 6, 3 + 8] = [5, 8, 11] (a
    flipped kernel would give [4, 7, 10]); with dY = [1, 0, 1], dX = [1, 2, 1, 2],
    dW = [1 + 3, 2 + 4] = [4, 6], db = 2.
    """
    Y, dX, dW, db = check(
        kata, [[[[1.0, 2.0, 3.0, 4.0]]]], [[[[1.0, 2.0]]]], [0.0], [[[[1.0, 0.0, 1.0]]]]
    )
    assert_close(Y, [[[[5.0, 8.0, 11.0]]]], what="Y")
    assert_close(dX, [[[[1.0, 2.0, 1.0, 2.0]]]], what="dX")
    assert_close(dW, [[[[4.0, 6.0]]]], what="dW")
    assert_close(db, [2.0], what="db")


def test_conv2d_forward_backward_one_by_one_kernel(kata, rng):
    """With a 1x1 kernel, is the layer a linear layer over channels at every pixel?"""
    X, W, b, dY = random_layer(rng, 2, 3, 4, 5, 2, 1, 1)
    Y, dX, _, _ = check(kata, X, W, b, dY)
    M = W[:, :, 0, 0]  # (F, C)
    assert_close(Y, np.einsum("fc,nchw->nfhw", M, X) + b[:, None, None], what="Y")
    assert_close(dX, np.einsum("fc,nfhw->nchw", M, dY), what="dX")


def test_conv2d_forward_backward_kernel_as_large_as_the_image(kata, rng):
    """With kh = H and kw = W, is Y a single dot product per image and filter?"""
    X, W, b, dY = random_layer(rng, 3, 2, 3, 4, 2, 3, 4)
    Y, dX, dW, db = check(kata, X, W, b, dY)
    want = np.einsum("nchw,fchw->nf", X, W) + b
    assert_close(np.asarray(Y).reshape(3, 2), want, what="Y")
    assert_close(dW, np.einsum("nf,nchw->fchw", dY[:, :, 0, 0], X), what="dW")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "N, C, H, Wd, F, kh, kw",
    [(1, 1, 5, 5, 1, 3, 3), (2, 3, 6, 5, 4, 2, 3), (3, 2, 4, 7, 2, 3, 1), (2, 1, 5, 4, 3, 4, 2)],
)
def test_conv2d_forward_backward_random_layers(kata, rng, N, C, H, Wd, F, kh, kw):
    """Do random layers (several channels, filters, non-square kernels) match the loops?"""
    check(kata, *random_layer(rng, N, C, H, Wd, F, kh, kw))


@pytest.mark.points(3)
def test_conv2d_forward_backward_matches_finite_differences(kata, rng):
    """Are dX, dW and db the derivatives of L = Σ Y·dY (central differences)?"""
    X, W, b, dY = random_layer(rng, 2, 2, 5, 4, 3, 3, 2)
    f = kata.conv2d_forward_backward
    called = describe_call(f, X, W, b, dY)
    _, dX, dW, db = fields(call(f, X, W, b, dY), NAMES, "conv2d_forward_backward")

    def loss(X_, W_, b_):
        return float(np.sum(np.asarray(field(f(X_, W_, b_, dY), "Y", 0)) * dY))

    assert_gradient(dX, lambda v: loss(v, W, b), X, what="dX", called=called)
    assert_gradient(dW, lambda v: loss(X, v, b), W, what="dW", called=called)
    assert_gradient(db, lambda v: loss(X, W, v), b, what="db", called=called)


def test_conv2d_forward_backward_zero_upstream_gradient(kata, rng):
    """With dY = 0, are dX, dW and db exactly 0?"""
    X, W, b, dY = random_layer(rng, 2, 2, 4, 4, 2, 2, 2)
    _, dX, dW, db = check(kata, X, W, b, np.zeros_like(dY), atol=0.0)
    for name, value in (("dX", dX), ("dW", dW), ("db", db)):
        assert_close(value, np.zeros(np.shape(value)), atol=0.0, what=name)


def test_conv2d_forward_backward_accepts_lists_of_ints(kata):
    """Are integer lists converted to float: a 2x2 image, a 1x1 kernel of 3, b = 1?"""
    Y, dX, dW, db = check(kata, [[[[1, 2], [3, 4]]]], [[[[3]]]], [1], [[[[1, 1], [0, 2]]]])
    assert_close(Y, [[[[4.0, 7.0], [10.0, 13.0]]]], what="Y")
    assert_close(dW, [[[[1.0 + 2.0 + 8.0]]]], what="dW")


def test_conv2d_forward_backward_leaves_inputs_unchanged(kata, rng):
    """Are X, W, b and dY left exactly as they were (call() compares them after the call)?"""
    X, W, b, dY = random_layer(rng, 2, 2, 5, 5, 2, 3, 3)
    check(kata, X, W, b, dY)


def test_conv2d_forward_backward_makes_no_shortcut_call(kata, rng):
    """Is the layer computed without scipy.signal or scipy.ndimage?"""
    X, W, b, dY = random_layer(rng, 2, 2, 5, 5, 2, 3, 2)
    with forbid(*SHORTCUTS, called="conv2d_forward_backward"):
        check(kata, X, W, b, dY)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "shapes, why",
    [
        (((3, 4, 4), (1, 3, 2, 2), (1,), (1, 1, 3, 3)), "X is 3-D"),
        (((1, 3, 4, 4), (3, 2, 2), (1,), (1, 1, 3, 3)), "W is 3-D"),
        (((1, 3, 4, 4), (2, 2, 2, 2), (2,), (1, 2, 3, 3)), "W has 2 channels, X has 3"),
        (((1, 1, 4, 4), (1, 1, 5, 2), (1,), (1, 1, 0, 3)), "the kernel is taller than X"),
        (((1, 1, 4, 4), (2, 1, 2, 2), (3,), (1, 2, 3, 3)), "b has 3 entries for 2 filters"),
        (((1, 1, 4, 4), (2, 1, 2, 2), (2,), (1, 2, 2, 2)), "dY should be (1, 2, 3, 3)"),
        (((1, 1, 4, 4), (2, 1, 2, 2), (2, 1), (1, 2, 3, 3)), "b is 2-D"),
        (((0, 1, 4, 4), (2, 1, 2, 2), (2,), (0, 2, 3, 3)), "there are no images"),
    ],
    ids=["X-3d", "W-3d", "channels", "kernel-too-tall", "b-length", "dY-shape", "b-2d", "empty"],
)
def test_conv2d_forward_backward_rejects_bad_input(kata, shapes, why):
    """Do shapes that do not fit raise ValueError with a message?"""
    X, W, b, dY = (np.ones(s) for s in shapes)
    expect_error(ValueError, kata.conv2d_forward_backward, X, W, b, dY, why=why)
