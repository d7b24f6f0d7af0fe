"""Grader for deep_learning/attention: attention(Q, K, V, mask=None) -> Attention(output, weights).

The reference loops over the leading indices and the query rows, and writes each row's
softmax over its unmasked keys as exp(s - logsumexp(s)) with math.fsum; the listed
mistakes are recomputed from the same loops to name them.
"""

import math

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

NAMES = ("output", "weights")
STABLE = (
    "subtract each row's largest unmasked score before np.exp, and give a row with no "
    "key to attend to all-zero weights without dividing 0 by 0"
)


def reference(Q, K, V, mask=None, scale=None, axis=-1, fill=None):
    """Loops over leading indices and rows; the options reproduce the listed mistakes.

    scale: the divisor of the scores (√d_k); axis=-2: softmax over the queries; fill:
    masked scores replaced by this number instead of being left out.
    """
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    n_q, d_k = Q.shape[-2:]
    n_k = K.shape[-2]
    lead = Q.shape[:-2]
    M = np.ones(lead + (n_q, n_k), bool) if mask is None else np.asarray(mask)
    M = np.broadcast_to(M, lead + (n_q, n_k))
    scale = math.sqrt(d_k) if scale is None else scale
    P = np.zeros(lead + (n_q, n_k))
    for idx in np.ndindex(*lead):
        S = np.array(
            [[math.fsum(Q[idx][i] * K[idx][j]) / scale for j in range(n_k)] for i in range(n_q)]
        )
        if fill is not None:
            S, live = np.where(M[idx], S, fill), np.ones_like(M[idx])
        else:
            live = M[idx]
        if axis == -2:
            S, live = S.T, live.T
        W = np.zeros_like(S)
        for r in range(S.shape[0]):
            keep = np.flatnonzero(live[r])
            if keep.size:
                s = S[r, keep]
                lse = s.max() + math.log(math.fsum(np.exp(s - s.max())))
                W[r, keep] = np.exp(s - lse)
        P[idx] = W.T if axis == -2 else W
    return P @ V, P


def check(kata, Q, K, V, mask=None, strict=False, **tolerance):
    """Call attention, compare output and weights with the loops, name the mistakes."""
    f = kata.attention
    args = (Q, K, V) if mask is None else (Q, K, V, mask)
    called = describe_call(f, *args)
    runner = call_strictly if strict else call
    kwargs = {"advice": STABLE} if strict else {}
    output, weights = fields(runner(f, *args, **kwargs), NAMES, "attention")
    want_out, want_P = reference(Q, K, V, mask)
    d_k, d_v = np.shape(Q)[-1], np.shape(V)[-1]
    wrong = {
        "the scores are divided by d_k; the scale is 1/√d_k": reference(Q, K, V, mask, scale=d_k),
        "the scores are divided by √d_v; the scale is 1/√d_k (the keys' size)": reference(
            Q, K, V, mask, scale=math.sqrt(d_v)
        )
        if d_v != d_k
        else None,
        "the scores are not scaled at all; divide Q Kᵀ by √d_k": reference(
            Q, K, V, mask, scale=1.0
        ),
        "the softmax runs over the query axis; each query's weights over the keys (the "
        "last axis) must sum to 1": reference(Q, K, V, mask, axis=-2),
    }
    if mask is not None:
        wrong[
            "the mask's sense is inverted: True means the query MAY attend to the key (as "
            "PyTorch's scaled_dot_product_attention)"
        ] = reference(Q, K, V, ~np.asarray(mask))
        wrong[
            "masked scores are filled with a large negative number, so a fully masked row "
            "gets uniform weights; it must get all-zero weights and a zero output"
        ] = reference(Q, K, V, mask, fill=-1e9)
    for k, (name, value, want) in enumerate(
        zip(NAMES, (output, weights), (want_out, want_P), strict=True)
    ):
        mistakes = {words: w[k] for words, w in wrong.items() if w is not None}
        assert_close(value, want, what=name, called=called, mistakes=mistakes, **tolerance)
    return output, weights


def random_qkv(rng, lead, n_q, n_k, d_k, d_v, scale=1.0):
    return (
        scale * rng.standard_normal(lead + (n_q, d_k)),
        scale * rng.standard_normal(lead + (n_k, d_k)),
        rng.standard_normal(lead + (n_k, d_v)),
    )


