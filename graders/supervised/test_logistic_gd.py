"""Grader for supervised/logistic_gd: logistic_regression_gd(X, y, lr, n_iter, l2=0.0)
-> Linear1(w, b), full-batch gradient descent from zeros on the mean log-loss
+ (l2/2)||w||^2, b unpenalised. The trajectory is fixed, so it is graded exactly."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
)

STABLE_ADVICE = (
    "compute the sigmoid so that no exp overflows: from e = exp(-|z|), sigma(z) is "
    "1 / (1 + e) for z >= 0 and e / (1 + e) for z < 0 (the sigmoid kata)."
)


def sigmoid(z):
    """The logistic function through tanh, which never overflows."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def descend(X, y, lr, n_iter, l2, **mistake):
    """The fixed trajectory (sigmoid through tanh); keyword flags make known mistakes."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    scale = 1.0 if mistake.get("summed") else 1.0 / n
    pen_w = l2 * mistake.get("l2_factor", 1.0) / (n if mistake.get("l2_over_n") else 1.0)
    pen_b = l2 if mistake.get("penalise_b") else 0.0
    sign = -1.0 if mistake.get("ascent") else 1.0
    with np.errstate(all="ignore"):
        for _ in range(n_iter + mistake.get("extra_steps", 0)):
            r = sigmoid(X @ w + b) - y
            gw, gb = r @ X, r.sum()
            w_new = w - lr * (sign * scale * gw + pen_w * w)
            if mistake.get("sequential"):  # b's gradient at the new w
                gb = np.sum(sigmoid(X @ w_new + b) - y)
            if not mistake.get("b_frozen"):
                b = b - lr * (sign * scale * gb + pen_b * b)
            w = w_new
    return w, b


def mistakes_of(X, y, lr, n_iter, l2):
    """Known wrong (w, b) pairs, keyed by the misconception."""
    n = len(y)
    found = {
        "the gradient is summed over the samples instead of averaged (no 1/n)": {"summed": True},
        "gradient ascent: the residual has the wrong sign (y - p instead of p - y)": {
            "ascent": True
        },
        "b is never updated: the intercept needs its own step, the mean of p - y": {
            "b_frozen": True
        },
        "w and b updated one after the other: b's gradient must use the same (old) w": {
            "sequential": True
        },
        "one step too many (n_iter + 1 updates)": {"extra_steps": 1},
    }
    if n_iter > 0:
        found["one step too few (n_iter - 1 updates)"] = {"extra_steps": -1}
    if l2 > 0:
        found[
            "the penalty's gradient is 2 * l2 * w; the penalty is (l2/2)||w||^2, whose "
            "gradient is l2 * w"
        ] = {"l2_factor": 2.0}
        found["the intercept is penalised too: only w carries the (l2/2)||w||^2 term"] = {
            "penalise_b": True
        }
        if n > 1:
            found["the penalty's gradient is divided by n: it is l2 * w, outside the mean"] = {
                "l2_over_n": True
            }
    return {words: descend(X, y, lr, n_iter, l2, **flags) for words, flags in found.items()}


def check(kata, X, y, lr, n_iter, l2=None, *, strict=False, rtol=1e-7, atol=1e-9):
    """Run the kata, compare w and b with the fixed trajectory, name known mistakes."""
    f = kata.logistic_regression_gd
    args = (X, y, lr, n_iter) if l2 is None else (X, y, lr, n_iter, l2)
    called = describe_call(f, *args)
    if strict:
        result = call_strictly(f, *args, advice=STABLE_ADVICE)
    else:
        result = call(f, *args)
    w, b = fields(result, ["w", "b"], "logistic_regression_gd")
    l2 = 0.0 if l2 is None else l2
    want_w, want_b = descend(X, y, lr, n_iter, l2)
    try:
        ok = np.allclose(w, want_w, rtol=rtol, atol=atol) and np.isclose(b, want_b, rtol, atol)
    except (TypeError, ValueError):
        ok = False
    wrong = {} if ok else mistakes_of(X, y, lr, n_iter, l2)  # only needed to explain a failure
    assert_close(
        w,
        want_w,
        what="w",
        called=called,
        rtol=rtol,
        atol=atol,
        mistakes={k: v[0] for k, v in wrong.items()},
    )
    if np.ndim(b) != 0:
        fail(f"{called}: b should be a float, got {b!r}")
    assert_close(
        b,
        want_b,
        what="b",
        called=called,
        rtol=rtol,
        atol=atol,
        mistakes={k: v[1] for k, v in wrong.items()},
    )
    return np.asarray(w, dtype=float), float(b)


@pytest.mark.points(2)
def test_logistic_regression_gd_documented_example(kata):
    """Does one step (lr = 1) on x = 1 (y = 1), x = -1 (y = 0) give w = [0.5], b = 0?"""
    w, b = check(kata, [[1.0], [-1.0]], [1, 0], 1.0, 1)
    assert_close(w, [0.5], what="w")
    assert_close(b, 0.0, what="b")


@pytest.mark.points(2)
def test_logistic_regression_gd_first_step_by_hand(kata):
    """Is the first step -lr * (X^T (1/2 - y) / n, mean(1/2 - y)), whatever l2 is?

    X = [[1, 2], [3, -1], [0, 1]], y = [1, 0, 1], lr = 0.5: p = 1/2, p - y = [-1/2, 1/2,
    -1/2], X^T (p - y) / 3 = [1/3, -2/3], mean = -1/6: w = [-1/6, 1/3], b = 1/12
    (the penalty l2 * w is 0 at w = 0).
    """
    X, y = [[1.0, 2.0], [3.0, -1.0], [0.0, 1.0]], [1, 0, 1]
    for l2 in (None, 0.7):
        w, b = check(kata, X, y, 0.5, 1, l2)
        assert_close(w, [-1 / 6, 1 / 3], what="w")
        assert_close(b, 1 / 12, what="b")


def test_logistic_regression_gd_zero_iterations_is_the_start(kata):
    """With n_iter = 0, are w = 0 (shape (d,)) and b = 0 returned?"""
    w, b = check(kata, [[1.0, 2.0, 3.0], [0.0, 1.0, 0.0]], [0, 1], 0.1, 0)
    assert_close(w, np.zeros(3), what="w")


@pytest.mark.points(4)
@pytest.mark.parametrize(
    "n, d, lr, n_iter, l2",
    [(30, 2, 0.5, 25, None), (50, 4, 0.1, 60, 0.0), (40, 3, 0.3, 40, 0.5), (7, 5, 1.0, 30, 0.05)],
)
def test_logistic_regression_gd_trajectory(kata, rng, n, d, lr, n_iter, l2):
    """On random data, is (w, b) exactly where n_iter steps of the entry's scheme lead?"""
    X = rng.standard_normal((n, d))
    y = (X @ rng.standard_normal(d) + 0.5 * rng.standard_normal(n) > 0.3).astype(int)
    check(kata, X, y, lr, n_iter, l2)


