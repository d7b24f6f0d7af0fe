"""Grader for deep_learning/positional_encoding:
sinusoidal_positional_encoding(n_positions, d_model, base=10000.0) -> (n_positions, d_model).

The reference fills the table entry by entry with math.sin, math.cos and
p / base**(2i/d_model); the listed mistakes are rebuilt the same way to name them.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

ATOL = 1e-12  # sin and cos are at most 1: round-off of the angle p·ω is below 1e-12


def reference(n, d, base=10000.0, layout="interleaved", exponent="2i", start=0, swap=False):
    """Entry by entry; the options reproduce the listed mistakes."""
    PE = np.zeros((n, d))
    for p in range(start, start + n):
        for j in range(d):
            i = j // 2
            first = j % 2 == 0
            if layout == "halves":
                i, first = j % (d // 2), j < d // 2
            power = j if exponent == "j" else 2 * i
            angle = p / base ** (power / d)
            PE[p - start, j] = math.sin(angle) if first != swap else math.cos(angle)
    return PE


def check(kata, n, d, base=None, **tolerance):
    """Call the kata, compare with the loops, name the listed mistakes, return the table."""
    f = kata.sinusoidal_positional_encoding
    args = (n, d) if base is None else (n, d, base)
    called = describe_call(f, *args)
    got = call(f, *args)
    b = 10000.0 if base is None else base
    tolerance.setdefault("atol", ATOL)
    assert_close(
        got,
        reference(n, d, b),
        what="the encoding",
        called=called,
        mistakes={
            "the concatenated halves [sin | cos] (tensor2tensor's layout); the sines and "
            "cosines are interleaved: column 2i sin, column 2i + 1 cos": reference(
                n, d, b, layout="halves"
            ),
            "the column index j in the exponent (p/base^(j/d_model)): both columns of "
            "pair i share the frequency base^(-2i/d_model)": reference(n, d, b, exponent="j"),
            "positions counted from 1; the first row is position 0, [0, 1, 0, 1, …]": (
                reference(n, d, b, start=1)
            ),
            "sin and cos swapped: even columns hold the sines": reference(n, d, b, swap=True),
        },
        **tolerance,
    )
    return np.asarray(got)


@pytest.mark.points(2)
def test_sinusoidal_positional_encoding_documented_example(kata):
    """Does (3, 4) give the docstring's table?

    ω = [1, 10000^(-1/2)] = [1, 0.01]: row 1 = [sin 1, cos 1, sin 0.01, cos 0.01],
    row 2 = [sin 2, cos 2, sin 0.02, cos 0.02].
    """
    PE = check(kata, 3, 4)
    want = [
        [0.0, 1.0, 0.0, 1.0],
        [math.sin(1), math.cos(1), math.sin(0.01), math.cos(0.01)],
        [math.sin(2), math.cos(2), math.sin(0.02), math.cos(0.02)],
    ]
    assert_close(PE, want, atol=ATOL, what="the encoding")


@pytest.mark.points(2)
def test_sinusoidal_positional_encoding_by_hand_with_base_100(kata):
    """With base 100 and d_model = 6, is ω = [1, 100^(-1/3), 100^(-2/3)], interleaved?

    Row 3: [sin 3, cos 3, sin 3ω₁, cos 3ω₁, sin 3ω₂, cos 3ω₂] with ω₁ = 100^(-1/3) ≈ 0.215.
    """
    PE = check(kata, 4, 6, 100.0)
    w1, w2 = 100 ** (-1 / 3), 100 ** (-2 / 3)
    want = [math.sin(3), math.cos(3), math.sin(3 * w1), math.cos(3 * w1)]
    want += [math.sin(3 * w2), math.cos(3 * w2)]
    assert_close(PE[3], want, atol=ATOL, what="row 3")


def test_sinusoidal_positional_encoding_first_row(kata):
    """Is row 0 (position 0) exactly [0, 1, 0, 1, …]?"""
    PE = check(kata, 5, 10)
    assert_close(PE[0], np.tile([0.0, 1.0], 5), atol=0.0, what="row 0")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "n, d, base",
    [(1, 2, None), (7, 2, None), (50, 16, None), (10, 64, None), (20, 8, 2.0), (6, 12, 1.0)],
    ids=["1x2", "7x2", "50x16", "10x64", "base-2", "base-1"],
)
def test_sinusoidal_positional_encoding_tables(kata, n, d, base):
    """Do tables of several sizes and bases match the entry-by-entry loops?"""
    check(kata, n, d, base)


def test_sinusoidal_positional_encoding_long_sequences(kata):
    """At position 2047 of a (2048, 8) table, are sin and cos still right to ~1e-12?"""
    PE = check(kata, 2048, 8, atol=1e-11)
    assert PE.shape == (2048, 8)


@pytest.mark.points(2)
def test_sinusoidal_positional_encoding_shift_is_a_rotation(kata):
    """Is PE[p + k] each pair of PE[p] rotated by the angle k·ω_i (and in [-1, 1])?"""
    n, d, k = 30, 8, 7
    PE = check(kata, n, d)
    omega = 10000.0 ** (-np.arange(0, d, 2) / d)
    c, s = np.cos(k * omega), np.sin(k * omega)
    sin_p, cos_p = PE[:-k, 0::2], PE[:-k, 1::2]
    rotated = np.empty_like(PE[:-k])
    rotated[:, 0::2] = sin_p * c + cos_p * s  # sin(a + b)
    rotated[:, 1::2] = cos_p * c - sin_p * s  # cos(a + b)
    assert_close(PE[k:], rotated, atol=1e-12, what=f"PE[p + {k}]")
    norms = PE[:, 0::2] ** 2 + PE[:, 1::2] ** 2
    assert_close(norms, np.ones_like(norms), what="sin² + cos² of every pair")
    if np.abs(PE).max() > 1.0:
        fail("an entry of the encoding lies outside [-1, 1]")


def test_sinusoidal_positional_encoding_accepts_numpy_integers(kata):
    """Do NumPy integers (np.int64(3), np.int32(4)) work as the sizes?"""
    check(kata, np.int64(3), np.int32(4))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "n, d, base, why",
    [
        (0, 4, 10000.0, "n_positions is 0"),
        (-2, 4, 10000.0, "n_positions is negative"),
        (3, 5, 10000.0, "d_model is odd"),
        (3, 0, 10000.0, "d_model is 0"),
        (3, 1, 10000.0, "d_model is 1"),
        (3, -2, 10000.0, "d_model is negative"),
        (3, 4, 0.0, "base is 0"),
        (3, 4, -10.0, "base is negative"),
        (3.5, 4, 10000.0, "n_positions is not an integer"),
        (3, 4.0, 10000.0, "d_model is a float"),
    ],
    ids=[
        "n-0",
        "n-neg",
        "d-odd",
        "d-0",
        "d-1",
        "d-neg",
        "base-0",
        "base-neg",
        "n-float",
        "d-float",
    ],
)
def test_sinusoidal_positional_encoding_rejects_bad_input(kata, n, d, base, why):
    """Do bad sizes and bases raise ValueError with a message?"""
    expect_error(ValueError, kata.sinusoidal_positional_encoding, n, d, base, why=why)
