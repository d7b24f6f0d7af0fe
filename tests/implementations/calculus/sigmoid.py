from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "naive_exp",
        "1 / (1 + exp(-z)): exp(1e4) overflows",
        replace=[
            (
                "    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n",
                "    return 1.0 / (1.0 + np.exp(-z))\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "where_evaluates_both_branches",
        "np.where(z >= 0, 1/(1 + exp(-z)), exp(z)/(1 + exp(z))): both branches are computed",
        replace=[
            (
                "    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n",
                "    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "naive_grad",
        "exp(-z) / (1 + exp(-z))**2: overflow, then inf/inf",
        replace=[
            ("    return e / (1.0 + e) ** 2\n", "    return np.exp(-z) / (1.0 + np.exp(-z)) ** 2\n")
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "grad_sign",
        "σ(z)(1 + σ(z))",
        replace=[
            ("    return e / (1.0 + e) ** 2\n", "    s = sigmoid(z)\n    return s * (1 + s)\n")
        ],
        message="σ(z)(1 + σ(z))",
    ),
    Mutant(
        "flipped_sign",
        "1 / (1 + e^{z}) via the wrong branch",
        replace=[
            (
                "np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))",
                "np.where(z < 0, 1.0 / (1.0 + e), e / (1.0 + e))",
            )
        ],
        message="the sign of z is flipped",
    ),
    Mutant(
        "modifies_input",
        "takes |z| in place on the caller's array",
        replace=[
            (
                "    e = np.exp(-np.abs(z))\n    return np.where",
                "    sign = z >= 0\n    np.abs(z, out=z)\n    e = np.exp(-z)\n    z = np.where(sign, 1.0, -1.0)\n    return np.where",
            )
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "tanh_form",
        "σ(z) = (1 + tanh(z/2))/2 and σ' = σ(1 - σ)",
        append="""
def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


def sigmoid_grad(z):
    s = sigmoid(z)
    return s * (1.0 - s)
""",
    ),
    Variant(
        "scipy_expit",
        "scipy.special.expit",
        append="""
def sigmoid(z):
    from scipy.special import expit

    return expit(np.asarray(z, dtype=float))


def sigmoid_grad(z):
    s = sigmoid(z)
    return s * sigmoid(-np.asarray(z, dtype=float))
""",
    ),
]
