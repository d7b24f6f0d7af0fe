"""Known mistakes in signals/convolve (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SUM = "        full[j : j + n] += v[j] * a\n"
SAME = "        return full[start : start + n]\n"
VALID = "    return full[m - 1 : n]\n"

FFT_CONVOLVE = """
def convolve(x, k, mode="full"):
    x, k = np.asarray(x), np.asarray(k)
    if x.ndim != 1 or k.ndim != 1 or x.size == 0 or k.size == 0:
        raise ValueError("x and k must be non-empty 1-D signals")
    if mode not in ("full", "same", "valid"):
        raise ValueError("unknown mode")
    n, m = x.size, k.size
    L = LENGTH
    y = np.fft.ifft(np.fft.fft(x, L) * np.fft.fft(k, L))[: n + m - 1]
    if not (np.iscomplexobj(x) or np.iscomplexobj(k)):
        y = REAL
    s, big = min(n, m), max(n, m)
    if mode == "full":
        return y
    if mode == "same":
        return y[(s - 1) // 2 : (s - 1) // 2 + big]
    return y[s - 1 : big]
"""

MUTANTS = [
    Mutant(
        "kernel_not_flipped",
        "slides the kernel without flipping it: cross-correlation",
        replace=[(SUM, "        full[j : j + n] += v[m - 1 - j] * a\n")],
        message="the kernel is not flipped",
    ),
    Mutant(
        "same_window_off_by_one",
        "'same' starts at m // 2",
        replace=[("        start = (m - 1) // 2\n", "        start = m // 2\n")],
        message="the 'same' window starts at min(n, m) // 2",
    ),
    Mutant(
        "same_has_length_of_x",
        "'same' returns len(x) values even when the kernel is longer",
        replace=[(SAME, "        return full[start : start + len(signals[0])]\n")],
        message="'same' max(n, m)",
    ),
    Mutant(
        "valid_without_swap",
        "'valid' assumes the kernel is the shorter one",
        replace=[(VALID, "    return full[len(signals[1]) - 1 : len(signals[0])]\n")],
        message="the longer of the two may be either argument",
    ),
    Mutant(
        "valid_off_by_one",
        "'valid' has n - m values",
        replace=[(VALID, "    return full[m : n]\n")],
        message="'valid' max(n, m) - min(n, m) + 1",
    ),
    Mutant(
        "complex_as_float",
        "converts both signals with dtype=float",
        replace=[
            (
                "        value = value.astype(complex if np.iscomplexobj(value) else float)\n",
                "        value = value.real.astype(float)\n",
            )
        ],
        message="the imaginary part of a complex input is dropped",
    ),
    Mutant(
        "fft_complex_output",
        "through np.fft, returning the complex result for real signals",
        append=FFT_CONVOLVE.replace("LENGTH", "n + m - 1").replace("REAL", "y"),
        message="returned complex numbers for real inputs",
    ),
    Mutant(
        "fft_circular",
        "through np.fft of length max(n, m): a circular convolution",
        append=FFT_CONVOLVE.replace("LENGTH", "max(n, m)").replace("REAL", "y.real"),
    ),
    Mutant(
        "unknown_mode_is_valid",
        "any mode other than 'full' and 'same' is treated as 'valid'",
        replace=[
            (
                '    if not isinstance(mode, str) or mode not in ("full", "same", "valid"):\n',
                "    if False:\n",
            )
        ],
    ),
    Mutant(
        "empty_accepted",
        "an empty signal is not refused",
        replace=[("        if value.size == 0:\n", "        if False:\n")],
    ),
    Mutant(
        "kernel_flipped_in_place",
        "reverses the caller's kernel array in place, then slides it unflipped",
        append="""
_convolve = convolve


def convolve(x, k, mode="full"):
    if isinstance(k, np.ndarray) and k.ndim == 1:
        k[:] = k[::-1].copy()
        return _convolve(x, k[::-1], mode)
    return _convolve(x, k, mode)
""",
        message="modified its input",
    ),
    Mutant(
        "numpy_convolve",
        "calls np.convolve",
        replace=[
            (
                '    if mode == "full":\n        return full\n',
                '    if mode == "full":\n        return np.convolve(a, v)\n',
            )
        ],
        message="which this kata asks you not to use",
    ),
]

VARIANTS = [
    Variant(
        "through_numpy_fft",
        "the convolution theorem with np.fft, zero-padded to a power of two ≥ n + m - 1",
        append=FFT_CONVOLVE.replace("LENGTH", "1 << (n + m - 2).bit_length()").replace(
            "REAL", "y.real"
        ),
    ),
    Variant(
        "window_dot_products",
        "each output as a dot product of the flipped kernel with the window it covers",
        append="""
def convolve(x, k, mode="full"):
    x = np.asarray(x)
    k = np.asarray(k)
    if x.ndim != 1 or k.ndim != 1 or len(x) == 0 or len(k) == 0:
        raise ValueError("x and k must be non-empty 1-D signals")
    if mode not in ("full", "same", "valid"):
        raise ValueError("mode must be full, same or valid")
    n, m = len(x), len(k)
    dtype = complex if np.iscomplexobj(x) or np.iscomplexobj(k) else float
    y = np.empty(n + m - 1, dtype=dtype)
    for i in range(n + m - 1):
        lo, hi = max(0, i - m + 1), min(i, n - 1)
        y[i] = np.dot(x[lo : hi + 1], k[i - lo :: -1][: hi - lo + 1])
    short, long = min(n, m), max(n, m)
    if mode == "full":
        return y
    if mode == "same":
        return y[(short - 1) // 2 :][:long]
    return y[short - 1 : long]
""",
    ),
]
