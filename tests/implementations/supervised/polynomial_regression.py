from mlkata.mutation import Mutant, Variant

V = "    V = x[:, None] ** np.arange(degree + 1)\n"

MUTANTS = [
    Mutant(
        "highest_power_first",
        "returns the coefficients highest power first, as np.polyfit does",
        replace=[
            (
                "    return np.linalg.lstsq(V, y, rcond=None)[0]\n",
                "    return np.linalg.lstsq(V, y, rcond=None)[0][::-1]\n",
            )
        ],
        message="wrong order",
    ),
    Mutant(
        "one_coefficient_short",
        "powers 0..degree-1 (np.arange(degree))",
        replace=[(V, "    V = x[:, None] ** np.arange(degree)\n")],
        message="one more than its degree",
    ),
    Mutant(
        "one_coefficient_too_many",
        "powers 0..degree+1",
        replace=[(V, "    V = x[:, None] ** np.arange(degree + 2)\n")],
        message="not degree",
    ),
    Mutant(
        "no_constant_term",
        "powers 1..degree, the constant column left out",
        replace=[
            (
                V + "    return np.linalg.lstsq(V, y, rcond=None)[0]\n",
                "    V = x[:, None] ** np.arange(1, degree + 1)\n"
                "    return np.concatenate([[0.0], np.linalg.lstsq(V, y, rcond=None)[0]])\n",
            )
        ],
    ),
    Mutant(
        "counts_samples_not_distinct_x",
        "compares the degree with len(x) instead of the number of distinct x values",
        replace=[("    distinct = np.unique(x).size\n", "    distinct = x.size\n")],
        message="only 3 distinct ones",
    ),
    Mutant(
        "accepts_negative_degree",
        "no check that degree >= 0",
        replace=[(" or degree < 0:", ":")],
        message="negative",
    ),
    Mutant(
        "uses_polyfit",
        "calls np.polyfit and reverses its result",
        replace=[
            (
                "    return np.linalg.lstsq(V, y, rcond=None)[0]\n",
                "    return np.polyfit(x, y, degree)[::-1]\n",
            )
        ],
        message="which this kata asks you not to use",
    ),
    Mutant(
        "uses_numpy_polynomial",
        "calls numpy.polynomial.polynomial.polyfit",
        replace=[
            (
                "    return np.linalg.lstsq(V, y, rcond=None)[0]\n",
                "    return np.polynomial.polynomial.polyfit(x, y, degree)\n",
            )
        ],
        message="which this kata asks you not to use",
    ),
    Mutant(
        "modifies_input",
        "sorts the caller's x and y in place (np.asarray does not copy)",
        replace=[
            (
                V,
                "    order = np.argsort(x)\n    x[:] = x[order]\n    y[:] = y[order]\n" + V,
            )
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "scipy_lstsq",
        "SciPy's lstsq on a Vandermonde matrix built by np.vander",
        append="""
def polynomial_fit(x, y, degree):
    import scipy.linalg

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError("x and y must be 1-D, non-empty, of the same length")
    if degree != int(degree) or degree < 0 or degree >= len(set(x.tolist())):
        raise ValueError("degree must be an integer in [0, number of distinct x)")
    V = np.vander(x, int(degree) + 1, increasing=True)
    return scipy.linalg.lstsq(V, y)[0]
""",
    ),
    Variant(
        "scaled_normal_equations",
        "normal equations on x scaled to [-1, 1], expanded back with binomial coefficients",
        append="""
def polynomial_fit(x, y, degree):
    from math import comb

    x = np.array(x, dtype=float)
    y = np.array(y, dtype=float)
    if x.ndim != 1 or y.ndim != 1 or len(x) != len(y) or len(x) == 0:
        raise ValueError("x and y must be 1-D, non-empty, of the same length")
    if not float(degree).is_integer() or degree < 0:
        raise ValueError("degree must be a non-negative integer")
    p = int(degree)
    if p + 1 > len(np.unique(x)):
        raise ValueError("not enough distinct x values for this degree")
    centre = (x.max() + x.min()) / 2
    half = (x.max() - x.min()) / 2 or 1.0
    t = (x - centre) / half
    T = np.stack([t**j for j in range(p + 1)], axis=1)
    a = np.linalg.solve(T.T @ T, T.T @ y)
    # sum_j a_j ((x - centre) / half)^j expanded in powers of x
    coef = np.zeros(p + 1)
    for j in range(p + 1):
        for k in range(j + 1):
            coef[k] += a[j] * comb(j, k) * (-centre) ** (j - k) / half**j
    return coef
""",
    ),
]
