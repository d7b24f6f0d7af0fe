"""Grader for linear_algebra/whiten: whiten(X, eps) -> Z (n, d), PCA whitening
Z = (X - mean) V (Lambda + eps)^(-1/2) with the covariance's eigenpairs (n - 1 divisor).
Each column of Z is matched, up to sign, with one principal direction (column order and
signs are free); cov(Z, ddof=1) is checked against Lambda / (Lambda + eps) ~ I."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
)


def expected_columns(X, eps, ddof=1):
    """The whitened columns, one per principal direction, and their variances."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    centred = X - X.mean(axis=0)
    values, vectors = np.linalg.eigh(centred.T @ centred / (n - ddof))
    values = np.clip(values, 0.0, None)
    return centred @ vectors / np.sqrt(values + eps), values


def check(kata, X, eps=None, *, atol=1e-9):
    f = kata.whiten
    kwargs = {} if eps is None else {"eps": eps}
    called = describe_call(f, X, **kwargs)
    result = call(f, X, **kwargs)
    eps = 1e-8 if eps is None else eps
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    Z = np.asarray(result, dtype=float)
    if Z.shape != (n, d):
        fail(f"{called}: Z has shape {Z.shape}, expected {(n, d)} (like X)")
    if not np.all(np.isfinite(Z)):
        fail(f"{called}: Z contains nan or inf")
    means = Z.mean(axis=0)
    if np.abs(means).max() > 1e-8 * max(np.abs(Z).max(), 1.0):
        fail(
            f"{called}: the columns of Z have means up to {np.abs(means).max():.3g}, not 0: "
            "subtract the mean of X before projecting"
        )
    E, values = expected_columns(X, eps)
    # Match every column of Z with the principal direction it is closest to (up to sign).
    distances = np.minimum(
        np.abs(Z[:, :, None] - E[:, None, :]).max(axis=0),
        np.abs(Z[:, :, None] + E[:, None, :]).max(axis=0),
    )  # distances[j, i]: column j of Z against direction i
    match = distances.argmin(axis=1)
    variances = Z.var(axis=0, ddof=1)
    target = values / (values + eps)
    # Directions of small variance are magnified by 1/sqrt(lambda): so is round-off.
    atol *= max(1.0, np.sqrt(values.max() / max(values.min(), eps, 1e-300)))
    if len(set(match.tolist())) < d or distances[np.arange(d), match].max() > atol:
        ratio = variances / target[match]
        if np.all(np.abs(ratio - (n - 1) / n) < 1e-6):
            fail(
                f"{called}: cov(Z, ddof=1) has {variances.round(6).tolist()} on its diagonal, "
                f"(n - 1) / n = {(n - 1) / n:.6g} times the target: a divisor mismatch (n in "
                "the covariance, n - 1 expected, or the other way round)"
            )
        if np.all(np.abs(ratio - n / (n - 1)) < 1e-6):
            fail(
                f"{called}: cov(Z, ddof=1) has {variances.round(6).tolist()} on its diagonal, "
                f"n / (n - 1) = {n / (n - 1):.6g} times the target: a divisor mismatch "
                "(the covariance must use n - 1, as the check cov(Z, ddof=1) = I does)"
            )
        cov_z = np.cov(Z, rowvar=False, ddof=1).reshape(d, d)
        off = np.abs(cov_z - np.diag(np.diag(cov_z))).max()
        if off <= 1e-6 and np.abs(np.diag(cov_z) - 1).max() <= 1e-6 and d > 1:
            fail(
                f"{called}: cov(Z) = I, but the columns of Z are not along the principal "
                "directions: PCA whitening stays in the eigenbasis, Z = (X - mean) V "
                "(Lambda + eps)^(-1/2); rotating back by V^T (ZCA whitening) is another method"
            )
        if off > 1e-6:
            fail(
                f"{called}: the columns of Z are correlated (off-diagonal covariance up to "
                f"{off:.3g}): project onto the eigenvectors V of the covariance (columns of "
                "V, not rows)"
            )
        j = int(distances[np.arange(d), match].argmax())
        fail(
            f"{called}: column {j} of Z is not a whitened principal component: it is "
            f"{distances[j, match[j]]:.3g} away from the nearest one (up to sign); its "
            f"variance is {variances[j]:.6g}, expected one of "
            f"{sorted(set(target.round(6).tolist()))} (Lambda / (Lambda + eps))"
        )
    assert_close(
        np.cov(Z, rowvar=False, ddof=1).reshape(d, d),
        np.diag(target[match]),
        rtol=1e-7,
        atol=1e-9,
        what="cov(Z, ddof=1) (expected Lambda / (Lambda + eps) on the diagonal)",
        called=called,
    )
    return Z


