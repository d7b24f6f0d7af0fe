from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "denominator_n_plus_alpha",
        "divides by n + alpha instead of n + K alpha",
        replace=[
            ("(labels.size + n_classes * alpha)", "(labels.size + alpha)"),
        ],
        message="n + alpha",
    ),
    Mutant(
        "denominator_n",
        "divides by n, forgetting the pseudo-counts",
        replace=[("(labels.size + n_classes * alpha)", "labels.size")],
        message="the denominator n",
    ),
    Mutant(
        "alpha_ignored",
        "no smoothing at all",
        replace=[("return (counts + alpha) / (", "return (counts + 0.0) / (")],
    ),
    Mutant(
        "no_minlength",
        "np.bincount without minlength (unseen top classes missing)",
        replace=[
            ("np.bincount(labels, minlength=n_classes)", "np.bincount(labels)"),
            ("labels.max() >= n_classes", "labels.max() >= n_classes + 1000"),
        ],
        message="minlength",
    ),
    Mutant(
        "no_range_check",
        "labels >= n_classes are counted instead of rejected",
        replace=[("labels.max() >= n_classes", "labels.max() >= n_classes + 1000")],
    ),
    Mutant(
        "truncates_float_labels",
        "casts non-integer labels to int instead of rejecting them",
        replace=[
            (
                'labels.dtype.kind != "f" or np.any(labels != np.floor(labels))',
                'labels.dtype.kind != "f"',
            )
        ],
    ),
    Mutant(
        "empty_gives_nan",
        "no labels with alpha = 0 returns nan",
        replace=[("        if alpha == 0:\n", "        if False:\n")],
    ),
    Mutant(
        "negative_alpha_accepted",
        "no check that alpha >= 0",
        replace=[("if not np.isfinite(alpha) or alpha < 0:", "if not np.isfinite(alpha):")],
    ),
]

VARIANTS = [
    Variant(
        "loop_counts",
        "counts in a dict, validates each label in pure Python",
        append="""
def categorical_mle(labels, n_classes, alpha=0.0):
    arr = np.asarray(labels)
    if arr.ndim != 1:
        raise ValueError("labels must be 1-D")
    if int(n_classes) != n_classes or n_classes < 1:
        raise ValueError("bad n_classes")
    if alpha < 0:
        raise ValueError("alpha must be >= 0")
    counts = {k: 0 for k in range(n_classes)}
    for label in arr.tolist():
        if label != int(label) or not 0 <= label < n_classes:
            raise ValueError(f"label {label} out of range")
        counts[int(label)] += 1
    total = len(arr) + n_classes * alpha
    if total == 0:
        raise ValueError("no labels and no smoothing")
    return np.array([(counts[k] + alpha) / total for k in range(n_classes)])
""",
    ),
]
