from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "cumsum_below_one",
        "the last cdf entry is left as computed (may be below 1)",
        replace=[("    cdf[-1] = 1.0  # rounding", "    # cdf[-1] = 1.0  # rounding")],
        message="only 10 categories",
    ),
    Mutant(
        "less_or_equal",
        "smallest j with u <= cdf[j]",
        replace=[('side="right"', 'side="left"')],
        message="u <= cdf[j] instead of u < cdf[j]",
    ),
    Mutant(
        "rng_choice",
        "rng.choice instead of the protocol",
        replace=[
            (
                '    return np.searchsorted(cdf, u, side="right")',
                "    return rng.choice(probs.size, size=n, p=probs / probs.sum())",
            ),
            ("    u = rng.random(n)\n", ""),
        ],
        message="instead of calling rng.choice",
    ),
    Mutant(
        "extra_draws",
        "draws the uniforms twice",
        replace=[("    u = rng.random(n)\n", "    rng.random(n)\n    u = rng.random(n)\n")],
    ),
    Mutant(
        "reversed_cdf",
        "largest j with u >= cdf[j] (off by one)",
        replace=[
            (
                '    return np.searchsorted(cdf, u, side="right")',
                '    return np.maximum(np.searchsorted(cdf, u, side="right") - 1, 0)',
            )
        ],
    ),
    Mutant(
        "no_sum_check",
        "probs that do not sum to 1 are accepted",
        replace=[("if abs(probs.sum() - 1.0) > 1e-9:", "if False:")],
    ),
    Mutant(
        "no_n_check",
        "a negative n is passed on to rng.random",
        replace=[
            (
                "if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 0:",
                "if isinstance(n, bool):",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "comparison_matrix",
        "argmax over a comparison matrix, per-sample draws in a loop",
        append="""
def sample_discrete(probs, n, rng):
    probs = np.asarray(probs, dtype=float)
    if probs.ndim != 1 or probs.size == 0 or np.any(probs < 0) or abs(probs.sum() - 1) > 1e-9:
        raise ValueError("probs is not a probability vector")
    if int(n) != n or n < 0:
        raise ValueError("n must be a non-negative integer")
    u = np.array([rng.random() for _ in range(int(n))])
    cdf = np.cumsum(probs)
    cdf[-1] = 1.0
    return np.argmax(u[:, None] < cdf[None, :], axis=1).astype(int)
""",
    ),
]
