"""Grader for information_theory/kl: cross_entropy(p, q, base) and kl_divergence(p, q, base).

Every call runs with floating-point warnings turned into errors, the infinite case
included: terms with p_i = 0 count as 0 without computing log(0), and where some
q_i = 0 < p_i the answer is inf, detected rather than produced by a division by zero or
log(0). (Masking p > 0 and checking q_i == 0 on that support passes; so does silencing
the warnings inside the function with np.errstate.)
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
    "log(0) = -inf and 0 * -inf = nan; and where some q_i = 0 < p_i, return inf after "
    "checking for it, without dividing by 0."
)


def ref_cross_entropy(p, q, base=2.0):
    """-sum p_i ln q_i / ln b over p_i > 0, in plain Python; inf if some q_i = 0 < p_i."""
    pairs = [
        (a, b) for a, b in zip(np.ravel(p).tolist(), np.ravel(q).tolist(), strict=True) if a > 0
    ]
    if any(b == 0 for _, b in pairs):
        return math.inf
    return -math.fsum(a * math.log(b) for a, b in pairs) / math.log(base)


def ref_kl(p, q, base=2.0):
    """sum p_i ln(p_i / q_i) / ln b over p_i > 0, in plain Python; inf if some q_i = 0 < p_i."""
    pairs = [
        (a, b) for a, b in zip(np.ravel(p).tolist(), np.ravel(q).tolist(), strict=True) if a > 0
    ]
    if any(b == 0 for _, b in pairs):
        return math.inf
    return math.fsum(a * math.log(a / b) for a, b in pairs) / math.log(base)


def ref_entropy(p, base=2.0):
    return -math.fsum(a * math.log(a) for a in np.ravel(p).tolist() if a > 0) / math.log(base)


def base_mistakes(want, base):
    mistakes = {}
    if base != 2.0:
        mistakes["log base 2 whatever the `base` argument says"] = want * math.log(base, 2)
    if base != math.e:
        mistakes[f"the natural log (nats) where log base {base:g} was asked"] = want * math.log(
            base
        )
    return mistakes


def run(kata, name, p, q, *args):
    f = getattr(kata, name)
    called = describe_call(f, p, q, *args)
    return call_strictly(f, p, q, *args, advice=ADVICE), called


def finite_where_infinite(result, want, called, what):
    """Fail with a clear message when inf is expected and a finite number came back."""
    __tracebackhide__ = True
    if want == math.inf and isinstance(result, (int, float, np.number)) and np.isfinite(result):
        fail(
            f"{called}: {what} is {float(result)!r}, expected inf. Some q_i = 0 < p_i, "
            "so it is infinite: do not clip q or add an epsilon, check for that case "
            "and return inf."
        )


def check_ce(kata, p, q, base=2.0, expected=None):
    args = () if base == 2.0 else (base,)
    result, called = run(kata, "cross_entropy", p, q, *args)
    want = ref_cross_entropy(p, q, base) if expected is None else expected
    mistakes = {
        "the minus sign is missing (log q_i is negative)": -want,
        "-sum q log p: p and q are the wrong way round": ref_cross_entropy(q, p, base),
        "the KL divergence, not the cross-entropy": ref_kl(p, q, base),
        **base_mistakes(want, base),
    }
    finite_where_infinite(result, want, called, "the cross-entropy")
    assert_close(result, want, what="the cross-entropy", called=called, mistakes=mistakes)
    return result


def check_kl(kata, p, q, base=2.0, expected=None):
    args = () if base == 2.0 else (base,)
    result, called = run(kata, "kl_divergence", p, q, *args)
    want = ref_kl(p, q, base) if expected is None else expected
    unweighted = [(a, b) for a, b in zip(np.ravel(p), np.ravel(q), strict=True) if a > 0 and b > 0]
    mistakes = {
        "KL(q || p): p and q are the wrong way round": ref_kl(q, p, base),
        "log(q_i / p_i) instead of log(p_i / q_i)": -want,
        "the cross-entropy H(p, q), not H(p, q) - H(p)": ref_cross_entropy(p, q, base),
        "the sum of log(p_i / q_i) without the weights p_i": (
            math.fsum(math.log(a / b) for a, b in unweighted) / math.log(base)
        ),
        **base_mistakes(want, base),
    }
    finite_where_infinite(result, want, called, "the KL divergence")
    assert_close(result, want, what="the KL divergence", called=called, mistakes=mistakes)
    return result


@pytest.mark.points(2)
def test_cross_entropy_documented_example(kata):
    """Do the docstring's examples give 2 - log2(3)/2, 1 and inf bits?"""
    check_ce(kata, [0.5, 0.5], [0.25, 0.75], expected=2 - 0.5 * math.log2(3))
    check_ce(kata, [1.0, 0.0], [0.5, 0.5], expected=1.0)
    check_ce(kata, [0.5, 0.5], [1.0, 0.0], expected=math.inf)


