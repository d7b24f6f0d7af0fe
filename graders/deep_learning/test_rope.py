"""Grader for deep_learning/rope: rope(X, positions=None, base=10000.0) -> like X.

The reference rotates pair after pair with math.cos and math.sin; the listed mistakes
are rebuilt the same way to name them. Properties: norms kept, and
rope(q, m)·rope(k, n) a function of m − n only.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error


def reference(X, positions=None, base=10000.0, pairs="adjacent", sign=1.0, two=2, start=0):
    """Pair by pair; the options reproduce the listed mistakes.

    pairs="halves": (x_i, x_{i+d/2}); sign=-1: clockwise; two=1: θ_i = base^(-i/d);
    start=1: default positions counted from 1.
    """
    X = np.asarray(X, dtype=float)
    seq, d = X.shape[-2:]
    pos = np.arange(start, start + seq) if positions is None else np.asarray(positions, float)
    out = np.zeros_like(X)
    for idx in np.ndindex(*X.shape[:-2]):
        for r in range(seq):
            for i in range(d // 2):
                a, b = (2 * i, 2 * i + 1) if pairs == "adjacent" else (i, i + d // 2)
                angle = float(pos[r]) * base ** (-two * i / d)
                c, s = math.cos(angle), sign * math.sin(angle)
                x, y = X[idx][r, a], X[idx][r, b]
                out[idx][r, a] = x * c - y * s
                out[idx][r, b] = x * s + y * c
    return out


def check(kata, X, positions=None, base=None, **tolerance):
    """Call rope, compare with the pair-by-pair rotation, name the listed mistakes."""
    f = kata.rope
    kwargs = {} if positions is None else {"positions": positions}
    if base is not None:
        kwargs["base"] = base
    called = describe_call(f, X, **kwargs)
    got = call(f, X, **kwargs)
    b = 10000.0 if base is None else base
    mistakes = {
        "the halves are paired, (x_i, x_{i+d/2}) as GPT-NeoX's rotate_half; RoFormer "
        "rotates adjacent pairs (x_{2i}, x_{2i+1})": reference(X, positions, b, pairs="halves"),
        "the pairs turn clockwise (the sign of sin): x'_{2i} = x_{2i} cos − x_{2i+1} sin": (
            reference(X, positions, b, sign=-1.0)
        ),
        "θ_i = base^(−i/d), the 2 is missing: θ_i = base^(−2i/d)": reference(
            X, positions, b, two=1
        ),
    }
    if positions is None:
        mistakes["positions counted from 1; the default positions are 0 … seq − 1"] = reference(
            X, None, b, start=1
        )
    scale = float(np.max(np.abs(X))) if np.size(X) else 1.0
    tolerance.setdefault("atol", 1e-12 * max(scale, 1e-300))
    assert_close(
        got,
        reference(X, positions, b),
        what="the rotated X",
        called=called,
        mistakes=mistakes,
        **tolerance,
    )
    return np.asarray(got)


@pytest.mark.points(2)
def test_rope_documented_example(kata):
    """Does the docstring's example give its values?

    d = 2, θ₀ = 1: row 0 (m = 0) stays [1, 0]; row 1 turns by 1 rad, [cos 1, sin 1];
    row 2 = [0, 2] turns by 2 rad, [−2 sin 2, 2 cos 2]. With base 1 every θ is 1: at
    m = π/2, [3, 4] → [−4, 3] and [1, 0] → [0, 1].
    """
    Y = check(kata, [[1.0, 0.0], [1.0, 0.0], [0.0, 2.0]])
    want = [[1.0, 0.0], [math.cos(1), math.sin(1)], [-2 * math.sin(2), 2 * math.cos(2)]]
    assert_close(Y, want, what="the rotated X")
    Y = check(kata, [[3.0, 4.0, 1.0, 0.0]], [math.pi / 2], 1.0)
    assert_close(Y, [[-4.0, 3.0, 0.0, 1.0]], atol=1e-12, what="the rotated X")


@pytest.mark.points(2)
def test_rope_adjacent_pairs_and_frequencies_by_hand(kata):
    """With d = 4 and base 100, do pairs (0, 1) and (2, 3) turn by m·1 and m·0.1?

    θ = [100^0, 100^(−2/4)] = [1, 0.1]. X = [1, 0, 1, 0] at m = 3 gives
    [cos 3, sin 3, cos 0.3, sin 0.3].
    """
    Y = check(kata, [[1.0, 0.0, 1.0, 0.0]], [3.0], 100.0)
    assert_close(Y, [[math.cos(3), math.sin(3), math.cos(0.3), math.sin(0.3)]], what="rope")


def test_rope_position_zero_is_the_identity(kata, rng):
    """Is the row at position 0 left as it is?"""
    X = rng.standard_normal((4, 6))
    Y = check(kata, X)
    assert_close(Y[0], X[0], atol=0.0, what="row 0")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "shape",
    [(5, 2), (6, 8), (1, 4), (2, 7, 16), (2, 3, 4, 6)],
    ids=["d2", "6x8", "one-row", "batch", "batch-heads"],
)
def test_rope_random_cases(kata, rng, shape):
    """Do random X (with leading axes sharing the positions) match the pair rotations?"""
    check(kata, rng.standard_normal(shape))


@pytest.mark.points(2)
def test_rope_given_positions(kata, rng):
    """Are given positions used as they are: out of order, repeated, fractional, large?"""
    X = rng.standard_normal((2, 5, 8))
    check(kata, X, np.array([7, 0, 3, 3, 2]))
    check(kata, X, np.array([0.5, 1000.0, 2.25, 4096.0, 1.0]), base=500.0, atol=1e-11)


@pytest.mark.points(2)
def test_rope_keeps_each_pair_norm(kata, rng):
    """Does every pair (x_{2i}, x_{2i+1}) keep its length?"""
    X = rng.standard_normal((3, 10, 6))
    Y = check(kata, X)
    before = X[..., 0::2] ** 2 + X[..., 1::2] ** 2
    after = Y[..., 0::2] ** 2 + Y[..., 1::2] ** 2
    assert_close(after, before, what="the squared norm of each pair")


@pytest.mark.points(2)
def test_rope_dot_products_depend_on_the_offset_only(kata, rng):
    """Is rope(q, m)·rope(k, n) the same for (m, n) = (2, 7) and (12, 17)?"""
    q, k = rng.standard_normal(8), rng.standard_normal(8)
    pairs = []
    for m, n in [(2, 7), (12, 17), (0, 5)]:
        Y = check(kata, np.stack([q, k]), np.array([m, n]))
        pairs.append(float(Y[0] @ Y[1]))
    assert_close(pairs[1:], [pairs[0]] * 2, what="rope(q, m)·rope(k, n) for m − n = −5")


def test_rope_accepts_lists_of_ints(kata):
    """Are integer lists converted to float (no integer rounding of the rotation)?"""
    Y = check(kata, [[1, 2], [3, 4]])
    assert_close(Y[1], [3 * math.cos(1) - 4 * math.sin(1), 3 * math.sin(1) + 4 * math.cos(1)])


def test_rope_leaves_inputs_unchanged(kata, rng):
    """Are X and positions left exactly as they were (call() compares them after the call)?"""
    X = rng.standard_normal((2, 4, 6))
    positions = np.array([3.0, 1.0, 4.0, 1.0])
    check(kata, X, positions)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X_shape, positions, base, why",
    [
        ((4,), None, 10000.0, "X is 1-D"),
        ((3, 5), None, 10000.0, "d = 5 is odd"),
        ((3, 4), np.arange(4), 10000.0, "4 positions for 3 rows"),
        ((3, 4), np.arange(1), 10000.0, "1 position for 3 rows (it only broadcasts)"),
        ((3, 4), np.arange(3)[:, None], 10000.0, "positions of shape (3, 1)"),
        ((2, 3, 4), np.zeros((2, 3)), 10000.0, "positions per batch element: (2, 3)"),
        ((3, 4), None, 0.0, "base is 0"),
    ],
    ids=["X-1d", "d-odd", "pos-long", "pos-broadcast", "pos-column", "pos-2d", "base-0"],
)
def test_rope_rejects_bad_input(kata, X_shape, positions, base, why):
    """Do bad shapes, positions and bases raise ValueError with a message?"""
    expect_error(ValueError, kata.rope, np.ones(X_shape), positions, base, why=why)
