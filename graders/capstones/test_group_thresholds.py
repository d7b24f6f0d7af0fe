"""Grader for capstones/group_thresholds: group_thresholds(scores, group, target_rate,
y_true=None) -> (groups, thresholds), per group the highest score (or inf) that selects
at least target_rate of its members (of its positives, given y_true)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, field

SHORT = "selects less than target_rate: the rate must reach the target (k / m >= r)"
STRICT = "the rate counted scores > t: a sample scored exactly t is selected (>= t)"
LOWEST = "the lowest threshold that reaches the rate: the kata asks for the highest"
POOLED = "one threshold for everybody: each group gets its own threshold"
ALL_MEMBERS = "counted every member: given y_true, the rate is among the group's positives"
NO_INF = "r = 0 selects nobody: the highest threshold is +inf"
PRODUCT = (
    "k = ceil(r * m) overshoots when r * m rounds up past an integer (0.28 * 25 = "
    "7.000000000000001): take the smallest k with k / m >= r, as the rate is measured"
)
ASCENDING = "took the k-th smallest score: the threshold is the k-th largest"


def rate(s, t, strict=False):
    return np.sum(s > t if strict else s >= t) / s.size


def best(s, r, strict=False, largest=True, with_inf=True):
    """By brute force: the largest (or smallest) candidate whose rate reaches r."""
    candidates = sorted(set(s.tolist())) + ([math.inf] if with_inf else [])
    good = [t for t in candidates if rate(s, t, strict) >= r]
    if not good:
        return math.nan
    return max(good) if largest else min(good)


def reference(s, g, r, y=None, **how):
    groups = sorted(set(g.tolist()))
    keep = np.ones(s.size, dtype=bool) if y is None else (y == 1)
    return groups, [best(s[(g == name) & keep], r, **how) for name in groups]


def check(kata, scores, group, r, y_true=None, expected=None):
    f = kata.group_thresholds
    args = (scores, group, r) if y_true is None else (scores, group, r, y_true)
    called = describe_call(f, *args)
    result = call(f, *args)
    groups = np.asarray(field(result, "groups", 0, "group_thresholds"))
    t = np.asarray(field(result, "thresholds", 1, "group_thresholds"), dtype=float)
    s, g = np.asarray(scores, dtype=float), np.asarray(group)
    y = None if y_true is None else np.asarray(y_true)
    want_groups, want = reference(s, g, r, y)
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")
    if groups.tolist() != want_groups:
        fail(f"{called} returned groups {groups.tolist()}, expected {want_groups} (sorted)")
    pooled_t = best(s if y is None else s[y == 1], r)
    mistakes = {
        STRICT: reference(s, g, r, y, strict=True)[1],
        LOWEST: reference(s, g, r, y, largest=False)[1],
        POOLED: [pooled_t] * len(want),
        NO_INF: reference(s, g, r, y, with_inf=False)[1],
    }
    if y is not None:
        mistakes[ALL_MEMBERS] = reference(s, g, r)[1]
    keep = np.ones(s.size, dtype=bool) if y is None else (y == 1)
    short, ascending, product = [], [], []
    for name in want_groups:
        members = np.sort(s[(g == name) & keep])
        m = members.size
        k_floor = math.floor(r * m)
        short.append(math.inf if k_floor == 0 else members[::-1][k_floor - 1])
        kk = next(i for i in range(m + 1) if i / m >= r)
        ascending.append(math.inf if kk == 0 else members[kk - 1])
        k_ceil = math.ceil(r * m)
        product.append(math.inf if k_ceil == 0 else members[::-1][k_ceil - 1])
    mistakes[SHORT] = short
    mistakes[ASCENDING] = ascending
    mistakes[PRODUCT] = product
    mistakes = {k: v for k, v in mistakes.items() if not np.array_equal(np.asarray(v, float), want)}
    if t.shape == (len(want),) and not np.array_equal(t, np.asarray(want, dtype=float)):
        named = [  # inf in either: assert_close stops early
            words
            for words, wrong in mistakes.items()
            if np.allclose(t, np.asarray(wrong, dtype=float), rtol=1e-12, atol=0)
        ]
        if named:  # several mistakes can give the same thresholds: name them all
            fail(
                f"{called} returned thresholds {t.tolist()}, expected {want}\n"
                f"  this is what you get from a known mistake: " + "\n  or from: ".join(named)
            )
    assert_close(t, want, atol=0, rtol=0, what="the thresholds", called=called, mistakes=mistakes)
    return groups, t


@pytest.mark.points(2)
def test_group_thresholds_documented_example(kata):
    """Do the examples give [0.3, 0.7], [0.6, 0.9] with y_true, and [inf, inf] at r = 0?"""
    s = [0.9, 0.4, 0.7, 0.2, 0.6, 0.3]
    g = ["SV", "SV", "SV", "AK", "AK", "AK"]
    check(kata, s, g, 0.5, expected=[0.3, 0.7])
    check(kata, s, g, 0.5, y_true=[1, 0, 1, 1, 1, 0], expected=[0.6, 0.9])
    check(kata, s, g, 0.0, expected=[math.inf, math.inf])


@pytest.mark.points(2)
def test_group_thresholds_worked_by_hand(kata):
    """Ties are selected together; r = 1 selects everyone; r just above k/m needs k + 1.

    Group 0 scores [5, 5, 3, 1], r = 0.25: the 1st largest is 5, and 5 selects two of
    four (0.5 >= 0.25). Group 1 scores [2, 8], r = 1: the lowest score, 2. With r = 0.3
    and three scores [1, 2, 3]: k = 1 gives 1/3 >= 0.3, so 3; with r = 0.34, k = 2: 2.
    With r = 0.3 and ten scores 0..9, 3/10 >= 0.3 in floating point: k = 3, the score 7.
    With r = 0.28 and 25 scores 0..24, 7/25 >= 0.28: k = 7, the score 18 (not
    ceil(0.28 * 25) = ceil(7.000000000000001) = 8, the score 17).
    """
    check(kata, [5, 5, 3, 1], [0, 0, 0, 0], 0.25, expected=[5.0])
    check(kata, [2, 8], [1, 1], 1.0, expected=[2.0])
    check(kata, [1, 2, 3], [0, 0, 0], 0.3, expected=[3.0])
    check(kata, [1, 2, 3], [0, 0, 0], 0.34, expected=[2.0])
    check(kata, np.arange(10.0), np.zeros(10, int), 0.3, expected=[7.0])
    check(kata, np.arange(25.0), np.zeros(25, int), 0.28, expected=[18.0])


@pytest.mark.points(3)
@pytest.mark.parametrize("labels", [False, True], ids=["parity", "equal-opportunity"])
def test_group_thresholds_matches_trying_every_threshold(kata, rng, labels):
    """Do random cases (with ties and three groups) agree with trying every candidate?"""
    for _ in range(15):
        n = int(rng.integers(3, 60))
        s = np.round(rng.random(n) * int(rng.choice([5, 50, 10**6]))) / 7
        g = rng.choice(np.array(["AK", "SV", "TX"]), size=n)
        r = float(rng.choice([0.0, 1.0, rng.random()]))
        y = None
        if labels:
            y = (rng.random(n) < 0.5).astype(int)
            for name in set(g.tolist()):  # every group needs a positive
                y[np.flatnonzero(g == name)[0]] = 1
        check(kata, s, g, r, y)


def test_group_thresholds_reaches_the_rate_in_every_group(kata, rng):
    """On 5000 continuous scores, does each group's selection rate reach r, and would
    the next higher score fall short?"""
    n = 5000
    s, g = rng.normal(size=n), rng.integers(0, 4, size=n)
    g_out, t = check(kata, s, g, 0.37)
    for name, x in zip(g_out.tolist(), t.tolist(), strict=True):
        members = s[g == name]
        if rate(members, x) < 0.37:
            fail(f"group {name}: threshold {x} selects {rate(members, x):.4f} < 0.37")
        higher = members[members > x]
        if higher.size and rate(members, higher.min()) >= 0.37:
            fail(f"group {name}: the higher score {higher.min()} also reaches 0.37")


def test_group_thresholds_edge_cases(kata):
    """One sample; one group; a group of one positive; integer scores; all tied."""
    check(kata, [0.4], ["x"], 0.5, expected=[0.4])
    check(kata, [0.4], ["x"], 0.0, expected=[math.inf])
    check(kata, [3, 1, 2], [7, 7, 7], 0.6, expected=[2.0])
    check(kata, [0.1, 0.9, 0.5], [0, 1, 1], 1.0, y_true=[1, 0, 1], expected=[0.1, 0.5])
    check(kata, [2.0, 2.0, 2.0], ["a", "b", "a"], 0.5, expected=[2.0, 2.0])


def test_group_thresholds_leaves_its_inputs_unchanged(kata, rng):
    """Are scores, group and y_true left exactly as they were (no in-place sort)?"""
    s, g, y = rng.random(40), rng.integers(0, 2, size=40), np.ones(40, dtype=int)
    check(kata, s, g, 0.5, y)


@pytest.mark.timeout(5)
def test_group_thresholds_is_fast_on_many_samples(kata, rng):
    """200 000 scores in 5 groups: a sort per group, not a rate per candidate?"""
    n = 200_000
    s, g = rng.random(n), rng.integers(0, 5, size=n)
    groups, t = call(kata.group_thresholds, s, g, 0.25)
    for name, x in zip(np.asarray(groups).tolist(), np.asarray(t).tolist(), strict=True):
        members = np.sort(s[g == name])[::-1]
        assert_close(x, members[math.ceil(0.25 * members.size) - 1], what=f"t of group {name}")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        (([], [], 0.5), "empty"),
        (([[0.2, 0.3]], [[0, 1]], 0.5), "2-D"),
        (([0.2, 0.3], [0], 0.5), "lengths differ"),
        (([0.2, float("nan")], [0, 0], 0.5), "a nan score"),
        (([0.2, 0.3], [0, 0], 1.5), "target_rate = 1.5"),
        (([0.2, 0.3], [0, 0], -0.1), "target_rate = -0.1"),
        (([0.2, 0.3], [0, 0], 0.5, [1, 2]), "label 2"),
        (([0.2, 0.3], [0, 1], 0.5, [1, 0]), "group 1 has no positive"),
        (([0.2, 0.3], [0, 1], 0.5, [1]), "y_true of another length"),
    ],
)
def test_group_thresholds_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.group_thresholds, *args, why=why)
