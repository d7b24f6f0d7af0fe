"""Known mistakes in optimization/adam (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_bias_correction",
        "steps with the raw moments",
        replace=[
            ("    m_hat = m / (1 - beta1**t)\n", "    m_hat = m\n"),
            ("    v_hat = v / (1 - beta2**t)\n", "    v_hat = v\n"),
        ],
        message="no bias correction",
    ),
    Mutant(
        "eps_inside_root",
        "adds eps under the square root",
        replace=[("(np.sqrt(v_hat) + eps)", "np.sqrt(v_hat + eps)")],
        message="eps inside the square root",
    ),
    Mutant(
        "t_from_zero",
        "treats t as counting from 0: corrects with beta^(t + 1) and accepts t = 0",
        replace=[
            ("t < 1:\n", "t < 0:\n"),
            ("    m_hat = m / (1 - beta1**t)\n", "    m_hat = m / (1 - beta1 ** (t + 1))\n"),
            ("    v_hat = v / (1 - beta2**t)\n", "    v_hat = v / (1 - beta2 ** (t + 1))\n"),
        ],
        message="t counts from 1",
    ),
    Mutant(
        "returns_corrected_moments",
        "returns m_hat and v_hat as the running moments",
        replace=[("eps), m, v)", "eps), m_hat, v_hat)")],
        message="returned m_hat",
    ),
    Mutant(
        "only_m_corrected",
        "bias-corrects m but not v",
        replace=[("    v_hat = v / (1 - beta2**t)\n", "    v_hat = v\n")],
        message="only m is bias-corrected",
    ),
    Mutant(
        "ascent",
        "adds the step",
        replace=[("Adam(x - lr * m_hat", "Adam(x + lr * m_hat")],
        message="ascent",
    ),
    Mutant(
        "undamped_m",
        "m <- beta1 m + g",
        replace=[("m = beta1 * m + (1 - beta1) * g", "m = beta1 * m + g")],
        message="weighted by (1 - beta1)",
    ),
    Mutant(
        "abs_not_square",
        "second moment of |g| instead of g^2",
        replace=[("(1 - beta2) * g * g", "(1 - beta2) * np.abs(g)")],
        message="instead of g^2",
    ),
    Mutant(
        "in_place_moments",
        "updates the caller's m and v in place",
        replace=[
            (
                "    m = beta1 * m + (1 - beta1) * g\n",
                "    m *= beta1\n    m += (1 - beta1) * g\n",
            ),
            (
                "    v = beta2 * v + (1 - beta2) * g * g\n",
                "    v *= beta2\n    v += (1 - beta2) * g * g\n",
            ),
            ("eps), m, v)", "eps), m.copy(), v.copy())"),
        ],
        message="modified its input",
    ),
    Mutant(
        "no_shape_check",
        "broadcasts moments of another shape",
        replace=[("    if not (g.shape == m.shape == v.shape == x.shape):\n", "    if False:\n")],
    ),
    Mutant(
        "no_parameter_checks",
        "accepts beta = 1, a zero learning rate and a negative eps",
        replace=[
            ("    if not lr > 0:\n", "    if False:\n"),
            ("    if not (0 <= beta1 < 1 and 0 <= beta2 < 1):\n", "    if False:\n"),
            ("    if not eps >= 0:\n", "    if False:\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "efficient_form",
        "Kingma and Ba's efficient form: a corrected step size and eps scaled by sqrt(1 - beta2^t)",
        append="""
def adam_step(x, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    x, g, m, v = (np.array(a, dtype=float) for a in (x, g, m, v))
    if x.size == 0 or not (x.shape == g.shape == m.shape == v.shape):
        raise ValueError("x, g, m and v must be non-empty and of one shape")
    if int(t) != t or t < 1:
        raise ValueError("t counts from 1")
    if lr <= 0 or not 0 <= beta1 < 1 or not 0 <= beta2 < 1 or eps < 0:
        raise ValueError("a hyperparameter is out of range")
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * np.square(g)
    c2 = np.sqrt(1 - beta2**t)
    alpha = lr * c2 / (1 - beta1**t)
    return Adam(x=x - alpha * m / (np.sqrt(v) + eps * c2), m=m, v=v)
""",
    ),
    Variant(
        "torch_adam",
        "one step of torch.optim.Adam-style arithmetic written out with sqrt(v)/sqrt(c2)",
        append="""
def adam_step(x, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    x, g, m, v = (np.asarray(a, dtype=float) for a in (x, g, m, v))
    if x.size == 0 or not (x.shape == g.shape == m.shape == v.shape):
        raise ValueError("x, g, m and v must be non-empty and of one shape")
    if t != int(t) or t < 1:
        raise ValueError("t counts from 1")
    if not (lr > 0 and 0 <= beta1 < 1 and 0 <= beta2 < 1 and eps >= 0):
        raise ValueError("a hyperparameter is out of range")
    m = m + (1 - beta1) * (g - m)
    v = v * beta2 + (1 - beta2) * g * g
    denominator = np.sqrt(v) / np.sqrt(1 - beta2**t) + eps
    return Adam(x - (lr / (1 - beta1**t)) * m / denominator, m, v)
""",
    ),
]
