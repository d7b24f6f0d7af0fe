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
]