@pytest.mark.points(2)
def test_whiten_documented_example(kata):
    """Does the docstring's rectangle give |Z| = sqrt(3)/2 everywhere and cov(Z) = I?

    cov(X) = diag(4/3, 1/3); the deviations +-1 and +-0.5 divided by sqrt(4/3) and
    sqrt(1/3) are both +-sqrt(3)/2.
    """
    Z = check(kata, [[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]])
    assert_close(np.abs(Z), np.full((4, 2), np.sqrt(3) / 2), rtol=1e-7, what="|Z|")


@pytest.mark.points(2)
def test_whiten_hand_checked_single_feature(kata):
    """With d = 1 and eps = 0, is z = +-(x - 3) / sqrt(14 / 3) for x = [1, 2, 3, 6]?

    The mean is 3, the deviations -2, -1, 0, 3 and the variance (4 + 1 + 0 + 9) / 3.
    """
    Z = check(kata, [[1.0], [2.0], [3.0], [6.0]], 0.0)
    expected = np.array([[-2.0], [-1.0], [0.0], [3.0]]) / np.sqrt(14 / 3)
    assert_close(Z * np.sign(Z[0, 0] * expected[0, 0]), expected, what="Z (sign aligned)")


@pytest.mark.points(4)
@pytest.mark.parametrize("n, d", [(50, 3), (200, 6), (12, 11), (16, 8), (30, 2), (500, 10)])
def test_whiten_random_data(kata, rng, n, d):
    """On correlated random data, is every column a whitened principal component?"""
    Q = np.linalg.qr(rng.standard_normal((d, d)))[0]
    X = rng.standard_normal((n, d)) * np.geomspace(8.0, 0.5, d) @ Q + rng.uniform(-5, 5, d)
    Z = check(kata, X)
    # cov(Z) = Lambda / (Lambda + eps) misses I by about eps / lambda_min.
    smallest = np.linalg.eigvalsh(np.cov(X, rowvar=False)).min()
    assert_close(
        np.cov(Z, rowvar=False).reshape(d, d),
        np.eye(d),
        atol=1e-9 + 2e-8 / smallest,
        what="cov(Z, ddof=1)",
    )


def test_whiten_far_from_origin(kata, rng):
    """With a mean near 1000, is X centred (column means of Z are 0)?"""
    X = rng.standard_normal((40, 3)) * [3.0, 1.0, 0.2] + [1000.0, -500.0, 250.0]
    check(kata, X)


@pytest.mark.points(2)
def test_whiten_eps_is_added_to_the_eigenvalues(kata, rng):
    """Is the scaling (Lambda + eps)^(-1/2): cov(Z) = Lambda / (Lambda + eps), below 1?

    With eps = 0.5 and eigenvalues around 1, the variances come out well below 1; on
    data of scale 1e-3 (eigenvalues ~ 1e-6) even the default eps = 1e-8 shows.
    """
    Q = np.linalg.qr(rng.standard_normal((3, 3)))[0]
    X = rng.standard_normal((60, 3)) * [2.0, 1.0, 0.5] @ Q
    check(kata, X, 0.5)
    check(kata, X * 1e-3)


def test_whiten_eps_zero_is_exact(kata, rng):
    """With eps = 0 on full-rank data, is cov(Z, ddof=1) exactly I (to round-off)?"""
    X = rng.standard_normal((25, 4)) @ rng.standard_normal((4, 4))
    Z = check(kata, X, 0.0)
    assert_close(np.cov(Z, rowvar=False), np.eye(4), atol=1e-10, what="cov(Z)")


def test_whiten_constant_feature_stays_finite(kata, rng):
    """With a constant column (zero variance) and eps = 1e-8, is Z finite, that direction 0?"""
    X = np.column_stack([rng.standard_normal(20), np.full(20, 7.0), rng.standard_normal(20)])
    Z = check(kata, X)
    assert_close(np.sort(Z.var(axis=0, ddof=1))[0], 0.0, atol=1e-6, what="smallest variance")


def test_whiten_leaves_input_unchanged(kata, rng):
    """Is X left exactly as it was (no centring in place)?"""
    X = rng.standard_normal((20, 3)) + 5.0
    check(kata, X)  # call() compares X after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, eps, why",
    [
        (np.arange(9.0).reshape(3, 3) ** 2, 1e-8, "n = d = 3: need n > d"),
        (np.ones((2, 5)), 1e-8, "n = 2 < d = 5"),
        ([1.0, 2.0, 3.0], 1e-8, "X is 1-D, it must be 2-D"),
        ([[1.0, 2.0], [3.0, 5.0], [0.0, 1.0]], -1.0, "eps < 0"),
        (np.zeros((0, 2)), 1e-8, "X is empty"),
    ],
    ids=["n-equals-d", "n-less-than-d", "1d", "negative-eps", "empty"],
)
def test_whiten_rejects_bad_input(kata, X, eps, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.whiten, X, eps, why=why)


@pytest.mark.timeout(5)
def test_whiten_large_data(kata, rng):
    """Does 5000 x 30 data go through in time?"""
    X = rng.standard_normal((5000, 30)) * np.geomspace(5.0, 0.2, 30)
    check(kata, X)
