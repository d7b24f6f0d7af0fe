from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "mean_not_added_back",
        "returns the projection of the centred data without adding the mean back",
        replace=[("    return mean + scores @ components\n", "    return scores @ components\n")],
        message="mean was not added back",
    ),
    Mutant(
        "not_centred",
        "projects X itself (not X - mean), then adds the mean",
        replace=[("    scores = (X - mean) @ components.T\n", "    scores = X @ components.T\n")],
        message="without subtracting the mean",
    ),
    Mutant(
        "one_component_too_many",
        "keeps k + 1 components (off by one)",
        append="""
def pca_reconstruct(X, n_components):
    X = np.asarray(X, dtype=float)
    pca(X, n_components)
    mean = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mean, full_matrices=False)
    W = Vt[: n_components + 1]
    return mean + (X - mean) @ W.T @ W
""",
        message="dropped variances",
    ),
    Mutant(
        "smallest_components",
        "keeps the k components of smallest variance",
        append="""
def pca_reconstruct(X, n_components):
    X = np.asarray(X, dtype=float)
    pca(X, n_components)
    mean = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mean)
    W = Vt[Vt.shape[0] - n_components :]
    return mean + (X - mean) @ W.T @ W
""",
    ),
    Mutant(
        "returns_scores",
        "returns the scores (n, k) instead of the reconstruction",
        replace=[("    return mean + scores @ components\n", "    return scores\n")],
        message="shape of the scores",
    ),
    Mutant(
        "centres_in_place",
        "subtracts the mean from the caller's X",
        replace=[
            (
                "    scores = (X - mean) @ components.T\n",
                "    X -= mean\n    scores = X @ components.T\n",
            )
        ],
        message="modified its input `X`",
    ),
    Mutant(
        "no_validation",
        "its own SVD without pca's checks",
        append="""
def pca_reconstruct(X, n_components):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mean, full_matrices=False)
    W = Vt[:n_components]
    return mean + (X - mean) @ W.T @ W
""",
    ),
]

MUTANTS += [
    Mutant(
        "constant_by_zero_variance",
        "its own SVD, calling X constant only when the computed variance is exactly 0",
        append="""
def pca_reconstruct(X, n_components):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("X must be 2-D with at least two rows")
    n, d = X.shape
    k = int(n_components)
    if k != n_components or not 1 <= k <= min(n, d):
        raise ValueError("n_components out of range")
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    if np.sum(s**2) <= 0.0:
        raise ValueError("X is constant")
    V = Vt[:k]
    return mean + (X - mean) @ V.T @ V
""",
        message="test the values themselves",
    ),
]

VARIANTS = [
    Variant(
        "truncated_svd",
        "mean + U_k diag(s_k) Vt_k of the centred data, own validation",
        append="""
def pca_reconstruct(X, n_components):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("X must be 2-D with at least 2 rows")
    n, d = X.shape
    if n_components != int(n_components) or not 1 <= n_components <= min(n, d):
        raise ValueError("n_components out of range")
    mu = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - mu, full_matrices=False)
    if not np.any(X != X[0]):
        raise ValueError("X is constant")
    k = int(n_components)
    return mu + (U[:, :k] * s[:k]) @ Vt[:k]
""",
    ),
    Variant(
        "covariance_eigh_negated",
        "top eigenvectors of the covariance, negated, as a projection matrix",
        append="""
def pca_reconstruct(X, n_components):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2 or not 1 <= n_components <= min(X.shape):
        raise ValueError("bad X or n_components")
    mu = X.sum(axis=0) / len(X)
    C = (X - mu).T @ (X - mu) / (len(X) - 1)
    if np.all(np.ptp(X, axis=0) == 0):
        raise ValueError("X is constant")
    w, V = np.linalg.eigh(C)
    W = -V[:, np.argsort(w)[::-1][:n_components]]
    P = W @ W.T
    return (X - mu) @ P + mu
""",
    ),
]
