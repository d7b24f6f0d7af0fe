"""Grader for evaluation/roc_auc: roc_auc(y_true, scores) -> float, the probability that
a positive outranks a negative with ties counted 1/2; one class only -> ValueError."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error

TIES_IGNORED = "ties ignored: a tied (positive, negative) pair counts 1/2, not 0"
TIES_WON = "ties counted as wins: a tied (positive, negative) pair counts 1/2, not 1"
FLIPPED = "1 - AUC: a higher score should mean more likely positive (label 1)"
ORDINAL = (
    "tied scores were given distinct ranks (argsort of argsort): tied scores share the "
    "mean of the ranks they occupy"
)


def ordinal_rank_auc(y_true, scores):
    """The Mann-Whitney formula with ties broken by position (the mistake)."""
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    ranks = np.empty(s.size)
    ranks[np.argsort(s, kind="stable")] = np.arange(1, s.size + 1)
    n_pos = int(np.sum(y == 1))
    return (ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * (s.size - n_pos))


def pair_fractions(y_true, scores):
    """Over all (positive, negative) pairs: the share won by the positive, and tied."""
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = s[y == 1][:, None], s[y == 0][None, :]
    return float(np.mean(pos > neg)), float(np.mean(pos == neg))


def check(kata, y_true, scores, expected=None):
    """Call roc_auc, compare it with the pairwise definition, and return it."""
    f = kata.roc_auc
    called = describe_call(f, y_true, scores)
    result = call(f, y_true, scores)
    wins, ties = pair_fractions(y_true, scores)
    want = wins + ties / 2
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")  # a self-check
    mistakes = {}
    if ties:
        mistakes[TIES_IGNORED] = wins
        mistakes[TIES_WON] = wins + ties
        mistakes[ORDINAL] = ordinal_rank_auc(y_true, scores)
    if want != 0.5:
        mistakes[FLIPPED] = 1 - want
    assert_close(result, want, what="the AUC", called=called, mistakes=mistakes, atol=1e-12)
    return float(result)


@pytest.mark.points(2)
def test_roc_auc_documented_example(kata):
    """Do the docstring's examples give 0.75 and, with a tie, 0.875?"""
    check(kata, [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], expected=0.75)
    check(kata, [0, 0, 1, 1], [1.0, 2.0, 2.0, 3.0], expected=0.875)


@pytest.mark.parametrize(
    "y_true, scores, expected",
    [
        ([0, 1], [0.2, 0.9], 1.0),
        ([0, 1], [0.9, 0.2], 0.0),
        ([0, 1, 0, 1], [5.0, 5.0, 5.0, 5.0], 0.5),
        ([1, 0, 0, 0], [0.5, 0.1, 0.5, 0.9], 0.5),
        ([1, 1, 0], [3.0, 1.0, 2.0], 0.5),
    ],
    ids=["perfect", "reversed", "all-tied", "one-win-one-tie-one-loss", "two-positives"],
)
def test_roc_auc_small_cases_worked_by_hand(kata, y_true, scores, expected):
    """Do small cases counted pair by pair come out exactly?

    One positive at 0.5 against negatives 0.1, 0.5, 0.9: a win, a tie, a loss, so
    (1 + 1/2 + 0) / 3 = 1/2. Positives 3 and 1 against a negative 2: (1 + 0) / 2.
    """
    check(kata, y_true, scores, expected)


@pytest.mark.points(3)
def test_roc_auc_counts_ties_as_half(kata):
    """With tied scores across the classes, does each tied pair count exactly 1/2?"""
    # positives 1, 2, 2 against negatives 0, 2: (1, 0) win, (1, 2) loss, (2, 0) win twice,
    # (2, 2) tie twice -> (3 + 2 * 1/2) / 6 = 2/3
    check(kata, [1, 1, 1, 0, 0], [1.0, 2.0, 2.0, 0.0, 2.0], expected=2 / 3)


@pytest.mark.points(3)
@pytest.mark.parametrize("levels", [3, 10, None], ids=["3-levels", "10-levels", "continuous"])
def test_roc_auc_random_scores(kata, rng, levels):
    """Do random scores (many ties when discretised) agree with counting all pairs?"""
    for _ in range(10):
        n = int(rng.integers(2, 80))
        y = rng.integers(0, 2, size=n)
        y[:2] = [0, 1]
        s = rng.normal(size=n) + y
        if levels is not None:
            s = np.floor(levels * (s - s.min()) / (np.ptp(s) + 1e-9)) / levels
        check(kata, y, s)


def test_roc_auc_is_invariant_to_monotone_transforms(kata, rng):
    """Is the AUC unchanged when scores go through an increasing function (only ranks count)?"""
    y = np.tile([0, 1], 15)
    s = np.round(rng.normal(size=30) + 0.7 * y, 1)
    a = check(kata, y, s)
    b = check(kata, y, np.exp(3 * s) - 7)
    assert_close(b, a, what="AUC of exp(3 s) - 7 compared with AUC of s", atol=1e-12)


def test_roc_auc_complements(kata, rng):
    """Is AUC(y, -s) = 1 - AUC(y, s), and AUC(1 - y, s) the same?"""
    y = rng.permutation(np.repeat([0, 1], [12, 9]))
    s = np.round(rng.normal(size=21), 1)
    a = check(kata, y, s)
    assert_close(check(kata, y, -s), 1 - a, what="AUC(y, -s)", atol=1e-12)
    assert_close(check(kata, 1 - y, s), 1 - a, what="AUC(1 - y, s)", atol=1e-12)


def test_roc_auc_accepts_lists_and_integer_scores(kata):
    """Are plain lists with integer scores accepted (3 of 4 pairs won)?"""
    check(kata, [1, 0, 1, 0], [3, 1, 2, 2], expected=0.875)


def test_roc_auc_large_imbalanced(kata, rng):
    """With 2000 samples and 1% positives, does it still count every pair right?"""
    y = (rng.random(2000) < 0.01).astype(int)
    y[:2] = [0, 1]
    check(kata, y, np.round(rng.normal(size=2000) + 2 * y, 2))


def test_roc_auc_leaves_its_inputs_unchanged(kata, rng):
    """Are y_true and scores left exactly as they were (no in-place sort)?"""
    y, s = np.tile([1, 0, 0], 5), rng.normal(size=15)
    check(kata, y, s)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "y_true, scores, why",
    [
        ([1, 1, 1], [0.1, 0.5, 0.9], "only positives: AUC is undefined"),
        ([0, 0], [0.1, 0.5], "only negatives: AUC is undefined"),
        ([0, 2, 1], [0.1, 0.5, 0.9], "a label 2 is not binary"),
        ([0, 1, 1], [0.1, 0.5], "y_true and scores differ in length"),
        ([], [], "empty input"),
        ([[0, 1]], [[0.1, 0.2]], "2-D input"),
        ([0, 1], [0.1, float("nan")], "a nan score"),
    ],
    ids=["only-positives", "only-negatives", "label-2", "length", "empty", "2d", "nan"],
)
def test_roc_auc_rejects_bad_input(kata, y_true, scores, why):
    """Does bad input (one class only above all) raise ValueError with a message?"""
    expect_error(ValueError, kata.roc_auc, y_true, scores, why=why)
