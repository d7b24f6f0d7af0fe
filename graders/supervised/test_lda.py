"""Grader for supervised/lda: fisher_lda_direction(X, y) -> w.

w is checked through the defining property: S_W w is parallel to mu1 - mu0, with S_W
summed from outer products in a loop; and against S_W^{-1}(mu1 - mu0), normalised,
for the messages that name a mistake. Any positive multiple of S_W is allowed.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

RTOL = 1e-7


def pieces(X, y):
    """The class means and the summed within-class scatter, by explicit sums."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    means = [X[y == c].mean(axis=0) for c in (0, 1)]
    d = X.shape[1]
    S_W = np.zeros((d, d))
    for x, c in zip(X, y, strict=True):
        r = x - means[int(c)]
        S_W += np.outer(r, r)
    return means[0], means[1], S_W


def unit(v):
    return v / np.linalg.norm(v)


def check(kata, X, y, expected=None):
    """Call fisher_lda_direction and compare with the normalised S_W^{-1}(mu1 - mu0)."""
    f = kata.fisher_lda_direction
    called = describe_call(f, X, y)
    w = call(f, X, y)
    mu0, mu1, S_W = pieces(X, y)
    diff = mu1 - mu0
    want = unit(np.linalg.solve(S_W, diff)) if expected is None else np.asarray(expected)
    Xa, ya = np.asarray(X, dtype=float), np.asarray(y)
    X0, X1 = Xa[ya == 0], Xa[ya == 1]
    raw = X0.T @ X0 + X1.T @ X1  # scatter about the origin, not the class means
    cov = np.cov(X0.T, bias=True).reshape(len(diff), -1) + np.cov(X1.T, bias=True).reshape(
        len(diff), -1
    )
    mistakes = {
        "the difference of the means alone: S_W^{-1} is missing": unit(diff),
        "S_W from uncentred samples (x x^T, not (x - mu_c)(x - mu_c)^T)": unit(
            np.linalg.lstsq(raw, diff, rcond=None)[0]
        ),
        "the two class covariances averaged (each divided by its own n_c), not the "
        "scatters summed": unit(np.linalg.lstsq(cov, diff, rcond=None)[0]),
        "not normalised to a unit vector": np.linalg.solve(S_W, diff),
        "S_W applied, not its inverse (S_W (mu1 - mu0))": unit(S_W @ diff),
    }
    for c, Xc in ((0, X0), (1, X1)):
        D = Xc - Xc.mean(axis=0)
        if np.linalg.matrix_rank(D.T @ D) == len(diff):
            mistakes[f"the scatter of class {c} alone, not the sum of both"] = unit(
                np.linalg.solve(D.T @ D, diff)
            )
    assert_close(w, want, rtol=RTOL, atol=1e-9, what="w", called=called, mistakes=mistakes)
    w = np.asarray(w, dtype=float)
    v = S_W @ w  # the defining property, independent of any solver: S_W w || mu1 - mu0
    assert_close(unit(v), unit(diff), rtol=1e-6, atol=1e-8, what="S_W w / |S_W w|", called=called)
    if not w @ diff > 0:
        fail(f"{called}: w . (mu1 - mu0) = {w @ diff:.3g}; w must point from class 0 to class 1")
    return w


@pytest.mark.points(2)
def test_fisher_lda_direction_documented_example(kata):
    """Does the docstring's example give [0.768221, 0.640184]?

    Class 0 has mean (1, 0) and scatter diag(2, 2); class 1 mean (4, 1) and scatter
    diag(8, 2): S_W = diag(10, 4), S_W^{-1}(3, 1) = (0.3, 0.25), normalised.
    """
    X = [[0, 0], [2, 0], [1, 1], [1, -1], [2, 1], [6, 1], [4, 2], [4, 0]]
    want = np.array([0.3, 0.25]) / np.hypot(0.3, 0.25)
    check(kata, X, [0, 0, 0, 0, 1, 1, 1, 1], expected=want)


@pytest.mark.points(2)
def test_fisher_lda_direction_one_feature_and_unit_scatter(kata):
    """With one feature, is w = [1] or [-1] by the order of the means?

    And with S_W = c I (two symmetric classes), is w the unit mean difference?
    """
    check(kata, [[0.0], [1.0], [5.0], [7.0]], [0, 0, 1, 1], expected=[1.0])
    check(kata, [[0.0], [1.0], [5.0], [7.0]], [1, 1, 0, 0], expected=[-1.0])
    X = [[-1, 0], [1, 0], [0, -1], [0, 1]]
    X = np.array(X + [[3 + a, 4 + b] for a, b in X], dtype=float)
    check(kata, X, [0] * 4 + [1] * 4, expected=[0.6, 0.8])


