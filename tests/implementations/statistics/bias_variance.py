from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "variance_divisor_b_minus_1",
        "variance across training sets with the divisor B - 1",
        replace=[
            (
                "variance = float(np.mean((predictions - average) ** 2))",
                "variance = float(np.mean(np.var(predictions, axis=0, ddof=1)))"
                " if predictions.shape[0] > 1 else 0.0",
            )
        ],
        message="B - 1",
    ),
    Mutant(
        "square_of_mean_bias",
        "(mean bias)^2 instead of mean(bias^2)",
        replace=[
            (
                "bias2 = float(np.mean((average - f_true) ** 2))",
                "bias2 = float(np.mean(average - f_true) ** 2)",
            )
        ],
        message="square of the mean bias",
    ),
    Mutant(
        "absolute_bias",
        "mean |bias| instead of the squared bias",
        replace=[
            (
                "bias2 = float(np.mean((average - f_true) ** 2))",
                "bias2 = float(np.mean(np.abs(average - f_true)))",
            )
        ],
        message="absolute bias",
    ),
    Mutant(
        "variance_over_points",
        "variance along axis 1 (across points) instead of axis 0",
        replace=[
            (
                "variance = float(np.mean((predictions - average) ** 2))",
                "variance = float(np.mean(np.var(predictions, axis=1)))",
            )
        ],
        message="across the n points",
    ),
    Mutant(
        "noise_left_out",
        "expected_mse = bias2 + variance",
        replace=[
            (
                "return BiasVariance(bias2, variance, bias2 + variance + noise_var)",
                "return BiasVariance(bias2, variance, bias2 + variance)",
            )
        ],
        message="noise variance was left out",
    ),
    Mutant(
        "negative_noise_accepted",
        "no check that noise_var >= 0",
        replace=[("np.isfinite(noise_var) and noise_var >= 0", "np.isfinite(noise_var)")],
    ),
    Mutant(
        "no_length_check",
        "f_true of the wrong length broadcasts or is truncated",
        replace=[
            (
                "if f_true.ndim != 1 or f_true.shape[0] != predictions.shape[1]:",
                "if f_true.ndim != 1:",
            ),
            (
                "average = predictions.mean(axis=0)",
                "average = predictions.mean(axis=0)\n    f_true = np.resize(f_true, average.shape)",
            ),
        ],
    ),
]

MUTANTS += [
    Mutant(
        "global_variance",
        "the variance of all predictions around the global mean, not per point across models",
        replace=[
            (
                "    variance = float(np.mean((predictions - average) ** 2))\n",
                "    variance = float(np.mean((predictions - predictions.mean()) ** 2))\n",
            )
        ],
        message="around one global mean",
    ),
]

VARIANTS = [
    Variant(
        "direct_mse_loop",
        "expected_mse from the mean squared error; terms accumulated point by point",
        append="""
def bias_variance(predictions, f_true, noise_var):
    P = np.asarray(predictions, dtype=float)
    f = np.asarray(f_true, dtype=float)
    if P.ndim != 2 or P.size == 0 or f.shape != (P.shape[1],):
        raise ValueError("shapes do not match")
    if noise_var < 0:
        raise ValueError("noise_var must be >= 0")
    B, n = P.shape
    bias2 = variance = 0.0
    for i in range(n):
        column = P[:, i]
        avg = column.sum() / B
        bias2 += (avg - f[i]) ** 2 / n
        variance += np.sum((column - avg) ** 2) / B / n
    mse = np.mean((P - f) ** 2) + noise_var
    return BiasVariance(bias2, variance, mse)
""",
    ),
]