@pytest.mark.points(2)
def test_attention_documented_example(kata):
    """Does the docstring's example give its values?

    Scores [4/√4, 0] = [2, 0]: weights [e²/(e² + 1), 1/(e² + 1)] = [0.880797, 0.119203],
    and with V = I the output is the same row; masking key 0 gives [0, 1]; masking both
    gives a zero row.
    """
    Q = [[1.0, 1.0, 1.0, 1.0]]
    K = [[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]]
    V = [[1.0, 0.0], [0.0, 1.0]]
    e2 = math.exp(2.0)
    out, P = check(kata, Q, K, V)
    assert_close(P, [[e2 / (e2 + 1), 1 / (e2 + 1)]], what="weights")
    _, P = check(kata, Q, K, V, np.array([[False, True]]))
    assert_close(P, [[0.0, 1.0]], atol=0.0, what="weights")
    out, P = check(kata, Q, K, V, np.array([[False, False]]), strict=True)
    assert_close(out, [[0.0, 0.0]], atol=0.0, what="output")


@pytest.mark.points(2)
def test_attention_scale_is_one_over_root_d_k_by_hand(kata):
    """With d_k = 4 and d_v = 1, are the scores divided by √4 = 2?

    Q = [[2, 0, 0, 0]], K = [[ln 9, 0, 0, 0], [0, 0, 0, 0]]: scores [ln 9 · 2/2, 0] =
    [ln 9, 0], weights [9/10, 1/10]; with V = [[10], [0]] the output is [[9]].
    (Dividing by d_k gives weights [3/4, 1/4]; by √d_v = 1, [81/82, 1/82].)
    """
    Q = [[2.0, 0.0, 0.0, 0.0]]
    K = [[math.log(9.0), 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    out, P = check(kata, Q, K, [[10.0], [0.0]])
    assert_close(P, [[0.9, 0.1]], what="weights")
    assert_close(out, [[9.0]], what="output")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "lead, n_q, n_k, d_k, d_v",
    [
        ((), 3, 5, 4, 2),
        ((), 4, 4, 3, 3),
        ((2,), 2, 6, 5, 3),
        ((2, 3), 4, 3, 2, 6),
        ((3,), 1, 1, 2, 2),
    ],
    ids=["2d", "square", "batch", "batch-heads", "one-key"],
)
def test_attention_random_cases(kata, rng, lead, n_q, n_k, d_k, d_v):
    """Do random Q, K, V (with and without leading axes) match the loops?"""
    check(kata, *random_qkv(rng, lead, n_q, n_k, d_k, d_v))


def test_attention_weights_are_distributions_over_the_keys(kata, rng):
    """Is every row of weights non-negative and summing to 1 over the keys?"""
    Q, K, V = random_qkv(rng, (2,), 5, 3, 4, 2, scale=2.0)
    _, P = check(kata, Q, K, V)
    P = np.asarray(P)
    assert_close(P.sum(axis=-1), np.ones((2, 5)), what="the sum of each row of weights")
    if np.any(P < 0):
        fail("attention returned a negative weight")


@pytest.mark.points(2)
def test_attention_causal_mask(kata, rng):
    """With a lower-triangular mask (True = may attend), are future keys weighted 0?"""
    Q, K, V = random_qkv(rng, (2, 2), 5, 5, 3, 4)
    mask = np.tril(np.ones((5, 5), dtype=bool))
    _, P = check(kata, Q, K, V, mask)
    above = np.asarray(P)[..., ~mask]
    assert_close(above, np.zeros_like(above), atol=0.0, what="the weights of future keys")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "lead, mask_shape",
    [((2,), (6,)), ((2,), (2, 1, 6)), ((3, 2), (2, 4, 6)), ((), (4, 1))],
    ids=["keys", "per-batch-keys", "per-head", "per-query"],
)
def test_attention_mask_broadcasts(kata, rng, lead, mask_shape):
    """Does a mask broadcast (NumPy rules) to (..., n_q, n_k), per key or per query?"""
    Q, K, V = random_qkv(rng, lead, 4, 6, 3, 2)
    mask = rng.random(mask_shape) < 0.6
    mask.flat[0] = True  # at least one key visible
    check(kata, Q, K, V, mask)