@pytest.mark.points(2)
def test_logistic_regression_gd_converges_to_the_penalised_optimum(kata, rng):
    """After many steps with l2 = 0.1, is the gradient of the objective zero at (w, b)?"""
    X = rng.standard_normal((40, 3))
    y = (X[:, 0] - X[:, 1] + rng.standard_normal(40) > 0).astype(int)
    l2 = 0.1
    lr = 1.0 / (np.linalg.norm(X, 2) ** 2 / (4 * 40) + 0.25 + l2)
    w, b = check(kata, X, y, lr, 1500, l2, rtol=1e-6, atol=1e-8)
    p = sigmoid(X @ w + b)
    gradient = np.append(X.T @ (p - y) / 40 + l2 * w, np.mean(p - y))
    assert_close(gradient, np.zeros(4), atol=1e-8, what="the gradient of the objective at (w, b)")


def test_logistic_regression_gd_intercept_only_reaches_the_log_odds(kata):
    """With an all-zero feature and 3 positives out of 10, does b reach log(3/7) and w stay 0?"""
    X = np.zeros((10, 1))
    y = np.array([1, 1, 1, 0, 0, 0, 0, 0, 0, 0])
    w, b = check(kata, X, y, 1.0, 300, 0.2)
    assert_close(w, [0.0], what="w")
    assert_close(b, np.log(3 / 7), what="b after many steps", rtol=1e-9)


@pytest.mark.points(3)
def test_logistic_regression_gd_stable_on_separable_data(kata, rng):
    """On separable data with scores of size 1e4, does it stay finite with FP errors raised?"""
    X = 100.0 * rng.standard_normal((20, 2))
    y = (X @ [1.0, -1.0] > 0).astype(int)
    w, b = check(kata, X, y, 1.0, 50, strict=True, rtol=1e-6)
    if not np.all(np.isfinite(w)):
        fail(f"w is not finite on separable data: {w}")


def test_logistic_regression_gd_accepts_lists_and_float_labels(kata):
    """Are plain lists, integer X and labels given as 0.0/1.0 accepted?"""
    check(kata, [[0, 1], [1, 0], [2, 2], [1, 3]], [0.0, 1.0, 1.0, 0.0], 0.2, 5, 0.1)


def test_logistic_regression_gd_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were?"""
    X = rng.standard_normal((12, 3))
    y = (rng.random(12) < 0.5).astype(float)
    check(kata, X, y, 0.3, 10, 0.1)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, lr, n_iter, l2, why",
    [
        ([1.0, 2.0], [0, 1], 0.1, 1, 0.0, "X is 1-D, it must be 2-D"),
        ([[1.0], [2.0]], [[0], [1]], 0.1, 1, 0.0, "y is 2-D, it must be 1-D"),
        ([[1.0], [2.0]], [0, 1, 1], 0.1, 1, 0.0, "X has 2 rows but y has 3 labels"),
        (np.empty((0, 2)), np.empty(0), 0.1, 1, 0.0, "there are no samples"),
        ([[1.0], [2.0]], [-1, 1], 0.1, 1, 0.0, "labels -1/+1: this kata's labels are 0 and 1"),
        ([[1.0], [2.0]], [0, 2], 0.1, 1, 0.0, "the label 2 is not 0 or 1"),
        ([[1.0], [2.0]], [0, 1], 0.0, 1, 0.0, "lr = 0"),
        ([[1.0], [2.0]], [0, 1], -0.1, 1, 0.0, "lr < 0"),
        ([[1.0], [2.0]], [0, 1], 0.1, -1, 0.0, "n_iter < 0"),
        ([[1.0], [2.0]], [0, 1], 0.1, 2.5, 0.0, "n_iter is not an integer"),
        ([[1.0], [2.0]], [0, 1], 0.1, 1, -0.5, "l2 < 0"),
    ],
    ids=[
        "X-1d",
        "y-2d",
        "length",
        "empty",
        "pm1-labels",
        "label-2",
        "lr-zero",
        "lr-negative",
        "n_iter-negative",
        "n_iter-fraction",
        "l2-negative",
    ],
)
def test_logistic_regression_gd_rejects_bad_input(kata, X, y, lr, n_iter, l2, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.logistic_regression_gd, X, y, lr, n_iter, l2, why=why)
