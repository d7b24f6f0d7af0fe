"""Grader for capstones/customers: customers(n, rng, n_segments, n_features, separation)
-> (X, segment, centers), replayed draw for draw from the stated use of the generator."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

ORDER = "drew in the wrong order: the contract draws the centres, then the segments, then z"
SCALE = "the centres are g_j * separation / sqrt(2 d), so that they are separation apart"
SQRT_D = "scaled the centres by separation / sqrt(d): the contract divides by sqrt(2 d)"
NOISE = "the customers are centre + z with unit variance: did you scale z too?"
GLOBAL = "drew from np.random's global state: use the rng you are given"


def replay(seed, n, k, d, separation):
    """The data the contract promises, drawn in its order from a fresh generator."""
    g = np.random.default_rng(seed)
    G = g.standard_normal((k, d))
    s = g.integers(k, size=n)
    z = g.standard_normal((n, d))
    centers = G * separation / (2 * d) ** 0.5
    return centers[s] + z, s, centers, G, z


def check(kata, seed, n, k=6, d=50, separation=8.0):
    f = kata.customers
    rng = np.random.default_rng(seed)
    called = describe_call(f, n, rng, k, d, separation)
    result = call(f, n, rng, k, d, separation)
    try:
        X, s, centers = result
    except (TypeError, ValueError):
        fail(f"{called} returned {type(result).__name__}: expected (X, segment, centers)")
    X, s, centers = np.asarray(X), np.asarray(s), np.asarray(centers)
    if X.shape != (n, d) or s.shape != (n,) or centers.shape != (k, d):
        fail(
            f"{called}: X has shape {X.shape}, segment {s.shape}, centers {centers.shape}; "
            f"expected ({n}, {d}), ({n},) and ({k}, {d})"
        )
    if not np.issubdtype(s.dtype, np.integer):
        fail(f"{called}: segment has dtype {s.dtype}, expected integer labels")
    want_X, want_s, want_c, G, z = replay(seed, n, k, d, separation)
    # the draws in another order
    g = np.random.default_rng(seed)
    s_first = g.integers(k, size=n)
    G_after = g.standard_normal((k, d))
    assert_close(
        s,
        want_s,
        atol=0,
        rtol=0,
        what="the segments",
        called=called,
        mistakes={ORDER: s_first},
    )
    assert_close(
        centers,
        want_c,
        what="the centres",
        called=called,
        mistakes={
            ORDER: G_after * separation / (2 * d) ** 0.5,
            SCALE: G * separation,
            SQRT_D: G * separation / d**0.5,
        },
    )
    assert_close(
        X,
        want_X,
        what="the customers X",
        called=called,
        mistakes={NOISE: want_c[want_s] + z * separation / (2 * d) ** 0.5},
    )
    return X, s, centers


@pytest.mark.points(2)
def test_customers_documented_example(kata):
    """Does seed 0 give the centres, segments [0, 1, 1] and customers of the example?"""
    X, s, c = check(kata, 0, 3, 2, 2, 2.0)
    assert_close(s, [0, 1, 1], atol=0, rtol=0, what="segment")
    assert_close(c.round(3), [[0.126, -0.132], [0.64, 0.105]], atol=1e-12, what="centers")
    assert_close(
        X.round(3), [[1.43, 0.815], [-0.063, -1.161], [0.017, 0.146]], atol=1e-12, what="X"
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("d", [1, 3, 50])
def test_customers_replays_the_stated_draws(kata, rng, d):
    """Does a seed give exactly the centres, segments and noise drawn in the stated order?"""
    for _ in range(3):
        check(
            kata,
            int(rng.integers(2**32)),
            int(rng.integers(1, 300)),
            int(rng.integers(1, 9)),
            d,
            float(rng.uniform(0.0, 12.0)),
        )


def test_customers_has_the_stated_distribution(kata):
    """With 60 000 customers: segments equally likely, unit variance within a segment,
    centres separation apart in root mean square?"""
    n, k, d, sep = 60_000, 4, 20, 6.0
    X, s, centers = check(kata, 2024, n, k, d, sep)
    shares = np.bincount(s, minlength=k) / n
    assert_close(shares, np.full(k, 1 / k), atol=0.01, what="the share of each segment")
    for j in range(k):
        inside = X[s == j]
        assert_close(inside.mean(axis=0), centers[j], atol=0.08, what=f"the mean of segment {j}")
        assert_close(inside.var(axis=0).mean(), 1.0, atol=0.05, what="the within variance")
    # many seeds: the mean squared distance between two centres is separation**2
    gaps = []
    for seed in range(200):
        c = np.asarray(call(kata.customers, 1, np.random.default_rng(seed), 2, d, sep)[2])
        gaps.append(np.sum((c[0] - c[1]) ** 2))
    assert_close(
        np.mean(gaps),
        sep**2,
        rtol=0.1,
        what="the mean squared distance between two centres",
        mistakes={SQRT_D: 2 * sep**2, SCALE: 2 * d * sep**2},
    )


def test_customers_uses_only_the_given_generator(kata):
    """Is np.random's global state ignored, and the given generator advanced by exactly
    k·d normals, n integers and n·d normals?"""
    np.random.seed(1)  # noqa: NPY002 (the global state the kata must ignore)
    first = check(kata, 7, 40, 3, 5, 4.0)
    np.random.seed(2)  # noqa: NPY002 (the global state the kata must ignore)
    second = check(kata, 7, 40, 3, 5, 4.0)
    assert_close(
        second[0],
        first[0],
        atol=0,
        rtol=0,
        what="X after reseeding np.random",
        mistakes={GLOBAL: first[0] + 1},
    )
    rng = np.random.default_rng(99)
    call(kata.customers, 40, rng, 3, 5, 4.0)
    g = np.random.default_rng(99)
    g.standard_normal((3, 5))
    g.integers(3, size=40)
    g.standard_normal((40, 5))
    assert_close(
        rng.random(3),
        g.random(3),
        atol=0,
        rtol=0,
        what="the generator's next draws after the call (it drew more or less)",
    )


def test_customers_zero_separation_one_segment_one_customer(kata):
    """separation 0: every centre is 0 and X is the noise alone; k = 1 and n = 1 work."""
    X, s, c = check(kata, 3, 20, 3, 4, 0.0)
    assert_close(c, np.zeros((3, 4)), atol=0, what="the centres with separation 0")
    _, s, _ = check(kata, 4, 15, 1, 3, 5.0)
    assert_close(s, np.zeros(15), atol=0, what="the segments with one segment")
    check(kata, 5, 1, 4, 2, 3.0)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        ((0, "rng"), "n = 0"),
        ((2.5, "rng"), "n = 2.5"),
        ((True, "rng"), "n = True"),
        ((10, 0), "rng = 0, a seed and not a Generator"),
        ((10, "rng", 0), "n_segments = 0"),
        ((10, "rng", 2.0), "n_segments = 2.0"),
        ((10, "rng", 3, 0), "n_features = 0"),
        ((10, "rng", 3, 4, -1.0), "separation = -1"),
        ((10, "rng", 3, 4, float("nan")), "separation = nan"),
        ((10, "rng", 3, 4, float("inf")), "separation = inf"),
    ],
)
def test_customers_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    args = tuple(np.random.default_rng(0) if a == "rng" else a for a in args)
    expect_error(ValueError, kata.customers, *args, why=why)
