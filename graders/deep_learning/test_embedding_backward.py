"""Grader for deep_learning/embedding_backward:
embedding_backward(idx, dE, vocab_size, padding_idx=None) -> dW of shape (vocab_size, d).

The reference adds one position at a time in a Python loop; dW is also checked by central
differences of L(W) = sum(W[idx] * dE), which needs no kata code at all.
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
    forbid,
)


def reference(idx, dE, vocab_size, padding_idx=None):
    idx = np.asarray(idx)
    dE = np.asarray(dE, dtype=float)
    d = dE.shape[-1]
    dW = np.zeros((vocab_size, d))
    for p in np.ndindex(idx.shape):
        if idx[p] != padding_idx:
            dW[idx[p]] = dW[idx[p]] + dE[p]
    return dW


def mistakes(idx, dE, vocab_size, padding_idx):
    idx = np.asarray(idx)
    dE = np.asarray(dE, dtype=float)
    d = dE.shape[-1]
    last = np.zeros((vocab_size, d))
    for p in np.ndindex(idx.shape):  # buffered fancy indexing: the last write wins
        last[idx[p]] = dE[p]
    if padding_idx is not None:
        last[padding_idx] = 0.0
    found = {
        "dW[idx] += dE is buffered: a repeated index is counted once (its last gradient "
        "wins); accumulate with np.add.at, np.bincount or a one-hot product": last,
    }
    if padding_idx is not None:
        found["the padding row is not zeroed: dW[padding_idx] must stay 0"] = reference(
            idx, dE, vocab_size
        )
    return found


def check(kata, idx, dE, vocab_size, padding_idx=None):
    f = kata.embedding_backward
    args = (idx, dE, vocab_size) + (() if padding_idx is None else (padding_idx,))
    called = describe_call(f, *args)
    dW = np.asarray(call(f, *args), dtype=float)
    want = reference(idx, dE, vocab_size, padding_idx)
    n_unique = len(np.unique(np.asarray(idx)))
    if dW.shape != want.shape and dW.shape == (n_unique, want.shape[1]):
        fail(
            f"{called}: dW has shape {dW.shape}, one row per distinct index: only the rows of "
            f"the unique indices were returned; dW is the whole table's gradient, shape "
            f"(vocab_size, d) = {want.shape}, 0 on rows never looked up"
        )
    scale = 1e-12 * max(float(np.max(np.abs(want), initial=0.0)), 1.0)
    assert_close(
        dW,
        want,
        atol=scale,
        what="dW",
        called=called,
        mistakes=mistakes(idx, dE, vocab_size, padding_idx),
    )
    return dW


def test_embedding_backward_documented_example(kata):
    """Does the docstring's example give rows 0 and 2 = [2, 1] and [1.5, 0.5]?"""
    dE = [[1.0, 0.0], [2.0, 1.0], [0.5, 0.5]]
    dW = check(kata, [2, 0, 2], dE, 4)
    assert_close(dW, [[2.0, 1.0], [0.0, 0.0], [1.5, 0.5], [0.0, 0.0]], what="dW")
    dW = check(kata, [2, 0, 2], dE, 4, 0)
    assert_close(dW, [[0.0, 0.0], [0.0, 0.0], [1.5, 0.5], [0.0, 0.0]], what="dW with padding 0")


def test_embedding_backward_hand_checked_repeats(kata):
    """Does an index used three times get the sum of its three gradients?

    idx = [1, 1, 3, 1], dE rows 1, 10, 100, 1000 (d = 1): dW = [0, 1011, 0, 100, 0].
    """
    dW = check(kata, [1, 1, 3, 1], [[1.0], [10.0], [100.0], [1000.0]], 5)
    assert_close(dW, [[0.0], [1011.0], [0.0], [100.0], [0.0]], what="dW")


@pytest.mark.parametrize(
    "shape, vocab, d",
    [((30,), 7, 4), ((4, 9), 5, 3), ((2, 3, 5), 50, 6), ((200,), 3, 2)],
    ids=["1d", "batch-by-sequence", "3d", "many-repeats"],
)
def test_embedding_backward_random_cases(kata, rng, shape, vocab, d):
    """Do random index arrays (with repeats) match the one-position-at-a-time reference?"""
    idx = rng.integers(0, vocab, size=shape)
    check(kata, idx, rng.standard_normal(shape + (d,)), vocab)


def test_embedding_backward_matches_finite_differences(kata, rng):
    """Is dW the derivative of L(W) = sum(W[idx] * dE), computed by central differences?"""
    idx = rng.integers(0, 6, size=(3, 4))
    dE = rng.standard_normal((3, 4, 2))
    dW = check(kata, idx, dE, 6)
    W = rng.standard_normal((6, 2))
    assert_gradient(
        dW,
        lambda W_: float(np.sum(W_[idx] * dE)),
        W,
        what="dW",
        called=describe_call(kata.embedding_backward, idx, dE, 6),
    )


