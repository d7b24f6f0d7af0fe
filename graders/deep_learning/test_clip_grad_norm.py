"""Grader for deep_learning/clip_grad_norm: clip_grad_norm(grads, max_norm) ->
Clipped(grads, total_norm).

The reference norm is the 2-norm of all the entries laid end to end in one vector;
each known mistake (per-array clipping, scaling up, the sum of the norms, the clipped
norm returned, clip-by-value, PyTorch's 1e-6) is computed and named.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
)

RTOL = 1e-12  # a few roundings of a square root and one product


def expected(grads, max_norm):
    arrays = {k: np.asarray(v, dtype=float) for k, v in grads.items()}
    flat = np.concatenate([a.ravel() for a in arrays.values()])
    total = float(np.sqrt(np.dot(flat, flat)))
    factor = min(1.0, max_norm / total) if total > 0 else 1.0
    clipped = {k: a * factor for k, a in arrays.items()}
    norms = {k: float(np.sqrt(np.sum(a * a))) for k, a in arrays.items()}
    wrong_values = {
        "each array is clipped by its own norm: the norm (and the one factor "
        "max_norm/total_norm) is global, over every array together": {
            k: a * min(1.0, max_norm / norms[k]) if norms[k] > 0 else a for k, a in arrays.items()
        },
        "the gradients are scaled up when total_norm < max_norm: clipping only ever "
        "shrinks, below max_norm the values are unchanged": {
            k: a * (max_norm / total) if total > 0 else a for k, a in arrays.items()
        },
        "clip-by-value (each entry clipped to [-max_norm, max_norm]): clip-by-norm "
        "rescales every array by max_norm/total_norm": {
            k: np.clip(a, -max_norm, max_norm) for k, a in arrays.items()
        },
        "max_norm/(total_norm + 1e-6), PyTorch's epsilon: this kata asks for none": {
            k: a * min(1.0, max_norm / (total + 1e-6)) for k, a in arrays.items()
        },
    }
    wrong_totals = {
        "total_norm is the sum of the per-array norms: it is the 2-norm of every entry "
        "together, √(Σ over arrays of Σ g²)": sum(norms.values()),
        "returned the norm after clipping: total_norm is the norm before": min(total, max_norm),
        "total_norm is the squared norm: take the square root": total**2,
    }
    return clipped, total, wrong_values, wrong_totals


def check(kata, grads, max_norm, strictly=False):
    """Call the kata, compare the dict and the norm with the reference, return them."""
    f = kata.clip_grad_norm
    called = describe_call(f, grads, max_norm)
    result = (call_strictly if strictly else call)(f, grads, max_norm)
    new, total = fields(result, ("grads", "total_norm"), "clip_grad_norm")
    want, want_total, wrong_values, wrong_totals = expected(grads, max_norm)
    if not isinstance(total, (float, np.floating)) or np.ndim(total) != 0:
        fail(f"{called}: total_norm should be a float, got {total!r}")
    assert_close(
        total, want_total, rtol=RTOL, what="total_norm", called=called, mistakes=wrong_totals
    )
    if not isinstance(new, dict) or list(new) != list(grads):
        keys = list(new) if isinstance(new, dict) else type(new).__name__
        fail(f"{called}: grads should be a dict with the keys {list(grads)}, got {keys}")
    for key, value in new.items():
        if not isinstance(value, (np.ndarray, np.generic)):
            fail(f"{called}: grads[{key!r}] should be a NumPy array, got {type(value).__name__}")
        if isinstance(value, np.ndarray) and any(
            np.shares_memory(value, g) for g in grads.values() if isinstance(g, np.ndarray)
        ):
            fail(
                f"{called}: grads[{key!r}] is (a view of) the caller's array: return new "
                "arrays, even when nothing is clipped"
            )
        mistakes = {words: w[key] for words, w in wrong_values.items()}
        assert_close(
            value, want[key], rtol=RTOL, what=f"grads[{key!r}]", called=called, mistakes=mistakes
        )
    return new, total


def random_grads(rng, scale=1.0):
    shapes = {"W1": (4, 3), "b1": (3,), "W2": (3, 2), "b2": (2,), "gain": ()}
    return {k: np.array(scale * rng.standard_normal(s)) for k, s in shapes.items()}


@pytest.mark.points(2)
def test_clip_grad_norm_documented_example(kata):
    """Do w = [[3, 0]], b = [4] (norm 5) clipped to 1 give [[0.6, 0]] and [0.8]?"""
    new, total = check(kata, {"w": [[3.0, 0.0]], "b": [4.0]}, 1.0)
    assert_close(total, 5.0, what="total_norm")
    assert_close(new["w"], [[0.6, 0.0]], what="grads['w']")
    assert_close(new["b"], [0.8], what="grads['b']")


@pytest.mark.points(2)
def test_clip_grad_norm_below_the_threshold_by_hand(kata):
    """Is a gradient of norm 5 left unchanged by max_norm = 10 (not scaled up to 10)?

    Per-array norms would be 3 and 4; their sum 7 is not the global norm 5.
    """
    new, total = check(kata, {"a": [3.0], "b": [0.0, -4.0]}, 10.0)
    assert_close(total, 5.0, what="total_norm")
    assert_close(new["b"], [0.0, -4.0], what="grads['b']")


@pytest.mark.points(2)
def test_clip_grad_norm_global_not_per_array(kata):
    """With arrays of norms 3 and 4 and max_norm = 4, is each scaled by 4/5 (not 4/3, 1)?"""
    new, _ = check(kata, {"a": np.array([3.0]), "b": np.array([0.0, 4.0])}, 4.0)
    assert_close(new["a"], [2.4], what="grads['a']")


@pytest.mark.points(3)
@pytest.mark.parametrize("scale, max_norm", [(1.0, 1.0), (10.0, 5.0), (1e-3, 1e-4), (0.1, 10.0)])
def test_clip_grad_norm_random_gradients(kata, rng, scale, max_norm):
    """Do random dicts (2-D, 1-D and 0-d arrays) clip as the one concatenated vector?"""
    grads = random_grads(rng, scale)
    new, total = check(kata, grads, max_norm)
    flat = np.concatenate([np.ravel(v) for v in new.values()])
    assert_close(np.sqrt(flat @ flat), min(total, max_norm), rtol=1e-12, what="the new global norm")


def test_clip_grad_norm_keeps_the_direction(kata, rng):
    """Is every array scaled by the same positive factor (the direction kept)?"""
    grads = random_grads(rng, 3.0)
    new, total = check(kata, grads, 0.5)
    for key, g in grads.items():
        assert_close(new[key], g * (0.5 / total), rtol=1e-12, what=f"grads[{key!r}]")


def test_clip_grad_norm_exactly_at_the_threshold(kata):
    """With total_norm equal to max_norm, are the values unchanged?"""
    new, total = check(kata, {"w": [0.6, 0.8]}, 1.0)
    assert_close(new["w"], [0.6, 0.8], rtol=1e-15, what="grads['w']")


def test_clip_grad_norm_all_zero_gradients(kata):
    """Do all-zero gradients give total_norm = 0 and zeros back, with no nan (0/0)?"""
    new, total = check(kata, {"w": np.zeros((2, 2)), "b": np.zeros(2)}, 1.0, strictly=True)
    assert_close(total, 0.0, atol=0.0, what="total_norm")
    assert_close(new["w"], np.zeros((2, 2)), atol=0.0, what="grads['w']")


def test_clip_grad_norm_empty_and_scalar_arrays(kata):
    """Are an empty array and a 0-d array handled (the empty one adds nothing)?"""
    new, total = check(kata, {"e": np.zeros((0, 3)), "s": np.array(-2.0)}, 1.0)
    assert_close(total, 2.0, what="total_norm")
    assert_close(new["s"], -1.0, what="grads['s']")


def test_clip_grad_norm_returns_new_arrays(kata, rng):
    """Are the returned arrays new ones, also when nothing is clipped?"""
    grads = random_grads(rng, 0.01)
    check(kata, grads, 100.0)


def test_clip_grad_norm_accepts_lists_of_ints(kata):
    """Are lists of ints converted to float arrays?"""
    new, total = check(kata, {"w": [1, 2, 2]}, 1)
    assert_close(new["w"], [1 / 3, 2 / 3, 2 / 3], what="grads['w']")


def test_clip_grad_norm_leaves_inputs_unchanged(kata, rng):
    """Are the caller's dict and arrays left as they were (no in-place *=)?"""
    grads = random_grads(rng, 5.0)
    check(kata, grads, 1.0)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "grads, max_norm, why",
    [
        ({"w": [1.0]}, 0.0, "max_norm = 0"),
        ({"w": [1.0]}, -1.0, "max_norm < 0"),
        ({}, 1.0, "an empty dict"),
        ({"w": [1.0]}, math.nan, "max_norm is nan"),
    ],
    ids=["zero", "negative", "empty", "nan"],
)
def test_clip_grad_norm_rejects_bad_input(kata, grads, max_norm, why):
    """Do max_norm ≤ 0 and an empty dict raise ValueError with a message?"""
    expect_error(ValueError, kata.clip_grad_norm, grads, max_norm, why=why)