@pytest.mark.points(2)
def test_attention_fully_masked_rows_give_zeros(kata, rng):
    """Does a query that may attend to nothing get zero weights and a zero output (no nan)?"""
    Q, K, V = random_qkv(rng, (2,), 3, 4, 2, 3)
    mask = rng.random((2, 3, 4)) < 0.5
    mask[0, 1] = False
    mask[1, 2] = False
    mask[0, 0] = True
    out, P = check(kata, Q, K, V, mask, strict=True)
    assert_close(np.asarray(out)[0, 1], np.zeros(3), atol=0.0, what="output row 1 of batch 0")
    assert_close(np.asarray(P)[1, 2], np.zeros(4), atol=0.0, what="weights row 2 of batch 1")


@pytest.mark.points(2)
def test_attention_large_scores_do_not_overflow(kata, rng):
    """With scores of about ±1e4, is the softmax still right, with no overflow?"""
    Q, K, V = random_qkv(rng, (), 4, 5, 4, 2)
    Q = 100.0 * Q / np.linalg.norm(Q, axis=-1, keepdims=True)
    K = 200.0 * K / np.linalg.norm(K, axis=-1, keepdims=True)  # |score| up to 1e4
    mask = np.ones((4, 5), dtype=bool)
    mask[0, :2] = False
    check(kata, Q, K, V, mask, strict=True)


def test_attention_accepts_lists_of_ints(kata):
    """Are integer lists converted to float: Q = [[0, 0]], two keys, equal weights?"""
    out, P = check(kata, [[0, 0]], [[1, 2], [3, 4]], [[1, 2], [3, 6]])
    assert_close(P, [[0.5, 0.5]], what="weights")
    assert_close(out, [[2.0, 4.0]], what="output")


def test_attention_leaves_inputs_unchanged(kata, rng):
    """Are Q, K, V and the mask left exactly as they were (call() compares them after the call)?"""
    Q, K, V = random_qkv(rng, (2,), 3, 4, 2, 3)
    mask = rng.random((3, 4)) < 0.5
    check(kata, Q, K, V, mask)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "shapes, mask, why",
    [
        (((4,), (4,), (4,)), None, "Q, K and V are 1-D"),
        (((0, 2), (3, 2), (3, 1)), None, "n_q = 0"),
        (((2, 2), (0, 2), (0, 1)), None, "n_k = 0"),
        (((2, 0), (3, 0), (3, 1)), None, "d_k = 0"),
        (((2, 2), (3, 2), (3, 0)), None, "d_v = 0"),
        (((2, 3), (3, 2), (3, 1)), None, "Q has d_k = 3, K has 2"),
        (((2, 2), (3, 2), (4, 1)), None, "K has 3 keys, V has 4 values"),
        (((2, 2, 2), (3, 3, 2), (3, 3, 1)), None, "leading axes 2 and 3 differ"),
        (((1, 2, 2), (3, 3, 2), (3, 3, 1)), None, "leading axes must match, not broadcast"),
        (((2, 2), (3, 2, 2), (3, 2, 1)), None, "Q has no batch axis, K and V have one"),
        (((2, 2), (3, 2), (3, 1)), np.ones((2, 3), dtype=int), "the mask is not bool"),
        (((2, 2), (3, 2), (3, 1)), np.ones((3, 2), dtype=bool), "a (3, 2) mask for (2, 3)"),
        (((2, 2), (3, 2), (3, 1)), np.ones((2, 2, 3), dtype=bool), "a mask with a batch axis"),
    ],
    ids=[
        "1d",
        "n_q-0",
        "n_k-0",
        "d_k-0",
        "d_v-0",
        "d_k-mismatch",
        "n_k-mismatch",
        "lead-mismatch",
        "lead-broadcast",
        "lead-missing",
        "mask-int",
        "mask-transposed",
        "mask-too-big",
    ],
)
def test_attention_rejects_bad_input(kata, shapes, mask, why):
    """Do bad shapes and masks raise ValueError with a message?"""
    Q, K, V = (np.ones(s) for s in shapes)
    expect_error(ValueError, kata.attention, Q, K, V, mask, why=why)
