"""Known mistakes in interpretability/partial_dependence (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

RETURN = "    return predictions.mean(axis=1)\n"
BUILD = (
    "    Z = np.repeat(X[None, :, :], grid.size, axis=0)  # (G, n, d): one copy of X per value\n"
)

MUTANTS = [
    Mutant(
        "prediction_at_the_mean_row",
        "replaces X by its mean row: f(mean) instead of mean f",
        replace=[(BUILD, "    X = X.mean(axis=0, keepdims=True)\n    n = 1\n" + BUILD)],
        message="evaluated at the mean row of X",
    ),
    Mutant(
        "ice_curves",
        "returns the (G, n) individual curves",
        replace=[(RETURN, "    return predictions\n")],
        message="shape",
    ),
    Mutant(
        "mean_over_grid",
        "averages over the grid values instead of the rows",
        replace=[(RETURN, "    return predictions.mean(axis=0)\n")],
    ),
    Mutant(
        "centred",
        "subtracts the curve's mean",
        replace=[(RETURN, "    pd = predictions.mean(axis=1)\n    return pd - pd.mean()\n")],
        message="the curve is centred",
    ),
    Mutant(
        "median",
        "the median over the rows",
        replace=[(RETURN, "    return np.median(predictions, axis=1)\n")],
        message="the median over the rows",
    ),
    Mutant(
        "sorted_grid",
        "sorts the grid first",
        replace=[(BUILD, "    grid = np.sort(grid)\n" + BUILD)],
        message="the grid was sorted",
    ),
    Mutant(
        "negative_feature_accepted",
        "Python's negative indices: feature -1 is the last column",
        replace=[("    if not 0 <= feature < d:\n", "    if not -d <= feature < d:\n")],
    ),
    Mutant(
        "feature_d_accepted",
        "feature = d slips through (and fails with an IndexError)",
        replace=[("    if not 0 <= feature < d:\n", "    if not 0 <= feature <= d:\n")],
    ),
    Mutant(
        "float_feature_accepted",
        "a non-integer feature is not refused",
        replace=[
            (
                "    if isinstance(feature, bool) or not isinstance(feature, (int, np.integer)):\n",
                "    if False:\n",
            )
        ],
    ),
    Mutant(
        "empty_grid_accepted",
        "an empty grid gives an empty curve",
        replace=[("    if grid.ndim != 1 or grid.size == 0:\n", "    if grid.ndim != 1:\n")],
    ),
    Mutant(
        "column_set_in_X",
        "sets the column in the caller's X, one grid value at a time",
        replace=[
            (BUILD, ""),
            ("    Z[:, :, feature] = grid[:, None]\n", ""),
            (
                "    predictions = np.asarray(predict(Z.reshape(-1, d)), dtype=float).reshape(grid.size, n)\n",
                "    rows = []\n"
                "    for value in grid:\n"
                "        X[:, feature] = value\n"
                "        rows.append(np.asarray(predict(X), dtype=float))\n"
                "    predictions = np.array(rows)\n",
            ),
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "one_call_per_value",
        "a loop over the grid, one model call on a modified copy each",
        append="""
def partial_dependence(predict, X, feature, grid):
    X = np.array(X, dtype=float)
    grid = np.asarray(grid, dtype=float)
    if X.ndim != 2 or X.size == 0 or grid.ndim != 1 or grid.size == 0:
        raise ValueError("X must be a non-empty (n, d) array and grid a non-empty 1-D array")
    if not isinstance(feature, (int, np.integer)) or not 0 <= feature < X.shape[1]:
        raise ValueError("feature must be a column index in [0, d)")
    out = np.empty(grid.size)
    for k, value in enumerate(grid):
        X[:, feature] = value
        out[k] = np.mean(predict(X))
    return out
""",
    ),
    Variant(
        "tiled_batch",
        "np.tile of X with the grid values repeated into the column, one call",
        append="""
def partial_dependence(predict, X, feature, grid):
    X = np.asarray(X, dtype=float)
    grid = np.asarray(grid, dtype=float)
    if X.ndim != 2 or X.size == 0 or grid.ndim != 1 or grid.size == 0:
        raise ValueError("X must be a non-empty (n, d) array and grid a non-empty 1-D array")
    if isinstance(feature, bool) or not isinstance(feature, (int, np.integer)):
        raise ValueError("feature must be an integer")
    if feature < 0 or feature >= X.shape[1]:
        raise ValueError("feature out of range")
    n = len(X)
    Z = np.tile(X, (grid.size, 1))
    Z[:, feature] = np.repeat(grid, n)
    return np.add.reduceat(np.asarray(predict(Z), dtype=float), np.arange(0, Z.shape[0], n)) / n
""",
    ),
]
