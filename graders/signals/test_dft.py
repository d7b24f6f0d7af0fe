"""Grader for signals/dft: dft(x) -> complex (N,), X_k = Σ_n x_n e^(-2πikn/N).

Spectra are compared entry by entry as complex numbers, with an absolute tolerance of
1e-12·N·Σ|x|: each coefficient is a sum of N terms of size up to |x_n|, whose
twiddle factors a correct float64 implementation gets right to about N·eps.
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


def mistakes_for(x, X):
    """The spectra that known mistakes give, from the correct one X."""
    x = np.asarray(x)
    N = x.size
    k = np.arange(N)
    out = {
        "a + sign in the exponent: X_k = Σ x_n e^(-2πikn/N) has a minus": N * np.fft.ifft(x),
        "divided by N: the DFT itself has no 1/N (that belongs to the inverse)": X / N,
        "divided by sqrt(N): this kata uses the unnormalised DFT": X / math.sqrt(N),
        "the imaginary part is lost (the result went into a float array?)": X.real,
        "the frequencies run k = 1..N instead of k = 0..N-1": np.roll(X, -1),
    }
    if np.iscomplexobj(x):
        out["the imaginary part of the input is dropped (converted with dtype=float?)"] = (
            np.fft.fft(x.real)
        )
    if N > 1:
        n = np.arange(N)
        twiddle = np.exp(-2j * np.pi * np.outer(k, n) / (N - 1))
        out["the angle divides by N - 1 instead of N"] = twiddle @ x
    return out


def check(kata, x, expected=None):
    """Call dft(x), compare it with `expected` (NumPy's FFT if not given), return it."""
    f = kata.dft
    called = describe_call(f, x)
    result = call(f, x)
    xs = np.asarray(x)
    X = complex_vector(result, called, xs.size)
    want = np.fft.fft(xs) if expected is None else np.asarray(expected, dtype=complex)
    assert_close_complex(X, want, tolerance(xs), called, mistakes=mistakes_for(xs, want))
    return X


@pytest.mark.points(2)
def test_dft_documented_example(kata):
    """Is dft([1, 2, 3, 4]) = [10, -2+2i, -2, -2-2i]?"""
    check(kata, [1.0, 2.0, 3.0, 4.0], [10, -2 + 2j, -2, -2 - 2j])


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, want",
    [
        ([5.0], [5.0]),
        ([3.0, 1.0], [4.0, 2.0]),
        ([1.0, 1j], [1 + 1j, 1 - 1j]),
        ([0.0, 1.0, 0.0, 0.0], [1.0, -1j, -1.0, 1j]),
        ([1.0, 1.0, 1.0], [3.0, 0.0, 0.0]),
    ],
    ids=["n1", "n2", "n2-complex", "impulse-at-1", "constant-n3"],
)
def test_dft_small_cases_worked_by_hand(kata, x, want):
    """Small cases by hand: N = 1 is the identity, N = 2 gives [a + b, a - b], ...

    An impulse at n = 1 of N = 4 gives e^(-2πik/4) = (-i)^k = [1, -i, -1, i]; a constant
    of N = 3 gives [3, 0, 0] (the cube roots of unity sum to 0).
    """
    check(kata, x, want)


@pytest.mark.points(2)
@pytest.mark.parametrize("N, m", [(16, 0), (16, 3), (9, 8), (7, 2)])
def test_dft_impulse(kata, N, m):
    """Is the DFT of an impulse at m the pure phase X_k = e^(-2πikm/N)?"""
    x = np.zeros(N)
    x[m] = 1.0
    k = np.arange(N)
    check(kata, x, np.exp(-2j * np.pi * k * m / N))


@pytest.mark.points(2)
def test_dft_pure_tones(kata):
    """Does a pure tone land in its own bins?

    e^(2πi·5n/32) gives 32 at k = 5 and 0 elsewhere; 3·cos(2π·4n/24 + 0.7) gives
    36·e^(0.7i) at k = 4 and its conjugate at k = 20; sin(2π·3n/10) gives -5i at k = 3
    and 5i at k = 7 (a flipped sign in the exponent swaps them).
    """
    n = np.arange(32)
    want = np.zeros(32, dtype=complex)
    want[5] = 32.0
    check(kata, np.exp(2j * np.pi * 5 * n / 32), want)
    n = np.arange(24)
    want = np.zeros(24, dtype=complex)
    want[4], want[20] = 36 * np.exp(0.7j), 36 * np.exp(-0.7j)
    check(kata, 3 * np.cos(2 * np.pi * 4 * n / 24 + 0.7), want)
    n = np.arange(10)
    want = np.zeros(10, dtype=complex)
    want[3], want[7] = -5j, 5j
    check(kata, np.sin(2 * np.pi * 3 * n / 10), want)


@pytest.mark.points(3)
@pytest.mark.parametrize("N", [1, 2, 5, 8, 13, 30, 64, 97])
def test_dft_random_signals(kata, rng, N):
    """Do random real and complex signals (prime lengths too) match Σ x_n e^(-2πikn/N)?"""
    check(kata, rng.standard_normal(N))
    check(kata, rng.standard_normal(N) + 1j * rng.standard_normal(N))


def test_dft_parseval(kata, rng):
    """Does Parseval's identity Σ|X_k|² = N·Σ|x_n|² hold?"""
    x = rng.standard_normal(50) + 1j * rng.standard_normal(50)
    X = check(kata, x)
    lhs, rhs = float(np.sum(np.abs(X) ** 2)), 50 * float(np.sum(np.abs(x) ** 2))
    if not math.isclose(lhs, rhs, rel_tol=1e-9):
        fail(f"dft: Σ|X|² = {lhs!r} but N·Σ|x|² = {rhs!r}: Parseval's identity fails")


def test_dft_twice_reverses_the_signal(kata, rng):
    """Is dft(dft(x)) = N·x[(-n) mod N], the DFT applied twice?"""
    x = rng.standard_normal(12) + 1j * rng.standard_normal(12)
    X = check(kata, x)
    f = kata.dft
    called = describe_call(f, X)
    XX = complex_vector(call(f, X), called, 12)
    assert_close_complex(
        XX, 12 * np.roll(x[::-1], 1), 12 * tolerance(X), called, what="dft(dft(x))"
    )


def test_dft_accepts_lists_of_ints(kata):
    """Are integer lists converted: dft([1, 0, -1, 0]) = [0, 2, 0, 2]?"""
    check(kata, [1, 0, -1, 0], [0, 2, 0, 2])


def test_dft_leaves_its_input_unchanged(kata, rng):
    """Is a complex input array left exactly as it was (call() compares it after the call)?"""
    x = rng.standard_normal(8) + 1j * rng.standard_normal(8)
    check(kata, x)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, why",
    [
        ([[1.0, 2.0], [3.0, 4.0]], "x is 2-D"),
        ([], "x is empty"),
        (3.0, "x is a scalar, not a 1-D signal"),
    ],
    ids=["2d", "empty", "scalar"],
)
def test_dft_rejects_bad_input(kata, x, why):
    """Do a 2-D, an empty and a 0-D input raise ValueError with a message?"""
    expect_error(ValueError, kata.dft, x, why=why)


def test_dft_makes_no_shortcut_call(kata, rng):
    """Is the DFT computed without np.fft, scipy.fft or scipy.linalg.dft?"""
    f = kata.dft
    x = rng.standard_normal(20)
    want = np.fft.fft(x)
    with forbid(*SHORTCUTS, called=describe_call(f, x)):
        check_result = call(f, x)
    called = describe_call(f, x)
    assert_close_complex(complex_vector(check_result, called, 20), want, tolerance(x), called)
