from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_floor",
        "max(|a|, |n|) without the 1e-12 floor: 0/0 where both are 0",
        replace=[
            (
                "np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), 1e-12)",
                "np.maximum(np.abs(analytic), np.abs(numeric))",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "divides_by_numeric",
        "scales by |n| only",
        replace=[
            (
                "np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), 1e-12)",
                "np.maximum(np.abs(numeric), 1e-12)",
            )
        ],
        message="dividing by |numeric| only",
    ),
    Mutant(
        "absolute_error",
        "reports max |a - n|",
        replace=[
            (
                "    return float(np.max(np.abs(analytic - numeric) / scale))\n",
                "    return float(np.max(np.abs(analytic - numeric)))\n",
            )
        ],
        message="the absolute error",
    ),
    Mutant(
        "norm_ratio",
        "‖a - n‖ / max(‖a‖, ‖n‖) over whole vectors",
        replace=[
            (
                "    return float(np.max(np.abs(analytic - numeric) / scale))\n",
                "    return float(np.linalg.norm(analytic - numeric) / max(np.linalg.norm(analytic), np.linalg.norm(numeric), 1e-12))\n",
            )
        ],
        message="whole vectors",
    ),
    Mutant(
        "mean_not_max",
        "the mean entry-wise error",
        replace=[
            (
                "    return float(np.max(np.abs(analytic - numeric) / scale))\n",
                "    return float(np.mean(np.abs(analytic - numeric) / scale))\n",
            )
        ],
        message="the mean of the entry-wise errors",
    ),
    Mutant(
        "forward_difference",
        "its own forward-difference gradient instead of central differences",
        replace=[
            (
                "    numeric = numerical_gradient(f, x, h)\n",
                "    base = float(f(x))\n    numeric = np.zeros_like(x)\n"
                "    for i in np.ndindex(x.shape):\n        s = x.copy()\n        s[i] += h\n"
                "        numeric[i] = (float(f(s)) - base) / h\n",
            )
        ],
        message="forward difference",
    ),
    Mutant(
        "no_shape_check",
        "a gradient of the wrong shape is broadcast instead of rejected",
        replace=[("    if analytic.shape != x.shape:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "inline_central_differences",
        "its own central differences over the flattened x, errors with np.divide",
        append="""
def gradient_check(f, grad, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or not h > 0:
        raise ValueError("empty x or h <= 0")
    a = np.asarray(grad(x), dtype=float)
    if a.shape != x.shape:
        raise ValueError("grad(x) has the wrong shape")
    flat = x.ravel()
    n = np.empty(flat.size)
    for i in range(flat.size):
        e = np.zeros(flat.size)
        e[i] = h
        n[i] = (f((flat + e).reshape(x.shape)) - f((flat - e).reshape(x.shape))) / (2 * h)
    a = a.ravel()
    denominator = np.max(np.stack([np.abs(a), np.abs(n), np.full(a.size, 1e-12)]), axis=0)
    return max(np.divide(np.abs(a - n), denominator))
""",
    ),
]
