from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "mean_b_not_subtracted",
        "uses x_b instead of x_b - mu_b",
        replace=[
            ("np.column_stack([values - mean[b], S_ab.T])", "np.column_stack([values, S_ab.T])")
        ],
        message="without subtracting mu_b",
    ),
    Mutant(
        "no_inverse",
        "Σ_ab (x_b - mu_b) without Σ_bb⁻¹",
        replace=[
            (
                "cond_mean = mean[a] + S_ab @ solved[:, 0]",
                "cond_mean = mean[a] + S_ab @ (values - mean[b])",
            )
        ],
        message="without Σ_bb⁻¹",
    ),
    Mutant(
        "marginal_cov",
        "returns Σ_aa as the conditional covariance",
        replace=[
            ("cond_cov = cov[np.ix_(a, a)] - S_ab @ solved[:, 1:]", "cond_cov = cov[np.ix_(a, a)]")
        ],
        message="the marginal Σ_aa",
    ),
    Mutant(
        "schur_plus",
        "adds the correction in the Schur complement",
        replace=[("cond_cov = cov[np.ix_(a, a)] - S_ab", "cond_cov = cov[np.ix_(a, a)] + S_ab")],
        message="the Schur complement subtracts",
    ),
    Mutant(
        "sorted_b_unsorted_values",
        "sorts the observed indices but not their values",
        replace=[("    b = idx.astype(int)\n", "    b = np.sort(idx.astype(int))\n")],
        message="paired with the sorted indices",
    ),
    Mutant(
        "observed_order_output",
        "returns the unobserved coordinates in reverse order",
        replace=[
            (
                "a = np.setdiff1d(np.arange(d), b)  # sorted",
                "a = np.setdiff1d(np.arange(d), b)[::-1]",
            )
        ],
    ),
    Mutant(
        "negative_indices_wrap",
        "negative indices accepted (Python wrap-around)",
        replace=[("if np.any((b < 0) | (b >= d)):", "if np.any(b >= d):")],
    ),
]

MUTANTS += [
    Mutant(
        "absolute_symmetry_tolerance",
        "tests the symmetry of cov with an absolute tolerance 1e-10",
        replace=[
            (
                "np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov))",
                "np.max(np.abs(cov - cov.T)) > 1e-10",
            )
        ],
        message="symmetry is relative to the size of cov",
    ),
]

VARIANTS = [
    Variant(
        "precision_matrix",
        "through the precision matrix Λ = Σ⁻¹ (and Cholesky)",
        append="""
def gaussian_conditional(mean, cov, observed_idx, observed_values):
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    b = list(observed_idx)
    x = np.asarray(observed_values, dtype=float)
    d = mean.size
    if mean.ndim != 1 or cov.shape != (d, d) or np.abs(cov - cov.T).max() > 1e-10 * np.abs(cov).max():
        raise ValueError("bad mean or cov")
    if len(b) != x.size or len(set(b)) != len(b):
        raise ValueError("bad indices")
    for i in b:
        if not isinstance(i, (int, np.integer)) or not 0 <= i < d:
            raise ValueError("bad index")
    if not b:
        return Gaussian(mean.copy(), cov.copy())
    a = [i for i in range(d) if i not in b]
    np.linalg.cholesky(cov[np.ix_(b, b)])
    P = np.linalg.inv(cov)
    if not a:
        return Gaussian(np.zeros(0), np.zeros((0, 0)))
    C = np.linalg.inv(P[np.ix_(a, a)])
    return Gaussian(mean[a] - C @ P[np.ix_(a, b)] @ (x - mean[b]), C)
""",
    ),
]