@pytest.mark.points(3)
def test_fisher_lda_direction_random_gaussian_classes(kata, rng):
    """On random Gaussian classes with unequal sizes and covariances, is S_W w || mu1 - mu0?"""
    for _ in range(10):
        d = int(rng.integers(1, 6))
        n0, n1 = int(rng.integers(d + 2, 40)), int(rng.integers(d + 2, 40))
        A0, A1 = rng.normal(size=(d, d)), rng.normal(size=(d, d))
        X0 = rng.normal(size=(n0, d)) @ A0 + rng.normal(size=d)
        X1 = rng.normal(size=(n1, d)) @ A1 + rng.normal(size=d) * 2
        order = rng.permutation(n0 + n1)
        X = np.vstack([X0, X1])[order]
        y = np.array([0] * n0 + [1] * n1)[order]
        check(kata, X, y)


@pytest.mark.points(2)
def test_fisher_lda_direction_maximises_the_fisher_criterion(kata, rng):
    """Is J(w) = (w.(mu1 - mu0))^2 / (w^T S_W w) at least J of 500 random directions?"""
    X = np.vstack([rng.normal(size=(30, 3)), rng.normal(size=(25, 3)) @ np.diag([3, 1, 0.5]) + 1])
    y = np.array([0] * 30 + [1] * 25)
    w = check(kata, X, y)
    mu0, mu1, S_W = pieces(X, y)

    def J(v):
        return (v @ (mu1 - mu0)) ** 2 / (v @ S_W @ v)

    others = rng.normal(size=(500, 3))
    best = max(J(v) for v in others)
    if J(w) < best * (1 - 1e-9):
        fail(f"J(w) = {J(w):.6g}, but a random direction reaches {best:.6g}")


@pytest.mark.points(2)
def test_fisher_lda_direction_is_scale_free(kata, rng):
    """Are w's for labels given as bools / floats and for X scaled by 10 the same?"""
    X = rng.normal(size=(20, 2)) + np.repeat([[0, 0], [2, 1]], 10, axis=0)
    y = np.repeat([0, 1], 10)
    w = check(kata, X, y)
    check(kata, X, y.astype(float), expected=w)
    check(kata, 10 * X, y, expected=w)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "kind",
    ["constant-feature", "repeated-feature", "one-sample-per-class"],
)
def test_fisher_lda_direction_singular_scatter(kata, rng, kind):
    """Does a singular within-class scatter raise numpy.linalg.LinAlgError?"""
    X = rng.integers(-5, 6, size=(10, 2)).astype(float)
    y = np.repeat([0, 1], 5)
    if kind == "constant-feature":
        X = np.column_stack([X, np.full(10, 2.0)])
    elif kind == "repeated-feature":
        X = np.column_stack([X, X[:, 0]])
    else:
        X, y = np.array([[0.0, 1.0], [3.0, 1.0]]), np.array([0, 1])
    expect_error(np.linalg.LinAlgError, kata.fisher_lda_direction, X, y, why=f"S_W: {kind}")


def test_fisher_lda_direction_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were (call() compares them after the call)?"""
    X = rng.normal(size=(12, 2))
    check(kata, X, np.repeat([0, 1], 6))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, why",
    [
        ([1.0, 2.0, 3.0], [0, 1, 1], "X is 1-D"),
        ([[1.0], [2.0]], [0, 1, 1], "3 labels for 2 samples"),
        ([[0.0], [1.0], [5.0], [7.0], [9.0]], [0, 0, 1, 1, 2], "a label 2"),
        ([[0.0], [1.0], [5.0], [7.0], [9.0]], [0, 0, 1, 1, -1], "a label -1"),
        ([[1.0], [2.0], [3.0]], [1, 1, 1], "class 0 has no sample"),
        ([[1.0, 0.0], [2.0, 5.0], [1.0, 5.0], [2.0, 0.0]], [0, 0, 1, 1], "equal class means"),
    ],
    ids=["X-1d", "lengths", "label-2", "label-minus-1", "one-class", "equal-means"],
)
def test_fisher_lda_direction_rejects_bad_input(kata, X, y, why):
    """Does bad input raise ValueError with a message?"""
    with np.errstate(all="ignore"):
        expect_error(ValueError, kata.fisher_lda_direction, X, y, why=why)


@pytest.mark.timeout(5)
def test_fisher_lda_direction_larger_data(kata, rng):
    """Does a set of 5000 samples with 30 features give the direction quickly?"""
    X = rng.normal(size=(5000, 30))
    y = (rng.random(5000) < 0.3).astype(int)
    X[y == 1] += rng.normal(size=30) * 0.2
    check(kata, X, y)
