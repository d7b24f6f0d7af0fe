"""Grader for deep_learning/multi_head_attention:
multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False) -> MHA(output, weights).

The reference loops over sequences, heads and query rows, taking each head's columns
by slicing and each row's softmax over the visible keys; the listed mistakes are
recomputed from the same loops to name them.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

NAMES = ("output", "weights")


def reference(
    X, Wq, Wk, Wv, Wo, H, causal=False, scale="head", split="slices", visible="j <= i", Wo_T=False
):
    """Loops; the options reproduce the listed mistakes.

    scale="model": 1/√d_model; split="reshape": (n, d_model) reshaped to (H, n, d_h)
    without a transpose; split="interleaved": columns h::H; visible: the causal rule;
    Wo_T: concat Woᵀ.
    """
    X, Wq, Wk, Wv, Wo = (np.asarray(a, dtype=float) for a in (X, Wq, Wk, Wv, Wo))
    batched = X.ndim == 3
    Xb = X if batched else X[None]
    B, n, d = Xb.shape
    d_h = d // H
    c = math.sqrt(d if scale == "model" else d_h)
    out = np.zeros((B, n, d))
    A = np.zeros((B, H, n, n))
    for b in range(B):
        proj = [Xb[b] @ W for W in (Wq, Wk, Wv)]
        if split == "reshape":
            parts = [P.reshape(H, n, d_h) for P in proj]
        elif split == "interleaved":
            parts = [np.stack([P[:, h::H] for h in range(H)]) for P in proj]
        else:
            parts = [np.stack([P[:, h * d_h : (h + 1) * d_h] for h in range(H)]) for P in proj]
        heads_out = np.zeros((H, n, d_h))
        for h in range(H):
            q, k, v = (p[h] for p in parts)
            for i in range(n):
                if not causal:
                    keys = list(range(n))
                elif visible == "j <= i":
                    keys = list(range(i + 1))
                elif visible == "j < i":
                    keys = list(range(i))
                else:  # transposed: j >= i
                    keys = list(range(i, n))
                if not keys:
                    continue
                s = np.array([math.fsum(q[i] * k[j]) / c for j in keys])
                w = np.exp(s - s.max())
                A[b, h, i, keys] = w / math.fsum(w)
            heads_out[h] = A[b, h] @ v
        concat = np.concatenate(list(heads_out), axis=1)  # (n, d): head h at h*d_h ...
        out[b] = concat @ (Wo.T if Wo_T else Wo)
    return (out, A) if batched else (out[0], A[0])


def check(kata, X, Wq, Wk, Wv, Wo, H, causal=False, **tolerance):
    """Call the kata, compare output and weights with the loops, name the mistakes."""
    f = kata.multi_head_attention
    args = (X, Wq, Wk, Wv, Wo, H) + ((True,) if causal else ())
    called = describe_call(f, *args)
    got = fields(call(f, *args), NAMES, "multi_head_attention")
    A = np.asarray(got[1], dtype=float)
    if (
        causal
        and A.ndim >= 2
        and np.isnan(A[..., 0, :]).all()
        and not np.isnan(A[..., 1:, :]).any()
    ):
        fail(
            f"{called}: the weights of query 0 are all NaN: the causal mask hides the diagonal "
            "(j < i), so query 0 has no key at all; query i may attend to keys j ≤ i, itself "
            "included"
        )
    want = reference(X, Wq, Wk, Wv, Wo, H, causal)
    d = np.shape(X)[-1]
    options = {
        "the scores are scaled by 1/√d_model; each head is attention of size d_h = "
        "d_model/n_heads, so the scale is 1/√d_h": {"scale": "model"},
        "the heads are split by a bare reshape of (n, d_model) to (n_heads, n, d_h); "
        "reshape to (n, n_heads, d_h) and then move the head axis in front": {"split": "reshape"},
        "the heads take interleaved columns (h::n_heads); head h takes the contiguous "
        "columns h·d_h … (h + 1)·d_h − 1": {"split": "interleaved"},
        "the output projection is concat Woᵀ; it is concat Wo (row-vector convention)": {
            "Wo_T": True
        },
    }
    if causal:
        options[
            "the causal mask hides the diagonal (j < i): query i may also attend to itself, j ≤ i"
        ] = {"visible": "j < i"}
        options[
            "the causal mask is transposed (j ≥ i): the future is visible; query i "
            "may attend to keys j ≤ i"
        ] = {"visible": "j >= i"}
    if d == H:
        options.pop(
            "the heads are split by a bare reshape of (n, d_model) to (n_heads, n, "
            "d_h); reshape to (n, n_heads, d_h) and then move the head axis in front",
            None,
        )
    wrong = {w: reference(X, Wq, Wk, Wv, Wo, H, causal, **o) for w, o in options.items()}
    for k, name in enumerate(NAMES):
        mistakes = {words: w[k] for words, w in wrong.items()}
        assert_close(got[k], want[k], what=name, called=called, mistakes=mistakes, **tolerance)
    return got


def random_layer(rng, shape, scale=1.0):
    d = shape[-1]
    X = rng.standard_normal(shape)
    Ws = [scale * rng.standard_normal((d, d)) / math.sqrt(d) for _ in range(4)]
    return X, *Ws


@pytest.mark.points(2)
def test_multi_head_attention_documented_example(kata):
    """Does the docstring's example (identity weights, two heads of size 1) give its values?

    Head 0 sees column 0 of X = I: scores [[1, 0], [0, 0]], weights
    [[e/(e + 1), 1/(e + 1)], [½, ½]]; head 1 the mirror image; output = concat.
    """
    I = np.eye(2)
    a, b = math.e / (math.e + 1), 1 / (math.e + 1)
    out, A = check(kata, [[1.0, 0.0], [0.0, 1.0]], I, I, I, I, 2)
    assert_close(A, [[[a, b], [0.5, 0.5]], [[0.5, 0.5], [b, a]]], what="weights")
    assert_close(out, [[a, 0.5], [0.5, a]], what="output")
    _, A = check(kata, [[1.0, 0.0], [0.0, 1.0]], I, I, I, I, 1, True)
    assert_close(np.asarray(A)[0, 0], [1.0, 0.0], atol=0.0, what="weights of query 0")


@pytest.mark.points(2)
def test_multi_head_attention_heads_take_contiguous_columns_by_hand(kata):
    """With d_model = 4 and 2 heads, does head 0 use columns 0-1 and head 1 columns 2-3?

    X = [[1, 1, 0, 0], [0, 0, 0, 0]] and identity weights: head 0 scores
    [[2/√2, 0], [0, 0]] = [[√2, 0], [0, 0]], head 1 all 0 (uniform weights).
    (Interleaved columns would give head 0 the scores [[1/√2, 0], [0, 0]].)
    """
    I = np.eye(4)
    _, A = check(kata, [[1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]], I, I, I, I, 2)
    r = math.exp(math.sqrt(2.0))
    assert_close(np.asarray(A)[0, 0], [r / (r + 1), 1 / (r + 1)], what="weights[0, 0]")
    assert_close(np.asarray(A)[1], np.full((2, 2), 0.5), what="weights[1]")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "shape, H",
    [((5, 8), 2), ((4, 6), 3), ((3, 4), 4), ((6, 6), 1), ((1, 4), 2), ((2, 3, 8), 4)],
    ids=["5x8-h2", "4x6-h3", "d_h-1", "one-head", "one-token", "batch"],
)
def test_multi_head_attention_random_layers(kata, rng, shape, H):
    """Do random layers (one head, d_h = 1, a batch) match the loops?"""
    check(kata, *random_layer(rng, shape, scale=2.0), H)


@pytest.mark.points(3)
@pytest.mark.parametrize("shape, H", [((5, 8), 2), ((2, 4, 6), 3)], ids=["single", "batch"])
def test_multi_head_attention_causal(kata, rng, shape, H):
    """With causal=True, does query i attend to keys 0 … i only (itself included)?"""
    _, A = check(kata, *random_layer(rng, shape, scale=2.0), H, True)
    n = shape[-2]
    future = np.asarray(A)[..., ~np.tril(np.ones((n, n), dtype=bool))]
    assert_close(future, np.zeros_like(future), atol=0.0, what="the weights of future keys")
    first = np.asarray(A)[..., 0, 0]
    assert_close(first, np.ones_like(first), what="the weight of query 0 on itself")


def test_multi_head_attention_batch_elements_do_not_interact(kata, rng):
    """Is each sequence of a batch treated as if it were alone?"""
    X, *Ws = random_layer(rng, (3, 4, 6))
    out, A = check(kata, X, *Ws, 2, True)
    f = kata.multi_head_attention
    for b in range(3):
        out_b, A_b = fields(call(f, X[b], *Ws, 2, True), NAMES, "multi_head_attention")
        assert_close(np.asarray(out)[b], out_b, what=f"output of sequence {b}")
        assert_close(np.asarray(A)[b], A_b, what=f"weights of sequence {b}")


def test_multi_head_attention_weights_sum_to_one(kata, rng):
    """Is every row of every head's weights a distribution over the keys?"""
    _, A = check(kata, *random_layer(rng, (2, 5, 4), scale=3.0), 2)
    A = np.asarray(A)
    assert_close(A.sum(axis=-1), np.ones(A.shape[:-1]), what="the row sums of weights")
    if np.any(A < 0):
        fail("multi_head_attention returned a negative weight")


