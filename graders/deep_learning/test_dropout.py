"""Grader for deep_learning/dropout: dropout_forward(X, p, rng) -> Dropout(Y, mask) and
dropout_backward(dY, mask, p) -> dX.

The forward pass is a sampling protocol (one call ``u = rng.random(X.shape)``, a unit kept
when u >= p): the grader replays it on a generator with the same seed, compares Y and the
mask, and the generator's state after the call; stand-in generators hand out chosen
uniforms for the hand cases.
"""

import numpy as np
import pytest

from mlkata.grading import (
    FixedUniforms,
    assert_close,
    assert_gradient,
    call,
    describe_call,
    expect_error,
    fail,
    fields,
)

PROTOCOL = "exactly one call u = rng.random(X.shape), mask = (u >= p)"
NAMES = ["Y", "mask"]


class ChosenUniforms(FixedUniforms):
    """FixedUniforms that also serves rng.uniform(0, 1, size), which draws the same numbers."""

    def uniform(self, low=0.0, high=1.0, size=None):
        return low + (high - low) * self.random(size)


def forward_mistakes(X, u, p):
    keep = u >= p
    return {
        "no rescaling: Y = X * mask, the survivors must be divided by 1 - p so that E[Y] = X": X
        * keep,
        "p used as the keep probability (mask u < p, scale 1/p); p is the probability of "
        "*dropping* a unit": (X * (u < p) / p) if p > 0 else np.nan,
        "the mask drops u == p (u > p kept); a unit is dropped only when u < p": X
        * (u > p)
        / (1 - p),
    }


def check_mask(mask, keep, called):
    mask = np.asarray(mask)
    if mask.shape != keep.shape:
        fail(f"{called}: mask has shape {mask.shape}, expected {keep.shape} (shaped like X)")
    if mask.dtype != bool:
        fail(f"{called}: mask should be a bool array (u >= p), got dtype {mask.dtype}")
    assert_close(
        mask,
        keep,
        rtol=0,
        atol=0,
        what="mask",
        called=called,
        mistakes={"the mask's sense is inverted (True where the unit is dropped)": ~keep},
    )


def check_forward(kata, X, p, seed=0):
    """Run the forward pass on default_rng(seed); compare Y, the mask and the final state."""
    f = kata.dropout_forward
    rng = np.random.default_rng(seed)
    called = describe_call(f, X, p, "rng")
    Y, mask = fields(call(f, X, p, rng), NAMES, "dropout_forward")
    Xf = np.asarray(X, dtype=float)
    u = np.random.default_rng(seed).random(Xf.shape)
    keep = np.asarray(u >= p)
    want = np.where(keep, Xf / (1 - p), 0.0)
    assert_close(
        Y,
        want,
        rtol=1e-12,
        atol=1e-300,
        what="Y",
        called=called,
        mistakes=forward_mistakes(Xf, u, p),
    )
    check_mask(mask, keep, called)
    expected = np.random.default_rng(seed)
    expected.random(Xf.shape)
    if rng.bit_generator.state != expected.bit_generator.state:
        fail(
            f"{called}: Y and mask are right, but the generator was not used as the protocol "
            f"says ({PROTOCOL}, for every p, p = 0 included): nothing more, nothing less"
        )
    return np.asarray(Y, dtype=float), np.asarray(mask)


def check_backward(kata, dY, mask, p):
    f = kata.dropout_backward
    called = describe_call(f, dY, mask, p)
    dX = call(f, dY, mask, p)
    dYf, keep = np.asarray(dY, dtype=float), np.asarray(mask) != 0
    want = np.where(keep, dYf / (1 - p), 0.0)
    assert_close(
        dX,
        want,
        rtol=1e-12,
        atol=1e-300,
        what="dX",
        called=called,
        mistakes={
            "the backward pass is missing the 1/(1 - p) of the forward pass": dYf * keep,
            "p used as the keep probability (scale 1/p)": dYf * keep / p if p > 0 else np.nan,
        },
    )
    return np.asarray(dX, dtype=float)


def test_dropout_forward_documented_example(kata):
    """Does the docstring's example give Y = [[2, 0, 0], [0, 10, 12]]?"""
    Y, mask = check_forward(kata, [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], 0.5, 0)
    assert_close(Y, [[2.0, 0.0, 0.0], [0.0, 10.0, 12.0]], what="Y")


def test_dropout_backward_documented_example(kata):
    """Does dropout_backward([1, 1, 1], [True, False, True], 0.5) give [2, 0, 2]?"""
    dX = check_backward(kata, [1.0, 1.0, 1.0], np.array([True, False, True]), 0.5)
    assert_close(dX, [2.0, 0.0, 2.0], what="dX")


def test_dropout_forward_chosen_uniforms(kata):
    """With u = [[0.1, 0.3], [0.3, 0.9]] and p = 0.3, is Y = [[0, 20], [-10, 40]] / 7?

    u < p drops: only u = 0.1; u = 0.3 = p is kept; the kept X = [2, -1, 4] are divided by
    0.7. Any other use of the generator fails.
    """
    X = np.array([[5.0, 2.0], [-1.0, 4.0]])
    u = np.array([[0.1, 0.3], [0.3, 0.9]])
    rng = ChosenUniforms(u, PROTOCOL)
    called = describe_call(kata.dropout_forward, X, 0.3, rng)
    Y, mask = fields(call(kata.dropout_forward, X, 0.3, rng), NAMES, "dropout_forward")
    want = np.array([[0.0, 20.0], [-10.0, 40.0]]) / 7
    assert_close(Y, want, rtol=1e-12, what="Y", called=called, mistakes=forward_mistakes(X, u, 0.3))
    check_mask(mask, u >= 0.3, called)
    if rng.used != 4:
        fail(f"{called}: {rng.used} uniforms were drawn for 4 units; {PROTOCOL}")


