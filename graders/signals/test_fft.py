"""Grader for signals/fft: fft(x) -> complex (N,) for N a power of two, radix-2 Cooley-Tukey.

Spectra are compared entry by entry as complex numbers, with an absolute tolerance of
1e-12·N·Σ|x| (each coefficient sums N terms of size up to |x_n|); the reference for
random signals is NumPy's own FFT, computed outside the code under test. The big case
(N = 2**16) is an efficiency tier: an O(N²) DFT needs minutes of CPU time there, a
radix-2 FFT a fraction of a second.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close_complex,
    call,
    complex_vector,
    describe_call,
    expect_error,
    fail,
    forbid,
)

SHORTCUTS = (
    "numpy.fft.*",
    "scipy.fft.*",
    "scipy.fftpack.*",
    "scipy.linalg.dft",
    "scipy.signal.*",
    "scipy.ndimage.*",
)


def tolerance(x):
    """1e-12·N·Σ|x| (plus a floor for the zero signal)."""
    x = np.asarray(x)
    return 1e-12 * x.size * float(np.sum(np.abs(x))) + 1e-13


def bit_reversed(X):
    """X in bit-reversed index order (what an iterative FFT gives without its permutation)."""
    N = X.size
    bits = N.bit_length() - 1
    index = [int(format(k, f"0{bits}b")[::-1], 2) if bits else 0 for k in range(N)]
    return X[index]


def mistakes_for(x, X):
    """The spectra that known mistakes give, from the correct one X."""
    x = np.asarray(x)
    N = x.size
    out = {
        "a + sign in the exponent: X_k = Σ x_n e^(-2πikn/N) has a minus": N * np.fft.ifft(x),
        "divided by N: the DFT itself has no 1/N (that belongs to the inverse)": X / N,
        "the output is in bit-reversed order: an iterative FFT must first permute its "
        "input to bit-reversed order (or its output back)": bit_reversed(X),
        "the imaginary part is lost (the result went into a float array?)": X.real,
    }
    if np.iscomplexobj(x):
        out["the imaginary part of the input is dropped (converted with dtype=float?)"] = (
            np.fft.fft(x.real)
        )
    return out


def check(kata, x, expected=None):
    """Call fft(x), compare it with `expected` (NumPy's FFT if not given), return it."""
    f = kata.fft
    called = describe_call(f, x)
    result = call(f, x)
    xs = np.asarray(x)
    X = complex_vector(result, called, xs.size)
    want = np.fft.fft(xs) if expected is None else np.asarray(expected, dtype=complex)
    assert_close_complex(X, want, tolerance(xs), called, mistakes=mistakes_for(xs, want))
    return X


@pytest.mark.points(2)
def test_fft_documented_example(kata):
    """Is fft([1, 2, 3, 4]) = [10, -2+2i, -2, -2-2i]?"""
    check(kata, [1.0, 2.0, 3.0, 4.0], [10, -2 + 2j, -2, -2 - 2j])


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, want",
    [
        ([5.0], [5.0]),
        ([3.0, 1.0], [4.0, 2.0]),
        ([0.0, 1.0, 0.0, 0.0], [1.0, -1j, -1.0, 1j]),
        ([1.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], None),
        ([1.0] * 8, [8.0] + [0.0] * 7),
    ],
    ids=["n1", "n2", "impulse-at-1", "two-samples-of-8", "constant-n8"],
)
def test_fft_small_cases_worked_by_hand(kata, x, want):
    """Small cases by hand: N = 1 is the identity, N = 2 gives [a + b, a - b], ...

    An impulse at n = 1 of N = 4 gives (-i)^k = [1, -i, -1, i]; x = [1, 2, 0, ..., 0]
    of N = 8 gives 1 + 2·e^(-2πik/8); a constant 1 of N = 8 gives [8, 0, ..., 0].
    """
    if want is None:
        want = 1 + 2 * np.exp(-2j * np.pi * np.arange(8) / 8)
    check(kata, x, want)


