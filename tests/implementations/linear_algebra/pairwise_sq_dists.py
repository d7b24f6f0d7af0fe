from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_clipping",
        "the expanded formula without clipping: tiny negatives where points coincide",
        replace=[("    return np.maximum(D, 0.0, out=D)\n", "    return D\n")],
        message="clip the result at 0",
    ),
    Mutant(
        "distances_not_squared",
        "returns the distances (square root of the result)",
        replace=[
            ("    return np.maximum(D, 0.0, out=D)\n", "    return np.sqrt(np.maximum(D, 0.0))\n")
        ],
        message="distances instead of squared distances",
    ),
    Mutant(
        "missing_factor_2",
        "|x|² + |y|² - x·y",
        replace=[("- 2.0 * (X @ Y.T)", "- (X @ Y.T)")],
        message="factor 2",
    ),
    Mutant(
        "python_double_loop",
        "a Python loop over every pair (i, j)",
        replace=[
            (
                "    D = x_sq[:, None] + y_sq[None, :] - 2.0 * (X @ Y.T)\n",
                "    D = np.empty((X.shape[0], Y.shape[0]))\n"
                "    for i in range(X.shape[0]):\n"
                "        for j in range(Y.shape[0]):\n"
                "            diff = X[i] - Y[j]\n"
                "            D[i, j] = diff @ diff\n",
            )
        ],
        message="ran out of time",
    ),
    Mutant(
        "transposed_result",
        "returns the (n, m) matrix",
        replace=[("    return np.maximum(D, 0.0, out=D)\n", "    return np.maximum(D.T, 0.0)\n")],
        message="transpose",
    ),
    Mutant(
        "centres_in_place",
        "shifts the caller's X and Y by X's mean in place (for accuracy)",
        replace=[
            (
                '    x_sq = np.einsum("ij,ij->i", X, X)\n',
                "    shift = X.mean(axis=0)\n    X -= shift\n    Y -= shift\n"
                '    x_sq = np.einsum("ij,ij->i", X, X)\n',
            )
        ],
        message="modified its input",
    ),
    Mutant(
        "empty_accepted",
        "returns an empty matrix for empty input instead of raising",
        replace=[("    if X.size == 0 or Y.size == 0:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "scipy_cdist",
        "SciPy's cdist with the squared Euclidean metric (exact differences, in C)",
        append="""
def pairwise_sq_dists(X, Y):
    from scipy.spatial.distance import cdist

    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if X.ndim != 2 or Y.ndim != 2 or X.shape[1] != Y.shape[1] or X.size == 0 or Y.size == 0:
        raise ValueError("X and Y must be non-empty 2-D arrays with equal widths")
    return cdist(X, Y, metric="sqeuclidean")
""",
    ),
    Variant(
        "centred_expansion",
        "the expanded formula after shifting both sets by a common mean, then clipped",
        append="""
def pairwise_sq_dists(X, Y):
    X = np.array(X, dtype=float)
    Y = np.array(Y, dtype=float)
    if X.ndim != 2 or Y.ndim != 2 or X.shape[1] != Y.shape[1] or not X.size or not Y.size:
        raise ValueError("X and Y must be non-empty 2-D arrays with equal widths")
    shift = (X.sum(axis=0) + Y.sum(axis=0)) / (len(X) + len(Y))
    X -= shift
    Y -= shift
    D = (X**2).sum(axis=1)[:, None] - 2 * X @ Y.T + (Y**2).sum(axis=1)
    return np.clip(D, 0.0, None)
""",
    ),
]
