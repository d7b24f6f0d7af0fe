"""Known mistakes in deep_learning/dropout (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_rescaling",
        "Y = X * mask: the survivors are not divided by 1 - p",
        replace=[("    Y = X * mask / (1.0 - p)\n", "    Y = X * mask\n")],
        message="no rescaling",
    ),
    Mutant(
        "p_as_keep_probability",
        "mask u < p and scale 1/p: p read as the probability of keeping a unit",
        replace=[
            (
                "    mask = np.asarray(u >= p, dtype=bool)\n",
                "    mask = np.asarray(u < p, dtype=bool)\n",
            ),
            ("    Y = X * mask / (1.0 - p)\n", "    Y = X * mask / p\n"),
        ],
        message="keep probability",
    ),
    Mutant(
        "backward_without_scale",
        "the backward pass forgets the 1/(1 - p)",
        replace=[("    return dY * (mask != 0) / (1.0 - p)\n", "    return dY * (mask != 0)\n")],
        message="missing the 1/(1 - p)",
    ),
    Mutant(
        "p_one_accepted",
        "p = 1 accepted by the forward pass (division by zero)",
        replace=[
            (
                "    if not 0.0 <= p < 1.0:\n"
                '        raise ValueError(f"the drop probability p must be in [0, 1), got {p}")\n'
                "    u = rng.random(X.shape)\n",
                "    if not 0.0 <= p <= 1.0:\n"
                '        raise ValueError(f"the drop probability p must be in [0, 1), got {p}")\n'
                "    u = rng.random(X.shape)\n",
            )
        ],
    ),
    Mutant(
        "backward_p_one_accepted",
        "p = 1 accepted by the backward pass",
        replace=[
            (
                "    p = float(p)\n    if not 0.0 <= p < 1.0:\n"
                '        raise ValueError(f"the drop probability p must be in [0, 1), got {p}")\n'
                "    if mask.shape",
                "    p = float(p)\n    if not 0.0 <= p <= 1.0:\n"
                '        raise ValueError(f"the drop probability p must be in [0, 1), got {p}")\n'
                "    if mask.shape",
            )
        ],
    ),
    Mutant(
        "strict_comparison",
        "a unit with u == p is dropped (mask u > p)",
        replace=[("np.asarray(u >= p, dtype=bool)", "np.asarray(u > p, dtype=bool)")],
        message="drops u == p",
    ),
    Mutant(
        "inverted_mask_returned",
        "Y is right but the returned mask is True where units are dropped",
        replace=[("    return Dropout(Y, mask)\n", "    return Dropout(Y, ~mask)\n")],
        message="sense is inverted",
    ),
    Mutant(
        "float_mask",
        "the mask comes back as 0/1 floats",
        replace=[("    return Dropout(Y, mask)\n", "    return Dropout(Y, mask.astype(float))\n")],
        message="should be a bool array",
    ),
    Mutant(
        "p_zero_skips_the_draw",
        "p = 0 returns X without drawing, so the generator is not advanced",
        replace=[
            (
                "    u = rng.random(X.shape)\n",
                "    if p == 0:\n        return Dropout(X, np.ones(X.shape, dtype=bool))\n"
                "    u = rng.random(X.shape)\n",
            )
        ],
        message="the generator was not used as the protocol says",
    ),
    Mutant(
        "drops_in_place",
        "zeroes the caller's X in place",
        replace=[
            (
                "    X = np.array(X, dtype=float)\n    p = float(p)\n",
                "    X = np.asarray(X, dtype=float)\n    p = float(p)\n",
            ),
            ("    Y = X * mask / (1.0 - p)\n", "    X *= mask / (1.0 - p)\n    Y = X\n"),
        ],
        message="modified its input `X`",
    ),
    Mutant(
        "mask_shape_unchecked",
        "a mask of another shape is broadcast",
        replace=[
            (
                '        raise ValueError(f"mask has shape {mask.shape}, dY has shape {dY.shape}")\n',
                "        pass\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "flat_uniforms_and_where",
        "rng.uniform on X.size reshaped (the same numbers and state), np.where for Y and dX",
        append="""
def dropout_forward(X, p, rng):
    if not (p >= 0 and p < 1):
        raise ValueError("p must lie in [0, 1)")
    X = np.asarray(X, dtype=float)
    u = np.reshape(rng.uniform(0.0, 1.0, X.size), X.shape)
    keep = ~(u < p)
    return Dropout(np.where(keep, X / (1 - p), 0.0), keep)


def dropout_backward(dY, mask, p):
    if not (p >= 0 and p < 1):
        raise ValueError("p must lie in [0, 1)")
    if np.shape(mask) != np.shape(dY):
        raise ValueError("mask and dY shapes differ")
    return np.where(np.asarray(mask, dtype=bool), np.asarray(dY, dtype=float) / (1 - p), 0.0)
""",
    ),
]
