"""Grader for probabilistic_models/nadaraya_watson: nadaraya_watson(X_train, y_train,
X_query, bandwidth) -> (m,), Gaussian-kernel regression computed as a stable softmax."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, call_strictly, describe_call, expect_error, fail

SHIFT_ADVICE = (
    "shift each query's log-kernel values -||x - x_i||^2/(2h^2) by THAT query's own "
    "maximum before exponentiating (a softmax over the training points): without a shift, "
    "or with one global shift, every kernel of a far query underflows to 0 and the ratio "
    "is 0/0"
)


def sq_dist(a, b):
    return math.fsum((float(u) - float(v)) ** 2 for u, v in zip(a, b, strict=True))


def weighted(X_train, y_train, X_query, log_kernel):
    """sum_i k_i y_i / sum_i k_i per query, shifting each query's logs by its maximum."""
    out = []
    for q in X_query:
        logs = [log_kernel(q, x) for x in X_train]
        top = max(logs)
        k = [math.exp(v - top) for v in logs]
        out.append(math.fsum(a * float(b) for a, b in zip(k, y_train, strict=True)) / math.fsum(k))
    return np.array(out)


def reference(X_train, y_train, X_query, h):
    """The expected predictions, and what the listed mistakes give."""
    X_train, y_train, X_query = (np.asarray(a, dtype=float) for a in (X_train, y_train, X_query))
    want = weighted(X_train, y_train, X_query, lambda q, x: -sq_dist(q, x) / (2 * h * h))
    mistakes = {
        "the distance ||x - x_i|| not squared in the kernel": weighted(
            X_train, y_train, X_query, lambda q, x: -math.sqrt(sq_dist(q, x)) / (2 * h * h)
        ),
        "the 2 of 2h^2 dropped: exp(-||x - x_i||^2 / h^2)": weighted(
            X_train, y_train, X_query, lambda q, x: -sq_dist(q, x) / (h * h)
        ),
        "the bandwidth not squared: exp(-||x - x_i||^2 / (2h^2)), not / (2h)": weighted(
            X_train, y_train, X_query, lambda q, x: -sq_dist(q, x) / (2 * h)
        ),
    }
    K = np.array([[math.exp(-sq_dist(q, x) / (2 * h * h)) for x in X_train] for q in X_query])
    columns = K.sum(axis=0)
    if np.all(columns > 0):
        mistakes[
            "the weights normalised over the queries (columns) instead of over the training "
            "points: each query's weights must sum to 1"
        ] = (K / columns) @ y_train
    return want, mistakes


def check(kata, X_train, y_train, X_query, h, strict=False):
    """Call nadaraya_watson, compare with the reference and return the result."""
    f = kata.nadaraya_watson
    called = describe_call(f, X_train, y_train, X_query, h)
    if strict:
        got = call_strictly(f, X_train, y_train, X_query, h, advice=SHIFT_ADVICE)
    else:
        got = call(f, X_train, y_train, X_query, h)
    want, mistakes = reference(X_train, y_train, X_query, h)
    scale = max(1e-300, float(np.max(np.abs(np.asarray(y_train, dtype=float)))))
    assert_close(
        got,
        want,
        rtol=1e-9,
        atol=1e-12 * scale,
        what="the predictions",
        called=called,
        mistakes=mistakes,
    )
    return np.asarray(got, dtype=float)


def test_nadaraya_watson_documented_example(kata):
    """Train 0 -> 0, 1 -> 2, h = 1: at 0 the weights are 1 and e^(-1/2), so the prediction
    is 2 e^(-1/2)/(1 + e^(-1/2)); at 0.5 both are equal and it is the mean, 1?"""
    got = check(kata, [[0.0], [1.0]], [0.0, 2.0], [[0.0], [0.5]], 1.0)
    e = math.exp(-0.5)
    assert_close(got, [2 * e / (1 + e), 1.0], what="the predictions")


def test_nadaraya_watson_small_cases_worked_by_hand(kata):
    """Small cases by hand?

    One training point: its y everywhere. Three points (0,0), (2,0), (0,2) with y = 3, 6,
    9 and h = 1 queried at (1,1): all at squared distance 2, so the mean, 6. At (0,0)
    with h = sqrt(2): weights 1, e^(-1), e^(-1), prediction (3 + 15/e)/(1 + 2/e).
    """
    got = check(kata, [[1.0, -2.0]], [7.5], [[0.0, 0.0], [100.0, 3.0]], 0.5)
    assert_close(got, [7.5, 7.5], what="the predictions with one training point")
    X = [[0.0, 0.0], [2.0, 0.0], [0.0, 2.0]]
    got = check(kata, X, [3.0, 6.0, 9.0], [[1.0, 1.0]], 1.0)
    assert_close(got, [6.0], what="the prediction at (1, 1)")
    e = math.exp(-1.0)
    got = check(kata, X, [3.0, 6.0, 9.0], [[0.0, 0.0]], math.sqrt(2.0))
    assert_close(got, [(3 + 15 * e) / (1 + 2 * e)], what="the prediction at (0, 0)")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, m", [(1, 1, 3), (5, 1, 7), (20, 2, 10), (40, 3, 15)])
@pytest.mark.parametrize("h", [0.3, 1.0, 5.0])
def test_nadaraya_watson_random_cases(kata, rng, n, d, m, h):
    """On seeded random data, every bandwidth: does it match the kernel-weighted mean?"""
    X = rng.normal(size=(n, d))
    check(kata, X, rng.normal(0, 4, n), rng.normal(0, 1.5, size=(m, d)), h)


