"""Grader for evaluation/isotonic: isotonic_regression(y, w=None) -> the weighted
least-squares non-decreasing fit (n,), compared with the min-max formula
f_i = max_{j <= i} min_{k >= i} (weighted mean of y_j..y_k), which any correct
algorithm (a stack, repeated pooling, ...) reproduces."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

NON_INCREASING = "a non-increasing fit: isotonic here means non-decreasing"


def min_max(y, w=None):
    """The isotonic fit by its min-max characterisation, from prefix sums."""
    y = np.asarray(y, dtype=float)
    w = np.ones_like(y) if w is None else np.asarray(w, dtype=float)
    n = y.size
    cw = np.concatenate([[0.0], np.cumsum(w)])
    cwy = np.concatenate([[0.0], np.cumsum(w * y)])
    j, k = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    with np.errstate(invalid="ignore", divide="ignore"):
        M = (cwy[k + 1] - cwy[j]) / (cw[k + 1] - cw[j])  # weighted mean of y[j..k], j <= k
    return np.array([M[: i + 1, i:].min(axis=1).max() for i in range(n)])


def check(kata, y, w=None, expected=None, mistakes=None):
    """Call isotonic_regression, compare with the min-max formula, and return the fit."""
    f = kata.isotonic_regression
    args = (y,) if w is None else (y, w)
    called = describe_call(f, *args)
    result = call(f, *args)
    want = min_max(y, w)
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")
    known = dict(mistakes or {})
    y_arr = np.asarray(y, dtype=float)
    decreasing = min_max(y_arr[::-1], None if w is None else np.asarray(w, dtype=float)[::-1])
    known[NON_INCREASING] = decreasing[::-1]
    fitted = np.asarray(result, dtype=float)
    if (
        fitted.shape == want.shape
        and np.any(np.diff(fitted) < -1e-12)
        and not np.allclose(fitted, decreasing[::-1])
    ):
        i = int(np.argmax(np.diff(fitted) < -1e-12))
        fail(
            f"{called}: the fit decreases from index {i} to {i + 1} ({fitted[i]!r} > "
            f"{fitted[i + 1]!r}): after pooling, the new block can be below the block "
            "before it; keep pooling backwards while a violation remains"
        )
    if w is not None:
        known["the weights were ignored: each block's value is its WEIGHTED mean"] = min_max(y)
    assert_close(result, want, what="the fitted values", called=called, mistakes=known)
    return fitted


@pytest.mark.points(2)
def test_isotonic_regression_documented_example(kata):
    """Does [1, 3, 2, 4] give [1, 2.5, 2.5, 4], and with weights [1, 1, 3, 1] [1, 2.25, 2.25, 4]?"""
    check(kata, [1.0, 3.0, 2.0, 4.0], expected=[1.0, 2.5, 2.5, 4.0])
    check(kata, [1.0, 3.0, 2.0, 4.0], [1, 1, 3, 1], expected=[1.0, 2.25, 2.25, 4.0])


@pytest.mark.points(2)
def test_isotonic_regression_pools_blocks_by_weight(kata):
    """Does [3, 2, 1] pool into one block of mean 2 (not (2.5 + 1) / 2 = 1.75)?

    3 and 2 pool to 2.5 (a block of weight 2); then 1 violates it, and the new block's
    value is (2 * 2.5 + 1) / 3 = 2: blocks are merged by their total weights.
    """
    check(
        kata,
        [3.0, 2.0, 1.0],
        expected=[2.0, 2.0, 2.0],
        mistakes={
            "blocks merged by the plain mean of their values: weight each block by its "
            "total weight (its size when w is None)": [1.75, 1.75, 1.75]
        },
    )


@pytest.mark.parametrize(
    "y, w, expected",
    [
        ([1.0, 2.0, 2.0, 5.0], None, [1.0, 2.0, 2.0, 5.0]),
        ([4.0, 4.0, 4.0], None, [4.0, 4.0, 4.0]),
        ([7.5], None, [7.5]),
        ([2.0, 2.0, 1.0], None, [5 / 3] * 3),
        ([5.0, 1.0], [1.0, 4.0], [1.8, 1.8]),
        ([1.0, 0.0, 4.0, 3.0, 6.0], None, [0.5, 0.5, 3.5, 3.5, 6.0]),
        ([0.0, 10.0, 1.0, 2.0, 3.0], None, [0.0, 4.0, 4.0, 4.0, 4.0]),
    ],
    ids=["sorted", "constant", "single", "ties", "weighted-pair", "two-pools", "backtrack"],
)
def test_isotonic_regression_small_cases_worked_by_hand(kata, y, w, expected):
    """Do small cases come out exactly?

    Already sorted: unchanged. [5, 1] with weights 1, 4: (5 + 4) / 5 = 1.8. [0, 10, 1,
    2, 3]: 10 pools with 1 (5.5), then with 2 (13/3), then with 3 (4).
    """
    check(kata, y, w, expected=expected)


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [2, 10, 60, 200])
def test_isotonic_regression_random_sequences(kata, rng, n):
    """Do random noisy trends agree with the min-max formula?"""
    for _ in range(3):
        y = np.linspace(0, 2, n) + rng.normal(scale=1.0, size=n)
        check(kata, y)


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [5, 40, 150])
def test_isotonic_regression_random_weighted(kata, rng, n):
    """With random positive weights, do the fits agree with the weighted min-max formula?"""
    for _ in range(3):
        y = rng.normal(size=n) + np.linspace(0, 1, n)
        check(kata, y, rng.uniform(0.1, 5.0, size=n))


def test_isotonic_regression_preserves_the_weighted_sum(kata, rng):
    """Is sum w f = sum w y (each block's value is its weighted mean)?"""
    y, w = rng.normal(size=80), rng.uniform(0.5, 2.0, size=80)
    fitted = check(kata, y, w)
    assert_close(float(w @ fitted), float(w @ y), what="sum of w * fitted")


def test_isotonic_regression_beats_other_monotone_fits(kata, rng):
    """Is the weighted squared error no larger than that of other non-decreasing sequences?"""
    y, w = rng.normal(size=30), rng.uniform(0.5, 2.0, size=30)
    fitted = check(kata, y, w)
    best = float(w @ (y - fitted) ** 2)
    for _ in range(50):
        other = np.sort(fitted + rng.normal(scale=0.1, size=30))
        if float(w @ (y - other) ** 2) < best - 1e-12:
            fail(f"a non-decreasing sequence fits better than the returned one ({best:.6g})")


def test_isotonic_regression_binary_labels_give_rates(kata):
    """On 0/1 labels sorted by score, are the fitted values rates of positives in [0, 1]?"""
    # 0 | 1, 0, 0 -> 1/3 | 1, 1, 0 -> 2/3 | 1, 1, 1
    third, two_thirds = [1 / 3] * 3, [2 / 3] * 3
    y = [0, 1, 0, 0, 1, 1, 0, 1, 1, 1]
    fitted = check(kata, y, expected=[0] + third + two_thirds + [1] * 3)
    if fitted.min() < 0 or fitted.max() > 1:
        fail("fitted rates should stay within [0, 1]")


def test_isotonic_regression_leaves_inputs_unchanged(kata, rng):
    """Are y and w left exactly as they were?"""
    y, w = rng.normal(size=20), rng.uniform(0.5, 2.0, size=20)
    check(kata, y, w)
    check(kata, y)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "y, w, why",
    [
        ([1.0, 2.0], [1.0, 0.0], "a zero weight"),
        ([1.0, 2.0], [1.0, -1.0], "a negative weight"),
        ([1.0, 2.0, 3.0], [1.0, 1.0], "w is shorter than y"),
        ([], None, "y is empty"),
        ([[1.0, 2.0]], None, "y is 2-D"),
    ],
    ids=["zero-weight", "negative-weight", "weights-length", "empty", "2d"],
)
def test_isotonic_regression_rejects_bad_input(kata, y, w, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.isotonic_regression, y, w, why=why)
