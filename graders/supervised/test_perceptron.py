"""Grader for supervised/perceptron: perceptron(X, y, max_epochs) -> Perceptron(w, b, n_updates).

The protocol (cyclic order from zeros, update on y (w.x + b) <= 0, stop after a clean
epoch) is graded exactly: the reference replays it in plain Python, mostly on integer
data where every margin is computed exactly. A wrong result is matched against what
the usual mistakes give, to name the mistake.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

FIELDS = ("w", "b", "n_updates")


def reference(X, y, max_epochs=100, *, strict=False, bias=True, extra_epochs=0, batch=False):
    """(w, b, n_updates, epochs run) by the protocol (the options: known mistakes)."""
    X = np.asarray(X, dtype=float).tolist()
    y = np.asarray(y, dtype=float).tolist()
    w = [0.0] * len(X[0])
    b = 0.0
    updates = epochs = 0
    for _ in range(max_epochs + extra_epochs):
        epochs += 1
        wrong = []
        for x, label in zip(X, y, strict=True):
            margin = label * (sum(wj * xj for wj, xj in zip(w, x, strict=True)) + b)
            if (margin < 0) if strict else (margin <= 0):
                wrong.append((x, label))
                if not batch:
                    w = [wj + label * xj for wj, xj in zip(w, x, strict=True)]
                    b += label if bias else 0.0
                updates += 1
        if batch:
            for x, label in wrong:
                w = [wj + label * xj for wj, xj in zip(w, x, strict=True)]
                b += label if bias else 0.0
        if not wrong:
            break
    return np.array(w), b, updates, epochs


def check(kata, X, y, max_epochs=100, expected=None):
    """Call perceptron(X, y, max_epochs) and compare w, b and n_updates with the replay."""
    f = kata.perceptron
    called = describe_call(f, X, y, max_epochs)
    w, b, n_updates = fields(call(f, X, y, max_epochs), FIELDS, "perceptron")
    want = reference(X, y, max_epochs) if expected is None else expected
    others = {
        "a margin of exactly 0 must count as a mistake (<= 0, not < 0)": {"strict": True},
        "the bias b is never updated (b += y_i belongs to each update)": {"bias": False},
        "one epoch too many: stop after max_epochs passes": {"extra_epochs": 1},
        "the updates of an epoch were applied together (batch), not one sample at a time": {
            "batch": True
        },
    }
    wrong = {words: reference(X, y, max_epochs, **opts) for words, opts in others.items()}
    wrong["one epoch too few: run up to max_epochs passes"] = reference(X, y, max_epochs - 1)
    if isinstance(n_updates, bool) or not float(n_updates).is_integer():
        fail(f"{called}: n_updates should be a whole number, got {n_updates!r}")
    got = np.asarray(w, dtype=float)
    wrong["n_updates counts epochs, not updates"] = (want[0], want[1], want[3], None)

    def same(result):  # the whole result (w, b, n_updates) of a mistake
        return (
            got.shape == np.shape(result[0])
            and np.allclose(got, result[0], rtol=1e-9, atol=1e-9)
            and abs(float(b) - result[1]) <= 1e-9 * (1 + abs(result[1]))
            and int(n_updates) == result[2]
        )

    named = {k: v for k, v in wrong.items() if same(v)}
    named = dict(list(named.items())[:1])  # the first mistake that explains all three
    assert_close(w, want[0], what="w", called=called, mistakes={k: v[0] for k, v in named.items()})
    assert_close(b, want[1], what="b", called=called, mistakes={k: v[1] for k, v in named.items()})
    if int(n_updates) != want[2]:
        fail(
            f"{called}: n_updates is {int(n_updates)}, expected {want[2]}"
            + "".join(f"\n  this is what you get from a known mistake: {k}" for k in named)
        )
    return w, b, int(n_updates)


@pytest.mark.points(2)
def test_perceptron_documented_example(kata):
    """Do the docstring's examples give ([2, 1], 1, 1 update) and ([2], -3, 13 updates)?"""
    check(kata, [[2.0, 1.0], [-1.0, -1.0]], [1, -1], expected=([2.0, 1.0], 1.0, 1, 2))
    check(kata, [[1.0], [2.0], [3.0]], [-1, 1, 1], expected=([2.0], -3.0, 13, 9))


@pytest.mark.points(2)
def test_perceptron_first_epochs_worked_by_hand(kata):
    """Does x = 1, 2, 3 with y = -1, +1, +1 stop where the hand trace says, epoch by epoch?

    Epoch 1: x=1 has margin 0, so w, b = -1, -1; x=2: -3 <= 0, so w, b = 1, 0; x=3 is
    right. Epoch 2: x=1: -1, so w, b = 0, -1; x=2: -1, so w, b = 2, 0. After 2 epochs:
    (2, 0, 4 updates); after 1: (1, 0, 2 updates).
    """
    X, y = [[1.0], [2.0], [3.0]], [-1, 1, 1]
    check(kata, X, y, max_epochs=2, expected=([2.0], 0.0, 4, 2))
    check(kata, X, y, max_epochs=1, expected=([1.0], 0.0, 2, 1))


