"""Known mistakes in capstones/group_thresholds (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

K = '        k = int(np.searchsorted(np.arange(m + 1) / m, target_rate, side="left"))\n'
PICK = "        thresholds[j] = np.inf if k == 0 else members[k - 1]\n"
MEMBERS = "        members = np.sort(s[(g == name) & counted])[::-1]  # descending\n"

MUTANTS = [
    Mutant(
        "floor_k",
        "k = floor(r m): the group's rate falls short of the target",
        replace=[(K, "        k = int(np.floor(target_rate * m))\n")],
        message="selects less than target_rate",
    ),
    Mutant(
        "kth_smallest",
        "sorts ascending and takes the k-th smallest score",
        replace=[(MEMBERS, MEMBERS.replace("[::-1]", ""))],
        message="the k-th smallest score",
    ),
    Mutant(
        "lowest_threshold",
        "returns the lowest score of the group, which always reaches the rate",
        replace=[(PICK, "        thresholds[j] = members[-1]\n")],
        message="the lowest threshold that reaches the rate",
    ),
    Mutant(
        "pooled_threshold",
        "one threshold from all samples, repeated for every group",
        replace=[(MEMBERS, "        members = np.sort(s[counted])[::-1]\n")],
        message="one threshold for everybody",
    ),
    Mutant(
        "labels_ignored",
        "counts every member even when y_true is given",
        replace=[("        counted = y == 1\n", "        counted = y == y\n")],
        message="given y_true, the rate is among the group's positives",
    ),
    Mutant(
        "no_inf",
        "r = 0 gives the highest score instead of +inf",
        replace=[(PICK, "        thresholds[j] = members[max(k - 1, 0)]\n")],
        message="the highest threshold is +inf",
    ),
    Mutant(
        "quantile",
        "np.quantile(members, 1 - r): interpolates between scores",
        replace=[(PICK, "        thresholds[j] = np.quantile(members, 1 - target_rate)\n")],
    ),
    Mutant(
        "rate_unchecked",
        "accepts a target rate outside [0, 1]",
        replace=[("    if not 0 <= target_rate <= 1:\n", "    if False:\n")],
    ),
    Mutant(
        "no_positive_unchecked",
        "does not reject a group without positives",
        replace=[("        if m == 0:\n", "        if False:\n")],
    ),
]

MUTANTS += [
    Mutant(
        "ceil_of_product",
        "k = ceil(r m): r m rounds up past an integer (0.28 · 25 = 7.000000000000001)",
        replace=[(K, "        k = int(np.ceil(target_rate * m))\n")],
        message="k = ceil(r * m) overshoots",
    ),
    Mutant(
        "rounded_k",
        "k = round(r m): the nearest count, which may fall short of the rate",
        replace=[(K, "        k = int(round(target_rate * m))\n")],
    ),
]

VARIANTS = [
    Variant(
        "walk_down",
        "per group, walks the members from the top score down until k / m >= r",
        append="""
def group_thresholds(scores, group, target_rate, y_true=None):
    import math

    s, g = np.asarray(scores, dtype=float), np.asarray(group)
    if s.ndim != 1 or s.size == 0 or s.shape != g.shape or not np.all(np.isfinite(s)):
        raise ValueError("scores and group must be 1-D, non-empty, equal length, finite")
    if not (0 <= target_rate <= 1):
        raise ValueError("target_rate must lie in [0, 1]")
    y = None if y_true is None else np.asarray(y_true)
    if y is not None and (y.shape != s.shape or not np.all(np.isin(y, [0, 1]))):
        raise ValueError("y_true must be 0/1 labels of the same shape")
    groups = np.unique(g)
    out = []
    for name in groups.tolist():
        members = sorted(
            (float(v) for v, w, lab in zip(s, g.tolist(), [1] * s.size if y is None else y)
             if w == name and lab == 1),
            reverse=True,
        )
        if not members:
            raise ValueError(f"group {name!r} has no positive")
        t = math.inf
        for k, value in enumerate(members, 1):
            if target_rate == 0:
                break
            if k / len(members) >= target_rate:
                t = value
                break
        out.append(t)
    return GroupThresholds(groups, np.array(out, dtype=float))
""",
    ),
    Variant(
        "review_candidate_max",
        "the first formula literally: every candidate's count by searchsorted on the "
        "sorted member scores, the largest that reaches r",
        append="""
def group_thresholds(scores, group, target_rate, y_true=None):
    import math

    s = np.asarray(scores, dtype=float)
    g = np.asarray(group)
    if s.ndim != 1 or g.ndim != 1 or s.size == 0 or s.shape != g.shape:
        raise ValueError("scores and group must be non-empty 1-D arrays of equal length")
    if not np.isfinite(s).all():
        raise ValueError("scores must be finite")
    if not (isinstance(target_rate, (int, float, np.number)) and 0 <= target_rate <= 1):
        raise ValueError("target_rate must lie in [0, 1]")
    if y_true is not None:
        y = np.asarray(y_true)
        if y.ndim != 1 or y.shape != s.shape:
            raise ValueError("y_true must be 1-D, as long as scores")
        if not np.all((y == 0) | (y == 1)):
            raise ValueError("labels must be 0 or 1")
    groups = np.unique(g)
    out = np.empty(groups.size)
    for j, name in enumerate(groups):
        member = g == name
        if y_true is not None:
            member = member & (y == 1)
            if not member.any():
                raise ValueError(f"group {name!r} has no positive")
        ms = np.sort(s[member])
        m = ms.size
        cand = np.append(np.unique(ms), math.inf)
        count = m - np.searchsorted(ms, cand, side="left")
        ok = count / m >= target_rate
        out[j] = cand[ok].max()
    return GroupThresholds(groups, out)
""",
    ),
]
