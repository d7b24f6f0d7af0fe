"""Grader for capstones/transactions: transactions(n, rng, fraud_rate, separation,
n_features) -> (X, y), replayed draw for draw from the stated use of the generator."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

ORDER = "drew the normals before the uniforms: the contract draws rng.random(n) first"
ABOVE = "a fraud is u_i < fraud_rate, not u_i > 1 - fraud_rate (same rate, other draws)"
SQRT = "the mean shift is separation / sqrt(d) per feature, so that ||mu|| = separation"
FLIPPED = "shifted the legitimate transactions: the frauds are the ones centred at mu"
FIRST = "mu spreads separation / sqrt(d) over every feature, not separation on the first alone"
GLOBAL = "drew from np.random's global state: use the rng you are given"


def replay(seed, n, fraud_rate, separation, d):
    """The data the contract promises, drawn in its order from a fresh generator."""
    g = np.random.default_rng(seed)
    u = g.random(n)
    z = g.standard_normal((n, d))
    y = np.where(u < fraud_rate, 1, 0)
    shift = np.ones(d) * (separation / d**0.5)
    return z + np.outer(y, shift), y, u, z, shift


def check(kata, seed, n, fraud_rate=0.01, separation=3.0, d=2):
    f = kata.transactions
    rng = np.random.default_rng(seed)
    called = describe_call(f, n, rng, fraud_rate, separation, d)
    result = call(f, n, rng, fraud_rate, separation, d)
    try:
        X, y = result
    except (TypeError, ValueError):
        fail(f"{called} returned {type(result).__name__}: expected the pair (X, y)")
    X, y = np.asarray(X), np.asarray(y)
    if X.shape != (n, d) or y.shape != (n,):
        fail(f"{called}: X has shape {X.shape}, y {y.shape}; expected ({n}, {d}) and ({n},)")
    if not np.issubdtype(y.dtype, np.integer):
        fail(f"{called}: y has dtype {y.dtype}, expected integer labels 0/1")
    want_X, want_y, u, z, shift = replay(seed, n, fraud_rate, separation, d)
    g = np.random.default_rng(seed)
    z_first = g.standard_normal((n, d))
    u_after = g.random(n)
    y_order = (u_after < fraud_rate).astype(int)
    y_above = (u > 1 - fraud_rate).astype(int)
    assert_close(
        y,
        want_y,
        atol=0,
        rtol=0,
        what="the labels y",
        called=called,
        mistakes={ORDER: y_order, ABOVE: y_above},
    )
    assert_close(
        X,
        want_X,
        what="the features X",
        called=called,
        mistakes={
            ORDER: z_first + np.outer(y_order, shift),
            SQRT: z + np.outer(want_y, np.full(d, float(separation))),
            FLIPPED: z + np.outer(1 - want_y, shift),
            FIRST: z + np.outer(want_y, np.eye(d)[0] * separation),
        },
    )
    return X, y


@pytest.mark.points(2)
def test_transactions_documented_example(kata):
    """Does seed 0 give the labels [0, 1, 1, 1] (uniforms 0.637, 0.270, 0.041, 0.017)?"""
    X, y = check(kata, 0, 4, fraud_rate=0.5, separation=2.0, d=1)
    assert_close(y, [0, 1, 1, 1], atol=0, rtol=0, what="y")
    assert_close(X.ravel().round(2), [-0.54, 2.36, 3.3, 2.95], atol=0, rtol=0, what="X")


@pytest.mark.points(3)
@pytest.mark.parametrize("d", [1, 2, 5])
def test_transactions_replays_the_stated_draws(kata, rng, d):
    """Does a seed give exactly the data of rng.random(n) then rng.standard_normal((n, d))?"""
    for _ in range(3):
        seed = int(rng.integers(2**32))
        check(
            kata,
            seed,
            int(rng.integers(1, 300)),
            float(rng.uniform(0.05, 0.6)),
            float(rng.uniform(0.0, 4.0)),
            d,
        )


def test_transactions_has_the_stated_distribution(kata):
    """With 200 000 draws: fraud rate near 1 %, legit mean 0, fraud mean mu, unit variances?"""
    n, d = 200_000, 3
    X, y = check(kata, 12345, n, 0.01, 3.0, d)
    rate = float(np.mean(y))
    if abs(rate - 0.01) > 5 * (0.01 * 0.99 / n) ** 0.5:
        fail(f"the fraud rate is {rate:.5f}, expected about 0.01")
    assert_close(X[y == 0].mean(axis=0), np.zeros(d), atol=0.02, what="the legitimate mean")
    assert_close(
        X[y == 1].mean(axis=0),
        np.full(d, 3.0 / d**0.5),
        atol=0.15,
        what="the fraud mean",
        mistakes={SQRT: np.full(d, 3.0)},
    )
    assert_close(
        np.linalg.norm(X[y == 1].mean(axis=0)),
        3.0,
        atol=0.15,
        what="the distance between the means",
    )
    assert_close(X[y == 0].var(axis=0), np.ones(d), atol=0.03, what="the legitimate variances")


def test_transactions_uses_only_the_given_generator(kata):
    """Is np.random's global state ignored, and the given generator advanced by exactly
    n uniforms and n·d normals?"""
    np.random.seed(1)  # noqa: NPY002 (the global state the kata must ignore)
    first = check(kata, 7, 50, 0.2, 1.0, 2)
    np.random.seed(2)  # noqa: NPY002 (the global state the kata must ignore)
    second = check(kata, 7, 50, 0.2, 1.0, 2)
    assert_close(
        second[0],
        first[0],
        atol=0,
        rtol=0,
        what="X after reseeding np.random",
        mistakes={GLOBAL: first[0] + 1},
    )
    f = kata.transactions
    rng = np.random.default_rng(99)
    call(f, 50, rng, 0.2, 1.0, 2)
    g = np.random.default_rng(99)
    g.random(50)
    g.standard_normal((50, 2))
    assert_close(
        rng.random(3),
        g.random(3),
        atol=0,
        rtol=0,
        what="the generator's next draws after the call (it drew more or less)",
    )


def test_transactions_zero_separation_and_one_sample(kata):
    """separation 0: X is the normals alone; n = 1 works."""
    X, _ = check(kata, 3, 20, 0.5, 0.0, 2)
    g = np.random.default_rng(3)
    g.random(20)
    assert_close(X, g.standard_normal((20, 2)), what="X with separation 0")
    check(kata, 4, 1, 0.5, 2.0, 3)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        ((0, "rng"), "n = 0"),
        ((2.5, "rng"), "n = 2.5"),
        ((True, "rng"), "n = True"),
        ((10, 0), "rng = 0, a seed and not a Generator"),
        ((10, "rng", 0.0), "fraud_rate = 0"),
        ((10, "rng", 1.0), "fraud_rate = 1"),
        ((10, "rng", float("nan")), "fraud_rate = nan"),
        ((10, "rng", 0.1, -1.0), "separation = -1"),
        ((10, "rng", 0.1, float("inf")), "separation = inf"),
        ((10, "rng", 0.1, 1.0, 0), "n_features = 0"),
    ],
)
def test_transactions_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    args = tuple(np.random.default_rng(0) if a == "rng" else a for a in args)
    expect_error(ValueError, kata.transactions, *args, why=why)