@pytest.mark.points(3)
def test_perceptron_follows_the_protocol_on_separable_data(kata, rng):
    """On random separable integer data, is the result the protocol's, and separating?"""
    for _ in range(8):
        n, d = int(rng.integers(2, 30)), int(rng.integers(1, 4))
        X = rng.integers(-5, 6, size=(n, d)).astype(float)
        u = rng.integers(-3, 4, size=d)
        score = X @ u + 0.5
        y = np.where(score > 0, 1, -1)
        w, b, _ = check(kata, X, y, max_epochs=1000)
        margins = y * (X @ np.asarray(w, dtype=float) + float(b))
        if np.any(margins <= 0):
            fail("on separable data the perceptron stopped before separating every sample")


@pytest.mark.points(2)
def test_perceptron_runs_max_epochs_on_inseparable_data(kata, rng):
    """On XOR and random labels, does training run exactly max_epochs epochs?"""
    XOR = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    for epochs in (1, 2, 3, 7):
        check(kata, XOR, [-1, 1, 1, -1], max_epochs=epochs)
    X = rng.integers(-3, 4, size=(15, 2)).astype(float)
    check(kata, X, np.where(rng.random(15) < 0.5, -1, 1), max_epochs=5)


@pytest.mark.points(2)
def test_perceptron_visits_samples_in_order(kata, rng):
    """Do two orderings of the same samples give the results of their own cyclic passes?"""
    X = rng.integers(-4, 5, size=(12, 2)).astype(float)
    y = np.where(X @ np.array([1.0, -2.0]) + 0.5 > 0, 1, -1)
    order = rng.permutation(12)
    check(kata, X, y)
    check(kata, X[order], y[order])
    check(kata, X[::-1], y[::-1])


@pytest.mark.points(2)
def test_perceptron_margin_zero_is_a_mistake(kata):
    """From w = 0, b = 0 every margin is 0: does the first sample trigger an update?

    A sample at the origin keeps margin y * b: x = 0 with y = +1 sets b = 1, then the
    second sample x = 0, y = +1 is fine (margin 1): w = [0], b = 1, 1 update.
    """
    check(kata, [[0.0], [0.0]], [1, 1], expected=([0.0], 1.0, 1, 2))
    check(kata, [[3.0, -1.0]], [-1], expected=([-3.0, 1.0], -1.0, 1, 2))


def test_perceptron_continuous_data(kata, rng):
    """On random real-valued separable data, does the replay agree?"""
    for _ in range(3):
        X = rng.normal(size=(40, 3))
        y = np.where(X @ rng.normal(size=3) > 0.2, 1, -1)
        check(kata, X, y, max_epochs=500)


def test_perceptron_result_types(kata, rng):
    """Is w an array of shape (n_features,), b a number and n_updates an integer?"""
    X = rng.integers(-3, 4, size=(6, 3)).astype(float)
    y = np.where(X[:, 0] >= 0, 1, -1)
    w, b, n = check(kata, X, y)
    if np.asarray(w).shape != (3,):
        fail(f"w has shape {np.asarray(w).shape}, expected (3,)")
    if not isinstance(n, int):
        fail(f"n_updates should be an int, got {type(n).__name__}")


def test_perceptron_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were (call() compares them after the call)?"""
    X = rng.normal(size=(10, 2))
    check(kata, X, np.where(X[:, 1] > 0, 1, -1))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, max_epochs, why",
    [
        ([1.0, 2.0], [1, -1], 10, "X is 1-D"),
        ([[1.0], [2.0]], [1, -1, 1], 10, "3 labels for 2 samples"),
        (np.zeros((0, 2)), [], 10, "no samples"),
        ([[1.0], [2.0]], [0, 1], 10, "labels are 0/1, not -1/+1"),
        ([[1.0], [2.0]], [1, -1], -1, "max_epochs < 1"),
        ([[1.0], [2.0]], [1, -1], 2.5, "max_epochs is not an integer"),
    ],
    ids=["X-1d", "lengths", "empty", "labels-01", "epochs-neg", "epochs-float"],
)
def test_perceptron_rejects_bad_input(kata, X, y, max_epochs, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.perceptron, X, y, max_epochs, why=why)


@pytest.mark.timeout(5)
def test_perceptron_larger_data(kata, rng):
    """Does a separable set of 1000 samples with 5 features train quickly to the replay?"""
    X = rng.integers(-10, 11, size=(1000, 5)).astype(float)
    score = X @ np.array([3.0, -1.0, 2.0, 0.0, 1.0]) + 0.5
    keep = np.abs(score) > 4  # a margin, so that few epochs are needed
    y = np.where(score[keep] > 0, 1, -1)
    check(kata, X[keep], y)
