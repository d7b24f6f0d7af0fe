"""Known mistakes in supervised/perceptron (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

TEST = "            if y_i * (w @ x_i + b) <= 0:  # a mistake, or exactly on the hyperplane\n"
BIAS = "                b += y_i\n"
COUNT = "                n_updates += 1\n"
EPOCHS = "    for _ in range(max_epochs):\n"

MUTANTS = [
    Mutant(
        "strict_margin",
        "update only when y (w.x + b) < 0: from zeros nothing is ever updated",
        replace=[(TEST, "            if y_i * (w @ x_i + b) < 0:\n")],
        message="a margin of exactly 0 must count as a mistake",
    ),
    Mutant(
        "no_bias_update",
        "b is never updated",
        replace=[(BIAS, "")],
        message="the bias b is never updated",
    ),
    Mutant(
        "one_epoch_too_many",
        "max_epochs + 1 passes",
        replace=[(EPOCHS, "    for _ in range(max_epochs + 1):\n")],
        message="one epoch too many",
    ),
    Mutant(
        "one_epoch_too_few",
        "max_epochs - 1 passes",
        replace=[(EPOCHS, "    for _ in range(max_epochs - 1):\n")],
        message="one epoch too few",
    ),
    Mutant(
        "batch_updates",
        "the mistakes of an epoch found with the epoch's starting w, then applied together",
        replace=[
            (
                "        for x_i, y_i in zip(X, y, strict=True):\n",
                "        w0, b0 = w.copy(), b\n        for x_i, y_i in zip(X, y, strict=True):\n",
            ),
            (TEST, "            if y_i * (w0 @ x_i + b0) <= 0:\n"),
        ],
        message="applied together (batch)",
    ),
    Mutant(
        "counts_epochs",
        "n_updates counts epochs",
        replace=[
            (COUNT, ""),
            ("        clean = True\n", "        clean = True\n        n_updates += 1\n"),
        ],
        message="n_updates counts epochs, not updates",
    ),
    Mutant(
        "stops_after_one_epoch",
        "a single pass, whatever happened",
        replace=[("        if clean:\n            break\n", "        break\n")],
    ),
    Mutant(
        "reverse_order",
        "the samples visited from last to first",
        replace=[("zip(X, y, strict=True)", "zip(X[::-1], y[::-1], strict=True)")],
    ),
    Mutant(
        "normalised_updates",
        "w += y x / |x| (a normalised step)",
        replace=[
            (
                "                w += y_i * x_i\n",
                "                w += y_i * x_i / max(np.linalg.norm(x_i), 1e-12)\n",
            )
        ],
    ),
    Mutant(
        "labels_not_checked",
        "0/1 labels are accepted",
        replace=[("    if not np.all((y == 1) | (y == -1)):\n", "    if False:\n")],
    ),
    Mutant(
        "max_epochs_not_checked",
        "a negative max_epochs silently trains nothing",
        replace=[("    if max_epochs < 1:\n", "    if False:\n")],
    ),
    Mutant(
        "updates_X_in_place",
        "X multiplied by y in place to fold the labels in",
        replace=[
            (
                "    w = np.zeros(X.shape[1])\n",
                "    X *= y[:, None]\n    w = np.zeros(X.shape[1])\n",
            ),
            (TEST, "            if x_i @ w + y_i * b <= 0:\n"),
            ("                w += y_i * x_i\n", "                w += x_i\n"),
        ],
        message="modified its input `X`",
    ),
]

VARIANTS = [
    Variant(
        "index_loop_with_augmented_vector",
        "samples augmented with a constant 1, one weight vector (w, b), an index loop",
        append="""
def perceptron(X, y, max_epochs=100):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(y) != len(X) or len(y) == 0:
        raise ValueError("X must be (n, d) and y (n,), n > 0")
    if not set(y.tolist()) <= {-1, 1}:
        raise ValueError("labels must be -1 or +1")
    if isinstance(max_epochs, bool) or int(max_epochs) != max_epochs or max_epochs < 1:
        raise ValueError("max_epochs must be a positive integer")
    Z = np.hstack([X, np.ones((len(X), 1))])
    v = np.zeros(Z.shape[1])
    count = 0
    for _ in range(int(max_epochs)):
        before = count
        for i in range(len(Z)):
            if y[i] * Z[i].dot(v) <= 0:
                v = v + y[i] * Z[i]
                count += 1
        if count == before:
            break
    return Perceptron(v[:-1], float(v[-1]), count)
""",
    ),
]
