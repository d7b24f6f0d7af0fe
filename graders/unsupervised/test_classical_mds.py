"""Grader for unsupervised/classical_mds: classical_mds(D, k) -> Y (n, k).

Column signs and rotations within repeated eigenvalues leave Y free, so Y is graded on
Y Y^T (the rank-k part of B with its negative eigenvalues clipped) and on the distances
between its rows; test data have a gap after the k-th eigenvalue.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def distances(X):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - X[None, :, :]
    return np.sqrt(np.einsum("ijk,ijk->ij", diff, diff))


def gram(D, *, squared=True, centred=True, factor=-0.5):
    """B_ij = -1/2 (d_ij^2 - mean_i - mean_j + grand mean), written out entry-wise."""
    S = np.asarray(D, dtype=float) ** (2 if squared else 1)
    if not centred:
        return factor * S
    return factor * (S - S.mean(axis=1)[:, None] - S.mean(axis=0)[None, :] + S.mean())


def rank_k(B, k, *, order="top", clip=True, power=0.5):
    """Y Y^T for Y built from k eigenpairs of B (keywords replay known mistakes)."""
    values, vectors = np.linalg.eigh((B + B.T) / 2)
    if order == "top":
        idx = np.argsort(values)[::-1][:k]
    elif order == "abs":
        idx = np.argsort(np.abs(values))[::-1][:k]
    else:
        idx = np.argsort(values)[:k]
    lam = values[idx]
    lam = np.clip(lam, 0, None) if clip == "clip" or clip is True else np.abs(lam)
    V = vectors[:, idx]
    return (V * lam ** (2 * power)) @ V.T


def check(kata, D, k):
    f = kata.classical_mds
    D = np.asarray(D, dtype=float)
    n = len(D)
    called = describe_call(f, D, k)
    Y = np.asarray(call(f, D, k), dtype=float)
    if Y.shape == (k, n) and k != n:
        fail(f"{called} returned shape {Y.shape}, expected {(n, k)}: one point per ROW")
    if Y.shape != (n, k):
        fail(f"{called} returned shape {Y.shape}, expected {(n, k)}")
    if np.any(np.isnan(Y)):
        fail(
            f"{called}: Y contains NaN: the square root of a negative eigenvalue; clip "
            "negative eigenvalues to 0 (negative eigenvalues not clipped)"
        )
    B = gram(D)
    want = rank_k(B, k)
    scale = max(np.abs(B).max(), 1e-300)
    mistakes = {
        "distances used instead of squared distances in B": rank_k(gram(D, squared=False), k),
        "B not double-centred (B = -1/2 D^2 without J on both sides)": rank_k(
            gram(D, centred=False), k
        ),
        "the k SMALLEST eigenvalues instead of the largest": rank_k(B, k, order="bottom"),
        "eigenvectors scaled by the eigenvalues, not their square roots": rank_k(B, k, power=1),
        "the factor -1/2 left out of B": rank_k(gram(D, factor=-1.0), k),
        "|eigenvalue| instead of clipping negative eigenvalues to 0": rank_k(B, k, clip="abs"),
        "eigenvalues ranked by absolute value": rank_k(B, k, order="abs"),
    }
    assert_close(
        Y @ Y.T,
        want,
        rtol=1e-7,
        atol=1e-9 * scale,
        what="Y @ Y.T",
        called=called,
        mistakes={words: w for words, w in mistakes.items() if not np.allclose(w, want)},
    )
    return Y


def config(rng, n, d, spread=(1.0, 4.0)):
    """Points with distinct variances along d directions (a gap in B's spectrum)."""
    scales = np.linspace(spread[1], spread[0], d)
    return rng.normal(size=(n, d)) * scales @ np.linalg.qr(rng.normal(size=(d, d)))[0]


@pytest.mark.points(2)
def test_classical_mds_documented_example(kata):
    """Do the distances of 0, 1, 3 on a line give the centred coordinates -4/3, -1/3, 5/3?"""
    D = [[0.0, 1.0, 3.0], [1.0, 0.0, 2.0], [3.0, 2.0, 0.0]]
    Y = check(kata, D, 1)
    assert_close(Y * -np.sign(Y[0, 0]), [[-4 / 3], [-1 / 3], [5 / 3]], what="Y (sign fixed)")


@pytest.mark.points(2)
def test_classical_mds_square_worked_by_hand(kata):
    """Do the corners of a unit square come back as a unit square (Y Y^T = centred Gram)?

    Centred corners (+-1/2, +-1/2) have Gram matrix entries 1/2 on the diagonal, -1/2
    for opposite corners and 0 for neighbours; B has eigenvalues 1, 1, 0, 0 (a repeated
    pair: only Y Y^T is determined).
    """
    X = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    Y = check(kata, distances(X), 2)
    C = X - X.mean(axis=0)
    assert_close(Y @ Y.T, C @ C.T, atol=1e-12, what="Y @ Y.T")
    assert_close(distances(Y), distances(X), atol=1e-12, what="the distances between rows")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(6, 2), (20, 3), (40, 5)])
