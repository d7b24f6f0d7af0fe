"""Known mistakes in capstones/cell_data (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

DRAWS = "    z = rng.standard_normal((int(n), 6))\n    e = rng.standard_normal((int(n), 2))\n"

MUTANTS = [
    Mutant(
        "errors_first",
        "draws the measurement errors before the design variables",
        replace=[
            (
                DRAWS,
                "    e = rng.standard_normal((int(n), 2))\n"
                "    z = rng.standard_normal((int(n), 6))\n",
            )
        ],
        message="drew the errors before the design variables",
    ),
    Mutant(
        "one_draw",
        "draws one (n, 8) block and splits it: other numbers for the same seed",
        replace=[
            (
                DRAWS,
                "    both = rng.standard_normal((int(n), 8))\n"
                "    z, e = both[:, :6], both[:, 6:]\n",
            )
        ],
    ),
    Mutant(
        "no_bruggeman",
        "forgets the Bruggeman factor: conductivity and diffusivity ignore porosity",
        replace=[("    bruggeman = (porosity / 0.35) ** 1.5\n", "    bruggeman = 1.0\n")],
        message="Bruggeman",
    ),
    Mutant(
        "pressure_raises_porosity",
        "adds the pressure term to the porosity instead of subtracting it",
        replace=[("0.35 - 0.04 * z[:, 0]", "0.35 + 0.04 * z[:, 0]")],
        message="pressure lowers porosity",
    ),
    Mutant(
        "energy_from_measured_capacity",
        "computes the energy from the noisy measured capacity",
        replace=[
            (
                "    energy = capacity * (3.7 - losses)\n",
                "    capacity = capacity + 0.05 * noise * e[:, 0]\n"
                "    energy = capacity * (3.7 - losses)\n"
                "    capacity = capacity - 0.05 * noise * e[:, 0]\n",
            )
        ],
        message="noise-free capacity",
    ),
    Mutant(
        "noise_unscaled",
        "adds the errors without multiplying them by noise",
        replace=[("0.05 * noise * e[:, 0]", "0.05 * e[:, 0]"), ("0.15 * noise * e", "0.15 * e")],
        message="scale them by noise",
    ),
    Mutant(
        "no_losses",
        "forgets the resistive losses: energy = 3.7 V times capacity",
        replace=[("    energy = capacity * (3.7 - losses)\n", "    energy = capacity * 3.7\n")],
        message="the losses are",
    ),
    Mutant(
        "radius_linear",
        "draws the radius as 5 + z3 instead of 5 exp(0.2 z3)",
        replace=[("5.0 * np.exp(0.2 * z[:, 3])", "5.0 + z[:, 3]")],
    ),
    Mutant(
        "global_state",
        "draws from np.random's global state instead of rng",
        replace=[
            (
                DRAWS,
                "    z = np.random.standard_normal((int(n), 6))\n"
                "    e = np.random.standard_normal((int(n), 2))\n",
            )
        ],
    ),
    Mutant(
        "noise_unchecked",
        "accepts a negative or infinite noise",
        replace=[("    if not (np.isfinite(noise) and noise >= 0):\n", "    if False:\n")],
    ),
    Mutant(
        "rng_unchecked",
        "accepts a seed in place of a Generator",
        replace=[
            ("    if not isinstance(rng, np.random.Generator):\n", "    if False:\n"),
            (DRAWS, "    rng = np.random.default_rng(rng)\n" + DRAWS),
        ],
    ),
]

MUTANTS += [
    Mutant(
        "design_column_by_column",
        "draws the six design normals as six calls standard_normal(n), one per column",
        replace=[
            (
                "rng.standard_normal((int(n), 6))",
                "np.stack([rng.standard_normal(n) for _ in range(6)], axis=1)",
            )
        ],
        message="drew one column at a time",
    ),
    Mutant(
        "errors_column_by_column",
        "draws the capacity errors, then the energy errors, in two calls of n",
        replace=[
            (
                "rng.standard_normal((int(n), 2))",
                "np.stack([rng.standard_normal(n), rng.standard_normal(n)], axis=1)",
            )
        ],
        message="drew one column at a time",
    ),
]

VARIANTS = [
    Variant(
        "per_cell_loop",
        "draws the two blocks as stated and computes every cell in a Python loop",
        append="""
def cell_data(n, rng, noise=1.0):
    import math

    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive integer")
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a Generator")
    if not (math.isfinite(noise) and noise >= 0):
        raise ValueError("noise must be finite and >= 0")
    z = rng.standard_normal((n, 6))
    e = rng.standard_normal((n, 2))
    X = np.empty((n, 6))
    q = np.empty(n)
    energy = np.empty(n)
    for i in range(n):
        eps = 0.35 - 0.04 * z[i, 0] + 0.02 * z[i, 1]
        L = 80 * math.exp(0.2 * z[i, 2])
        r = 5 * math.exp(0.2 * z[i, 3])
        sigma = 10 * (eps / 0.35) ** 1.5 * math.exp(0.15 * z[i, 4])
        D = 3 * (eps / 0.35) ** 1.5 * math.exp(0.15 * z[i, 5])
        X[i] = eps, L, r, sigma, D, 100 + 20 * z[i, 0]
        q_bar = 0.025 * (1 - eps) * L * (1 - 0.03 * (r - 5))
        q[i] = q_bar + 0.05 * noise * e[i, 0]
        energy[i] = q_bar * (3.7 - 0.05 * L / sigma - 0.01 * r * r / D) + 0.15 * noise * e[i, 1]
    return Cells(X, q, energy)
""",
    ),
    Variant(
        "review_row_by_row",
        "draws both blocks, then builds each cell in a Python loop with math functions "
        "(the Bruggeman factor as a square root cubed)",
        append="""
def cell_data(n, rng, noise=1.0):
    import math
    import numbers

    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a numpy.random.Generator")
    if not isinstance(noise, numbers.Real) or not math.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number >= 0, got {noise!r}")
    z = rng.standard_normal((n, 6))
    e = rng.standard_normal((n, 2))
    X = np.zeros((n, 6))
    Q = np.zeros(n)
    E = np.zeros(n)
    for i in range(n):
        z0, z1, z2, z3, z4, z5 = z[i].tolist()
        por = 0.35 - 0.04 * z0 + 0.02 * z1
        L = 80 * math.exp(0.2 * z2)
        r = 5 * math.exp(0.2 * z3)
        brug = math.sqrt(por / 0.35) ** 3
        sig = 10 * brug * math.exp(0.15 * z4)
        D = 3 * brug * math.exp(0.15 * z5)
        P = 100 + 20 * z0
        X[i] = [por, L, r, sig, D, P]
        q = 0.025 * (1 - por) * L * (1 - 0.03 * (r - 5))
        Q[i] = q + 0.05 * noise * e[i, 0]
        E[i] = q * (3.7 - 0.05 * L / sig - 0.01 * r * r / D) + 0.15 * noise * e[i, 1]
    return Cells(X, Q, E)
""",
    ),
]
