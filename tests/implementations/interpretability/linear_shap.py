"""Known mistakes in interpretability/linear_shap (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RETURN = "    return w * (x - background.mean(axis=0))\n"

MUTANTS = [
    Mutant(
        "no_centering",
        "phi = w * x",
        replace=[(RETURN, "    return w * x\n")],
        message="the background mean is not subtracted",
    ),
    Mutant(
        "no_weights",
        "phi = x - mean",
        replace=[(RETURN, "    return x - background.mean(axis=0)\n")],
        message="the weights are left out",
    ),
    Mutant(
        "sign_flipped",
        "phi = w * (mean - x)",
        replace=[(RETURN, "    return w * (background.mean(axis=0) - x)\n")],
        message="the sign is flipped",
    ),
    Mutant(
        "median",
        "the background's median",
        replace=[(RETURN, "    return w * (x - np.median(background, axis=0))\n")],
        message="the median of the background",
    ),
    Mutant(
        "wrong_axis",
        "the background averaged per row",
        replace=[(RETURN, "    return w * (x - background.mean(axis=1))\n")],
        message="wrong axis",
    ),
    Mutant(
        "divided_by_d",
        "phi divided by d",
        replace=[(RETURN, "    return w * (x - background.mean(axis=0)) / d\n")],
        message="divided by d",
    ),
    Mutant(
        "total_only",
        "returns the sum w·(x - mean), a scalar",
        replace=[(RETURN, "    return np.dot(w, x - background.mean(axis=0))\n")],
        message="shape",
    ),
    Mutant(
        "background_ndim_unchecked",
        "a 1-D background is averaged to a scalar instead of being refused",
        replace=[
            (
                "    if background.ndim != 2 or background.shape[0] == 0 or background.shape[1] != d:\n",
                "    if background.ndim == 2 and (background.shape[0] == 0 or background.shape[1] != d):\n",
            )
        ],
    ),
    Mutant(
        "empty_background_accepted",
        "no rows: the mean is NaN",
        replace=[
            (
                "    if background.ndim != 2 or background.shape[0] == 0 or background.shape[1] != d:\n",
                "    if background.ndim != 2 or background.shape[1] != d:\n",
            )
        ],
    ),
    Mutant(
        "w_ndim_unchecked",
        "a 2-D w broadcasts to a matrix",
        replace=[
            (
                "    if w.ndim != 1 or x.ndim != 1 or x.size == 0:\n",
                "    if x.ndim != 1 or x.size == 0:\n",
            ),
            ("    if w.size != d:\n", "    if w.shape[0] != d:\n"),
        ],
    ),
    Mutant(
        "centres_x_in_place",
        "subtracts the mean from the caller's x in place",
        replace=[
            (
                "    x = np.asarray(x, dtype=float)\n",
                "    x = np.asarray(x, dtype=float)\n    _x = x\n",
            ),
            (RETURN, "    _x -= background.mean(axis=0)\n    return w * _x\n"),
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "through_exact_shapley",
        "the exact Shapley values of the earlier kata with the model z @ w",
        append="""
from interpretability.shapley import exact_shapley_values


def linear_shap(w, x, background):
    w = np.asarray(w, dtype=float)
    x = np.asarray(x, dtype=float)
    if w.ndim != 1 or w.shape != x.shape:
        raise ValueError("w and x must be 1-D of the same length")
    if x.size > 16:
        return w * (x - np.asarray(background, dtype=float).mean(axis=0))
    return exact_shapley_values(lambda Z: Z @ w, x, background)
""",
    ),
    Variant(
        "difference_of_weighted_sums",
        "w·x per feature minus the mean of the weighted background rows",
        append="""
def linear_shap(w, x, background):
    w, x, bg = (np.asarray(a, dtype=float) for a in (w, x, background))
    if w.ndim != 1 or x.ndim != 1 or not x.size or w.size != x.size:
        raise ValueError("w and x must be non-empty 1-D of the same length")
    if bg.ndim != 2 or not len(bg) or bg.shape[1] != x.size:
        raise ValueError("background must be (B, d)")
    return w * x - np.einsum("rd,d->d", bg, w) / len(bg)
""",
    ),
]
