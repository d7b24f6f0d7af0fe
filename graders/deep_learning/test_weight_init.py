"""Grader for deep_learning/weight_init: xavier_uniform(fan_in, fan_out, rng, gain=1.0) and
he_normal(fan_in, fan_out, rng), each -> a (fan_in, fan_out) weight matrix.

Both are sampling protocols: the grader replays them on a generator with the same seed
and compares the values (to rounding: ``rng.uniform(-a, a)`` and ``a*(2*rng.random() - 1)``
draw the same numbers) and the generator's state after the call.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

XAVIER = "one call rng.uniform(-a, a, size=(fan_in, fan_out)), a = gain*sqrt(6/(fan_in + fan_out))"
HE = "one call rng.standard_normal((fan_in, fan_out)) times std = sqrt(2/fan_in)"


def values_close(got, want, scale, called, what, mistakes):
    """Equal to rounding: relative to the law's scale, since entries near 0 have no digits."""
    assert_close(
        got, want, rtol=1e-12, atol=1e-12 * scale, what=what, called=called, mistakes=mistakes
    )


def check_state(rng, expected, called, protocol):
    if rng.bit_generator.state != expected.bit_generator.state:
        fail(
            f"{called}: the values are right, but the generator was not left as the protocol "
            f"leaves it ({protocol}): draw exactly once, nothing more"
        )


def check_xavier(kata, fan_in, fan_out, gain=None, seed=0):
    f = kata.xavier_uniform
    rng = np.random.default_rng(seed)
    args = (fan_in, fan_out, rng) + (() if gain is None else (gain,))
    g = 1.0 if gain is None else gain
    called = describe_call(f, fan_in, fan_out, "rng", *args[3:])
    W = call(f, *args)
    a = g * math.sqrt(6.0 / (fan_in + fan_out))
    u = np.random.default_rng(seed).random((fan_in, fan_out))
    want = a * (2.0 * u - 1.0)
    s = g * math.sqrt(2.0 / (fan_in + fan_out))  # the Xavier normal std
    mistakes = {
        "the Xavier *normal* std sqrt(2/(fan_in + fan_out)) used as the uniform bound "
        "(the bound is sqrt(6/(fan_in + fan_out)), so that a^2/3 is that variance)": s
        * (2.0 * u - 1.0),
        "drawn as (fan_out, fan_in) and transposed: W is (fan_in, fan_out) for X @ W, draw "
        "it in that shape": (
            a * (2.0 * np.random.default_rng(seed).random((fan_out, fan_in)) - 1.0)
        ).T,
        "the gain is left out": want / g if g != 1.0 else np.nan,
    }
    values_close(W, want, a, called, "W", mistakes)
    expected = np.random.default_rng(seed)
    expected.random((fan_in, fan_out))
    check_state(rng, expected, called, XAVIER)
    return np.asarray(W, dtype=float)


def check_he(kata, fan_in, fan_out, seed=0):
    f = kata.he_normal
    rng = np.random.default_rng(seed)
    called = describe_call(f, fan_in, fan_out, "rng")
    W = np.asarray(call(f, fan_in, fan_out, rng), dtype=float)
    z = np.random.default_rng(seed).standard_normal((fan_in, fan_out))
    std = math.sqrt(2.0 / fan_in)
    want = std * z
    if W.shape == want.shape and np.all(np.abs(W) <= 2.0 * std * (1 + 1e-12) / 0.87962566103423978):
        if np.any(np.abs(z) > 2.0) and not np.allclose(W, want, rtol=1e-12, atol=1e-12 * std):
            fail(
                f"{called}: every entry lies within 2 std of 0 though a plain normal of this "
                f"size has some beyond: a truncated normal (Keras's he_normal); the kata asks "
                f"for a plain normal ({HE})"
            )
    mistakes = {
        "He with fan_out (PyTorch's (out, in) weight layout read as (in, out), or "
        'mode="fan_out"): std = sqrt(2/fan_in) uses the rows of W': math.sqrt(2.0 / fan_out) * z
        if fan_in != fan_out
        else np.nan,
        "the variance 2/fan_in used as the std (take its square root)": 2.0 / fan_in * z,
        "drawn as (fan_out, fan_in) and transposed: W is (fan_in, fan_out) for X @ W, draw "
        "it in that shape": std * np.random.default_rng(seed).standard_normal((fan_out, fan_in)).T,
        "std = sqrt(1/fan_in) (LeCun): the ReLU gain sqrt(2) is missing": z / math.sqrt(fan_in),
    }
    values_close(W, want, std, called, "W", mistakes)
    expected = np.random.default_rng(seed)
    expected.standard_normal((fan_in, fan_out))
    check_state(rng, expected, called, HE)
    return W


def test_xavier_uniform_documented_example(kata):
    """Does xavier_uniform(2, 1, default_rng(0)) give the draws of uniform(-sqrt 2, sqrt 2)?"""
    W = check_xavier(kata, 2, 1)
    assert_close(np.abs(W) <= math.sqrt(2.0), [[1.0], [1.0]], what="|W| <= sqrt(2)")


