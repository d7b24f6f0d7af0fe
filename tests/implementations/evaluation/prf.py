"""Known mistakes in evaluation/prf (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "swapped_precision_recall",
        "precision divides by TP + FN, recall by TP + FP",
        replace=[
            (
                "        precision = ratio(tp, tp + fp)\n        recall = ratio(tp, tp + fn)\n",
                "        precision = ratio(tp, tp + fn)\n        recall = ratio(tp, tp + fp)\n",
            )
        ],
        message="precision and recall swapped",
    ),
    Mutant(
        "zero_division_nan",
        "a zero denominator gives nan",
        replace=[("if den > 0 else 0.0", "if den > 0 else float('nan')")],
        message="contains NaN",
    ),
    Mutant(
        "macro_labels_of_y_true",
        "macro averages over the labels of y_true only",
        replace=[("    labels = np.union1d(y_true, y_pred)\n", "    labels = np.unique(y_true)\n")],
        message="labels of y_true only",
    ),
    Mutant(
        "macro_f1_of_means",
        "macro F1 is the harmonic mean of macro P and macro R",
        replace=[
            (
                "    return PRF(*(float(v) for v in scores.mean(axis=0)))\n",
                "    p, r = scores[:, 0].mean(), scores[:, 1].mean()\n"
                "    return PRF(float(p), float(r), ratio(2 * p * r, p + r))\n",
            )
        ],
        message="F1 of the macro precision and recall",
    ),
    Mutant(
        "positive_label_zero",
        "binary scores class 0",
        replace=[
            (
                "        return PRF(*scores_of(*counts(1)))\n",
                "        return PRF(*scores_of(*counts(0)))\n",
            )
        ],
        message="class 0",
    ),
    Mutant(
        "micro_is_macro",
        "micro falls through to macro",
        replace=[('    if average == "micro":\n', '    if average == "never":\n')],
        message="macro averaging where micro",
    ),
    Mutant(
        "binary_accepts_any_label",
        "binary does not reject labels outside {0, 1}",
        replace=[("        if outside.size:\n", "        if False:\n")],
    ),
    Mutant(
        "unknown_average_is_macro",
        "an unknown average is treated as macro",
        replace=[('    if average not in ("binary", "macro", "micro"):\n', "    if False:\n")],
    ),
    Mutant(
        "f1_arithmetic_mean",
        "F1 as the arithmetic mean of P and R",
        replace=[
            (
                "        f1 = ratio(2 * precision * recall, precision + recall)\n",
                "        f1 = (precision + recall) / 2\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "sklearn",
        "scikit-learn's precision_recall_fscore_support with zero_division=0 (its macro "
        "default is the union of labels, as the catalogue asks)",
        append="""
def precision_recall_f1(y_true, y_pred, average="binary"):
    from sklearn.metrics import precision_recall_fscore_support

    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.size == 0 or y_true.shape != y_pred.shape:
        raise ValueError("labels must be 1-D, non-empty and of equal length")
    if average not in ("binary", "macro", "micro"):
        raise ValueError("unknown average")
    if average == "binary" and not set(np.union1d(y_true, y_pred).tolist()) <= {0, 1}:
        raise ValueError("binary labels must be 0 or 1")
    p, r, f, _ = precision_recall_fscore_support(
        y_true, y_pred, average=average, pos_label=1, zero_division=0.0
    )
    return PRF(float(p), float(r), float(f))
""",
    ),
    Variant(
        "from_confusion_matrix",
        "a confusion matrix over the union of labels; F1 = 2TP / (2TP + FP + FN)",
        append="""
def precision_recall_f1(y_true, y_pred, average="binary"):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.size == 0 or y_true.shape != y_pred.shape:
        raise ValueError("labels must be 1-D, non-empty and of equal length")
    if average not in ("binary", "macro", "micro"):
        raise ValueError("unknown average")
    labels = np.union1d([0, 1], np.union1d(y_true, y_pred)) if average == "binary" else (
        np.union1d(y_true, y_pred))
    if average == "binary" and labels.size > 2:
        raise ValueError("binary labels must be 0 or 1")
    t, p = np.searchsorted(labels, y_true), np.searchsorted(labels, y_pred)
    C = np.zeros((labels.size, labels.size))
    np.add.at(C, (t, p), 1)
    tp = np.diag(C)
    fp, fn = C.sum(axis=0) - tp, C.sum(axis=1) - tp
    if average == "micro":
        tp, fp, fn = tp.sum(keepdims=True), fp.sum(keepdims=True), fn.sum(keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        P = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        R = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
        F = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
    k = 1 if average == "binary" else slice(None)
    return PRF(float(np.mean(P[k])), float(np.mean(R[k])), float(np.mean(F[k])))
""",
    ),
]
