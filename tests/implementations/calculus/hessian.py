from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "one_triangle",
        "only H[i, j] for j > i is stored; the lower triangle stays 0",
        replace=[
            ("    H = np.empty((n, n))\n", "    H = np.zeros((n, n))\n"),
            ("            H[j, i] = mixed\n", ""),
        ],
        message="only the upper triangle",
    ),
    Mutant(
        "forgot_the_2",
        "diagonal (f(x + h) - f(x) + f(x - h)) / h²",
        replace=[("(up - 2.0 * centre + down) / h**2", "(up - centre + down) / h**2")],
    ),
    Mutant(
        "diagonal_over_4h2",
        "diagonal (f(x + h) - 2f(x) + f(x - h)) / 4h²",
        replace=[("(up - 2.0 * centre + down) / h**2", "(up - 2.0 * centre + down) / (4 * h**2)")],
        message="4h²",
    ),
    Mutant(
        "nested_not_symmetrised",
        "central differences of central-difference gradients, H not symmetrised",
        append="""
def hessian(f, x, h=1e-4):
    x = np.array(x, dtype=float)
    if x.ndim != 1 or x.size == 0 or not h > 0:
        raise ValueError("bad input")
    n = x.size
    E = h * np.eye(n)

    def grad(y):
        return np.array([(f(y + e) - f(y - e)) / (2 * h) for e in E])

    return np.stack([(grad(x + e) - grad(x - e)) / (2 * h) for e in E])
""",
        message="not exactly symmetric",
    ),
    Mutant(
        "no_validation",
        "2-D x and h <= 0 are not rejected",
        replace=[
            ("    if x.ndim != 1:\n", "    if False:\n"),
            ("    if not h > 0:\n", "    if False:\n"),
        ],
    ),
    Mutant(
        "ignores_h",
        "always uses h = 1e-4",
        replace=[("    n = x.size\n", "    n = x.size\n    h = 1e-4\n")],
        message="the given step h",
    ),
]

VARIANTS = [
    Variant(
        "nested_symmetrised",
        "central differences of central-difference gradients, then (H + Hᵀ)/2",
        append="""
def hessian(f, x, h=1e-4):
    x = np.array(x, dtype=float)
    if x.ndim != 1 or x.size == 0 or not h > 0:
        raise ValueError("bad input")
    E = h * np.eye(x.size)

    def grad(y):
        return np.array([(f(y + e) - f(y - e)) / (2 * h) for e in E])

    H = np.stack([(grad(x + e) - grad(x - e)) / (2 * h) for e in E])
    return (H + H.T) / 2
""",
    ),
    Variant(
        "all_pairs_with_mixed_stencil",
        "every entry from the four-point stencil, the diagonal with steps 2h, then symmetrised",
        append="""
def hessian(f, x, h=1e-4):
    x = np.array(x, dtype=float)
    if x.ndim != 1 or x.size == 0 or not h > 0:
        raise ValueError("bad input")
    n = x.size
    E = h * np.eye(n)
    H = np.array([[(f(x + E[i] + E[j]) - f(x + E[i] - E[j]) - f(x - E[i] + E[j])
                    + f(x - E[i] - E[j])) / (4 * h * h) for j in range(n)] for i in range(n)])
    return 0.5 * (H + H.T)
""",
    ),
]
