"""Known mistakes in reinforcement_learning/ucb1 (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

BONUS = "        index[tried] = means[tried] + np.sqrt(c * np.log(total) / n[tried])\n"
ARM = "    arm = int(np.flatnonzero(index == index.max())[0])\n"

MUTANTS = [
    Mutant(
        "c_outside_root",
        "c * sqrt(ln N / n_j)",
        replace=[
            (BONUS, "        index[tried] = means[tried] + c * np.sqrt(np.log(total) / n[tried])\n")
        ],
        message="c outside the square root",
    ),
    Mutant(
        "log_n_plus_one",
        "ln(N + 1)",
        replace=[(BONUS, BONUS.replace("np.log(total)", "np.log(total + 1)"))],
        message="ln(N + 1)",
    ),
    Mutant(
        "log_n_j",
        "ln n_j in place of ln N",
        replace=[(BONUS, BONUS.replace("np.log(total)", "np.log(n[tried])"))],
        message="ln n_j in place of ln N",
    ),
    Mutant(
        "untried_scored_by_mean",
        "an untried arm's index is its mean",
        replace=[("    index = np.full(n.size, np.inf)\n", "    index = means.copy()\n")],
        message="untried arms scored by their mean",
    ),
    Mutant(
        "untried_skipped",
        "untried arms get -inf (never chosen while another arm has been tried)",
        replace=[
            ("    index = np.full(n.size, np.inf)\n", "    index = np.full(n.size, -np.inf)\n")
        ],
    ),
    Mutant(
        "ties_to_highest_index",
        "the last of the largest indices",
        replace=[(ARM, "    arm = int(np.flatnonzero(index == index.max())[-1])\n")],
        message="expected",
    ),
    Mutant(
        "divides_by_zero",
        "the bonus computed for every arm, then inf put in: warnings (and inf*0) for untried arms",
        replace=[
            (
                "    if np.any(tried):\n        total = n.sum()  # >= 1 here, so its log is finite\n"
                + BONUS,
                "    total = n.sum()\n"
                "    index = means + np.sqrt(c * np.log(total) / n)\n"
                "    index[~tried] = np.inf\n",
            )
        ],
        message="floating-point error",
    ),
    Mutant(
        "no_count_check",
        "negative or fractional counts are not refused",
        replace=[
            (
                "    if not np.all(np.isfinite(n)) or np.any(n < 0) or np.any(n != np.round(n)):\n",
                "    if False:\n",
            )
        ],
    ),
    Mutant(
        "no_means_check",
        "means of another shape or not finite are not refused",
        replace=[
            ("    if means.shape != counts.shape:\n", "    if means.size < counts.size:\n"),
            ("    if not np.all(np.isfinite(means)):\n", "    if False:\n"),
        ],
    ),
    Mutant(
        "no_c_check",
        "a negative c is not refused",
        replace=[("    if not c >= 0:\n", "    if False:\n")],
    ),
    Mutant(
        "log2",
        "log base 2 (np.log2) in the bonus",
        replace=[
            (
                "        index[tried] = means[tried] + np.sqrt(c * np.log(total) / n[tried])\n",
                "        index[tried] = means[tried] + np.sqrt(c * np.log2(total) / n[tried])\n",
            )
        ],
    ),
    Mutant(
        "count_outside_root",
        "sqrt(c ln N) / n_j: the count divided outside the square root",
        replace=[
            (
                "        index[tried] = means[tried] + np.sqrt(c * np.log(total) / n[tried])\n",
                "        index[tried] = means[tried] + np.sqrt(c * np.log(total)) / n[tried]\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "math_loop",
        "a loop with math.log and math.sqrt, arm by strict comparison",
        append="""
def ucb1(counts, means, c=2.0):
    import math

    counts = np.array(counts, dtype=float)
    means = np.array(means, dtype=float)
    if counts.ndim != 1 or counts.size == 0 or means.shape != counts.shape:
        raise ValueError("counts and means must be 1-D, non-empty and of one shape")
    if any(x < 0 or x != int(x) for x in counts):
        raise ValueError("counts must be non-negative integers")
    if not np.isfinite(means).all() or c < 0:
        raise ValueError("means must be finite and c >= 0")
    N = counts.sum()
    index = np.array(
        [m + math.sqrt(c * math.log(N) / n) if n else math.inf for n, m in zip(counts, means)]
    )
    arm = 0
    for j in range(1, index.size):
        if index[j] > index[arm]:
            arm = j
    return UCB(arm, index)
""",
    ),
    Variant(
        "reviewer_math_loop",
        "reviewer's independent version: a loop with math.log and math.sqrt",
        append="""
def ucb1(counts, means, c=2.0):
    import math

    n = np.array(counts, dtype=float)
    m = np.array(means, dtype=float)
    if n.ndim != 1 or n.size == 0 or m.shape != n.shape:
        raise ValueError("counts and means must be 1-D of one length K >= 1")
    if not np.isfinite(n).all() or (n < 0).any() or (n != np.floor(n)).any():
        raise ValueError("counts must be non-negative integers")
    if not np.isfinite(m).all():
        raise ValueError("means must be finite")
    if not (c >= 0 and math.isfinite(c)):
        raise ValueError("c must be >= 0")
    N = sum(int(x) for x in n)
    logN = math.log(N) if N > 0 else 0.0
    index = []
    for nj, mj in zip(n, m):
        index.append(math.inf if nj == 0 else mj + math.sqrt(c * logN / nj))
    best = max(index)
    arm = index.index(best)
    return UCB(arm, np.array(index))
""",
    ),
]
