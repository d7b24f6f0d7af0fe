"""Known mistakes in probabilistic_models/gibbs_bivariate_normal (the grader must fail
each) and other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

ROOT = "    root = math.sqrt(1.0 - rho * rho)\n"
X1 = "        x1 = m1 + rho * (s1 / s2) * (x2 - m2) + s1 * root * z\n"
X2 = "        x2 = m2 + rho * (s2 / s1) * (x1 - m1) + s2 * root * z\n"
STORE = "        out[i] = x1, x2\n"

MUTANTS = [
    Mutant(
        "no_root",
        "conditional std s (1 - rho^2)",
        replace=[(ROOT, "    root = 1.0 - rho * rho\n")],
        message="conditional std s(1 - rho^2)",
    ),
    Mutant(
        "unshrunk_std",
        "conditional std s",
        replace=[(ROOT, "    root = 1.0\n")],
        message="conditional std s:",
    ),
    Mutant(
        "old_x1",
        "x2 drawn given the previous sweep's x1",
        replace=[
            (X1, "        old = x1\n" + X1),
            (X2, X2.replace("(x1 - m1)", "(old - m1)")),
        ],
        message="x2 drawn given the old x1",
    ),
    Mutant(
        "ratio_inverted",
        "s2/s1 in x1's conditional mean and s1/s2 in x2's",
        replace=[
            (X1, X1.replace("(s1 / s2)", "(s2 / s1)")),
            (X2, X2.replace("(s2 / s1)", "(s1 / s2)")),
        ],
        message="s1/s2 inverted",
    ),
    Mutant(
        "x0_first_row",
        "row 0 is x0; the last sweep is dropped",
        replace=[
            (STORE, ""),
            (
                "        z = rng.standard_normal()\n        x1",
                STORE + "        z = rng.standard_normal()\n        x1",
            ),
        ],
        message="x0 recorded as the first row",
    ),
    Mutant(
        "variance_as_scale",
        "review: z scaled by the conditional variance s^2 (1 - rho^2) instead of its root",
        replace=[
            (X1, X1.replace("s1 * root * z", "s1 * s1 * root * root * z")),
            (X2, X2.replace("s2 * root * z", "s2 * s2 * root * root * z")),
        ],
    ),
    Mutant(
        "regression_coefficient_rho_s",
        "review: Sigma12 / Sigma22 taken as rho s1 s2 / s2 = rho s1 (the square of s2 forgotten)",
        replace=[
            (X1, X1.replace("rho * (s1 / s2)", "rho * s1")),
            (X2, X2.replace("rho * (s2 / s1)", "rho * s2")),
        ],
    ),
    Mutant(
        "x2_first",
        "each sweep updates x2 before x1",
        replace=[
            (
                "        z = rng.standard_normal()\n"
                + X1
                + "        z = rng.standard_normal()\n"
                + X2,
                "        z = rng.standard_normal()\n"
                + X2
                + "        z = rng.standard_normal()\n"
                + X1,
            )
        ],
    ),
    Mutant(
        "no_std_ratio",
        "conditional mean mu1 + rho (x2 - mu2): the ratio s1/s2 left out",
        replace=[(X1, X1.replace(" * (s1 / s2)", "")), (X2, X2.replace(" * (s2 / s1)", ""))],
    ),
    Mutant(
        "rho_one_accepted",
        "rho = +-1 not rejected",
        replace=[("not -1 < rho < 1", "not -1 <= rho <= 1")],
    ),
    Mutant(
        "one_normal_per_sweep",
        "one z shared by both coordinates",
        replace=[(X1 + "        z = rng.standard_normal()\n", X1)],
    ),
    Mutant(
        "writes_into_x0",
        "keeps the running state in x0's memory",
        replace=[(STORE, STORE + "        x0[:] = x1, x2\n")],
    ),
]

_VALIDATE = """
    mean, std, x0 = (np.asarray(a, dtype=float) for a in (mean, std, x0))
    if mean.shape != (2,) or std.shape != (2,) or x0.shape != (2,):
        raise ValueError("mean, std and x0 must have shape (2,)")
    if np.any(std <= 0) or not np.isscalar(rho) or not abs(rho) < 1:
        raise ValueError("std must be > 0 and -1 < rho < 1")
    if isinstance(n_samples, bool) or not isinstance(n_samples, (int, np.integer)) or n_samples < 1:
        raise ValueError("n_samples must be an integer >= 1")
"""

VARIANTS = [
    Variant(
        "normals_up_front",
        "all 2 n_samples normals drawn first with rng.standard_normal((n_samples, 2))",
        append=f"""
def gibbs_bivariate_normal(mean, std, rho, x0, n_samples, rng):
{_VALIDATE}
    z = rng.standard_normal((n_samples, 2)) * std * np.sqrt(1 - rho**2)
    out = np.zeros((n_samples, 2))
    prev = x0
    for i in range(n_samples):
        a = mean[0] + rho * std[0] / std[1] * (prev[1] - mean[1]) + z[i, 0]
        b = mean[1] + rho * std[1] / std[0] * (a - mean[0]) + z[i, 1]
        out[i] = prev = np.array([a, b])
    return out
""",
    ),
    Variant(
        "normal_loc_scale",
        "rng.normal(conditional mean, conditional std) per draw",
        append=f"""
def gibbs_bivariate_normal(mean, std, rho, x0, n_samples, rng):
{_VALIDATE}
    (m1, m2), (s1, s2) = mean, std
    x1, x2 = x0
    rows = []
    for _ in range(n_samples):
        x1 = rng.normal(m1 + rho * s1 / s2 * (x2 - m2), s1 * np.sqrt(1 - rho**2))
        x2 = rng.normal(m2 + rho * s2 / s1 * (x1 - m1), s2 * np.sqrt(1 - rho**2))
        rows.append([x1, x2])
    return np.array(rows)
""",
    ),
    Variant(
        "standardised_coordinates_review",
        "review's independent road: the chain run on the standardised u = (x - mean)/std "
        "(u1 = rho u2 + sqrt(1 - rho^2) z), two normals per sweep from standard_normal(2)",
        append="""
def gibbs_bivariate_normal(mean, std, rho, x0, n_samples, rng):
    import numbers

    mu = np.array(mean, dtype=float)
    s = np.array(std, dtype=float)
    x = np.array(x0, dtype=float)
    if mu.shape != (2,) or s.shape != (2,) or x.shape != (2,):
        raise ValueError("mean, std and x0 must have shape (2,)")
    if not np.all(s > 0):
        raise ValueError("std must be positive")
    if np.ndim(rho) != 0 or not (-1 < rho < 1):
        raise ValueError("rho must be in (-1, 1)")
    if isinstance(n_samples, bool) or not isinstance(n_samples, numbers.Integral):
        raise ValueError("n_samples must be an integer")
    if n_samples < 1:
        raise ValueError("n_samples must be >= 1")
    c = np.sqrt(1.0 - rho * rho)
    u1, u2 = (x - mu) / s
    out = np.empty((int(n_samples), 2))
    for i in range(int(n_samples)):
        z1, z2 = rng.standard_normal(2)
        u1 = rho * u2 + c * z1
        u2 = rho * u1 + c * z2
        out[i] = mu + s * np.array([u1, u2])
    return out
""",
    ),
]
