"""Known mistakes in evaluation/calibration (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

INDEX = '    index = np.minimum(np.searchsorted(edges, p, side="right") - 1, n_bins - 1)\n'
RETURN = (
    "    return Curve(sum_true[used] / counts[used], sum_pred[used] / counts[used], counts[used])\n"
)
ECE = "    return float(np.sum(counts * np.abs(prob_true - prob_pred)) / np.sum(counts))\n"

MUTANTS = [
    Mutant(
        "right_closed",
        "searchsorted on the inner edges with side='left' (scikit-learn's binning)",
        replace=[(INDEX, "    index = np.searchsorted(edges[1:-1], p)\n")],
        message="closed on the right",
    ),
    Mutant(
        "one_in_a_bin_of_its_own",
        "p = 1 gets a bin of its own (index B), an extra entry",
        replace=[
            (
                INDEX,
                '    index = np.searchsorted(edges, p, side="right") - 1\n',
            ),
            ("minlength=n_bins)\n    sum_true", "minlength=n_bins + 1)\n    sum_true"),
            ("minlength=n_bins)\n    sum_pred", "minlength=n_bins + 1)\n    sum_pred"),
            ("weights=p, minlength=n_bins)\n", "weights=p, minlength=n_bins + 1)\n"),
        ],
    ),
    Mutant(
        "keeps_empty_bins",
        "returns every bin, empty ones as 0",
        replace=[
            (
                RETURN,
                "    c = np.maximum(counts, 1)\n"
                "    return Curve(sum_true / c, sum_pred / c, counts)\n",
            )
        ],
        message="empty bins",
    ),
    Mutant(
        "swapped_fields",
        "prob_true and prob_pred in each other's places",
        replace=[
            (
                RETURN,
                "    return Curve(sum_pred[used] / counts[used], sum_true[used] / counts[used], "
                "counts[used])\n",
            )
        ],
        message="swapped",
    ),
    Mutant(
        "fractions_not_counts",
        "counts as fractions of n",
        replace=[(RETURN, RETURN.replace("counts[used])\n", "counts[used] / p.size)\n"))],
        message="fraction of samples",
    ),
    Mutant(
        "ece_unweighted",
        "the ECE as the plain mean of the bin gaps",
        replace=[(ECE, "    return float(np.mean(np.abs(prob_true - prob_pred)))\n")],
        message="unweighted mean over bins",
    ),
    Mutant(
        "ece_squared",
        "squared gaps",
        replace=[
            (
                ECE,
                "    return float(np.sum(counts * (prob_true - prob_pred) ** 2) / np.sum(counts))\n",
            )
        ],
        message="squared gaps",
    ),
    Mutant(
        "ece_global_gap",
        "|mean(y) - mean(p)| over the whole sample",
        replace=[
            (
                ECE,
                "    return float(abs(np.sum(counts * (prob_true - prob_pred))) / np.sum(counts))\n",
            )
        ],
        message="gap of the whole sample",
    ),
    Mutant(
        "no_probability_check",
        "p outside [0, 1] lands in the end bins",
        replace=[
            ("    if not np.all((p >= 0) & (p <= 1)):\n", "    if False:\n"),
            (
                INDEX,
                '    index = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, n_bins - 1)\n',
            ),
        ],
    ),
    Mutant(
        "no_bins_check",
        "n_bins is not validated (2.5 becomes 2)",
        replace=[
            (
                "    if isinstance(n_bins, bool) or int(n_bins) != n_bins or n_bins < 1:\n",
                "    if n_bins < 1:\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "sklearn_adapted",
        "scikit-learn's calibration_curve (uniform strategy) assigns p on an inner edge to "
        "the lower bin (searchsorted side='left'); the catalogue's bins are left-closed, so "
        "this variant computes the bins itself with side='right' and checks its means "
        "against scikit-learn's on the same bins via a shifted copy of p",
        append="""
def calibration_curve(y_true, p, n_bins=10):
    from sklearn.calibration import calibration_curve as sk_curve

    if isinstance(n_bins, bool) or int(n_bins) != n_bins or n_bins < 1:
        raise ValueError("n_bins must be a positive integer")
    y, p = np.asarray(y_true), np.asarray(p, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != p.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("labels must be 0/1 and p in [0, 1]")
    B = int(n_bins)
    edges = np.linspace(0, 1, B + 1)
    index = np.minimum(np.searchsorted(edges, p, side="right") - 1, B - 1)
    # a stand-in probability at the centre of each sample's bin: scikit-learn bins it
    # exactly where the catalogue does, then the means are rescaled to p's own
    centre = (index + 0.5) / B
    if np.unique(y).size == 2:
        prob_true, _ = sk_curve(y, centre, n_bins=B, strategy="uniform")
    else:
        prob_true = None
    counts = np.bincount(index, minlength=B)
    used = counts > 0
    prob_pred = np.bincount(index, weights=p, minlength=B)[used] / counts[used]
    if prob_true is None:
        prob_true = np.bincount(index, weights=y, minlength=B)[used] / counts[used]
    return Curve(np.asarray(prob_true), prob_pred, counts[used])
""",
    ),
    Variant(
        "loop_over_bins",
        "a loop over the bins with explicit masks, floor(B p) for the bin",
        append="""
def calibration_curve(y_true, p, n_bins=10):
    if isinstance(n_bins, bool) or int(n_bins) != n_bins or n_bins < 1:
        raise ValueError("n_bins must be a positive integer")
    y, p = np.asarray(y_true, dtype=float), np.asarray(p, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != p.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("labels must be 0/1 and p in [0, 1]")
    B = int(n_bins)
    index = np.minimum(np.floor(p * B).astype(int), B - 1)
    true, pred, counts = [], [], []
    for b in range(B):
        mask = index == b
        if mask.any():
            true.append(y[mask].mean())
            pred.append(p[mask].mean())
            counts.append(int(mask.sum()))
    return Curve(np.array(true), np.array(pred), np.array(counts))


def expected_calibration_error(y_true, p, n_bins=10):
    t, q, c = calibration_curve(y_true, p, n_bins)
    return float(np.dot(c / c.sum(), np.abs(t - q)))
""",
    ),
]
