"""Known mistakes in optimization/simplex_projection (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RESULT = "return np.maximum(v - tau, 0.0)"

MUTANTS = [
    Mutant(
        "clip_and_renormalise",
        "max(v, 0) / sum: a probability vector, but not the nearest one",
        replace=[(RESULT, "return np.maximum(v, 0.0) / np.maximum(v, 0.0).sum()")],
        message="clipping at 0 and renormalising",
    ),
    Mutant(
        "hyperplane_only",
        "shifts v onto sum(w) = 1 without clipping",
        replace=[(RESULT, "return v - (v.sum() - 1.0) / v.size")],
        message="hyperplane",
    ),
    Mutant(
        "softmax",
        "softmax instead of the projection",
        replace=[(RESULT, "return np.exp(v - v.max()) / np.exp(v - v.max()).sum()")],
        message="softmax",
    ),
    Mutant(
        "sorted_result",
        "thresholds the sorted vector instead of v",
        replace=[(RESULT, "return np.maximum(u - tau, 0.0)")],
        message="sorted order",
    ),
    Mutant(
        "first_rho",
        "takes the first index meeting the condition instead of the last",
        replace=[("rho = j[u - cumulative / j > 0][-1]", "rho = j[u - cumulative / j > 0][0]")],
        message="w is wrong",
    ),
    Mutant(
        "ascending_sort",
        "sorts in increasing order",
        replace=[("u = np.sort(v)[::-1]", "u = np.sort(v)")],
        message="w is wrong",
    ),
    Mutant(
        "off_by_one_divisor",
        "divides the threshold's sum by rho + 1",
        replace=[("tau = cumulative[rho - 1] / rho", "tau = cumulative[rho - 1] / (rho + 1)")],
        message="w is wrong",
    ),
    Mutant(
        "sorts_input_in_place",
        "sorts the caller's v",
        replace=[("    u = np.sort(v)[::-1]\n", "    v.sort()\n    u = v[::-1]\n")],
        message="modified its input",
    ),
    Mutant(
        "no_finite_check",
        "NaN and infinity are not rejected",
        replace=[("    if not np.all(np.isfinite(v)):\n", "    if False:\n")],
        message="should raise ValueError",
    ),
]

VARIANTS = [
    Variant(
        "bisection",
        "the threshold by bisection on sum(max(v - tau, 0)) = 1, then one exact refinement",
        append="""
def project_to_simplex(v):
    v = np.array(v, dtype=float)
    if v.ndim != 1 or v.size == 0 or not np.isfinite(v).all():
        raise ValueError("v must be a non-empty finite 1-D vector")
    low, high = v.min() - 1.0, v.max()
    for _ in range(100):
        mid = 0.5 * (low + high)
        if np.clip(v - mid, 0.0, None).sum() > 1.0:
            low = mid
        else:
            high = mid
    support = v > low
    tau = (v[support].sum() - 1.0) / support.sum()
    return np.clip(v - tau, 0.0, None)
""",
    ),
    Variant(
        "michelot",
        "Michelot's algorithm: drop the entries below the running threshold until none is",
        append="""
def project_to_simplex(v):
    v = np.array(v, dtype=float)
    if v.ndim != 1 or v.size == 0 or not np.isfinite(v).all():
        raise ValueError("v must be a non-empty finite 1-D vector")
    active = np.ones(v.size, dtype=bool)
    while True:
        tau = (v[active].sum() - 1.0) / active.sum()
        keep = active & (v > tau)
        if keep.sum() == active.sum():
            break
        active = keep
    return np.maximum(v - tau, 0.0)
""",
    ),
    Variant(
        "scipy_brentq",
        "the threshold as the root of sum(max(v - tau, 0)) - 1 by scipy.optimize.brentq",
        append="""
def project_to_simplex(v):
    from scipy.optimize import brentq

    v = np.array(v, dtype=float)
    if v.ndim != 1 or v.size == 0 or not np.isfinite(v).all():
        raise ValueError("v must be a non-empty finite 1-D vector")
    tau = brentq(
        lambda t: np.maximum(v - t, 0.0).sum() - 1.0, v.min() - 1.0, v.max(), xtol=1e-15
    )
    support = v > tau
    tau = (v[support].sum() - 1.0) / support.sum()
    return np.maximum(v - tau, 0.0)
""",
    ),
]
