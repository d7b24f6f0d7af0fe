"""Grader for deep_learning/label_smoothing: label_smoothing_cross_entropy(logits,
labels, epsilon) -> Loss(loss, grad).

The reference is written row by row in another form, L_i = logsumexp(z_i) - Σ_k q_ik z_ik
(the q_ik sum to 1), with the log-sum-exp taken by math.fsum after shifting out the
row's maximum; the gradient is also checked against central differences of that loss.
Each listed mistake (ε/(K − 1) on the other classes, no /n, the one-hot in the gradient,
log of the softmax) is computed and named.
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


def targets(labels, n, k, epsilon, other_classes_only=False):
    """The smoothed targets q; with other_classes_only, the ε/(K - 1) mistake."""
    q = np.zeros((n, k))
    for i, y in enumerate(labels):
        for j in range(k):
            if other_classes_only:
                q[i, j] = 1.0 - epsilon if j == y else epsilon / (k - 1)
            else:
                q[i, j] = (1.0 - epsilon if j == y else 0.0) + epsilon / k
    return q


def logsumexp(row):
    top = max(row)
    return top + math.log(math.fsum(math.exp(z - top) for z in row))


def reference_loss(logits, q):
    """Mean over rows of logsumexp(z_i) - Σ_k q_ik z_ik."""
    rows = [
        logsumexp(list(z)) - math.fsum(float(a) * float(b) for a, b in zip(qi, z, strict=True))
        for z, qi in zip(logits, q, strict=True)
    ]
    return math.fsum(rows) / len(rows)


def probabilities(logits):
    return np.array([[math.exp(z - logsumexp(list(row))) for z in row] for row in logits])


def expected(logits, labels, epsilon):
    logits = np.asarray(logits, dtype=float)
    n, k = logits.shape
    labels = [int(y) for y in np.asarray(labels).tolist()]
    q = targets(labels, n, k, epsilon)
    onehot = targets(labels, n, k, 0.0)
    p = probabilities(logits)
    loss = reference_loss(logits, q)
    grad = (p - q) / n
    wrong_loss, wrong_grad = {}, {}
    if k > 1:
        q_other = targets(labels, n, k, epsilon, other_classes_only=True)
        words = (
            "ε/(K − 1) on the other classes only: the smoothing puts ε/K on every class, "
            "the true one included (q = (1 − ε)·onehot + ε/K)"
        )
        wrong_loss[words] = reference_loss(logits, q_other)
        wrong_grad[words] = (p - q_other) / n
    if n > 1:
        words = "no /n: the loss is the mean over the rows, so its gradient is (p − q)/n"
        wrong_loss["no /n: the loss is the mean over the rows, not the sum"] = loss * n
        wrong_grad[words] = grad * n
    wrong_grad[
        "the gradient uses the one-hot target: it is (softmax(z) − q)/n with the smoothed q"
    ] = (p - onehot) / n
    wrong_loss["the loss ignores ε (plain cross-entropy): use the smoothed target q"] = (
        reference_loss(logits, onehot)
    )
    wrong_grad["the gradient has the wrong sign: it is (softmax(z) − q)/n, not (q − p)/n"] = -grad
    return loss, grad, wrong_loss, wrong_grad


ADVICE = (
    "with large logits softmax(z) underflows to 0 and log(softmax(z)) is -inf: every "
    "class's log-probability enters the loss, so compute log-softmax as z − logsumexp(z) "
    "with the row's maximum shifted out, never log of softmax(z)"
)


def check(kata, logits, labels, epsilon):
    """Call the kata (floating-point errors raised), compare loss and grad, return them."""
    f = kata.label_smoothing_cross_entropy
    called = describe_call(f, logits, labels, epsilon)
    result = call_strictly(f, logits, labels, epsilon, advice=ADVICE)
    loss, grad = fields(result, ("loss", "grad"), "label_smoothing_cross_entropy")
    if not isinstance(loss, (float, np.floating)) or np.ndim(loss) != 0:
        fail(f"{called}: loss should be a float, got {loss!r}")
    want_loss, want_grad, wrong_loss, wrong_grad = expected(logits, labels, epsilon)
    z = np.asarray(logits, dtype=float)
    n = z.shape[0]
    scale = 1.0 + float(np.max(np.abs(z)))  # rounding of the logits' size
    assert_close(
        loss,
        want_loss,
        rtol=1e-10,
        atol=1e-13 * scale,
        what="the loss",
        called=called,
        mistakes=wrong_loss,
    )
    assert_close(
        grad,
        want_grad,
        rtol=1e-9,
        atol=1e-14 / n,
        what="grad",
        called=called,
        mistakes=wrong_grad,
    )
    return loss, grad


def random_case(rng, n, k, spread=2.0):
    return spread * rng.standard_normal((n, k)), rng.integers(0, k, size=n)


@pytest.mark.points(2)
def test_label_smoothing_cross_entropy_documented_example(kata):
    """Do p = (1/4, 3/4), label 1 and ε = 0.2 (q = (0.1, 0.9)) give 0.397543 and ±0.15?

    loss = −(0.1 log ¼ + 0.9 log ¾) = 0.1386294 + 0.2589140; grad = p − q = (0.15, −0.15).
    """
    loss, grad = check(kata, [[0.0, math.log(3.0)]], [1], 0.2)
    assert_close(loss, 0.1 * math.log(4.0) + 0.9 * math.log(4.0 / 3.0), what="the loss")
    assert_close(grad, [[0.15, -0.15]], what="grad")


@pytest.mark.points(2)
def test_label_smoothing_cross_entropy_uniform_logits_by_hand(kata):
    """With equal logits, K = 4, ε = 0.4, label 1: loss log 4, grad (0.15, −0.45, 0.15, 0.15)?

    q = (0.1, 0.7, 0.1, 0.1) (ε/K = 0.1 everywhere, 0.6 more on the true class) and
    p = ¼ everywhere; ε/(K − 1) would give q = (0.1333, 0.6, 0.1333, 0.1333).
    """
    loss, grad = check(kata, [[2.0, 2.0, 2.0, 2.0]], [1], 0.4)
    assert_close(loss, math.log(4.0), what="the loss")
    assert_close(grad, [[0.15, -0.45, 0.15, 0.15]], what="grad")


def test_label_smoothing_cross_entropy_epsilon_one_is_the_uniform_target(kata):
    """With ε = 1, is the loss logsumexp(z) − mean(z) and the grad p − 1/K, whatever the label?"""
    z = [1.0, 2.0, 3.0]
    lse = math.log(math.e + math.e**2 + math.e**3)
    p = [math.exp(v - lse) for v in z]
    for label in (0, 2):
        loss, grad = check(kata, [z], [label], 1.0)
        assert_close(loss, lse - 2.0, what="the loss")
        assert_close(grad, [[pk - 1 / 3 for pk in p]], what="grad")


def test_label_smoothing_cross_entropy_epsilon_zero_is_plain_cross_entropy(kata, rng):
    """With ε = 0, is it the plain cross-entropy, the mean of logsumexp(z) − z_y?"""
    logits, labels = random_case(rng, 5, 3)
    loss, grad = check(kata, logits, labels, 0.0)
    plain = np.mean([logsumexp(list(z)) - z[y] for z, y in zip(logits, labels, strict=True)])
    assert_close(loss, plain, rtol=1e-10, what="the loss")


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "n, k, epsilon",
    [(1, 2, 0.1), (4, 3, 0.1), (7, 5, 0.25), (16, 10, 0.05), (3, 6, 0.9)],
)
def test_label_smoothing_cross_entropy_random_cases(kata, rng, n, k, epsilon):
    """Do random logits match the row-by-row reference, each grad row summing to 0?"""
    logits, labels = random_case(rng, n, k)
    _, grad = check(kata, logits, labels, epsilon)
    assert_close(grad.sum(axis=1), np.zeros(n), atol=1e-15, what="the row sums of grad")


@pytest.mark.points(2)
def test_label_smoothing_cross_entropy_gradient_matches_central_differences(kata, rng):
    """Is grad the derivative of the loss (central differences of the reference loss)?"""
    logits, labels = random_case(rng, 3, 4)
    epsilon = 0.3
    _, grad = check(kata, logits, labels, epsilon)
    q = targets(labels.tolist(), 3, 4, epsilon)
    assert_gradient(grad, lambda z: reference_loss(z, q), logits, what="grad", rtol=1e-6, atol=1e-9)


@pytest.mark.points(2)
def test_label_smoothing_cross_entropy_stable_for_large_logits(kata):
    """Do logits of ±1e3 give a finite loss (log-softmax, not log of softmax)?

    Row 1: log p = (0, −2000), q = (0.95, 0.05): loss 100. Row 2: label 1, log p =
    (−1500, 0, −1000, −2000), q = (0.05, 0.85, 0.05, 0.05): 0.05·4500 = 225.
    """
    loss, _ = check(kata, [[1000.0, -1000.0]], [0], 0.1)
    assert_close(loss, 100.0, what="the loss")
    loss, _ = check(kata, [[-500.0, 1000.0, 0.0, -1000.0]], [1], 0.2)
    assert_close(loss, 225.0, what="the loss")


def test_label_smoothing_cross_entropy_single_class(kata):
    """With K = 1, is the loss 0 and the grad 0 (q = p = 1, no ε/(K − 1) = ε/0)?"""
    loss, grad = check(kata, [[3.0], [-2.0]], [0, 0], 0.5)
    assert_close(loss, 0.0, atol=1e-15, what="the loss")
    assert_close(grad, [[0.0], [0.0]], atol=1e-15, what="grad")


def test_label_smoothing_cross_entropy_accepts_whole_float_labels_and_lists(kata):
    """Are float labels that are whole numbers (2.0) and nested lists accepted?"""
    check(kata, [[0.5, -1.0, 2.0], [1, 2, 3]], [2.0, 0.0], 0.1)
    check(kata, [[0, 1], [2, 0], [1, 1]], [1, 0, 1], 0.5)


def test_label_smoothing_cross_entropy_leaves_inputs_unchanged(kata, rng):
    """Are the caller's logits and labels left as they were?"""
    logits, labels = random_case(rng, 6, 4, spread=5.0)
    check(kata, logits, labels, 0.1)


