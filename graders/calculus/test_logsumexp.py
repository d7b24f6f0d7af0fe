"""Grader for calculus/logsumexp: logsumexp(z, axis=None), stable, all −inf → −inf."""

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

TOL = {"rtol": 1e-12, "atol": 1e-12}


def run(kata, z, *axis):
    func = kata.logsumexp
    called = describe_call(func, z, *axis)
    got = call_strictly(func, z, *axis)
    return got, called


def check(kata, z, want, *axis, mistakes=None, **tolerance):
    got, called = run(kata, z, *axis)
    want = np.asarray(want, dtype=float)
    if np.shape(got) != want.shape:
        fail(
            f"{called} returned shape {np.shape(got)}, expected {want.shape}: reduce over "
            "the given axis only (axis=None reduces everything to one number)"
        )
    assert_close(
        got, want, what="logsumexp", called=called, mistakes=mistakes, **(tolerance or TOL)
    )
    return got


@pytest.mark.points(2)
def test_logsumexp_documented_example(kata):
    """Does the docstring give 1000 + ln 2, [ln 2, 1] and −inf?"""
    check(kata, [1000.0, 1000.0], 1000 + np.log(2))
    check(kata, [[0.0, 0.0], [1.0, -np.inf]], [np.log(2), 1.0], 1)
    check(kata, [-np.inf, -np.inf], -np.inf)


@pytest.mark.points(3)
def test_logsumexp_large_and_small_values(kata):
    """Is lse([a, a, a]) = a + ln 3 for a = ±1000 and 1e4 (no overflow, no log 0)?

    Without the shift, exp(1000) overflows, and exp(-1000) underflows to 0 whose
    log is −inf.
    """
    for a in (1000.0, -1000.0, 1e4, -1e4):
        check(
            kata,
            [a, a, a],
            a + np.log(3),
            mistakes={"the shift by the maximum is not added back": np.log(3)},
        )
    check(kata, [1e4, 0.0], 1e4)


@pytest.mark.points(3)
def test_logsumexp_all_minus_infinity(kata):
    """Is lse of all −inf exactly −inf (not nan from −inf − (−inf)), per row too?"""
    check(kata, [-np.inf], -np.inf)
    check(kata, [[-np.inf, -np.inf], [0.0, -np.inf], [-np.inf, 5.0]], [-np.inf, 0.0, 5.0], 1)
    check(kata, np.full((2, 3), -np.inf), np.full(3, -np.inf), 0)


@pytest.mark.points(3)
@pytest.mark.parametrize("axis", [None, 0, 1, 2, -1, (0, 2)], ids=str)
def test_logsumexp_axis_handling(kata, rng, axis):
    """On a (2, 3, 4) array, is each axis reduced (and removed) like log(sum(exp(z)))?"""
    z = rng.uniform(-5, 5, size=(2, 3, 4))
    want = np.log(np.sum(np.exp(z), axis=axis))
    if axis is None:
        got, called = run(kata, z)
        if np.ndim(got) != 0:
            fail(f"{called} should return one number, got shape {np.shape(got)}")
        assert_close(got, want, what="logsumexp", called=called, **TOL)
    else:
        check(kata, z, want, axis)


@pytest.mark.points(2)
def test_logsumexp_is_shift_equivariant(kata, rng):
    """Is lse(z + c) = lse(z) + c for c = 800 (where exp(z + c) overflows)?"""
    z = rng.uniform(-3, 3, size=(5, 6))
    want = np.log(np.sum(np.exp(z), axis=1)) + 800
    check(kata, z + 800, want, 1)


GLOBAL_SHIFT = (
    "every slice is shifted by the global maximum instead of its own: exp(z - 1000) "
    "underflows to 0 for a slice around 0, whose log is -inf; shift each slice by its "
    "own maximum (np.max(z, axis=axis, keepdims=True))"
)


def _shift_advice(exc):
    if "divide" in str(exc):
        return "log(0): a slice's sum underflowed to 0 after the shift, as when " + GLOBAL_SHIFT
    return "shift each slice by its maximum before exp (exp(1000) overflows)"


@pytest.mark.points(2)
def test_logsumexp_shifts_each_slice_by_its_own_maximum(kata):
    """Are slices around 0, 1e3, -1e3 and 1e4 each reduced exactly (a per-slice shift)?

    Shifting every slice by the global maximum sends the slices far below it to
    exp(-1000) = 0, whose log is -inf: each slice needs its own maximum.
    """
    z = np.array([[0.0, 1.0, -1.0], [1000.0, 999.0, 1001.0], [-1000.0, -1001.0, -999.0]])
    rows = [np.log(np.sum(np.exp(r - r.max()))) + r.max() for r in z]
    far = np.array([z[0], z[0] + 1e4])
    for data, axis, want in (
        (z, 1, rows),
        (z.T, 0, rows),
        (z, -1, rows),
        (far, 1, [rows[0], rows[0] + 1e4]),
    ):
        func = kata.logsumexp
        called = describe_call(func, data, axis)
        got = call_strictly(func, data, axis, advice=_shift_advice)
        if np.shape(got) == (len(want),) and np.any(np.isneginf(np.asarray(got, dtype=float))):
            got = np.asarray(got).tolist()
            fail(f"{called} returned {got}, -inf for finite values: {GLOBAL_SHIFT}")
        check(kata, data, want, axis)


@pytest.mark.points(2)
def test_logsumexp_gradient_is_softmax(kata, rng):
    """Is the gradient of lse (the grader's finite differences) the softmax of z?"""
    z = rng.standard_normal(6)
    softmax = np.exp(z) / np.sum(np.exp(z))
    called = describe_call(kata.logsumexp, z)
    check(kata, z, np.log(np.sum(np.exp(z))))
    assert_gradient(
        softmax,
        lambda v: kata.logsumexp(v),
        z,
        what="softmax(z)",
        called=f"finite differences of {called}",
    )


def test_logsumexp_single_value_and_int_lists(kata):
    """Is lse([x]) = x, and does a list of ints work (lse([0, 0]) = ln 2)?"""
    check(kata, [3.5], 3.5)
    check(kata, [0, 0], np.log(2))


def test_logsumexp_leaves_input_unchanged(kata, rng):
    """Is the caller's z exactly as before (also checked on every call)?"""
    z = rng.standard_normal((3, 4)) * 100
    top = z.max(axis=1)
    want = np.log(np.sum(np.exp(z - top[:, None]), axis=1)) + top
    check(kata, z, want, 1)  # call() compares z after the call


@pytest.mark.parametrize(
    "z, axis, why",
    [
        (np.zeros(0), None, "z is empty"),
        (np.zeros((0, 3)), 0, "the reduced axis is empty"),
        (np.zeros((2, 3)), 2, "axis 2 does not exist"),
    ],
    ids=["empty", "empty-2d", "bad-axis"],
)
def test_logsumexp_rejects_bad_input(kata, z, axis, why):
    """Does an empty z or a bad axis raise ValueError?"""
    expect_error(ValueError, kata.logsumexp, z, axis, why=why)
