"""Grader for probability/box_muller: box_muller(u1, u2) -> Normal2(z1, z2)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

# Kolmogorov-Smirnov with the Dvoretzky-Kiefer-Wolfowitz threshold: for n samples of a
# continuous law, P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2); we take that to be 1e-7.
FALSE_FAILURE = 1e-7
SEED = 20260515


def normal_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def ks_distance(samples, cdf):
    x = np.sort(np.asarray(samples, dtype=float))
    n = x.size
    F = np.array([cdf(v) for v in x.tolist()])
    above = np.arange(1, n + 1) / n - F
    below = F - np.arange(n) / n
    return float(max(above.max(), below.max()))


def ks_check(samples, cdf, what):
    n = np.size(samples)
    threshold = math.sqrt(math.log(2 / FALSE_FAILURE) / (2 * n))
    distance = ks_distance(samples, cdf)
    if distance > threshold:
        fail(
            f"{what} does not look standard normal: the empirical CDF of {n} samples is "
            f"{distance:.4f} away from Phi (a correct transform stays below {threshold:.4f})"
        )


def check(kata, u1, u2, **tolerance):
    f = kata.box_muller
    called = describe_call(f, u1, u2)
    result = call(f, u1, u2)
    z1, z2 = fields(result, ["z1", "z2"], "box_muller")
    a = np.asarray(u1, dtype=float)
    b = np.asarray(u2, dtype=float)
    # the formula, one element at a time with the math module
    radius = np.vectorize(lambda v: math.sqrt(-2.0 * math.log(v)), otypes=[float])(a)
    angle = 2.0 * math.pi * b
    cos = np.vectorize(math.cos, otypes=[float])(angle)
    sin = np.vectorize(math.sin, otypes=[float])(angle)
    with np.errstate(all="ignore"):
        r_from_u2 = np.sqrt(-2.0 * np.log(b))
    for name, got, want, other, trig in [
        ("z1", z1, radius * cos, radius * sin, np.cos),
        ("z2", z2, radius * sin, radius * cos, np.sin),
    ]:
        with np.errstate(all="ignore"):
            mistakes = {
                "the 2 is missing: R = sqrt(-2 ln u1), not sqrt(-ln u1)": want / math.sqrt(2.0),
                "ln u2 in the radius: R = sqrt(-2 ln u1) and the angle is 2 pi u2": r_from_u2
                * trig(angle),
                "u1 and u2 swapped: R comes from u1, the angle from u2": r_from_u2
                * trig(2.0 * np.pi * a),
                "the angle is missing 2 pi: use cos(2 pi u2) and sin(2 pi u2)": radius * trig(b),
                "z1 and z2 swapped: z1 = R cos(2 pi u2), z2 = R sin(2 pi u2)": other,
            }
        assert_close(got, want, what=name, called=called, mistakes=mistakes, **tolerance)
    return np.asarray(z1, dtype=float), np.asarray(z2, dtype=float)


@pytest.mark.points(2)
def test_box_muller_documented_example(kata):
    """Do (0.5, 0.25) and (e^-2, 0.5) give (0, sqrt(2 ln 2)) and (-2, 0)?"""
    z1, z2 = check(kata, [0.5, math.exp(-2.0)], [0.25, 0.5])
    assert_close(z1, [0.0, -2.0], what="z1")
    assert_close(z2, [math.sqrt(2 * math.log(2)), 0.0], what="z2")


@pytest.mark.points(2)
def test_box_muller_hand_checked_cases(kata):
    """Do u1 = e^-1/2 (R = 1) and u1 = 1 (R = 0) give points on circles of radius 1 and 0?

    R = sqrt(-2 ln e^-1/2) = 1, so (z1, z2) = (cos 2 pi u2, sin 2 pi u2): u2 = 1/8 gives
    (1/sqrt 2, 1/sqrt 2). u1 = 1 gives R = 0 whatever u2 is.
    """
    z1, z2 = check(kata, [math.exp(-0.5), 1.0], [0.125, 0.7])
    assert_close(z1, [math.sqrt(0.5), 0.0], what="z1")
    assert_close(z2, [math.sqrt(0.5), 0.0], what="z2")


@pytest.mark.points(2)
@pytest.mark.parametrize("shape", [(1,), (50,), (4, 6)])
def test_box_muller_random_uniforms(kata, rng, shape):
    """Do random uniforms of any shape match the formula element by element?"""
    u1 = 1.0 - rng.random(shape)  # in (0, 1]
    z1, z2 = check(kata, u1, rng.random(shape))
    assert_close(z1.shape + z2.shape, shape + shape, what="the shapes of z1 and z2")


def test_box_muller_scalars(kata):
    """Do plain floats work (u1 = 0.3, u2 = 0.9)?"""
    check(kata, 0.3, 0.9)


@pytest.mark.points(3)
def test_box_muller_gives_standard_normals(kata):
    """Are z1, z2 and (z1 + z2)/sqrt 2 standard normal for 20 000 uniform pairs (KS, DKW)?

    If z1 and z2 are independent N(0, 1), so is (z1 + z2) / sqrt 2: this also checks that
    they are not the same variable twice.
    """
    rng = np.random.default_rng(SEED)
    u1 = 1.0 - rng.random(20_000)
    u2 = rng.random(20_000)
    z1, z2 = check(kata, u1, u2)
    ks_check(z1, normal_cdf, "z1")
    ks_check(z2, normal_cdf, "z2")
    ks_check((z1 + z2) / math.sqrt(2.0), normal_cdf, "(z1 + z2) / sqrt(2)")


def test_box_muller_leaves_inputs_unchanged(kata, rng):
    """Are u1 and u2 left exactly as they were?"""
    u1, u2 = 1.0 - rng.random(10), rng.random(10)
    check(kata, u1, u2)  # call() compares u1 and u2 after the call


def test_box_muller_does_not_check_u2(kata):
    """Is u2 = 1.5 accepted (only u1 is checked; the angle is just 3 pi)?"""
    z1, z2 = check(kata, [math.exp(-0.5)], [1.5])
    assert_close(z1, [-1.0], what="z1")


@pytest.mark.parametrize(
    "u1, u2, why",
    [
        ([0.0, 0.5], [0.1, 0.2], "u1 = 0: ln 0 is -inf"),
        ([0.5, 1.5], [0.1, 0.2], "u1 = 1.5 is above 1"),
        ([-0.2], [0.1], "u1 is negative"),
        ([float("nan")], [0.1], "u1 is nan"),
        ([0.5, 0.5], [0.1], "the shapes differ"),
    ],
    ids=["zero", "above_one", "negative", "nan", "shapes"],
)
def test_box_muller_rejects_bad_input(kata, u1, u2, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.box_muller, u1, u2, why=why)
