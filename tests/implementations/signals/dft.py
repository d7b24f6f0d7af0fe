"""Known mistakes in signals/dft (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "plus_sign",
        "e^(+2πikn/N): the inverse transform's sign",
        replace=[("    angles = -2.0 * np.pi", "    angles = 2.0 * np.pi")],
        message="a + sign in the exponent",
    ),
    Mutant(
        "normalised_by_n",
        "divides by N",
        replace=[
            (
                "    return (np.cos(angles) + 1j * np.sin(angles)) @ x\n",
                "    return (np.cos(angles) + 1j * np.sin(angles)) @ x / N\n",
            )
        ],
        message="divided by N",
    ),
    Mutant(
        "unitary",
        "divides by sqrt(N)",
        replace=[
            (
                "    return (np.cos(angles) + 1j * np.sin(angles)) @ x\n",
                "    return (np.cos(angles) + 1j * np.sin(angles)) @ x / np.sqrt(N)\n",
            )
        ],
        message="divided by sqrt(N)",
    ),
    Mutant(
        "float_output",
        "stores the coefficients in a float array, dropping their imaginary parts",
        replace=[
            (
                "    return (np.cos(angles) + 1j * np.sin(angles)) @ x\n",
                "    X = np.zeros(N)\n"
                "    for j in range(N):\n"
                "        X[j] = np.sum(np.cos(angles[j]) * x.real - np.sin(angles[j]) * x.imag)\n"
                "    return X\n",
            )
        ],
        message="the imaginary part is lost",
    ),
    Mutant(
        "complex_input_as_float",
        "converts the input with dtype=float, dropping a complex signal's imaginary part",
        replace=[
            (
                "    x = x.astype(complex if np.iscomplexobj(x) else float)\n",
                "    x = x.real.astype(float)\n",
            )
        ],
        message="the imaginary part of the input is dropped",
    ),
    Mutant(
        "n_minus_one",
        "e^(-2πikn/(N-1))",
        replace=[
            (
                "    angles = -2.0 * np.pi * (np.outer(k, k) % N) / N\n",
                "    angles = -2.0 * np.pi * np.outer(k, k) / max(N - 1, 1)\n",
            )
        ],
        message="divides by N - 1",
    ),
    Mutant(
        "k_from_one",
        "frequencies k = 1..N",
        replace=[
            (
                "    angles = -2.0 * np.pi * (np.outer(k, k) % N) / N\n",
                "    angles = -2.0 * np.pi * np.outer(k + 1, k) / N\n",
            )
        ],
        message="k = 1..N instead of k = 0..N-1",
    ),
    Mutant(
        "integer_division",
        "k*n // N: the angle is truncated to an integer number of turns",
        replace=[
            (
                "    angles = -2.0 * np.pi * (np.outer(k, k) % N) / N\n",
                "    angles = -2.0 * np.pi * (np.outer(k, k) // N)\n",
            )
        ],
    ),
    Mutant(
        "output_in_input_buffer",
        "writes the coefficients into the input's memory (np.asarray does not copy)",
        append="""
_dft = dft


def dft(x):
    X = _dft(x)
    if isinstance(x, np.ndarray) and np.iscomplexobj(x) and x.ndim == 1:
        x[:] = X
        return x
    return X
""",
        message="modified its input",
    ),
    Mutant(
        "empty_accepted",
        "returns an empty spectrum for an empty signal",
        replace=[("    if N == 0:\n", "    if False:\n")],
    ),
    Mutant(
        "no_ndim_check",
        "a 2-D or 0-D input is not rejected",
        replace=[
            ("    if x.ndim != 1:\n", "    if False:\n"),
            ("    N = x.shape[0]\n", "    x = x.ravel()\n    N = x.shape[0]\n"),
        ],
    ),
    Mutant(
        "numpy_fft",
        "calls np.fft.fft",
        replace=[
            (
                "    return (np.cos(angles) + 1j * np.sin(angles)) @ x\n",
                "    return np.fft.fft(x)\n",
            )
        ],
        message="which this kata asks you not to use",
    ),
]

VARIANTS = [
    Variant(
        "python_loops",
        "two Python loops with cmath.exp, no reduction of the angle",
        append="""
def dft(x):
    import cmath

    x = np.asarray(x)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x must be a non-empty 1-D signal")
    N = len(x)
    values = [complex(v) for v in x]
    out = []
    for k in range(N):
        total = 0j
        for n in range(N):
            total += values[n] * cmath.exp(-2j * cmath.pi * k * n / N)
        out.append(total)
    return np.array(out)
""",
    ),
    Variant(
        "horner_at_roots_of_unity",
        "evaluates the polynomial Σ x_n z^n at z = e^(-2πik/N) by Horner's rule, all k at once",
        append="""
def dft(x):
    x = np.asarray(x, dtype=complex)
    if x.ndim != 1 or len(x) == 0:
        raise ValueError("x must be a non-empty 1-D signal")
    N = len(x)
    z = np.exp(-2j * np.pi * np.arange(N) / N)
    X = np.zeros(N, dtype=complex)
    for coefficient in x[::-1]:
        X = X * z + coefficient
    return X
""",
    ),
]
