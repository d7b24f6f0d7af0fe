from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_shift",
        "exp(z) / Σ exp(z): overflow for large logits",
        replace=[("    shifted = z - np.max(z, axis=axis, keepdims=True)\n", "    shifted = z\n")],
        message="hit a floating-point error",
    ),
    Mutant(
        "ignores_axis",
        "always normalises along the last axis",
        replace=[("    shifted = z - np.max", "    axis = -1\n    shifted = z - np.max")],
        message="instead of axis",
    ),
    Mutant(
        "axis_zero",
        "always normalises along axis 0 (down the columns)",
        replace=[("    shifted = z - np.max", "    axis = 0\n    shifted = z - np.max")],
        message="normalised",
    ),
    Mutant(
        "global_max",
        "one shift for the whole array: rows far below the maximum underflow to 0/0",
        replace=[
            (
                "    shifted = z - np.max(z, axis=axis, keepdims=True)\n",
                "    shifted = z - np.max(z)\n",
            )
        ],
        message="global maximum instead of its own",
    ),
    Mutant(
        "global_max_guarded",
        "one shift for the whole array, 0/0 guarded: rows far below the maximum become 0",
        replace=[
            (
                "    shifted = z - np.max(z, axis=axis, keepdims=True)\n",
                "    shifted = z - np.max(z)\n",
            ),
            (
                "    return e / np.sum(e, axis=axis, keepdims=True)\n",
                "    total = np.sum(e, axis=axis, keepdims=True)\n"
                "    return e / np.where(total > 0, total, 1.0)\n",
            ),
        ],
        message="global maximum instead of its own",
    ),
    Mutant(
        "in_place_shift",
        "z -= max on the caller's array",
        replace=[
            (
                "    shifted = z - np.max(z, axis=axis, keepdims=True)\n",
                "    z -= np.max(z, axis=axis, keepdims=True)\n    shifted = z\n",
            )
        ],
        message="modified its input",
    ),
    Mutant(
        "no_validation",
        "empty and scalar z are not rejected",
        replace=[
            ("    if z.ndim == 0:\n", "    if False:\n"),
            ("    if z.size == 0:\n", "    if False:\n"),
            (
                "np.max(z, axis=axis, keepdims=True)",
                "np.max(z, axis=axis, keepdims=True, initial=0.0)",
            ),
        ],
    ),
]

VARIANTS = [
    Variant(
        "via_logsumexp",
        "exp(z - logsumexp(z)) with the logsumexp kata",
        append="""
def softmax(z, axis=-1):
    from calculus.logsumexp import logsumexp

    z = np.asarray(z, dtype=float)
    if z.ndim == 0 or z.size == 0:
        raise ValueError("need a non-empty array")
    return np.exp(z - np.expand_dims(logsumexp(z, axis=axis), axis))
""",
    ),
    Variant(
        "scipy",
        "scipy.special.softmax",
        append="""
def softmax(z, axis=-1):
    from scipy.special import softmax as sm

    z = np.asarray(z, dtype=float)
    if z.ndim == 0 or z.size == 0:
        raise ValueError("need a non-empty array")
    return sm(z, axis=axis)
""",
    ),
]
