"""Grader for information_theory/entropy: entropy(p, base=2.0) -> float.

Every call runs with floating-point warnings turned into errors: 0 log 0 must count as
0 without computing log(0) (a divide-by-zero warning) or 0 * -inf (nan).
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    random_distribution,
)

ADVICE = (
    "0 log 0 counts as 0: leave out the terms with p_i = 0 instead of computing "
    "log(0) = -inf and 0 * -inf = nan."
)


def reference(p, base=2.0):
    """The definition in plain Python: -sum of p log p over p > 0, divided by ln(base)."""
    return -math.fsum(x * math.log(x) for x in np.ravel(p).tolist() if x > 0) / math.log(base)


def check(kata, p, *args, expected=None, **kwargs):
    f = kata.entropy
    called = describe_call(f, p, *args, **kwargs)
    base = (args or (kwargs.get("base", 2.0),))[0]
    result = call_strictly(f, p, *args, advice=ADVICE, **kwargs)
    want = reference(p, base) if expected is None else expected
    mistakes = {"the minus sign is missing (p log p is negative)": -want}
    if base != 2.0:
        mistakes["log base 2 whatever the `base` argument says"] = want * math.log(base, 2)
    if base != math.e:
        mistakes[f"the natural log (nats) where log base {base:g} was asked"] = want * math.log(
            base
        )
    if base != 10.0:
        mistakes[f"log base 10 where log base {base:g} was asked"] = want * math.log10(base)
    assert_close(result, want, what="the entropy", called=called, mistakes=mistakes)
    return result


@pytest.mark.points(2)
def test_entropy_documented_example(kata):
    """Do [0.5, 0.25, 0.25] -> 1.5 bits, [0.5, 0, 0.5] -> 1 bit and [0.5, 0.5] -> ln 2 nats?"""
    check(kata, [0.5, 0.25, 0.25], expected=1.5)
    check(kata, [0.5, 0.0, 0.5], expected=1.0)
    check(kata, [0.5, 0.5], base=np.e, expected=math.log(2))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "p, base, expected",
    [
        ([0.125] * 8, 2.0, 3.0),
        ([1 / 9] * 9, 3.0, 2.0),
        ([0.1] * 10, 10.0, 1.0),
        ([0.75, 0.25], 2.0, 2 - 0.75 * math.log2(3)),
        ([1.0], 2.0, 0.0),
    ],
    ids=["uniform-8-bits", "uniform-9-base-3", "uniform-10-base-10", "three-to-one", "certain"],
)
def test_entropy_hand_checked_cases(kata, p, base, expected):
    """Do small cases worked by hand come out exactly?

    Uniform on n outcomes: H = log_b n (3 bits for 8, 2 trits for 9, 1 for 10 in base
    10). [3/4, 1/4]: -(3/4) log2(3/4) - (1/4) log2(1/4) = 2 - (3/4) log2 3. One sure
    outcome: H = 0.
    """
    check(kata, p, base, expected=expected)


@pytest.mark.points(3)
@pytest.mark.parametrize("zeros", [1, 5, 9])
def test_entropy_zero_probabilities_contribute_nothing(kata, rng, zeros):
    """With some p_i = 0, is the result finite, without a warning (0 log 0 = 0)?"""
    check(kata, random_distribution(rng, 10, zeros))


def test_entropy_certain_outcome_among_zeros_is_zero(kata):
    """Does [0, 1, 0] give exactly 0 bits, with no nan or warning?"""
    result = check(kata, [0.0, 1.0, 0.0], expected=0.0)
    if result != 0:
        fail(f"entropy([0, 1, 0]) returned {result!r}, not 0")


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [2, 10, 1000])
@pytest.mark.parametrize("base", [2.0, math.e, 10.0], ids=["bits", "nats", "base-10"])
def test_entropy_random_distributions(kata, rng, n, base):
    """Do random distributions match the definition, in every base?"""
    check(kata, random_distribution(rng, n), base)


def test_entropy_default_base_is_two(kata, rng):
    """Called without `base`, does it return bits?"""
    check(kata, random_distribution(rng, 6))


@pytest.mark.points(2)
def test_entropy_is_between_zero_and_log_n(kata, rng):
    """Is 0 <= H(p) <= log2 n, with the maximum at the uniform distribution?"""
    n = 7
    uniform = check(kata, np.full(n, 1 / n))
    assert_close(uniform, math.log2(n), what="the entropy of the uniform distribution")
    for _ in range(20):
        p = random_distribution(rng, n, zeros=int(rng.integers(0, n - 1)))
        value = float(check(kata, p))
        if not -1e-12 <= value <= math.log2(n) + 1e-12:
            fail(f"entropy({p.round(4).tolist()}) = {value!r} is outside [0, log2 {n}]")


@pytest.mark.points(2)
def test_entropy_adds_for_independent_variables(kata, rng):
    """Is H of a product distribution p_i q_j the sum H(p) + H(q)?"""
    p, q = random_distribution(rng, 4, zeros=1), random_distribution(rng, 5)
    joint = np.outer(p, q).ravel()
    f = kata.entropy
    called = describe_call(f, joint)
    h_joint = call_strictly(f, joint, advice=ADVICE)
    h_sum = float(call_strictly(f, p, advice=ADVICE)) + float(call_strictly(f, q, advice=ADVICE))
    assert_close(h_joint, h_sum, what="H(joint) compared with H(p) + H(q)", called=called)


def test_entropy_accepts_lists_of_ints(kata):
    """Are integer lists such as [0, 1] converted to float (a sure outcome: 0 bits)?"""
    check(kata, [0, 1], expected=0.0)


@pytest.mark.parametrize(
    "p",
    [[0.1] * 10, [1 / 3] * 3, [0.5, 0.5 + 5e-10]],
    ids=["tenths", "thirds", "off-by-5e-10"],
)
def test_entropy_accepts_sums_within_tolerance(kata, p):
    """Is a sum within 1e-9 of 1 accepted (0.1 * 10 is not exactly 1 in floating point)?"""
    check(kata, p, expected=reference(p))


def test_entropy_leaves_input_unchanged(kata, rng):
    """Is p (with some zeros in it) left exactly as it was?"""
    check(kata, random_distribution(rng, 8, zeros=3))  # call() compares p after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "p, base, why",
    [
        ([1.5, -0.5], 2.0, "p has a negative entry (it still sums to 1)"),
        ([0.5, 0.4], 2.0, "p sums to 0.9, not 1"),
        ([0.5, 0.5 + 1e-6], 2.0, "p sums to 1.000001, more than 1e-9 away from 1"),
        ([0.5, 0.5 - 1e-8], 2.0, "p sums to 1 - 1e-8, more than 1e-9 away from 1"),
        ([], 2.0, "p is empty"),
        ([[0.5, 0.5]], 2.0, "p is 2-D, it must be 1-D"),
        ([0.5, 0.5], 1.0, "log base 1 is not defined"),
        ([0.5, 0.5], 0.0, "the base must be positive"),
        ([0.5, 0.5], -2.0, "the base must be positive"),
    ],
    ids=[
        "negative",
        "sum-0.9",
        "sum-1e-6-off",
        "sum-1e-8-off",
        "empty",
        "2d",
        "base-1",
        "base-0",
        "base-neg",
    ],
)
def test_entropy_rejects_bad_input(kata, p, base, why):
    """Does p that is not a distribution, or a bad base, raise ValueError with a message?"""
    with np.errstate(all="ignore"):
        expect_error(ValueError, kata.entropy, p, base, why=why)
