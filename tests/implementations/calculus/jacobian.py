from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "transposed",
        "returns (n, m): one row per input",
        replace=[
            ("    return np.stack(columns, axis=1)\n", "    return np.stack(columns, axis=0)\n")
        ],
        message="transpose",
    ),
    Mutant(
        "forward_difference",
        "(f(x + h e_j) - f(x)) / h",
        replace=[
            (
                "        x[j] = original - h\n        down = np.asarray(f(x), dtype=float)\n        x[j] = original\n",
                "        x[j] = original\n        down = np.asarray(f(x), dtype=float)\n",
            ),
            ("(up - down) / (2 * h)", "(up - down) / h"),
        ],
        message="forward differences",
    ),
    Mutant(
        "divides_by_h",
        "(f(x + h) - f(x - h)) / h",
        replace=[("(up - down) / (2 * h)", "(up - down) / h")],
        message="instead of 2h",
    ),
    Mutant(
        "not_restored",
        "x[j] is left at original - h",
        replace=[("        x[j] = original\n", "")],
    ),
    Mutant(
        "no_validation",
        "2-D x and h <= 0 are not rejected",
        replace=[
            ("    if x.ndim != 1:\n", "    if False:\n"),
            ("    if not h > 0:\n", "    if False:\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "rows_by_outputs",
        "all perturbed points at once, then row i from output i",
        append="""
def jacobian(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or len(x) == 0 or h <= 0:
        raise ValueError("x must be a non-empty 1-D array and h > 0")
    E = h * np.eye(len(x))
    ups = np.array([f(x + e) for e in E], dtype=float)
    downs = np.array([f(x - e) for e in E], dtype=float)
    return ((ups - downs) / (2 * h)).T.copy()
""",
    ),
]