def test_classical_mds_recovers_euclidean_configurations(kata, rng, n, d):
    """For points in d dimensions, does k = d reproduce every distance and the centred Gram?"""
    X = config(rng, n, d)
    Y = check(kata, distances(X), d)
    C = X - X.mean(axis=0)
    assert_close(Y @ Y.T, C @ C.T, rtol=1e-7, atol=1e-9 * np.abs(C @ C.T).max(), what="Y Y^T")
    assert_close(distances(Y), distances(X), rtol=1e-7, atol=1e-7, what="the distances")
    assert_close(Y.mean(axis=0), np.zeros(d), atol=1e-9, what="the mean of Y")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, k", [(15, 4, 1), (30, 5, 2), (25, 6, 3)])
def test_classical_mds_truncates_to_the_top_k(kata, rng, n, d, k):
    """For points in d > k dimensions, is Y Y^T the top-k part of B (columns of variance order)?"""
    Y = check(kata, distances(config(rng, n, d)), k)
    norms = (Y**2).sum(axis=0)
    if np.any(np.diff(norms) > 1e-9 * norms.max()):
        fail(f"the columns of Y are not in decreasing order of eigenvalue: {norms}")


def test_classical_mds_non_euclidean_clips_negative_eigenvalues(kata, rng):
    """For a non-Euclidean D (B has negative eigenvalues), are they clipped to 0 at k = n?"""
    n = 8
    A = rng.uniform(1.0, 3.0, size=(n, n))
    D = np.triu(A, 1) + np.triu(A, 1).T
    B = gram(D)
    if np.linalg.eigvalsh(B).min() > -1e-3:  # pragma: no cover - the seed gives negatives
        fail("test data error: expected negative eigenvalues")
    check(kata, D, n)


def test_classical_mds_k_equals_n_on_points(kata, rng):
    """With k = n on points in 2-D, are the n - 2 extra columns (eigenvalues ~ 0) about 0?"""
    X = config(rng, 6, 2)
    Y = check(kata, distances(X), 6)
    assert_close(distances(Y), distances(X), atol=1e-7, what="the distances")


def test_classical_mds_one_point(kata):
    """Does a single point (D = [[0]], k = 1) sit at the origin?"""
    Y = check(kata, [[0.0]], 1)
    assert_close(Y, [[0.0]], what="Y")


def test_classical_mds_leaves_d_unchanged(kata, rng):
    """Is D left exactly as it was?"""
    D = distances(config(rng, 7, 2))
    check(kata, D, 2)  # call() compares D after the call


GOOD = [[0.0, 1.0, 3.0], [1.0, 0.0, 2.0], [3.0, 2.0, 0.0]]


@pytest.mark.parametrize(
    "D, k, why",
    [
        (GOOD, 0, "k = 0"),
        (GOOD, 4, "k > n"),
        (GOOD, 1.5, "k is not an integer"),
        ([[0.0, 1.0, 3.0], [1.0, 0.0, 2.0]], 1, "D is not square"),
        ([[0.0, 1.0], [2.0, 0.0]], 1, "D is not symmetric"),
        ([[0.0, -1.0], [-1.0, 0.0]], 1, "D is negative"),
        ([[1.0, 1.0], [1.0, 0.0]], 1, "non-zero diagonal"),
        (np.zeros((0, 0)), 1, "D is empty"),
    ],
    ids=["k0", "k_above_n", "k_float", "not_square", "asymmetric", "negative", "diagonal", "empty"],
)
def test_classical_mds_rejects_bad_input(kata, D, k, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.classical_mds, D, k, why=why)


@pytest.mark.timeout(5)
def test_classical_mds_large_input(kata, rng):
    """Are 600 points embedded quickly, with their distances reproduced in 3-D?"""
    X = config(rng, 600, 3)
    D = distances(X)
    f = kata.classical_mds
    Y = np.asarray(call(f, D, 3), dtype=float)
    assert_close(distances(Y), D, atol=1e-6, what="the distances", called=describe_call(f, D, 3))
