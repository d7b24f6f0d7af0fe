"""Known mistakes in signals/fft (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

TWIDDLE = "        twiddle = np.exp(-1j * np.pi * np.arange(half) / half)[:, None]\n"
RETURN = "    return X.ravel()\n"

MUTANTS = [
    Mutant(
        "plus_sign",
        "twiddle factors e^(+2πik/N)",
        replace=[(TWIDDLE, TWIDDLE.replace("-1j", "1j"))],
        message="a + sign in the exponent",
    ),
    Mutant(
        "twiddle_of_full_length",
        "twiddle factors e^(-2πik/N) with the full N at every stage, not the merged length",
        replace=[(TWIDDLE, TWIDDLE.replace("/ half)", "/ (N // 2))"))],
    ),
    Mutant(
        "no_minus_in_second_half",
        "X_{k+N/2} = E_k + w O_k",
        replace=[("even - odd", "even + odd")],
    ),
    Mutant(
        "even_odd_swapped",
        "the odd samples taken as the even half",
        replace=[
            (
                "        even, odd = np.split(X, 2, axis=1)\n",
                "        odd, even = np.split(X, 2, axis=1)\n",
            )
        ],
    ),
    Mutant(
        "normalised_by_n",
        "divides by N",
        replace=[(RETURN, "    return X.ravel() / N\n")],
        message="divided by N",
    ),
    Mutant(
        "float_output",
        "returns the real part only",
        replace=[(RETURN, "    return X.ravel().real\n")],
        message="the imaginary part is lost",
    ),
    Mutant(
        "complex_input_as_float",
        "converts the input with dtype=float",
        replace=[("    x = x.astype(complex)\n", "    x = x.real.astype(complex)\n")],
        message="the imaginary part of the input is dropped",
    ),
    Mutant(
        "bit_reversed_output",
        "an iterative FFT without the bit-reversal permutation: outputs in bit-reversed order",
        append="""
_fft = fft


def fft(x):
    X = _fft(x)
    N = len(X)
    bits = N.bit_length() - 1
    index = [int(format(k, f"0{bits}b")[::-1], 2) if bits else 0 for k in range(N)]
    return X[index]
""",
        message="bit-reversed order",
    ),
    Mutant(
        "pads_to_power_of_two",
        "zero-pads a signal to the next power of two instead of refusing it",
        replace=[
            (
                '    if N & (N - 1):\n        raise ValueError(f"the length of x must be a power of two, got {N}")\n',
                "    if N & (N - 1):\n"
                "        x = np.concatenate([x, np.zeros((1 << N.bit_length()) - N)])\n"
                "        N = x.shape[0]\n",
            )
        ],
    ),
    Mutant(
        "empty_accepted",
        "returns an empty spectrum for an empty signal",
        replace=[("    if N == 0:\n", "    if False:\n")],
    ),
    Mutant(
        "in_place_output",
        "writes the coefficients into a complex input's memory",
        append="""
_fft = fft


def fft(x):
    X = _fft(x)
    if isinstance(x, np.ndarray) and np.iscomplexobj(x) and x.ndim == 1:
        x[:] = X
        return x
    return X
""",
        message="modified its input",
    ),
    Mutant(
        "quadratic_dft",
        "the O(N²) definition, one frequency at a time",
        append="""
def fft(x):
    x = np.asarray(x, dtype=complex)
    if x.ndim != 1 or x.size == 0 or x.size & (x.size - 1):
        raise ValueError("x must be 1-D with a power-of-two length")
    N = x.size
    n = np.arange(N)
    return np.array([np.exp(-2j * np.pi * ((k * n) % N) / N) @ x for k in range(N)])
""",
        message="ran out of time",
    ),
    Mutant(
        "numpy_fft",
        "calls np.fft.fft",
        replace=[(RETURN, "    return np.fft.fft(x)\n")],
        message="which this kata asks you not to use",
    ),
]

VARIANTS = [
    Variant(
        "recursive",
        "the textbook recursion on x[::2] and x[1::2], down to length 1",
        append="""
def fft(x):
    x = np.asarray(x, dtype=complex)
    if x.ndim != 1 or x.size == 0 or x.size & (x.size - 1):
        raise ValueError("x must be 1-D with a power-of-two length")
    N = x.size
    if N == 1:
        return x.copy()
    even, odd = fft(x[::2]), fft(x[1::2])
    t = np.exp(-2j * np.pi * np.arange(N // 2) / N) * odd
    return np.concatenate([even + t, even - t])
""",
    ),
    Variant(
        "iterative_python_butterflies",
        "in-place iterative butterflies on a Python list after a bit-reversal permutation",
        append="""
def fft(x):
    import cmath

    x = np.asarray(x)
    if x.ndim != 1 or x.size == 0 or x.size & (x.size - 1):
        raise ValueError("x must be 1-D with a power-of-two length")
    a = [complex(v) for v in x]
    N = len(a)
    j = 0
    for i in range(1, N):
        bit = N >> 1
        while j & bit:
            j ^= bit
            bit >>= 1
        j |= bit
        if i < j:
            a[i], a[j] = a[j], a[i]
    length = 2
    while length <= N:
        h = length // 2
        ws = [cmath.exp(-2j * cmath.pi * k / length) for k in range(h)]
        for start in range(0, N, length):
            for k in range(h):
                u = a[start + k]
                v = a[start + k + h] * ws[k]
                a[start + k] = u + v
                a[start + k + h] = u - v
        length *= 2
    return np.array(a)
""",
    ),
    Variant(
        "recursion_onto_the_dft_kata",
        "recursion that hands lengths up to 16 to the earlier dft kata",
        append="""
from signals.dft import dft


def fft(x):
    x = np.asarray(x, dtype=complex)
    if x.ndim != 1 or x.size == 0 or x.size & (x.size - 1):
        raise ValueError("x must be 1-D with a power-of-two length")
    N = x.size
    if N <= 16:
        return dft(x)
    even, odd = fft(x[::2]), fft(x[1::2])
    t = np.exp(-2j * np.pi * np.arange(N // 2) / N) * odd
    return np.concatenate([even + t, even - t])
""",
    ),
]
