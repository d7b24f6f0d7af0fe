"""Grader for linear_algebra/low_rank: low_rank_approx(A, k) -> A_k (m, n). Test
matrices are built from known singular values and vectors, so A_k is known in closed
form where it is unique, and is checked through Eckart-Young where it is not."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
)


def orthonormal_columns(rng, m, r):
    return np.linalg.qr(rng.standard_normal((m, r)))[0]


def householder_pair(rng, n):
    """The orthogonal product of two random Householder reflections (cheap for large n)."""
    w1, w2 = rng.standard_normal((2, n))
    w1, w2 = w1 / np.linalg.norm(w1), w2 / np.linalg.norm(w2)
    Q = np.eye(n) - 2 * np.outer(w1, w1)
    return Q - 2 * np.outer(Q @ w2, w2)


def with_singular_values(rng, m, n, sigma):
    """U diag(sigma) V^T with random orthonormal U (m, r), V (n, r); r = len(sigma)."""
    sigma = np.asarray(sigma, dtype=float)
    U = orthonormal_columns(rng, m, len(sigma))
    V = orthonormal_columns(rng, n, len(sigma))
    return (U * sigma) @ V.T, U, V


def mistakes_for(A, k):
    """What the listed mistakes return, built from NumPy's SVD of A (their signs)."""
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    out = {}
    r = len(s)
    if k + 1 <= r:
        out["off-by-one: k + 1 terms kept (slice [:k + 1]?)"] = (U[:, : k + 1] * s[: k + 1]) @ Vt[
            : k + 1
        ]
    if k >= 1:
        out["off-by-one: k - 1 terms kept (slice [:k - 1]?)"] = (U[:, : k - 1] * s[: k - 1]) @ Vt[
            : k - 1
        ]
    if k <= Vt.shape[1]:
        out["the columns of Vt used instead of its rows (Vt[:, :k] in place of Vt[:k])"] = (
            U[:, :k] * s[:k]
        ) @ Vt[:, :k].T
    return out


def call_low_rank(kata, A, k):
    f = kata.low_rank_approx
    called = describe_call(f, A, k)
    result = call(f, A, k)
    A = np.asarray(A, dtype=float)
    result = np.asarray(result, dtype=float)
    if result.shape != A.shape:
        fail(f"{called}: the result has shape {result.shape}, expected {A.shape} (like A)")
    return called, result


def check_known(kata, A, k, expected, scale):
    """A_k against its closed form U_k diag(sigma_k) V_k^T (unique: sigma_k > sigma_k+1)."""
    called, result = call_low_rank(kata, A, k)
    assert_close(
        result,
        expected,
        rtol=0.0,
        atol=1e-10 * scale,
        what="A_k",
        called=called,
        mistakes=mistakes_for(np.asarray(A, dtype=float), k),
    )
    return result


def check_optimal(kata, A, k, sigma):
    """Eckart-Young: rank <= k and ||A - A_k||_F = sqrt(sum of the dropped sigma^2)."""
    called, result = call_low_rank(kata, A, k)
    A = np.asarray(A, dtype=float)
    sigma = np.sort(np.asarray(sigma, dtype=float))[::-1]
    scale = max(sigma[0], 1.0)
    best = np.sqrt(np.sum(sigma[k:] ** 2))
    error = np.sqrt(np.sum((A - result) ** 2))
    if abs(error - best) > 1e-9 * scale:
        fail(
            f"{called}: ||A - A_k||_F = {error:.12g}, but the best rank-{k} error is "
            f"sqrt(sum of the dropped sigma_i^2) = {best:.12g} (Eckart-Young)"
        )
    rank_part = np.linalg.svd(result, compute_uv=False)[k:] if k < min(A.shape) else []
    if len(rank_part) and rank_part[0] > 1e-9 * scale:
        fail(
            f"{called}: the result has rank above {k}: its singular value number {k + 1} "
            f"is {rank_part[0]:.3g}"
        )
    return result


@pytest.mark.points(2)
def test_low_rank_approx_documented_example(kata):
    """Is the rank-1 approximation of [[3, 1], [1, 3]] the matrix [[2, 2], [2, 2]]?

    sigma = 4 with u = v = [1, 1]/sqrt(2), then 2 with [1, -1]/sqrt(2): A_1 = 4 u v^T.
    """
    result = check_known(kata, [[3.0, 1.0], [1.0, 3.0]], 1, [[2.0, 2.0], [2.0, 2.0]], 4.0)
    check_optimal(kata, [[3.0, 1.0], [1.0, 3.0]], 1, [4.0, 2.0])
    assert_close(result, [[2.0, 2.0], [2.0, 2.0]], what="A_1")


