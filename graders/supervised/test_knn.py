"""Grader for supervised/knn: knn_classify(X_train, y_train, X_test, k) -> labels, Euclidean
k-NN with equal distances broken by the lower training index and tied votes by the smallest
label. Ties are graded on integer coordinates, whose squared distances are exact."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def predict(
    X_train,
    y_train,
    X_test,
    k,
    *,
    metric="euclidean",
    order="index",
    vote="smallest",
    skip_nearest=False,
):
    """The rule written out point by point; the keywords make the known mistakes."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    out = []
    for x in X_test:
        diff = X_train - x
        dist = (
            np.abs(diff).sum(axis=1) if metric == "manhattan" else np.einsum("ij,ij->i", diff, diff)
        )
        index = np.arange(len(X_train))
        tie = index if order == "index" else -index
        ranked = np.lexsort((tie, dist))  # by distance, then by the tie key
        chosen = ranked[1 : k + 1] if skip_nearest else ranked[:k]
        votes = {}
        for rank, i in enumerate(chosen):
            label = y_train[i].item()
            count, first = votes.get(label, (0, rank))
            votes[label] = (count + 1, first)
        best = max(count for count, _ in votes.values())
        tied = [label for label, (count, _) in votes.items() if count == best]
        if vote == "smallest":
            out.append(min(tied))
        elif vote == "largest":
            out.append(max(tied))
        else:  # the tied label met first, i.e. nearest
            out.append(min(tied, key=lambda label: votes[label][1]))
    return np.array(out)


ORDER_WORDS = (
    "equal distances were not broken by the lower training index (sort stably, e.g. "
    "np.argsort(d, kind='stable'), not argpartition or an unstable sort)"
)


def tie_at_the_boundary(X_train, x, k):
    """Whether the k-th and (k+1)-th smallest squared distances from x are equal."""
    diff = np.asarray(X_train, dtype=float) - np.asarray(x, dtype=float)
    dist = np.sort(np.einsum("ij,ij->i", diff, diff))
    return k < len(dist) and dist[k - 1] == dist[k]


MISTAKES = {
    "a tied vote went to the label of the nearest of the tied neighbours; the entry breaks "
    "vote ties by the smallest label": {"vote": "nearest"},
    "a tied vote went to the largest label; the entry breaks vote ties by the smallest label": {
        "vote": "largest"
    },
    ORDER_WORDS: {"order": "reverse"},
    "Manhattan (L1) distance instead of Euclidean": {"metric": "manhattan"},
    "the nearest neighbour was skipped (leave-one-out): the k nearest include the closest": {
        "skip_nearest": True
    },
}


def check(kata, X_train, y_train, X_test, k):
    """Compare knn_classify with the rule, naming the known mistakes; return the labels."""
    f = kata.knn_classify
    called = describe_call(f, X_train, y_train, X_test, k)
    got = call(f, X_train, y_train, X_test, k)
    want = predict(X_train, y_train, X_test, k)
    got_array = np.asarray(got)
    if got_array.shape != want.shape:
        fail(
            f"{called} returned shape {got_array.shape}, expected {want.shape} "
            "(one label per test point)"
        )
    mistakes = {}
    if not np.array_equal(got_array, want):
        n = len(X_train)
        for words, flags in MISTAKES.items():
            if flags.get("skip_nearest") and k >= n:
                continue
            wrong = predict(X_train, y_train, X_test, k, **flags)
            if not np.array_equal(wrong, want):
                mistakes[words] = wrong
        explained = any(np.array_equal(got_array, wrong) for wrong in mistakes.values())
        off = np.flatnonzero(got_array != want)
        X_test_array = np.asarray(X_test)
        if not explained and all(tie_at_the_boundary(X_train, X_test_array[t], k) for t in off):
            fail(
                f"{called}: the labels are wrong at test points {off[:6].tolist()}, and at "
                "each of them several training points tie at the k-th smallest distance: "
                + ORDER_WORDS
            )
    assert_close(
        got_array, want, rtol=0, atol=0, what="the labels", called=called, mistakes=mistakes
    )
    return got_array


