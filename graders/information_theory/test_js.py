"""Grader for information_theory/js: js_divergence(p, q, base=2.0) -> float.

Every call runs with floating-point warnings turned into errors: terms with p_i = 0 or
q_i = 0 count as 0 without computing log(0), and the result is always finite.
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
    "0 log 0 counts as 0: leave out the terms with p_i = 0 (and q_i = 0) instead of "
    "computing log(0) = -inf and 0 * -inf = nan. With the mixture m = (p + q) / 2, "
    "m_i > 0 wherever p_i > 0, so nothing is infinite."
)


def plogp(v):
    return math.fsum(x * math.log(x) for x in v if x > 0)


def reference(p, q, base=2.0):
    """H(m) - (H(p) + H(q)) / 2, in plain Python (not the KL form the kata asks for)."""
    p, q = np.ravel(p).tolist(), np.ravel(q).tolist()
    m = [(a + b) / 2 for a, b in zip(p, q, strict=True)]
    return (-plogp(m) + (plogp(p) + plogp(q)) / 2) / math.log(base)


def kl(p, q, base):
    pairs = [(a, b) for a, b in zip(np.ravel(p), np.ravel(q), strict=True) if a > 0]
    if any(b == 0 for _, b in pairs):
        return math.inf
    return math.fsum(a * math.log(a / b) for a, b in pairs) / math.log(base)


def check(kata, p, q, base=2.0, expected=None):
    f = kata.js_divergence
    args = () if base == 2.0 else (base,)
    called = describe_call(f, p, q, *args)
    result = call_strictly(f, p, q, *args, advice=ADVICE)
    want = reference(p, q, base) if expected is None else expected
    m = (np.asarray(p, dtype=float) + np.asarray(q, dtype=float)) / 2
    mistakes = {
        "the symmetrised KL (D(p||q) + D(q||p)) / 2, not the divergences from m = (p + q) / 2": (
            (kl(p, q, base) + kl(q, p, base)) / 2
        ),
        "D(p||m) + D(q||m) without the factors 1/2": 2 * want,
        "m = p + q, without dividing by 2": want - math.log(2, base),
        "the Jensen-Shannon distance (the square root), not the divergence": math.sqrt(
            max(want, 0.0)
        ),
        "only D(p||m) / 2: the D(q||m) / 2 half is missing": kl(p, m, base) / 2,
    }
    if base != 2.0:
        mistakes["log base 2 whatever the `base` argument says"] = want * math.log(base, 2)
    if base != math.e:
        mistakes[f"the natural log (nats) where log base {base:g} was asked"] = want * math.log(
            base
        )
    assert_close(result, want, what="the JS divergence", called=called, mistakes=mistakes)
    return float(result)


@pytest.mark.points(2)
def test_js_divergence_documented_example(kata):
    """Do the docstring's examples give 1, 0 and 3/2 - (3/4) log2 3 bits?

    p = [1/2, 1/2], q = [1, 0]: m = [3/4, 1/4], H(m) = 2 - (3/4) log2 3, H(p) = 1,
    H(q) = 0, so JS = 2 - (3/4) log2 3 - 1/2.
    """
    check(kata, [1.0, 0.0], [0.0, 1.0], expected=1.0)
    check(kata, [0.25, 0.75], [0.25, 0.75], expected=0.0)
    check(kata, [0.5, 0.5], [1.0, 0.0], expected=1.5 - 0.75 * math.log2(3))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "base, expected",
    [(2.0, 1.0), (math.e, math.log(2)), (4.0, 0.5)],
    ids=["bits", "nats", "base-4"],
)
def test_js_divergence_disjoint_supports_give_log_2(kata, base, expected):
    """With no outcome in common, is JS = log_b 2 (1 bit, ln 2 nats, 1/2 in base 4)?

    m = p / 2 on the support of p and q / 2 on that of q: both KL terms are log_b 2.
    """
    check(kata, [0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.25, 0.75], base, expected=expected)


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [2, 10, 200])
@pytest.mark.parametrize("base", [2.0, math.e, 10.0], ids=["bits", "nats", "base-10"])
def test_js_divergence_random_distributions(kata, rng, n, base):
    """Do random pairs match H(m) - (H(p) + H(q)) / 2, in every base?"""
    check(kata, random_distribution(rng, n), random_distribution(rng, n), base)


@pytest.mark.points(2)
def test_js_divergence_is_finite_where_kl_is_infinite(kata, rng):
    """With q_i = 0 < p_i (and the other way round), is JS finite, without a warning?"""
    check(kata, [0.2, 0.3, 0.5], [0.5, 0.5, 0.0])
    for _ in range(5):
        check(kata, random_distribution(rng, 10, zeros=4), random_distribution(rng, 10, zeros=4))


@pytest.mark.points(2)
def test_js_divergence_is_symmetric(kata, rng):
    """Is JS(p, q) = JS(q, p)?"""
    for _ in range(5):
        p, q = random_distribution(rng, 6, zeros=1), random_distribution(rng, 6, zeros=2)
        forward = check(kata, p, q)
        backward = check(kata, q, p)
        assert_close(backward, forward, what="js_divergence(q, p) compared with (p, q)")


@pytest.mark.points(2)
def test_js_divergence_is_zero_exactly_when_p_equals_q(kata, rng):
    """Is JS(p, p) = 0 (zeros in p included), and JS(p, q) > 0 for p != q?"""
    for p in ([1.0, 0.0], random_distribution(rng, 7), random_distribution(rng, 9, zeros=4)):
        check(kata, p, np.array(p, dtype=float), expected=0.0)
    p = np.array([0.3, 0.3, 0.4])
    value = check(kata, p, np.array([0.3, 0.31, 0.39]))
    if not value > 0:
        fail(f"js_divergence of two different distributions returned {value!r}, not > 0")


@pytest.mark.points(2)
def test_js_divergence_is_at_most_one_bit(kata, rng):
    """Is 0 <= JS <= 1 in base 2 (and <= ln 2 in nats) on random pairs, sparse ones included?"""
    for _ in range(10):
        n = int(rng.integers(2, 8))
        p = random_distribution(rng, n, zeros=int(rng.integers(0, n)))
        q = random_distribution(rng, n, zeros=int(rng.integers(0, n)))
        for base, top in [(2.0, 1.0), (math.e, math.log(2))]:
            value = check(kata, p, q, base)
            if not -1e-12 <= value <= top + 1e-12:
                fail(
                    f"js_divergence({p.round(4).tolist()}, {q.round(4).tolist()}, "
                    f"base={base:g}) = {value!r} is outside [0, {top:.6g}]"
                )


def test_js_divergence_accepts_lists_of_ints(kata):
    """Are integer lists converted to float ([1, 0] against [0, 1] is 1 bit)?"""
    check(kata, [1, 0], [0, 1], expected=1.0)


def test_js_divergence_leaves_inputs_unchanged(kata, rng):
    """Are p and q (with zeros in them) left exactly as they were?"""
    p, q = random_distribution(rng, 6, zeros=2), random_distribution(rng, 6, zeros=1)
    check(kata, p, q)  # call() compares p and q after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "p, q, base, why",
    [
        ([1.5, -0.5], [0.5, 0.5], 2.0, "p has a negative entry"),
        ([0.5, 0.5], [-0.5, 1.5], 2.0, "q has a negative entry"),
        ([0.5, 0.4], [0.5, 0.5], 2.0, "p sums to 0.9"),
        ([0.5, 0.5], [0.5, 0.5 + 1e-6], 2.0, "q sums to 1.000001, more than 1e-9 away from 1"),
        ([0.5, 0.5 - 1e-8], [0.5, 0.5], 2.0, "p sums to 1 - 1e-8, more than 1e-9 from 1"),
        ([0.5, 0.5], [0.5, 0.25, 0.25], 2.0, "p and q have different lengths"),
        ([], [], 2.0, "p and q are empty"),
        ([[0.5, 0.5]], [[0.5, 0.5]], 2.0, "p and q are 2-D"),
        ([0.5, 0.5], [0.25, 0.75], 1.0, "log base 1 is not defined"),
        ([0.5, 0.5], [0.25, 0.75], -2.0, "the base must be positive"),
    ],
    ids=[
        "p-negative",
        "q-negative",
        "p-sum",
        "q-sum",
        "p-sum-1e-8",
        "lengths",
        "empty",
        "2d",
        "base-1",
        "neg",
    ],
)
def test_js_divergence_rejects_bad_input(kata, p, q, base, why):
    """Does input that is not a pair of distributions raise ValueError with a message?"""
    with np.errstate(all="ignore"):
        expect_error(ValueError, kata.js_divergence, p, q, base, why=why)