def test_multi_head_attention_accepts_lists_of_ints(kata):
    """Are integer lists converted to float: X = 0 gives uniform weights and a zero output?"""
    I = np.eye(2, dtype=int).tolist()
    out, A = check(kata, [[0, 0], [0, 0], [0, 0]], I, I, I, I, 2)
    assert_close(A, np.full((2, 3, 3), 1 / 3), what="weights")


def test_multi_head_attention_leaves_inputs_unchanged(kata, rng):
    """Are X and the four W left exactly as they were (call() compares them after the call)?"""
    arrays = random_layer(rng, (2, 3, 4))
    check(kata, *arrays, 2, True)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X_shape, W_shapes, H, why",
    [
        ((4,), [(4, 4)] * 4, 2, "X is 1-D"),
        ((1, 2, 3, 4), [(4, 4)] * 4, 2, "X is 4-D"),
        ((3, 4), [(4, 4)] * 4, 0, "n_heads is 0"),
        ((3, 4), [(4, 4)] * 4, 3, "3 heads do not divide d_model = 4"),
        ((3, 4), [(4, 4)] * 4, 2.0, "n_heads is a float"),
        ((3, 4), [(4, 4), (4, 4), (4, 4), (4, 2)], 2, "Wo is (4, 2)"),
        ((3, 4), [(4, 4), (4, 8), (4, 4), (4, 4)], 2, "Wk is (4, 8)"),
        ((3, 4), [(2, 4), (4, 4), (4, 4), (4, 4)], 2, "Wq is (2, 4)"),
        ((0, 4), [(4, 4)] * 4, 2, "no token"),
    ],
    ids=["X-1d", "X-4d", "h-0", "h-3", "h-float", "Wo", "Wk", "Wq", "empty"],
)
def test_multi_head_attention_rejects_bad_input(kata, X_shape, W_shapes, H, why):
    """Do bad shapes and head counts raise ValueError with a message?"""
    X = np.ones(X_shape)
    Ws = [np.ones(s) for s in W_shapes]
    expect_error(ValueError, kata.multi_head_attention, X, *Ws, H, why=why)
