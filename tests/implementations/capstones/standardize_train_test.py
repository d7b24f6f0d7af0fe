"""Known mistakes in capstones/standardize_train_test (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SCALE = "    scale = np.sqrt(np.mean((A - mean) ** 2, axis=0))\n"
RETURN = "    return Standardized((A - mean) / scale, (B - mean) / scale, mean, scale)\n"

MUTANTS = [
    Mutant(
        "sample_sd",
        "divides by n - 1 (the sample standard deviation)",
        replace=[(SCALE, "    scale = A.std(axis=0, ddof=1)\n")],
        message="not n - 1",
    ),
    Mutant(
        "test_own_statistics",
        "standardises the test rows with their own mean and sd (a leak)",
        replace=[
            (
                RETURN,
                "    own = (B - B.mean(axis=0)) / B.std(axis=0)\n"
                "    return Standardized((A - mean) / scale, own, mean, scale)\n",
            )
        ],
        message="not their own",
    ),
    Mutant(
        "pooled_statistics",
        "computes the mean and sd over training and test rows together",
        replace=[
            (
                "    mean = A.mean(axis=0)\n" + SCALE,
                "    both = np.vstack([A, B])\n"
                "    mean = both.mean(axis=0)\n"
                "    scale = both.std(axis=0)\n",
            )
        ],
        message="training rows only",
    ),
    Mutant(
        "divide_by_variance",
        "divides by the variance",
        replace=[(SCALE, "    scale = np.mean((A - mean) ** 2, axis=0)\n")],
        message="not the variance",
    ),
    Mutant(
        "whole_matrix",
        "takes one mean and one sd over the whole matrix instead of one per column",
        replace=[
            (
                "    mean = A.mean(axis=0)\n" + SCALE,
                "    mean = np.full(A.shape[1], A.mean())\n"
                "    scale = np.full(A.shape[1], A.std())\n",
            )
        ],
        message="per column",
    ),
    Mutant(
        "naive_variance",
        "computes the variance as mean(x^2) - mean(x)^2",
        replace=[(SCALE, "    scale = np.sqrt(np.abs(np.mean(A**2, axis=0) - mean**2))\n")],
        message="cancels catastrophically",
    ),
    Mutant(
        "centre_only",
        "subtracts the mean and forgets to divide",
        replace=[(RETURN, "    return Standardized(A - mean, B - mean, mean, scale)\n")],
    ),
    Mutant(
        "in_place",
        "standardises the caller's float arrays in place",
        replace=[
            ("    A = np.asarray(X_train, dtype=float)\n", "    A = np.asarray(X_train)\n"),
            (
                RETURN,
                "    A -= mean\n    A /= scale\n"
                "    return Standardized(A, (B - mean) / scale, mean, scale)\n",
            ),
        ],
    ),
    Mutant(
        "constant_exact_zero",
        "only refuses a column whose sd is exactly 0 (0.1, 0.1, 0.1 gets through)",
        replace=[
            (
                "    constant = scale <= 1e-12 * np.max(np.abs(A), axis=0)\n",
                "    constant = scale == 0\n",
            )
        ],
    ),
    Mutant(
        "no_finite_check",
        "accepts nan and inf",
        replace=[
            (
                "    if not (np.all(np.isfinite(A)) and np.all(np.isfinite(B))):\n",
                "    if False:\n",
            )
        ],
    ),
]

MUTANTS += [
    Mutant(
        "range_scale",
        "divides by the column's range (max - min) instead of its standard deviation",
        replace=[
            (
                "scale = np.sqrt(np.mean((A - mean) ** 2, axis=0))",
                "scale = A.max(axis=0) - A.min(axis=0)",
            )
        ],
    ),
    Mutant(
        "mean_absolute_deviation",
        "the scale as the mean absolute deviation, not the root mean square one",
        replace=[
            (
                "scale = np.sqrt(np.mean((A - mean) ** 2, axis=0))",
                "scale = np.mean(np.abs(A - mean), axis=0)",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "sklearn_standard_scaler",
        "scikit-learn's StandardScaler fitted on the training rows (after the checks)",
        replace=[
            (
                "    mean = A.mean(axis=0)\n",
                "    from sklearn.preprocessing import StandardScaler\n\n"
                "    scaler = StandardScaler().fit(A)\n"
                "    mean = A.mean(axis=0)\n",
            ),
            (
                RETURN,
                "    test = scaler.transform(B) if len(B) else (B - mean) / scale\n"
                "    return Standardized(scaler.transform(A), test, scaler.mean_, scaler.scale_)\n",
            ),
        ],
    ),
    Variant(
        "welford_loop",
        "one pass per column with Welford's running mean and sum of squares",
        append="""
def standardize_train_test(X_train, X_test):
    import math

    A = np.array(X_train, dtype=float)
    B = np.array(X_test, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] == 0 or A.shape[1] != B.shape[1]:
        raise ValueError("X_train and X_test must be 2-D with the same d >= 1 columns")
    if A.shape[0] < 2 or not (np.isfinite(A).all() and np.isfinite(B).all()):
        raise ValueError("need at least 2 finite training rows and finite test rows")
    n, d = A.shape
    mean, scale = np.empty(d), np.empty(d)
    for j in range(d):
        m = s = 0.0
        for i, x in enumerate(A[:, j], 1):
            delta = x - m
            m += delta / i
            s += delta * (x - m)
        mean[j], scale[j] = m, math.sqrt(s / n)
        if scale[j] <= 1e-12 * np.abs(A[:, j]).max():
            raise ValueError(f"training column {j} is constant")
    return Standardized((A - mean) / scale, (B - mean) / scale, mean, scale)
""",
    ),
    Variant(
        "review_fsum_shifted",
        "column by column: shifted by the first row, exact sums with math.fsum, the scale "
        "from the centred sum of squares",
        append="""
def standardize_train_test(X_train, X_test):
    import math

    A = np.array(X_train, dtype=float)
    B = np.array(X_test, dtype=float)
    if A.ndim != 2 or B.ndim != 2:
        raise ValueError("X_train and X_test must be 2-D")
    if A.shape[1] == 0 or A.shape[1] != B.shape[1]:
        raise ValueError("the inputs need the same, nonzero number of columns")
    if A.shape[0] < 2:
        raise ValueError("need at least two training rows")
    if not (np.isfinite(A).all() and np.isfinite(B).all()):
        raise ValueError("non-finite value")
    n, d = A.shape
    mean = np.empty(d)
    scale = np.empty(d)
    for j in range(d):
        col = A[:, j].tolist()
        shift = col[0]
        mu = shift + math.fsum(x - shift for x in col) / n
        var = math.fsum((x - mu) ** 2 for x in col) / n
        mean[j], scale[j] = mu, math.sqrt(var)
        if scale[j] <= 1e-12 * max(abs(x) for x in col):
            raise ValueError(f"training column {j} is constant")
    return Standardized((A - mean) / scale, (B - mean) / scale, mean, scale)
""",
    ),
]