@pytest.mark.points(2)
def test_kl_divergence_documented_example(kata):
    """Do the docstring's examples give 1 - log2(3)/2, 1 and inf bits?"""
    check_kl(kata, [0.5, 0.5], [0.25, 0.75], expected=1 - 0.5 * math.log2(3))
    check_kl(kata, [1.0, 0.0], [0.5, 0.5], expected=1.0)
    check_kl(kata, [0.5, 0.5], [1.0, 0.0], expected=math.inf)


@pytest.mark.points(2)
def test_cross_entropy_hand_checked_cases(kata):
    """Do small cases worked by hand come out exactly?

    p = [1/2, 1/4, 1/4], q = [1/4, 1/4, 1/2]: H(p, q) = (1/2)2 + (1/4)2 + (1/4)1 = 1.75
    bits. q uniform on 4: H(p, q) = log2 4 = 2 whatever p is. In base 4 that is 1.
    """
    check_ce(kata, [0.5, 0.25, 0.25], [0.25, 0.25, 0.5], expected=1.75)
    check_ce(kata, [0.1, 0.2, 0.3, 0.4], [0.25] * 4, expected=2.0)
    check_ce(kata, [0.1, 0.2, 0.3, 0.4], [0.25] * 4, 4.0, expected=1.0)


@pytest.mark.points(2)
def test_kl_divergence_hand_checked_cases(kata):
    """Do small cases worked by hand come out exactly?

    p = [1/2, 1/4, 1/4], q = [1/4, 1/4, 1/2]: D = (1/2)1 + 0 + (1/4)(-1) = 0.25 bits, and
    D(q || p) = (1/4)(-1) + 0 + (1/2)1 = 0.25 too. p = [1/2, 1/2], q = [1/4, 3/4]:
    D(q || p) = (1/4)(-1) + (3/4) log2(3/2) = (3/4) log2 3 - 1.
    """
    check_kl(kata, [0.5, 0.25, 0.25], [0.25, 0.25, 0.5], expected=0.25)
    check_kl(kata, [0.25, 0.25, 0.5], [0.5, 0.25, 0.25], expected=0.25)
    check_kl(kata, [0.25, 0.75], [0.5, 0.5], expected=0.75 * math.log2(3) - 1)
    check_kl(kata, [0.25, 0.75], [0.5, 0.5], math.e, expected=0.75 * math.log(3) - math.log(2))


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [3, 50])
@pytest.mark.parametrize("base", [2.0, math.e, 10.0], ids=["bits", "nats", "base-10"])
def test_cross_entropy_random_distributions(kata, rng, n, base):
    """Do random pairs of distributions match the definition, in every base?"""
    check_ce(kata, random_distribution(rng, n), random_distribution(rng, n), base)


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [3, 50])
@pytest.mark.parametrize("base", [2.0, math.e, 10.0], ids=["bits", "nats", "base-10"])
def test_kl_divergence_random_distributions(kata, rng, n, base):
    """Do random pairs of distributions match the definition, in every base?"""
    check_kl(kata, random_distribution(rng, n), random_distribution(rng, n), base)


@pytest.mark.points(2)
def test_cross_entropy_zero_p_terms_contribute_nothing(kata, rng):
    """Where p_i = 0 (with q_i > 0 or q_i = 0), is the term 0, with no nan or warning?"""
    p = np.array([0.0, 0.5, 0.0, 0.25, 0.25])
    check_ce(kata, p, np.array([0.1, 0.2, 0.3, 0.2, 0.2]))
    check_ce(kata, p, np.array([0.0, 0.4, 0.2, 0.2, 0.2]))
    check_ce(kata, random_distribution(rng, 12, zeros=5), random_distribution(rng, 12))


