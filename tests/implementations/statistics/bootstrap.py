from mlkata.mutation import Mutant, Variant

QUANTILES = "np.quantile(stats, [(1 - confidence) / 2, (1 + confidence) / 2])"

MUTANTS = [
    Mutant(
        "one_tail_levels",
        "quantiles at 1 - c and c",
        replace=[(QUANTILES, "np.quantile(stats, [1 - confidence, confidence])")],
        message="quantiles at 1 - c and c",
    ),
    Mutant(
        "alpha_confusion",
        "quantiles at c / 2 and 1 - c / 2",
        replace=[(QUANTILES, "np.quantile(stats, [confidence / 2, 1 - confidence / 2])")],
        message="c / 2 and 1 - c / 2",
    ),
    Mutant(
        "statistic_of_x",
        "evaluates the statistic on x instead of each resample",
        replace=[("float(statistic(x[row])) for row in idx", "float(statistic(x)) for row in idx")],
        message="of x itself",
    ),
    Mutant(
        "nearest_rank",
        "nearest-rank quantiles instead of linear interpolation",
        replace=[
            (
                QUANTILES,
                "np.quantile(stats, [(1 - confidence) / 2, (1 + confidence) / 2],"
                ' method="nearest")',
            )
        ],
        message="nearest-rank",
    ),
    Mutant(
        "transposed_indices",
        "draws idx with shape (n, n_boot) and resamples by column",
        replace=[
            (
                "idx = rng.integers(0, n, size=(int(n_boot), n))",
                "idx = rng.integers(0, n, size=(n, int(n_boot))).T",
            )
        ],
    ),
    Mutant(
        "without_replacement",
        "resamples with rng.permutation (no replacement)",
        replace=[
            (
                "idx = rng.integers(0, n, size=(int(n_boot), n))",
                "idx = np.array([rng.permutation(n) for _ in range(int(n_boot))])",
            )
        ],
    ),
    Mutant(
        "extra_draw",
        "draws one number from rng before the protocol",
        replace=[
            (
                "    idx = rng.integers(0, n, size=(int(n_boot), n))\n",
                "    rng.random()\n    idx = rng.integers(0, n, size=(int(n_boot), n))\n",
            )
        ],
    ),
    Mutant(
        "extra_draw_after",
        "draws from rng after the resamples (the interval is right, the state is not)",
        replace=[
            (
                "    stats = np.array(",
                "    rng.random()\n    stats = np.array(",
            )
        ],
        message="rng was used differently",
    ),
    Mutant(
        "no_confidence_check",
        "accepts confidence 0 or 1",
        replace=[("    if not 0 < confidence < 1:\n", "    if not 0 <= confidence <= 1:\n")],
    ),
]

VARIANTS = [
    Variant(
        "choice_and_hand_quantile",
        "rng.choice(x, size=(B, n)) (the same stream) and a hand-written linear quantile",
        append="""
def bootstrap_ci(x, statistic, n_boot, confidence, rng):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x must be 1-D and non-empty")
    if n_boot != int(n_boot) or n_boot < 1 or not 0 < confidence < 1:
        raise ValueError("bad n_boot or confidence")
    samples = rng.choice(x, size=(int(n_boot), x.size))
    stats = np.sort([statistic(s) for s in samples])

    def q(p):
        h = p * (len(stats) - 1)
        lo = int(np.floor(h))
        hi = min(lo + 1, len(stats) - 1)
        return stats[lo] + (h - lo) * (stats[hi] - stats[lo])

    return Interval(q((1 - confidence) / 2), q((1 + confidence) / 2))
""",
    ),
    Variant(
        "row_by_row_percentile",
        "draws each resample's indices in turn (same stream) and uses np.percentile",
        append="""
def bootstrap_ci(x, statistic, n_boot, confidence, rng):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x must be 1-D and non-empty")
    if n_boot != int(n_boot) or n_boot < 1 or not 0 < confidence < 1:
        raise ValueError("bad n_boot or confidence")
    stats = [statistic(x[rng.integers(0, x.size, size=x.size)]) for _ in range(int(n_boot))]
    alpha = 100 * (1 - confidence) / 2
    low, high = np.percentile(stats, [alpha, 100 - alpha])
    return Interval(low, high)
""",
    ),
]
