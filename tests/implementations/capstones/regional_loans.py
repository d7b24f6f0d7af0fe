"""Known mistakes in capstones/regional_loans (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

REGION = "    region = (rng.random(n) < alaska_share).astype(int)\n"
LABEL = "    y = (rng.random(n) < rates[region]).astype(int)\n"
NORMAL = "    z = rng.standard_normal((n, d))\n"

MUTANTS = [
    Mutant(
        "labels_drawn_first",
        "draws the labels' uniforms before the regions'",
        replace=[
            (
                REGION + LABEL,
                "    v = rng.random(n)\n"
                "    region = (rng.random(n) < alaska_share).astype(int)\n"
                "    y = (v < rates[region]).astype(int)\n",
            )
        ],
        message="drew the labels' uniforms before the regions'",
    ),
    Mutant(
        "normals_first",
        "draws the normals before the uniforms",
        replace=[(REGION + LABEL + NORMAL, NORMAL + REGION + LABEL)],
        message="drew the normals before the uniforms",
    ),
    Mutant(
        "one_uniform",
        "uses the same uniform for the region and for the label",
        replace=[
            (
                REGION + LABEL,
                "    u = rng.random(n)\n"
                "    region = (u < alaska_share).astype(int)\n"
                "    y = (u < rates[region]).astype(int)\n",
            )
        ],
        message="reused the regions' uniforms",
    ),
    Mutant(
        "rates_swapped",
        "gives Alaskans pi_0 and Silicon Valley pi_1",
        replace=[("rates[region]", "rates[1 - region]")],
        message="used pi_0 in Alaska",
    ),
    Mutant(
        "no_sqrt_d",
        "shifts every feature of a repayer by separation",
        replace=[("np.full(d, separation / np.sqrt(d))", "np.full(d, float(separation))")],
        message="separation / sqrt(d)",
    ),
    Mutant(
        "shift_every_feature",
        "moves every feature of an Alaskan by shift",
        replace=[("    delta[0] = shift\n", "    delta[:] = shift\n")],
        message="shifted every feature of an Alaskan",
    ),
    Mutant(
        "no_regional_shift",
        "forgets delta",
        replace=[(" + region[:, None] * delta", "")],
        message="forgot the regional shift",
    ),
    Mutant(
        "global_state",
        "draws from np.random's global state instead of rng",
        replace=[
            (REGION + LABEL + NORMAL, (REGION + LABEL + NORMAL).replace("rng.", "np.random."))
        ],
    ),
    Mutant(
        "float_labels",
        "returns the labels as floats",
        replace=[
            (
                "    y = (rng.random(n) < rates[region]).astype(int)",
                "    y = (rng.random(n) < rates[region]).astype(float)",
            )
        ],
        message="integer labels",
    ),
    Mutant(
        "share_unchecked",
        "accepts alaska_share outside (0, 1)",
        replace=[("    if not 0 < alaska_share < 1:\n", "    if False:\n")],
    ),
    Mutant(
        "rates_unchecked",
        "accepts repayment rates of 0 or 1",
        replace=[("    if not np.all((rates > 0) & (rates < 1)):\n", "    if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "valley_shifted",
        "moves the Silicon Valley applicants by delta instead of the Alaskans",
        replace=[
            ("region[:, None] * delta, y, region", "(1 - region)[:, None] * delta, y, region")
        ],
    ),
    Mutant(
        "defaulters_shifted",
        "moves the applicants who default by mu instead of those who repay",
        replace=[("z + y[:, None] * mu", "z + (1 - y)[:, None] * mu")],
    ),
]

VARIANTS = [
    Variant(
        "loop_per_applicant",
        "draws the three arrays in the stated order, then builds each row in a Python loop",
        append="""
def regional_loans(
    n, rng, alaska_share=0.2, repay_rates=(0.6, 0.4), separation=2.0, shift=-1.0, n_features=2
):
    import math

    ok = lambda v: isinstance(v, (int, np.integer)) and not isinstance(v, bool) and v >= 1
    if not ok(n) or not ok(n_features) or not isinstance(rng, np.random.Generator):
        raise ValueError("n and n_features must be positive integers, rng a Generator")
    pi = [float(r) for r in repay_rates]
    if len(pi) != 2 or not all(0 < r < 1 for r in pi + [alaska_share]):
        raise ValueError("alaska_share and both repayment rates must lie in (0, 1)")
    if not (math.isfinite(separation) and separation >= 0 and math.isfinite(shift)):
        raise ValueError("separation must be finite and >= 0, shift finite")
    u, v = rng.random(n), rng.random(n)
    z = rng.standard_normal((n, n_features))
    step = separation / math.sqrt(n_features)
    X = np.empty((n, n_features))
    y = np.zeros(n, dtype=np.int64)
    region = np.zeros(n, dtype=np.int64)
    for i in range(n):
        region[i] = 1 if u[i] < alaska_share else 0
        y[i] = 1 if v[i] < pi[region[i]] else 0
        X[i] = z[i] + (step if y[i] else 0.0)
        if region[i]:
            X[i, 0] += shift
    return Loans(X, y, region)
""",
    ),
    Variant(
        "review_where_and_normal",
        "rates picked with np.where, rng.normal for the features, shifts as outer products",
        append="""
def regional_loans(
    n, rng, alaska_share=0.2, repay_rates=(0.6, 0.4), separation=2.0, shift=-1.0, n_features=2
):
    import math
    import numbers

    for v in (n, n_features):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral) or v < 1:
            raise ValueError(f"expected a positive integer, got {v!r}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a numpy.random.Generator")
    rates = list(repay_rates) if isinstance(repay_rates, (tuple, list, np.ndarray)) else []
    if len(rates) != 2:
        raise ValueError("repay_rates must be a pair")
    for p in [alaska_share, *rates]:
        if not 0 < p < 1:
            raise ValueError(f"a probability is not in (0, 1): {p!r}")
    if not math.isfinite(separation) or separation < 0:
        raise ValueError("separation must be finite and >= 0")
    if not math.isfinite(shift):
        raise ValueError("shift must be finite")
    d = n_features
    u = rng.random(n)
    v = rng.random(n)
    z = rng.normal(size=(n, d))
    region = np.where(u < alaska_share, 1, 0)
    y = np.where(v < np.where(region == 1, rates[1], rates[0]), 1, 0)
    mu = np.full(d, separation / math.sqrt(d))
    delta = np.zeros(d)
    delta[0] = shift
    X = z + np.outer(y, mu) + np.outer(region, delta)
    return Loans(X, y, region)
""",
    ),
]
