"""Grader for interpretability/linear_shap: linear_shap(w, x, background) -> phi (d,).

The reference plays the game itself: for a linear model every marginal contribution
of feature i is the same, so phi_i = v({i}) - v(∅), with v(S) the mean over the
background rows of w·z where z takes the features in S from x.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error


def reference(w, x, bg):
    """phi_i = v({i}) - v(∅), the game evaluated row by row."""
    w, x, bg = (np.asarray(a, dtype=float) for a in (w, x, bg))
    v_empty = np.mean(bg @ w)
    phi = np.empty(x.size)
    for i in range(x.size):
        Z = bg.copy()
        Z[:, i] = x[i]
        phi[i] = np.mean(Z @ w) - v_empty
    return phi


def check(kata, w, x, bg, expected=None):
    f = kata.linear_shap
    called = describe_call(f, w, x, bg)
    phi = call(f, w, x, bg)
    w_, x_, bg_ = (np.asarray(a, dtype=float) for a in (w, x, bg))
    want = reference(w, x, bg) if expected is None else expected
    mean = bg_.mean(axis=0)
    mistakes = {
        "the background mean is not subtracted (phi_i = w_i x_i)": w_ * x_,
        "the weights are left out (phi_i = x_i - mean_i)": x_ - mean,
        "the sign is flipped: phi_i = w_i (x_i - mean_i), x minus the background": w_ * (mean - x_),
        "the median of the background instead of its mean": w_ * (x_ - np.median(bg_, axis=0)),
        "divided by d: the values are not averaged over features": w_ * (x_ - mean) / x_.size,
    }
    if bg_.shape[0] == bg_.shape[1]:
        mistakes["the background averaged over the wrong axis (per row, not per feature)"] = w_ * (
            x_ - bg_.mean(axis=1)
        )
    assert_close(phi, want, rtol=1e-9, atol=1e-12, what="phi", called=called, mistakes=mistakes)
    return np.asarray(phi, dtype=float)


@pytest.mark.points(2)
def test_linear_shap_documented_example(kata):
    """w = [2, -1], x = [3, 1], background mean [2, 2]: is phi = [2·1, -1·(-1)] = [2, 1]?"""
    check(kata, [2.0, -1.0], [3.0, 1.0], [[1.0, 1.0], [3.0, 3.0]], [2.0, 1.0])


@pytest.mark.points(2)
def test_linear_shap_hand_checked_cases(kata):
    """By hand: one background row b gives w·(x - b); three rows average first.

    w = [1, 2, 3], x = [1, 1, 1], b = [0, 2, 1]: phi = [1, -2, 0]. With rows [0, 0, 0],
    [3, 0, 6], [0, 3, 0] the mean is [1, 1, 2] and w = [1, 1, 1], x = [4, 1, 1] give
    phi = [3, 0, -1] (the median [0, 0, 0] would give [4, 1, 1]).
    """
    check(kata, [1.0, 2.0, 3.0], [1.0, 1.0, 1.0], [[0.0, 2.0, 1.0]], [1.0, -2.0, 0.0])
    bg = [[0.0, 0.0, 0.0], [3.0, 0.0, 6.0], [0.0, 3.0, 0.0]]
    check(kata, [1.0, 1.0, 1.0], [4.0, 1.0, 1.0], bg, [3.0, 0.0, -1.0])


@pytest.mark.points(3)
@pytest.mark.parametrize("d, B", [(1, 1), (1, 5), (4, 4), (6, 20), (30, 3)])
def test_linear_shap_random_models(kata, rng, d, B):
    """Do random models (B = d too, where axes are easy to confuse) match the game?"""
    check(kata, rng.standard_normal(d), rng.standard_normal(d), rng.standard_normal((B, d)) + 1)


@pytest.mark.points(2)
def test_linear_shap_efficiency(kata, rng):
    """Is Σ phi_i = f(x) - mean f(background) for f(z) = w·z?"""
    w, x, bg = rng.standard_normal(8), rng.standard_normal(8), rng.standard_normal((10, 8))
    phi = check(kata, w, x, bg)
    assert_close(phi.sum(), x @ w - np.mean(bg @ w), rtol=1e-9, atol=1e-12, what="Σ phi")


def test_linear_shap_dummy_and_typical_point(kata, rng):
    """Does a zero weight give phi = 0, and x at the background mean give phi = 0?"""
    w, bg = rng.standard_normal(5), rng.standard_normal((6, 5))
    w[3] = 0.0
    phi = check(kata, w, rng.standard_normal(5), bg)
    assert_close(phi[3], 0.0, atol=0.0, what="phi_3 for w_3 = 0")
    phi = check(kata, w, bg.mean(axis=0), bg)
    assert_close(phi, np.zeros(5), atol=1e-12, what="phi at x = mean of the background")


def test_linear_shap_accepts_lists_of_ints(kata):
    """Are integers converted: w = [1, 2], x = [3, 3], background [[1, 2], [3, 4]]?"""
    check(kata, [1, 2], [3, 3], [[1, 2], [3, 4]], [1.0, 0.0])


def test_linear_shap_leaves_inputs_unchanged(kata, rng):
    """Are w, x and background left exactly as they were (call() compares them after the call)?"""
    w, x, bg = rng.standard_normal(4), rng.standard_normal(4), rng.standard_normal((5, 4))
    check(kata, w, x, bg)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "w, x, bg, why",
    [
        (np.ones(3), np.ones((1, 3)), np.ones((2, 3)), "x is 2-D"),
        (np.ones((3, 1)), np.ones(3), np.ones((2, 3)), "w is 2-D"),
        (np.ones(2), np.ones(3), np.ones((2, 3)), "w has 2 weights, x has 3 features"),
        (np.ones(3), np.ones(3), np.ones(3), "background is 1-D"),
        (np.ones(3), np.ones(3), np.ones((2, 4)), "background has 4 columns"),
        (np.ones(3), np.ones(3), np.ones((0, 3)), "background has no rows"),
        (np.ones(0), np.ones(0), np.ones((2, 0)), "there are no features"),
    ],
    ids=["x-2d", "w-2d", "w-length", "bg-1d", "bg-width", "bg-empty", "d-zero"],
)
def test_linear_shap_rejects_bad_input(kata, w, x, bg, why):
    """Do shapes that do not fit raise ValueError with a message?"""
    expect_error(ValueError, kata.linear_shap, w, x, bg, why=why)
