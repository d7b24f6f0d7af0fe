"""Grader for unsupervised/kmeans: kmeans(X, init_centers, max_iter=300, tol=1e-8) ->
KMeans(centers, labels, inertia, n_iter).

Lloyd's algorithm is graded through its fixed point (every label the nearest returned
centre, every centre the mean of its points, the inertia of those labels) and against an
independently written Lloyd loop from the same starting centres; n_iter only as
1 <= n_iter <= max_iter.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

FIELDS = ["centers", "labels", "inertia", "n_iter"]


def lloyd(X, C, max_iter, tol):
    """Lloyd's algorithm with Python loops over points and centres (the reference)."""
    rows = np.asarray(X, dtype=float).tolist()
    C = np.asarray(C, dtype=float).tolist()

    def nearest(x, centres):
        dists = [math.dist(x, c) for c in centres]
        return dists.index(min(dists))  # the first minimum: the lowest index

    for _ in range(max_iter):
        labels = [nearest(x, C) for x in rows]
        new = []
        for j, c in enumerate(C):
            members = [x for x, label in zip(rows, labels, strict=True) if label == j]
            new.append(
                [sum(col) / len(members) for col in zip(*members, strict=True)] if members else c
            )
        moved = max(math.dist(a, b) for a, b in zip(new, C, strict=True))
        C = new
        if moved <= tol:
            break
    labels = [nearest(x, C) for x in rows]
    inertia = sum(math.dist(x, C[label]) ** 2 for x, label in zip(rows, labels, strict=True))
    return np.array(C), np.array(labels), inertia


def check(kata, X, C0, max_iter=300, tol=1e-8, *, compare=True):
    """Call kmeans, check the fixed-point properties and the reference; return the fields."""
    f = kata.kmeans
    X = np.asarray(X, dtype=float)
    C0 = np.asarray(C0, dtype=float)
    called = describe_call(f, X, C0, max_iter, tol)
    centers, labels, inertia, n_iter = fields(call(f, X, C0, max_iter, tol), FIELDS, "kmeans")
    centers = np.asarray(centers, dtype=float)
    labels = np.asarray(labels)
    if centers.shape != C0.shape:
        fail(f"{called}: centers has shape {centers.shape}, expected {C0.shape}")
    if labels.shape != (len(X),) or not np.issubdtype(labels.dtype, np.integer):
        fail(f"{called}: labels should be {len(X)} integers, got {labels.dtype} {labels.shape}")
    if not (isinstance(n_iter, (int, np.integer)) and 1 <= n_iter <= max_iter):
        extra = " (one iteration too many: off by one)" if n_iter == max_iter + 1 else ""
        fail(f"{called}: n_iter = {n_iter!r}, expected an integer in [1, {max_iter}]{extra}")
    if np.any(np.isnan(centers)):
        fail(
            f"{called}: centers contains NaN: the mean of an empty cluster is 0/0; "
            "an empty cluster keeps its centre"
        )
    # every label is the nearest returned centre (up to round-off)
    d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    best = d2.min(axis=1)
    mine = d2[np.arange(len(X)), np.clip(labels, 0, len(centers) - 1)]
    slack = 1e-9 * (1 + best)
    if labels.min() < 0 or labels.max() >= len(centers) or np.any(mine > best + slack):
        i = int(np.argmax(mine - best))
        fail(
            f"{called}: point {i} has label {labels[i]}, but centre {int(np.argmin(d2[i]))} "
            "of the returned centers is nearer: the labels must be those of the returned "
            "centres (assign once more after the last update)"
        )
    assert_close(
        inertia,
        best.sum(),
        rtol=1e-9,
        what="inertia",
        called=called,
        mistakes={
            "the sum of distances, not of squared distances": np.sqrt(best).sum(),
            "the mean squared distance, not the sum": best.mean(),
        },
    )
    if compare:
        want_c, want_l, _ = lloyd(X, C0, max_iter, tol)
        assert_close(centers, want_c, rtol=1e-9, atol=1e-9, what="centers", called=called)
        assert_close(labels, want_l, atol=0, what="labels", called=called)
    return centers, labels, inertia, n_iter


def blobs(rng, n, d, k, spread=0.6):
    means = rng.normal(scale=4.0, size=(k, d))
    return means[rng.integers(k, size=n)] + rng.normal(scale=spread, size=(n, d))


@pytest.mark.points(2)
def test_kmeans_documented_example(kata):
    """Does the documented call give centres (0, 0.5), (10, 0.5), labels 0 0 1 1, inertia 1?"""
    X = [[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]]
    centers, labels, inertia, _ = check(kata, X, [[0.0, 0.0], [10.0, 0.0]])
    assert_close(centers, [[0.0, 0.5], [10.0, 0.5]], what="centers")
    assert_close(labels, [0, 0, 1, 1], atol=0, what="labels")
    assert_close(inertia, 1.0, what="inertia")


@pytest.mark.points(2)
def test_kmeans_one_iteration_worked_by_hand(kata):
    """With max_iter = 1 on 0, 1, 2, 10 from centres 0 and 2, is the result (0.5, 6)?

    Point 1 is tied between the centres 0 and 2 and goes to the lower index, so the
    clusters are {0, 1} and {2, 10}: centres 0.5 and 6. The labels of THESE centres are
    (0, 0, 0, 1) (2 is 1.5 from 0.5, 4 from 6), inertia 0.25 + 0.25 + 2.25 + 16 = 18.75.
    """
    X = [[0.0], [1.0], [2.0], [10.0]]
    C0 = [[0.0], [2.0]]
    centers, labels, inertia, n_iter = check(kata, X, C0, max_iter=1, compare=False)
    assert_close(
        centers,
        [[0.5], [6.0]],
        what="centers after one iteration",
        mistakes={"two iterations run for max_iter = 1 (off by one)": [[1.0], [10.0]]},
    )
    assert_close(labels, [0, 0, 0, 1], atol=0, what="labels")
    assert_close(inertia, 18.75, what="inertia")