@pytest.mark.parametrize(
    "shape, p, seed",
    [((50,), 0.5, 1), ((8, 16), 0.1, 2), ((4, 5, 6), 0.8, 3), ((3, 2, 2, 5), 0.25, 4)],
    ids=["1d", "2d", "3d", "4d"],
)
def test_dropout_forward_replays_the_protocol(kata, rng, shape, p, seed):
    """On random X of several shapes, are Y, the mask and the generator's state right?"""
    check_forward(kata, rng.standard_normal(shape) * 10.0 ** rng.integers(-3, 4), p, seed)


def test_dropout_backward_matches_finite_differences(kata, rng):
    """Is dX the derivative of L = sum(Y * dY) with respect to X, the mask held fixed?

    The forward pass runs on default_rng(7) every time, so every call draws the same mask.
    """
    X = rng.standard_normal((4, 5))
    dY = rng.standard_normal((4, 5))
    p = 0.4
    Y, mask = check_forward(kata, X, p, 7)
    dX = check_backward(kata, dY, mask, p)

    def loss(X_):
        Y_ = fields(kata.dropout_forward(X_, p, np.random.default_rng(7)), NAMES)[0]
        return float(np.sum(np.asarray(Y_) * dY))

    assert_gradient(
        dX, loss, X, what="dX", called=describe_call(kata.dropout_backward, dY, mask, p)
    )


@pytest.mark.parametrize("p", [0.0, 0.2, 0.9])
def test_dropout_backward_random_cases(kata, rng, p):
    """Does dX = dY * mask / (1 - p) hold on random 3-D gradients and masks?"""
    dY = rng.standard_normal((3, 4, 5))
    check_backward(kata, dY, rng.random((3, 4, 5)) >= p, p)


def test_dropout_backward_accepts_a_numeric_mask(kata, rng):
    """Is a 0/1 float or int mask treated as the bool mask it encodes?"""
    dY = rng.standard_normal((6, 3))
    keep = rng.random((6, 3)) >= 0.5
    check_backward(kata, dY, keep.astype(float), 0.5)
    check_backward(kata, dY, keep.astype(int), 0.5)


def test_dropout_forward_p_zero_keeps_everything(kata, rng):
    """With p = 0, is Y equal to X, the mask all True, and the generator still drawn once?"""
    X = rng.standard_normal((5, 7))
    Y, mask = check_forward(kata, X, 0.0, 12)
    assert_close(Y, X, rtol=0, atol=0, what="Y with p = 0")
    assert_close(mask, np.ones((5, 7)), rtol=0, atol=0, what="mask with p = 0")


def test_dropout_forward_scalar_and_empty_inputs(kata):
    """Do a 0-d X (one draw, a 0-d mask) and an empty X of shape (0, 3) work?"""
    Y, mask = check_forward(kata, 2.5, 0.3, 0)  # u = 0.637 >= 0.3: kept
    assert_close(Y, 2.5 / 0.7, rtol=1e-12, what="Y of a 0-d X")
    Y, mask = check_forward(kata, np.zeros((0, 3)), 0.3, 0)
    dX = check_backward(kata, np.zeros((0, 3)), mask, 0.3)
    assert_close(dX, np.zeros((0, 3)), what="dX of an empty dY")


def test_dropout_forward_keeps_the_expectation(kata, rng):
    """Over 200000 units with X = 3 and p = 0.3, is the mean of Y close to 3 (E[Y] = X)?"""
    Y, mask = check_forward(kata, np.full(200_000, 3.0), 0.3, int(rng.integers(1 << 30)))
    # std of one Y: 3 * sqrt(p / (1 - p)) ~ 1.96, so the mean's std is ~ 0.0044
    assert_close(np.mean(Y), 3.0, rtol=0.01, atol=0.0, what="the mean of Y")
    assert_close(np.mean(mask), 0.7, rtol=0.01, atol=0.0, what="the fraction kept")


@pytest.mark.parametrize("p", [1.0, -0.1, 1.5], ids=["one", "negative", "above-one"])
def test_dropout_rejects_p_outside_zero_one(kata, p):
    """Does p outside [0, 1) (p = 1 divides by zero) raise ValueError in both functions?"""
    expect_error(
        ValueError, kata.dropout_forward, np.ones(3), p, np.random.default_rng(0), why=f"p = {p}"
    )
    expect_error(ValueError, kata.dropout_backward, np.ones(3), np.ones(3, bool), p, why=f"p = {p}")


def test_dropout_backward_rejects_a_mask_of_another_shape(kata):
    """Does a mask of shape (3,) for dY of shape (2, 3) raise ValueError (no broadcasting)?"""
    expect_error(
        ValueError,
        kata.dropout_backward,
        np.ones((2, 3)),
        np.ones(3, bool),
        0.5,
        why="mask.shape (3,) differs from dY.shape (2, 3)",
    )


def test_dropout_leaves_its_inputs_unchanged(kata, rng):
    """Are X, dY and mask left exactly as they were (call() compares them after the call)?"""
    X = rng.standard_normal((4, 4))
    Y, mask = check_forward(kata, X, 0.5, 3)
    dY = rng.standard_normal((4, 4))
    check_backward(kata, dY, mask, 0.5)