@pytest.mark.points(2)
def test_nadaraya_watson_properties(kata, rng):
    """Are the predictions between min(y) and max(y), equivariant under y -> a y + b, and
    unchanged by shifting every input or reordering the training points?"""
    n, d = 15, 2
    X, y, Q = rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=(6, d))
    got = check(kata, X, y, Q, 0.7)
    if np.any(got < y.min() - 1e-12) or np.any(got > y.max() + 1e-12):
        fail(f"predictions {got.tolist()} leave [min y, max y]: a weighted MEAN cannot")
    assert_close(check(kata, X, 3.0 * y - 2.0, Q, 0.7), 3.0 * got - 2.0, what="a y + b")
    assert_close(check(kata, X + 10.0, y, Q + 10.0, 0.7), got, rtol=1e-8, what="shifted")
    order = rng.permutation(n)
    assert_close(check(kata, X[order], y[order], Q, 0.7), got, rtol=1e-12, what="reordered")


def test_nadaraya_watson_limits_of_the_bandwidth(kata, rng):
    """Huge h: the mean of y everywhere. Tiny h = 1e-3 on distinct dyadic points: the y
    of the nearest training point?"""
    X = np.array([[0.0], [0.25], [1.0], [2.5]])
    y = np.array([1.0, -2.0, 4.0, 8.0])
    got = check(kata, X, y, [[0.1], [3.0]], 1e6)
    assert_close(got, [y.mean(), y.mean()], rtol=1e-9, what="predictions with h = 1e6")
    got = check(kata, X, y, [[0.0625], [0.75], [2.0]], 1e-3, strict=True)
    assert_close(got, [1.0, 4.0, 8.0], what="predictions with h = 1e-3 (nearest neighbour)")


@pytest.mark.points(3)
def test_nadaraya_watson_far_queries_get_the_mean_of_their_nearest(kata):
    """With h = 1e-3, every kernel of a query far from the data underflows to 0: under
    strict floating point, does it still get the mean of y over its equally nearest
    training points (never nan), beside a query sitting on a training point?"""
    X = [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    y = [1.0, 2.0, 3.0, 10.0]
    Q = [[0.0, 0.0], [0.5, -7.25], [-40.0, 0.5], [0.5, 0.5], [1.0, 1.0], [64.0, 64.0]]
    got = check(kata, X, y, Q, 1e-3, strict=True)
    assert_close(got, [1.0, 1.5, 2.0, 4.0, 10.0, 10.0], what="the predictions")


@pytest.mark.points(2)
def test_nadaraya_watson_each_query_its_own_shift(kata):
    """Two queries far apart, each near its own training points: one global shift makes
    the far one 0/0. Right under strict floating point?"""
    X = [[0.0], [0.5], [1000.0], [1000.5]]
    y = [1.0, 3.0, -2.0, 6.0]
    got = check(kata, X, y, [[0.25], [1000.25], [1000.5]], 0.01, strict=True)
    assert_close(got, [2.0, 2.0, 6.0], what="the predictions")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X_train, y_train, X_query, h, why",
    [
        ([0.0, 1.0], [1.0, 2.0], [[0.5]], 1.0, "X_train is 1-D"),
        (np.empty((0, 1)), [], [[0.5]], 1.0, "no training points"),
        (np.empty((2, 0)), [1.0, 2.0], np.empty((1, 0)), 1.0, "d = 0"),
        ([[0.0], [1.0]], [1.0, 2.0, 3.0], [[0.5]], 1.0, "y_train has 3 entries for 2 points"),
        ([[0.0], [1.0]], [[1.0, 2.0]], [[0.5]], 1.0, "y_train is 2-D"),
        ([[0.0], [1.0]], [1.0, 2.0], [0.5], 1.0, "X_query is 1-D"),
        ([[0.0], [1.0]], [1.0, 2.0], np.empty((0, 1)), 1.0, "no queries"),
        ([[0.0], [1.0]], [1.0, 2.0], [[0.5, 0.5]], 1.0, "X_query has 2 columns, X_train 1"),
        ([[0.0], [1.0]], [1.0, 2.0], [[0.5]], 0.0, "bandwidth 0"),
        ([[0.0], [1.0]], [1.0, 2.0], [[0.5]], -1.0, "a negative bandwidth"),
        ([[0.0], [1.0]], [1.0, 2.0], [[0.5]], np.nan, "a nan bandwidth"),
        ([[0.0], [1.0]], [1.0, 2.0], [[0.5]], [1.0, 2.0], "an array bandwidth"),
    ],
    ids=[
        "X-1d",
        "n-0",
        "d-0",
        "y-length",
        "y-2d",
        "Q-1d",
        "m-0",
        "Q-columns",
        "h-0",
        "h-negative",
        "h-nan",
        "h-array",
    ],
)
def test_nadaraya_watson_rejects_bad_input(kata, X_train, y_train, X_query, h, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.nadaraya_watson, X_train, y_train, X_query, h, why=why)


def test_nadaraya_watson_leaves_its_inputs_unchanged(kata, rng):
    """Are X_train, y_train and X_query left exactly as they were?"""
    X, y, Q = rng.normal(size=(6, 2)), rng.normal(size=6), rng.normal(size=(3, 2))
    check(kata, X, y, Q, 0.5)  # call() fails the test if an argument is modified
