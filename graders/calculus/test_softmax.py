"""Grader for calculus/softmax: softmax(z, axis=-1), stable, sums to 1 along axis."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call_strictly,
    describe_call,
    expect_error,
    fail,
)

TOL = {"rtol": 1e-12, "atol": 1e-15}


def naive(z, axis):
    """exp(z) / Σ exp(z) along axis, for logits small enough not to overflow."""
    e = np.exp(np.asarray(z, dtype=float))
    return e / e.sum(axis=axis, keepdims=True)


def check(kata, z, want, *axis, mistakes=None, **tolerance):
    func = kata.softmax
    called = describe_call(func, z, *axis)
    got = call_strictly(func, z, *axis)
    assert_close(got, want, what="softmax", called=called, mistakes=mistakes, **(tolerance or TOL))
    return got


@pytest.mark.points(2)
def test_softmax_documented_example(kata):
    """Does the docstring give [1/4, 3/4], [[1/2, 1/2], [1, 0]] and all 1/2 with axis=0?"""
    check(kata, [0.0, np.log(3.0)], [0.25, 0.75])
    check(kata, [[1000.0, 1000.0], [0.0, -np.inf]], [[0.5, 0.5], [1.0, 0.0]])
    check(
        kata,
        [[0.0, 1.0], [0.0, 1.0]],
        [[0.5, 0.5], [0.5, 0.5]],
        0,
        mistakes={"normalised along the last axis instead of `axis`": naive([[0, 1], [0, 1]], -1)},
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("axis", [0, 1, 2, -1, -3])
def test_softmax_sums_to_one_along_axis(kata, rng, axis):
    """On a (2, 3, 4) array, does each slice along `axis` sum to 1 and match exp/Σexp?"""
    z = rng.uniform(-4, 4, size=(2, 3, 4))
    want = naive(z, axis)
    got = check(
        kata,
        z,
        want,
        axis,
        mistakes={
            f"normalised along axis {other} instead of axis {axis}": naive(z, other)
            for other in range(3)
            if other != axis % 3
        }
        | {"normalised over every entry at once (no axis)": np.exp(z) / np.exp(z).sum()},
    )
    assert_close(
        np.sum(got, axis=axis),
        np.ones(np.delete(z.shape, axis % 3)),
        what=f"the sums along axis {axis}",
        rtol=1e-12,
        atol=1e-12,
    )


def test_softmax_default_axis_is_last(kata, rng):
    """Without `axis`, does each row of a (3, 5) array sum to 1?"""
    z = rng.standard_normal((3, 5))
    check(kata, z, naive(z, -1), mistakes={"normalised down the columns (axis 0)": naive(z, 0)})


@pytest.mark.points(3)
def test_softmax_large_logits(kata):
    """Are logits of ±1000 and 1e4 fine (shift by the maximum, no overflow, no 0/0)?"""
    want = [0.25, 0.75]
    for a in (1000.0, -1000.0, 1e4, -1e4):
        check(kata, [a, a + np.log(3.0)], want)


GLOBAL_SHIFT = (
    "every slice is shifted by the global maximum instead of its own: a slice far below "
    "it underflows to exp(-1e4) = 0 and 0/0; shift each slice by its own maximum "
    "(np.max(z, axis=axis, keepdims=True))"
)


def _shift_advice(exc):
    if "invalid" in str(exc) or "divide" in str(exc):
        return "0/0: a slice summed to 0 after the shift, as when " + GLOBAL_SHIFT
    return "shift each slice by its maximum before exp (exp(1000) overflows)"


@pytest.mark.points(2)
def test_softmax_each_slice_has_its_own_shift(kata):
    """Do slices at very different scales (0, -1e4, 1e3) all come out right (one max each)?

    Shifting every row by the overall maximum leaves exp(-1e4) = 0 in the rows below
    it, and 0/0 (or, guarded, a row of zeros).
    """
    z = np.array([[0.0, 0.0], [-1e4, -1e4 + np.log(3.0)], [1e3 + np.log(3.0), 1e3]])
    want = np.array([[0.5, 0.5], [0.25, 0.75], [0.75, 0.25]])
    for data, expected, axis in ((z, want, 1), (z.T, want.T, 0), (z, want, -1)):
        func = kata.softmax
        called = describe_call(func, data, axis)
        got = call_strictly(func, data, axis, advice=_shift_advice)
        got = np.asarray(got, dtype=float)
        if got.shape == expected.shape:
            sums = np.sum(got, axis=axis)
            if np.any(np.isfinite(sums) & (sums < 0.5)):
                fail(f"{called}: a slice sums to {float(sums.min())!r}, not 1: {GLOBAL_SHIFT}")
        assert_close(got, expected, what="softmax", called=called, **TOL)


def test_softmax_minus_infinity_gets_zero(kata):
    """Does a −inf logit (a masked entry) get probability exactly 0?"""
    check(kata, [-np.inf, 0.0, np.log(3.0), -np.inf], [0.0, 0.25, 0.75, 0.0])


@pytest.mark.points(2)
def test_softmax_is_shift_invariant_and_the_gradient_of_logsumexp(kata, rng):
    """Is softmax(z + 700) = softmax(z), and the gradient of log Σ exp(z)?"""
    z = rng.standard_normal(5)
    got = check(kata, z + 700.0, naive(z, -1))
    assert_gradient(
        got,
        lambda v: np.log(np.sum(np.exp(v))),
        z,
        what="softmax(z + 700)",
        called=describe_call(kata.softmax, z + 700.0),
    )


def test_softmax_one_entry_and_int_lists(kata):
    """Is softmax([x]) = [1], and does a list of ints work?"""
    check(kata, [-3.0], [1.0])
    check(kata, [[0, 0, 0, 0]], [[0.25] * 4])


def test_softmax_leaves_input_unchanged(kata, rng):
    """Is the caller's z exactly as before (also checked on every call)?"""
    z = rng.standard_normal((4, 3)) * 30
    got = check(kata, z, naive(z - z.max(1, keepdims=True), 1), 1)  # call() compares z
    # call() cannot see a result that shares memory with the input: check that here
    if np.shares_memory(got, z):
        fail("softmax returned the input array itself: build a new array")


@pytest.mark.parametrize(
    "z, axis, why",
    [
        (np.zeros(0), -1, "z is empty"),
        (np.zeros((2, 3)), 2, "axis 2 does not exist"),
        (1.5, -1, "z is a scalar"),
    ],
    ids=["empty", "bad-axis", "scalar"],
)
def test_softmax_rejects_bad_input(kata, z, axis, why):
    """Does an empty or 0-d z, or a bad axis, raise ValueError?"""
    expect_error(ValueError, kata.softmax, z, axis, why=why)
