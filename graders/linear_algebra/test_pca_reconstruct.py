"""Grader for linear_algebra/pca_reconstruct: pca_reconstruct(X, k) -> X_hat (n, d), the
projection of the centred data onto its top k principal directions, mean added back.
The expected reconstruction comes from the eigenvectors of the covariance (unique where
the k-th and (k+1)-th variances differ); the error identity
||X - X_hat||_F^2 = (n - 1) * (sum of the dropped variances) is checked everywhere."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
)


def covariance_eigen(X):
    """Eigenvalues (decreasing, clipped at 0) and eigenvectors of cov(X), n - 1 divisor."""
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    cov = np.cov(X, rowvar=False, ddof=1).reshape(d, d)
    values, vectors = np.linalg.eigh(cov)
    return np.clip(values[::-1], 0.0, None), vectors[:, ::-1]


def check(kata, X, k, *, unique=True):
    f = kata.pca_reconstruct
    called = describe_call(f, X, k)
    result = call(f, X, k)
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    X_hat = np.asarray(result, dtype=float)
    if X_hat.shape != (n, d):
        fail(
            f"{called}: the result has shape {X_hat.shape}, expected {(n, d)} (like X)"
            + (
                ": that is the shape of the scores; map them back with the components"
                if X_hat.shape == (n, k)
                else ""
            )
        )
    values, vectors = covariance_eigen(X)
    mean = X.mean(axis=0)
    scale = max(np.abs(X).max(), 1.0)
    atol = 1e-9 * scale
    if unique:
        W = vectors[:, :k]
        expected = mean + (X - mean) @ W @ W.T
        assert_close(
            X_hat,
            expected,
            rtol=1e-8,
            atol=atol,
            what="X_hat",
            called=called,
            mistakes={
                "the mean was not added back after projecting the centred data": expected - mean,
                "X was projected without subtracting the mean first": X @ W @ W.T + mean,
                "X was projected without centring, and the mean not added back": X @ W @ W.T,
                "the mean was added twice": expected + mean,
            },
        )
    error = float(np.sum((X - X_hat) ** 2))
    best = (n - 1) * float(np.sum(values[k:]))
    if abs(error - best) > 1e-8 * max((n - 1) * values.sum(), 1.0):
        fail(
            f"{called}: ||X - X_hat||_F^2 = {error:.12g}, but it should be (n - 1) times "
            f"the sum of the dropped variances = {best:.12g}"
        )
    return X_hat


def correlated(rng, n, d, scales, offset=0.0):
    Q = np.linalg.qr(rng.standard_normal((d, d)))[0]
    return rng.standard_normal((n, d)) * np.asarray(scales) @ Q + offset


@pytest.mark.points(2)
def test_pca_reconstruct_documented_example(kata):
    """Does the docstring's rectangle collapse onto its long side, y = 0.5 (the mean)?

    The first component is +-[1, 0] (variance 4/3 vs 1/3), so keeping it keeps the x
    coordinates and replaces every y by the mean 0.5; both components give X back.
    """
    X = [[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]]
    X_hat = check(kata, X, 1)
    assert_close(X_hat, [[0.0, 0.5], [2.0, 0.5], [0.0, 0.5], [2.0, 0.5]], what="X_hat")
    check(kata, X, 2)


@pytest.mark.points(2)
def test_pca_reconstruct_hand_checked_line(kata):
    """Are (1, 3) and (3, 1) moved onto the line y = x, to the mean (2, 2)?

    X = (0, 0), (4, 4), (1, 3), (3, 1) has mean (2, 2) and deviations +-(2, 2) and
    +-(1, -1): variance 16/3 along (1, 1)/sqrt(2), 4/3 along (1, -1)/sqrt(2). Keeping
    the first direction leaves (0, 0) and (4, 4) and maps the other two to (2, 2).
    """
    X = [[0.0, 0.0], [4.0, 4.0], [1.0, 3.0], [3.0, 1.0]]
    X_hat = check(kata, X, 1)
    assert_close(X_hat, [[0.0, 0.0], [4.0, 4.0], [2.0, 2.0], [2.0, 2.0]], what="X_hat")


@pytest.mark.points(4)
@pytest.mark.parametrize("n, d, k", [(50, 4, 2), (30, 6, 1), (200, 10, 3), (8, 3, 2), (40, 5, 4)])
def test_pca_reconstruct_random_data(kata, rng, n, d, k):
    """On correlated random data, is X_hat = mean + (X - mean) W W^T with W the top k?"""
    scales = np.geomspace(8.0, 0.5, d)
    check(kata, correlated(rng, n, d, scales, rng.uniform(-5, 5, d)), k)


@pytest.mark.points(2)
def test_pca_reconstruct_far_from_origin(kata, rng):
    """With a mean near 1000, is the data centred first and the mean added back?"""
    X = correlated(rng, 30, 3, [3.0, 1.0, 0.2], [1000.0, -500.0, 200.0])
    check(kata, X, 1)


def test_pca_reconstruct_all_components_give_X(kata, rng):
    """With k = min(n, d), is X reconstructed exactly (nothing dropped)?"""
    X = correlated(rng, 12, 4, [2.0, 1.0, 0.5, 0.1], 3.0)
    assert_close(check(kata, X, 4), X, atol=1e-9, what="X_hat")
    Y = rng.standard_normal((4, 6))  # n < d: 3 directions of variance, k = n = 4
    assert_close(check(kata, Y, 4, unique=False), Y, atol=1e-9, what="X_hat")


def test_pca_reconstruct_error_identity_with_ties(kata, rng):
    """With equal variances at the cut (no unique answer), is the error still (n-1) sum?"""
    d = 4
    Q = np.linalg.qr(rng.standard_normal((d, d)))[0]
    Z = rng.standard_normal((60, d))
    Z -= Z.mean(axis=0)
    # Whiten Z exactly, then give it variances 9, 4, 4, 1 along Q's columns.
    values, vectors = np.linalg.eigh(Z.T @ Z / 59)
    Z = Z @ vectors / np.sqrt(values) @ vectors.T
    X = Z * np.sqrt([9.0, 4.0, 4.0, 1.0]) @ Q.T + 2.0
    check(kata, X, 2, unique=False)


def test_pca_reconstruct_single_feature(kata, rng):
    """With d = 1 and k = 1, is X given back unchanged?"""
    X = rng.standard_normal((6, 1)) * 3 + 1
    assert_close(check(kata, X, 1), X, atol=1e-9, what="X_hat")


def test_pca_reconstruct_leaves_input_unchanged(kata, rng):
    """Is X left exactly as it was (no centring in place)?"""
    X = correlated(rng, 20, 3, [2.0, 1.0, 0.3], 5.0)
    check(kata, X, 2)  # call() compares X after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, k, why",
    [
        ([1.0, 2.0, 3.0], 1, "X is 1-D, it must be 2-D"),
        ([[1.0, 2.0]], 1, "one sample: n < 2"),
        ([[1.0, 2.0], [3.0, 5.0], [0.0, 1.0]], 0, "n_components < 1"),
        ([[1.0, 2.0], [3.0, 5.0], [0.0, 1.0]], 3, "n_components > min(n, d)"),
        ([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]], 1, "X is constant: no variance"),
        (
            [[0.1, 0.7]] * 3,
            1,
            "X is constant; its computed mean is not exactly (0.1, 0.7), so its computed "
            "variance is round-off, not 0: test the values themselves (all rows equal)",
        ),
    ],
    ids=["1d", "one-sample", "k-zero", "k-too-large", "constant", "constant-inexact"],
)
def test_pca_reconstruct_rejects_bad_input(kata, X, k, why):
    """Does bad input raise ValueError with a message, as pca does?"""
    expect_error(ValueError, kata.pca_reconstruct, X, k, why=why)


@pytest.mark.timeout(5)
def test_pca_reconstruct_large_data(kata, rng):
    """Does 3000 x 40 data with k = 5 go through in time?"""
    X = rng.standard_normal((3000, 40)) * np.geomspace(10.0, 0.1, 40)
    check(kata, X, 5)
