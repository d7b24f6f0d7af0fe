"""Grader for supervised/softmax_regression: softmax_regression_gd(X, y, n_classes, lr, n_iter,
l2=0.0) -> Softmax(W, b), full-batch gradient descent from zeros on the mean cross-entropy
+ (l2/2)||W||_F^2, b unpenalised. The trajectory is fixed, so it is graded exactly."""

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
    "subtract each row's largest score before exponentiating (the softmax kata): the "
    "probabilities are unchanged and exp never sees a positive number."
)


def probabilities(Z, axis=1):
    """Softmax along ``axis`` as exp(Z - logsumexp(Z)), the log-sum-exp taken stably."""
    top = Z.max(axis=axis, keepdims=True)
    lse = top + np.log(np.exp(Z - top).sum(axis=axis, keepdims=True))
    return np.exp(Z - lse)


def descend(X, y, K, lr, n_iter, l2, **mistake):
    """The fixed trajectory; keyword flags make the known mistakes."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    Y = np.eye(K)[np.asarray(y, dtype=int)]
    W, b = np.zeros((d, K)), np.zeros(K)
    scale = 1.0 if mistake.get("summed") else 1.0 / n
    pen_W = l2 * mistake.get("l2_factor", 1.0) / (n if mistake.get("l2_over_n") else 1.0)
    pen_b = l2 if mistake.get("penalise_b") else 0.0
    sign = -1.0 if mistake.get("ascent") else 1.0
    axis = 0 if mistake.get("axis0") else 1
    with np.errstate(all="ignore"):
        for _ in range(n_iter + mistake.get("extra_steps", 0)):
            G = probabilities(X @ W + b, axis) - Y
            W_new = W - lr * (sign * scale * (X.T @ G) + pen_W * W)
            if mistake.get("sequential"):  # b's gradient at the new W
                G = probabilities(X @ W_new + b, axis) - Y
            if not mistake.get("b_frozen"):
                b = b - lr * (sign * scale * G.sum(axis=0) + pen_b * b)
            W = W_new
    return W, b


def mistakes_of(X, y, K, lr, n_iter, l2):
    """Known wrong (W, b) pairs, keyed by the misconception."""
    found = {
        "the gradient is summed over the samples instead of averaged (no 1/n)": {"summed": True},
        "gradient ascent: P - Y has the wrong sign (Y - P)": {"ascent": True},
        "the softmax is taken over the samples (axis 0) instead of over the classes of "
        "each sample (axis 1)": {"axis0": True},
        "b is never updated: the intercepts need their own step, the column means of P - Y": {
            "b_frozen": True
        },
        "W and b updated one after the other: b's gradient must use the same (old) W": {
            "sequential": True
        },
        "one step too many (n_iter + 1 updates)": {"extra_steps": 1},
    }
    if n_iter > 0:
        found["one step too few (n_iter - 1 updates)"] = {"extra_steps": -1}
    if l2 > 0:
        found[
            "the penalty's gradient is 2 * l2 * W; the penalty is (l2/2)||W||^2, whose "
            "gradient is l2 * W"
        ] = {"l2_factor": 2.0}
        found["the intercepts are penalised too: only W carries the (l2/2)||W||^2 term"] = {
            "penalise_b": True
        }
        if len(y) > 1:
            found["the penalty's gradient is divided by n: it is l2 * W, outside the mean"] = {
                "l2_over_n": True
            }
    return {words: descend(X, y, K, lr, n_iter, l2, **flags) for words, flags in found.items()}


def check(kata, X, y, K, lr, n_iter, l2=None, *, strict=False, rtol=1e-7, atol=1e-9):
    """Run the kata, compare W and b with the fixed trajectory, name known mistakes."""
    f = kata.softmax_regression_gd
    args = (X, y, K, lr, n_iter) if l2 is None else (X, y, K, lr, n_iter, l2)
    called = describe_call(f, *args)
    if strict:
        result = call_strictly(f, *args, advice=STABLE_ADVICE)
    else:
        result = call(f, *args)
    W, b = fields(result, ["W", "b"], "softmax_regression_gd")
    l2 = 0.0 if l2 is None else l2
    want_W, want_b = descend(X, y, K, lr, n_iter, l2)
    W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    if W.shape != want_W.shape and W.shape[-1:] == (len(np.unique(y)),) and K > len(np.unique(y)):
        fail(
            f"{called}: W has shape {W.shape}, expected {want_W.shape}: there are n_classes = "
            f"{K} classes even when some have no sample in y (do not count np.unique(y))"
        )
    ok = W.shape == want_W.shape and b.shape == want_b.shape
    ok = ok and np.allclose(W, want_W, rtol, atol) and np.allclose(b, want_b, rtol, atol)
    wrong = {} if ok else mistakes_of(X, y, K, lr, n_iter, l2)  # only to explain a failure
    assert_close(
        W,
        want_W,
        what="W",
        called=called,
        rtol=rtol,
        atol=atol,
        mistakes={k: v[0] for k, v in wrong.items()},
    )
    assert_close(
        b,
        want_b,
        what="b",
        called=called,
        rtol=rtol,
        atol=atol,
        mistakes={k: v[1] for k, v in wrong.items()},
    )
    return W, b


@pytest.mark.points(2)
def test_softmax_regression_gd_documented_example(kata):
    """Does one step (lr = 1, K = 2) on x = 1 (y = 1), x = -1 (y = 0) give W = [[-0.5, 0.5]]?"""
    W, b = check(kata, [[1.0], [-1.0]], [1, 0], 2, 1.0, 1)
    assert_close(W, [[-0.5, 0.5]], what="W")
    assert_close(b, [0.0, 0.0], what="b")


@pytest.mark.points(2)
def test_softmax_regression_gd_first_step_by_hand(kata):
    """Is the first step -lr * (X^T (1/K - Y) / n, column means of 1/K - Y), whatever l2 is?

    X = [[1, 0], [0, 2], [1, 1]], y = [0, 2, 2], K = 3, lr = 3: P = 1/3 everywhere,
    P - Y = [[-2/3, 1/3, 1/3], [1/3, 1/3, -2/3], [1/3, 1/3, -2/3]],
    X^T (P - Y) / 3 = [[-1/9, 2/9, -1/9], [1/3, 1/3, -2/3]]: W = [[1/3, -2/3, 1/3],
    [-1, -1, 2]]; the column means are [0, 1/3, -1/3]: b = [0, -1, 1].
    """
    X, y = [[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]], [0, 2, 2]
    for l2 in (None, 0.4):
        W, b = check(kata, X, y, 3, 3.0, 1, l2)
        assert_close(W, [[1 / 3, -2 / 3, 1 / 3], [-1.0, -1.0, 2.0]], what="W")
        assert_close(b, [0.0, -1.0, 1.0], what="b")


def test_softmax_regression_gd_zero_iterations_is_the_start(kata):
    """With n_iter = 0, are W = 0 of shape (d, K) and b = 0 of shape (K,) returned?"""
    W, b = check(kata, [[1.0, 2.0], [0.0, 1.0]], [0, 3], 4, 0.1, 0)
    assert_close(W, np.zeros((2, 4)), what="W")


@pytest.mark.points(4)
@pytest.mark.parametrize(
    "n, d, K, lr, n_iter, l2",
    [
        (30, 2, 3, 0.5, 25, None),
        (60, 4, 5, 0.2, 40, 0.0),
        (40, 3, 4, 0.3, 30, 0.5),
        (8, 6, 3, 1.0, 20, 0.05),
    ],
)
def test_softmax_regression_gd_trajectory(kata, rng, n, d, K, lr, n_iter, l2):
    """On random data, is (W, b) exactly where n_iter steps of the entry's scheme lead?"""
    X = rng.standard_normal((n, d))
    y = np.argmax(X @ rng.standard_normal((d, K)) + rng.standard_normal((n, K)), axis=1)
    check(kata, X, y, K, lr, n_iter, l2)


