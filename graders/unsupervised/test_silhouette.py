"""Grader for unsupervised/silhouette: silhouette_score(X, labels) -> float.

s_i = (b_i - a_i) / max(a_i, b_i), a_i the mean distance to the rest of i's cluster, b_i
the smallest mean distance to another cluster; singletons and a_i = b_i = 0 score 0.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error

MISTAKES = {
    "a_i averaged over |C_i| points, the point itself included (divide by |C_i| - 1)": dict(
        with_self=True
    ),
    "b_i as the mean distance to all points outside the cluster, not the nearest cluster": dict(
        b_all=True
    ),
    "squared Euclidean distances instead of distances": dict(squared=True),
    "a singleton scored 1 instead of 0": dict(singleton=1.0),
    "the mean of the per-cluster mean silhouettes, not of all points": dict(per_cluster=True),
}


def reference(
    X, labels, *, with_self=False, b_all=False, squared=False, singleton=0.0, per_cluster=False
):
    """The definition with Python loops; the keywords replay known mistakes."""
    rows = np.asarray(X, dtype=float).tolist()
    labels = list(np.asarray(labels).tolist())
    power = 2 if squared else 1
    scores = []
    for i, x in enumerate(rows):
        same = [math.dist(x, y) ** power for j, y in enumerate(rows) if labels[j] == labels[i]]
        if len(same) == 1:
            scores.append(singleton)
            continue
        a = sum(same) / (len(same) if with_self else len(same) - 1)
        others = {}
        for j, y in enumerate(rows):
            if labels[j] != labels[i]:
                others.setdefault("all" if b_all else labels[j], []).append(
                    math.dist(x, y) ** power
                )
        b = min(sum(v) / len(v) for v in others.values())
        scores.append(0.0 if max(a, b) == 0 else (b - a) / max(a, b))
    if per_cluster:
        groups = {}
        for label, s in zip(labels, scores, strict=True):
            groups.setdefault(label, []).append(s)
        return sum(sum(g) / len(g) for g in groups.values()) / len(groups)
    return sum(scores) / len(scores)


def check(kata, X, labels, **tolerance):
    f = kata.silhouette_score
    called = describe_call(f, X, labels)
    got = call(f, X, labels)
    mistakes = {words: reference(X, labels, **how) for words, how in MISTAKES.items()}
    want = reference(X, labels)
    mistakes = {k: v for k, v in mistakes.items() if abs(v - want) > 1e-6}
    assert_close(
        got,
        want,
        rtol=1e-9,
        atol=1e-12,
        what="the silhouette score",
        called=called,
        mistakes=mistakes,
    )
    return got


@pytest.mark.points(2)
def test_silhouette_score_documented_example(kata):
    """Do the points 0, 1 | 4 score 0.472222?"""
    got = check(kata, [[0.0], [1.0], [4.0]], [0, 0, 1])
    assert_close(got, (3 / 4 + 2 / 3 + 0) / 3, what="the silhouette score")


@pytest.mark.points(2)
def test_silhouette_score_worked_by_hand(kata):
    """Do the points (0, 0), (0, 1) | (5, 0), (5, 1) score 1 - 2 / (5 + sqrt 26)?

    Every point has a = 1 (its cluster-mate) and b = (5 + sqrt(26)) / 2 (the two points
    of the other cluster), so s = 1 - a / b for all four.
    """
    X = [[0.0, 0.0], [0.0, 1.0], [5.0, 0.0], [5.0, 1.0]]
    got = check(kata, X, [0, 0, 1, 1])
    assert_close(got, 1 - 2 / (5 + math.sqrt(26)), what="the silhouette score")


@pytest.mark.points(2)
def test_silhouette_score_nearest_other_cluster(kata):
    """With three clusters on a line, is b the mean distance to the NEAREST other cluster?

    Clusters {0, 1}, {3, 4}, {20, 21}: for 0, b = (3 + 4)/2 = 3.5, not the mean over the
    four outside points.
    """
    X = [[0.0], [1.0], [3.0], [4.0], [20.0], [21.0]]
    check(kata, X, [0, 0, 1, 1, 2, 2])


@pytest.mark.points(2)
def test_silhouette_score_zero_over_zero(kata):
    """Does a point with a = b = 0 score 0 (not NaN)?

    0, 0 | 0, 0 | 5, 6: the four points at 0 have a = 0 and b = 0 (the other pair at 0),
    so they score 0; 5 and 6 score 1 - 1/5 and 1 - 1/6.
    """
    X = [[0.0], [0.0], [0.0], [0.0], [5.0], [6.0]]
    got = check(kata, X, [0, 0, 1, 1, 2, 2])
    assert_close(got, (0.8 + 5 / 6) / 6, what="the silhouette score")


def test_silhouette_score_singletons_score_zero(kata):
    """Do singletons score 0: 0, 0.5 | 10 | 11, 11.5 gives (s_0 + s_1 + 0 + s_3 + s_4)/5?"""
    X = [[0.0], [0.5], [10.0], [11.0], [11.5]]
    check(kata, X, [0, 0, 1, 2, 2])


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, k", [(10, 2, 2), (40, 3, 4), (60, 1, 7)])
def test_silhouette_score_matches_the_definition(kata, rng, n, d, k):
    """On random points and labels (some clusters tiny), is the score that of the definition?"""
    X = rng.normal(size=(n, d))
    labels = rng.integers(k, size=n)
    labels[:k] = np.arange(k)  # every label used
    check(kata, X, labels)


def test_silhouette_score_any_integer_labels(kata, rng):
    """Do the labels -5, 3, 100 score as 0, 1, 2 would (only equality matters)?"""
    X = rng.normal(size=(20, 2))
    plain = rng.integers(3, size=20)
    plain[:3] = [0, 1, 2]
    got = check(kata, X, np.array([-5, 3, 100])[plain])
    assert_close(got, reference(X, plain), rtol=1e-9, what="the score with relabelled clusters")


def test_silhouette_score_leaves_inputs_unchanged(kata, rng):
    """Are X and labels left exactly as they were?"""
    X = rng.normal(size=(15, 2))
    labels = np.arange(15) % 3
    check(kata, X, labels)  # call() compares the arguments after the call


@pytest.mark.parametrize(
    "X, labels, why",
    [
        ([[0.0], [1.0], [2.0]], [0, 0, 0], "one distinct label"),
        ([[0.0], [1.0], [2.0]], [0, 1, 2], "n distinct labels"),
        ([[0.0], [1.0], [2.0]], [0, 1], "labels shorter than X"),
        ([0.0, 1.0, 2.0], [0, 0, 1], "X is 1-D"),
        (np.zeros((0, 2)), [], "empty"),
        ([[0.0], [1.0], [2.0]], [[0, 0, 1]], "labels is 2-D"),
    ],
    ids=["one_label", "n_labels", "short_labels", "1d", "empty", "labels_2d"],
)
def test_silhouette_score_rejects_bad_input(kata, X, labels, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.silhouette_score, X, labels, why=why)


@pytest.mark.timeout(5)
def test_silhouette_score_large_input(kata, rng):
    """Are 2000 points scored quickly, and equal to the cluster-wise computation?"""
    n, k = 2000, 5
    X = rng.normal(size=(n, 4)) + 3 * rng.normal(size=(k, 4))[np.arange(n) % k]
    labels = np.arange(n) % k
    f = kata.silhouette_score
    got = call(f, X, labels)
    G = X @ X.T  # the Gram form of the squared distances: accurate enough at this spread
    D = np.sqrt(np.maximum(np.diag(G)[:, None] + np.diag(G)[None, :] - 2 * G, 0.0))
    means = np.stack([D[:, labels == c].sum(axis=1) for c in range(k)], axis=1)
    sizes = np.bincount(labels)
    a = means[np.arange(n), labels] / (sizes[labels] - 1)
    means = means / sizes
    means[np.arange(n), labels] = np.inf
    b = means.min(axis=1)
    assert_close(
        got,
        np.mean((b - a) / np.maximum(a, b)),
        rtol=1e-9,
        what="the score",
        called=describe_call(f, X, labels),
    )
