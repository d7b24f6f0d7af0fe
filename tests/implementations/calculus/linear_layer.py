from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "dX_not_transposed",
        "dX = dY @ W (only runs when W is square)",
        replace=[
            ("    dX = dY @ W.T\n", "    dX = dY @ W if W.shape[0] == W.shape[1] else dY @ W.T\n")
        ],
        message="dY @ W instead of dY @ W.T",
    ),
    Mutant(
        "dX_shapes_forced",
        "dX = (W @ dY.T).T reshaped by force: dY @ W reshaped to X's shape",
        replace=[("    dX = dY @ W.T\n", "    dX = (dY @ W.T).T.reshape(X.shape)\n")],
    ),
    Mutant(
        "dW_transposed",
        "dW = dY.T @ X, shape (m, d)",
        replace=[("    dW = X.T @ dY\n", "    dW = dY.T @ X\n")],
        message="transpose",
    ),
    Mutant(
        "mean_db",
        "db = mean of dY's rows",
        replace=[("    db = dY.sum(axis=0)\n", "    db = dY.mean(axis=0)\n")],
        message="db is the mean of dY's rows",
    ),
    Mutant(
        "db_wrong_axis",
        "db = dY.sum(axis=1)",
        replace=[("    db = dY.sum(axis=0)\n", "    db = dY.sum(axis=1)\n")],
    ),
    Mutant(
        "mean_dW",
        "dW divided by n",
        replace=[("    dW = X.T @ dY\n", "    dW = X.T @ dY / n\n")],
        message="dW averaged over the batch",
    ),
    Mutant(
        "no_bias",
        "Y = X @ W",
        replace=[("    Y = X @ W + b\n", "    Y = X @ W\n")],
        message="the bias is left out",
    ),
    Mutant(
        "no_validation",
        "shapes that do not fit are not rejected",
        replace=[
            (
                "    if W.shape[0] != d or b.shape != (m,) or dY.shape != (n, m):\n",
                "    if False:\n",
            ),
            ("    if b.ndim != 1:\n", "    if False:\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "per_sample_outer_products",
        "accumulates dW and db sample by sample, dX row by row",
        append="""
def linear_forward_backward(X, W, b, dY):
    X, W, b, dY = (np.asarray(a, dtype=float) for a in (X, W, b, dY))
    if X.ndim != 2 or W.ndim != 2 or b.ndim != 1 or dY.ndim != 2 or len(X) == 0:
        raise ValueError("bad ndim or empty")
    if W.shape[0] != X.shape[1] or b.shape[0] != W.shape[1] or dY.shape != (len(X), W.shape[1]):
        raise ValueError("shapes do not fit")
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    rows = []
    for x, g in zip(X, dY):
        dW += np.outer(x, g)
        db += g
        rows.append(W @ g)
    return Linear(np.dot(X, W) + b, np.array(rows), dW, db)
""",
    ),
]
