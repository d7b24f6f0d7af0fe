"""Grader for probability/binomial: log_binomial_pmf(k, n, p) -> float."""

import math
from decimal import Decimal, localcontext

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def _log_factorial(m):
    """log m! to ~40 digits: exactly for m <= 1500, else Stirling's series."""
    if m <= 1500:
        return Decimal(math.factorial(m)).ln()
    x = Decimal(m)
    series = Decimal(1) / (12 * x) - Decimal(1) / (360 * x**3) + Decimal(1) / (1260 * x**5)
    two_pi = 2 * Decimal("3.14159265358979323846264338327950288419716939937510")
    return x * x.ln() - x + (two_pi * x).ln() / 2 + series


def reference(k, n, p):
    if p == 0.0:
        return 0.0 if k == 0 else -math.inf
    if p == 1.0:
        return 0.0 if k == n else -math.inf
    with localcontext() as ctx:
        ctx.prec = 40
        q = Decimal(p)  # the float p, exactly
        value = (
            _log_factorial(n)
            - _log_factorial(k)
            - _log_factorial(n - k)
            + k * q.ln()
            + (n - k) * (1 - q).ln()
        )
        return float(value)


def check(kata, k, n, p, *, atol=1e-9, rtol=1e-12):
    f = kata.log_binomial_pmf
    called = describe_call(f, k, n, p)
    # not call_strictly: log(0) = -inf is a right answer here (p = 0 or 1), so NumPy's
    # divide-by-zero must stay a warning; only Python's OverflowError (from n!) is a mistake
    try:
        result = call(f, k, n, p)
    except OverflowError as exc:
        fail(
            f"{called} raised OverflowError ({exc}): n! (or the pmf itself) does not fit in a "
            "float for large n. Work with logs throughout: log n! = math.lgamma(n + 1)"
        )
    want = reference(k, n, p)
    if np.isfinite(want) and result == -math.inf:
        fail(
            f"{called} returned -inf, expected {want!r}: the pmf underflowed to 0 before "
            "the log was taken; add logs instead of multiplying probabilities"
        )
    assert_close(result, want, what="log P(K = k)", called=called, atol=atol, rtol=rtol)
    return result


@pytest.mark.points(2)
def test_log_binomial_pmf_documented_example(kata):
    """Is P(2 heads in 4 fair flips) = 6/16 = 0.375?"""
    result = check(kata, 2, 4, 0.5)
    assert_close(result, math.log(0.375), what="log P(K = 2)")


@pytest.mark.points(2)
def test_log_binomial_pmf_hand_checked_cases(kata):
    """Do small cases match C(n, k) p^k (1 - p)^(n - k) computed by hand?

    C(5, 2) 0.3^2 0.7^3 = 10 * 0.09 * 0.343 = 0.3087; C(10, 0) 0.1^0 0.9^10 = 0.9^10;
    C(1, 1) 0.25 = 0.25.
    """
    assert_close(check(kata, 2, 5, 0.3), math.log(0.3087), what="log P(K = 2)")
    assert_close(check(kata, 0, 10, 0.1), 10 * math.log(0.9), what="log P(K = 0)")
    assert_close(check(kata, 1, 1, 0.25), math.log(0.25), what="log P(K = 1)")
    assert_close(check(kata, 0, 0, 0.4), 0.0, what="log P(K = 0) with n = 0")


@pytest.mark.points(2)
def test_log_binomial_pmf_random_cases(kata, rng):
    """Do random (k, n, p) with n up to 1000 match a 40-digit reference?"""
    for _ in range(25):
        n = int(rng.integers(0, 1001))
        k = int(rng.integers(0, n + 1))
        check(kata, k, n, float(rng.uniform(0.01, 0.99)), atol=1e-9, rtol=1e-10)


def test_log_binomial_pmf_sums_to_one(kata):
    """Does exp(log pmf) sum to 1 over k = 0..n (n = 60, p = 0.37)?"""
    total = math.fsum(math.exp(check(kata, k, 60, 0.37)) for k in range(61))
    assert_close(total, 1.0, what="the sum of the pmf over k")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "k, n, p",
    [
        (5_000_000, 10_000_000, 0.5),
        (3_001_234, 10_000_000, 0.3),
        (10, 10_000_000, 1e-6),
        (9_999_990, 10_000_000, 0.999999),
        (0, 10_000_000, 0.2),
        (200, 1000, 0.5),
    ],
    ids=["centre", "near_mean", "rare", "almost_always", "far_tail", "factorials_overflow"],
)
def test_log_binomial_pmf_large_n(kata, k, n, p):
    """Is the log pmf right to 1e-6 for n up to 1e7, where factorials and the pmf overflow?"""
    # absolute 1e-6: lgamma(1e7) is about 1.5e8, so its last bits are worth ~3e-8
    check(kata, k, n, p, atol=1e-6, rtol=0.0)


def test_log_binomial_pmf_degenerate_p(kata):
    """Do p = 0 and p = 1 give exactly 0.0 or -inf (never nan from 0 * log 0)?"""
    for k, n, p, want in [
        (0, 7, 0.0, 0.0),
        (1, 7, 0.0, -math.inf),
        (7, 7, 1.0, 0.0),
        (6, 7, 1.0, -math.inf),
        (0, 0, 1.0, 0.0),
        (0, 10_000_000, 0.0, 0.0),
    ]:
        result = check(kata, k, n, p, atol=0.0, rtol=0.0)
        assert_close(result, want, what=f"log P(K = {k}) with n = {n}, p = {p}", atol=0.0)


def test_log_binomial_pmf_accepts_numpy_integers(kata):
    """Do NumPy integers for k and n work like Python ints?"""
    check(kata, np.int64(3), np.int64(8), np.float64(0.4))


@pytest.mark.parametrize(
    "k, n, p, why",
    [
        (-1, 5, 0.5, "k is negative"),
        (6, 5, 0.5, "k > n"),
        (2, -3, 0.5, "n is negative"),
        (2.5, 5, 0.5, "k is not an integer"),
        (2, 5.5, 0.5, "n is not an integer"),
        (2, 5, -0.1, "p is negative"),
        (2, 5, 1.5, "p is above 1"),
        (2, 5, float("nan"), "p is nan"),
    ],
    ids=["k_negative", "k_above_n", "n_negative", "k_float", "n_float", "p_neg", "p_big", "nan"],
)
def test_log_binomial_pmf_rejects_bad_input(kata, k, n, p, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.log_binomial_pmf, k, n, p, why=why)
