"""Known mistakes in deep_learning/rope (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

PAIRS = "    x_even, x_odd = X[..., 0::2], X[..., 1::2]\n"
EVEN = "    out[..., 0::2] = x_even * c - x_odd * s\n"
ODD = "    out[..., 1::2] = x_even * s + x_odd * c\n"

MUTANTS = [
    Mutant(
        "halves_paired",
        "rotate_half: pairs (x_i, x_{i+d/2})",
        replace=[
            (PAIRS, "    x_even, x_odd = X[..., : d // 2], X[..., d // 2 :]\n"),
            (EVEN, "    out[..., : d // 2] = x_even * c - x_odd * s\n"),
            (ODD, "    out[..., d // 2 :] = x_even * s + x_odd * c\n"),
        ],
        message="the halves are paired",
    ),
    Mutant(
        "clockwise",
        "the sign of sin flipped",
        replace=[
            (EVEN, "    out[..., 0::2] = x_even * c + x_odd * s\n"),
            (ODD, "    out[..., 1::2] = -x_even * s + x_odd * c\n"),
        ],
        message="clockwise",
    ),
    Mutant(
        "theta_without_2",
        "θ_i = base^(-i/d)",
        replace=[
            (
                "theta = base ** (-np.arange(0, d, 2) / d)",
                "theta = base ** (-np.arange(d // 2) / d)",
            )
        ],
        message="the 2 is missing",
    ),
    Mutant(
        "positions_from_1",
        "default positions 1 … seq",
        replace=[
            (
                "        positions = np.arange(seq, dtype=float)\n",
                "        positions = np.arange(1, seq + 1, dtype=float)\n",
            )
        ],
        message="positions counted from 1",
    ),
    Mutant(
        "in_place_sequential_update",
        "rotates X in place, the odd half computed from the already rotated even half",
        replace=[
            ("    out = np.empty_like(X)\n", "    out = X\n"),
            (PAIRS, ""),
            (EVEN, "    out[..., 0::2] = X[..., 0::2] * c - X[..., 1::2] * s\n"),
            (ODD, "    out[..., 1::2] = X[..., 0::2] * s + X[..., 1::2] * c\n"),
        ],
        message="modified its input",
    ),
    Mutant(
        "positions_broadcast",
        "positions that only broadcast to (seq,) are accepted",
        replace=[("    if positions.shape != (seq,):\n", "    if positions.ndim != 1:\n")],
    ),
    Mutant(
        "odd_d_truncated",
        "an odd d is accepted, its last coordinate left alone",
        replace=[
            ("    if d % 2:\n", "    if False:\n"),
            (
                "theta = base ** (-np.arange(0, d, 2) / d)",
                "theta = base ** (-np.arange(0, d - 1, 2) / d)",
            ),
            ("    out = np.empty_like(X)\n", "    out = X.copy()\n"),
            (PAIRS, "    x_even, x_odd = X[..., 0 : d - 1 : 2], X[..., 1::2]\n"),
            (EVEN, "    out[..., 0 : d - 1 : 2] = x_even * c - x_odd * s\n"),
        ],
    ),
    Mutant(
        "no_base_check",
        "base = 0 is not refused",
        replace=[("    if not base > 0:\n", "    if False:\n")],
    ),
]

CHECKED = """
def _checked2(X, positions, base):
    X = np.asarray(X, dtype=float)
    if X.ndim < 2 or X.shape[-1] % 2:
        raise ValueError("X must be (..., seq, d) with d even")
    seq = X.shape[-2]
    p = np.arange(seq) if positions is None else np.asarray(positions, dtype=float)
    if p.shape != (seq,) or not base > 0:
        raise ValueError("positions must be (seq,), base positive")
    return X, p.astype(float), float(base)
"""

VARIANTS = [
    Variant(
        "complex_multiplication",
        "each pair as a complex number x_{2i} + i x_{2i+1}, multiplied by e^{i m θ_i}",
        append=CHECKED
        + """

def rope(X, positions=None, base=10000.0):
    X, p, base = _checked2(X, positions, base)
    d = X.shape[-1]
    theta = np.exp(-np.log(base) * np.arange(d // 2) * 2.0 / d)
    z = (X[..., 0::2] + 1j * X[..., 1::2]) * np.exp(1j * np.outer(p, theta))
    return np.stack([z.real, z.imag], axis=-1).reshape(X.shape)
""",
    ),
    Variant(
        "rotation_matrices",
        "a 2x2 rotation matrix per (position, pair), applied by einsum",
        append=CHECKED
        + """

def rope(X, positions=None, base=10000.0):
    X, p, base = _checked2(X, positions, base)
    seq, d = X.shape[-2:]
    a = p[:, None] / base ** (np.arange(0, d, 2) / d)
    R = np.stack([np.stack([np.cos(a), -np.sin(a)], -1), np.stack([np.sin(a), np.cos(a)], -1)], -2)
    pairs = X.reshape(X.shape[:-1] + (d // 2, 2))
    return np.einsum("sirc,...sic->...sir", R, pairs).reshape(X.shape)
""",
    ),
]