@pytest.mark.points(2)
def test_kl_divergence_zero_p_terms_contribute_nothing(kata, rng):
    """Where p_i = 0 (with q_i > 0 or q_i = 0), is the term 0, with no nan or warning?"""
    p = np.array([0.0, 0.5, 0.0, 0.25, 0.25])
    check_kl(kata, p, np.array([0.1, 0.2, 0.3, 0.2, 0.2]))
    check_kl(kata, p, np.array([0.0, 0.4, 0.2, 0.2, 0.2]))
    check_kl(kata, random_distribution(rng, 12, zeros=5), random_distribution(rng, 12))


@pytest.mark.points(2)
def test_cross_entropy_is_infinite_where_q_is_zero_but_p_is_not(kata, rng):
    """If some q_i = 0 < p_i, is the result inf (not nan), with no warning on the way?"""
    check_ce(kata, [0.2, 0.3, 0.5], [0.5, 0.5, 0.0], expected=math.inf)
    check_ce(
        kata, random_distribution(rng, 10), random_distribution(rng, 10, zeros=3), expected=math.inf
    )


@pytest.mark.points(2)
def test_kl_divergence_is_infinite_where_q_is_zero_but_p_is_not(kata, rng):
    """If some q_i = 0 < p_i, is the result inf (not nan), with no warning on the way?"""
    check_kl(kata, [0.2, 0.3, 0.5], [0.5, 0.5, 0.0], expected=math.inf)
    check_kl(
        kata, random_distribution(rng, 10), random_distribution(rng, 10, zeros=3), expected=math.inf
    )


TINY_IS_NOT_ZERO = (
    "a tiny q_i (1e-300) is not 0: the result is large but finite; only q_i == 0 exactly "
    "makes it infinite, not q_i below an absolute threshold"
)


@pytest.mark.points(2)
@pytest.mark.parametrize("tiny", [1e-20, 1e-300], ids=["1e-20", "1e-300"])
def test_cross_entropy_and_kl_with_tiny_q(kata, tiny):
    """With q = (tiny, 1 - tiny, ...) for tiny = 1e-20 or 1e-300, are both finite and exact?"""
    p, q = [0.5, 0.25, 0.25], [tiny, 0.5 - tiny, 0.5]
    for name, checker in (("cross_entropy", check_ce), ("kl_divergence", check_kl)):
        result, called = run(kata, name, p, q)
        if not np.isfinite(result):
            fail(f"{called} = {float(result)!r}: {TINY_IS_NOT_ZERO}")
        checker(kata, p, q)


@pytest.mark.points(2)
def test_kl_divergence_is_zero_for_equal_distributions(kata, rng):
    """Is D(p || p) = 0, also when p has zeros?"""
    for p in (
        [1.0, 0.0],
        [0.25, 0.75],
        random_distribution(rng, 20),
        random_distribution(rng, 20, zeros=7),
    ):
        check_kl(kata, p, np.array(p, dtype=float), expected=0.0)


@pytest.mark.points(2)
def test_kl_divergence_is_non_negative_and_not_symmetric(kata, rng):
    """Is D(p || q) >= 0 (Gibbs' inequality), and does D(q || p) differ in general?"""
    differs = False
    for _ in range(20):
        p, q = random_distribution(rng, 5), random_distribution(rng, 5)
        forward = float(check_kl(kata, p, q))
        backward = float(check_kl(kata, q, p))
        if forward < -1e-12:
            fail(f"kl_divergence({p.round(4).tolist()}, ...) = {forward!r} is negative")
        differs |= abs(forward - backward) > 1e-6
    if not differs:
        fail(
            "kl_divergence(p, q) equals kl_divergence(q, p) on every random pair, "
            "but the divergence is not symmetric"
        )


@pytest.mark.points(2)
def test_kl_divergence_is_cross_entropy_minus_entropy(kata, rng):
    """Is cross_entropy(p, q) - kl_divergence(p, q) the entropy H(p)?"""
    p, q = random_distribution(rng, 8, zeros=2), random_distribution(rng, 8)
    ce, called = run(kata, "cross_entropy", p, q)
    kl, _ = run(kata, "kl_divergence", p, q)
    assert_close(
        float(ce) - float(kl),
        ref_entropy(p),
        what="cross_entropy(p, q) - kl_divergence(p, q), which should be H(p),",
        called=called,
    )


