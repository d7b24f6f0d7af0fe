from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_division_by_n",
        "the gradient of the summed loss",
        replace=[("    grad /= n\n", "")],
        message="no division by n",
    ),
    Mutant(
        "gradient_sign",
        "onehot - softmax",
        replace=[("    grad /= n\n", "    grad /= -n\n")],
        message="wrong sign",
    ),
    Mutant(
        "unstable_log",
        "log of the softmax probabilities: log(0) for a label far below the maximum",
        replace=[
            (
                "    loss = float(np.mean(log_norm - shifted[rows, labels]))\n",
                "    p = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)\n"
                "    loss = float(np.mean(-np.log(p[rows, labels])))\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "no_shift",
        "exp of the raw logits: overflow at 1e3",
        replace=[
            ("    shifted = logits - logits.max(axis=1, keepdims=True)\n", "    shifted = logits\n")
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "no_onehot",
        "grad = softmax / n",
        replace=[("    grad[rows, labels] -= 1.0\n", "")],
        message="one-hot labels are not subtracted",
    ),
    Mutant(
        "summed_loss",
        "loss summed over samples",
        replace=[
            (
                "    loss = float(np.mean(log_norm - shifted[rows, labels]))\n",
                "    loss = float(np.sum(log_norm - shifted[rows, labels]))\n",
            )
        ],
        message="not averaged",
    ),
    Mutant(
        "no_label_check",
        "labels out of range are not rejected (a negative one indexes from the end)",
        replace=[("    if np.any(labels < 0) or np.any(labels >= k):\n", "    if False:\n")],
    ),
]

MUTANTS.append(
    Mutant(
        "global_shift",
        "shifts every row by the global maximum: rows far below it underflow to log(0)",
        replace=[
            (
                "    shifted = logits - logits.max(axis=1, keepdims=True)\n",
                "    shifted = logits - logits.max()\n",
            )
        ],
        message="global maximum instead of its own",
    )
)

VARIANTS = [
    Variant(
        "logaddexp_and_onehot",
        "np.logaddexp.reduce for the normaliser and an explicit one-hot matrix",
        append="""
def softmax_cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=float)
    y = np.asarray(labels)
    if z.ndim != 2 or z.size == 0 or y.shape != (z.shape[0],):
        raise ValueError("bad shapes")
    if not np.all(np.mod(y, 1) == 0) or y.min() < 0 or y.max() >= z.shape[1]:
        raise ValueError("bad labels")
    y = y.astype(int)
    lse = np.logaddexp.reduce(z, axis=1, keepdims=True)
    onehot = np.zeros_like(z)
    onehot[np.arange(len(y)), y] = 1.0
    loss = -np.sum(onehot * (z - lse)) / len(y)
    return Loss(loss, (np.exp(z - lse) - onehot) / len(y))
""",
    ),
]
