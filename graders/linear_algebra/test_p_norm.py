"""Grader for linear_algebra/p_norm: p_norm(x, p=2.0) -> float, without overflow."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, call_strictly, describe_call, expect_error, fail

RESCALE = (
    "divide by s = max|x_i| first and compute s * (sum (|x_i|/s)**p)**(1/p), "
    "so that no power overflows or underflows"
)


def reference(x, p):
    """The p-norm by exact rescaling with a power of two (never the solution's code)."""
    a = [abs(float(v)) for v in x]
    if not a:
        return 0.0
    if p == math.inf:
        return max(a)
    exponent = math.frexp(max(a))[1] if max(a) > 0 else 0
    scaled = [math.ldexp(v, -exponent) for v in a]  # exact: multiplying by 2**-e
    return math.ldexp(math.fsum(v**p for v in scaled) ** (1.0 / p), exponent)


def advice(error):
    """What to change: rescale after an overflow; else the likely invalid operation."""
    if isinstance(error, OverflowError) or "overflow" in str(error):
        return RESCALE
    return (
        "look for a negative number raised to a fractional power (take |x_i| first) or a "
        "division by zero (max|x_i| is 0 for the zero vector)"
    )


def check(kata, x, p=2.0, *, rtol=1e-9):
    """Call p_norm(x, p) under strict floats; compare with a relative tolerance only."""
    f = kata.p_norm
    called = describe_call(f, x, p)
    value = call_strictly(f, x, p, advice=advice)
    if np.ndim(value) != 0:
        fail(f"{called} should return a float, but returned shape {np.shape(value)}")
    want = reference(x, p)
    a = np.asarray(x, dtype=float)
    with np.errstate(all="ignore"):
        naive_sum = np.sum(np.abs(a) ** p) if a.size and p != math.inf else np.nan
        signed_sum = np.sum(a**p) if a.size and p == 3.0 else np.nan
        mistakes = {
            f"no rescaling: the powers underflowed or overflowed; {RESCALE}": np.nan
            if p == math.inf
            else naive_sum ** (1.0 / p),
            "the 1/p-th root is missing (sum |x_i|**p returned)": naive_sum,
            "abs is missing: x_i**p is negative for odd p and negative x_i": np.nan
            if p != 3.0
            else signed_sum ** (1.0 / p),
            "p = inf was not special-cased: sum(|x_i|**inf) ** (1/inf) is 1": 1.0
            if p == math.inf
            else np.nan,
        }
    if want == 0.0:
        mistakes = {}
    assert_close(
        value, want, rtol=rtol, atol=0.0, what="the norm", called=called, mistakes=mistakes
    )
    return float(value)


@pytest.mark.points(2)
def test_p_norm_documented_example(kata):
    """Does [3, -4] give 5 (p = 2), 7 (p = 1) and 4 (p = inf), as in the docstring?"""
    assert_close(check(kata, [3.0, -4.0]), 5.0, atol=0.0, what="||[3, -4]||_2")
    assert_close(check(kata, [3.0, -4.0], 1.0), 7.0, atol=0.0, what="||[3, -4]||_1")
    assert_close(check(kata, [3.0, -4.0], math.inf), 4.0, atol=0.0, what="||[3, -4]||_inf")


def test_p_norm_default_order_is_two(kata):
    """Is p = 2 the default: p_norm([1, -2, 2]) = sqrt(1 + 4 + 4) = 3?"""
    f = kata.p_norm
    assert_close(call(f, [1.0, -2.0, 2.0]), 3.0, atol=0.0, called="p_norm([1.0, -2.0, 2.0])")


@pytest.mark.points(2)
def test_p_norm_odd_order_on_negatives(kata):
    """Does abs matter: ||[-1, -2, 3]||_3 = (1 + 8 + 27)^(1/3) = 36^(1/3), not 18^(1/3)?"""
    value = check(kata, [-1.0, -2.0, 3.0], 3.0)
    assert_close(value, 36.0 ** (1 / 3), atol=0.0, what="the norm")


def test_p_norm_hand_checked_orders(kata):
    """Do small cases come out: ||[1, 1, 1, 1]||_p = 4^(1/p), ||[2, -2]||_1 = 4?"""
    for p in (1.0, 1.5, 2.0, 4.0):
        assert_close(check(kata, [1.0, 1.0, 1.0, 1.0], p), 4.0 ** (1 / p), atol=0.0)
    assert_close(check(kata, [2.0, -2.0], 1.0), 4.0, atol=0.0)


@pytest.mark.points(2)
def test_p_norm_infinity_is_largest_magnitude(kata):
    """Is p = inf the largest |x_i|, here the negative entry: ||[1, -5, 3]||_inf = 5?"""
    assert_close(check(kata, [1.0, -5.0, 3.0], math.inf), 5.0, atol=0.0, what="the norm")
    assert_close(check(kata, [0.25, -0.5], np.inf), 0.5, atol=0.0, what="the norm")


@pytest.mark.points(3)
@pytest.mark.parametrize("p", [1.0, 1.5, 2.0, 3.0, 7.5, math.inf])
def test_p_norm_random_vectors(kata, rng, p):
    """Do random vectors of several lengths match (sum |x_i|^p)^(1/p)?"""
    for n in (1, 2, 10, 100):
        check(kata, rng.standard_normal(n) * rng.uniform(0.1, 10.0), p)


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "x, p, want",
    [
        ([1e200, 1e200], 2.0, math.sqrt(2.0) * 1e200),
        ([1e-200] * 4, 2.0, 2e-200),
        ([-1e200, 1e200, 1e200, 1e200], 3.0, 4.0 ** (1 / 3) * 1e200),
        ([3e-170, -4e-170], 2.0, 5e-170),
        ([1e-300, 1e300], 2.0, 1e300),
        ([1.0, 2.0, 3.0], 1000.0, 3.0),
    ],
    ids=["huge", "tiny", "huge-odd-p", "tiny-345", "mixed", "large-p"],
)
def test_p_norm_does_not_overflow_or_underflow(kata, x, p, want):
    """Where the norm is representable, is it computed without overflow or underflow?"""
    assert_close(check(kata, x, p), want, rtol=1e-12, atol=0.0, what="the norm")


