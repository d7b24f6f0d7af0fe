"""Grader for unsupervised/kmeans_plus_plus: kmeans_plus_plus(X, k, rng) -> centres (k, d).

Protocol: first index rng.integers(n); each next rng.choice(n, p=D^2 / sum D^2), D the
distance of each point to its nearest chosen centre. Graded on the chosen rows, replayed
exactly on a fresh generator, and on the generator's state after the call.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

PROTOCOL = "the protocol (rng.integers(n) first, then rng.choice(n, p=D**2 / sum(D**2)))"


def replay(X, k, seed, *, power=2, nearest=True, greedy=False):
    """The protocol, written independently with Python loops; returns the chosen indices.

    ``power``, ``nearest`` and ``greedy`` replay known mistakes (D instead of D^2, the
    distance to the last centre only, the farthest point instead of a draw).
    """
    rows = np.asarray(X, dtype=float).tolist()
    n = len(rows)
    rng = np.random.default_rng(seed)
    chosen = [int(rng.integers(n))]
    while len(chosen) < k:
        centres = chosen if nearest else chosen[-1:]
        weights = [min(math.dist(x, rows[c]) for c in centres) ** power for x in rows]
        if greedy:
            chosen.append(int(np.argmax(weights)))
            continue
        total = sum(weights)
        chosen.append(int(rng.choice(n, p=[w / total for w in weights])))
    return chosen, rng


def check(kata, X, k, seed):
    """Call kmeans_plus_plus on a fresh generator, compare with the replay, return centres."""
    f = kata.kmeans_plus_plus
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    called = describe_call(f, X, k, rng)
    got = np.asarray(call(f, X, k, rng), dtype=float)
    want_idx, reference = replay(X, k, seed)
    if got.shape != (k, X.shape[1]):
        fail(f"{called} returned shape {got.shape}, expected {(k, X.shape[1])} (the chosen rows)")
    mistakes = {
        "D instead of D**2 as the sampling weight": X[replay(X, k, seed, power=1)[0]],
        "D measured to the last chosen centre only, not the nearest one": X[
            replay(X, k, seed, nearest=False)[0]
        ],
        "the farthest point taken instead of a draw with p = D**2 / sum(D**2)": X[
            replay(X, k, seed, greedy=True)[0]
        ],
    }
    assert_close(
        got,
        X[want_idx],
        rtol=0,
        atol=0,
        what="the chosen centres (rows of X in the order of " + PROTOCOL + ")",
        called=called,
        mistakes=mistakes,
    )
    if rng.random() != reference.random():
        fail(
            f"{called} chose the right rows but left the generator in another state: it "
            f"drew other or more random numbers than {PROTOCOL}"
        )
    return got


class ScriptedRng:
    """A stand-in generator: integers() and choice() return scripted indices and record p."""

    def __init__(self, first, picks):
        self.first, self.picks, self.ps, self.calls = first, list(picks), [], []

    def integers(self, *args, **kwargs):
        if self.calls:
            fail(f"rng.integers was called after {self.calls}: follow {PROTOCOL}")
        self.calls.append("integers")
        return self.first

    def choice(self, a, size=None, replace=True, p=None, **kwargs):
        if not self.calls:
            fail(f"the first index must come from rng.integers(n), not rng.choice: {PROTOCOL}")
        one = size in (None, 1, (1,))  # size=1 draws the same single uniform
        population = np.arange(a) if np.ndim(a) == 0 else np.asarray(a)
        if p is None or not one or not np.array_equal(population, np.arange(np.size(p))):
            fail(f"rng.choice was called with a={a!r}, size={size!r}, p={p!r}: follow {PROTOCOL}")
        if not self.picks:
            fail(f"rng.choice was called more often than k - 1 times: follow {PROTOCOL}")
        self.calls.append("choice")
        self.ps.append(np.array(p, dtype=float))
        pick = self.picks.pop(0)
        return pick if size is None else np.full(size, pick)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        fail(f"the kata called rng.{name}: follow {PROTOCOL}")

    def __repr__(self):
        return "ScriptedRng()"


@pytest.mark.points(2)
def test_kmeans_plus_plus_documented_example(kata):
    """Does the documented call choose [[10, 1], [0, 0]]?"""
    X = [[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]]
    got = check(kata, X, 2, 0)
    assert_close(got, [[10.0, 1.0], [0.0, 0.0]], what="the centres")


@pytest.mark.points(2)
def test_kmeans_plus_plus_probabilities_worked_by_hand(kata):
    """On the line 0, 1, 3 with the first centre at 0, is p = (0, 1, 9) / 10?

    D = (0, 1, 3), so D^2 = (0, 1, 9) and p = D^2 / 10; weighting by D gives (0, 1, 3)/4.
    """
    f = kata.kmeans_plus_plus
    X = np.array([[0.0], [1.0], [3.0]])
    rng = ScriptedRng(0, [2])
    got = call(f, X, 2, rng)
    if len(rng.ps) != 1:
        fail(f"rng.choice was called {len(rng.ps)} times for k = 2, expected once")
    assert_close(
        rng.ps[0],
        [0.0, 0.1, 0.9],
        what="p passed to rng.choice",
        called=describe_call(f, X, 2, rng),
        mistakes={"D instead of D**2 as the sampling weight": [0.0, 0.25, 0.75]},
    )
    assert_close(got, [[0.0], [3.0]], atol=0, what="the centres (rows 0 and 2)")


@pytest.mark.points(2)
def test_kmeans_plus_plus_nearest_centre_worked_by_hand(kata):
    """With centres at 0 then 10 on the points 0, 1, 4, 9, 10, is the third p = (0,1,16,1,0)/18?

    After 0 and 10 are chosen, D = (0, 1, 4, 1, 0), the distance to the NEARER of the two;
    measured to the last centre (10) only it would be (10, 9, 6, 1, 0).
    """
    f = kata.kmeans_plus_plus
    X = np.array([[0.0], [1.0], [4.0], [9.0], [10.0]])
    rng = ScriptedRng(0, [4, 2])
    got = call(f, X, 3, rng)
    if len(rng.ps) != 2:
        fail(f"rng.choice was called {len(rng.ps)} times for k = 3, expected twice")
    assert_close(rng.ps[0], np.array([0, 1, 16, 81, 100]) / 198, what="the first p")
    assert_close(
        rng.ps[1],
        np.array([0, 1, 16, 1, 0]) / 18,
        what="the second p",
        called=describe_call(f, X, 3, rng),
        mistakes={
            "D measured to the last chosen centre only, not the nearest one": np.array(
                [100, 81, 36, 1, 0]
            )
            / 218,
            "the probabilities of the first draw reused (D not updated)": np.array(
                [0, 1, 16, 81, 100]
            )
            / 198,
        },
    )
    assert_close(got, [[0.0], [10.0], [4.0]], atol=0, what="the centres")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, k", [(10, 2, 3), (50, 3, 5), (200, 4, 10), (30, 1, 30)])
def test_kmeans_plus_plus_replays_the_protocol_exactly(kata, rng, n, d, k):
    """On random data, are the chosen rows and the generator's state those of the protocol?"""
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 5.0, size=d)
    check(kata, X, k, int(rng.integers(2**32)))


