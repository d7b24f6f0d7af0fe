"""Grader for unsupervised/hierarchical: linkage(X, method="single") -> Z (n - 1, 4).

SciPy's linkage-matrix format: row i merges two clusters (points 0..n-1, the cluster of
row i has id n + i) at a distance, into a cluster of a size. The two ids of a row may
come in either order; data have no tied distances, so the merges are unique.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

METHODS = ["single", "complete", "average"]
AGGREGATE = {"single": np.min, "complete": np.max, "average": np.mean}


def point_distances(X, squared=False):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - X[None, :, :]
    sq = np.einsum("ijk,ijk->ij", diff, diff)
    return sq if squared else np.sqrt(sq)


def reference(X, method, squared=False):
    """Naive agglomeration: every cluster distance recomputed from its members' points."""
    P = point_distances(X, squared)
    n = len(P)
    clusters = {i: [i] for i in range(n)}
    rows = []
    for step in range(n - 1):
        best = None
        ids = sorted(clusters)
        for u, a in enumerate(ids):
            for b in ids[u + 1 :]:
                d = float(AGGREGATE[method](P[np.ix_(clusters[a], clusters[b])]))
                if best is None or d < best[0]:
                    best = (d, a, b)
        d, a, b = best
        clusters[n + step] = clusters.pop(a) + clusters.pop(b)
        rows.append([a, b, d, len(clusters[n + step])])
    return np.array(rows, dtype=float)


def wpgma(X):
    """The 'weighted' (WPGMA) mistake: the plain mean of the two merged clusters' distances."""
    D = point_distances(X)
    n = len(D)
    np.fill_diagonal(D, np.inf)
    active, ids, sizes, rows = list(range(n)), list(range(n)), [1] * n, []
    for step in range(n - 1):
        sub = D[np.ix_(active, active)]
        u, v = np.unravel_index(np.argmin(sub), sub.shape)
        a, b = active[u], active[v]
        rows.append([ids[a], ids[b], D[a, b], sizes[a] + sizes[b]])
        D[a, :] = D[:, a] = (D[a] + D[b]) / 2
        D[a, a] = np.inf
        ids[a], sizes[a] = n + step, sizes[a] + sizes[b]
        active.remove(b)
    return np.array(rows, dtype=float)


def normalised(Z):
    """Z with the two ids of each row in increasing order."""
    Z = np.array(Z, dtype=float)
    Z[:, :2] = np.sort(Z[:, :2], axis=1)
    return Z


def check_structure(Z, n, called):
    """Valid ids (each cluster merged once, only after it exists), sizes, monotone heights."""
    Z = np.asarray(Z, dtype=float)
    if Z.shape != (n - 1, 4):
        fail(f"{called} returned shape {Z.shape}, expected {(n - 1, 4)}")
    size = {i: 1 for i in range(n)}
    for i, (a, b, _, s) in enumerate(Z):
        for c in (a, b):
            if c != int(c) or int(c) not in size:
                fail(
                    f"{called}: row {i} merges cluster id {c:g}, which does not exist yet or "
                    f"was merged before: the points are 0..{n - 1} and the cluster formed at "
                    f"row i has id n + i = {n} + i"
                )
        if a == b:
            fail(f"{called}: row {i} merges cluster {a:g} with itself")
        want = size.pop(int(a)) + size.pop(int(b))
        if s != want:
            fail(
                f"{called}: row {i} has size {s:g}, but clusters {a:g} and {b:g} hold "
                f"{want} points together: the last column counts points, not merges"
            )
        size[n + i] = want
    if np.any(np.diff(Z[:, 2]) < -1e-12 * np.abs(Z[:, 2]).max()):
        fail(f"{called}: the merge distances decrease somewhere: always merge the closest pair")
    return Z


def check(kata, X, method="single", *, pass_method=True):
    f = kata.linkage
    X = np.asarray(X, dtype=float)
    args = (X, method) if pass_method else (X,)
    called = describe_call(f, *args)
    Z = check_structure(call(f, *args), len(X), called)
    got, want = normalised(Z), reference(X, method)
    mistakes = {"squared Euclidean distances instead of distances": reference(X, method, True)}
    if method == "average":
        mistakes["the plain mean of the two clusters' distances (WPGMA), not size-weighted"] = (
            normalised(wpgma(X))
        )
    if method == "complete":
        mistakes["min over pairs of points (single linkage) instead of max"] = reference(
            X, "single"
        )
    if method == "single":
        mistakes["max over pairs of points (complete linkage) instead of min"] = reference(
            X, "complete"
        )
    assert_close(
        got[:, 2],
        want[:, 2],
        rtol=1e-9,
        what="the merge distances (column 2)",
        called=called,
        mistakes={k: v[:, 2] for k, v in mistakes.items()},
    )
    assert_close(
        got[:, :2],
        want[:, :2],
        atol=0,
        what="the merged cluster ids (columns 0 and 1, in either order)",
        called=called,
    )
    assert_close(got[:, 3], want[:, 3], atol=0, what="the sizes (column 3)", called=called)
    return Z


