"""Grader for unsupervised/tsne_gradient: tsne_kl_gradient(P, Y) -> TSNE(kl, grad).

Student-t affinities q_ij normalised over all pairs i != j, KL(P || Q) in nats, and
grad_i = 4 sum_j (p_ij - q_ij)(y_i - y_j) / (1 + |y_i - y_j|^2). The KL is checked
against an independent loop, the gradient against central differences of the KL the
function itself returns, and against the formula.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    call,
    describe_call,
    expect_error,
    fail,
    fields,
)

FIELDS = ["kl", "grad"]


def reference(P, Y, *, kernel="student", row_norm=False, diagonal=False, log=math.log):
    """KL and gradient with Python loops over pairs; keywords replay known mistakes."""
    P = np.asarray(P, dtype=float)
    rows = np.asarray(Y, dtype=float).tolist()
    n = len(rows)

    def w(i, j):
        d2 = math.dist(rows[i], rows[j]) ** 2
        return math.exp(-d2) if kernel == "gauss" else 1 / (1 + d2)

    W = np.array([[w(i, j) if i != j or diagonal else 0.0 for j in range(n)] for i in range(n)])
    Q = W / W.sum(axis=1, keepdims=True) / n if row_norm else W / W.sum()
    kl = sum(P[i, j] * log(P[i, j] / Q[i, j]) for i in range(n) for j in range(n) if P[i, j] > 0)
    grad = np.zeros((n, len(rows[0])))
    for i in range(n):
        for j in range(n):
            if i != j:
                factor = (P[i, j] - Q[i, j]) / (1 + math.dist(rows[i], rows[j]) ** 2)
                grad[i] += 4 * factor * (np.array(rows[i]) - np.array(rows[j]))
    return kl, grad


def random_P(rng, n, zeros=0.2):
    A = rng.random((n, n))
    A[rng.random((n, n)) < zeros] = 0.0
    A = A + A.T
    np.fill_diagonal(A, 0.0)
    return A / A.sum()


def check(kata, P, Y):
    f = kata.tsne_kl_gradient
    called = describe_call(f, P, Y)
    kl, grad = fields(call(f, P, Y), FIELDS, "tsne_kl_gradient")
    want_kl, want_grad = reference(P, Y)
    wrong = {
        "Q normalised per row (SNE's conditional q_{j|i}), not over all pairs": dict(row_norm=True),
        "the diagonal (w_ii = 1) counted in the normalisation of Q": dict(diagonal=True),
        "a Gaussian kernel exp(-d^2) instead of the Student-t (1 + d^2)^-1": dict(kernel="gauss"),
        "log base 2 instead of the natural log": dict(log=math.log2),
    }
    replayed = {words: reference(P, Y, **how) for words, how in wrong.items()}
    if isinstance(kl, float) and math.isnan(kl) and np.any(np.asarray(P) == 0):
        fail(f"{called}: kl is NaN: terms with p_ij = 0 contribute 0 (0 log 0 = 0)")
    assert_close(
        kl,
        want_kl,
        rtol=1e-9,
        atol=1e-12,
        what="kl",
        called=called,
        mistakes={words: value[0] for words, value in replayed.items()},
    )
    grad = np.asarray(grad, dtype=float)
    Yarr = np.asarray(Y, dtype=float)
    Q = reference_q(Yarr)
    no_w = 4 * ((np.asarray(P) - Q).sum(axis=1)[:, None] * Yarr - (np.asarray(P) - Q) @ Yarr)
    mistakes = {words: value[1] for words, value in replayed.items()}
    mistakes["the factor 2 instead of 4"] = want_grad / 2
    mistakes["y_j - y_i instead of y_i - y_j (the gradient's sign)"] = -want_grad
    mistakes["the factor (1 + |y_i - y_j|^2)^-1 left out of the gradient"] = no_w
    assert_close(
        grad, want_grad, rtol=1e-8, atol=1e-12, what="grad", called=called, mistakes=mistakes
    )
    return kl, grad


def reference_q(Y):
    d2 = ((Y[:, None, :] - Y[None, :, :]) ** 2).sum(axis=2)
    W = 1 / (1 + d2)
    np.fill_diagonal(W, 0.0)
    return W / W.sum()


@pytest.mark.points(2)
def test_tsne_kl_gradient_documented_example(kata):
    """Does the documented call give kl = ln 1.2 and grad (0, -0.05, 0.05)?

    Y = 0, 1, -1: w = 1/2, 1/2 (from 0), 1/5 (between 1 and -1), Z = 2.4, so
    q_01 = q_02 = 5/24 and each of the four p = 1/4 gives KL = ln(0.25 / (5/24)) = ln 1.2;
    grad_1 = 4 (1/24 * 1/2 * 1 - 1/12 * 1/5 * 2) = -0.05.
    """
    P = [[0.0, 0.25, 0.25], [0.25, 0.0, 0.0], [0.25, 0.0, 0.0]]
    kl, grad = check(kata, P, [[0.0], [1.0], [-1.0]])
    assert_close(kl, math.log(1.2), what="kl")
    assert_close(grad, [[0.0], [-0.05], [0.05]], what="grad")


@pytest.mark.points(2)
def test_tsne_kl_gradient_two_points(kata, rng):
    """With two points, is Q = P (both 1/2), so kl = 0 and grad = 0, wherever they are?"""
    P = [[0.0, 0.5], [0.5, 0.0]]
    kl, grad = check(kata, P, rng.normal(size=(2, 3)))
    assert_close(kl, 0.0, atol=1e-12, what="kl")
    assert_close(grad, np.zeros((2, 3)), atol=1e-12, what="grad")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(4, 1), (10, 2), (25, 3)])
def test_tsne_kl_gradient_matches_the_definition(kata, rng, n, d):
    """On random P (with zeros) and Y, do kl and grad match the definition?"""
    check(kata, random_P(rng, n), rng.normal(size=(n, d)))


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d", [(5, 2), (8, 3)])
def test_tsne_kl_gradient_is_the_derivative_of_its_kl(kata, rng, n, d):
    """Is grad the central-difference derivative of the kl the function returns?"""
    f = kata.tsne_kl_gradient
    P = random_P(rng, n)
    Y = rng.normal(size=(n, d))
    called = describe_call(f, P, Y)
    _, grad = fields(call(f, P, Y), FIELDS, "tsne_kl_gradient")

    def kl_at(Z):
        return fields(f(P, Z), FIELDS, "tsne_kl_gradient")[0]

    assert_gradient(grad, kl_at, Y, what="grad against differences of kl", called=called)


def test_tsne_kl_gradient_zero_p_entries(kata, rng):
    """Do the pairs with p_ij = 0 add nothing to kl (0 log 0 = 0, no NaN)?"""
    P = random_P(rng, 8, zeros=0.6)
    check(kata, P, rng.normal(size=(8, 2)))


def test_tsne_kl_gradient_far_apart_points(kata, rng):
    """With points 1e3 apart (q of order 1e-6), are kl and grad still right?"""
    check(kata, random_P(rng, 6), rng.normal(size=(6, 2)) * 1e3)


def test_tsne_kl_gradient_leaves_inputs_unchanged(kata, rng):
    """Are P and Y left exactly as they were?"""
    P, Y = random_P(rng, 6), rng.normal(size=(6, 2))
    check(kata, P, Y)  # call() compares the arguments after the call


GOOD = np.array([[0.0, 0.25, 0.25], [0.25, 0.0, 0.0], [0.25, 0.0, 0.0]])


@pytest.mark.parametrize(
    "P, Y, why",
    [
        (GOOD, [[0.0], [1.0]], "P is 3 x 3 but Y has 2 rows"),
        (GOOD, [0.0, 1.0, 2.0], "Y is 1-D"),
        ([[0.0]], [[0.0]], "one point"),
        (GOOD * 2, [[0.0], [1.0], [2.0]], "P sums to 2"),
        (
            np.array([[0, 0.5, 0], [0.25, 0, 0], [0.25, 0, 0]]),
            [[0.0], [1.0], [2.0]],
            "P is not symmetric",
        ),
        (
            np.array([[0.2, 0.2, 0.2], [0.2, 0, 0], [0.2, 0, 0]]),
            [[0.0], [1.0], [2.0]],
            "P has a non-zero diagonal",
        ),
        (
            np.array([[0, 0.75, -0.25], [0.75, 0, 0], [-0.25, 0, 0]]),
            [[0.0], [1.0], [2.0]],
            "P is negative somewhere",
        ),
    ],
    ids=["shapes", "y_1d", "one_point", "sum", "asymmetric", "diagonal", "negative"],
)
def test_tsne_kl_gradient_rejects_bad_input(kata, P, Y, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.tsne_kl_gradient, P, Y, why=why)


@pytest.mark.timeout(5)
def test_tsne_kl_gradient_large_input(kata, rng):
    """Are 800 points in 2-D done quickly, with the gradient summing to 0 over the points?

    grad_i sums antisymmetric pair terms, so sum_i grad_i = 0; the KL is checked in closed
    form from Q.
    """
    n = 800
    P = random_P(rng, n)
    Y = rng.normal(size=(n, 2))
    f = kata.tsne_kl_gradient
    called = describe_call(f, P, Y)
    kl, grad = fields(call(f, P, Y), FIELDS, "tsne_kl_gradient")
    Q = reference_q(Y)
    pos = P > 0
    assert_close(kl, np.sum(P[pos] * np.log(P[pos] / Q[pos])), rtol=1e-9, what="kl", called=called)
    assert_close(
        np.asarray(grad).sum(axis=0), [0.0, 0.0], atol=1e-10, what="sum of grad", called=called
    )
