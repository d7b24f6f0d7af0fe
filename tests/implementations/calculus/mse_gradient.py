from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "missing_factor_2",
        "the 2 from differentiating the square is left out",
        replace=[("dw = 2.0 / n *", "dw = 1.0 / n *"), ("db = 2.0 / n *", "db = 1.0 / n *")],
        message="factor 2",
    ),
    Mutant(
        "sum_not_mean",
        "loss and gradients summed over samples instead of averaged",
        replace=[
            ("loss = float(r @ r) / n", "loss = float(r @ r)"),
            ("dw = 2.0 / n * (X.T @ r)", "dw = 2.0 * (X.T @ r)"),
            ("db = 2.0 / n * float(r.sum())", "db = 2.0 * float(r.sum())"),
        ],
        message="instead of the mean",
    ),
    Mutant(
        "residual_sign",
        "residual y - (Xw + b) with the gradient formula for Xw + b - y",
        replace=[("r = X @ w + b - y", "r = y - (X @ w + b)")],
        message="wrong sign",
    ),
    Mutant(
        "X_not_transposed",
        "X @ r instead of X.T @ r (only runs when X is square)",
        replace=[("dw = 2.0 / n * (X.T @ r)", "dw = 2.0 / n * (X @ r)")],
        message="X @ r instead of X.T @ r",
    ),
    Mutant(
        "no_validation",
        "bad shapes are not rejected",
        replace=[
            ("    if X.ndim != 2:\n", "    if False:\n"),
            ("    if y.ndim != 1 or w.ndim != 1:\n", "    if False:\n"),
        ],
    ),
    Mutant(
        "modifies_input",
        "overwrites the caller's y (np.asarray does not copy a float array)",
        replace=[
            ("    loss = float(r @ r) / n\n", "    y[...] = 0.0\n    loss = float(r @ r) / n\n")
        ],
        message="modified its input `y`",
    ),
]

VARIANTS = [
    Variant(
        "augmented_design_matrix",
        "append a column of ones and differentiate the mean of squares once",
        append="""
def mse_loss_and_grad(X, y, w, b):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(w, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or w.ndim != 1:
        raise ValueError("X must be 2-D, y and w 1-D")
    if len(y) == 0 or len(y) != len(X) or len(w) != X.shape[1]:
        raise ValueError("empty input or mismatched shapes")
    A = np.hstack([X, np.ones((len(X), 1))])
    theta = np.append(w, b)
    r = A @ theta - y
    g = np.einsum("ij,i->j", A, r) * (2 / len(y))
    return MSE(np.mean(np.square(r)), g[:-1], g[-1])
""",
    ),
]