@pytest.mark.points(2)
def test_low_rank_approx_hand_checked_rectangle(kata):
    """Does the 2 x 3 matrix [[0, 2, 0], [1, 0, 0]] (sigma = 2, 1) keep [[0, 2, 0], [0, 0, 0]]?

    Its SVD is 2 e1 e2^T + 1 e2 e1^T: keeping the larger term zeroes the 1.
    """
    A = [[0.0, 2.0, 0.0], [1.0, 0.0, 0.0]]
    check_known(kata, A, 1, [[0.0, 2.0, 0.0], [0.0, 0.0, 0.0]], 2.0)
    check_known(kata, A, 2, A, 2.0)


@pytest.mark.points(2)
def test_low_rank_approx_rank_zero_is_zero_matrix(kata, rng):
    """Does k = 0 give the zero matrix of A's shape?"""
    A = rng.standard_normal((4, 6))
    check_known(kata, A, 0, np.zeros((4, 6)), 1.0)


def test_low_rank_approx_full_rank_gives_A(kata, rng):
    """Does k = min(m, n) give A back (nothing dropped)?"""
    for shape in [(5, 3), (3, 5), (4, 4)]:
        A = rng.standard_normal(shape)
        check_known(kata, A, min(shape), A, np.abs(A).max())


@pytest.mark.points(4)
@pytest.mark.parametrize("m, n, k", [(6, 4, 2), (4, 6, 1), (10, 10, 5), (30, 12, 7), (8, 20, 3)])
def test_low_rank_approx_random_matrices(kata, rng, m, n, k):
    """On random matrices with known SVD, is A_k = U_k diag(sigma_k) V_k^T?"""
    r = min(m, n)
    sigma = np.sort(rng.uniform(0.5, 10.0, r))[::-1]
    sigma[:k] += 1.0  # a clear gap at the cut keeps A_k unique and well-conditioned
    A, U, V = with_singular_values(rng, m, n, sigma)
    expected = (U[:, :k] * sigma[:k]) @ V[:, :k].T
    check_known(kata, A, k, expected, sigma[0])
    check_optimal(kata, A, k, sigma)


@pytest.mark.points(2)
def test_low_rank_approx_eckart_young_with_ties(kata, rng):
    """With sigma_k = sigma_k+1 (no unique answer), is the error still the optimum?"""
    sigma = [5.0, 3.0, 3.0, 1.0]
    A, _, _ = with_singular_values(rng, 7, 4, sigma)
    check_optimal(kata, A, 2, sigma)


def test_low_rank_approx_rank_deficient_input(kata, rng):
    """For A of rank 2, does any k >= 2 give A itself?"""
    A, U, V = with_singular_values(rng, 6, 5, [4.0, 2.0])
    for k in (2, 3, 5):
        check_known(kata, A, k, A, 4.0)
    check_known(kata, A, 1, 4.0 * np.outer(U[:, 0], V[:, 0]), 4.0)


def test_low_rank_approx_single_row_and_column(kata):
    """Are a 1 x n and an m x 1 matrix (rank 1) handled: k = 1 gives A, k = 0 zeros?"""
    row = [[1.0, -2.0, 2.0]]
    column = [[3.0], [4.0]]
    check_known(kata, row, 1, row, 3.0)
    check_known(kata, column, 0, np.zeros((2, 1)), 5.0)


def test_low_rank_approx_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was?"""
    A = rng.standard_normal((5, 4))
    # call() compares A after the call
    check_optimal(kata, A, 2, np.linalg.svd(A, compute_uv=False))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "A, k, why",
    [
        ([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], 3, "k > min(m, n) = 2"),
        ([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], -1, "k < 0"),
        ([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], 1.5, "k is not an integer"),
        ([1.0, 2.0, 3.0], 1, "A is 1-D, it must be 2-D"),
        (np.zeros((0, 3)), 0, "A is empty"),
    ],
    ids=["k-too-large", "k-negative", "k-fractional", "1d", "empty"],
)
def test_low_rank_approx_rejects_bad_input(kata, A, k, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.low_rank_approx, A, k, why=why)


@pytest.mark.timeout(5)
def test_low_rank_approx_large_matrix(kata, rng):
    """Does a 300 x 120 matrix reach the Eckart-Young optimum in time?"""
    sigma = np.linspace(20.0, 0.1, 120)
    U = householder_pair(rng, 300)[:, :120]
    V = householder_pair(rng, 120)
    A = (U * sigma) @ V.T
    called, result = call_low_rank(kata, A, 20)
    error = np.sqrt(np.sum((A - result) ** 2))
    assert_close(error, np.sqrt(np.sum(sigma[20:] ** 2)), rtol=1e-9, what="||A - A_k||_F")