def test_kmeans_plus_plus_one_centre(kata, rng):
    """Does k = 1 return the row rng.integers(n) picks, and draw nothing else?"""
    X = rng.normal(size=(7, 3))
    got = check(kata, X, 1, 2024)
    assert_close(got, X[[np.random.default_rng(2024).integers(7)]], atol=0, what="the centre")


def test_kmeans_plus_plus_k_equals_n_takes_every_row(kata, rng):
    """With k = n distinct points, is every row chosen exactly once?"""
    X = rng.normal(size=(12, 2))
    got = check(kata, X, 12, 77)
    order = np.lexsort(got.T[::-1])
    assert_close(got[order], X[np.lexsort(X.T[::-1])], atol=0, what="the sorted centres")


def test_kmeans_plus_plus_duplicate_rows(kata, rng):
    """With repeated rows but at least k distinct ones, are the k centres distinct?"""
    base = rng.normal(size=(4, 2))
    X = base[rng.integers(4, size=20)]
    X[:4] = base
    got = check(kata, X, 4, 5)
    if len(np.unique(got, axis=0)) != 4:
        fail("the 4 centres are not distinct: a chosen point has D = 0 and p = 0")


@pytest.mark.parametrize(
    "X, k, why",
    [
        ([[0.0, 1.0], [1.0, 0.0]], 0, "k = 0"),
        ([[0.0, 1.0], [1.0, 0.0]], 3, "k > n"),
        ([[0.0, 1.0], [1.0, 0.0]], 1.5, "k is not an integer"),
        ([[0.0, 1.0], [0.0, 1.0], [2.0, 2.0]], 3, "only 2 distinct rows for k = 3"),
        ([[1.0, 1.0]] * 4, 2, "all rows equal, k = 2"),
        ([0.0, 1.0, 2.0], 2, "X is 1-D"),
        (np.zeros((0, 2)), 1, "X is empty"),
    ],
    ids=["k0", "k_above_n", "k_float", "few_distinct", "all_equal", "1d", "empty"],
)
def test_kmeans_plus_plus_rejects_bad_input(kata, X, k, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.kmeans_plus_plus, X, k, np.random.default_rng(0), why=why)


def test_kmeans_plus_plus_too_few_distinct_rows_named(kata):
    """Are 2 distinct rows for k = 3 refused by the kata itself, not by rng.choice's NaN check?

    A stand-in generator accepts any p, so the error must come from the kata's own check.
    """
    X = [[0.0, 1.0], [0.0, 1.0], [2.0, 2.0]]
    expect_error(
        ValueError, kata.kmeans_plus_plus, X, 3, ScriptedRng(0, [2, 1]), why="2 distinct rows"
    )


def test_kmeans_plus_plus_leaves_x_unchanged(kata, rng):
    """Is X left exactly as it was?"""
    X = rng.normal(size=(15, 3))
    check(kata, X, 4, 11)  # call() compares X after the call


@pytest.mark.timeout(5)
def test_kmeans_plus_plus_large_input(kata, rng):
    """Are 20 000 points and k = 40 seeded quickly (one distance update per new centre)?"""
    X = rng.normal(size=(20_000, 5))
    f = kata.kmeans_plus_plus
    got = np.asarray(call(f, X, 40, np.random.default_rng(3)))
    seeds = np.random.default_rng(3)
    idx = [int(seeds.integers(len(X)))]
    d2 = ((X - X[idx[0]]) ** 2).sum(axis=1)
    for _ in range(39):
        idx.append(int(seeds.choice(len(X), p=d2 / d2.sum())))
        d2 = np.minimum(d2, ((X - X[idx[-1]]) ** 2).sum(axis=1))
    assert_close(got, X[idx], atol=0, rtol=0, what="the chosen centres")
