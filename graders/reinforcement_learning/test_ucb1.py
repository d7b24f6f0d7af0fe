"""Grader for reinforcement_learning/ucb1: ucb1(counts, means, c=2.0) -> UCB(arm, index).

index_j = means_j + sqrt(c ln N / n_j), N = sum_j n_j; +inf for an untried arm; arm = the
lowest index among the largest indices.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe,
    describe_call,
    expect_error,
    fail,
    fields,
)

MISTAKES = {
    "c outside the square root (c * sqrt(ln N / n_j) instead of sqrt(c ln N / n_j))": "outside",
    "ln(N + 1) instead of ln N (N counts the plays made so far)": "n_plus_1",
    "ln n_j in place of ln N (the bonus uses the total number of plays)": "ln_nj",
    "untried arms scored by their mean (their index must be +inf)": "untried_mean",
}


def reference(counts, means, c=2.0, mistake=None):
    """The indices by a loop with math.log and math.sqrt (or a listed mistake)."""
    n = [float(x) for x in counts]
    N = sum(n)
    out = []
    for nj, mj in zip(n, [float(m) for m in means], strict=True):
        if nj == 0:
            out.append(mj if mistake == "untried_mean" else math.inf)
            continue
        log = (
            math.log(N + 1) if mistake == "n_plus_1" else math.log(nj if mistake == "ln_nj" else N)
        )
        if mistake == "outside":
            out.append(mj + c * math.sqrt(log / nj))
        else:
            out.append(mj + math.sqrt(c * log / nj))
    return np.array(out)


def best_arm(index):
    """The lowest index among the largest, by a loop."""
    best = 0
    for j, value in enumerate(index):
        if value > index[best]:
            best = j
    return best


def check(kata, counts, means, c=2.0, strict=False):
    """Call ucb1, compare arm and index with the reference, and return them."""
    f = kata.ucb1
    args = (counts, means) if c == 2.0 else (counts, means, c)
    called = describe_call(f, *args)
    result = (call_strictly if strict else call)(f, *args)
    arm, index = fields(result, ["arm", "index"], "ucb1")
    want = reference(counts, means, c)
    got = np.asarray(index, dtype=float)
    untried = np.isinf(want)
    if got.shape == want.shape and np.any(np.isfinite(got[untried])):
        j = int(np.flatnonzero(untried & np.isfinite(got))[0])
        words = (
            "untried arms scored by their mean (their index must be +inf)"
            if got[j] == float(np.asarray(means, dtype=float)[j])
            else "an untried arm must have index +inf"
        )
        fail(f"{called}: index[{j}] is {got[j]!r} for an arm never played: {words}")
    mistakes = {}
    for words, key in MISTAKES.items():
        wrong = reference(counts, means, c, key)
        if not np.array_equal(wrong, want):
            mistakes[words] = wrong
    scale = max(1.0, float(np.max(np.abs(want[np.isfinite(want)]), initial=0.0)))
    assert_close(
        index,
        want,
        rtol=1e-12,
        atol=1e-12 * scale,
        what="index",
        called=called,
        mistakes=mistakes,
    )
    if isinstance(arm, (bool, np.bool_)) or not isinstance(arm, (int, np.integer)):
        fail(f"{called} returned arm = {describe(arm)}: it must be an int")
    want_arm = best_arm(want)
    if arm != want_arm:
        fail(
            f"{called} returned arm {arm}, expected {want_arm}: the lowest index among the "
            f"largest indices (index = {describe(np.asarray(index))})"
        )
    return int(arm), np.asarray(index)


@pytest.mark.points(2)
def test_ucb1_documented_example(kata):
    """Does the docstring's example give arm 0 and index (2.1651, 1.7774, 1.8651)?"""
    arm, index = check(kata, [1, 2, 1], [0.5, 0.6, 0.2])
    assert_close(index, [2.1651, 1.7774, 1.8651], rtol=0, atol=6e-5, what="index")
    assert check(kata, [3, 0, 2, 0], [1.0, 0.0, 0.5, 0.0])[0] == 1


@pytest.mark.points(2)
def test_ucb1_hand_checked(kata):
    """Does counts (4, 1, 3), means (0, 1, 0), c = 1 give index (1, 1 + sqrt(ln 8), ...)?

    N = 8, ln 8 = 3 ln 2: index_0 = sqrt(3 ln 2 / 4), index_1 = 1 + sqrt(3 ln 2),
    index_2 = sqrt(ln 2); arm 1.
    """
    ln2 = math.log(2)
    arm, index = check(kata, [4, 1, 3], [0.0, 1.0, 0.0], 1.0)
    want = [math.sqrt(3 * ln2 / 4), 1 + math.sqrt(3 * ln2), math.sqrt(ln2)]
    assert_close(index, want, rtol=1e-12, what="index")
    if arm != 1:
        fail(f"ucb1([4, 1, 3], [0, 1, 0], 1.0) chose arm {arm}, expected 1")