@pytest.mark.points(2)
def test_knn_classify_documented_example(kata):
    """Do x = 0.4 and 2.9 get labels 0 and 1 with k = 1, and 2.9 gets 0 with k = 3?"""
    X_train, y_train = [[0.0], [1.0], [3.0]], [0, 0, 1]
    assert_close(check(kata, X_train, y_train, [[0.4], [2.9]], 1), [0, 1], atol=0, what="labels")
    assert_close(check(kata, X_train, y_train, [[2.9]], 3), [0], atol=0, what="labels")


@pytest.mark.points(2)
def test_knn_classify_vote_tie_goes_to_the_smallest_label(kata):
    """With k = 2 and neighbours labelled 5 (nearer) and 2, is the tied vote won by 2?

    Training points 0 (label 5) and 3 (label 2), test point 1: distances 1 and 2, one
    vote each, so the smallest label, 2, wins.
    """
    labels = check(kata, [[0.0], [3.0], [10.0]], [5, 2, 2], [[1.0]], 2)
    assert_close(labels, [2], atol=0, what="the label")


@pytest.mark.points(2)
def test_knn_classify_distance_tie_goes_to_the_lower_index(kata):
    """Are equidistant training points taken in index order?

    The four points (1, 0), (0, 1), (-1, 0), (0, -1) labelled 3, 1, 2, 0 are all at
    distance 1 from the origin: k = 1 takes index 0 (label 3); k = 3 takes indices 0, 1,
    2, a three-way vote tie that label 1 wins.
    """
    X_train = [[1, 0], [0, 1], [-1, 0], [0, -1]]
    y_train = [3, 1, 2, 0]
    assert_close(check(kata, X_train, y_train, [[0, 0]], 1), [3], atol=0, what="label, k = 1")
    assert_close(check(kata, X_train, y_train, [[0, 0]], 3), [1], atol=0, what="label, k = 3")


@pytest.mark.points(3)
def test_knn_classify_many_exact_distance_ties(kata, rng):
    """Among 40 training points at exactly the same distance, are the k lowest indices used?

    The points ±2 e_j (j < 20) sit at squared distance 4 from the origin, shuffled among
    farther points; the 7 lowest-indexed of them are labelled 0, the other 33 label 1,
    so any other choice of the tied points is outvoted.
    """
    d = 20
    near = np.vstack([2 * np.eye(d), -2 * np.eye(d)]).astype(int)
    far = rng.integers(3, 6, size=(30, d)) * rng.choice([-1, 1], size=(30, d))
    X_train = np.vstack([near, far])
    order = rng.permutation(len(X_train))
    X_train = X_train[order]
    is_near = order < 2 * d
    y_train = np.where(is_near, 1, 2)
    y_train[np.flatnonzero(is_near)[:7]] = 0
    labels = check(kata, X_train, y_train, np.zeros((3, d), dtype=int), 7)
    assert_close(labels, [0, 0, 0], atol=0, what="the labels")


@pytest.mark.points(3)
@pytest.mark.parametrize("k", [5, 12, 31])
def test_knn_classify_ties_on_an_integer_grid(kata, rng, k):
    """With 300 training points on a small integer grid (many exact ties), is the rule exact?

    Squared distances between integer points are exact integers, so the order of equal
    distances (lower index first) and the vote ties decide the labels.
    """
    X_train = rng.integers(-3, 4, size=(300, 2))
    y_train = rng.integers(0, 5, 300)
    X_test = rng.integers(-3, 4, size=(20, 2))
    check(kata, X_train, y_train, X_test, k)


def test_knn_classify_is_euclidean(kata):
    """Is (2, 2) nearer to the origin than (3, 0) (Euclidean 2.83 < 3; Manhattan 4 > 3)?"""
    labels = check(kata, [[3.0, 0.0], [2.0, 2.0]], [0, 1], [[0.0, 0.0]], 1)
    assert_close(labels, [1], atol=0, what="the label")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, m, d, k", [(30, 10, 2, 1), (50, 20, 3, 5), (40, 15, 4, 8)])