@pytest.mark.points(2)
def test_p_norm_random_extreme_scales(kata, rng):
    """Do random vectors scaled by 1e250 and 1e-250 keep full relative accuracy?"""
    for scale in (1e250, 1e-250, 1e150):
        for p in (1.0, 2.0, 3.0):
            check(kata, rng.standard_normal(20) * scale, p)


@pytest.mark.points(2)
def test_p_norm_empty_and_zero_vectors(kata):
    """Do the empty vector and the zero vector have norm 0.0 (no division by zero)?"""
    for x in ([], [0.0, 0.0, 0.0], [0.0]):
        for p in (1.0, 2.0, math.inf):
            assert_close(check(kata, x, p), 0.0, atol=0.0, what="the norm")


def test_p_norm_single_entry(kata):
    """Is the norm of [x] equal to |x| for every p?"""
    for p in (1.0, 2.0, 5.0, math.inf):
        assert_close(check(kata, [-2.5], p), 2.5, atol=0.0)


def test_p_norm_accepts_lists_of_ints(kata):
    """Are integers converted to float: ||[3, 4]||_2 = 5.0?"""
    assert_close(check(kata, [3, 4], 2), 5.0, atol=0.0)


def test_p_norm_leaves_input_unchanged(kata, rng):
    """Is x left exactly as it was (also checked on every call)?"""
    x = rng.standard_normal(12)
    check(kata, x, 3.0)  # call() compares x after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, p, why",
    [
        ([1.0, 2.0], 0.5, "p < 1 is not a norm"),
        ([1.0, 2.0], 0.0, "p = 0"),
        ([1.0, 2.0], -2.0, "p < 0"),
        ([1.0, 2.0], math.nan, "p is nan"),
        ([[1.0, 2.0], [3.0, 4.0]], 2.0, "x is 2-D, it must be a 1-D vector"),
        (3.0, 2.0, "x is a scalar, it must be a 1-D vector"),
    ],
    ids=["p-half", "p-zero", "p-negative", "p-nan", "x-2d", "x-scalar"],
)
def test_p_norm_rejects_bad_input(kata, x, p, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.p_norm, x, p, why=why)
