"""Known mistakes in deep_learning/label_smoothing (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

LOG_P = "    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))\n"
TARGET = """    target = np.full((n, k), epsilon / k)
    target[np.arange(n), labels] += 1.0 - epsilon
"""

MUTANTS = [
    Mutant(
        "eps_over_k_minus_1",
        "puts ε/(K − 1) on the other classes only, 1 − ε on the true one",
        replace=[
            (
                TARGET,
                """    target = np.full((n, k), epsilon / max(k - 1, 1))
    target[np.arange(n), labels] = 1.0 - epsilon
""",
            )
        ],
        message="ε/(K − 1) on the other classes only",
    ),
    Mutant(
        "no_division_by_n",
        "sums the rows' losses and gradients instead of averaging",
        replace=[
            (
                "    loss = float(-np.sum(target * log_p) / n)\n",
                "    loss = float(-np.sum(target * log_p))\n",
            ),
            ("    grad = (np.exp(log_p) - target) / n\n", "    grad = np.exp(log_p) - target\n"),
        ],
        message="no /n",
    ),
    Mutant(
        "grad_no_division_by_n",
        "a mean loss but a gradient without the /n",
        replace=[
            ("    grad = (np.exp(log_p) - target) / n\n", "    grad = np.exp(log_p) - target\n")
        ],
        message="no /n",
    ),
    Mutant(
        "log_of_softmax",
        "log(softmax(z)): -inf for a probability that underflows",
        replace=[
            (
                LOG_P,
                "    p = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)\n"
                "    log_p = np.log(p)\n",
            )
        ],
        message="never log of softmax(z)",
    ),
    Mutant(
        "no_max_shift",
        "log-sum-exp without shifting out the maximum (overflow)",
        replace=[
            (
                "    shifted = logits - logits.max(axis=1, keepdims=True)\n",
                "    shifted = logits\n",
            )
        ],
    ),
    Mutant(
        "grad_with_onehot",
        "the gradient built from the one-hot target",
        replace=[
            (
                "    grad = (np.exp(log_p) - target) / n\n",
                "    onehot = np.zeros((n, k))\n"
                "    onehot[np.arange(n), labels] = 1.0\n"
                "    grad = (np.exp(log_p) - onehot) / n\n",
            )
        ],
        message="the gradient uses the one-hot target",
    ),
    Mutant(
        "epsilon_ignored",
        "loss and gradient of the plain cross-entropy",
        replace=[(TARGET, TARGET.replace("epsilon / k", "0.0").replace("1.0 - epsilon", "1.0"))],
        message="the loss ignores ε",
    ),
    Mutant(
        "eps_without_over_k",
        "q = (1 − ε)·onehot + ε (the smoothing mass not divided among the classes)",
        replace=[
            (
                "    target = np.full((n, k), epsilon / k)\n",
                "    target = np.full((n, k), epsilon)\n",
            )
        ],
    ),
    Mutant(
        "grad_sign_flipped",
        "grad = (q − p)/n",
        replace=[
            (
                "    grad = (np.exp(log_p) - target) / n\n",
                "    grad = (target - np.exp(log_p)) / n\n",
            )
        ],
        message="the wrong sign",
    ),
    Mutant(
        "shift_in_place",
        "subtracts the row maxima from the caller's logits in place",
        replace=[
            (
                "    logits = np.asarray(logits, dtype=float)\n",
                "    logits = np.asarray(logits, dtype=float)\n"
                "    if logits.ndim == 2 and logits.size:\n"
                "        logits -= logits.max(axis=1, keepdims=True)\n",
            )
        ],
        message="modified its input",
    ),
    Mutant(
        "epsilon_unchecked",
        "accepts ε outside [0, 1]",
        replace=[("        or not 0.0 <= epsilon <= 1.0\n", "")],
    ),
    Mutant(
        "fractional_labels_truncated",
        "labels 1.5 truncated to 1",
        replace=[
            (
                '        if labels.dtype.kind != "f" or not np.all(labels == np.round(labels)):\n',
                '        if labels.dtype.kind != "f":\n',
            )
        ],
    ),
    Mutant(
        "negative_labels_wrap",
        "label −1 indexes the last class",
        replace=[
            ("    if np.any(labels < 0) or np.any(labels >= k):\n", "    if np.any(labels >= k):\n")
        ],
    ),
    Mutant(
        "labels_length_unchecked",
        "labels of the wrong length accepted when they broadcast",
        replace=[("    if labels.shape != (n,):\n", "    if labels.ndim > 1:\n")],
    ),
]

VARIANTS = [
    Variant(
        "logsumexp_minus_q_dot_z",
        "loss as logsumexp(z) − Σ q z (q sums to 1), probabilities by a stable softmax, "
        "labels by np.eye",
        append="""
def label_smoothing_cross_entropy(logits, labels, epsilon):
    if not (isinstance(epsilon, (int, float)) and 0 <= epsilon <= 1):
        raise ValueError("epsilon must be in [0, 1]")
    z = np.array(logits, dtype=float)
    y = np.array(labels, dtype=float)
    if z.ndim != 2 or z.size == 0:
        raise ValueError("logits must be a non-empty 2-D array")
    n, k = z.shape
    if y.shape != (n,) or np.any(y % 1 != 0) or np.any((y < 0) | (y >= k)):
        raise ValueError("bad labels")
    q = (1 - epsilon) * np.eye(k)[y.astype(int)] + epsilon / k
    top = z.max(axis=1)
    e = np.exp(z - top[:, None])
    total = e.sum(axis=1)
    lse = top + np.log(total)
    loss = float(np.mean(lse - np.einsum("ik,ik->i", q, z)))
    return Loss(loss, (e / total[:, None] - q) / n)
""",
    ),
    Variant(
        "mixture_of_two_losses",
        "(1 − ε)·plain cross-entropy + ε·cross-entropy against the uniform distribution, "
        "through a loop over rows with math.fsum",
        append="""
def label_smoothing_cross_entropy(logits, labels, epsilon):
    import math

    if not 0 <= epsilon <= 1:
        raise ValueError("epsilon must be in [0, 1]")
    z = np.asarray(logits, dtype=float)
    if z.ndim != 2 or 0 in z.shape:
        raise ValueError("logits must be a non-empty 2-D array")
    n, k = z.shape
    lab = np.asarray(labels)
    if lab.shape != (n,):
        raise ValueError("labels must have shape (n,)")
    total, grad = 0.0, np.empty((n, k))
    for i in range(n):
        y = float(lab[i])
        if not y.is_integer() or not 0 <= y < k:
            raise ValueError(f"label {y} is not a class")
        y = int(y)
        m = float(z[i].max())
        lse = m + math.log(math.fsum(math.exp(v - m) for v in z[i]))
        log_p = z[i] - lse
        total += (1 - epsilon) * -log_p[y] + epsilon * -float(np.mean(log_p))
        grad[i] = np.exp(log_p) - epsilon / k
        grad[i, y] -= 1 - epsilon
    return Loss(total / n, grad / n)
""",
    ),
]