@pytest.mark.parametrize("padding_idx", [0, 4, 6])
def test_embedding_backward_padding_row_stays_zero(kata, rng, padding_idx):
    """With padding_idx, is that row 0 and every other row unchanged?"""
    idx = rng.integers(0, 7, size=(5, 6))
    idx[0, :3] = padding_idx  # make sure the padding index is looked up
    dW = check(kata, idx, rng.standard_normal((5, 6, 3)), 7, padding_idx)
    assert_close(dW[padding_idx], np.zeros(3), atol=0, what=f"dW[{padding_idx}]")


def test_embedding_backward_rows_never_looked_up_are_zero(kata, rng):
    """Are the rows of a 100-word vocabulary that a 5-token sequence never reads exactly 0?"""
    idx = np.array([3, 97, 3, 50, 0])
    dW = check(kata, idx, rng.standard_normal((5, 4)), 100)
    unused = np.setdiff1d(np.arange(100), idx)
    assert_close(dW[unused], np.zeros((len(unused), 4)), atol=0, what="the unused rows")


def test_embedding_backward_empty_and_scalar_indices(kata, rng):
    """Does an empty idx give all zeros, and a 0-d idx (dE of shape (d,)) one row?"""
    dW = check(kata, np.zeros((0,), dtype=int), np.zeros((0, 3)), 4)
    assert_close(dW, np.zeros((4, 3)), atol=0, what="dW of an empty idx")
    check(kata, np.zeros((2, 0), dtype=int), np.zeros((2, 0, 3)), 4)
    dW = check(kata, np.int64(2), np.array([1.0, -2.0]), 3)
    assert_close(dW, [[0, 0], [0, 0], [1, -2]], what="dW of a 0-d idx")


def test_embedding_backward_integer_dtypes(kata, rng):
    """Are int32, uint8 and a list of Python ints all accepted as indices?"""
    idx = rng.integers(0, 6, size=10)
    dE = rng.standard_normal((10, 3))
    check(kata, idx.astype(np.int32), dE, 6)
    check(kata, idx.astype(np.uint8), dE, 6)
    check(kata, idx.tolist(), dE.tolist(), 6)


def test_embedding_backward_makes_no_autodiff_call(kata, rng):
    """Is the gradient written out, not taken from automatic differentiation?"""
    idx = rng.integers(0, 5, size=8)
    dE = rng.standard_normal((8, 2))
    with forbid(*AUTODIFF, called=describe_call(kata.embedding_backward, idx, dE, 5)):
        check(kata, idx, dE, 5)


def test_embedding_backward_leaves_inputs_unchanged(kata, rng):
    """Are idx and dE left exactly as they were (call() compares them after the call)?"""
    idx = rng.integers(0, 5, size=(3, 4))
    dE = rng.standard_normal((3, 4, 2))
    check(kata, idx, dE, 5, 2)


@pytest.mark.parametrize(
    "idx, dE, vocab_size, padding_idx, why",
    [
        (np.array([0.0, 1.0]), np.ones((2, 3)), 4, None, "idx is a float array"),
        (np.array([True, False]), np.ones((2, 3)), 4, None, "idx is a bool array"),
        (np.array([0, 4]), np.ones((2, 3)), 4, None, "index 4 is outside [0, 4)"),
        (np.array([0, -1]), np.ones((2, 3)), 4, None, "index -1: no wrap-around to row 3"),
        (np.array([0, 1]), np.ones((3, 3)), 4, None, "dE has 3 rows for 2 indices"),
        (np.array([0, 1]), np.ones(2), 4, None, "dE is (2,), it must be (2, d)"),
        (np.array([[0, 1]]), np.ones((2, 3)), 4, None, "dE is (2, 3) for idx of shape (1, 2)"),
        (np.array([0, 0]), np.ones((2, 3)), 0, None, "vocab_size = 0"),
        (np.zeros(0, dtype=int), np.ones((0, 3)), 0, None, "vocab_size = 0, even for no index"),
        (np.array([0, 1]), np.ones((2, 3)), 4, 4, "padding_idx = 4 is outside [0, 4)"),
        (np.array([0, 1]), np.ones((2, 3)), 4, -1, "padding_idx = -1"),
    ],
    ids=[
        "float-idx",
        "bool-idx",
        "too-large",
        "negative",
        "dE-rows",
        "dE-1d",
        "dE-shape",
        "vocab-0",
        "vocab-0-empty",
        "padding-large",
        "padding-negative",
    ],
)
def test_embedding_backward_rejects_bad_input(kata, idx, dE, vocab_size, padding_idx, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.embedding_backward, idx, dE, vocab_size, padding_idx, why=why)