@pytest.mark.points(2)
def test_ucb1_untried_arms_first(kata):
    """Are untried arms +inf and chosen first, in index order, with no warning?"""
    arm, index = check(kata, [5, 0, 2, 0], [9.0, -1.0, 3.0, -5.0], strict=True)
    if arm != 1 or not (np.isinf(index[1]) and np.isinf(index[3])):
        fail(f"ucb1([5, 0, 2, 0], ...) gave arm {arm} and index {describe(index)}")


@pytest.mark.points(2)
def test_ucb1_no_plays_and_one_play(kata):
    """N = 0 gives arm 0 with every index inf; N = 1 (ln 1 = 0) gives the means, no warning."""
    arm, index = check(kata, [0, 0, 0], [1.0, 2.0, 3.0], strict=True)
    if arm != 0 or not np.all(np.isposinf(index)):
        fail(f"ucb1 with no plays gave arm {arm} and index {describe(index)}")
    check(kata, [0, 1, 0], [1.0, 2.0, 3.0], strict=True)  # arm 0: the first untried
    arm, index = check(kata, [1], [0.25], strict=True)
    assert_close(index, [0.25], what="index with N = 1")


@pytest.mark.points(2)
def test_ucb1_ties_go_to_the_lowest_index(kata):
    """Do arms with equal counts and means tie, the lowest index winning?"""
    for counts, means, want in [
        ([3, 3, 3], [0.5, 0.5, 0.5], 0),
        ([2, 4, 2, 2], [0.1, 0.9, 0.7, 0.7], 2),
        ([7, 1, 1], [0.0, -0.5, -0.5], 1),
    ]:
        arm, _ = check(kata, counts, means)
        if arm != want:
            fail(f"ucb1({counts}, {means}) chose arm {arm}, expected {want}")


def test_ucb1_c_zero_is_greedy(kata):
    """Does c = 0 score every tried arm by its mean alone?"""
    arm, index = check(kata, [3, 5, 2], [0.2, 0.7, 0.4], 0.0)
    assert_close(index, [0.2, 0.7, 0.4], what="index with c = 0")


@pytest.mark.points(3)
def test_ucb1_matches_a_loop_on_random_bandits(kata, rng):
    """Do random counts, means and c give the loop's indices and arm?"""
    for _ in range(40):
        K = int(rng.integers(1, 12))
        counts = rng.integers(0, 50, size=K)
        if rng.random() < 0.5:
            counts[counts == 0] = 1  # every arm tried
        means = rng.normal(size=K) * 10.0 ** float(rng.integers(-2, 3))
        c = float(rng.choice([2.0, 0.5, rng.uniform(0, 5)]))
        check(kata, counts, means, c)


def test_ucb1_integral_float_counts(kata):
    """Are integral float counts such as 3.0 accepted, with the same result?"""
    check(kata, np.array([3.0, 1.0, 0.0]), [0.1, 0.2, 0.3])
    check(kata, np.array([3.0, 1.0, 6.0]), [0.1, 0.2, 0.3], 1.5)


@pytest.mark.parametrize(
    "counts, means, c, why",
    [
        ([[1, 2]], [[0.0, 0.0]], 2.0, "counts is 2-D"),
        ([], [], 2.0, "no arms"),
        ([1, -1], [0.0, 0.0], 2.0, "a negative count"),
        ([1, 1.5], [0.0, 0.0], 2.0, "a non-integral count"),
        ([1, 2], [0.0, 0.0, 0.0], 2.0, "means of another length"),
        ([1, 2], [0.0, np.nan], 2.0, "a NaN mean"),
        ([1, 2], [np.inf, 0.0], 2.0, "an infinite mean"),
        ([1, 2], [0.0, 0.0], -1.0, "c < 0"),
    ],
)
def test_ucb1_rejects_bad_input(kata, counts, means, c, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.ucb1, counts, means, c, why=why)


def test_ucb1_leaves_its_input_unchanged(kata):
    """Are counts and means left exactly as they were?"""
    counts, means = np.array([2, 0, 5]), np.array([0.3, 0.1, 0.2])
    check(kata, counts, means)
    assert_close(counts, [2, 0, 5], atol=0, rtol=0, what="counts after the call")
    assert_close(means, [0.3, 0.1, 0.2], atol=0, rtol=0, what="means after the call")
