"""Known mistakes in deep_learning/clip_grad_norm (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

CLIP = """    if total > max_norm:
        scale = max_norm / total
        for a in arrays.values():
            a *= scale  # our own copies (0-d arrays stay arrays)
"""

MUTANTS = [
    Mutant(
        "per_array_clipping",
        "clips each array by its own norm",
        replace=[
            (
                CLIP,
                """    for a in arrays.values():
        own = float(np.sqrt(np.sum(a * a)))
        if own > max_norm:
            a *= max_norm / own
""",
            )
        ],
        message="each array is clipped by its own norm",
    ),
    Mutant(
        "scales_up",
        "rescales to max_norm also when the norm is smaller",
        replace=[("    if total > max_norm:\n", "    if total > 0:\n")],
        message="scaled up when total_norm < max_norm",
    ),
    Mutant(
        "sum_of_norms",
        "total_norm = Σ per-array norms",
        replace=[
            (
                "    total = math.sqrt(sum(float(np.sum(a * a)) for a in arrays.values()))\n",
                "    total = sum(math.sqrt(float(np.sum(a * a))) for a in arrays.values())\n",
            )
        ],
        message="the sum of the per-array norms",
    ),
    Mutant(
        "returns_clipped_norm",
        "returns min(total_norm, max_norm)",
        replace=[
            (
                "    return Clipped(arrays, total)\n",
                "    return Clipped(arrays, min(total, max_norm))\n",
            )
        ],
        message="returned the norm after clipping",
    ),
    Mutant(
        "clip_by_value",
        "clips each entry to [-max_norm, max_norm]",
        replace=[
            (
                CLIP,
                "    arrays = {name: np.clip(a, -max_norm, max_norm) for name, a in arrays.items()}\n",
            )
        ],
        message="clip-by-value",
    ),
    Mutant(
        "torch_eps",
        "scale = max_norm/(total_norm + 1e-6), as PyTorch",
        replace=[
            ("        scale = max_norm / total\n", "        scale = max_norm / (total + 1e-6)\n")
        ],
        message="PyTorch's epsilon",
    ),
    Mutant(
        "squared_norm",
        "total_norm without the square root",
        replace=[
            (
                "    total = math.sqrt(sum(float(np.sum(a * a)) for a in arrays.values()))\n",
                "    total = sum(float(np.sum(a * a)) for a in arrays.values())\n",
            )
        ],
        message="squared norm",
    ),
    Mutant(
        "returns_callers_arrays",
        "hands back the caller's arrays when nothing is clipped",
        replace=[
            (
                "    arrays = {name: np.array(g, dtype=float) for name, g in grads.items()}  # copies\n",
                "    arrays = {name: np.asarray(g, dtype=float) for name, g in grads.items()}\n",
            ),
            ("            a *= scale  # our own copies (0-d arrays stay arrays)\n", ""),
            (
                "        for a in arrays.values():\n",
                "        arrays = {n: a * scale for n, a in arrays.items()}\n",
            ),
        ],
        message="the caller's array",
    ),
    Mutant(
        "clips_in_place",
        "scales the caller's arrays in place",
        replace=[
            (
                "    arrays = {name: np.array(g, dtype=float) for name, g in grads.items()}  # copies\n",
                "    arrays = {name: np.asarray(g, dtype=float) for name, g in grads.items()}\n",
            )
        ],
        message="modified its input `grads`",
    ),
    Mutant(
        "no_max_norm_check",
        "accepts max_norm <= 0",
        replace=[(" or not max_norm > 0:", ":")],
    ),
    Mutant(
        "empty_dict_accepted",
        "returns an empty dict for no gradients",
        replace=[(" or len(grads) == 0:", ":")],
    ),
]

VARIANTS = [
    Variant(
        "concatenated_vector",
        "np.linalg.norm of all entries laid end to end; a factor min(1, max/total) "
        "applied to every array (a 0-d array comes back as a NumPy scalar)",
        append="""
def clip_grad_norm(grads, max_norm):
    if not isinstance(grads, dict) or not grads:
        raise ValueError("grads must be a non-empty dict")
    if not (isinstance(max_norm, (int, float)) and max_norm > 0):
        raise ValueError("max_norm must be positive")
    arrays = {k: np.asarray(v, dtype=float) for k, v in grads.items()}
    total = float(np.linalg.norm(np.concatenate([a.ravel() for a in arrays.values()])))
    factor = max_norm / total if total > max_norm else 1.0
    return Clipped({k: a * factor for k, a in arrays.items()}, total)
""",
    ),
    Variant(
        "norm_of_norms",
        "the global norm as the 2-norm of the per-array norms (np.hypot reduce)",
        append="""
def clip_grad_norm(grads, max_norm):
    if not isinstance(grads, dict) or len(grads) == 0:
        raise ValueError("grads must be a non-empty dict")
    if not max_norm > 0:
        raise ValueError("max_norm must be positive")
    out = {k: np.array(v, dtype=float, copy=True) for k, v in grads.items()}
    norms = [float(np.sqrt(np.sum(np.square(a)))) for a in out.values()]
    total = float(np.hypot.reduce(np.array(norms)))
    if total > max_norm:
        out = {k: a * (max_norm / total) for k, a in out.items()}
    return Clipped(grads=out, total_norm=total)
""",
    ),
]