def test_label_smoothing_cross_entropy_no_autodiff(kata, rng):
    """Is the gradient written out, without automatic differentiation?"""
    logits, labels = random_case(rng, 4, 3)
    f = kata.label_smoothing_cross_entropy
    with forbid(*AUTODIFF, called=describe_call(f, logits, labels, 0.2)):
        check(kata, logits, labels, 0.2)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "logits, labels, epsilon, why",
    [
        ([[0.0, 1.0]], [0], -0.1, "ε < 0"),
        ([[0.0, 1.0]], [0], 1.5, "ε > 1"),
        ([[0.0, 1.0]], [0], math.nan, "ε is nan"),
        ([0.0, 1.0], [0], 0.1, "logits 1-D"),
        (np.zeros((2, 2, 2)), [0, 1], 0.1, "logits 3-D"),
        (np.zeros((0, 3)), [], 0.1, "no rows"),
        (np.zeros((2, 0)), [0, 0], 0.1, "no classes"),
        ([[0.0, 1.0], [1.0, 0.0]], [0.5, 1], 0.1, "label 0.5 is not a whole number"),
        ([[0.0, 1.0], [1.0, 0.0]], [0, 1.5], 0.1, "label 1.5 is not a whole number"),
        ([[0.0, 1.0], [1.0, 0.0]], [0, 2], 0.1, "label K"),
        ([[0.0, 1.0], [1.0, 0.0]], [-1, 0], 0.1, "negative label"),
        ([[0.0, 1.0], [1.0, 0.0]], [0], 0.1, "labels too short"),
        ([[0.0, 1.0], [1.0, 0.0]], [0, 1, 0], 0.1, "labels too long"),
        ([[0.0, 1.0], [1.0, 0.0]], [[0, 1]], 0.1, "labels 2-D"),
    ],
    ids=[
        "eps-negative",
        "eps-above-one",
        "eps-nan",
        "logits-1d",
        "logits-3d",
        "no-rows",
        "no-classes",
        "label-half",
        "label-one-and-a-half",
        "label-k",
        "label-negative",
        "labels-short",
        "labels-long",
        "labels-2d",
    ],
)
def test_label_smoothing_cross_entropy_rejects_bad_input(kata, logits, labels, epsilon, why):
    """Do a bad ε, bad logits and bad labels raise ValueError with a message?"""
    expect_error(ValueError, kata.label_smoothing_cross_entropy, logits, labels, epsilon, why=why)
