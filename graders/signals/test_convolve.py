"""Grader for signals/convolve: convolve(x, k, mode="full") -> (m,), as np.convolve.

Results are compared entry by entry (as complex numbers where the inputs are), with an
absolute tolerance of 1e-12·(n + m)·Σ|x|·Σ|k|, which bounds the rounding of a direct
sum and of a convolution through the FFT alike. The reference is the double sum
y_i = Σ_j x_j k_(i-j), cut by the offsets of the docstring.
"""

import numpy as np
import pytest

from mlkata.grading import call, describe, describe_call, expect_error, fail, forbid

SHORTCUTS = (
    "numpy.convolve",
    "numpy.correlate",
    "numpy.polymul",
    "scipy.fft.*",
    "scipy.fftpack.*",
    "scipy.linalg.dft",
    "scipy.signal.*",
    "scipy.ndimage.*",
)
MODES = ("full", "same", "valid")


def full_reference(x, k):
    """y_i = Σ_j x_j k_(i-j): every product x_j k_l lands at index j + l."""
    x, k = np.asarray(x), np.asarray(k)
    out = np.zeros(x.size + k.size - 1, dtype=np.result_type(x, k, float))
    index = np.arange(x.size)[:, None] + np.arange(k.size)[None, :]
    np.add.at(out, index.ravel(), np.outer(x, k).ravel())
    return out


def cut(full, n, m, mode, start=None):
    """The part of the full result np.convolve returns for `mode`."""
    long, short = max(n, m), min(n, m)
    if mode == "full":
        return full
    if mode == "same":
        start = (short - 1) // 2 if start is None else start
        return full[start : start + long]
    return full[short - 1 : long]


def reference(x, k, mode):
    n, m = np.size(x), np.size(k)
    return cut(full_reference(x, k), n, m, mode)


def tolerance(x, k):
    x, k = np.asarray(x), np.asarray(k)
    return 1e-12 * (x.size + k.size) * float(np.sum(np.abs(x)) * np.sum(np.abs(k))) + 1e-13


def mistakes_for(x, k, mode):
    x, k = np.asarray(x), np.asarray(k)
    n, m = x.size, k.size
    full = full_reference(x, k)
    out = {
        "the kernel is not flipped: that is cross-correlation, not convolution": reference(
            x, k[::-1], mode
        ),
        "the imaginary part of a complex input is dropped": reference(x.real, k.real, mode),
    }
    if mode == "same":
        out["the 'same' window starts at min(n, m) // 2 instead of (min(n, m) - 1) // 2"] = cut(
            full, n, m, mode, start=min(n, m) // 2
        )
    return out


def check(kata, x, k, mode=None, expected=None):
    """Call convolve (with the default mode if `mode` is None), compare, return the result."""
    f = kata.convolve
    args = (x, k) if mode is None else (x, k, mode)
    called = describe_call(f, *args)
    result = call(f, *args)
    mode = mode or "full"
    xs, ks = np.asarray(x), np.asarray(k)
    want = reference(xs, ks, mode) if expected is None else np.asarray(expected)
    a = np.asarray(result)
    if a.dtype.kind not in "biufc":
        fail(f"{called} should return an array of numbers, got {describe(result)}")
    if a.shape != want.shape:
        n, m = xs.size, ks.size
        fail(
            f"{called} returned shape {a.shape}, expected {want.shape}: with n = {n} and "
            f"m = {m}, 'full' has n + m - 1 = {n + m - 1} values, 'same' max(n, m) = "
            f"{max(n, m)} and 'valid' max(n, m) - min(n, m) + 1 = {abs(n - m) + 1} (the "
            "longer of the two may be either argument)"
        )
    if a.dtype.kind == "c" and not (np.iscomplexobj(xs) or np.iscomplexobj(ks)):
        fail(
            f"{called} returned complex numbers for real inputs: the convolution of real "
            "signals is real (take the real part of an FFT's result)"
        )
    a = a.astype(complex)
    atol = tolerance(xs, ks)
    error = np.abs(a - want)
    error = np.where(np.isnan(error), np.inf, error)
    if np.all(error <= atol):
        return a
    i = int(np.argmax(error))
    lines = [
        f"{called}: the result is wrong at index {i}: got {a[i]:.10g}, expected {want[i]:.10g}",
        f"  largest error {error[i]:.3g} (allowed {atol:.3g}); "
        f"{int(np.sum(error > atol))} of {want.size} entries are off",
    ]
    if want.size <= 8:
        lines.append(
            f"  got      [{', '.join(f'{v:.6g}' for v in a)}]\n"
            f"  expected [{', '.join(f'{v:.6g}' for v in want)}]"
        )
    for words, wrong in mistakes_for(xs, ks, mode).items():
        w = np.asarray(wrong, dtype=complex)
        if w.shape == a.shape and np.all(np.abs(a - w) <= atol + 1e-9 * np.abs(w)):
            lines.append(f"  this is what you get from a known mistake: {words}")
            break
    fail("\n".join(lines))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "mode, want",
    [("full", [0.0, 1.0, 2.5, 4.0, 1.5]), ("same", [1.0, 2.5, 4.0]), ("valid", [2.5])],
)
def test_convolve_documented_example(kata, mode, want):
    """Does x = [1, 2, 3], k = [0, 1, 0.5] give the docstring's values in each mode?"""
    check(kata, [1.0, 2.0, 3.0], [0.0, 1.0, 0.5], mode, want)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, k, mode, want",
    [
        ([1.0, 1.0], [1.0, -1.0], "full", [1.0, 0.0, -1.0]),
        ([2.0], [1.0, 2.0, 3.0], "full", [2.0, 4.0, 6.0]),
        ([0.0, 0.0, 1.0], [1.0, 2.0, 3.0], "full", [0.0, 0.0, 1.0, 2.0, 3.0]),
        ([1.0, 2.0, 3.0, 4.0], [1.0, 1.0], "same", [1.0, 3.0, 5.0, 7.0]),
        ([1.0, 2.0, 3.0, 4.0], [1.0, 1.0], "valid", [3.0, 5.0, 7.0]),
        ([1.0, 1.0], [1.0, 2.0, 3.0, 4.0], "valid", [3.0, 5.0, 7.0]),
        ([1.0, 0.0, 0.0], [1.0, 2.0], "full", [1.0, 2.0, 0.0, 0.0]),
    ],
    ids=[
        "polynomials",
        "scalar-signal",
        "shifted-impulse",
        "same-even-kernel",
        "valid-moving-sum",
        "valid-kernel-longer",
        "impulse-at-0",
    ],
)
def test_convolve_small_cases_worked_by_hand(kata, x, k, mode, want):
    """Small cases by hand: products of polynomials, impulses, moving sums.

    (1 + t)(1 - t) = 1 - t² gives [1, 0, -1]; a shifted impulse shifts the kernel; the
    kernel [1, 1] makes sums of neighbours, and 'same' with an even kernel starts at
    index (2 - 1) // 2 = 0 of the full [1, 3, 5, 7, 4]; 'valid' with the longer
    argument second is the same as with it first.
    """
    check(kata, x, k, mode, want)


