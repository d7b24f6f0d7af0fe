"""Known mistakes in deep_learning/embedding_backward (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

ADD = "    np.add.at(dW, idx.ravel(), dE.reshape(-1, d))\n"
RANGE = "    if idx.size and (idx.min() < 0 or idx.max() >= vocab_size):\n"

MUTANTS = [
    Mutant(
        "buffered_fancy_add",
        "dW[idx] += dE: a repeated index is counted once",
        replace=[(ADD, "    dW[idx.ravel()] += dE.reshape(-1, d)\n")],
        message="is buffered",
    ),
    Mutant(
        "padding_not_zeroed",
        "padding_idx checked but its row keeps its gradient",
        replace=[("        dW[padding_idx] = 0.0\n", "        pass\n")],
        message="the padding row is not zeroed",
    ),
    Mutant(
        "negative_wraps_around",
        "negative indices accepted and wrapped around to the end of the table",
        replace=[
            (RANGE, "    if idx.size and (idx.min() < -vocab_size or idx.max() >= vocab_size):\n")
        ],
        message="no wrap-around",
    ),
    Mutant(
        "unique_rows_only",
        "returns only the rows of the distinct indices",
        replace=[("    return dW\n", "    return dW[np.unique(idx)]\n")],
        message="only the rows of the unique indices",
    ),
    Mutant(
        "float_indices_accepted",
        "idx cast to int instead of refused when it is not of an integer dtype",
        replace=[("    idx = np.asarray(idx)\n", "    idx = np.asarray(idx).astype(int)\n")],
    ),
    Mutant(
        "dE_shape_unchecked",
        "dE's shape is not compared with idx's",
        replace=[
            (
                "    if dE.ndim != idx.ndim + 1 or dE.shape[:-1] != idx.shape:\n",
                "    if dE.ndim < 1:\n",
            )
        ],
    ),
    Mutant(
        "padding_idx_unchecked",
        "a padding_idx outside the table is not refused",
        replace=[
            (
                "    if padding_idx is not None and not 0 <= padding_idx < vocab_size:\n",
                "    if False:\n",
            ),
            (
                "    if padding_idx is not None:\n        dW",
                "    if padding_idx is not None and 0 <= padding_idx < vocab_size:\n        dW",
            ),
        ],
    ),
    Mutant(
        "vocab_size_unchecked",
        "vocab_size < 1 accepted",
        replace=[("    if vocab_size < 1:\n", "    if False:\n")],
    ),
    Mutant(
        "table_one_row_short",
        "the table has vocab_size - 1 rows",
        replace=[
            ("    dW = np.zeros((vocab_size, d))\n", "    dW = np.zeros((vocab_size - 1, d))\n")
        ],
    ),
    Mutant(
        "mean_not_sum",
        "the gradients of a repeated index averaged instead of summed",
        replace=[
            (
                ADD,
                ADD + "    counts = np.bincount(idx.ravel(), minlength=vocab_size)\n"
                "    dW = dW / np.maximum(counts, 1)[:, None]\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "bincount_per_column",
        "np.bincount with weights, one column at a time; padding positions skipped",
        append="""
def embedding_backward(idx, dE, vocab_size, padding_idx=None):
    idx = np.asarray(idx)
    dE = np.asarray(dE, dtype=float)
    if not np.issubdtype(idx.dtype, np.integer):
        raise ValueError("idx must hold integers")
    if int(vocab_size) != vocab_size or vocab_size < 1:
        raise ValueError("vocab_size must be a positive integer")
    if np.any((idx < 0) | (idx >= vocab_size)):
        raise ValueError("index out of range")
    if dE.shape[:-1] != idx.shape or dE.ndim != idx.ndim + 1:
        raise ValueError("dE must have shape idx.shape + (d,)")
    if padding_idx is not None and (padding_idx < 0 or padding_idx >= vocab_size):
        raise ValueError("padding_idx out of range")
    flat = idx.reshape(-1)
    rows = dE.reshape(flat.size, dE.shape[-1])
    if padding_idx is not None:
        keep = flat != padding_idx
        flat, rows = flat[keep], rows[keep]
    columns = [np.bincount(flat, weights=rows[:, j], minlength=vocab_size) for j in range(rows.shape[1])]
    return np.stack(columns, axis=1) if columns else np.zeros((vocab_size, 0))
""",
    ),
    Variant(
        "one_hot_product",
        "dW = onehot(idx)^T dE",
        append="""
def embedding_backward(idx, dE, vocab_size, padding_idx=None):
    idx = np.asarray(idx)
    dE = np.asarray(dE, dtype=float)
    if idx.dtype.kind not in "iu" or vocab_size < 1:
        raise ValueError("integer idx and vocab_size >= 1 required")
    if idx.size and not (0 <= idx.min() and idx.max() < vocab_size):
        raise ValueError("index out of range")
    if dE.shape != idx.shape + dE.shape[idx.ndim:] or dE.ndim != idx.ndim + 1:
        raise ValueError("dE must have shape idx.shape + (d,)")
    if padding_idx is not None and not 0 <= padding_idx < vocab_size:
        raise ValueError("padding_idx out of range")
    onehot = (idx.reshape(-1, 1) == np.arange(vocab_size)).astype(float)
    if padding_idx is not None:
        onehot[:, padding_idx] = 0.0
    return onehot.T @ dE.reshape(idx.size, dE.shape[-1])
""",
    ),
]
