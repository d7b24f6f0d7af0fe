"""Grader for nlp/word2vec_sgns: sgns_loss_and_grad(W_in, W_out, center, context,
negatives) -> SGNS(loss, dW_in, dW_out), the batch-mean skip-gram negative-sampling loss
and its exact gradients.

The gradients are checked against a reference written pair by pair in a Python loop and
against central differences of a separately written loss, which needs no kata code.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    AUTODIFF,
    assert_close,
    assert_gradient,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
    forbid,
)

FIELDS = ("loss", "dW_in", "dW_out")
FANCY = (
    "dW[idx] += g is buffered: a repeated index keeps one update; accumulate with "
    "np.add.at (repeated centres, repeated negatives, a negative equal to the context)"
)
SIGN = "the negatives' term with σ(n·v) − 1: for −ln σ(−n·v) the derivative is +σ(n·v)"
SUMMED = "summed over the batch instead of the mean (1/B)"
NO_NEG_IN = "dW_in without the negatives' contribution Σₖ σ(n·v) n"
ADVICE = (
    "evaluate −ln σ(x) as np.logaddexp(0, −x), and σ(x) without exp of a large "
    "positive number (e.g. exp(−logaddexp(0, −x)))"
)


def nls(x):
    """−ln σ(x), stable for any x."""
    return math.log1p(math.exp(-x)) if x >= 0 else -x + math.log1p(math.exp(x))


def sig(x):
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def reference(W_in, W_out, center, context, negatives, mistake=None):
    """(loss, dW_in, dW_out) pair by pair; ``mistake`` gives a known wrong answer."""
    W_in, W_out = np.asarray(W_in, dtype=float), np.asarray(W_out, dtype=float)
    center = [int(c) for c in np.asarray(center).tolist()]
    context = [int(c) for c in np.asarray(context).tolist()]
    negatives = [[int(k) for k in row] for row in np.asarray(negatives).reshape(len(center), -1)]
    B = len(center)
    scale = 1.0 if mistake == SUMMED else 1.0 / B
    terms = []
    dW_in, dW_out = np.zeros_like(W_in), np.zeros_like(W_out)
    updates_in, updates_out = [], []
    for c, o, negs in zip(center, context, negatives, strict=True):
        v, u = W_in[c], W_out[o]
        s = float(np.dot(u, v))
        terms.append(nls(s))
        g = (sig(s) - 1) * scale
        dv = g * u
        updates_out.append((o, g * v))
        for k in negs:
            n = W_out[k]
            t = float(np.dot(n, v))
            terms.append(nls(-t))
            h = (sig(t) - 1 if mistake == SIGN else sig(t)) * scale
            if mistake != NO_NEG_IN:
                dv = dv + h * n
            updates_out.append((k, h * v))
        updates_in.append((c, dv))
    for grad, updates in ((dW_in, updates_in), (dW_out, updates_out)):
        for i, g in updates:
            grad[i] = grad[i] + g
    return math.fsum(terms) * scale, dW_in, dW_out


def fancy(W_in, W_out, center, context, negatives):
    """dW_in[center] += dv; dW_out[context] += du; dW_out[negatives] += dn (buffered)."""
    W_in, W_out = np.asarray(W_in, dtype=float), np.asarray(W_out, dtype=float)
    center, context = np.asarray(center).astype(int), np.asarray(context).astype(int)
    negatives = np.asarray(negatives).astype(int).reshape(center.size, -1)
    B = center.size
    v, u, n = W_in[center], W_out[context], W_out[negatives]
    sp = np.array([sig(x) for x in np.einsum("bd,bd->b", u, v)])
    sn = np.array([[sig(x) for x in row] for row in np.einsum("bkd,bd->bk", n, v)])
    sn = sn.reshape(negatives.shape)
    dW_in, dW_out = np.zeros_like(W_in), np.zeros_like(W_out)
    dW_in[center] += ((sp - 1)[:, None] * u + np.einsum("bk,bkd->bd", sn, n)) / B
    dW_out[context] += (sp - 1)[:, None] * v / B
    dW_out[negatives] += sn[:, :, None] * v[:, None, :] / B
    return dW_in, dW_out


def loss_only(W_in, W_out, center, context, negatives):
    """The loss alone, vectorised with np.logaddexp: what central differences see."""
    center, context = np.asarray(center).astype(int), np.asarray(context).astype(int)
    negatives = np.asarray(negatives).astype(int).reshape(center.size, -1)
    v = W_in[center]
    pos = np.sum(W_out[context] * v, axis=1)
    neg = np.sum(W_out[negatives] * v[:, None, :], axis=2)
    return (np.logaddexp(0, -pos).sum() + np.logaddexp(0, neg).sum()) / center.size


def check(kata, W_in, W_out, center, context, negatives, gradient_check=False):
    """Call the kata under the strict errstate, compare all fields, and return them."""
    f = kata.sgns_loss_and_grad
    args = (W_in, W_out, center, context, negatives)
    called = describe_call(f, *args)
    loss, dW_in, dW_out = fields(call_strictly(f, *args, advice=ADVICE), FIELDS, f.__name__)
    want = reference(*args)
    wrong = {m: reference(*args, mistake=m) for m in (SIGN, SUMMED, NO_NEG_IN)}
    buffered = fancy(*args)
    wrong_in = {FANCY: buffered[0]} | {m: w[1] for m, w in wrong.items()}
    wrong_out = {FANCY: buffered[1]} | {m: w[2] for m, w in wrong.items()}
    rtol = 1e-9
    scale_in = 1e-12 * max(1.0, float(np.abs(want[1]).max()))
    scale_out = 1e-12 * max(1.0, float(np.abs(want[2]).max()))
    assert_close(
        loss,
        want[0],
        what="the loss",
        called=called,
        rtol=rtol,
        mistakes={SUMMED: wrong[SUMMED][0]},
    )
    assert_close(
        dW_in, want[1], what="dW_in", called=called, rtol=rtol, atol=scale_in, mistakes=wrong_in
    )
    assert_close(
        dW_out, want[2], what="dW_out", called=called, rtol=rtol, atol=scale_out, mistakes=wrong_out
    )
    if gradient_check:
        W_in, W_out = np.asarray(W_in, dtype=float), np.asarray(W_out, dtype=float)
        assert_gradient(
            dW_in,
            lambda w: loss_only(w, W_out, center, context, negatives),
            W_in,
            what="dW_in against central differences",
            called=called,
        )
        assert_gradient(
            dW_out,
            lambda w: loss_only(W_in, w, center, context, negatives),
            W_out,
            what="dW_out against central differences",
            called=called,
        )
    return float(loss), np.asarray(dW_in, dtype=float), np.asarray(dW_out, dtype=float)


def random_batch(rng, V, d, B, K, scale=0.5):
    W_in = rng.normal(scale=scale, size=(V, d))
    W_out = rng.normal(scale=scale, size=(V, d))
    center = rng.integers(0, V, size=B)
    context = rng.integers(0, V, size=B)
    negatives = rng.integers(0, V, size=(B, K))
    return W_in, W_out, center, context, negatives


@pytest.mark.points(2)
def test_sgns_loss_and_grad_documented_example(kata):
    """Does the docstring's example give loss −ln σ(1) + ln 2 and its gradients?"""
    W_in = np.array([[1.0, 0.0], [0.0, 1.0]])
    W_out = np.array([[0.0, 0.0], [1.0, 1.0]])
    loss, dW_in, dW_out = check(kata, W_in, W_out, [0], [1], [[0]])
    s1 = 1 / (1 + math.exp(-1))
    assert_close(loss, -math.log(s1) + math.log(2), what="the loss")
    assert_close(dW_in, [[s1 - 1, s1 - 1], [0, 0]], what="dW_in")
    assert_close(dW_out, [[0.5, 0], [s1 - 1, 0]], what="dW_out")


