from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_abs",
        "sums x_i**p instead of |x_i|**p (wrong for odd p on negative entries)",
        replace=[("    magnitudes = np.abs(x)\n", "    magnitudes = x\n")],
        message="abs is missing",
    ),
    Mutant(
        "no_rescaling",
        "(sum |x_i|**p)**(1/p) directly: overflows for 1e200, underflows for 1e-200",
        replace=[
            (
                "    scaled = magnitudes / scale\n    return scale * float(np.sum(scaled**p)) ** (1.0 / p)\n",
                "    return float(np.sum(magnitudes**p)) ** (1.0 / p)\n",
            )
        ],
        message="no power overflows or underflows",
    ),
    Mutant(
        "no_rescaling_underflow_only",
        "no rescaling, with overflow hidden by np.errstate: 1e-200 still underflows to 0",
        replace=[
            (
                "    scaled = magnitudes / scale\n    return scale * float(np.sum(scaled**p)) ** (1.0 / p)\n",
                "    with np.errstate(all='ignore'):\n"
                "        return float(np.sum(magnitudes**p)) ** (1.0 / p)\n",
            )
        ],
        message="no rescaling",
    ),
    Mutant(
        "inf_not_special_cased",
        "the plain formula for every p, so p = inf gives (sum |x_i|**inf)**0 = 1",
        append="""
def p_norm(x, p=2.0):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if not p >= 1:
        raise ValueError("p must be at least 1")
    if x.size == 0:
        return 0.0
    scale = float(np.abs(x).max())
    if scale == 0.0:
        return 0.0
    if p == math.inf:
        return float(np.sum(np.abs(x) ** p)) ** (1.0 / p)
    return scale * float(np.sum((np.abs(x) / scale) ** p)) ** (1.0 / p)
""",
        message="not special-cased",
    ),
    Mutant(
        "no_root",
        "returns sum |x_i|**p without the 1/p-th root",
        replace=[
            (
                "return scale * float(np.sum(scaled**p)) ** (1.0 / p)",
                "return scale**p * float(np.sum(scaled**p))",
            )
        ],
        message="root is missing",
    ),
    Mutant(
        "zero_vector_divides_by_zero",
        "rescales the zero vector by its maximum 0 (0/0)",
        replace=[
            (
                "    if p == math.inf or scale == 0.0 or not math.isfinite(scale):\n",
                "    if p == math.inf or not math.isfinite(scale):\n",
            )
        ],
        message="division by zero",
    ),
    Mutant(
        "empty_not_handled",
        "takes the max of an empty array (ValueError instead of 0.0)",
        replace=[("    if x.size == 0:\n        return 0.0\n", "")],
    ),
    Mutant(
        "accepts_p_below_one",
        "no check that p >= 1",
        replace=[("    if not p >= 1.0:  # also rejects nan\n", "    if p != p:\n")],
    ),
    Mutant(
        "accepts_2d",
        "no check that x is 1-D (a matrix gets an entrywise norm)",
        replace=[("    if x.ndim != 1:\n", "    if x.ndim == 0:\n")],
    ),
    Mutant(
        "abs_in_place",
        "takes |x| in place, changing the caller's array",
        replace=[("    magnitudes = np.abs(x)\n", "    magnitudes = np.abs(x, out=x)\n")],
        message="modified its input `x`",
    ),
]

VARIANTS = [
    Variant(
        "log_sum_exp",
        "exp of a log-sum-exp of p log|x_i| over the non-zero entries",
        append="""
def p_norm(x, p=2.0):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError("x must be a vector")
    if np.isnan(p) or p < 1:
        raise ValueError("p must be >= 1")
    a = np.abs(x[x != 0])
    if a.size == 0:
        return 0.0
    if np.isinf(p):
        return float(a.max())
    logs = p * np.log(a)
    top = logs.max()
    return float(np.exp((top + np.log(np.sum(np.exp(logs - top)))) / p))
""",
    ),
    Variant(
        "one_pass_running_scale",
        "LAPACK dnrm2-style single pass that rescales a running sum when a larger entry appears",
        append="""
def p_norm(x, p=2.0):
    values = [abs(float(v)) for v in np.asarray(x, dtype=float).reshape(-1)]
    if np.ndim(x) != 1:
        raise ValueError("x must be 1-D")
    if not p >= 1:
        raise ValueError("p must be at least 1")
    if p == float("inf"):
        return max(values, default=0.0)
    scale, total = 0.0, 1.0
    for v in values:
        if v == 0.0:
            continue
        if v > scale:
            total = 1.0 + total * (scale / v) ** p
            scale = v
        else:
            total += (v / scale) ** p
    return scale * total ** (1.0 / p) if scale > 0 else 0.0
""",
    ),
]
