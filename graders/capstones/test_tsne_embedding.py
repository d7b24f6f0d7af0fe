"""Grader for capstones/tsne_embedding: tsne_embedding(P, rng, ...) -> (Y, kl), replayed
update by update from the stated start, exaggeration and momentum."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

NO_EXAGGERATION = "P is multiplied by exaggeration for the first exaggeration_iter updates"
ALWAYS = "the exaggeration stops after exaggeration_iter updates"
MOMENTUM = "the momentum is 0.5 during the exaggeration, then 0.8"
ASCENT = "went uphill: V = m V - learning_rate * gradient"
FOUR = "the gradient of KL carries a factor 4"
START = "the start is 1e-4 * rng.standard_normal((n, n_components))"


def joint(rng, n, d=5, perplexity_like=2.0):
    """A valid joint P: Gaussian affinities of random points, symmetrised, summing to 1."""
    X = rng.normal(size=(n, d))
    D = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
    A = np.exp(-D / perplexity_like)
    np.fill_diagonal(A, 0.0)
    cond = A / A.sum(axis=1, keepdims=True)
    return (cond + cond.T) / (2 * n)


def replay(
    P,
    seed,
    dim,
    T,
    lr,
    alpha,
    t_stop,
    *,
    scale=1e-4,
    four=4.0,
    sign=-1.0,
    m=(0.5, 0.8),
    stop=True,
    exaggerate=True,
):
    """The iterates of the contract, written with explicit pair differences."""
    n = len(P)
    Y = scale * np.random.default_rng(seed).standard_normal((n, dim))
    V = np.zeros_like(Y)
    kls = []
    for t in range(T + 1):
        diff = Y[:, None, :] - Y[None, :, :]
        W = 1 / (1 + (diff**2).sum(-1))
        W[np.eye(n, dtype=bool)] = 0
        Q = W / W.sum()
        mask = P > 0
        kls.append(np.sum(P[mask] * (np.log(P[mask]) - np.log(Q[mask]))))
        if t == T:
            break
        early = t < t_stop
        a = alpha if (exaggerate and (early or not stop)) else 1.0
        G = four * np.einsum("ij,ijk->ik", (a * P - Q) * W, diff)
        V = (m[0] if early else m[1]) * V + sign * lr * G
        Y = Y + V
    return Y, np.array(kls)


def check(kata, P, seed, dim=2, T=40, lr=50.0, alpha=4.0, t_stop=15, rtol=1e-6):
    f = kata.tsne_embedding
    rng = np.random.default_rng(seed)
    args = (P, rng, dim, T, lr, alpha, t_stop)
    called = describe_call(f, *args)
    result = call(f, *args)
    try:
        Y, kl = result
    except (TypeError, ValueError):
        fail(f"{called} returned {type(result).__name__}: expected the pair (Y, kl)")
    Y, kl = np.asarray(Y, dtype=float), np.asarray(kl, dtype=float)
    n = len(P)
    if Y.shape != (n, dim) or kl.shape != (T + 1,):
        fail(f"{called}: Y has shape {Y.shape}, kl {kl.shape}; expected ({n}, {dim}), ({T + 1},)")
    want_Y, want_kl = replay(P, seed, dim, T, lr, alpha, t_stop)
    common = (P, seed, dim, T, lr, alpha, t_stop)
    mistakes = {
        NO_EXAGGERATION: replay(*common, exaggerate=False)[1],
        ALWAYS: replay(*common, stop=False)[1],
        MOMENTUM: replay(*common, m=(0.8, 0.8))[1],
        ASCENT: replay(*common, sign=1.0)[1],
        FOUR: replay(*common, four=1.0)[1],
        START: replay(*common, scale=1.0)[1],
    }
    mistakes = {k: v for k, v in mistakes.items() if np.max(np.abs(v - want_kl)) > 1e-6}
    scale = np.abs(want_Y).max()
    assert_close(
        kl,
        want_kl,
        rtol=rtol,
        atol=1e-9,
        what="the KL of each iterate",
        called=called,
        mistakes=mistakes,
    )
    assert_close(Y, want_Y, rtol=rtol, atol=rtol * scale, what="the final map Y", called=called)
    return Y, kl


@pytest.mark.points(2)
def test_tsne_embedding_documented_example(kata):
    """Do the examples give KL 0 for two points and 0.5982, 0.2363, 0.1386 for four?"""
    f = kata.tsne_embedding
    P2 = np.array([[0.0, 0.5], [0.5, 0.0]])
    _, kl = call(f, P2, np.random.default_rng(0), n_iter=5)
    assert_close(np.asarray(kl), np.zeros(6), atol=1e-9, what="kl of two points")
    P = np.array([[0, 0.2, 0.05, 0], [0.2, 0, 0, 0.05], [0.05, 0, 0, 0.2], [0, 0.05, 0.2, 0]])
    _, kl = check(kata, P, 0, 2, 100, 1.0, 2.0, 20)
    assert_close(kl[[0, 20, 100]].round(4), [0.5982, 0.2363, 0.1386], atol=1e-12, what="kl")


@pytest.mark.points(4)
@pytest.mark.parametrize("dim", [1, 2, 3])
def test_tsne_embedding_replays_the_stated_updates(kata, rng, dim):
    """Seeded P, seeds and settings: are the iterates those of the stated updates?"""
    for _ in range(3):
        n = int(rng.integers(3, 25))
        check(
            kata,
            joint(rng, n),
            int(rng.integers(2**32)),
            dim,
            int(rng.integers(5, 40)),
            float(rng.uniform(2, 20)),
            float(rng.uniform(1, 6)),
            int(rng.integers(0, 15)),
        )


def test_tsne_embedding_finds_the_clusters(kata, rng):
    """Three well separated groups in 10-D: after 200 updates, is every point nearer its
    own group's centre in the map than any other, and KL much lower than at the start?"""
    X = np.concatenate([rng.normal(size=(15, 10)) + 12 * rng.normal(size=10) for _ in range(3)])
    D = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
    A = np.exp(-D / np.median(D) * 8)
    np.fill_diagonal(A, 0)
    cond = A / A.sum(1, keepdims=True)
    P = (cond + cond.T) / 90
    Y, kl = check(kata, P, 1, 2, 200, 20.0, 4.0, 50, rtol=1e-4)
    groups = np.repeat(np.arange(3), 15)
    centres = np.array([Y[groups == g].mean(0) for g in range(3)])
    nearest = ((Y[:, None, :] - centres[None]) ** 2).sum(-1).argmin(1)
    assert_close(nearest, groups, atol=0, what="the group whose map centre is nearest")
    assert_close(float(kl[-1] < 0.5 * kl[0]), 1.0, atol=0, what="KL halved at least")


