"""Known mistakes in probabilistic_models/nadaraya_watson (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SQ = "    sq_dist = np.sum((X_query[:, None, :] - X_train[None, :, :]) ** 2, axis=2)  # (m, n)\n"
LOGK = "    log_k = -sq_dist / (2.0 * h * h)\n"
SHIFT = "    log_k = log_k - log_k.max(axis=1, keepdims=True)  # each query's own shift\n"
NORM = "    weights /= weights.sum(axis=1, keepdims=True)  # a softmax over the training points\n"

MUTANTS = [
    Mutant(
        "no_shift",
        "exponentiates the raw log kernels (0/0 when they all underflow)",
        replace=[(SHIFT, "")],
        message="own maximum",
    ),
    Mutant(
        "global_shift",
        "one shift, the global maximum, for all queries",
        replace=[(SHIFT, "    log_k = log_k - log_k.max()\n")],
        message="own maximum",
    ),
    Mutant(
        "normalised_over_queries",
        "weights normalised over the queries instead of the training points",
        replace=[(SHIFT, ""), (NORM, "    weights /= weights.sum(axis=0, keepdims=True)\n")],
        message="normalised over the queries",
    ),
    Mutant(
        "distance_not_squared",
        "the kernel of ||x - x_i||, not its square",
        replace=[(LOGK, "    log_k = -np.sqrt(sq_dist) / (2.0 * h * h)\n")],
        message="not squared",
    ),
    Mutant(
        "two_dropped",
        "the kernel exp(-||x - x_i||^2 / h^2)",
        replace=[(LOGK, "    log_k = -sq_dist / (h * h)\n")],
        message="2 of 2h^2 dropped",
    ),
    Mutant(
        "h_not_squared",
        "the kernel exp(-||x - x_i||^2 / (2h))",
        replace=[(LOGK, "    log_k = -sq_dist / (2.0 * h)\n")],
    ),
    Mutant(
        "nan_to_mean",
        "0/0 patched to the global mean of y instead of computed exactly",
        replace=[
            (SHIFT, ""),
            (
                "    return weights @ y_train\n",
                "    return np.nan_to_num(weights @ y_train, nan=y_train.mean())\n",
            ),
            (NORM, "    with np.errstate(all='ignore'):\n" + "    " + NORM),
        ],
    ),
    Mutant(
        "nearest_neighbour_only",
        "returns the y of the nearest training point",
        replace=[
            ("    return weights @ y_train\n", "    return y_train[np.argmax(weights, axis=1)]\n")
        ],
    ),
    Mutant(
        "no_bandwidth_check",
        "a non-positive bandwidth is not refused",
        replace=[("    if not (math.isfinite(h) and h > 0):\n", "    if False:\n")],
    ),
    Mutant(
        "no_length_check",
        "y_train of the wrong length is not refused",
        replace=[
            ("    if y_train.shape != (n,):\n", "    if y_train.ndim != 1:\n"),
            ("    return weights @ y_train\n", "    return weights @ np.resize(y_train, n)\n"),
        ],
    ),
    Mutant(
        "modifies_X_query",
        "subtracts in place from the queries",
        replace=[
            (
                "    X_query = np.array(X_query, dtype=float)\n",
                "    X_query = np.asarray(X_query, dtype=float)\n",
            ),
            (
                SQ,
                "    X_query -= 0.0\n    X_query *= 1.0 + 1e-300\n    X_query += 1e-9\n" + SQ,
            ),
        ],
        message="modified its input",
    ),
    Mutant(
        "bandwidth_not_squared",
        "review: log k = -||x - x_i||^2 / (2 h), h not squared",
        replace=[("    log_k = -sq_dist / (2.0 * h * h)\n", "    log_k = -sq_dist / (2.0 * h)\n")],
        message="the bandwidth not squared",
    ),
    Mutant(
        "global_mean_when_all_underflow",
        "review: no shift; a query whose kernels all underflow gets the mean of every y",
        replace=[
            (
                "    log_k = log_k - log_k.max(axis=1, keepdims=True)  # each query's own shift\n",
                "",
            ),
            (
                "    weights /= weights.sum(axis=1, keepdims=True)  # a softmax over the training points\n",
                "    total = weights.sum(axis=1, keepdims=True)\n"
                "    weights[total[:, 0] == 0] = 1.0\n"
                "    weights /= weights.sum(axis=1, keepdims=True)\n",
            ),
        ],
    ),
]

VARIANTS = [
    Variant(
        "scipy_softmax_cdist",
        "scipy.spatial.distance.cdist and scipy.special.softmax",
        replace=[
            (
                SQ,
                "    from scipy.spatial.distance import cdist\n"
                "    from scipy.special import softmax\n\n"
                "    return softmax(-cdist(X_query, X_train, 'sqeuclidean') / (2 * h * h), "
                "axis=1) @ y_train\n" + SQ,
            )
        ],
    ),
    Variant(
        "expanded_distances_loop",
        "||x||^2 - 2 x.x_i + ||x_i||^2 (clipped at 0), one query at a time, shifted by the "
        "smallest distance",
        append="""
def nadaraya_watson(X_train, y_train, X_query, bandwidth):
    X_train = np.array(X_train, dtype=float)
    y_train = np.array(y_train, dtype=float)
    X_query = np.array(X_query, dtype=float)
    if X_train.ndim != 2 or 0 in X_train.shape or y_train.shape != (len(X_train),):
        raise ValueError("bad training data")
    if X_query.ndim != 2 or len(X_query) == 0 or X_query.shape[1] != X_train.shape[1]:
        raise ValueError("bad queries")
    if not (np.isfinite(X_train).all() and np.isfinite(y_train).all()
            and np.isfinite(X_query).all()):
        raise ValueError("not finite")
    if not np.isscalar(bandwidth) or not (0 < bandwidth < np.inf):
        raise ValueError("bad bandwidth")
    h2 = float(bandwidth) ** 2
    norms = np.sum(X_train**2, axis=1)
    out = np.empty(len(X_query))
    for j, q in enumerate(X_query):
        d2 = np.maximum(q @ q - 2 * (X_train @ q) + norms, 0.0)
        k = np.exp(-(d2 - d2.min()) / (2 * h2))
        out[j] = np.dot(k, y_train) / k.sum()
    return out
""",
    ),
    Variant(
        "min_distance_shift_review",
        "review's independent road: squared distances by broadcast differences, each "
        "query's weights exp(-(D - min D)/(2 h^2)) (shift by the nearest distance), one "
        "weighted average per row",
        append="""
def nadaraya_watson(X_train, y_train, X_query, bandwidth):
    X = np.array(X_train, dtype=float)
    y = np.array(y_train, dtype=float)
    Qr = np.array(X_query, dtype=float)
    if X.ndim != 2 or Qr.ndim != 2 or X.shape[1] != Qr.shape[1]:
        raise ValueError("X_train and X_query must be 2-D with one d")
    n, d = X.shape
    if n < 1 or d < 1 or Qr.shape[0] < 1 or y.shape != (n,):
        raise ValueError("bad shapes")
    if np.ndim(bandwidth) != 0 or not (bandwidth > 0 and np.isfinite(bandwidth)):
        raise ValueError("bandwidth must be > 0")
    h = float(bandwidth)
    D = np.sum((Qr[:, None, :] - X[None, :, :]) ** 2, axis=2)
    W = np.exp(-(D - D.min(axis=1, keepdims=True)) / (2 * h * h))
    return (W @ y) / W.sum(axis=1)
""",
    ),
]