def test_sgns_loss_and_grad_small_cases_worked_by_hand(kata):
    """Do hand-worked cases come out right?

    All-zero embeddings: every score is 0, σ(0) = 1/2, so the loss is (1 + K) ln 2 and
    every gradient is 0 (each is a multiple of a zero vector). One pair, d = 1,
    W_in = [[2]], W_out = [[−1]], K = 0: loss = −ln σ(−2) = ln(1 + e²),
    dW_in = (σ(−2) − 1)·(−1) = σ(2), dW_out = (σ(−2) − 1)·2 = −2σ(2).
    """
    loss, dW_in, dW_out = check(
        kata, np.zeros((3, 2)), np.zeros((3, 2)), [0, 1], [1, 2], [[2, 0, 1], [0, 0, 2]]
    )
    assert_close(loss, 4 * math.log(2), what="the loss with zero embeddings")
    s2 = 1 / (1 + math.exp(-2))
    loss, dW_in, dW_out = check(kata, [[2.0]], [[-1.0]], [0], [0], np.zeros((1, 0), dtype=int))
    assert_close(
        [loss, dW_in[0, 0], dW_out[0, 0]],
        [math.log1p(math.exp(2)), s2, -2 * s2],
        what="(loss, dW_in, dW_out)",
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("V, d, B, K", [(5, 3, 1, 1), (8, 4, 6, 3), (6, 2, 10, 5)])
def test_sgns_loss_and_grad_random_batches_with_central_differences(kata, rng, V, d, B, K):
    """Do random batches give the loss and gradients that central differences confirm?"""
    for _ in range(3):
        check(kata, *random_batch(rng, V, d, B, K), gradient_check=True)


def test_sgns_loss_and_grad_repeated_indices_accumulate(kata, rng):
    """Do repeated centres, repeated negatives and a negative equal to the context add up?"""
    W_in, W_out, *_ = random_batch(rng, 4, 3, 1, 1)
    center = [1, 1, 2]
    context = [0, 3, 0]
    negatives = [[0, 0, 3], [2, 2, 2], [3, 0, 1]]
    check(kata, W_in, W_out, center, context, negatives, gradient_check=True)


def test_sgns_loss_and_grad_unused_rows_are_zero(kata, rng):
    """Are the rows of dW_in and dW_out of words the batch never reads exactly 0?"""
    W_in, W_out, *_ = random_batch(rng, 10, 3, 1, 1)
    _, dW_in, dW_out = check(kata, W_in, W_out, [2, 4], [5, 2], [[6, 2], [5, 7]])
    unused_in = np.delete(dW_in, [2, 4], axis=0)
    unused_out = np.delete(dW_out, [2, 5, 6, 7], axis=0)
    if np.any(unused_in != 0) or np.any(unused_out != 0):
        fail("rows of words the batch does not use should be exactly 0 in dW_in and dW_out")


def test_sgns_loss_and_grad_without_negatives(kata, rng):
    """Does K = 0 (negatives of shape (B, 0)) give the positive pairs' loss alone?"""
    W_in, W_out, center, context, _ = random_batch(rng, 6, 3, 5, 0)
    check(kata, W_in, W_out, center, context, np.zeros((5, 0), dtype=int), gradient_check=True)


def test_sgns_loss_and_grad_is_a_batch_mean(kata, rng):
    """Does a batch of the same pair twice give the same loss and gradient as the pair once?"""
    W_in, W_out, *_ = random_batch(rng, 5, 3, 1, 1)
    once = check(kata, W_in, W_out, [1], [2], [[3, 4]])
    twice = check(kata, W_in, W_out, [1, 1], [2, 2], [[3, 4], [3, 4]])
    assert_close(
        twice[0], once[0], what="the loss of the pair repeated", mistakes={SUMMED: 2 * once[0]}
    )
    assert_close(
        twice[1], once[1], what="dW_in of the pair repeated", mistakes={SUMMED: 2 * once[1]}
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("score", [1e3, -1e3])
def test_sgns_loss_and_grad_is_stable_at_large_scores(kata, score):
    """Do scores of ±1000 give a finite loss and gradients, with no overflow or log(0)?"""
    a = math.sqrt(abs(score))
    W_in = np.array([[a, 0.0], [0.0, a], [a, a]])
    W_out = np.array([[math.copysign(a, score), 0.0], [a, 0.0], [0.0, 0.0]])
    loss, dW_in, dW_out = check(kata, W_in, W_out, [0, 0], [0, 1], [[1, 2], [0, 2]])
    if not (math.isfinite(loss) and np.all(np.isfinite(dW_in)) and np.all(np.isfinite(dW_out))):
        fail(f"scores of {score:g} should give a finite loss and gradients, got loss {loss}")


def test_sgns_loss_and_grad_accepts_integral_floats(kata, rng):
    """Are indices given as floats with integer values (2.0) accepted?"""
    W_in, W_out, *_ = random_batch(rng, 5, 2, 1, 1)
    check(
        kata,
        W_in,
        W_out,
        np.array([0.0, 3.0]),
        np.array([1.0, 1.0]),
        np.array([[2.0, 4.0], [0.0, 0.0]]),
    )


def test_sgns_loss_and_grad_leaves_its_inputs_unchanged(kata, rng):
    """Are the embeddings and the index arrays left exactly as they were?"""
    args = random_batch(rng, 6, 3, 4, 2)
    check(kata, *args)  # call_strictly() compares every argument after the call


def test_sgns_loss_and_grad_makes_no_shortcut_call(kata, rng):
    """Are the gradients written out, not taken from automatic differentiation?"""
    args = random_batch(rng, 6, 3, 4, 2)
    with forbid(*AUTODIFF, called=describe_call(kata.sgns_loss_and_grad, *args)):
        check(kata, *args)


@pytest.mark.timeout(5)
def test_sgns_loss_and_grad_large_batch(kata, rng):
    """Does a batch of 512 pairs with 5 negatives over 1000 words come out right?"""
    check(kata, *random_batch(rng, 1000, 16, 512, 5, scale=0.3))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "shapes, center, context, negatives, why",
    [
        (((4, 2), (4, 3)), [0], [1], [[2]], "W_in and W_out of different shapes"),
        (((4,), (4,)), [0], [1], [[2]], "1-D embeddings"),
        (((4, 2), (4, 2)), [], [], np.zeros((0, 1), dtype=int), "an empty batch"),
        (((4, 2), (4, 2)), [0, 1], [1], [[2], [3]], "context shorter than center"),
        (((4, 2), (4, 2)), [0, 1], [1, 2], [[2]], "negatives with fewer rows than B"),
        (((4, 2), (4, 2)), [0, 1], [1, 2], [2, 3], "1-D negatives"),
        (((4, 2), (4, 2)), [0, 4], [1, 2], [[2], [3]], "an index equal to V"),
        (((4, 2), (4, 2)), [0, 1], [1, -1], [[2], [3]], "a negative index"),
        (((4, 2), (4, 2)), [0, 1], [1, 2], [[2.5], [3]], "a fractional index"),
    ],
    ids=["shapes", "1d-W", "empty", "context", "neg-rows", "neg-1d", "V", "negative", "frac"],
)
def test_sgns_loss_and_grad_rejects_bad_input(kata, shapes, center, context, negatives, why):
    """Does bad input raise ValueError with a message?"""
    W_in, W_out = np.ones(shapes[0]), np.ones(shapes[1])
    expect_error(
        ValueError, kata.sgns_loss_and_grad, W_in, W_out, center, context, negatives, why=why
    )
