"""Grader for deep_learning/gelu: gelu(x), gelu_grad(x) and gelu_tanh(x), elementwise.

The reference takes Phi from math.erfc one element at a time; in the left tail the values
are also checked against the asymptotic series of the Mills ratio, and gelu_grad against
central differences of the function's own gelu.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    AUTODIFF,
    assert_close,
    assert_gradient,
    call,
    call_strictly,
    describe_call,
    forbid,
)

RTOL = 1e-9  # the catalogue's relative accuracy, down to x = -30
TINY = 1e-300  # values that underflow may come back as 0
STABILITY = (
    "keep every intermediate finite for |x| up to 1e4: np.tanh (not a ratio of exponentials, "
    "which overflows for x of about 30 and up), Phi from erfc, and exp(-x^2/2) may underflow "
    "to 0 but must not overflow"
)


def _elementwise(f, x):
    x = np.asarray(x, dtype=float)
    return np.array([f(v) for v in x.ravel()], dtype=float).reshape(x.shape)


def Phi(x):
    return _elementwise(lambda v: 0.5 * math.erfc(-v / math.sqrt(2.0)), x)


def phi(x):
    return _elementwise(lambda v: math.exp(-v * v / 2) / math.sqrt(2 * math.pi), x)


def ref_gelu(x):
    return np.asarray(x, dtype=float) * Phi(x)


def ref_grad(x):
    return Phi(x) + np.asarray(x, dtype=float) * phi(x)


def ref_tanh(x):
    x = np.asarray(x, dtype=float)
    u = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
    return x * 0.5 * (1 + _elementwise(math.tanh, u))


def gelu_mistakes(x):
    x = np.asarray(x, dtype=float)
    return {
        "gelu returns the tanh approximation; the kata asks for the exact x*Phi(x)": ref_tanh(x),
        "erf(x) without the /sqrt(2): Phi(x) = (1 + erf(x/sqrt 2))/2": x
        * 0.5
        * (1 + _elementwise(math.erf, x)),
        "1 + erf(x/sqrt 2) cancels to 0 in the left tail: compute Phi(x) as erfc(-x/sqrt 2)/2": x
        * 0.5
        * (1 + _elementwise(lambda v: math.erf(v / math.sqrt(2)), x)),
    }


def grad_mistakes(x):
    x = np.asarray(x, dtype=float)
    return {
        "the derivative is missing the x*phi(x) term (product rule: (x Phi)' = Phi + x phi)": Phi(
            x
        ),
        "erf(x) without the /sqrt(2) in Phi": 0.5 * (1 + _elementwise(math.erf, x)) + x * phi(x),
        "1 + erf(x/sqrt 2) cancels in the left tail: compute Phi(x) as erfc(-x/sqrt 2)/2": 0.5
        * (1 + _elementwise(lambda v: math.erf(v / math.sqrt(2)), x))
        + x * phi(x),
    }


def check(kata, name, x, *, strictly=False, rtol=RTOL, atol=None):
    f = getattr(kata, name)
    if atol is None:
        # 1 + tanh(u) cancels in gelu_tanh's left tail: absolute accuracy only, |x| * 1e-16
        atol = 1e-12 if name == "gelu_tanh" else TINY
    called = describe_call(f, x)
    got = call_strictly(f, x, advice=STABILITY) if strictly else call(f, x)
    want, mistakes = {
        "gelu": (ref_gelu, gelu_mistakes),
        "gelu_grad": (ref_grad, grad_mistakes),
        "gelu_tanh": (ref_tanh, lambda x: {}),
    }[name]
    assert_close(got, want(x), rtol=rtol, atol=atol, what=name, called=called, mistakes=mistakes(x))
    return np.asarray(got, dtype=float)


def mills_phi(x):
    """Phi(x) for x <= -20 from the asymptotic series phi(x)/|x| (1 - 1/x^2 + 3/x^4 - ...)."""
    x = np.asarray(x, dtype=float)
    t = 1.0 / (x * x)
    series = 1 - t + 3 * t**2 - 15 * t**3 + 105 * t**4 - 945 * t**5 + 10395 * t**6
    return phi(x) / np.abs(x) * series


def test_gelu_documented_example(kata):
    """Does gelu([0, 1, -1]) give [0, 0.841345, -0.158655] and gelu(-30) = -1.472014e-196?"""
    got = check(kata, "gelu", [0.0, 1.0, -1.0])
    assert_close(got, [0.0, 0.841344746, -0.158655254], rtol=1e-8, what="gelu")
    assert_close(check(kata, "gelu", -30.0), -1.472014178e-196, rtol=1e-9, atol=0, what="gelu(-30)")


def test_gelu_grad_documented_example(kata):
    """Does gelu_grad([0, 1, -1]) give [0.5, 1.083315, -0.083315]?"""
    got = check(kata, "gelu_grad", [0.0, 1.0, -1.0])
    assert_close(got, [0.5, 1.0833154705876864, -0.0833154705876864], rtol=1e-9, what="gelu_grad")


def test_gelu_tanh_documented_example(kata):
    """Does gelu_tanh([0, 1, -1]) give [0, 0.841192, -0.158808]?"""
    got = check(kata, "gelu_tanh", [0.0, 1.0, -1.0])
    assert_close(got, [0.0, 0.841192, -0.158808], rtol=1e-6, atol=1e-6, what="gelu_tanh")


@pytest.mark.parametrize("name", ["gelu", "gelu_grad", "gelu_tanh"])
def test_gelu_random_cases(kata, rng, name):
    """Do random 2-D inputs in [-8, 8] match the elementwise reference?"""
    check(kata, name, rng.uniform(-8, 8, size=(20, 7)))


def test_gelu_symmetry(kata, rng):
    """Is gelu(x) - gelu(-x) = x and gelu_grad(x) + gelu_grad(-x) = 1 (Phi(x) + Phi(-x) = 1)?"""
    x = rng.uniform(-6, 6, size=50)
    a, b = check(kata, "gelu", x), check(kata, "gelu", -x)
    assert_close(a - b, x, rtol=1e-12, atol=1e-12, what="gelu(x) - gelu(-x)")
    a, b = check(kata, "gelu_grad", x), check(kata, "gelu_grad", -x)
    assert_close(a + b, np.ones(50), rtol=1e-12, atol=1e-12, what="gelu_grad(x) + gelu_grad(-x)")


def test_gelu_grad_matches_finite_differences(kata, rng):
    """Is gelu_grad the derivative of the same module's gelu (L = sum(gelu(x) * upstream))?"""
    x = rng.uniform(-4, 4, size=(3, 4))
    upstream = rng.standard_normal((3, 4))
    grad = check(kata, "gelu_grad", x)
    assert_gradient(
        grad * upstream,
        lambda v: float(np.sum(np.asarray(kata.gelu(v), dtype=float) * upstream)),
        x,
        what="gelu_grad(x) * upstream",
        called=describe_call(kata.gelu_grad, x),
    )


