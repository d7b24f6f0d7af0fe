"""Grader for capstones/regional_loans: regional_loans(n, rng, alaska_share, repay_rates,
separation, shift, n_features) -> (X, y, region), replayed draw for draw from the stated
use of the generator."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

ORDER = "drew the labels' uniforms before the regions': the contract draws the regions first"
NORMALS = "drew the normals before the uniforms: the contract draws rng.random(n) twice first"
SAME_U = "reused the regions' uniforms for the labels: draw a second rng.random(n)"
RATES = "used pi_0 in Alaska and pi_1 in Silicon Valley: repay_rates is (pi_0, pi_1)"
SQRT = "the repayers' shift is separation / sqrt(d) per feature, so that ||mu|| = separation"
ALL_FEATURES = "shifted every feature of an Alaskan: delta moves only the first feature"
NO_SHIFT = "forgot the regional shift delta of the Alaskans' first feature"
GLOBAL = "drew from np.random's global state: use the rng you are given"


def build(region, y, z, separation, shift, d):
    mu = np.ones(d) * (separation / d**0.5)
    delta = np.array([shift] + [0.0] * (d - 1))
    return z + np.outer(y, mu) + np.outer(region, delta)


def replay(seed, n, share, rates, separation, shift, d):
    """The data the contract promises, drawn in its order from a fresh generator."""
    g = np.random.default_rng(seed)
    u, v, z = g.random(n), g.random(n), g.standard_normal((n, d))
    region = np.where(u < share, 1, 0)
    y = np.where(v < np.where(region == 1, rates[1], rates[0]), 1, 0)
    return region, y, u, v, z


def check(kata, seed, n, share=0.2, rates=(0.6, 0.4), separation=2.0, shift=-1.0, d=2):
    f = kata.regional_loans
    rng = np.random.default_rng(seed)
    args = (n, rng, share, rates, separation, shift, d)
    called = describe_call(f, *args)
    result = call(f, *args)
    try:
        X, y, region = result
    except (TypeError, ValueError):
        fail(f"{called} returned {type(result).__name__}: expected (X, y, region)")
    X, y, region = np.asarray(X), np.asarray(y), np.asarray(region)
    if X.shape != (n, d) or y.shape != (n,) or region.shape != (n,):
        fail(
            f"{called}: X, y, region have shapes {X.shape}, {y.shape}, {region.shape}; "
            f"expected ({n}, {d}), ({n},), ({n},)"
        )
    for what, labels in (("y", y), ("region", region)):
        if not np.issubdtype(labels.dtype, np.integer):
            fail(f"{called}: {what} has dtype {labels.dtype}, expected integer labels 0/1")
    want_r, want_y, u, v, z = replay(seed, n, share, rates, separation, shift, d)
    swapped_r = np.where(v < share, 1, 0)
    g = np.random.default_rng(seed)
    z_first = g.standard_normal((n, d))
    u2, v2 = g.random(n), g.random(n)
    r_late = np.where(u2 < share, 1, 0)
    y_late = np.where(v2 < np.where(r_late == 1, rates[1], rates[0]), 1, 0)
    y_same_u = np.where(u < np.where(want_r == 1, rates[1], rates[0]), 1, 0)
    y_rates = np.where(v < np.where(want_r == 1, rates[0], rates[1]), 1, 0)
    assert_close(
        region,
        want_r,
        atol=0,
        rtol=0,
        what="the regions",
        called=called,
        mistakes={ORDER: swapped_r, NORMALS: r_late},
    )
    label_mistakes = {SAME_U: y_same_u, NORMALS: y_late}
    if rates[0] != rates[1]:
        label_mistakes[RATES] = y_rates
    assert_close(
        y, want_y, atol=0, rtol=0, what="the labels y", called=called, mistakes=label_mistakes
    )
    wrong = {
        SQRT: build(want_r, want_y, z, separation * d**0.5, shift, d),
        NO_SHIFT: build(want_r, want_y, z, separation, 0.0, d),
        NORMALS: build(r_late, y_late, z_first, separation, shift, d),
    }
    if d > 1:
        wrong[ALL_FEATURES] = build(want_r, want_y, z, separation, shift, d) + np.outer(
            want_r, np.array([0.0] + [shift] * (d - 1))
        )
    assert_close(
        X,
        build(want_r, want_y, z, separation, shift, d),
        what="the features X",
        called=called,
        mistakes=wrong,
    )
    return X, y, region


@pytest.mark.points(2)
def test_regional_loans_documented_example(kata):
    """Does seed 0 give regions [0, 1, 1, 1], labels [1, 0, 0, 0] and the X shown?"""
    X, y, region = check(kata, 0, 4, 0.5, (0.9, 0.1), 1.0, -2.0, 1)
    assert_close(region, [0, 1, 1, 1], atol=0, rtol=0, what="region")
    assert_close(y, [1, 0, 0, 0], atol=0, rtol=0, what="y")
    assert_close(X.ravel().round(2), [0.3, -3.27, -2.62, -1.96], atol=0, rtol=0, what="X")


@pytest.mark.points(3)
@pytest.mark.parametrize("d", [1, 2, 4])
def test_regional_loans_replays_the_stated_draws(kata, rng, d):
    """Does a seed give exactly the data of two rng.random(n) then standard normals?"""
    for _ in range(3):
        check(
            kata,
            int(rng.integers(2**32)),
            int(rng.integers(1, 300)),
            float(rng.uniform(0.05, 0.95)),
            (float(rng.uniform(0.05, 0.95)), float(rng.uniform(0.05, 0.95))),
            float(rng.uniform(0.0, 3.0)),
            float(rng.uniform(-2.0, 2.0)),
            d,
        )


def test_regional_loans_has_the_stated_distribution(kata):
    """With 200 000 draws: Alaska share, both repayment rates, and the four cloud means?"""
    n, d = 200_000, 2
    X, y, region = check(kata, 2026, n, 0.2, (0.6, 0.4), 2.0, -1.0, d)
    share = float(np.mean(region))
    if abs(share - 0.2) > 5 * (0.2 * 0.8 / n) ** 0.5:
        fail(f"the share of Alaskans is {share:.4f}, expected about 0.2")
    for r, want in ((0, 0.6), (1, 0.4)):
        rate = float(np.mean(y[region == r]))
        if abs(rate - want) > 0.01:
            fail(f"the repayment rate in region {r} is {rate:.4f}, expected about {want}")
    mu = np.full(d, 2.0 / d**0.5)
    for r in (0, 1):
        for label in (0, 1):
            mean = X[(region == r) & (y == label)].mean(axis=0)
            want = label * mu + r * np.array([-1.0, 0.0])
            assert_close(mean, want, atol=0.05, what=f"the mean of region {r}, label {label}")
    assert_close(X[(region == 0) & (y == 0)].var(axis=0), np.ones(d), atol=0.03, what="variances")


def test_regional_loans_uses_only_the_given_generator(kata):
    """Is np.random's global state ignored, and the generator advanced by exactly 2n
    uniforms and n·d normals?"""
    np.random.seed(1)  # noqa: NPY002 (the global state the kata must ignore)
    first = check(kata, 7, 50, 0.3, (0.7, 0.2), 1.0, -1.0, 2)
    np.random.seed(2)  # noqa: NPY002 (the global state the kata must ignore)
    second = check(kata, 7, 50, 0.3, (0.7, 0.2), 1.0, -1.0, 2)
    assert_close(
        second[0],
        first[0],
        atol=0,
        rtol=0,
        what="X after reseeding np.random",
        mistakes={GLOBAL: first[0] + 1},
    )
    rng = np.random.default_rng(99)
    call(kata.regional_loans, 50, rng, 0.3, (0.7, 0.2), 1.0, -1.0, 2)
    g = np.random.default_rng(99)
    g.random(50)
    g.random(50)
    g.standard_normal((50, 2))
    assert_close(
        rng.random(3),
        g.random(3),
        atol=0,
        rtol=0,
        what="the generator's next draws after the call (it drew more or less)",
    )


def test_regional_loans_defaults_and_edge_cases(kata):
    """The defaults are (0.2, (0.6, 0.4), 2.0, -1.0, 2); separation 0 and shift 0 give
    the normals alone; n = 1 works; a list or tuple of rates is accepted."""
    X, y, region = call(kata.regional_loans, 30, np.random.default_rng(5))
    want_r, want_y, _, _, z = replay(5, 30, 0.2, (0.6, 0.4), 2.0, -1.0, 2)
    assert_close(region, want_r, atol=0, rtol=0, what="the regions with the defaults")
    assert_close(y, want_y, atol=0, rtol=0, what="the labels with the defaults")
    assert_close(X, build(want_r, want_y, z, 2.0, -1.0, 2), what="X with the defaults")
    X, _, _ = check(kata, 3, 20, 0.5, (0.5, 0.5), 0.0, 0.0, 3)
    assert_close(X, replay(3, 20, 0.5, (0.5, 0.5), 0.0, 0.0, 3)[4], what="X with no shifts")
    check(kata, 4, 1, 0.5, [0.3, 0.8], 2.0, 1.5, 2)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        ((0, "rng"), "n = 0"),
        ((2.5, "rng"), "n = 2.5"),
        ((True, "rng"), "n = True"),
        ((10, 0), "rng = 0, a seed and not a Generator"),
        ((10, "rng", 0.0), "alaska_share = 0"),
        ((10, "rng", 1.0), "alaska_share = 1"),
        ((10, "rng", 0.2, (0.6, 1.0)), "a repayment rate of 1"),
        ((10, "rng", 0.2, (0.0, 0.5)), "a repayment rate of 0"),
        ((10, "rng", 0.2, (0.6, 0.4, 0.5)), "three repayment rates"),
        ((10, "rng", 0.2, (0.6, 0.4), -1.0), "separation = -1"),
        ((10, "rng", 0.2, (0.6, 0.4), 2.0, float("nan")), "shift = nan"),
        ((10, "rng", 0.2, (0.6, 0.4), 2.0, -1.0, 0), "n_features = 0"),
    ],
)
def test_regional_loans_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    args = tuple(np.random.default_rng(0) if isinstance(a, str) else a for a in args)
    expect_error(ValueError, kata.regional_loans, *args, why=why)
