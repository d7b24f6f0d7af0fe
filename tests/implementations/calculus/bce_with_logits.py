from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "log_of_sigmoid",
        "-(y log σ(z) + (1 - y) log(1 - σ(z))): log(0) = -inf for confident logits",
        replace=[
            (
                "    losses = np.maximum(z, 0.0) - y * z + np.log1p(e)\n",
                "    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n"
                "    losses = -(y * np.log(s) + (1 - y) * np.log(1 - s))\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "naive_softplus",
        "log(1 + exp(-z)) + (1 - y) z: exp overflows for z = -1000",
        replace=[
            (
                "    losses = np.maximum(z, 0.0) - y * z + np.log1p(e)\n",
                "    losses = np.log(1 + np.exp(-z)) + (1 - y) * z\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "no_division_by_n",
        "grad = σ(z) - y",
        replace=[("(sigma - y) / n)", "(sigma - y))")],
        message="no division by n",
    ),
    Mutant(
        "gradient_sign",
        "grad = (y - σ(z)) / n",
        replace=[("(sigma - y) / n)", "(y - sigma) / n)")],
        message="wrong sign",
    ),
    Mutant(
        "summed_loss",
        "loss summed, not averaged",
        replace=[("float(np.mean(losses))", "float(np.sum(losses))")],
        message="not averaged",
    ),
    Mutant(
        "no_target_check",
        "targets outside [0, 1] are not rejected",
        replace=[("    if np.any((y < 0) | (y > 1)):\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "logaddexp_and_sigmoid_kata",
        "softplus via np.logaddexp and the sigmoid kata for the gradient",
        append="""
def bce_with_logits(z, y):
    from calculus.sigmoid import sigmoid

    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    if z.ndim != 1 or z.shape != y.shape or z.size == 0:
        raise ValueError("z and y must be non-empty 1-D arrays of one length")
    if y.min() < 0 or y.max() > 1:
        raise ValueError("y outside [0, 1]")
    loss = np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))
    return Loss(loss, (sigmoid(z) - y) / z.size)
""",
    ),
]
