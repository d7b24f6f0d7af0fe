"""Grader for deep_learning/attention_backward:
attention_backward(Q, K, V, dO, mask=None) -> AttentionGrads(dQ, dK, dV).

Two independent checks: the gradient formulas written with loops over each row and
its full softmax Jacobian diag(p) - p pᵀ, and central differences of
L = Σ attention(Q, K, V) ⊙ dO with the grader's own forward pass.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    AUTODIFF,
    assert_close,
    assert_gradient,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fields,
    forbid,
)

NAMES = ("dQ", "dK", "dV")


def weights(Q, K, mask):
    """The attention weights, row by row, over the unmasked keys (zeros for none)."""
    n_q, d_k = Q.shape[-2:]
    n_k = K.shape[-2]
    P = np.zeros(Q.shape[:-2] + (n_q, n_k))
    for idx in np.ndindex(*Q.shape[:-2]):
        for i in range(n_q):
            keep = np.flatnonzero(mask[idx][i])
            if keep.size:
                s = K[idx][keep] @ Q[idx][i] / math.sqrt(d_k)
                w = np.exp(s - s.max())
                P[idx][i, keep] = w / math.fsum(w)
    return P


def forward(Q, K, V, mask):
    return weights(Q, K, mask) @ V


def as_arrays(Q, K, V, dO, mask):
    Q, K, V, dO = (np.asarray(a, dtype=float) for a in (Q, K, V, dO))
    shape = Q.shape[:-1] + (K.shape[-2],)
    M = np.ones(shape, bool) if mask is None else np.broadcast_to(np.asarray(mask), shape)
    return Q, K, V, dO, M


def reference(Q, K, V, dO, mask=None, jacobian="full", scale_q=True, scale_k=True, flip=False):
    """Row by row with the softmax Jacobian; the options reproduce the listed mistakes.

    jacobian="diagonal": dS = P ⊙ dP; scale_q/scale_k=False: no 1/√d_k in dQ/dK;
    flip=True: dV = P dO and dK = dS Q/√d_k (the transposes left out).
    """
    Q, K, V, dO, M = as_arrays(Q, K, V, dO, mask)
    P = weights(Q, K, M)
    r = 1.0 / math.sqrt(Q.shape[-1])
    dQ, dK, dV = np.zeros_like(Q), np.zeros_like(K), np.zeros_like(V)
    if flip:
        dK, dV = np.zeros(P.shape[:-1] + (Q.shape[-1],)), np.zeros_like(dO)
    for idx in np.ndindex(*Q.shape[:-2]):
        p, q, k, v, do = P[idx], Q[idx], K[idx], V[idx], dO[idx]
        dP = do @ v.T
        dS = np.zeros_like(p)
        for i in range(p.shape[0]):
            J = np.diag(p[i]) if jacobian == "diagonal" else np.diag(p[i]) - np.outer(p[i], p[i])
            dS[i] = J @ dP[i]
        dQ[idx] = dS @ k * (r if scale_q else 1.0)
        if flip:
            dK[idx], dV[idx] = dS @ q * r, p @ do
        else:
            dK[idx] = dS.T @ q * (r if scale_k else 1.0)
            dV[idx] = p.T @ do
    return dQ, dK, dV


MISTAKES = {
    "only the diagonal of the softmax Jacobian (dS = P ⊙ dP): each weight also depends on "
    "the other scores of its row, dS = P ⊙ (dP - rowsum(dP ⊙ P))": {"jacobian": "diagonal"},
    "the 1/√d_k of the scores is missing in dQ": {"scale_q": False},
    "the 1/√d_k of the scores is missing in dK": {"scale_k": False},
    "dV = P dO or dK = dS Q: the transposes are missing (dV = Pᵀ dO, dK = dSᵀ Q/√d_k); "
    "they only have the right shape when n_q = n_k": {"flip": True},
}


def check(kata, Q, K, V, dO, mask=None, strict=False, **tolerance):
    """Call attention_backward, compare with the row-by-row formulas, name the mistakes."""
    f = kata.attention_backward
    args = (Q, K, V, dO) if mask is None else (Q, K, V, dO, mask)
    called = describe_call(f, *args)
    with forbid(*AUTODIFF, called="attention_backward"):
        result = call_strictly(f, *args) if strict else call(f, *args)
    got = fields(result, NAMES, "attention_backward")
    want = reference(Q, K, V, dO, mask)
    square = np.shape(Q)[-2] == np.shape(K)[-2]
    wrong = {
        words: reference(Q, K, V, dO, mask, **opts)
        for words, opts in MISTAKES.items()
        if square or "flip" not in opts
    }
    for k, name in enumerate(NAMES):
        mistakes = {words: w[k] for words, w in wrong.items()}
        assert_close(got[k], want[k], what=name, called=called, mistakes=mistakes, **tolerance)
    return got


def random_case(rng, lead, n_q, n_k, d_k, d_v):
    return (
        rng.standard_normal(lead + (n_q, d_k)),
        rng.standard_normal(lead + (n_k, d_k)),
        rng.standard_normal(lead + (n_k, d_v)),
        rng.standard_normal(lead + (n_q, d_v)),
    )


@pytest.mark.points(2)
def test_attention_backward_documented_example(kata):
    """Does the docstring's example give its values?

    Q = 0 gives P = [½, ½]; dV = Pᵀ dO = [½, ½]ᵀ; dP = dO Vᵀ = [2, 0], rowsum(dP ⊙ P) = 1,
    dS = P ⊙ (dP - 1) = [½, -½]; dQ = dS K/√2 = [½, -½]/√2; dK = dSᵀ Q/√2 = 0.
    """
    dQ, dK, dV = check(kata, [[0.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]], [[2.0], [0.0]], [[1.0]])
    assert_close(dV, [[0.5], [0.5]], what="dV")
    assert_close(dQ, [[0.5 / math.sqrt(2), -0.5 / math.sqrt(2)]], what="dQ")
    assert_close(dK, np.zeros((2, 2)), what="dK")


@pytest.mark.points(2)
def test_attention_backward_one_query_by_hand(kata):
    """A hand case with d_k = 4: Q = [[2, 0, 0, 0]], K = [[ln 9, 0, 0, 0], 0], V = [[1], [0]]?

    Scores [ln 9, 0], P = [0.9, 0.1]; with dO = [[1]]: dV = [[0.9], [0.1]], dP = [1, 0],
    rowsum(dP ⊙ P) = 0.9, dS = [0.9·0.1, 0.1·(-0.9)] = [0.09, -0.09];
    dQ = dS K/2 = [0.09 ln 9/2, 0, 0, 0]; dK = dSᵀ Q/2 = [[0.09, 0, 0, 0], [-0.09, 0, 0, 0]].
    """
    Q = [[2.0, 0.0, 0.0, 0.0]]
    K = [[math.log(9.0), 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    dQ, dK, dV = check(kata, Q, K, [[1.0], [0.0]], [[1.0]])
    assert_close(dV, [[0.9], [0.1]], what="dV")
    assert_close(dQ, [[0.045 * math.log(9.0), 0.0, 0.0, 0.0]], what="dQ")
    assert_close(dK, [[0.09, 0.0, 0.0, 0.0], [-0.09, 0.0, 0.0, 0.0]], what="dK")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "lead, n_q, n_k, d_k, d_v",
    [
        ((), 3, 5, 4, 2),
        ((), 4, 4, 3, 3),
        ((2,), 4, 4, 2, 5),
        ((2,), 2, 6, 5, 3),
        ((2, 3), 4, 3, 2, 6),
        ((), 1, 1, 2, 2),
    ],
    ids=["rect", "square", "square-batch", "batch", "batch-heads", "one-key"],
)
def test_attention_backward_random_cases(kata, rng, lead, n_q, n_k, d_k, d_v):
    """Do random cases (n_q ≠ n_k, d_k ≠ d_v, and n_q = n_k) match the formulas?"""
    check(kata, *random_case(rng, lead, n_q, n_k, d_k, d_v))


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "lead, n_q, n_k, d_k, d_v, masked",
    [((), 3, 4, 3, 2, False), ((2,), 3, 3, 2, 2, False), ((2,), 3, 4, 2, 3, True)],
    ids=["rect", "square", "masked"],
)
def test_attention_backward_matches_finite_differences(kata, rng, lead, n_q, n_k, d_k, d_v, masked):
    """Are dQ, dK and dV the derivatives of L = Σ attention(Q, K, V) ⊙ dO?"""
    Q, K, V, dO = random_case(rng, lead, n_q, n_k, d_k, d_v)
    mask = (rng.random(lead + (n_q, n_k)) < 0.6) if masked else None
    if masked:
        mask[..., 0] = True
        mask[0, 1] = False  # one fully masked row
    f = kata.attention_backward
    args = (Q, K, V, dO) if mask is None else (Q, K, V, dO, mask)
    called = describe_call(f, *args)
    dQ, dK, dV = fields(call(f, *args), NAMES, "attention_backward")
    M = as_arrays(Q, K, V, dO, mask)[4]

    def loss(Q_, K_, V_):
        return float(np.sum(forward(Q_, K_, V_, M) * dO))

    assert_gradient(dQ, lambda x: loss(x, K, V), Q, what="dQ", called=called)
    assert_gradient(dK, lambda x: loss(Q, x, V), K, what="dK", called=called)
    assert_gradient(dV, lambda x: loss(Q, K, x), V, what="dV", called=called)


@pytest.mark.points(2)
def test_attention_backward_causal_and_key_masks(kata, rng):
    """With a causal mask and with a (n_k,) key mask, do the gradients match?"""
    Q, K, V, dO = random_case(rng, (2,), 5, 5, 3, 2)
    causal = np.tril(np.ones((5, 5), dtype=bool))
    check(kata, Q, K, V, dO, causal)
    keys = np.array([True, False, True, True, False])
    _, dK, dV = check(kata, Q, K, V, dO, keys)
    hidden = np.concatenate([np.asarray(dK)[:, ~keys].ravel(), np.asarray(dV)[:, ~keys].ravel()])
    assert_close(hidden, np.zeros_like(hidden), atol=0.0, what="dK and dV of masked keys")


@pytest.mark.points(2)
def test_attention_backward_fully_masked_rows(kata, rng):
    """Does a query that attends to nothing get dQ = 0, with no nan and no warning?"""
    Q, K, V, dO = random_case(rng, (), 3, 4, 2, 2)
    mask = np.ones((3, 4), dtype=bool)
    mask[1] = False
    dQ, _, _ = check(kata, Q, K, V, dO, mask, strict=True)
    assert_close(np.asarray(dQ)[1], np.zeros(2), atol=0.0, what="dQ row 1")


def test_attention_backward_large_scores(kata, rng):
    """With scores of about ±1e4 (saturated softmax), are the gradients finite and right?"""
    Q, K, V, dO = random_case(rng, (), 3, 4, 4, 2)
    Q = 100.0 * Q / np.linalg.norm(Q, axis=-1, keepdims=True)
    K = 200.0 * K / np.linalg.norm(K, axis=-1, keepdims=True)
    check(kata, Q, K, V, dO, strict=True, atol=1e-9 * 1e2)


def test_attention_backward_zero_upstream_gradient(kata, rng):
    """With dO = 0, are dQ, dK and dV exactly 0?"""
    Q, K, V, dO = random_case(rng, (2,), 3, 4, 2, 3)
    got = check(kata, Q, K, V, np.zeros_like(dO), atol=0.0)
    for name, value in zip(NAMES, got, strict=True):
        assert_close(value, np.zeros(np.shape(value)), atol=0.0, what=name)


def test_attention_backward_accepts_lists_of_ints(kata):
    """Are integer lists converted to float: Q = 0, equal weights ½, dV = ½ dO for each key?"""
    dQ, dK, dV = check(kata, [[0, 0]], [[1, 2], [3, 4]], [[1, 2], [3, 6]], [[2, 4]])
    assert_close(dV, [[1.0, 2.0], [1.0, 2.0]], what="dV")


def test_attention_backward_leaves_inputs_unchanged(kata, rng):
    """Are Q, K, V, dO and the mask left exactly as they were (call() compares them)?"""
    Q, K, V, dO = random_case(rng, (2,), 3, 4, 2, 3)
    mask = rng.random((3, 4)) < 0.7
    check(kata, Q, K, V, dO, mask)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "shapes, mask, why",
    [
        (((4,), (4,), (4,), (4,)), None, "Q, K and V are 1-D"),
        (((0, 2), (3, 2), (3, 1), (0, 1)), None, "n_q = 0"),
        (((2, 0), (3, 0), (3, 1), (2, 1)), None, "d_k = 0"),
        (((2, 3), (3, 2), (3, 1), (2, 1)), None, "Q has d_k = 3, K has 2"),
        (((2, 2), (3, 2), (4, 1), (2, 1)), None, "K has 3 keys, V has 4 values"),
        (((2, 2, 2), (3, 3, 2), (3, 3, 1), (2, 2, 1)), None, "leading axes 2 and 3 differ"),
        (((2, 2), (3, 2), (3, 1), (2, 2)), None, "dO should be (2, 1), like the output"),
        (((2, 2), (3, 2), (3, 1), (3, 1)), None, "dO shaped like V, not like the output"),
        (
            ((3, 2, 2), (3, 3, 2), (3, 3, 1), (1, 2, 1)),
            None,
            "dO (1, 2, 1) only broadcasts to (3, 2, 1)",
        ),
        (((2, 2), (3, 2), (3, 1), (2, 1)), np.ones((2, 3), dtype=int), "the mask is not bool"),
        (((2, 2), (3, 2), (3, 1), (2, 1)), np.ones((3, 2), dtype=bool), "mask (3, 2)"),
    ],
    ids=[
        "1d",
        "n_q-0",
        "d_k-0",
        "d_k-mismatch",
        "n_k-mismatch",
        "lead-mismatch",
        "dO-shape",
        "dO-like-V",
        "dO-broadcast",
        "mask-int",
        "mask-shape",
    ],
)
def test_attention_backward_rejects_bad_input(kata, shapes, mask, why):
    """Do bad shapes and masks raise ValueError with a message?"""
    Q, K, V, dO = (np.ones(s) for s in shapes)
    expect_error(ValueError, kata.attention_backward, Q, K, V, dO, mask, why=why)
