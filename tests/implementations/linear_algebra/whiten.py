from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "divisor_n",
        "covariance with the divisor n: cov(Z, ddof=1) = n / (n - 1) I",
        replace=[
            (
                "    covariance = centred.T @ centred / (n - 1)\n",
                "    covariance = centred.T @ centred / n\n",
            )
        ],
        message="divisor mismatch",
    ),
    Mutant(
        "not_centred",
        "projects X itself, without subtracting the mean",
        replace=[
            (
                "    return centred @ vectors / np.sqrt(values + eps)\n",
                "    return X @ vectors / np.sqrt(values + eps)\n",
            )
        ],
        message="subtract the mean",
    ),
    Mutant(
        "eps_ignored",
        "divides by sqrt(Lambda), ignoring eps (except to avoid 0)",
        replace=[
            (
                "    return centred @ vectors / np.sqrt(values + eps)\n",
                "    return centred @ vectors / np.sqrt(np.where(values > 0, values, eps))\n",
            )
        ],
    ),
    Mutant(
        "eps_outside_sqrt",
        "divides by sqrt(Lambda) + eps",
        replace=[
            (
                "    return centred @ vectors / np.sqrt(values + eps)\n",
                "    return centred @ vectors / (np.sqrt(values) + eps)\n",
            )
        ],
    ),
    Mutant(
        "no_square_root",
        "divides by Lambda + eps instead of its square root",
        replace=[
            (
                "    return centred @ vectors / np.sqrt(values + eps)\n",
                "    return centred @ vectors / (values + eps)\n",
            )
        ],
    ),
    Mutant(
        "zca",
        "rotates back: (X - mean) V Lambda^(-1/2) V^T (ZCA whitening)",
        replace=[
            (
                "    return centred @ vectors / np.sqrt(values + eps)\n",
                "    return centred @ vectors / np.sqrt(values + eps) @ vectors.T\n",
            )
        ],
        message="ZCA",
    ),
    Mutant(
        "eigenvectors_as_rows",
        "uses the rows of V as eigenvectors (V^T)",
        replace=[
            (
                "    return centred @ vectors / np.sqrt(values + eps)\n",
                "    return centred @ vectors.T / np.sqrt(values + eps)\n",
            )
        ],
        message="columns of V, not rows",
    ),
    Mutant(
        "standardises",
        "divides every centred feature by its standard deviation (no decorrelation)",
        replace=[
            (
                "    return centred @ vectors / np.sqrt(values + eps)\n",
                "    return centred / np.sqrt(np.diag(covariance) + eps)\n",
            )
        ],
        message="correlated",
    ),
    Mutant(
        "n_equals_d_allowed",
        "accepts n = d",
        replace=[("    if n <= d:\n", "    if n < d:\n")],
    ),
    Mutant(
        "centres_in_place",
        "subtracts the mean from the caller's X",
        replace=[
            ("    centred = X - X.mean(axis=0)\n", "    X -= X.mean(axis=0)\n    centred = X\n")
        ],
        message="modified its input `X`",
    ),
]

MUTANTS.append(
    Mutant(
        "global_mean",
        "centres every column on the mean of the whole matrix, not its own mean",
        replace=[("    centred = X - X.mean(axis=0)\n", "    centred = X - X.mean()\n")],
        message="subtract the mean of X",
    )
)

VARIANTS = [
    Variant(
        "svd_of_centred_data",
        "Z = U S (S^2 / (n - 1) + eps)^(-1/2) from the SVD of the centred data",
        append="""
def whiten(X, eps=1e-8):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] <= X.shape[1]:
        raise ValueError("X must be 2-D with more rows than columns")
    if eps < 0:
        raise ValueError("eps must be >= 0")
    n = X.shape[0]
    U, s, _ = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return U * (s / np.sqrt(s**2 / (n - 1) + eps))
""",
    ),
    Variant(
        "ascending_negated_scipy",
        "scipy.linalg.eigh, ascending order, every column negated",
        append="""
def whiten(X, eps=1e-8):
    import scipy.linalg

    X = np.array(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if n <= d or eps < 0:
        raise ValueError("need n > d and eps >= 0")
    Xc = X - X.mean(axis=0)
    w, V = scipy.linalg.eigh(np.cov(Xc, rowvar=False, ddof=1).reshape(d, d))
    w = np.maximum(w, 0.0)
    return -(Xc @ V) / np.sqrt(w + eps)
""",
    ),
]
