"""Known mistakes in optimization/convexity (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

TEST = "return bool(np.linalg.eigvalsh(S)[0] >= -tol)"

MUTANTS = [
    Mutant(
        "eigenvalues_of_A",
        "the real parts of the eigenvalues of the non-symmetric A",
        replace=[(TEST, "return bool(np.linalg.eigvals(A).real.min() >= -tol)")],
        message="the eigenvalues of a non-symmetric A do not decide convexity",
    ),
    Mutant(
        "eigvalsh_of_A",
        "np.linalg.eigvalsh(A) on A itself (it reads the lower triangle)",
        replace=[(TEST, "return bool(np.linalg.eigvalsh(A)[0] >= -tol)")],
        message="reads only the lower triangle",
    ),
    Mutant(
        "not_halved",
        "A + A.T instead of (A + A.T) / 2 (doubles the eigenvalues, so tol means half)",
        replace=[("    S = 0.5 * (A + A.T)\n", "    S = A + A.T\n")],
        message="within the default tol",
    ),
    Mutant(
        "ignores_tol",
        "lambda_min >= 0, tol ignored",
        replace=[(TEST, "return bool(np.linalg.eigvalsh(S)[0] >= 0)")],
        message="within the default tol",
    ),
    Mutant(
        "positive_definite",
        "tests positive definiteness by Cholesky (a PSD singular matrix fails)",
        replace=[
            (
                TEST,
                "try:\n        np.linalg.cholesky(S)\n    except np.linalg.LinAlgError:\n"
                "        return False\n    return True",
            )
        ],
        message="PSD",
    ),
    Mutant(
        "nonnegative_diagonal",
        "checks the diagonal only",
        replace=[(TEST, "return bool(np.all(np.diag(A) >= -tol))")],
        message="expected False",
    ),
    Mutant(
        "returns_eigenvalue",
        "returns the smallest eigenvalue instead of a bool",
        replace=[(TEST, "return np.linalg.eigvalsh(S)[0]")],
        message="it should return a bool",
    ),
    Mutant(
        "no_validation",
        "a negative tol is not rejected",
        replace=[("    if not tol >= 0:\n", "    if tol != tol:\n")],
        message="tol is negative",
    ),
    Mutant(
        "symmetrises_in_place",
        "symmetrises the caller's A in place",
        replace=[("    S = 0.5 * (A + A.T)\n", "    A += A.T.copy()\n    A *= 0.5\n    S = A\n")],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "shifted_cholesky",
        "S + tol I is positive definite (Cholesky succeeds) iff lambda_min(S) > -tol",
        replace=[
            (
                TEST,
                "try:\n        np.linalg.cholesky(S + tol * np.eye(len(S)))\n"
                "    except np.linalg.LinAlgError:\n        return False\n    return True",
            )
        ],
    ),
    Variant(
        "scipy_eigh",
        "the smallest eigenvalue of S by scipy.linalg.eigh on the subset [0, 0]",
        replace=[
            (
                TEST,
                "import scipy.linalg\n\n"
                "    smallest = scipy.linalg.eigh(S, eigvals_only=True, subset_by_index=[0, 0])\n"
                "    return bool(smallest[0] >= -tol)",
            )
        ],
    ),
]