def test_he_normal_documented_example(kata):
    """Does he_normal(8, 3, default_rng(0)) give 0.5 times standard normal draws?

    std = sqrt(2/8) = 0.5.
    """
    W = check_he(kata, 8, 3)
    z = np.random.default_rng(0).standard_normal((8, 3))
    assert_close(W, 0.5 * z, rtol=1e-12, atol=1e-13, what="W")


@pytest.mark.parametrize(
    "fan_in, fan_out, gain, seed",
    [(3, 5, None, 1), (100, 20, None, 2), (7, 7, 2.0, 3), (64, 10, 5.0 / 3.0, 4)],
    ids=["3x5", "100x20", "square-gain-2", "tanh-gain"],
)
def test_xavier_uniform_replays_the_protocol(kata, fan_in, fan_out, gain, seed):
    """Are W and the generator's state those of one rng.uniform(-a, a, size=(fan_in, fan_out))?"""
    check_xavier(kata, fan_in, fan_out, gain, seed)


@pytest.mark.parametrize(
    "fan_in, fan_out, seed",
    [(3, 5, 1), (100, 20, 2), (7, 7, 3), (20, 300, 4)],
    ids=["3x5", "100x20", "square", "20x300"],
)
def test_he_normal_replays_the_protocol(kata, fan_in, fan_out, seed):
    """Are W and the generator's state those of std * rng.standard_normal((fan_in, fan_out))?"""
    check_he(kata, fan_in, fan_out, seed)


def test_xavier_uniform_has_the_variance_of_glorot(kata, rng):
    """Is the sample variance of a large W close to gain^2 * 2/(fan_in + fan_out)?

    A property of the law, independent of the protocol: Var U(-a, a) = a^2/3.
    """
    W = check_xavier(kata, 300, 500, 1.5, int(rng.integers(1 << 30)))
    want = 1.5**2 * 2.0 / 800
    # 150000 draws: the sample variance is within 1 % of the true one with a wide margin
    assert_close(np.mean(W**2), want, rtol=0.02, atol=0.0, what="mean of W^2")
    assert_close(np.abs(W).max() <= 1.5 * math.sqrt(6 / 800), 1.0, what="max |W| <= a")


def test_he_normal_has_the_variance_of_kaiming(kata, rng):
    """Is the sample variance of a large W close to 2/fan_in, with mean close to 0?"""
    W = check_he(kata, 400, 500, int(rng.integers(1 << 30)))
    assert_close(np.mean(W**2), 2.0 / 400, rtol=0.02, atol=0.0, what="mean of W^2")
    assert_close(np.mean(W), 0.0, atol=5 * math.sqrt(2.0 / 400 / W.size), what="mean of W")


def test_weight_init_one_by_one(kata):
    """Does a 1 x 1 layer work (a = sqrt(3), std = sqrt(2)) and still return a 2-D array?"""
    W = check_xavier(kata, 1, 1, None, 5)
    assert_close(np.shape(W), (1, 1), what="the shape of xavier_uniform(1, 1, rng)")
    W = check_he(kata, 1, 1, 6)
    assert_close(np.shape(W), (1, 1), what="the shape of he_normal(1, 1, rng)")


def test_weight_init_uses_the_given_generator(kata):
    """Do two calls on one generator continue its stream (no reseeding, no global np.random)?"""
    rng = np.random.default_rng(11)
    first = call(kata.he_normal, 4, 3, rng)
    second = call(kata.xavier_uniform, 4, 3, rng)
    replay = np.random.default_rng(11)
    assert_close(
        first,
        replay.standard_normal((4, 3)) * math.sqrt(0.5),
        rtol=1e-12,
        atol=1e-13,
        what="he_normal's W",
    )
    assert_close(
        second,
        math.sqrt(6 / 7) * (2 * replay.random((4, 3)) - 1),
        rtol=1e-12,
        atol=1e-13,
        what="xavier_uniform's W after it, on the same generator",
    )


@pytest.mark.parametrize(
    "fan_in, fan_out, why",
    [
        (0, 3, "fan_in = 0"),
        (3, 0, "fan_out = 0"),
        (-2, 3, "fan_in < 0"),
        (2.5, 3, "fan_in is not an integer"),
        (3, 1.5, "fan_out is not an integer"),
    ],
    ids=["fan_in-0", "fan_out-0", "negative", "fan_in-float", "fan_out-float"],
)
def test_weight_init_rejects_bad_fans(kata, fan_in, fan_out, why):
    """Do both functions refuse a fan that is not an integer >= 1?"""
    expect_error(
        ValueError, kata.xavier_uniform, fan_in, fan_out, np.random.default_rng(0), why=why
    )
    expect_error(ValueError, kata.he_normal, fan_in, fan_out, np.random.default_rng(0), why=why)


@pytest.mark.parametrize("gain", [0.0, -1.0], ids=["zero", "negative"])
def test_xavier_uniform_rejects_a_gain_that_is_not_positive(kata, gain):
    """Does gain <= 0 raise ValueError?"""
    expect_error(
        ValueError,
        kata.xavier_uniform,
        3,
        4,
        np.random.default_rng(0),
        gain,
        why=f"gain = {gain} is not positive",
    )