@pytest.mark.points(2)
def test_softmax_regression_gd_class_without_samples(kata, rng):
    """With n_classes = 4 but labels only 0..2, is W still (d, 4), class 3 pushed down?"""
    X = rng.standard_normal((20, 2))
    y = rng.integers(0, 3, 20)
    y[:3] = [0, 1, 2]
    W, b = check(kata, X, y, 4, 0.5, 10, 0.1)
    if not b[3] < 0:
        fail(f"b[3] = {b[3]} for a class with no sample: its score should only go down")


@pytest.mark.points(2)
def test_softmax_regression_gd_two_classes_is_logistic_regression(kata, rng):
    """With K = 2, is W[:, 1] - W[:, 0] the logistic-regression path with 2 lr and l2 / 2?

    The score difference s = z1 - z0 gives P_i1 = sigmoid(s_i); both columns move by
    -/+ lr X^T (sigmoid(s) - y) / n, so their difference takes logistic steps of 2 lr.
    """
    X = rng.standard_normal((25, 3))
    y = (X[:, 0] + rng.standard_normal(25) > 0).astype(int)
    lr, l2 = 0.3, 0.2
    W, b = check(kata, X, y, 2, lr, 30, l2)
    w, c = np.zeros(3), 0.0
    for _ in range(30):
        r = 0.5 * (1 + np.tanh(0.5 * (X @ w + c))) - y
        w, c = w - 2 * lr * (X.T @ r / 25 + l2 / 2 * w), c - 2 * lr * r.mean()
    assert_close(W[:, 1] - W[:, 0], w, what="W[:, 1] - W[:, 0]")
    assert_close(b[1] - b[0], c, what="b[1] - b[0]")