@pytest.mark.points(2)
@pytest.mark.parametrize("N, m", [(16, 0), (16, 5), (64, 63), (256, 100)])
def test_fft_impulse(kata, N, m):
    """Is the FFT of an impulse at m the pure phase X_k = e^(-2πikm/N)?"""
    x = np.zeros(N)
    x[m] = 1.0
    check(kata, x, np.exp(-2j * np.pi * np.arange(N) * m / N))


@pytest.mark.points(2)
def test_fft_pure_tones(kata):
    """Does a pure tone land in its own bins?

    e^(2πi·5n/32) gives 32 at k = 5 and 0 elsewhere; 2·sin(2π·3n/16) gives -16i at
    k = 3 and 16i at k = 13 (a flipped sign in the exponent swaps them).
    """
    n = np.arange(32)
    want = np.zeros(32, dtype=complex)
    want[5] = 32.0
    check(kata, np.exp(2j * np.pi * 5 * n / 32), want)
    n = np.arange(16)
    want = np.zeros(16, dtype=complex)
    want[3], want[13] = -16j, 16j
    check(kata, 2 * np.sin(2 * np.pi * 3 * n / 16), want)


@pytest.mark.points(3)
@pytest.mark.parametrize("N", [1, 2, 4, 8, 32, 128, 1024])
def test_fft_random_signals(kata, rng, N):
    """Do random real and complex signals match the DFT's coefficients?"""
    check(kata, rng.standard_normal(N))
    check(kata, rng.standard_normal(N) + 1j * rng.standard_normal(N))


def test_fft_parseval(kata, rng):
    """Does Parseval's identity Σ|X_k|² = N·Σ|x_n|² hold for N = 512?"""
    x = rng.standard_normal(512) + 1j * rng.standard_normal(512)
    X = check(kata, x)
    lhs, rhs = float(np.sum(np.abs(X) ** 2)), 512 * float(np.sum(np.abs(x) ** 2))
    if not math.isclose(lhs, rhs, rel_tol=1e-9):
        fail(f"fft: Σ|X|² = {lhs!r} but N·Σ|x|² = {rhs!r}: Parseval's identity fails")


def test_fft_accepts_lists_of_ints(kata):
    """Are integer lists converted: fft([1, 0, -1, 0]) = [0, 2, 0, 2]?"""
    check(kata, [1, 0, -1, 0], [0, 2, 0, 2])


def test_fft_leaves_its_input_unchanged(kata, rng):
    """Is a complex input array left exactly as it was (call() compares it after the call)?"""
    x = rng.standard_normal(16) + 1j * rng.standard_normal(16)
    check(kata, x)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, why",
    [
        (np.ones(3), "the length 3 is not a power of two"),
        (np.ones(6), "the length 6 is not a power of two"),
        (np.ones(12), "the length 12 is not a power of two"),
        (np.ones(100), "the length 100 is not a power of two"),
        ([], "x is empty"),
        (np.ones((4, 4)), "x is 2-D"),
    ],
    ids=["n3", "n6", "n12", "n100", "empty", "2d"],
)
def test_fft_rejects_bad_input(kata, x, why):
    """Do lengths that are not powers of two, an empty and a 2-D input raise ValueError?"""
    expect_error(ValueError, kata.fft, x, why=why)


def test_fft_makes_no_shortcut_call(kata, rng):
    """Is the FFT computed without np.fft, scipy.fft or scipy.fftpack?"""
    f = kata.fft
    x = rng.standard_normal(64)
    called = describe_call(f, x)
    with forbid(*SHORTCUTS, called=called):
        result = call(f, x)
    assert_close_complex(complex_vector(result, called, 64), np.fft.fft(x), tolerance(x), called)


@pytest.mark.points(4)
@pytest.mark.timeout(5)
def test_fft_large_signal_is_fast(kata, rng):
    """Is N = 2**16 done well within 5 s of CPU time (an O(N²) DFT needs minutes)?"""
    N = 2**16
    x = rng.standard_normal(N) + 1j * rng.standard_normal(N)
    f = kata.fft
    called = describe_call(f, x)
    X = complex_vector(call(f, x), called, N)
    want = np.fft.fft(x)
    assert_close_complex(X, want, tolerance(x), called, mistakes=mistakes_for(x, want))
