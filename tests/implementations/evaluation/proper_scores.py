"""Known mistakes in evaluation/proper_scores (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

LL = "    return float(-np.mean(y * np.log(q) + (1 - y) * np.log1p(-q)))\n"
BS = "    return float(np.mean((p - y) ** 2))\n"

MUTANTS = [
    Mutant(
        "log_loss_sum",
        "sums the log-likelihood instead of averaging",
        replace=[(LL, LL.replace("np.mean", "np.sum"))],
        message="summed over the samples",
    ),
    Mutant(
        "log2",
        "log base 2",
        replace=[
            (LL, LL.replace("np.log(q)", "np.log2(q)").replace("np.log1p(-q)", "np.log2(1 - q)"))
        ],
        message="log base 2",
    ),
    Mutant(
        "missing_minus",
        "returns the mean log-likelihood (negative)",
        replace=[(LL, LL.replace("float(-np.mean", "float(np.mean"))],
        message="minus sign",
    ),
    Mutant(
        "no_clipping",
        "takes the log of p itself",
        replace=[("    q = np.clip(p, eps, 1 - eps)\n", "    q = p\n")],
        message="clip p to [eps, 1 - eps]",
    ),
    Mutant(
        "clip_low_only",
        "clips p below at eps only",
        replace=[("    q = np.clip(p, eps, 1 - eps)\n", "    q = np.maximum(p, eps)\n")],
        message="clip p",
    ),
    Mutant(
        "fixed_eps",
        "ignores the eps argument (always 1e-15)",
        replace=[("    q = np.clip(p, eps, 1 - eps)\n", "    q = np.clip(p, 1e-15, 1 - 1e-15)\n")],
    ),
    Mutant(
        "ignores_labels",
        "-mean(log p) whatever the label",
        replace=[(LL, "    return float(-np.mean(np.log(q)))\n")],
    ),
    Mutant(
        "brier_sum",
        "sums the squared errors",
        replace=[(BS, BS.replace("np.mean", "np.sum"))],
        message="summed over the samples",
    ),
    Mutant(
        "brier_root",
        "the root mean square",
        replace=[(BS, "    return float(np.sqrt(np.mean((p - y) ** 2)))\n")],
        message="not square-rooted",
    ),
    Mutant(
        "brier_absolute",
        "the mean absolute error",
        replace=[(BS, "    return float(np.mean(np.abs(p - y)))\n")],
        message="mean absolute difference",
    ),
    Mutant(
        "no_probability_check",
        "log_loss accepts p outside [0, 1] (clipping hides it)",
        replace=[("    if not np.all((p >= 0) & (p <= 1)):\n", "    if False:\n")],
    ),
    Mutant(
        "brier_no_probability_check",
        "brier_score accepts p outside [0, 1]",
        replace=[("    if np.any(p < 0) or np.any(p > 1):\n", "    if False:\n")],
    ),
    Mutant(
        "no_eps_check",
        "accepts any eps",
        replace=[("    if not 0 < eps < 0.5:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "sklearn",
        "scikit-learn's log_loss on the clipped p (its eps argument is gone; it clips only "
        "at machine epsilon) and brier_score_loss with pos_label=1",
        append="""
def _valid(y_true, p):
    y, p = np.asarray(y_true), np.asarray(p, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != p.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("labels must be 0/1 and p in [0, 1]")
    return y, p


def log_loss(y_true, p, eps=1e-15):
    from sklearn.metrics import log_loss as sk_log_loss

    if not 0 < eps < 0.5:
        raise ValueError("eps must lie in (0, 0.5)")
    y, p = _valid(y_true, p)
    return float(sk_log_loss(y, np.clip(p, eps, 1 - eps), labels=[0, 1]))


def brier_score(y_true, p):
    from sklearn.metrics import brier_score_loss

    y, p = _valid(y_true, p)
    return float(brier_score_loss(y, p, pos_label=1))
""",
    ),
    Variant(
        "select_probability",
        "the log of the probability given to the observed label, p if y = 1 else 1 - p, "
        "clipped at eps; Brier as a dot product",
        append="""
def log_loss(y_true, p, eps=1e-15):
    if not 0 < eps < 0.5:
        raise ValueError("eps must lie in (0, 0.5)")
    y, p = np.asarray(y_true), np.asarray(p, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != p.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("labels must be 0/1 and p in [0, 1]")
    given = np.where(y == 1, p, 1 - p)
    return float(-np.log(np.clip(given, eps, 1 - eps)).sum() / y.size)


def brier_score(y_true, p):
    y, p = np.asarray(y_true), np.asarray(p, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != p.shape:
        raise ValueError("inputs must be 1-D, non-empty, of equal length")
    if not np.all(np.isin(y, [0, 1])) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("labels must be 0/1 and p in [0, 1]")
    r = p - y
    return float(r @ r / y.size)
""",
    ),
]
