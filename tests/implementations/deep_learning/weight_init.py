"""Known mistakes in deep_learning/weight_init (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

HE_DRAW = "    return rng.standard_normal((fan_in, fan_out)) * std\n"
XAVIER_DRAW = "    return rng.uniform(-a, a, size=(fan_in, fan_out))\n"

MUTANTS = [
    Mutant(
        "he_fan_out",
        "He's std from fan_out (PyTorch's (out, in) layout read as (in, out))",
        replace=[("std = np.sqrt(2.0 / fan_in)", "std = np.sqrt(2.0 / fan_out)")],
        message="He with fan_out",
    ),
    Mutant(
        "variance_as_std",
        "the variance 2/fan_in used as the standard deviation",
        replace=[("std = np.sqrt(2.0 / fan_in)", "std = 2.0 / fan_in")],
        message="the variance 2/fan_in used as the std",
    ),
    Mutant(
        "lecun_std",
        "std = sqrt(1/fan_in): the ReLU gain is missing",
        replace=[("std = np.sqrt(2.0 / fan_in)", "std = np.sqrt(1.0 / fan_in)")],
        message="LeCun",
    ),
    Mutant(
        "xavier_normal_std_as_bound",
        "the Xavier normal std sqrt(2/(fan_in + fan_out)) used as the uniform bound",
        replace=[
            (
                "a = gain * np.sqrt(6.0 / (fan_in + fan_out))",
                "a = gain * np.sqrt(2.0 / (fan_in + fan_out))",
            )
        ],
        message="Xavier *normal* std",
    ),
    Mutant(
        "no_gain",
        "the gain is ignored",
        replace=[
            (
                "a = gain * np.sqrt(6.0 / (fan_in + fan_out))",
                "a = np.sqrt(6.0 / (fan_in + fan_out))",
            )
        ],
        message="the gain is left out",
    ),
    Mutant(
        "truncated_normal",
        "Keras's he_normal: a normal truncated at 2 std (redrawn), std divided by .8796",
        replace=[
            (
                HE_DRAW,
                "    z = rng.standard_normal((fan_in, fan_out))\n"
                "    while np.any(np.abs(z) > 2):\n"
                "        bad = np.abs(z) > 2\n"
                "        z[bad] = rng.standard_normal(int(bad.sum()))\n"
                "    return z * std / 0.87962566103423978\n",
            )
        ],
        message="truncated normal",
    ),
    Mutant(
        "truncated_by_clipping",
        "a normal clipped to 2 std",
        replace=[
            (HE_DRAW, "    return np.clip(rng.standard_normal((fan_in, fan_out)), -2, 2) * std\n")
        ],
        message="truncated normal",
    ),
    Mutant(
        "xavier_transposed_draw",
        "draws (fan_out, fan_in) and transposes",
        replace=[(XAVIER_DRAW, "    return rng.uniform(-a, a, size=(fan_out, fan_in)).T\n")],
        message="drawn as (fan_out, fan_in) and transposed",
    ),
    Mutant(
        "he_transposed_draw",
        "draws (fan_out, fan_in) and transposes",
        replace=[(HE_DRAW, "    return rng.standard_normal((fan_out, fan_in)).T * std\n")],
        message="drawn as (fan_out, fan_in) and transposed",
    ),
    Mutant(
        "extra_draw",
        "draws one number too many (the values are right, the generator's state is not)",
        replace=[
            (
                HE_DRAW,
                "    W = rng.standard_normal((fan_in, fan_out)) * std\n    rng.random()\n    return W\n",
            )
        ],
        message="the generator was not left as the protocol leaves it",
    ),
    Mutant(
        "fresh_generator",
        "ignores the caller's generator and seeds its own",
        replace=[
            (
                XAVIER_DRAW,
                "    return np.random.default_rng(0).uniform(-a, a, size=(fan_in, fan_out))\n",
            )
        ],
    ),
    Mutant(
        "no_fan_validation",
        "he_normal accepts fans that are not integers >= 1 (rng raises TypeError or gives empty W)",
        append="""
def he_normal(fan_in, fan_out, rng):
    return rng.standard_normal((int(fan_in), int(fan_out))) * np.sqrt(2.0 / fan_in)
""",
    ),
    Mutant(
        "no_gain_validation",
        "gain <= 0 accepted",
        replace=[
            ('        raise ValueError(f"gain must be positive, got {gain}")\n', "        pass\n")
        ],
    ),
]

VARIANTS = [
    Variant(
        "affine_uniforms_and_normal_call",
        "a*(2*rng.random(...) - 1) and rng.normal(0, std, size=...), validation by operator.index",
        append="""
import operator


def _fans(fan_in, fan_out):
    try:
        fan_in, fan_out = operator.index(fan_in), operator.index(fan_out)
    except TypeError as exc:
        raise ValueError("fan_in and fan_out must be integers") from exc
    if min(fan_in, fan_out) < 1:
        raise ValueError("fan_in and fan_out must be at least 1")
    return fan_in, fan_out


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    fan_in, fan_out = _fans(fan_in, fan_out)
    if gain <= 0:
        raise ValueError("gain must be positive")
    bound = gain * (6 / (fan_in + fan_out)) ** 0.5
    return bound * (2 * rng.random((fan_in, fan_out)) - 1)


def he_normal(fan_in, fan_out, rng):
    fan_in, fan_out = _fans(fan_in, fan_out)
    return rng.normal(0.0, (2 / fan_in) ** 0.5, size=(fan_in, fan_out))
""",
    ),
]