def test_cross_entropy_of_p_with_itself_is_the_entropy(kata, rng):
    """Is H(p, p) = H(p), in bits and in nats?"""
    p = random_distribution(rng, 9, zeros=3)
    check_ce(kata, p, p.copy(), expected=ref_entropy(p))
    check_ce(kata, p, p.copy(), math.e, expected=ref_entropy(p, math.e))


def test_cross_entropy_accepts_lists_of_ints(kata):
    """Are integer lists converted to float ([0, 1] against [0, 1] gives 0, against [1, 0] inf)?"""
    check_ce(kata, [0, 1], [0, 1], expected=0.0)
    check_ce(kata, [0, 1], [1, 0], expected=math.inf)


def test_kl_divergence_accepts_lists_of_ints(kata):
    """Are integer lists converted to float ([0, 1] against [0, 1] gives 0, against [1, 0] inf)?"""
    check_kl(kata, [0, 1], [0, 1], expected=0.0)
    check_kl(kata, [0, 1], [1, 0], expected=math.inf)


def check_unchanged(kata, rng, check):
    """Check a finite case with zeros in p and q; call() compares both after the call."""
    p, q = random_distribution(rng, 6, zeros=2), random_distribution(rng, 6, zeros=1)
    q[p > 0] += 0.1  # keep the result finite
    q /= q.sum()
    check(kata, p, q)


def test_cross_entropy_leaves_inputs_unchanged(kata, rng):
    """Are p and q (with zeros in them) left exactly as they were?"""
    check_unchanged(kata, rng, check_ce)


def test_kl_divergence_leaves_inputs_unchanged(kata, rng):
    """Are p and q (with zeros in them) left exactly as they were?"""
    check_unchanged(kata, rng, check_kl)


BAD_INPUT = [
    ([1.5, -0.5], [0.5, 0.5], 2.0, "p has a negative entry"),
    ([0.5, 0.5], [-0.5, 1.5], 2.0, "q has a negative entry"),
    ([0.5, 0.4], [0.5, 0.5], 2.0, "p sums to 0.9"),
    ([0.5, 0.5], [0.5, 0.5 + 1e-6], 2.0, "q sums to 1.000001, more than 1e-9 away from 1"),
    ([0.5, 0.5 - 1e-8], [0.5, 0.5], 2.0, "p sums to 1 - 1e-8, more than 1e-9 away from 1"),
    ([0.5, 0.5], [0.5, 0.25, 0.25], 2.0, "p and q have different lengths"),
    ([], [], 2.0, "p and q are empty"),
    ([[0.5, 0.5]], [[0.5, 0.5]], 2.0, "p and q are 2-D"),
    ([0.5, 0.5], [0.25, 0.75], 1.0, "log base 1 is not defined"),
    ([0.5, 0.5], [0.25, 0.75], -2.0, "the base must be positive"),
]
BAD_IDS = [
    "p-negative",
    "q-negative",
    "p-sum",
    "q-sum-1e-6",
    "p-sum-1e-8",
    "lengths",
    "empty",
    "2d",
    "base-1",
]
BAD_IDS.append("base-neg")


@pytest.mark.points(2)
@pytest.mark.parametrize("p, q, base, why", BAD_INPUT, ids=BAD_IDS)
def test_cross_entropy_rejects_bad_input(kata, p, q, base, why):
    """Does input that is not a pair of distributions raise ValueError with a message?"""
    with np.errstate(all="ignore"):
        expect_error(ValueError, kata.cross_entropy, p, q, base, why=why)


@pytest.mark.points(2)
@pytest.mark.parametrize("p, q, base, why", BAD_INPUT, ids=BAD_IDS)
def test_kl_divergence_rejects_bad_input(kata, p, q, base, why):
    """Does input that is not a pair of distributions raise ValueError with a message?"""
    with np.errstate(all="ignore"):
        expect_error(ValueError, kata.kl_divergence, p, q, base, why=why)
