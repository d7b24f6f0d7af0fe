"""Grader for linear_algebra/pca: pca(X, k) -> PCA(components, explained_variance,
explained_variance_ratio, mean). Component signs are free."""

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
)

FIELDS = ["components", "explained_variance", "explained_variance_ratio", "mean"]


def reference(X):
    """Eigen-decomposition of the covariance (n - 1 divisor), decreasing order."""
    X = np.asarray(X, dtype=float)
    cov = np.cov(X, rowvar=False, ddof=1).reshape(X.shape[1], X.shape[1])
    values, vectors = np.linalg.eigh(cov)
    return values[::-1], vectors[:, ::-1].T, cov


def check(kata, X, k, *, atol=1e-8):
    f = kata.pca
    called = describe_call(f, X, k)
    result = call(f, X, k)
    components, variance, ratio, mean = fields(result, FIELDS, "pca")
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    values, vectors, cov = reference(X)
    values = np.clip(values, 0.0, None)
    top = values[:k]
    total = np.trace(cov)
    size = values[0] if values[0] > 0 else 1.0  # tolerances follow the scale of X

    assert_close(mean, X.mean(axis=0), what="mean", called=called)
    components = np.asarray(components, dtype=float)
    if components.shape == (d, k) and k != d:
        fail(
            f"{called}: components has shape {(d, k)}, expected {(k, d)}: components are "
            "rows (one per component), not columns; transpose"
        )
    if components.shape != (k, d):
        fail(f"{called}: components has shape {components.shape}, expected {(k, d)}")
    assert_orthonormal(components, axis=1, what="components", called=called)

    uncentred = np.linalg.eigvalsh(X.T @ X / (n - 1))[::-1][:k]
    assert_close(
        variance,
        top,
        what="explained_variance",
        called=called,
        atol=atol * size,
        mistakes={
            "the divisor n instead of n - 1 (scikit-learn's convention is n - 1)": top
            * (n - 1)
            / n,
            "ascending order: components must come in decreasing order of variance": np.sort(
                values[::-1][:k]
            )
            if k < d
            else values[:k][::-1],
            "the data was not centred: subtract the column means first": uncentred,
        },
    )
    assert_close(
        ratio,
        top / total,
        what="explained_variance_ratio",
        called=called,
        atol=atol,
        mistakes={
            "the ratio over the kept components only; divide by the total variance of X": top
            / top.sum()
        },
    )
    # Each component is an eigenvector of the covariance with its explained variance:
    # this pins the directions down whatever their signs.
    for j in range(k):
        if top[j] <= 1e-9 * size:
            continue  # a direction without variance is not unique
        image = cov @ components[j]
        residual = np.abs(image - top[j] * components[j]).max()
        if residual > 1e-7 * size:
            fail(
                f"{called}: component {j} is not a principal direction: cov @ v differs "
                f"from variance * v by {residual:.3g}. Are the components rows of Vt "
                "(or eigenvectors of the covariance) of the centred data, in order?"
            )
    signs = np.where(np.sum(components * vectors[:k], axis=1) < 0, -1.0, 1.0)
    aligned = components * signs[:, None]
    distinct = np.append(np.abs(np.diff(values)) > 1e-6 * size, True)[:k]
    distinct &= np.append(True, np.abs(np.diff(values)) > 1e-6 * size)[:k]
    distinct &= top > 1e-9 * size
    assert_close(
        aligned[distinct],
        vectors[:k][distinct],
        what="components (signs aligned)",
        called=called,
        atol=1e-6,
    )
    return components, variance, ratio, mean


@pytest.mark.points(2)
def test_pca_documented_example(kata):
    """Does the docstring's rectangle give component +-[1, 0], variance 4/3, ratio 0.8?"""
    check(kata, [[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]], 1)


@pytest.mark.points(2)
def test_pca_hand_checked_line(kata):
    """Do points on the line y = x give one component +-[1, 1]/sqrt(2) with ratio 1?

    Deviations from the mean 3 are -2, -1, 0, 3 times [1, 1]; projected on the unit
    direction they are sqrt(2) times those, so the variance is 2 * 14 / 3 = 28 / 3.
    """
    X = [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [6.0, 6.0]]
    components, variance, ratio, _ = check(kata, X, 2)
    assert_close(np.abs(components[0]), [2**-0.5, 2**-0.5], what="first component (|.|)")
    assert_close(variance, [28 / 3, 0.0], what="explained_variance")
    assert_close(ratio, [1.0, 0.0], what="explained_variance_ratio")


@pytest.mark.points(4)
@pytest.mark.parametrize("n, d, k", [(50, 4, 2), (30, 6, 6), (200, 10, 3), (8, 3, 1)])
def test_pca_random_data(kata, rng, n, d, k):
    """On correlated random data, do the components, variances and ratios match?"""
    scales = np.linspace(3.0, 0.5, d)
    X = rng.standard_normal((n, d)) * scales @ np.linalg.qr(rng.standard_normal((d, d)))[0]
    check(kata, X + rng.uniform(-5, 5, size=d), k)


def test_pca_more_features_than_samples(kata, rng):
    """With n = 4 < d = 6 and k = n, is the direction without variance still orthonormal?"""
    check(kata, rng.standard_normal((4, 6)), 4)


def test_pca_far_from_origin(kata, rng):
    """Is the data centred: does a mean far from the origin leave the result unchanged?"""
    X = rng.standard_normal((40, 3)) * [2.0, 1.0, 0.5]
    check(kata, X + [100.0, -50.0, 20.0], 2)


@pytest.mark.parametrize("scale", [1e-12, 1e8], ids=["1e-12", "1e8"])
def test_pca_tiny_and_huge_scales(kata, rng, scale):
    """Is data scaled by 1e-12 or 1e8 analysed like any other (not called constant)?

    Its variances are of size 1e-24 or 1e16: only a constant X (all rows equal) has no
    variance to explain, not one whose variance is below an absolute threshold.
    """
    X = (rng.standard_normal((30, 3)) * [2.0, 1.0, 0.5] + [1.0, -2.0, 0.5]) * scale
    try:
        check(kata, X, 2)
    except ValueError as exc:
        fail(
            f"{describe_call(kata.pca, X, 2)} raised ValueError ({exc}): X varies on a "
            f"scale of {scale:g}; it is constant only when all its rows are equal, not "
            "when its variance is below an absolute threshold"
        )


def test_pca_single_feature(kata, rng):
    """Does d = 1 give the component +-1 and the ratio 1?"""
    components, _, ratio, _ = check(kata, rng.standard_normal((10, 1)), 1)
    assert_close(ratio, [1.0], what="explained_variance_ratio")


def test_pca_leaves_input_unchanged(kata, rng):
    """Is X left exactly as it was (centring must not happen in place)?"""
    check(kata, rng.standard_normal((20, 3)) + 5.0, 2)


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
            "X is constant; its computed mean is not exactly (0.1, 0.7), so the computed "
            "variance is round-off (about 1e-32), not 0: test the values themselves (all "
            "rows equal), not the variance against 0",
        ),
        (
            [[0.1e8, 0.7e8]] * 3,
            1,
            "X is constant (scaled by 1e8: round-off variance about 1e-17 relative to the "
            "scale, above any absolute threshold); test the values themselves",
        ),
    ],
    ids=[
        "1d",
        "one-sample",
        "k-zero",
        "k-too-large",
        "constant",
        "constant-inexact",
        "constant-1e8",
    ],
)
def test_pca_rejects_bad_input(kata, X, k, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.pca, X, k, why=why)
