"""Known mistakes in deep_learning/lr_schedule (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

COSINE = (
    "    return float(min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress)))\n"
)

MUTANTS = [
    Mutant(
        "warmup_plus_one",
        "warm-up base_lr·(step + 1)/warmup_steps",
        replace=[("base_lr * step / warmup_steps", "base_lr * (step + 1) / warmup_steps")],
        message="(step + 1)/warmup_steps",
    ),
    Mutant(
        "progress_over_total",
        "cosine progress (step − w)/total_steps",
        replace=[
            (
                "    progress = (step - warmup_steps) / (total_steps - warmup_steps)\n",
                "    progress = (step - warmup_steps) / total_steps\n",
            )
        ],
        message="measured over total_steps",
    ),
    Mutant(
        "min_lr_ignored",
        "decays to 0 and stays there",
        replace=[
            (COSINE, "    return float(base_lr * 0.5 * (1.0 + math.cos(math.pi * progress)))\n"),
            ("        return float(min_lr)\n", "        return 0.0\n"),
        ],
        message="min_lr is ignored",
    ),
    Mutant(
        "no_clamp",
        "the cosine continues after total_steps",
        replace=[("    if step > total_steps:\n", "    if False:\n")],
        message="no clamp after total_steps",
    ),
    Mutant(
        "warmup_from_min_lr",
        "the warm-up climbs from min_lr",
        replace=[
            (
                "base_lr * step / warmup_steps",
                "min_lr + (base_lr - min_lr) * step / warmup_steps",
            )
        ],
        message="starts from min_lr",
    ),
    Mutant(
        "warmup_inclusive",
        "a warm-up over warmup_steps + 1 steps: lr(warmup_steps) = base_lr·w/(w + 1)",
        replace=[
            (
                "    if step < warmup_steps:\n        return float(base_lr * step / warmup_steps)\n",
                "    if step <= warmup_steps:\n        return float(base_lr * step / (warmup_steps + 1))\n",
            ),
        ],
    ),
    Mutant(
        "no_step_check",
        "accepts a negative step",
        replace=[("    if step < 0:\n", "    if False:\n")],
    ),
    Mutant(
        "no_integer_check",
        "accepts fractional step counts",
        replace=[("isinstance(value, bool) or not isinstance(value, numbers.Integral)", "False")],
    ),
    Mutant(
        "no_min_lr_check",
        "accepts min_lr above base_lr",
        replace=[("    if not 0 <= min_lr <= base_lr:\n", "    if min_lr < 0:\n")],
    ),
    Mutant(
        "returns_int_zero",
        "returns the int 0 at step 0 of the warm-up",
        replace=[
            (
                "        return float(base_lr * step / warmup_steps)\n",
                "        return float(base_lr * step / warmup_steps) if step else 0\n",
            )
        ],
        message="should return a float",
    ),
]

VARIANTS = [
    Variant(
        "piecewise_with_clamped_progress",
        "one formula: progress clamped to [0, 1] after the warm-up, the cosine written "
        "with cos² (half-angle)",
        append="""
def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    for v in (step, warmup_steps, total_steps):
        if isinstance(v, bool) or int(v) != v or not isinstance(v, numbers.Integral):
            raise ValueError("step counts must be integers")
    if step < 0 or warmup_steps < 0 or warmup_steps >= total_steps:
        raise ValueError("need step >= 0 and 0 <= warmup_steps < total_steps")
    if min_lr < 0 or min_lr > base_lr:
        raise ValueError("need 0 <= min_lr <= base_lr")
    if step < warmup_steps:
        return step / warmup_steps * base_lr
    p = min(1.0, (step - warmup_steps) / (total_steps - warmup_steps))
    return min_lr + (base_lr - min_lr) * math.cos(math.pi * p / 2) ** 2
""",
    ),
]
