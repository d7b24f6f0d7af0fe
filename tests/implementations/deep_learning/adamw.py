"""Known mistakes in deep_learning/adamw (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RETURN = "    return AdamW(x - lr * (step + weight_decay * x), m, v)\n"

MUTANTS = [
    Mutant(
        "l2_in_gradient",
        "Adam with L2: g + wd·x into the moments, no separate decay",
        replace=[
            (
                "    m = beta1 * m + (1 - beta1) * g\n",
                "    g = g + weight_decay * x\n    m = beta1 * m + (1 - beta1) * g\n",
            ),
            (RETURN, "    return AdamW(x - lr * step, m, v)\n"),
        ],
        message="L2 added to the gradient",
    ),
    Mutant(
        "decay_not_times_lr",
        "x·(1 − wd) − lr·step",
        replace=[(RETURN, "    return AdamW(x - lr * step - weight_decay * x, m, v)\n")],
        message="not multiplied by lr",
    ),
    Mutant(
        "decay_after_step",
        "the decay applied to the updated x",
        replace=[(RETURN, "    return AdamW((x - lr * step) * (1 - lr * weight_decay), m, v)\n")],
        message="applied to the updated x",
    ),
    Mutant(
        "decay_divided_by_root",
        "the decay term inside Adam's scaling",
        replace=[
            (
                "    step = m_hat / (np.sqrt(v_hat) + eps)\n",
                "    step = (m_hat + weight_decay * x) / (np.sqrt(v_hat) + eps)\n",
            ),
            (RETURN, "    return AdamW(x - lr * step, m, v)\n"),
        ],
        message="divided by √v̂ + eps",
    ),
    Mutant(
        "no_bias_correction",
        "m̂ = m, v̂ = v",
        replace=[
            ("    m_hat = m / (1 - beta1**t)\n", "    m_hat = m\n"),
            ("    v_hat = v / (1 - beta2**t)\n", "    v_hat = v\n"),
        ],
        message="no bias correction",
    ),
    Mutant(
        "eps_inside_root",
        "√(v̂ + eps)",
        replace=[
            (
                "    step = m_hat / (np.sqrt(v_hat) + eps)\n",
                "    step = m_hat / np.sqrt(v_hat + eps)\n",
            )
        ],
        message="eps inside the square root",
    ),
    Mutant(
        "decay_wrong_sign",
        "x grows by lr·wd·x",
        replace=[(RETURN, "    return AdamW(x - lr * (step - weight_decay * x), m, v)\n")],
        message="wrong sign",
    ),
    Mutant(
        "returns_corrected_moments",
        "returns m̂ and v̂ instead of the raw moments",
        replace=[(RETURN, "    return AdamW(x - lr * (step + weight_decay * x), m_hat, v_hat)\n")],
        message="bias-corrected moments",
    ),
    Mutant(
        "t_from_zero",
        "bias correction with t + 1",
        replace=[
            ("    m_hat = m / (1 - beta1**t)\n", "    m_hat = m / (1 - beta1 ** (t + 1))\n"),
            ("    v_hat = v / (1 - beta2**t)\n", "    v_hat = v / (1 - beta2 ** (t + 1))\n"),
        ],
    ),
    Mutant(
        "in_place_update",
        "updates the caller's x in place",
        replace=[
            (
                RETURN,
                "    x -= lr * (step + weight_decay * x)\n    return AdamW(x, m, v)\n",
            )
        ],
        message="modified its input",
    ),
    Mutant(
        "negative_decay_accepted",
        "no check of weight_decay",
        replace=[("    if not weight_decay >= 0:\n", "    if weight_decay != weight_decay:\n")],
    ),
    Mutant(
        "t_unchecked",
        "accepts t = 0",
        replace=[(" or t < 1:\n", ":\n")],
    ),
    Mutant(
        "shapes_unchecked",
        "lets shapes broadcast",
        replace=[
            (
                "    if not (g.shape == m.shape == v.shape == x.shape):\n",
                "    if np.broadcast_shapes(g.shape, m.shape, v.shape, x.shape) != x.shape:\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "shrink_then_adam",
        "x·(1 − lr·wd) first, then the Adam step in Kingma and Ba's efficient form",
        append="""
def adamw_step(x, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    import math

    x, g, m, v = (np.array(a, dtype=float) for a in (x, g, m, v))
    if x.size == 0 or not (x.shape == g.shape == m.shape == v.shape):
        raise ValueError("x, g, m and v must be non-empty arrays of one shape")
    if not isinstance(t, int) or isinstance(t, bool) or t < 1:
        raise ValueError("t must be an integer >= 1")
    if not (lr > 0 and 0 <= beta1 < 1 and 0 <= beta2 < 1 and eps >= 0 and weight_decay >= 0):
        raise ValueError("a setting is out of range")
    x *= 1 - lr * weight_decay
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * np.square(g)
    c2 = math.sqrt(1 - beta2**t)
    x -= lr * c2 / (1 - beta1**t) * m / (np.sqrt(v) + eps * c2)
    return AdamW(x, m, v)
""",
    ),
]