@pytest.mark.points(2)
def test_kmeans_ties_go_to_the_lowest_index(kata):
    """On 0, 2, 4 from centres 1 and 3, does the tied point 2 join centre 0 (result 1, 4)?

    Lowest index: clusters {0, 2}, {4} give centres 1 and 4, a fixed point. Sending the
    tie to the highest index gives {0}, {2, 4}: centres 0 and 3 instead.
    """
    X = [[0.0], [2.0], [4.0]]
    centers, labels, inertia, _ = check(kata, X, [[1.0], [3.0]], compare=False)
    assert_close(
        centers,
        [[1.0], [4.0]],
        what="centers",
        mistakes={"ties sent to the highest centre index, not the lowest": [[0.0], [3.0]]},
    )
    assert_close(labels, [0, 0, 1], atol=0, what="labels")
    assert_close(inertia, 2.0, what="inertia")


@pytest.mark.points(2)
def test_kmeans_empty_cluster_keeps_its_centre(kata):
    """Does a centre that gets no point (100, far from 0 and 1) stay where it was?"""
    centers, labels, inertia, _ = check(kata, [[0.0], [1.0]], [[0.0], [100.0], [1.0]])
    assert_close(centers, [[0.0], [100.0], [1.0]], what="centers")
    assert_close(labels, [0, 2], atol=0, what="labels")
    assert_close(inertia, 0.0, what="inertia")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, k", [(30, 2, 3), (100, 3, 4), (300, 2, 6), (60, 5, 2)])
def test_kmeans_reaches_the_fixed_point(kata, rng, n, d, k):
    """On random blobs, is every centre the mean of its points and equal to Lloyd's?"""
    X = blobs(rng, n, d, k)
    C0 = X[rng.choice(n, size=k, replace=False)]
    centers, labels, _, n_iter = check(kata, X, C0)
    if n_iter < 300:
        for j in range(k):
            if np.any(labels == j):
                assert_close(
                    centers[j],
                    X[labels == j].mean(axis=0),
                    rtol=1e-7,
                    atol=1e-7,
                    what=f"centre {j} (the mean of its points at convergence)",
                )


def test_kmeans_stops_after_max_iter(kata, rng):
    """With max_iter = 2, 3, does the run equal exactly that many Lloyd iterations?"""
    X = blobs(rng, 80, 2, 5, spread=2.0)
    C0 = X[:5]
    for max_iter in (2, 3):
        check(kata, X, C0, max_iter=max_iter)


def test_kmeans_one_centre(kata, rng):
    """With k = 1, is the centre the mean of X and the inertia the total sum of squares?"""
    X = rng.normal(size=(25, 3))
    centers, labels, inertia, _ = check(kata, X, X[:1])
    assert_close(centers, X.mean(axis=0, keepdims=True), what="the centre")
    assert_close(inertia, ((X - X.mean(axis=0)) ** 2).sum(), what="inertia")


def test_kmeans_leaves_inputs_unchanged(kata, rng):
    """Are X and init_centers left exactly as they were (the centres move on a copy)?"""
    X = blobs(rng, 40, 2, 3)
    C0 = X[[0, 1, 2]].copy()
    check(kata, X, C0)  # call() compares every argument after the call


@pytest.mark.parametrize(
    "X, C0, max_iter, tol, why",
    [
        ([[0.0, 1.0], [1.0, 0.0]], [[0.0, 1.0, 2.0]], 10, 1e-8, "columns differ"),
        ([[0.0, 1.0], [1.0, 0.0]], [[0.0]], 10, 1e-8, "1 column in init_centers, 2 in X"),
        ([0.0, 1.0], [[0.0]], 10, 1e-8, "X is 1-D"),
        (np.zeros((0, 2)), [[0.0, 0.0]], 10, 1e-8, "X is empty"),
        ([[0.0, 1.0]], np.zeros((0, 2)), 10, 1e-8, "no centres"),
        ([[0.0, 1.0]], [[0.0, 1.0]], 0, 1e-8, "max_iter = 0"),
        ([[0.0, 1.0]], [[0.0, 1.0]], 10, -1.0, "tol < 0"),
    ],
    ids=["columns", "one_column", "1d", "empty", "no_centres", "max_iter0", "tol_negative"],
)
def test_kmeans_rejects_bad_input(kata, X, C0, max_iter, tol, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.kmeans, X, C0, max_iter, tol, why=why)


@pytest.mark.timeout(5)
def test_kmeans_large_input(kata, rng):
    """Are 20 000 points in 8 clusters clustered quickly (vectorised assignment)?"""
    X = blobs(rng, 20_000, 4, 8, spread=1.0)
    C0 = X[rng.choice(len(X), size=8, replace=False)]
    f = kata.kmeans
    centers, labels, inertia, _ = fields(call(f, X, C0, 20), FIELDS, "kmeans")
    d2 = ((X[:, None, :] - np.asarray(centers)[None]) ** 2).sum(axis=2)
    assert_close(inertia, d2.min(axis=1).sum(), rtol=1e-9, what="inertia")
    assert_close(np.asarray(labels), d2.argmin(axis=1), atol=0, what="labels")