def spread(rng, n, d):
    """Random points; continuous coordinates have no tied distances."""
    return rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d)


@pytest.mark.points(2)
def test_linkage_documented_example(kata):
    """Does single linkage on 0, 1, 3, 7 give [[0,1,1,2], [2,4,2,3], [3,5,4,4]]?"""
    Z = check(kata, [[0.0], [1.0], [3.0], [7.0]], "single")
    assert_close(normalised(Z), [[0, 1, 1, 2], [2, 4, 2, 3], [3, 5, 4, 4]], what="Z")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "method, heights",
    [("single", [1, 2, 4]), ("complete", [1, 3, 7]), ("average", [1, 2.5, 17 / 3])],
)
def test_linkage_worked_by_hand(kata, method, heights):
    """On the points 0, 1, 3, 7, are the merge heights those worked by hand?

    {0, 1} merge at 1 (cluster 4). Then 3 joins it: single min(3, 2) = 2, complete
    max(3, 2) = 3, average (3 + 2)/2 = 2.5, all below d(3, 7) = 4. Finally 7 joins at
    single 4, complete 7, average (7 + 6 + 4)/3 = 17/3 (WPGMA would say (6.5 + 4)/2).
    """
    Z = check(kata, [[0.0], [1.0], [3.0], [7.0]], method)
    want = [[0, 1, 1, 2], [2, 4, heights[1], 3], [3, 5, heights[2], 4]]
    assert_close(normalised(Z), want, rtol=1e-12, what="Z")


@pytest.mark.points(3)
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("n, d", [(8, 2), (25, 3)])
def test_linkage_matches_naive_agglomeration(kata, rng, method, n, d):
    """On random points, is Z that of merging the closest clusters, recomputed from points?"""
    check(kata, spread(rng, n, d), method)


def test_linkage_default_method_is_single(kata, rng):
    """Called without a method, is it single linkage?"""
    check(kata, spread(rng, 10, 2), "single", pass_method=False)


def test_linkage_two_points(kata):
    """Do two points 5 apart give the one row [0, 1, 5, 2]?"""
    for method in METHODS:
        Z = check(kata, [[0.0, 0.0], [3.0, 4.0]], method)
        assert_close(normalised(Z), [[0, 1, 5, 2]], what=f"Z ({method})")


def test_linkage_leaves_x_unchanged(kata, rng):
    """Is X left exactly as it was?"""
    X = spread(rng, 12, 2)
    check(kata, X, "average")  # call() compares X after the call


@pytest.mark.parametrize(
    "X, method, why",
    [
        ([[0.0, 1.0]], "single", "only 1 point"),
        ([0.0, 1.0, 2.0], "single", "X is 1-D"),
        (np.zeros((0, 2)), "single", "X is empty"),
        ([[0.0], [1.0], [3.0]], "ward", "unknown method"),
        ([[0.0], [1.0], [3.0]], "Single", "unknown method (case matters)"),
    ],
    ids=["one_point", "1d", "empty", "ward", "capitalised"],
)
def test_linkage_rejects_bad_input(kata, X, method, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.linkage, X, method, why=why)


@pytest.mark.timeout(5)
def test_linkage_large_single_is_the_minimum_spanning_tree(kata, rng):
    """For 200 points, are the single-linkage heights the edges of the minimum spanning tree?

    Single linkage merges along the minimum spanning tree (Kruskal's algorithm), so the
    sorted heights are its edge lengths (computed here by Prim's algorithm).
    """
    X = spread(rng, 200, 3)
    f = kata.linkage
    called = describe_call(f, X, "single")
    Z = check_structure(call(f, X, "single"), len(X), called)
    D = point_distances(X)
    best, inside, edges = D[0].copy(), np.zeros(len(X), bool), []
    inside[0] = True
    for _ in range(len(X) - 1):
        j = int(np.argmin(np.where(inside, np.inf, best)))
        edges.append(best[j])
        inside[j] = True
        best = np.minimum(best, D[j])
    assert_close(Z[:, 2], np.sort(edges), rtol=1e-9, what="the merge heights", called=called)


@pytest.mark.timeout(5)
def test_linkage_large_average(kata, rng):
    """For 200 points, is average linkage fast and its last merge the mean distance of the halves?

    The last row joins the two remaining clusters A and B at the mean of the |A| |B|
    distances between them.
    """
    X = spread(rng, 200, 3)
    f = kata.linkage
    called = describe_call(f, X, "average")
    Z = check_structure(call(f, X, "average"), len(X), called)
    n = len(X)
    members = {i: [i] for i in range(n)}
    for i, (a, b, _, _) in enumerate(Z[:-1]):
        members[n + i] = members.pop(int(a)) + members.pop(int(b))
    A, B = (members[int(c)] for c in Z[-1, :2])
    want = point_distances(X)[np.ix_(A, B)].mean()
    assert_close(Z[-1, 2], want, rtol=1e-9, what="the last merge height", called=called)