@pytest.mark.points(3)
@pytest.mark.parametrize("n, m", [(10, 3), (9, 4), (7, 7), (3, 12), (2, 9), (1, 5), (30, 1)])
@pytest.mark.parametrize("mode", MODES)
def test_convolve_random_signals(kata, rng, n, m, mode):
    """Do random signals (kernel shorter, equal and longer, odd and even) match the sum?"""
    check(kata, rng.standard_normal(n), rng.standard_normal(m), mode)


def test_convolve_default_mode_is_full(kata, rng):
    """Without a mode argument, is the full convolution returned?"""
    check(kata, rng.standard_normal(6), rng.standard_normal(4))


@pytest.mark.points(2)
@pytest.mark.parametrize("mode", MODES)
def test_convolve_complex_signals(kata, rng, mode):
    """Do complex signals and kernels keep their imaginary parts?"""
    x = rng.standard_normal(9) + 1j * rng.standard_normal(9)
    k = rng.standard_normal(4) - 2j * rng.standard_normal(4)
    check(kata, x, k, mode)
    check(kata, rng.standard_normal(5), k, mode)


def test_convolve_convolution_theorem(kata, rng):
    """Is the DFT of the full result the product of the zero-padded DFTs of x and k?"""
    x, k = rng.standard_normal(40), rng.standard_normal(13)
    y = check(kata, x, k, "full")
    L = 52
    lhs, rhs = np.fft.fft(y, L), np.fft.fft(x, L) * np.fft.fft(k, L)
    atol = 1e-9 * float(np.sum(np.abs(x)) * np.sum(np.abs(k)))
    if not np.all(np.abs(lhs - rhs) <= atol):
        fail("convolve: DFT(x * k) differs from DFT(x)·DFT(k) (zero-padded to n + m - 1)")


@pytest.mark.parametrize("mode", MODES)
def test_convolve_is_commutative(kata, rng, mode):
    """Is convolve(x, k) = convolve(k, x) in every mode (np.convolve's convention)?"""
    x, k = rng.standard_normal(8), rng.standard_normal(5)
    a = check(kata, x, k, mode)
    b = check(kata, k, x, mode)
    if not np.allclose(a, b, rtol=0, atol=tolerance(x, k)):
        fail(f"convolve(x, k, {mode!r}) and convolve(k, x, {mode!r}) differ")


def test_convolve_accepts_lists_of_ints(kata):
    """Are integer lists converted: [1, 2] * [3, 4] = [3, 10, 8]?"""
    check(kata, [1, 2], [3, 4], "full", [3.0, 10.0, 8.0])


def test_convolve_leaves_inputs_unchanged(kata, rng):
    """Are x and k left exactly as they were (call() compares them after the call)?"""
    x = rng.standard_normal(12) + 1j * rng.standard_normal(12)
    k = rng.standard_normal(5)
    for mode in MODES:
        check(kata, x, k, mode)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, k, mode, why",
    [
        ([], [1.0, 2.0], "full", "x is empty"),
        ([1.0, 2.0], [], "full", "k is empty"),
        ([[1.0, 2.0]], [1.0], "full", "x is 2-D"),
        ([1.0, 2.0], [[1.0]], "same", "k is 2-D"),
        ([1.0, 2.0, 3.0], [1.0], "middle", "there is no mode 'middle'"),
        ([1.0, 2.0, 3.0], [1.0], "FULL", "modes are lower case, as in np.convolve"),
    ],
    ids=["x-empty", "k-empty", "x-2d", "k-2d", "mode-unknown", "mode-case"],
)
def test_convolve_rejects_bad_input(kata, x, k, mode, why):
    """Do empty or 2-D signals and an unknown mode raise ValueError?"""
    expect_error(ValueError, kata.convolve, x, k, mode, why=why)


def test_convolve_makes_no_shortcut_call(kata, rng):
    """Is the convolution computed without np.convolve, np.correlate or SciPy (np.fft is fine)?"""
    f = kata.convolve
    x, k = rng.standard_normal(20), rng.standard_normal(6)
    for mode in MODES:
        with forbid(*SHORTCUTS, called=describe_call(f, x, k, mode)):
            check(kata, x, k, mode)
