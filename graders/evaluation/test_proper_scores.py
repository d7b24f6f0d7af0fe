"""Grader for evaluation/proper_scores: log_loss(y_true, p, eps=1e-15) (p clipped to
[eps, 1 - eps], natural log, mean over samples) and brier_score(y_true, p) (mean of
(p - y)^2), both for binary labels."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call_strictly, describe_call, expect_error

CLIP_ADVICE = (
    "clip p to [eps, 1 - eps] before taking the log: log(0) = -inf for a confident "
    "wrong prediction."
)
# 1 - (1 - 1e-15) is 9.992e-16 in floating point, not 1e-15: where p is clipped at
# 1 - eps, computing log(1 - q) and clipping 1 - p at eps differ by 2e-3 relative, and
# both follow the contract.
NEAR_ONE = {"rtol": 3e-3}


def clip(x, eps):
    return min(max(x, eps), 1 - eps)


def ll_terms(y_true, p, eps=1e-15):
    return [
        -math.log(clip(q, eps)) if y == 1 else -math.log(1 - clip(q, eps))
        for y, q in zip(np.ravel(y_true).tolist(), np.ravel(p).tolist(), strict=True)
    ]


def check_log_loss(kata, y_true, p, *args, expected=None, tolerance=None, **kwargs):
    f = kata.log_loss
    called = describe_call(f, y_true, p, *args, **kwargs)
    result = call_strictly(f, y_true, p, *args, advice=CLIP_ADVICE, **kwargs)
    eps = (args or (kwargs.get("eps", 1e-15),))[0]
    terms = ll_terms(y_true, p, eps)
    want = math.fsum(terms) / len(terms)
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference", **(tolerance or {}))
    unclipped = ll_terms(y_true, p, 0.0) if 0 < min(np.ravel(p)) and max(np.ravel(p)) < 1 else []
    mistakes = {
        "summed over the samples: the log loss is the mean": want * len(terms),
        "log base 2: the log loss uses the natural log": want / math.log(2),
        "the minus sign is missing": -want,
    }
    if unclipped and eps > 1e-10:
        mistakes["p was not clipped to [eps, 1 - eps]"] = math.fsum(unclipped) / len(terms)
    assert_close(
        result, want, what="the log loss", called=called, mistakes=mistakes, **(tolerance or {})
    )
    return float(result)


def check_brier(kata, y_true, p, expected=None):
    f = kata.brier_score
    called = describe_call(f, y_true, p)
    result = call_strictly(f, y_true, p)
    sq = [
        (q - y) ** 2 for y, q in zip(np.ravel(y_true).tolist(), np.ravel(p).tolist(), strict=True)
    ]
    want = math.fsum(sq) / len(sq)
    if expected is not None:
        assert_close(want, expected, what="the grader's own reference")
    absolute = math.fsum(math.sqrt(v) for v in sq) / len(sq)
    assert_close(
        result,
        want,
        what="the Brier score",
        called=called,
        mistakes={
            "summed over the samples: the Brier score is the mean": want * len(sq),
            "the root of the mean square: the Brier score is not square-rooted": math.sqrt(want),
            "the mean absolute difference: the Brier score squares (p - y)": absolute,
        },
    )
    return float(result)


@pytest.mark.points(2)
def test_log_loss_documented_example(kata):
    """Does [1, 0, 1] with p = [0.9, 0.2, 0.6] give -(ln .9 + ln .8 + ln .6) / 3 = 0.279777?"""
    check_log_loss(kata, [1, 0, 1], [0.9, 0.2, 0.6], expected=0.2797765635793423)
    check_log_loss(kata, [1], [0.0], expected=-math.log(1e-15))


def test_brier_score_documented_example(kata):
    """Does [1, 0, 1] with p = [0.9, 0.2, 0.6] give (0.01 + 0.04 + 0.16) / 3 = 0.07?"""
    check_brier(kata, [1, 0, 1], [0.9, 0.2, 0.6], expected=0.07)


@pytest.mark.parametrize(
    "y_true, p, expected",
    [
        ([1], [0.5], math.log(2)),
        ([0, 0], [0.5, 0.5], math.log(2)),
        ([1, 0], [0.75, 0.25], math.log(4 / 3)),
        ([0, 1, 1, 1], [0.5, 0.5, 0.5, 0.5], math.log(2)),
    ],
    ids=["half", "half-negatives", "three-quarters", "constant-half"],
)
def test_log_loss_small_cases_worked_by_hand(kata, y_true, p, expected):
    """Do small cases come out exactly (p = 1/2: ln 2 whatever the label; 3/4 right: ln 4/3)?"""
    check_log_loss(kata, y_true, p, expected=expected)


@pytest.mark.parametrize(
    "y_true, p, expected",
    [
        ([1], [0.5], 0.25),
        ([0, 1], [0.0, 1.0], 0.0),
        ([0, 1], [1.0, 0.0], 1.0),
        ([1, 0, 0, 1], [0.5, 0.5, 0.5, 0.5], 0.25),
    ],
    ids=["half", "perfect", "all-wrong", "constant-half"],
)
def test_brier_score_small_cases_worked_by_hand(kata, y_true, p, expected):
    """Is the Brier score 1/4 at p = 1/2, 0 for perfect and 1 for certain-and-wrong?"""
    check_brier(kata, y_true, p, expected=expected)


@pytest.mark.points(3)
def test_log_loss_clips_confident_mistakes(kata):
    """Are p = 0 for a positive and p = 1 for a negative clipped to give -ln(eps), not inf?"""
    check_log_loss(kata, [1, 1], [0.0, 1.0], expected=-math.log(1e-15) / 2)
    check_log_loss(kata, [0, 1], [1.0, 0.0], expected=-math.log(1e-15), tolerance=NEAR_ONE)
    check_log_loss(kata, [1, 0], [1.0, 0.0], expected=1e-15, tolerance={"atol": 1e-14})


def test_log_loss_uses_eps(kata):
    """With eps = 1/8, is a certain wrong answer worth -ln(1/8) = ln 8 (and 0.9 -> ln(1/0.875))?"""
    check_log_loss(kata, [1, 0], [0.0, 1.0], 0.125, expected=math.log(8))
    check_log_loss(
        kata, [1, 1], [0.95, 0.5], eps=0.125, expected=(math.log(1 / 0.875) + math.log(2)) / 2
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("n", [1, 10, 500])
def test_scores_random_cases(kata, rng, n):
    """Do random labels and probabilities agree with the definitions, term by term?"""
    for _ in range(5):
        y = rng.integers(0, 2, size=n)
        p = rng.random(n)
        check_log_loss(kata, y, p)
        check_brier(kata, y, p)


def test_scores_are_proper(kata, rng):
    """Among constant forecasts c, is each score lowest at c = the rate of positives?"""
    y = np.repeat([1, 0], [3, 7])  # rate 0.3
    grid = [0.1, 0.2, 0.3, 0.4, 0.5]
    ll = [check_log_loss(kata, y, np.full(10, c)) for c in grid]
    bs = [check_brier(kata, y, np.full(10, c)) for c in grid]
    assert_close(
        [int(np.argmin(ll)), int(np.argmin(bs))],
        [2, 2],
        what="the index of the best constant forecast (0.3) for (log loss, Brier)",
    )


def test_scores_leave_inputs_unchanged(kata, rng):
    """Are y_true and p (with 0 and 1 in it, to be clipped) left exactly as they were?"""
    y, p = rng.integers(0, 2, size=12), rng.random(12)
    p[:2] = [0.0, 1.0]
    y[:2] = [1, 0]
    check_log_loss(kata, y, p, tolerance=NEAR_ONE)
    check_brier(kata, y, p)


BAD = [
    ([0, 2], [0.5, 0.5], "a label 2 is not binary"),
    ([0, 1], [0.5, 1.2], "p = 1.2 is not a probability"),
    ([0, 1], [-0.1, 0.5], "p = -0.1 is not a probability"),
    ([0, 1, 1], [0.5, 0.5], "y_true and p differ in length"),
    ([], [], "empty input"),
    ([[0, 1]], [[0.5, 0.5]], "2-D input"),
]
BAD_IDS = ["label-2", "p-above-1", "p-negative", "length", "empty", "2d"]


@pytest.mark.parametrize("y_true, p, why", BAD, ids=BAD_IDS)
def test_log_loss_rejects_bad_input(kata, y_true, p, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.log_loss, y_true, p, why=why)


@pytest.mark.parametrize("eps", [0.0, -1e-3, 0.5, 0.7], ids=["0", "negative", "half", "0.7"])
def test_log_loss_rejects_bad_eps(kata, eps):
    """Is eps outside (0, 0.5) refused with ValueError?"""
    expect_error(ValueError, kata.log_loss, [0, 1], [0.2, 0.7], eps, why=f"eps = {eps}")


@pytest.mark.parametrize("y_true, p, why", BAD, ids=BAD_IDS)
def test_brier_score_rejects_bad_input(kata, y_true, p, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.brier_score, y_true, p, why=why)
