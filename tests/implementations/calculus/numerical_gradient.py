from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "forward_difference",
        "(f(x + h e_i) - f(x)) / h: error of order h",
        replace=[
            (
                "        x[index] = original - h\n        down = float(f(x))\n",
                "        down = None\n",
            ),
            (
                "        x[index] = original\n        grad[index] = (up - down) / (2 * h)\n",
                "        x[index] = original\n        grad[index] = (up - float(f(x))) / h\n",
            ),
        ],
        message="forward differences",
    ),
    Mutant(
        "not_restored",
        "x[index] is left at original - h after its differences",
        replace=[("        x[index] = original\n", "")],
        message="not restored",
    ),
    Mutant(
        "mutates_input",
        "works on the caller's array (np.asarray) and does not restore it",
        replace=[
            (
                "    x = np.array(x, dtype=float)  # a copy",
                "    x = np.asarray(x, dtype=float)  # no copy",
            ),
            ("        x[index] = original\n", ""),
        ],
        message="modified its input `x`",
    ),
    Mutant(
        "one_d_only",
        "loops over range(len(x)), so only 1-D x works",
        replace=[("    for index in np.ndindex(x.shape):\n", "    for index in range(len(x)):\n")],
    ),
    Mutant(
        "divides_by_h",
        "(f(x + h) - f(x - h)) / h: twice the slope",
        replace=[("(up - down) / (2 * h)", "(up - down) / h")],
        message="instead of 2h",
    ),
    Mutant(
        "ignores_h",
        "always uses the step 1e-5",
        replace=[
            (
                "        x[index] = original + h\n",
                "        h = 1e-5\n        x[index] = original + h\n",
            )
        ],
    ),
    Mutant(
        "no_validation",
        "h <= 0 and empty x are not rejected",
        replace=[
            ("    if x.size == 0:\n", "    if False:\n"),
            ("    if not h > 0:\n", "    if False:\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "flat_vectorised_steps",
        "steps along the rows of an identity matrix on the flattened x",
        append="""
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or h <= 0:
        raise ValueError("empty x or h <= 0")
    flat = x.ravel()
    steps = np.eye(flat.size) * h
    g = [(f((flat + e).reshape(x.shape)) - f((flat - e).reshape(x.shape))) / (2 * h) for e in steps]
    return np.array(g, dtype=float).reshape(x.shape)
""",
    ),
]
