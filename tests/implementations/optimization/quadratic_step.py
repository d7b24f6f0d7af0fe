"""Known mistakes in optimization/quadratic_step (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "one_over_L",
        "returns the always-safe 1/lambda_max as the largest stable step",
        replace=[("StepSizes(2.0 / largest,", "StepSizes(1.0 / largest,")],
        message="always-safe step 1/L",
    ),
    Mutant(
        "smallest_eigenvalue_limits",
        "2/lambda_min as the stability limit",
        replace=[("StepSizes(2.0 / largest,", "StepSizes(2.0 / smallest,")],
        message="not the smallest",
    ),
    Mutant(
        "optimal_numerator_1",
        "1/(lambda_min + lambda_max) as the optimal step",
        replace=[("2.0 / (smallest + largest))", "1.0 / (smallest + largest))")],
        message="the numerator is 2",
    ),
    Mutant(
        "optimal_difference",
        "2/(lambda_max - lambda_min) as the optimal step",
        replace=[
            (
                "2.0 / (smallest + largest))",
                "2.0 / (largest - smallest) if largest > smallest else 2.0 / largest)",
            )
        ],
        message="balances",
    ),
    Mutant(
        "trace_bound",
        "2/trace(A) instead of 2/lambda_max",
        replace=[("StepSizes(2.0 / largest,", "StepSizes(2.0 / np.trace(A),")],
        message="2/trace(A)",
    ),
    Mutant(
        "eigenvalues_of_non_symmetric_A",
        "never checks symmetry and takes the eigenvalues of A itself",
        replace=[
            ("    if np.abs(A - A.T).max() > 1e-10 * scale:\n", "    if False:\n"),
            (
                "    values = np.linalg.eigvalsh((A + A.T) / 2)\n",
                "    values = np.sort(np.linalg.eigvals(A).real)\n",
            ),
        ],
        message="its own eigenvalues say nothing",
    ),
    Mutant(
        "exact_symmetry_check",
        "demands exact symmetry, refusing round-off asymmetry",
        replace=[("np.abs(A - A.T).max() > 1e-10 * scale", "np.any(A != A.T)")],
    ),
    Mutant(
        "unsorted_eigenvalues",
        "takes the first and last of np.linalg.eigvals, which are not sorted",
        replace=[
            (
                "    values = np.linalg.eigvalsh((A + A.T) / 2)\n",
                "    values = np.linalg.eigvals(A).real\n",
            ),
        ],
    ),
    Mutant(
        "no_definiteness_check",
        "returns negative or infinite steps for matrices that are not positive definite",
        replace=[
            ("    if not smallest > d * np.finfo(float).eps * abs(largest):\n", "    if False:\n"),
        ],
    ),
    Mutant(
        "absolute_definiteness_threshold",
        "calls eigenvalues below 1e-6 zero, refusing a positive definite A of small scale",
        replace=[
            (
                "    if not smallest > d * np.finfo(float).eps * abs(largest):\n",
                "    if not smallest > 1e-6:\n",
            )
        ],
    ),
    Mutant(
        "no_shape_check",
        "accepts a non-square A",
        replace=[
            ("    if A.ndim != 2 or A.shape[0] != A.shape[1]:\n", "    if A.ndim != 2:\n"),
            (
                "    d = A.shape[0]\n",
                "    A = A[:, : A.shape[0]] if A.shape[1] > A.shape[0] else A\n    d = A.shape[0]\n",
            ),
        ],
    ),
]

VARIANTS = [
    Variant(
        "cholesky_then_svd",
        "positive definiteness by trying a Cholesky factorisation, the extremes by the SVD",
        append="""
def quadratic_step_sizes(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be a non-empty square matrix")
    if not np.allclose(A, A.T, rtol=0.0, atol=1e-10 * np.abs(A).max()):
        raise ValueError("A must be symmetric")
    try:
        np.linalg.cholesky(A)
    except np.linalg.LinAlgError:
        raise ValueError("A must be positive definite") from None
    s = np.linalg.svd(A, compute_uv=False)  # singular values = eigenvalues for SPD A
    if s[-1] <= len(A) * np.finfo(float).eps * s[0]:
        raise ValueError("A is singular")
    return StepSizes(max_stable=2 / s[0], optimal=2 / (s[0] + s[-1]))
""",
    ),
    Variant(
        "scipy_eigh",
        "the extreme eigenvalues from scipy.linalg.eigh",
        append="""
def quadratic_step_sizes(A):
    import scipy.linalg

    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be a non-empty square matrix")
    if not scipy.linalg.issymmetric(A, rtol=1e-10):
        raise ValueError("A must be symmetric")
    lam = scipy.linalg.eigh(A, eigvals_only=True)
    if lam[0] <= 0 or lam[0] <= 1e-14 * lam[-1]:
        raise ValueError("A must be positive definite")
    return StepSizes(float(2 / lam[-1]), float(2 / (lam[0] + lam[-1])))
""",
    ),
]
