"""Known mistakes in capstones/transactions (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

DRAWS = "    y = (rng.random(n) < fraud_rate).astype(int)\n    z = rng.standard_normal((n, d))\n"

MUTANTS = [
    Mutant(
        "normals_first",
        "draws the normals before the uniforms",
        replace=[
            (
                DRAWS,
                "    z = rng.standard_normal((n, d))\n"
                "    y = (rng.random(n) < fraud_rate).astype(int)\n",
            )
        ],
        message="drew the normals before the uniforms",
    ),
    Mutant(
        "upper_tail",
        "a fraud is u > 1 - fraud_rate: the right rate, other transactions",
        replace=[("rng.random(n) < fraud_rate", "rng.random(n) > 1 - fraud_rate")],
        message="not u_i > 1 - fraud_rate",
    ),
    Mutant(
        "no_sqrt_d",
        "shifts every feature by separation: the means are separation·sqrt(d) apart",
        replace=[("np.full(d, separation / np.sqrt(d))", "np.full(d, float(separation))")],
        message="separation / sqrt(d)",
    ),
    Mutant(
        "legit_shifted",
        "shifts the legitimate transactions instead of the frauds",
        replace=[("z + y[:, None] * mu", "z + (1 - y)[:, None] * mu")],
        message="shifted the legitimate transactions",
    ),
    Mutant(
        "global_state",
        "draws from np.random's global state instead of rng",
        replace=[
            (
                DRAWS,
                "    y = (np.random.random(n) < fraud_rate).astype(int)\n"
                "    z = np.random.standard_normal((n, d))\n",
            )
        ],
    ),
    Mutant(
        "float_labels",
        "returns the labels as floats",
        replace=[(".astype(int)", ".astype(float)")],
        message="integer labels",
    ),
    Mutant(
        "rate_unchecked",
        "accepts fraud_rate outside (0, 1)",
        replace=[("    if not 0 < fraud_rate < 1:\n", "    if False:\n")],
    ),
    Mutant(
        "rng_unchecked",
        "accepts a seed in place of a Generator (and fails later, or not at all)",
        replace=[
            (
                "    if not isinstance(rng, np.random.Generator):\n",
                "    if False:\n",
            ),
            (DRAWS, "    rng = np.random.default_rng(rng)\n" + DRAWS),
        ],
    ),
]

MUTANTS += [
    Mutant(
        "first_feature_only",
        "puts the whole shift on the first feature: ||mu|| = separation too, another mu",
        replace=[
            (
                "np.full(d, separation / np.sqrt(d))",
                "np.eye(d)[0] * separation",
            )
        ],
        message="not separation on the first alone",
    ),
    Mutant(
        "binomial_labels",
        "draws the labels with rng.binomial(1, fraud_rate, n): the right law, other draws",
        replace=[
            (
                "(rng.random(n) < fraud_rate).astype(int)",
                "rng.binomial(1, fraud_rate, n).astype(int)",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "loop_per_transaction",
        "draws all uniforms, then all normals, and builds each row in a Python loop",
        append="""
def transactions(n, rng, fraud_rate=0.01, separation=3.0, n_features=2):
    import math

    ok = lambda v: isinstance(v, (int, np.integer)) and not isinstance(v, bool) and v >= 1
    if not ok(n) or not ok(n_features) or not isinstance(rng, np.random.Generator):
        raise ValueError("n and n_features must be positive integers, rng a Generator")
    if not (0 < fraud_rate < 1) or not (math.isfinite(separation) and separation >= 0):
        raise ValueError("fraud_rate must be in (0, 1) and separation finite, >= 0")
    u = rng.random(n)
    z = rng.standard_normal((n, n_features))
    step = separation / math.sqrt(n_features)
    X = np.empty((n, n_features))
    y = np.zeros(n, dtype=np.int64)
    for i in range(n):
        y[i] = 1 if u[i] < fraud_rate else 0
        X[i] = z[i] + (step if y[i] else 0.0)
    return Transactions(X, y)
""",
    ),
    Variant(
        "review_normal_where",
        "rng.normal for the features (same stream as standard_normal), np.where for the "
        "labels, a broadcast mean vector",
        append="""
def transactions(n, rng, fraud_rate=0.01, separation=3.0, n_features=2):
    import numbers

    for v in (n, n_features):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral) or v < 1:
            raise ValueError(f"expected a positive integer, got {v!r}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a numpy.random.Generator")
    if not isinstance(fraud_rate, numbers.Real) or not 0.0 < fraud_rate < 1.0:
        raise ValueError("fraud_rate must lie in (0, 1)")
    if not isinstance(separation, numbers.Real) or not np.isfinite(separation):
        raise ValueError("separation must be finite")
    if separation < 0:
        raise ValueError("separation must be >= 0")
    u = rng.random(size=n)
    z = rng.normal(0.0, 1.0, size=(n, n_features))
    y = np.where(u < fraud_rate, 1, 0)
    mu = np.ones(n_features) * (separation / np.sqrt(n_features))
    X = z + np.outer(y, mu)
    return Transactions(X, y)
""",
    ),
]