def test_gelu_left_tail_keeps_relative_accuracy(kata):
    """Down to x = -30 (values near 1e-196), are gelu and gelu_grad right to 1e-9 relative?"""
    x = -np.array([9.0, 12.0, 20.0, 25.0, 30.0])
    got = check(kata, "gelu", x, strictly=True, atol=0.0)
    far = x <= -20
    assert_close(got[far], x[far] * mills_phi(x[far]), rtol=RTOL, atol=0.0, what="gelu (series)")
    got = check(kata, "gelu_grad", x, strictly=True, atol=0.0)
    assert_close(
        got[far],
        mills_phi(x[far]) + x[far] * phi(x[far]),
        rtol=1e-8,  # Phi + x phi loses about 3 digits (|x|^2 ~ 900) of the series' accuracy
        atol=0.0,
        what="gelu_grad (series)",
    )


@pytest.mark.parametrize("name", ["gelu", "gelu_grad", "gelu_tanh"])
def test_gelu_no_overflow_for_huge_inputs(kata, name):
    """For |x| up to 1e4, are there no overflow, invalid or divide errors, and right values?"""
    x = np.array([-1e4, -1e3, -100.0, -40.0, -35.0, 30.0, 40.0, 100.0, 1e3, 1e4])
    # the left end underflows to 0: an absolute tolerance far below every non-zero value
    check(kata, name, x, strictly=True, rtol=RTOL, atol=1e-290)


def test_gelu_tanh_left_tail_to_an_absolute_tolerance(kata):
    """In the left tail, is gelu_tanh within 1e-12 of the reference (1 + tanh cancels)?"""
    x = -np.linspace(3.0, 30.0, 28)
    check(kata, "gelu_tanh", x, strictly=True, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", ["gelu", "gelu_grad", "gelu_tanh"])
def test_gelu_any_shape(kata, rng, name):
    """Do an empty array, a 0-d input and a 3-D array keep their shapes?"""
    check(kata, name, np.zeros((0, 3)))
    check(kata, name, 0.7)
    check(kata, name, rng.uniform(-3, 3, size=(2, 3, 4)))


def test_gelu_accepts_a_list_of_ints(kata):
    """Is [-2, 0, 3] (ints) converted to float?"""
    for name in ["gelu", "gelu_grad", "gelu_tanh"]:
        check(kata, name, [-2, 0, 3])


def test_gelu_grad_makes_no_autodiff_call(kata, rng):
    """Is the derivative written out, not taken from automatic differentiation?"""
    x = rng.uniform(-5, 5, size=10)
    with forbid(*AUTODIFF, called=describe_call(kata.gelu_grad, x)):
        check(kata, "gelu_grad", x)


def test_gelu_leaves_its_input_unchanged(kata, rng):
    """Is x left exactly as it was (call() compares it after the call)?"""
    x = rng.uniform(-5, 5, size=(4, 4))
    for name in ["gelu", "gelu_grad", "gelu_tanh"]:
        check(kata, name, x)
