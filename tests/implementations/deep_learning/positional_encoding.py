"""Known mistakes in deep_learning/positional_encoding (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SIN = "    PE[:, 0::2] = np.sin(angle)\n"
COS = "    PE[:, 1::2] = np.cos(angle)\n"

MUTANTS = [
    Mutant(
        "concatenated_halves",
        "[sin | cos] halves instead of interleaved columns",
        replace=[
            (SIN, "    PE[:, : d // 2] = np.sin(angle)\n"),
            (COS, "    PE[:, d // 2 :] = np.cos(angle)\n"),
        ],
        message="concatenated halves",
    ),
    Mutant(
        "column_index_in_exponent",
        "p/base^(j/d) with j the column",
        replace=[
            (
                "    angle = np.arange(n)[:, None] * omega[None, :]\n",
                "    j = np.arange(d)\n"
                "    angle = np.arange(n)[:, None] * base ** (-j / d)[None, :]\n",
            ),
            (SIN, "    PE[:, 0::2] = np.sin(angle[:, 0::2])\n"),
            (COS, "    PE[:, 1::2] = np.cos(angle[:, 1::2])\n"),
        ],
        message="the column index j in the exponent",
    ),
    Mutant(
        "positions_from_1",
        "positions 1 … n",
        replace=[("np.arange(n)[:, None]", "np.arange(1, n + 1)[:, None]")],
        message="positions counted from 1",
    ),
    Mutant(
        "sin_cos_swapped",
        "cosines in the even columns",
        replace=[
            (SIN, "    PE[:, 0::2] = np.cos(angle)\n"),
            (COS, "    PE[:, 1::2] = np.sin(angle)\n"),
        ],
        message="sin and cos swapped",
    ),
    Mutant(
        "frequency_without_minus",
        "ω_i = base^(+2i/d)",
        replace=[
            (
                "omega = base ** (-np.arange(0, d, 2) / d)",
                "omega = base ** (np.arange(0, d, 2) / d)",
            )
        ],
    ),
    Mutant(
        "odd_d_model_accepted",
        "an odd d_model is not refused",
        replace=[
            ("    if d < 2 or d % 2:\n", "    if d < 2:\n"),
            (COS, "    PE[:, 1::2] = np.cos(angle[:, : d // 2])\n"),
        ],
    ),
    Mutant(
        "base_not_checked",
        "base ≤ 0 is not refused",
        replace=[("    if not base > 0:\n", "    if False:\n")],
    ),
    Mutant(
        "float_sizes_truncated",
        "n_positions = 3.5 truncated with int()",
        replace=[("        return operator.index(value)\n", "        return int(value)\n")],
    ),
]

CHECKED = """
def _checked2(n_positions, d_model, base):
    for v in (n_positions, d_model):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
            raise ValueError("sizes must be integers")
    if n_positions < 1 or d_model < 2 or d_model % 2 or not base > 0:
        raise ValueError("need n_positions >= 1, d_model even >= 2, base > 0")
    return int(n_positions), int(d_model), float(base)
"""

VARIANTS = [
    Variant(
        "complex_exponentials",
        "PyTorch's div_term = exp(-ln(base)·2i/d); e^{i p ω} viewed as interleaved (imag, real)",
        append=CHECKED
        + """

def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    n, d, base = _checked2(n_positions, d_model, base)
    div_term = np.exp(np.arange(0, d, 2) * (-np.log(base) / d))
    z = np.exp(1j * np.outer(np.arange(n), div_term))
    return np.stack([z.imag, z.real], axis=-1).reshape(n, d)
""",
    ),
    Variant(
        "row_by_row_loops",
        "math.sin and math.cos entry by entry",
        append=CHECKED
        + """

def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    import math

    n, d, base = _checked2(n_positions, d_model, base)
    PE = np.zeros((n, d))
    for p in range(n):
        for i in range(d // 2):
            a = p / math.pow(base, 2 * i / d)
            PE[p, 2 * i], PE[p, 2 * i + 1] = math.sin(a), math.cos(a)
    return PE
""",
    ),
]