def test_tsne_embedding_no_updates_and_no_exaggeration(kata, rng):
    """n_iter 0 returns the start and its KL; exaggeration 1 or exaggeration_iter 0 is
    plain gradient descent with momentum 0.8 (or 0.5 then 0.8)."""
    P = joint(rng, 8)
    Y, kl = check(kata, P, 3, 2, 0, 10.0, 4.0, 10)
    assert_close(
        Y,
        1e-4 * np.random.default_rng(3).standard_normal((8, 2)),
        rtol=1e-12,
        what="Y after no update",
        mistakes={START: np.random.default_rng(3).standard_normal((8, 2))},
    )
    check(kata, P, 4, 2, 30, 10.0, 1.0, 10)
    check(kata, P, 5, 2, 30, 10.0, 6.0, 0)


def test_tsne_embedding_uses_only_the_given_generator(kata):
    """Does the generator advance by exactly one (n, n_components) normal draw?"""
    P = joint(np.random.default_rng(8), 6)
    rng = np.random.default_rng(11)
    call(kata.tsne_embedding, P, rng, 2, 5)
    g = np.random.default_rng(11)
    g.standard_normal((6, 2))
    assert_close(
        rng.random(3),
        g.random(3),
        atol=0,
        rtol=0,
        what="the generator's next draws after the call (it drew more or less)",
    )


def test_tsne_embedding_leaves_P_unchanged(kata, rng):
    """Is P left exactly as it was (no P *= exaggeration in place)?"""
    P = joint(rng, 10)
    check(kata, P, 2, 2, 30, 20.0, 5.0, 10)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "change, why",
    [
        ({"P": [[0.0, 1.0], [0.0, 0.0]]}, "P not symmetric"),
        ({"P": [[0.2, 0.3], [0.3, 0.2]]}, "P with a non-zero diagonal"),
        ({"P": [[0.0, 0.25], [0.25, 0.0]]}, "P summing to 0.5"),
        ({"P": [[0.0, 1.0], [1.0, 0.0], [0.0, 0.0]]}, "P of shape (3, 2)"),
        ({"P": [[0.0]]}, "one point"),
        ({"rng": 0}, "rng = 0, a seed and not a Generator"),
        ({"n_components": 0}, "n_components = 0"),
        ({"n_iter": -1}, "n_iter = -1"),
        ({"n_iter": 2.5}, "n_iter = 2.5"),
        ({"learning_rate": 0.0}, "learning_rate = 0"),
        ({"exaggeration": 0.5}, "exaggeration = 0.5"),
        ({"exaggeration_iter": -2}, "exaggeration_iter = -2"),
    ],
)
def test_tsne_embedding_rejects_bad_input(kata, change, why):
    """Does bad input raise ValueError with a message?"""
    args = {"P": [[0.0, 0.5], [0.5, 0.0]], "rng": np.random.default_rng(0)} | change
    expect_error(ValueError, kata.tsne_embedding, why=why, **args)
