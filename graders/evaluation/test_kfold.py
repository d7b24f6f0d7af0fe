"""Grader for evaluation/kfold: kfold_indices(n, k, shuffle=False, rng=None) -> k pairs
(train, test) of sorted index arrays; the first n mod k folds one larger; with shuffle,
``perm = rng.permutation(n)`` and fold f is the f-th consecutive slice of perm."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

PROTOCOL = "one perm = rng.permutation(n) and nothing else"


def expected_folds(n, k, seed=None):
    """The test folds of the protocol, and the generator state after it."""
    rng = np.random.default_rng(seed) if seed is not None else None
    order = list(rng.permutation(n)) if rng is not None else list(range(n))
    folds, start = [], 0
    for f in range(k):
        size = n // k + (1 if f < n % k else 0)
        folds.append(sorted(int(i) for i in order[start : start + size]))
        start += size
    return folds, (rng.bit_generator.state if rng is not None else None)


def size_mistakes(n, k):
    base = n // k
    return {
        "the remainder went to the last fold: the FIRST n mod k folds are one larger": [base]
        * (k - 1)
        + [n - base * (k - 1)],
        "folds of size ceil(n / k) with a short last one: the first n mod k folds are one "
        "larger, the others floor(n / k)": [
            min(-(-n // k), max(n - f * -(-n // k), 0)) for f in range(k)
        ],
        "every fold has floor(n / k) samples: the n mod k left over are never tested": [base] * k,
    }


def as_index_array(value, what, called):
    a = np.asarray(value)
    if a.ndim != 1 or (a.size and a.dtype.kind not in "iu"):
        fail(
            f"{called}: {what} should be a 1-D array of integer indices, got {a.dtype} "
            f"of shape {a.shape}"
        )
    return a


def check(kata, n, k, shuffle=False, seed=None, pass_rng=True):
    """Call kata.kfold_indices, check every fold against the protocol, return the folds."""
    f = kata.kfold_indices
    rng = np.random.default_rng(seed) if (seed is not None and pass_rng) else None
    args = (n, k) if not shuffle and rng is None else (n, k, shuffle, rng)
    called = describe_call(f, *args)
    result = call(f, *args)
    want, state = expected_folds(n, k, seed if shuffle else None)
    try:
        folds = list(result)
    except TypeError:
        fail(f"{called} should return a list of (train, test) pairs, got {result!r}")
    if len(folds) != k:
        fail(f"{called} returned {len(folds)} folds, expected k = {k}")
    tests = []
    for i, pair in enumerate(folds):
        if len(pair) != 2:
            fail(f"{called}: fold {i} should be a pair (train, test)")
        train = as_index_array(pair[0], f"train of fold {i}", called)
        test = as_index_array(pair[1], f"test of fold {i}", called)
        for name, a in (("train", train), ("test", test)):
            if np.any(np.diff(a) <= 0):
                fail(
                    f"{called}: the {name} indices of fold {i} are not sorted ascending "
                    f"(or repeat): {a.tolist()[:12]}"
                )
        tests.append(test)
    sizes = [t.size for t in tests]
    assert_close(
        sizes,
        [len(w) for w in want],
        what="the test fold sizes",
        called=called,
        atol=0,
        rtol=0,
        mistakes=size_mistakes(n, k),
    )
    for i, (test, fold) in enumerate(zip(tests, want, strict=True)):
        if test.tolist() != fold:
            how = "the f-th consecutive slice of perm" if shuffle else "consecutive indices"
            order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
            strided = sorted(order[i::k].tolist())
            mistake = ""
            if test.tolist() == strided:
                mistake = (
                    "\n  this is what you get from a known mistake: every k-th sample "
                    "(order[f::k]): a fold is a consecutive slice"
                )
            fail(
                f"{called}: the test set of fold {i} is {test.tolist()[:12]}, expected "
                f"{fold[:12]} ({how}, sorted){mistake}"
            )
        train = np.asarray(folds[i][0])
        complement = sorted(set(range(n)) - set(fold))
        if train.tolist() != complement:
            fail(
                f"{called}: the train set of fold {i} should be every index not in its "
                f"test set ({len(complement)} indices), got {train.size} indices"
            )
    if rng is not None and shuffle and rng.bit_generator.state != state:
        fail(f"{called}: the folds are right but rng was used differently from {PROTOCOL}")
    if rng is not None and not shuffle:
        if rng.bit_generator.state != np.random.default_rng(seed).bit_generator.state:
            fail(f"{called}: without shuffle, rng must not be used (it was drawn from)")
    return folds


@pytest.mark.points(2)
def test_kfold_indices_documented_example(kata):
    """Do the docstring's examples give the folds [0, 1, 2] | [3, 4] and, shuffled, the
    slices [2, 3, 4], [5, 6], [0, 1] of perm = [2, 4, 3, 6, 5, 0, 1]?"""
    folds = check(kata, 5, 2)
    if np.asarray(folds[0][1]).tolist() != [0, 1, 2]:
        fail("the first test fold of kfold_indices(5, 2) should be [0, 1, 2]")
    folds = check(kata, 7, 3, shuffle=True, seed=0)
    if [np.asarray(te).tolist() for _, te in folds] != [[2, 3, 4], [5, 6], [0, 1]]:
        fail("kfold_indices(7, 3, True, default_rng(0)) should test [2, 3, 4], [5, 6], [0, 1]")


@pytest.mark.parametrize(
    "n, k, sizes",
    [(10, 5, [2] * 5), (10, 3, [4, 3, 3]), (11, 4, [3, 3, 3, 2]), (4, 4, [1] * 4), (3, 2, [2, 1])],
    ids=["even", "one-extra", "three-extra", "leave-one-out", "three-two"],
)
def test_kfold_indices_fold_sizes_by_hand(kata, n, k, sizes):
    """Are the first n mod k folds one larger (10 into 3: 4, 3, 3; 11 into 4: 3, 3, 3, 2)?"""
    folds = check(kata, n, k)
    assert_close([np.asarray(te).size for _, te in folds], sizes, what="the fold sizes")


def test_kfold_indices_leave_one_out(kata):
    """With k = n, is fold i the single test index i?"""
    folds = check(kata, 6, 6)
    assert_close([np.asarray(te)[0] for _, te in folds], np.arange(6), what="the test indices")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, k", [(20, 3), (17, 5), (9, 9), (50, 2), (101, 10)])
def test_kfold_indices_follows_the_shuffle_protocol(kata, rng, n, k):
    """With shuffle and the same seed, are the folds exactly the slices of rng.permutation(n)?"""
    check(kata, n, k, shuffle=True, seed=int(rng.integers(2**32)))


@pytest.mark.parametrize("n, k", [(23, 4), (8, 2), (30, 7)])
def test_kfold_indices_without_shuffle_are_consecutive(kata, n, k):
    """Without shuffle, are the test folds consecutive runs 0, 1, ... in order?"""
    check(kata, n, k)


def test_kfold_indices_without_shuffle_ignore_rng(kata):
    """Given an rng but shuffle=False, does it leave the rng alone and keep the order?"""
    check(kata, 12, 5, shuffle=False, seed=3)


def test_kfold_indices_partition(kata, rng):
    """Does every index appear in exactly one test fold, and in the other k - 1 train sets?"""
    n, k = 37, 6
    folds = check(kata, n, k, shuffle=True, seed=int(rng.integers(2**32)))
    test_count = np.zeros(n, int)
    train_count = np.zeros(n, int)
    for train, test in folds:
        test_count[np.asarray(test)] += 1
        train_count[np.asarray(train)] += 1
    if np.any(test_count != 1) or np.any(train_count != k - 1):
        fail("the test folds should partition 0 .. n - 1, each index in k - 1 train sets")


def test_kfold_indices_index_a_data_matrix(kata, rng):
    """Do the index arrays select rows of a data matrix, the test rows covering it once?"""
    X = rng.normal(size=(13, 2))
    folds = check(kata, 13, 4, shuffle=True, seed=5)
    stacked = np.concatenate([X[np.asarray(test)] for _, test in folds])
    rows = np.concatenate([np.asarray(test) for _, test in folds])
    assert_close(stacked[np.argsort(rows)], X, what="the test rows put back in order")
    for train, test in folds:
        assert_close(
            X[np.asarray(train)].shape,
            (13 - np.asarray(test).size, 2),
            what="the shape of X[train]",
        )


def test_kfold_indices_different_seeds_give_different_folds(kata):
    """Do two seeds give two different shuffles (the rng is really used)?"""
    a = check(kata, 30, 3, shuffle=True, seed=1)
    b = check(kata, 30, 3, shuffle=True, seed=2)
    if np.array_equal(a[0][1], b[0][1]):
        fail("seeds 1 and 2 gave the same first fold")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        ((5, 1), "k = 1: there is no training set"),
        ((5, 6), "k = 6 > n = 5: some fold would be empty"),
        ((5, 0), "k = 0"),
        ((0, 2), "n = 0: no samples"),
        ((5.5, 2), "n is not an integer"),
        ((6, 2.5), "k is not an integer"),
        ((6, 2, True), "shuffle without rng"),
        ((6, 2, True, None), "shuffle with rng=None"),
    ],
    ids=["k-1", "k-gt-n", "k-0", "n-0", "n-fraction", "k-fraction", "no-rng", "rng-none"],
)
def test_kfold_indices_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.kfold_indices, *args, why=why)
