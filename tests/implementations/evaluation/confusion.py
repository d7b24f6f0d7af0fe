"""Known mistakes in evaluation/confusion (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

ADD = "    np.add.at(counts, (t, p), 1)\n"

MUTANTS = [
    Mutant(
        "transposed",
        "rows are the predictions, columns the true labels",
        replace=[(ADD, "    np.add.at(counts, (p, t), 1)\n")],
        message="transposed",
    ),
    Mutant(
        "fancy_index_increment",
        "counts[t, p] += 1: repeated pairs are counted once",
        replace=[(ADD, "    counts[t, p] += 1\n")],
    ),
    Mutant(
        "row_rates",
        "normalises each row to rates",
        replace=[
            (
                "    return counts\n",
                "    return counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)\n",
            )
        ],
        message="normalised rows",
    ),
    Mutant(
        "shape_from_data",
        "sizes the matrix by the largest label seen instead of n_classes",
        replace=[
            (
                "    counts = np.zeros((n_classes, n_classes), dtype=np.int64)\n",
                "    m = int(max(t.max(), p.max())) + 1\n"
                "    counts = np.zeros((m, m), dtype=np.int64)\n",
            )
        ],
        message="has shape",
    ),
    Mutant(
        "no_range_check",
        "labels >= n_classes are not rejected (negative ones wrap around)",
        replace=[
            ("        if np.any(y < 0) or np.any(y >= n_classes):\n", "        if False:\n"),
            (ADD, "    np.add.at(counts, (t % n_classes, p % n_classes), 1)\n"),
        ],
    ),
    Mutant(
        "zip_without_length_check",
        "loops over zip(y_true, y_pred), silently dropping the extra labels",
        replace=[
            ("    if t.shape != p.shape:\n", "    if False:\n"),
            (ADD, "    for a, b in zip(t, p):\n        counts[a, b] += 1\n"),
        ],
    ),
    Mutant(
        "truncates_fractional_labels",
        "casts labels to int without checking they are whole numbers",
        replace=[('        if y.dtype.kind not in "iub" and not (', "        if False and not (")],
    ),
]

VARIANTS = [
    Variant(
        "sklearn",
        "scikit-learn's confusion_matrix with labels=range(n_classes) (same orientation)",
        append="""
def confusion_matrix(y_true, y_pred, n_classes):
    from sklearn.metrics import confusion_matrix as cm

    if int(n_classes) != n_classes or n_classes < 1:
        raise ValueError("n_classes must be a positive integer")
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.ndim != 1 or p.ndim != 1 or t.size == 0 or t.shape != p.shape:
        raise ValueError("labels must be 1-D, non-empty and of equal length")
    for y in (t, p):
        if np.any(y != np.round(y)) or np.any(y < 0) or np.any(y >= n_classes):
            raise ValueError("labels must be integers in 0 .. n_classes - 1")
    return cm(t.astype(int), p.astype(int), labels=np.arange(int(n_classes)))
""",
    ),
    Variant(
        "bincount",
        "np.bincount of the flat index K * true + pred, reshaped",
        append="""
def confusion_matrix(y_true, y_pred, n_classes):
    if int(n_classes) != n_classes or n_classes < 1:
        raise ValueError("n_classes must be a positive integer")
    k = int(n_classes)
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if t.ndim != 1 or p.ndim != 1 or t.size == 0 or t.shape != p.shape:
        raise ValueError("labels must be 1-D, non-empty and of equal length")
    if np.any(t % 1 != 0) or np.any(p % 1 != 0):
        raise ValueError("labels must be integers")
    if min(t.min(), p.min()) < 0 or max(t.max(), p.max()) >= k:
        raise ValueError("labels must lie in 0 .. n_classes - 1")
    flat = (k * t + p).astype(int)
    return np.bincount(flat, minlength=k * k).reshape(k, k)
""",
    ),
]