def test_softmax_regression_gd_columns_sum_to_zero(kata, rng):
    """From zeros, do the rows of W and the entries of b keep summing to 0?"""
    X = rng.standard_normal((15, 3))
    y = rng.integers(0, 4, 15)
    W, b = check(kata, X, y, 4, 0.4, 12, 0.3)
    assert_close(W.sum(axis=1), np.zeros(3), atol=1e-12, what="W.sum(axis=1)")
    assert_close(b.sum(), 0.0, atol=1e-12, what="b.sum()")


@pytest.mark.points(2)
def test_softmax_regression_gd_converges_to_the_penalised_optimum(kata, rng):
    """After many steps with l2 = 0.1, is the gradient of the objective zero at (W, b)?"""
    n, K = 40, 3
    X = rng.standard_normal((n, 2))
    y = np.argmax(X @ [[1.0, -1.0, 0.0], [0.0, 1.0, -1.0]] + rng.standard_normal((n, K)), axis=1)
    l2 = 0.1
    lr = 1.0 / (np.linalg.norm(X, 2) ** 2 / n + 1.0 + l2)
    W, b = check(kata, X, y, K, lr, 1500, l2, rtol=1e-6, atol=1e-8)
    G = probabilities(X @ W + b) - np.eye(K)[y]
    gradient = np.vstack([X.T @ G / n + l2 * W, G.mean(axis=0)])
    assert_close(gradient, np.zeros((3, K)), atol=1e-8, what="the gradient at (W, b)")


@pytest.mark.points(3)
def test_softmax_regression_gd_stable_with_huge_scores(kata, rng):
    """With scores of size 1e4 (and two mislabelled points), is it finite with FP errors raised?"""
    X = 100.0 * rng.standard_normal((24, 2))
    y = np.argmax(X @ [[1.0, -1.0, 0.0], [0.0, 1.0, -1.0]], axis=1)
    y[:2] = (y[:2] + 1) % 3  # two mislabelled points: their own class's probability underflows
    W, b = check(kata, X, y, 3, 1.0, 40, strict=True, rtol=1e-6)
    if not np.all(np.isfinite(W)):
        fail(f"W is not finite on separable data: {W}")


def test_softmax_regression_gd_accepts_lists_and_float_labels(kata):
    """Are plain lists, integer X and labels given as whole floats (0.0, 2.0) accepted?"""
    check(kata, [[0, 1], [1, 0], [2, 2], [1, 3]], [0.0, 2.0, 1.0, 2.0], 3, 0.2, 5, 0.1)


def test_softmax_regression_gd_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were?"""
    X = rng.standard_normal((12, 3))
    y = rng.integers(0, 3, 12)
    check(kata, X, y, 3, 0.3, 10, 0.1)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, K, lr, n_iter, l2, why",
    [
        ([1.0, 2.0], [0, 1], 2, 0.1, 1, 0.0, "X is 1-D, it must be 2-D"),
        ([[1.0], [2.0]], [[0], [1]], 2, 0.1, 1, 0.0, "y is 2-D, it must be 1-D"),
        ([[1.0], [2.0]], [0, 1, 1], 2, 0.1, 1, 0.0, "X has 2 rows but y has 3 labels"),
        (np.empty((0, 2)), np.empty(0, dtype=int), 2, 0.1, 1, 0.0, "there are no samples"),
        ([[1.0], [2.0]], [0, 3], 3, 0.1, 1, 0.0, "the label 3 is not below n_classes = 3"),
        ([[1.0], [2.0]], [-1, 1], 2, 0.1, 1, 0.0, "the label -1 is negative"),
        ([[1.0], [2.0]], [0, 0.5], 2, 0.1, 1, 0.0, "the label 0.5 is not an integer"),
        ([[1.0], [2.0]], [0, 0], 0, 0.1, 1, 0.0, "n_classes = 0"),
        ([[1.0], [2.0]], [0, 1], 2, 0.0, 1, 0.0, "lr = 0"),
        ([[1.0], [2.0]], [0, 1], 2, 0.1, -1, 0.0, "n_iter < 0"),
        ([[1.0], [2.0]], [0, 1], 2, 0.1, 1, -0.5, "l2 < 0"),
    ],
    ids=[
        "X-1d",
        "y-2d",
        "length",
        "empty",
        "label-too-big",
        "label-negative",
        "label-fraction",
        "no-classes",
        "lr-zero",
        "n_iter-negative",
        "l2-negative",
    ],
)
def test_softmax_regression_gd_rejects_bad_input(kata, X, y, K, lr, n_iter, l2, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.softmax_regression_gd, X, y, K, lr, n_iter, l2, why=why)
