"""Grader for evaluation/fairness: demographic_parity_difference(y_pred, group) (largest
gap in P(y_hat = 1) across groups) and equalized_odds_difference(y_true, y_pred, group)
(the larger of the TPR and FPR gaps); one group gives 0.0; a group without positives or
negatives makes equalized_odds_difference raise ValueError."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error


def rate(values):
    return sum(values) / len(values)


def by_group(*columns):
    """{group: [(columns...) of its samples]} in plain Python, groups in sorted order."""
    *data, group = [np.ravel(c).tolist() for c in columns]
    out = {}
    for i, g in enumerate(group):
        out.setdefault(g, []).append(tuple(d[i] for d in data))
    return dict(sorted(out.items()))


def parity_rates(y_pred, group):
    return [rate([r[0] for r in rows]) for rows in by_group(y_pred, group).values()]


def odds_rates(y_true, y_pred, group):
    tpr, fpr = [], []
    for rows in by_group(y_true, y_pred, group).values():
        tpr.append(rate([p for t, p in rows if t == 1]))
        fpr.append(rate([p for t, p in rows if t == 0]))
    return tpr, fpr


def gap(values):
    return max(values) - min(values)


def check_parity(kata, y_pred, group, expected=None):
    f = kata.demographic_parity_difference
    called = describe_call(f, y_pred, group)
    result = call(f, y_pred, group)
    rates = parity_rates(y_pred, group)
    want = gap(rates)
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")
    overall = rate(np.ravel(y_pred).tolist())
    mistakes = {
        "the largest distance to the overall rate: the kata compares the groups with "
        "each other, max - min": max(abs(r - overall) for r in rates),
        "the ratio min / max of the rates: the kata asks for the difference max - min": (
            min(rates) / max(rates) if max(rates) > 0 else 0.0
        ),
    }
    if len(rates) > 2:
        mistakes["only the first two groups compared: take max - min over all groups"] = abs(
            rates[0] - rates[1]
        )
    mistakes = {k: v for k, v in mistakes.items() if abs(v - want) > 1e-9}
    assert_close(
        result,
        want,
        what="the demographic parity difference",
        called=called,
        mistakes=mistakes,
        atol=1e-12,
    )
    return float(result)


def check_odds(kata, y_true, y_pred, group, expected=None):
    f = kata.equalized_odds_difference
    called = describe_call(f, y_true, y_pred, group)
    result = call(f, y_true, y_pred, group)
    tpr, fpr = odds_rates(y_true, y_pred, group)
    want = max(gap(tpr), gap(fpr))
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")
    acc = [
        rate([int(t == p) for t, p in rows]) for rows in by_group(y_true, y_pred, group).values()
    ]
    mistakes = {
        "the TPR gap only (equal opportunity): equalized odds takes the larger of the TPR "
        "and FPR gaps": gap(tpr),
        "the FPR gap only: equalized odds takes the larger of the TPR and FPR gaps": gap(fpr),
        "the mean of the TPR and FPR gaps: equalized odds takes the larger one": (
            gap(tpr) + gap(fpr)
        )
        / 2,
        "the sum of the TPR and FPR gaps: equalized odds takes the larger one": gap(tpr) + gap(fpr),
        "the gap in accuracy: equalized odds compares TPR and FPR": gap(acc),
    }
    mistakes = {k: v for k, v in mistakes.items() if abs(v - want) > 1e-9}
    assert_close(
        result,
        want,
        what="the equalized odds difference",
        called=called,
        mistakes=mistakes,
        atol=1e-12,
    )
    return float(result)


def random_case(rng, n, n_groups):
    """Labels, predictions and groups with every group holding both classes."""
    group = rng.integers(0, n_groups, size=n)
    group[: 2 * n_groups] = np.repeat(np.arange(n_groups), 2)
    y_true = rng.integers(0, 2, size=n)
    y_true[: 2 * n_groups] = np.tile([0, 1], n_groups)
    bias = rng.uniform(-0.3, 0.3, size=n_groups)[group]
    y_pred = (rng.random(n) < 0.3 + 0.4 * y_true + bias).astype(int)
    return y_true, y_pred, group


@pytest.mark.points(2)
def test_demographic_parity_difference_documented_example(kata):
    """Do rates 2/3 (group a) and 1/3 (group b) give a difference of 1/3?"""
    check_parity(kata, [1, 1, 0, 1, 0, 0], ["a", "a", "a", "b", "b", "b"], expected=1 / 3)


@pytest.mark.points(2)
def test_equalized_odds_difference_documented_example(kata):
    """Do TPR 1 vs 1/2 with FPR 1/2 vs 0, then FPR 0 vs 0, both give 0.5?"""
    y_true, group = [1, 1, 0, 0, 1, 1, 0, 0], [0, 0, 0, 0, 1, 1, 1, 1]
    check_odds(kata, y_true, [1, 1, 1, 0, 1, 0, 0, 0], group, expected=0.5)
    check_odds(kata, y_true, [1, 1, 0, 0, 1, 0, 0, 0], group, expected=0.5)


@pytest.mark.parametrize(
    "y_pred, group, expected",
    [
        ([0, 0, 1, 0, 1, 1], [0, 0, 1, 1, 2, 2], 1.0),
        ([1, 0, 1, 1], [5, 5, 5, 5], 0.0),
        ([1, 0, 0, 1], [0, 0, 1, 1], 0.0),
        ([1, 1, 1, 0, 0, 1, 0, 0], [2, 2, 2, 2, 7, 7, 7, 7], 0.5),
        ([0, 1, 1, 1, 0, 1], ["x", "y", "x", "z", "z", "y"], 0.5),
    ],
    ids=["three-groups", "one-group", "equal-rates", "quarter-steps", "string-groups"],
)
def test_demographic_parity_difference_worked_by_hand(kata, y_pred, group, expected):
    """Do small cases come out exactly (rates 0, 1/2, 1 -> 1; one group -> 0; 3/4 vs 1/4 ->
    1/2; x 1/2, y 1, z 1/2 -> 1/2)?"""
    check_parity(kata, y_pred, group, expected=expected)


@pytest.mark.points(2)
def test_equalized_odds_difference_takes_the_larger_gap(kata):
    """With a TPR gap of 1/4 and an FPR gap of 1/2, is the result 1/2 (and the reverse)?

    Group 0: positives predicted [1, 1, 1, 1] (TPR 1), negatives [1, 1, 0, 0] (FPR 1/2);
    group 1: positives [1, 1, 1, 0] (TPR 3/4), negatives [0, 0, 0, 0] (FPR 0).
    """
    y_true = [1, 1, 1, 1, 0, 0, 0, 0] * 2
    group = [0] * 8 + [1] * 8
    y_pred = [1, 1, 1, 1, 1, 1, 0, 0] + [1, 1, 1, 0, 0, 0, 0, 0]
    check_odds(kata, y_true, y_pred, group, expected=0.5)
    # swap the roles: TPR gap 1/2, FPR gap 1/4
    y_pred = [1, 1, 1, 1, 1, 0, 0, 0] + [1, 1, 0, 0, 0, 0, 0, 0]
    check_odds(kata, y_true, y_pred, group, expected=0.5)


def test_equalized_odds_difference_one_group_is_zero(kata):
    """With a single group (holding both classes), is the difference 0.0?"""
    check_odds(kata, [1, 0, 1, 0], [1, 1, 0, 0], ["g"] * 4, expected=0.0)


@pytest.mark.points(3)
@pytest.mark.parametrize("n_groups", [2, 3, 5])
def test_fairness_random_cases(kata, rng, n_groups):
    """Do random predictions agree with the per-group rates, for both metrics?"""
    for n in [12, 60, 400]:
        y_true, y_pred, group = random_case(rng, n, n_groups)
        check_parity(kata, y_pred, group)
        check_odds(kata, y_true, y_pred, group)


def test_fairness_ignores_group_names_and_order(kata, rng):
    """Are both metrics unchanged when groups are renamed and samples shuffled?"""
    y_true, y_pred, group = random_case(rng, 50, 3)
    a = check_parity(kata, y_pred, group), check_odds(kata, y_true, y_pred, group)
    perm = rng.permutation(50)
    names = np.array(["zeta", "alpha", "mid"])[group]
    b = (
        check_parity(kata, y_pred[perm], names[perm]),
        check_odds(kata, y_true[perm], y_pred[perm], names[perm]),
    )
    assert_close(b, a, what="the metrics after renaming and shuffling", atol=1e-12)


def test_fairness_leaves_inputs_unchanged(kata, rng):
    """Are y_true, y_pred and group left exactly as they were?"""
    y_true, y_pred, group = random_case(rng, 30, 2)
    check_parity(kata, y_pred, group)
    check_odds(kata, y_true, y_pred, group)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "y_true, y_pred, group, why",
    [
        ([1, 1, 1, 0], [1, 0, 1, 0], [0, 0, 1, 1], "group 0 has no negatives: FPR undefined"),
        ([0, 0, 1, 0], [1, 0, 1, 0], [0, 0, 1, 1], "group 0 has no positives: TPR undefined"),
        ([0, 2, 1, 0], [1, 0, 1, 0], [0, 0, 1, 1], "a label 2 in y_true"),
        ([0, 1, 1, 0], [1, 0, 3, 0], [0, 0, 1, 1], "a prediction 3"),
        ([0, 1, 1, 0], [1, 0, 1], [0, 0, 1, 1], "y_pred is shorter"),
        ([], [], [], "empty input"),
    ],
    ids=["no-negatives", "no-positives", "label-2", "pred-3", "length", "empty"],
)
def test_equalized_odds_difference_rejects_bad_input(kata, y_true, y_pred, group, why):
    """Does bad input, a group without positives or negatives above all, raise ValueError?"""
    expect_error(ValueError, kata.equalized_odds_difference, y_true, y_pred, group, why=why)


@pytest.mark.parametrize(
    "y_pred, group, why",
    [
        ([1, 2, 0], [0, 0, 1], "a prediction 2"),
        ([1, 0, 0], [0, 1], "group is shorter"),
        ([], [], "empty input"),
        ([[1, 0]], [[0, 1]], "2-D input"),
    ],
    ids=["pred-2", "length", "empty", "2d"],
)
def test_demographic_parity_difference_rejects_bad_input(kata, y_pred, group, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.demographic_parity_difference, y_pred, group, why=why)