def test_knn_classify_random_problems(kata, rng, n, m, d, k):
    """On random data, does every test point get the majority label of its k nearest?"""
    X_train = rng.standard_normal((n, d))
    y_train = rng.integers(0, 3, n)
    X_test = rng.standard_normal((m, d))
    check(kata, X_train, y_train, X_test, k)


def test_knn_classify_k_equals_n_is_the_overall_majority(kata, rng):
    """With k = n, does every test point get the most common training label (ties: smallest)?"""
    X_train = rng.standard_normal((9, 2))
    y_train = np.array([4, 1, 4, 1, 7, 7, 1, 4, 0])  # 1 and 4 tie with 3 votes: 1 wins
    labels = check(kata, X_train, y_train, rng.standard_normal((5, 2)), 9)
    assert_close(labels, [1] * 5, atol=0, what="the labels")


def test_knn_classify_keeps_the_label_values(kata, rng):
    """Are arbitrary integer labels (negative, with gaps) returned as they are?"""
    X_train = rng.standard_normal((12, 2))
    y_train = np.array([-3, 10, 7, -3, 10, 7, 7, -3, 10, 10, -3, 7])
    check(kata, X_train, y_train, rng.standard_normal((6, 2)), 3)


def test_knn_classify_single_training_point(kata):
    """With one training point and k = 1, does every test point get its label?"""
    labels = check(kata, [[1.0, 1.0]], [6], [[0.0, 0.0], [5.0, -2.0]], 1)
    assert_close(labels, [6, 6], atol=0, what="the labels")


def test_knn_classify_leaves_inputs_unchanged(kata, rng):
    """Are X_train, y_train and X_test left exactly as they were?"""
    X_train = rng.standard_normal((15, 3))
    y_train = rng.integers(0, 3, 15)
    X_test = rng.standard_normal((4, 3))
    check(kata, X_train, y_train, X_test, 3)


@pytest.mark.timeout(5)
def test_knn_classify_large_problem(kata, rng):
    """Does a 2000-point training set with 600 test points run in a few seconds?"""
    X_train = rng.standard_normal((2000, 8))
    y_train = rng.integers(0, 4, 2000)
    X_test = rng.standard_normal((600, 8))
    f = kata.knn_classify
    labels = np.asarray(call(f, X_train, y_train, X_test, 5))
    sample = rng.choice(600, 25, replace=False)
    assert_close(
        labels[sample],
        predict(X_train, y_train, X_test[sample], 5),
        rtol=0,
        atol=0,
        what="the labels of 25 sampled test points",
        called=describe_call(f, X_train, y_train, X_test, 5),
    )


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X_train, y_train, X_test, k, why",
    [
        ([0.0, 1.0], [0, 1], [[0.0]], 1, "X_train is 1-D, it must be 2-D"),
        ([[0.0], [1.0]], [0, 1], [0.5], 1, "X_test is 1-D, it must be 2-D"),
        ([[0.0], [1.0]], [0, 1, 1], [[0.5]], 1, "X_train has 2 rows but y_train has 3 labels"),
        ([[0.0], [1.0]], [0, 1], [[0.5, 1.0]], 1, "X_test has 2 features, X_train 1"),
        (np.empty((0, 2)), np.empty(0, dtype=int), [[0.0, 0.0]], 1, "the training set is empty"),
        ([[0.0], [1.0]], [0, 1], [[0.5]], 3, "k = 3 > 2 training points"),
        ([[0.0], [1.0]], [0, 1], [[0.5]], 0, "k = 0"),
        ([[0.0], [1.0]], [0, 1], [[0.5]], 1.5, "k = 1.5 is not an integer"),
    ],
    ids=["train-1d", "test-1d", "length", "features", "empty", "k-too-big", "k-zero", "k-fraction"],
)
def test_knn_classify_rejects_bad_input(kata, X_train, y_train, X_test, k, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.knn_classify, X_train, y_train, X_test, k, why=why)
