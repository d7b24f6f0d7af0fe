"""Known mistakes in capstones/customers (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

DRAWS = (
    "    g = rng.standard_normal((k, d))\n"
    "    segment = rng.integers(k, size=n)\n"
    "    z = rng.standard_normal((n, d))\n"
)

MUTANTS = [
    Mutant(
        "segments_first",
        "draws the segments before the centres",
        replace=[
            (
                DRAWS,
                "    segment = rng.integers(k, size=n)\n"
                "    g = rng.standard_normal((k, d))\n"
                "    z = rng.standard_normal((n, d))\n",
            )
        ],
        message="drew in the wrong order",
    ),
    Mutant(
        "noise_first",
        "draws the noise before the centres and segments",
        replace=[
            (
                DRAWS,
                "    z = rng.standard_normal((n, d))\n"
                "    g = rng.standard_normal((k, d))\n"
                "    segment = rng.integers(k, size=n)\n",
            )
        ],
    ),
    Mutant(
        "unscaled_centres",
        "centres g_j * separation: they are separation * sqrt(2d) apart",
        replace=[("g * (separation / np.sqrt(2 * d))", "g * separation")],
        message="so that they are separation apart",
    ),
    Mutant(
        "sqrt_d",
        "divides by sqrt(d), not sqrt(2d): the centres are sqrt(2) * separation apart",
        replace=[("np.sqrt(2 * d)", "np.sqrt(d)")],
        message="separation / sqrt(d)",
    ),
    Mutant(
        "scaled_noise",
        "scales the noise with the centres",
        replace=[
            (
                "centers[segment] + z",
                "centers[segment] + z * (separation / np.sqrt(2 * d))",
            )
        ],
        message="did you scale z too",
    ),
    Mutant(
        "one_based_segments",
        "segments numbered 1..k",
        replace=[
            (
                "return Customers(centers[segment] + z, segment, centers)",
                "return Customers(centers[segment] + z, segment + 1, centers)",
            )
        ],
    ),
    Mutant(
        "global_state",
        "draws from np.random's global state instead of rng",
        replace=[(DRAWS, DRAWS.replace("rng.", "np.random."))],
    ),
    Mutant(
        "float_segments",
        "returns the segments as floats",
        replace=[
            (
                "centers[segment] + z, segment, centers",
                "centers[segment] + z, segment.astype(float), centers",
            )
        ],
        message="integer labels",
    ),
    Mutant(
        "separation_unchecked",
        "accepts a negative or infinite separation",
        replace=[
            (
                "    if isinstance(separation, bool) or not (np.isfinite(separation) and "
                "separation >= 0):\n",
                "    if False:\n",
            )
        ],
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
        "half_separation",
        "scales the centres by separation / 2 (each centre half the distance from 0)",
        replace=[("g * (separation / np.sqrt(2 * d))", "g * (separation / 2)")],
    ),
    Mutant(
        "noise_per_segment",
        "draws each segment's noise in its own call, segment by segment",
        replace=[
            (
                "    z = rng.standard_normal((n, d))\n",
                "    z = np.empty((n, d))\n"
                "    for j in range(k):\n"
                "        z[segment == j] = rng.standard_normal((int(np.sum(segment == j)), d))\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "loop_per_customer",
        "draws the same arrays, scales with math, builds each row in a Python loop",
        append="""
def customers(n, rng, n_segments=6, n_features=50, separation=8.0):
    import math

    def whole(v):
        return isinstance(v, (int, np.integer)) and not isinstance(v, bool) and v >= 1

    if not (whole(n) and whole(n_segments) and whole(n_features)):
        raise ValueError("n, n_segments and n_features must be positive integers")
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a Generator")
    if not (math.isfinite(separation) and separation >= 0):
        raise ValueError("separation must be finite and >= 0")
    g = rng.standard_normal((n_segments, n_features))
    s = rng.integers(n_segments, size=n)
    z = rng.standard_normal((n, n_features))
    scale = separation / math.sqrt(2.0 * n_features)
    centers = np.array([[scale * v for v in row] for row in g])
    X = np.empty((n, n_features))
    for i in range(n):
        X[i] = centers[s[i]] + z[i]
    return Customers(X, s, centers)
""",
    ),
    Variant(
        "review_normal_and_take",
        "rng.normal for both normal blocks, rng.integers(0, k, n), centres gathered with take",
        append="""
def customers(n, rng, n_segments=6, n_features=50, separation=8.0):
    import math
    import numbers

    for v in (n, n_segments, n_features):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral) or v < 1:
            raise ValueError(f"expected a positive integer, got {v!r}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a numpy.random.Generator")
    if not isinstance(separation, numbers.Real) or not math.isfinite(separation):
        raise ValueError("separation must be finite")
    if separation < 0:
        raise ValueError("separation must be >= 0")
    k, d = n_segments, n_features
    g = rng.normal(size=(k, d))
    s = rng.integers(0, k, n)
    z = rng.normal(size=(n, d))
    centers = g * (separation / math.sqrt(2 * d))
    return Customers(np.take(centers, s, axis=0) + z, s, centers)
""",
    ),
]
