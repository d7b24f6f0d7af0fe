"""Known mistakes in probabilistic_models/metropolis_hastings (the grader must fail each)
and other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

TEST = "        if log_u < ell_new - ell:"
ACCEPT = "            x, ell = proposal, ell_new\n"
U = "        u = rng.random()\n"
Z = "        z = rng.standard_normal(d)\n"

MUTANTS = [
    Mutant(
        "exp_test_overflows",
        "u < exp(l' - l): overflows for a large uphill gain",
        replace=[(TEST, "        if u < math.exp(ell_new - ell):")],
        message="exp of a large difference overflows",
    ),
    Mutant(
        "numpy_exp_test",
        "u < np.exp(l' - l): overflows under strict floating point",
        replace=[(TEST, "        if u < np.exp(ell_new - ell):")],
        message="exp of a large difference overflows",
    ),
    Mutant(
        "rejections_not_recorded",
        "only accepted states are kept as rows",
        replace=[
            ("        samples[i] = x\n", "            samples[accepted - 1] = x\n"),
            (
                "    return MH(samples, accepted / int(n_samples))",
                "    return MH(samples[:accepted], accepted / int(n_samples))",
            ),
        ],
        message="rejections not recorded",
    ),
    Mutant(
        "stale_log_density",
        "x moves but l keeps the old state's value",
        replace=[(ACCEPT, "            x = proposal\n")],
        message="stale",
    ),
    Mutant(
        "u_only_downhill",
        "u drawn only when l' < l (uphill moves accepted without a draw)",
        replace=[
            (U, ""),
            (
                "        log_u = math.log(u) if u > 0 else -math.inf\n",
                "        if ell_new - ell >= 0:\n"
                "            log_u = -math.inf\n"
                "        else:\n"
                "            u = rng.random()\n"
                "            log_u = math.log(u) if u > 0 else -math.inf\n",
            ),
        ],
        message="u drawn only for downhill moves",
    ),
    Mutant(
        "x0_first_row",
        "x0 is row 0 and the last iteration is dropped",
        replace=[
            ("        samples[i] = x\n", ""),
            (Z, "        samples[i] = x\n" + Z),
        ],
        message="x0 recorded as the first row",
    ),
    Mutant(
        "u_against_the_log_ratio",
        "review: accept iff u < l' - l (u compared with the log ratio, neither side logged)",
        replace=[(TEST, "        if u < ell_new - ell:")],
    ),
    Mutant(
        "proposal_from_x0",
        "review: every proposal centred on x0 instead of the current state",
        replace=[("x + step_size * z", "np.asarray(x0, dtype=float) + step_size * z")],
    ),
    Mutant(
        "u_before_z",
        "draws u before the proposal",
        replace=[(U, ""), (Z, Z.replace("        z", "        u = rng.random()\n        z"))],
    ),
    Mutant(
        "step_as_variance",
        "proposal x + step_size^2 z",
        replace=[("x + step_size * z", "x + step_size**2 * z")],
    ),
    Mutant(
        "rate_over_n_plus_1",
        "acceptance rate divided by n_samples + 1",
        replace=[("accepted / int(n_samples))", "accepted / (int(n_samples) + 1))")],
    ),
    Mutant(
        "start_not_checked",
        "log_target(x0) = -inf accepted",
        replace=[("    if not math.isfinite(ell):\n", "    if math.isnan(ell):\n")],
    ),
    Mutant(
        "moves_in_x0",
        "updates the state in x0's own memory",
        replace=[
            ("    x = np.array(x0, dtype=float)\n", "    x = np.asarray(x0, dtype=float)\n"),
            (ACCEPT, "            x[:] = proposal\n            ell = ell_new\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "normal_uniform_exp_min",
        "rng.normal(x, step_size) and rng.uniform(), test u < exp(min(0, l' - l)) with NumPy",
        append="""
def metropolis_hastings(log_target, x0, n_samples, step_size, rng):
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x0 must be 1-D and non-empty")
    if not isinstance(n_samples, (int, np.integer)) or isinstance(n_samples, bool) or n_samples < 1:
        raise ValueError("n_samples must be an integer >= 1")
    if not np.isscalar(step_size) or not step_size > 0 or not np.isfinite(step_size):
        raise ValueError("step_size must be > 0")
    ell = log_target(x)
    if not np.isfinite(ell):
        raise ValueError("log_target(x0) is not finite")
    out, acc = [], 0
    for _ in range(n_samples):
        prop = rng.normal(x, step_size)
        ell_prop = log_target(prop)
        if rng.uniform() < np.exp(min(0.0, ell_prop - ell)):
            x, ell, acc = prop, ell_prop, acc + 1
        out.append(x)
    return MH(np.array(out), acc / n_samples)
""",
    ),
    Variant(
        "python_floats_review",
        "review's independent road: the test in Python floats (math.log of u, u = 0 "
        "accepted unless l' = -inf), states kept in a list",
        append="""
def metropolis_hastings(log_target, x0, n_samples, step_size, rng):
    import math
    import numbers

    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size < 1:
        raise ValueError("x0 must be 1-D and non-empty")
    if isinstance(n_samples, bool) or not isinstance(n_samples, numbers.Integral):
        raise ValueError("n_samples must be an integer")
    if n_samples < 1:
        raise ValueError("n_samples must be >= 1")
    if np.ndim(step_size) != 0 or not (float(step_size) > 0 and math.isfinite(step_size)):
        raise ValueError("step_size must be a positive scalar")
    ell = float(log_target(x))
    if not math.isfinite(ell):
        raise ValueError("log_target(x0) must be finite")
    out, accepted = [], 0
    for _ in range(int(n_samples)):
        proposal = x + float(step_size) * rng.standard_normal(x.size)
        ell_new = float(log_target(proposal))
        u = rng.random()
        delta = ell_new - ell
        if delta != -math.inf and (u == 0.0 or math.log(u) < delta):
            x, ell = proposal, ell_new
            accepted += 1
        out.append(x)
    return MH(np.array(out), accepted / int(n_samples))
""",
    ),
]
