"""Grader for calculus/linear_layer: linear_forward_backward(X, W, b, dY)
-> Linear(Y, dX, dW, db) for Y = XW + b."""

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
)

NAMES = ("Y", "dX", "dW", "db")


def reference(X, W, b, dY):
    """Entry by entry: Y_ij = Σ_k X_ik W_kj + b_j, and the chain rule on each sum."""
    X, W, b, dY = (np.asarray(a, dtype=float) for a in (X, W, b, dY))
    Y = np.einsum("ik,kj->ij", X, W) + b[None, :]
    dX = np.einsum("ij,kj->ik", dY, W)
    dW = np.einsum("ik,ij->kj", X, dY)
    db = np.einsum("ij->j", dY)
    return Y, dX, dW, db


def check(kata, X, W, b, dY, **tolerance):
    f = kata.linear_forward_backward
    called = describe_call(f, X, W, b, dY)
    result = call(f, X, W, b, dY)
    got = fields(result, NAMES, "linear_forward_backward")
    Y, dX, dW, db = reference(X, W, b, dY)
    X, W, b, dY = (np.asarray(a, dtype=float) for a in (X, W, b, dY))
    n = len(X)
    square = W.shape[0] == W.shape[1]
    mistakes = {
        "Y": {"the bias is left out (Y = XW)": X @ W},
        "dX": {"dY @ W instead of dY @ W.T": dY @ W if square else np.nan},
        "dW": {
            "dY.T @ X (the transpose of X.T @ dY)": dY.T @ X if square else np.nan,
            "dW averaged over the batch (divided by n): dY already holds any mean": dW / n,
        },
        "db": {
            "db is the mean of dY's rows: the bias is added to every row, so its "
            "gradient is their sum": db / n,
            "db summed over the wrong axis (per sample instead of per output)": (
                dY.sum(axis=1) if dY.shape[0] == dY.shape[1] else np.nan
            ),
        },
    }
    for name, value, want in zip(NAMES, got, (Y, dX, dW, db), strict=True):
        assert_close(value, want, what=name, called=called, mistakes=mistakes[name], **tolerance)
    return got


@pytest.mark.points(2)
def test_linear_forward_backward_documented_example(kata):
    """Does X = [[1, 2]], W = [[1], [3]], b = [0.5], dY = [[2]] give the docstring's values?

    Y = 1 + 6 + 0.5 = 7.5, dX = 2·Wᵀ = [[2, 6]], dW = Xᵀ·2 = [[2], [4]], db = [2].
    """
    Y, dX, dW, db = check(kata, [[1.0, 2.0]], [[1.0], [3.0]], [0.5], [[2.0]])
    assert_close(Y, [[7.5]], what="Y")
    assert_close(dX, [[2.0, 6.0]], what="dX")
    assert_close(dW, [[2.0], [4.0]], what="dW")
    assert_close(db, [2.0], what="db")


@pytest.mark.points(2)
def test_linear_forward_backward_hand_checked_case(kata):
    """n = 2, d = 3, m = 2 by hand: is db the sum of dY's rows and dW = Xᵀ dY?

    X = [[1, 0, 2], [0, 1, 1]], W = [[1, 0], [0, 1], [1, 1]], b = [1, -1],
    dY = [[1, 0], [2, 1]]: Y = [[4, 1], [2, 1]], dX = [[1, 0, 1], [2, 1, 3]],
    dW = [[1, 0], [2, 1], [4, 1]], db = [3, 1].
    """
    Y, dX, dW, db = check(
        kata, [[1, 0, 2], [0, 1, 1]], [[1, 0], [0, 1], [1, 1]], [1, -1], [[1, 0], [2, 1]]
    )
    assert_close(Y, [[4, 1], [2, 1]], what="Y")
    assert_close(dX, [[1, 0, 1], [2, 1, 3]], what="dX")
    assert_close(dW, [[1, 0], [2, 1], [4, 1]], what="dW")
    assert_close(db, [3, 1], what="db")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, m", [(5, 3, 2), (2, 4, 6), (4, 4, 4), (1, 1, 1)])
def test_linear_forward_backward_random_layers(kata, rng, n, d, m):
    """Do random layers (non-square, and square where transposes hide) match?"""
    check(
        kata,
        rng.standard_normal((n, d)),
        rng.standard_normal((d, m)),
        rng.standard_normal(m),
        rng.standard_normal((n, m)),
    )


@pytest.mark.points(3)
def test_linear_forward_backward_matches_finite_differences(kata, rng):
    """Are dX, dW and db the derivatives of L = Σ Y·dY (the grader's finite differences)?"""
    X, W = rng.standard_normal((4, 3)), rng.standard_normal((3, 5))
    b, dY = rng.standard_normal(5), rng.standard_normal((4, 5))
    f = kata.linear_forward_backward
    called = describe_call(f, X, W, b, dY)
    _, dX, dW, db = fields(call(f, X, W, b, dY), NAMES, "linear_forward_backward")

    def loss(X_, W_, b_):
        return float(np.sum(field(f(X_, W_, b_, dY), "Y", 0) * dY))

    assert_gradient(dX, lambda v: loss(v, W, b), X, what="dX", called=called)
    assert_gradient(dW, lambda v: loss(X, v, b), W, what="dW", called=called)
    assert_gradient(db, lambda v: loss(X, W, v), b, what="db", called=called)


def test_linear_forward_backward_zero_upstream_gradient(kata, rng):
    """With dY = 0, are all three gradients exactly 0?"""
    check(
        kata,
        rng.standard_normal((3, 2)),
        rng.standard_normal((2, 4)),
        np.zeros(4),
        np.zeros((3, 4)),
        atol=0.0,
    )


def test_linear_forward_backward_leaves_inputs_unchanged(kata, rng):
    """Are X, W, b and dY exactly as before (also checked on every call)?"""
    X, W = rng.standard_normal((6, 3)), rng.standard_normal((3, 2))
    b, dY = rng.standard_normal(2), rng.standard_normal((6, 2))
    check(kata, X, W, b, dY)  # call() compares all four after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "shapes, why",
    [
        (((3,), (3, 2), (2,), (1, 2)), "X is 1-D"),
        (((4, 3), (2, 2), (2,), (4, 2)), "W has 2 rows for 3 features"),
        (((4, 3), (3, 2), (3,), (4, 2)), "b has 3 entries for 2 outputs"),
        (((4, 3), (3, 2), (2,), (2, 4)), "dY has shape (2, 4), Y has (4, 2)"),
        (((4, 3), (3, 2), (1, 2), (4, 2)), "b is 2-D"),
        (((0, 3), (3, 2), (2,), (0, 2)), "there are no samples"),
    ],
    ids=["X-1d", "W-rows", "b-length", "dY-shape", "b-2d", "empty"],
)
def test_linear_forward_backward_rejects_bad_input(kata, shapes, why):
    """Do shapes that do not fit raise ValueError with a message?"""
    X, W, b, dY = (np.ones(s) for s in shapes)
    expect_error(ValueError, kata.linear_forward_backward, X, W, b, dY, why=why)
