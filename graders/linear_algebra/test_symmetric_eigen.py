"""Grader for linear_algebra/symmetric_eigen: symmetric_eigen(A, tol, max_sweeps) ->
Eigh(values, vectors). Test matrices are built from known eigenvalues; the vectors are
checked through A V = V diag(values) and V^T V = I, which leaves their signs (and the
basis within a repeated eigenvalue) free, whatever the algorithm."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_orthonormal,
    call,
    describe_call,
    expect_error,
    fail,
    fields,
    forbid,
)

SHORTCUTS = (
    "numpy.linalg.eig",
    "numpy.linalg.eigh",
    "numpy.linalg.eigvals",
    "numpy.linalg.eigvalsh",
    "numpy.linalg.svd",
    "scipy.linalg.*",
)


def with_eigenvalues(rng, values):
    """Q diag(values) Q^T for a random orthogonal Q (symmetrised exactly)."""
    n = len(values)
    Q = np.linalg.qr(rng.standard_normal((n, n)))[0]
    A = (Q * np.asarray(values, dtype=float)) @ Q.T
    return (A + A.T) / 2


def check(kata, A, eigenvalues):
    f = kata.symmetric_eigen
    called = describe_call(f, A)
    result = call(f, A)
    values, vectors = fields(result, ["values", "vectors"], "symmetric_eigen")
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    expected = np.sort(np.asarray(eigenvalues, dtype=float))
    scale = max(np.abs(expected).max(), np.abs(A).max())
    values = np.asarray(values, dtype=float)
    vectors = np.asarray(vectors, dtype=float)
    if values.shape != (n,):
        fail(f"{called}: values has shape {values.shape}, expected {(n,)}")
    if vectors.shape != (n, n):
        fail(f"{called}: vectors has shape {vectors.shape}, expected {(n, n)}")
    # Any backward-stable method is accurate to about n * eps * ||A|| in absolute terms.
    atol = 1e-10 * scale
    assert_close(
        values,
        expected,
        rtol=0.0,
        atol=atol,
        what="values",
        called=called,
        mistakes={
            "descending order: values must come in ascending order": expected[::-1],
        },
    )
    assert_orthonormal(vectors, axis=0, atol=1e-8, what="vectors", called=called)
    residual = A @ vectors - vectors * values
    worst = float(np.abs(residual).max())
    if worst > 1e-8 * scale:
        j = int(np.argmax(np.abs(residual).max(axis=0)))
        quotients = np.sum(vectors * (A @ vectors), axis=0)
        rows = np.sum(vectors * (A @ vectors.T).T, axis=1)
        if np.abs(A @ vectors.T - vectors.T * values).max() <= 1e-8 * scale:
            hint = (
                "the eigenvectors are the ROWS of what you returned; they must be the "
                "columns (return the transpose)"
            )
        elif np.abs(np.sort(quotients) - expected).max() <= 1e-8 * scale:
            hint = (
                "the columns are eigenvectors, but not in the order of values: when you "
                "sort the values, permute the columns of the vectors the same way"
            )
        elif np.abs(np.sort(rows) - expected).max() <= 1e-8 * scale:
            hint = "the eigenvectors seem to be rows, and out of order"
        else:
            hint = "column j must satisfy A v_j = values[j] v_j"
        fail(
            f"{called}: A @ vectors != vectors * values: column {j} is off by "
            f"{worst:.3g} (allowed {1e-8 * scale:.3g}); {hint}"
        )
    return values, vectors


@pytest.mark.points(2)
def test_symmetric_eigen_documented_example(kata):
    """Does [[2, 1], [1, 2]] give values [1, 3] with vectors +-[1, -1]/sqrt(2), +-[1, 1]/sqrt(2)?"""
    values, vectors = check(kata, [[2.0, 1.0], [1.0, 2.0]], [1.0, 3.0])
    assert_close(np.abs(vectors), np.full((2, 2), 2**-0.5), what="|vectors|")


@pytest.mark.points(2)
def test_symmetric_eigen_hand_checked_3x3(kata):
    """Does the second-difference matrix tridiag(-1, 2, -1) of size 3 give 2 - sqrt(2), 2,
    2 + sqrt(2)?

    Its eigenvalues are 2 - 2 cos(k pi / 4) for k = 1, 2, 3, with eigenvectors
    sin(j k pi / 4): [1, sqrt(2), 1] / 2, [1, 0, -1] / sqrt(2), [1, -sqrt(2), 1] / 2.
    """
    A = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
    values, vectors = check(kata, A, [2 - np.sqrt(2), 2.0, 2 + np.sqrt(2)])
    expected = np.array([[1, np.sqrt(2), 1], [np.sqrt(2), 0, -np.sqrt(2)], [1, -np.sqrt(2), 1]])
    assert_close(np.abs(vectors), np.abs(expected.T) / 2, what="|vectors|")


def test_symmetric_eigen_one_by_one(kata):
    """Is [[-3]] its own eigen-decomposition: values [-3], vectors [[+-1]]?"""
    values, vectors = check(kata, [[-3.0]], [-3.0])
    assert_close(np.abs(vectors), [[1.0]], what="|vectors|")


def test_symmetric_eigen_diagonal_input(kata):
    """Is an already diagonal matrix sorted, with the unit vectors permuted to match?"""
    values, vectors = check(kata, np.diag([3.0, -1.0, 2.0, 0.0]), [3.0, -1.0, 2.0, 0.0])
    assert_close(np.abs(vectors), np.eye(4)[:, [1, 3, 2, 0]], what="|vectors|")


@pytest.mark.points(4)
@pytest.mark.parametrize("n", [2, 3, 6, 12, 25])
def test_symmetric_eigen_random_matrices(kata, rng, n):
    """On random symmetric matrices with known eigenvalues (mixed signs), is A V = V diag(w)?"""
    values = rng.uniform(-10.0, 10.0, n)
    check(kata, with_eigenvalues(rng, values), values)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "values",
    [[1.0, 1.0, 1.0, 5.0], [-2.0, 4.0, 4.0, 4.0, 7.0, 7.0], [0.0, 0.0, 3.0]],
    ids=["triple", "triple-and-double", "zero-double"],
)
def test_symmetric_eigen_repeated_eigenvalues(kata, rng, values):
    """With repeated eigenvalues, is any orthonormal basis of each eigenspace accepted?"""
    check(kata, with_eigenvalues(rng, values), values)


def test_symmetric_eigen_identity_and_zero(kata):
    """Do I and the zero matrix give all-ones / all-zeros values and an orthonormal basis?"""
    check(kata, np.eye(4), np.ones(4))
    check(kata, np.zeros((3, 3)), np.zeros(3))


def test_symmetric_eigen_close_eigenvalues(kata, rng):
    """Are eigenvalues 1e-6 apart separated, each with its own eigenvector?"""
    check(kata, with_eigenvalues(rng, [1.0, 1.0 + 1e-6, 2.0, -1.0]), [1.0, 1.0 + 1e-6, 2.0, -1.0])


def test_symmetric_eigen_large_and_small_scales(kata, rng):
    """Do eigenvalues of size 1e6 and 1e-3 in one matrix come out right?"""
    values = [1e6, -2e5, 3.0, 1e-3]
    check(kata, with_eigenvalues(rng, values), values)


def test_symmetric_eigen_symmetric_to_round_off(kata, rng):
    """Is a matrix symmetric only to round-off (1e-14 relative) accepted?"""
    values = [1.0, 2.0, 3.0, 4.0]
    A = with_eigenvalues(rng, values)
    A[0, 2] += 1e-14
    check(kata, A, values)


RELATIVE_SYMMETRY = (
    "symmetry is relative to the size of A: max|A - A^T| <= 1e-10 * max|A|, not an "
    "absolute tolerance"
)


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e8, 1e-8], ids=["1e8", "1e-8"])
def test_symmetric_eigen_scaled_matrices(kata, rng, scale):
    """Scaled by 1e8 or 1e-8: are the eigenpairs right, symmetry judged relative to max|A|?

    The eigenvalues scale with A, and so must the convergence test (off-diagonal small
    relative to the norm of A) and the symmetry test: an asymmetry of 1e-11 * max|A| is
    round-off (accepted), one of 1e-4 * max|A| is not (ValueError), whatever the scale.
    """
    values = np.array([1.0, -2.0, 3.0, 0.5]) * scale
    A = with_eigenvalues(rng, values)
    check(kata, A, values)
    top = np.abs(A).max()
    close = A.copy()
    close[0, 2] += 1e-11 * top
    try:
        check(kata, close, values)
    except ValueError as exc:
        fail(
            f"{describe_call(kata.symmetric_eigen, close)} raised ValueError ({exc}): A is "
            f"symmetric to 1e-11 relative; " + RELATIVE_SYMMETRY
        )
    far = A.copy()
    far[0, 2] += 1e-4 * top
    expect_error(
        ValueError,
        kata.symmetric_eigen,
        far,
        why=f"max|A - A^T| = 1e-4 * max|A| = {1e-4 * top:.3g}; " + RELATIVE_SYMMETRY,
    )


@pytest.mark.points(2)
def test_symmetric_eigen_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was (rotating in place would destroy it)?"""
    values = [1.0, -2.0, 3.0, 0.5]
    A = with_eigenvalues(rng, values)
    check(kata, A, values)  # call() compares A after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, why",
    [
        ([[1.0, 2.0], [0.0, 1.0]], "not symmetric"),
        ([[1.0, 2.0, 3.0], [2.0, 1.0, 0.0], [3.0, 1e-3, 1.0]], "not symmetric (1e-3 off)"),
        ([1.0, 2.0, 3.0], "A is 1-D, it must be 2-D"),
        ([[1.0, 2.0, 3.0], [2.0, 1.0, 0.0]], "A is not square"),
        (np.zeros((0, 0)), "A is empty"),
    ],
    ids=["non-symmetric", "slightly-non-symmetric", "1d", "not-square", "empty"],
)
def test_symmetric_eigen_rejects_bad_input(kata, A, why):
    """Does a non-symmetric, non-square or empty A raise ValueError with a message?"""
    expect_error(ValueError, kata.symmetric_eigen, A, why=why)


@pytest.mark.points(2)
def test_symmetric_eigen_no_library_eigensolver(kata, rng):
    """Is the decomposition computed without np.linalg.eig*, svd or scipy.linalg?"""
    values = [4.0, -1.0, 2.5, 0.5, 3.0]
    A = with_eigenvalues(rng, values)
    with forbid(*SHORTCUTS, called="symmetric_eigen"):
        check(kata, A, values)


@pytest.mark.timeout(5)
def test_symmetric_eigen_larger_matrix(kata, rng):
    """Does a 40 x 40 matrix converge in time (vectorise each rotation)?"""
    values = rng.standard_normal(40) * 5.0
    check(kata, with_eigenvalues(rng, values), values)
