"""Known mistakes in deep_learning/gelu (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

GRAD_RETURN = "    return Phi + x * phi\n"
TANH_RETURN = "    return 0.5 * x * (1.0 + np.tanh(u))\n"

MUTANTS = [
    Mutant(
        "gelu_is_the_tanh_approximation",
        "gelu returns the tanh approximation",
        append="""
def gelu(x):
    return gelu_tanh(x)
""",
        message="gelu returns the tanh approximation",
    ),
    Mutant(
        "grad_without_x_phi",
        "the derivative forgets the x*phi(x) term of the product rule",
        replace=[(GRAD_RETURN, "    return Phi + 0 * phi\n")],
        message="missing the x*phi(x) term",
    ),
    Mutant(
        "erf_without_sqrt2",
        "Phi(x) = (1 + erf(x))/2, the /sqrt(2) missing",
        append="""
def gelu(x):
    x = np.asarray(x, dtype=float)
    return x * 0.5 * (1 + np.vectorize(math.erf, otypes=[float])(x))
""",
        message="erf(x) without the /sqrt(2)",
    ),
    Mutant(
        "one_plus_erf",
        "Phi = (1 + erf(x/sqrt 2))/2, which cancels to 0 in the left tail",
        append="""
def gelu(x):
    x = np.asarray(x, dtype=float)
    return x * 0.5 * (1 + np.vectorize(math.erf, otypes=[float])(x / math.sqrt(2)))
""",
        message="cancels to 0 in the left tail",
    ),
    Mutant(
        "grad_one_plus_erf",
        "gelu_grad with Phi = (1 + erf(x/sqrt 2))/2",
        replace=[
            (
                GRAD_RETURN,
                "    Phi = 0.5 * (1 + np.vectorize(math.erf, otypes=[float])(x / math.sqrt(2)))\n"
                + GRAD_RETURN,
            )
        ],
        message="cancels in the left tail",
    ),
    Mutant(
        "tanh_from_exp",
        "tanh built as (e^2u - 1)/(e^2u + 1): overflows for x of about 30",
        replace=[
            (
                TANH_RETURN,
                "    e = np.exp(2 * u)\n    return 0.5 * x * (1.0 + (e - 1) / (e + 1))\n",
            )
        ],
        message="not a ratio of exponentials",
    ),
    Mutant(
        "grad_by_finite_differences",
        "gelu_grad as a central difference of gelu (h = 1e-5)",
        append="""
def gelu_grad(x):
    x = np.asarray(x, dtype=float)
    return (gelu(x + 1e-5) - gelu(x - 1e-5)) / 2e-5
""",
    ),
    Mutant(
        "phi_not_normalised",
        "phi(x) = exp(-x^2/2), without 1/sqrt(2 pi)",
        replace=[
            (
                "    phi = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)\n",
                "    phi = np.exp(-0.5 * x * x)\n",
            )
        ],
    ),
    Mutant(
        "tanh_wrong_constant",
        "sqrt(2/pi) written 2/pi in the approximation",
        replace=[
            (
                "    u = math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)\n",
                "    u = 2.0 / math.pi * (x + 0.044715 * x**3)\n",
            )
        ],
    ),
    Mutant(
        "in_place",
        "gelu multiplies the caller's array in place",
        replace=[
            ("    return x * Phi\n", "    x *= Phi\n    return x\n"),
        ],
        message="modified its input `x`",
    ),
]

VARIANTS = [
    Variant(
        "scipy_ndtr_and_sigmoid",
        "Phi from scipy.special.ndtr, the tanh form as x * sigmoid(2u) written stably",
        append="""
from scipy import special


def gelu(x):
    x = np.asarray(x, dtype=float)
    return x * special.ndtr(x)


def gelu_grad(x):
    x = np.asarray(x, dtype=float)
    return special.ndtr(x) + x * np.exp(-x * x / 2) / np.sqrt(2 * np.pi)


def gelu_tanh(x):
    x = np.asarray(x, dtype=float)
    z = 2 * np.sqrt(2 / np.pi) * (x + 0.044715 * x * x * x)
    e = np.exp(-np.abs(z))
    sig = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return x * sig
""",
    ),
]
