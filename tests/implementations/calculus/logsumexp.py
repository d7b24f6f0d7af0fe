from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_shift",
        "log(sum(exp(z))): overflows for large z, log(0) for very negative z",
        replace=[("    shift = np.where(np.isfinite(m), m, 0.0)", "    shift = 0.0 * m")],
        message="hit a floating-point error",
    ),
    Mutant(
        "shift_by_minus_inf",
        "shifts by the maximum even when it is −inf: −inf − (−inf) = nan",
        replace=[("    shift = np.where(np.isfinite(m), m, 0.0)", "    shift = m")],
        message="hit a floating-point error",
    ),
    Mutant(
        "shift_not_added_back",
        "returns log Σ exp(z − m)",
        replace=[
            (
                "np.log(np.where(positive, total, 1.0)) + shift",
                "np.log(np.where(positive, total, 1.0))",
            )
        ],
        message="not added back",
    ),
    Mutant(
        "global_shift",
        "shifts every slice by the global maximum: slices far below it underflow to -inf",
        replace=[
            (
                "    m = np.max(z, axis=axis, keepdims=True)\n",
                "    m = np.max(z, axis=axis, keepdims=True)\n    m = np.full_like(m, np.max(z))\n",
            )
        ],
        message="global maximum instead of its own",
    ),
    Mutant(
        "global_shift_naive_log",
        "shifts by the global maximum and takes log of the sum: log(0) for a far slice",
        append="""
def logsumexp(z, axis=None):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    m = np.max(z)
    if not np.isfinite(m):
        m = 0.0
    return np.log(np.sum(np.exp(z - m), axis=axis)) + m
""",
        message="global maximum instead of its own",
    ),
    Mutant(
        "ignores_axis",
        "always reduces over every entry",
        replace=[("    if axis is None:\n", "    axis = None\n    if axis is None:\n")],
    ),
    Mutant(
        "keeps_dims",
        "returns the reduced axis as length 1",
        replace=[("    return np.squeeze(out, axis=axis)\n", "    return out\n")],
        message="reduce over the given axis only",
    ),
    Mutant(
        "no_validation",
        "an empty z is not rejected",
        replace=[
            ("    if z.size == 0:\n", "    if False:\n"),
            (
                "    m = np.max(z, axis=axis, keepdims=True)\n",
                "    m = np.max(z, axis=axis, keepdims=True, initial=-np.inf)\n",
            ),
        ],
    ),
]

VARIANTS = [
    Variant(
        "logaddexp_reduce",
        "np.logaddexp.reduce, pairwise and stable",
        append="""
def logsumexp(z, axis=None):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    if axis is None:
        return float(np.logaddexp.reduce(z.ravel()))
    if isinstance(axis, tuple):
        axis = tuple(a % z.ndim for a in axis)
        rest = [a for a in range(z.ndim) if a not in axis]
        moved = np.transpose(z, rest + list(axis)).reshape([z.shape[a] for a in rest] + [-1])
        return np.logaddexp.reduce(moved, axis=-1)
    return np.logaddexp.reduce(z, axis=axis)
""",
    ),
    Variant(
        "scipy",
        "scipy.special.logsumexp",
        append="""
def logsumexp(z, axis=None):
    from scipy.special import logsumexp as lse

    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    with np.errstate(divide="ignore"):
        return lse(z, axis=axis)
""",
    ),
]
