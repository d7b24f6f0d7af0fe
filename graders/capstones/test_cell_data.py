"""Grader for capstones/cell_data: cell_data(n, rng, noise) -> (X, capacity, energy),
replayed draw for draw from the stated use of the generator."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

ORDER = "drew the errors before the design variables: the contract draws z (n, 6) first"
BRUGGEMAN = "conductivity and diffusivity scale as (porosity / 0.35) ** 1.5 (Bruggeman)"
PRESSURE = "pressure lowers porosity: porosity = 0.35 - 0.04 z0 + 0.02 z1"
NOISY_Q = "the energy comes from the noise-free capacity, not the measured one"
NO_SCALE = "the measurement errors are 0.05 s e0 and 0.15 s e1: scale them by noise"
LOSSES = "the losses are 0.05 L / sigma + 0.01 r^2 / D, subtracted from 3.7 V"
COLUMNS = (
    "drew one column at a time: one call standard_normal((n, 6)) (then (n, 2)) fills the "
    "array row by row, so cell i gets draws 6i..6i+5"
)
GLOBAL = "drew from np.random's global state: use the rng you are given"


def replay(seed, n, noise, swap=False, columns=""):
    """The cells the contract promises, drawn in its order from a fresh generator,
    with the intermediate quantities (for the messages that name a mistake)."""
    g = np.random.default_rng(seed)
    if swap:
        e = g.standard_normal((n, 2))
        z = g.standard_normal((n, 6))
    elif columns:  # "z" or "e": that block drawn as one call of n per column
        z = g.standard_normal((6, n)).T if columns == "z" else g.standard_normal((n, 6))
        e = g.standard_normal((2, n)).T if columns == "e" else g.standard_normal((n, 2))
    else:
        z = g.standard_normal((n, 6))
        e = g.standard_normal((n, 2))
    cols = {}
    cols["eps"] = 0.35 + 0.02 * z[:, 1] - 0.04 * z[:, 0]
    cols["L"] = np.exp(0.2 * z[:, 2]) * 80
    cols["r"] = np.exp(0.2 * z[:, 3]) * 5
    brug = np.sqrt((cols["eps"] / 0.35) ** 3)
    cols["sigma"] = np.exp(0.15 * z[:, 4]) * brug * 10
    cols["D"] = np.exp(0.15 * z[:, 5]) * brug * 3
    cols["P"] = 20 * z[:, 0] + 100
    X = np.stack([cols[k] for k in ("eps", "L", "r", "sigma", "D", "P")], axis=1)
    q_bar = cols["L"] * (1 - cols["eps"]) * (1.15 - 0.03 * cols["r"]) / 40
    losses = cols["L"] * 0.05 / cols["sigma"] + 0.01 * cols["r"] ** 2 / cols["D"]
    e_bar = 3.7 * q_bar - q_bar * losses
    q = q_bar + noise * 0.05 * e[:, 0]
    energy = e_bar + noise * 0.15 * e[:, 1]
    return X, q, energy, {"z": z, "e": e, "q_bar": q_bar, "losses": losses, **cols}


def check(kata, seed, n, noise=1.0):
    f = kata.cell_data
    rng = np.random.default_rng(seed)
    called = describe_call(f, n, rng, noise)
    result = call(f, n, rng, noise)
    try:
        X, q, energy = result
    except (TypeError, ValueError):
        fail(f"{called} returned {type(result).__name__}: expected (X, capacity, energy)")
    X, q, energy = np.asarray(X), np.asarray(q), np.asarray(energy)
    if X.shape != (n, 6) or q.shape != (n,) or energy.shape != (n,):
        fail(
            f"{called}: X has shape {X.shape}, capacity {q.shape}, energy {energy.shape}; "
            f"expected ({n}, 6), ({n},) and ({n},)"
        )
    want_X, want_q, want_e, parts = replay(seed, n, noise)
    swapped = replay(seed, n, noise, swap=True)
    z_by_column = replay(seed, n, noise, columns="z")
    e_by_column = replay(seed, n, noise, columns="e")
    z = parts["z"]
    no_brug = want_X.copy()
    no_brug[:, 3] = 10 * np.exp(0.15 * z[:, 4])
    no_brug[:, 4] = 3 * np.exp(0.15 * z[:, 5])
    wrong_sign = want_X.copy()
    wrong_sign[:, 0] = 0.35 + 0.04 * z[:, 0] + 0.02 * z[:, 1]
    wrong_sign[:, 3:5] *= (wrong_sign[:, [0]] / want_X[:, [0]]) ** 1.5
    assert_close(
        X,
        want_X,
        what="the design variables X",
        called=called,
        mistakes={
            ORDER: swapped[0],
            COLUMNS: z_by_column[0],
            BRUGGEMAN: no_brug,
            PRESSURE: wrong_sign,
        },
    )
    e = parts["e"]
    assert_close(
        q,
        want_q,
        what="the capacity",
        called=called,
        mistakes={
            ORDER: swapped[1],
            COLUMNS: e_by_column[1],
            NO_SCALE: parts["q_bar"] + 0.05 * e[:, 0],
        },
    )
    noisy_q = want_q * (3.7 - parts["losses"]) + noise * 0.15 * e[:, 1]
    mistakes = {
        ORDER: swapped[2],
        COLUMNS: e_by_column[2],
        NO_SCALE: want_e - noise * 0.15 * e[:, 1] + 0.15 * e[:, 1],
    }
    if noise > 0:
        mistakes[NOISY_Q] = noisy_q
    mistakes[LOSSES] = parts["q_bar"] * 3.7 + noise * 0.15 * e[:, 1]
    assert_close(energy, want_e, what="the energy", called=called, mistakes=mistakes)
    return X, q, energy


@pytest.mark.points(2)
def test_cell_data_documented_example(kata):
    """Does seed 0, noise 0 give the two cells of the docstring?"""
    X, q, energy = check(kata, 0, 2, noise=0.0)
    assert_close(
        X.round(3),
        [
            [0.342, 90.932, 5.106, 8.926, 3.064, 102.515],
            [0.317, 69.497, 3.882, 7.842, 2.599, 126.08],
        ],
        atol=1e-9,
        what="X",
    )
    assert_close(q.round(4), [1.4903, 1.2268], atol=1e-9, what="the capacity")
    assert_close(energy.round(4), [4.6283, 3.9246], atol=1e-9, what="the energy")


def test_cell_data_a_hand_checked_cell(kata):
    """A cell whose normals are all 0 is the nominal design: porosity 0.35, 80 µm, 5 µm,
    10 S/m, 3, 100 MPa, capacity 0.025 * 0.65 * 80 = 1.3 and energy
    1.3 * (3.7 - 0.4 - 0.0833...) = 4.18166...; checked on the returned X of a real seed."""
    X, q, energy = check(kata, 11, 400, noise=0.0)
    eps, L, r, sigma, D, _ = X.T
    if not (np.all(eps > 0) and np.all(L > 0) and np.all(r > 0) and np.all(D > 0)):
        fail("porosity, thickness, radius and diffusivity must all be positive")
    # the stated relations, read off the returned columns
    nominal_q = 0.025 * 0.65 * 80 * 1.0
    nominal_e = nominal_q * (3.7 - 0.05 * 80 / 10 - 0.01 * 25 / 3)
    assert_close(nominal_q, 1.3, atol=1e-12, what="the nominal capacity")
    assert_close(nominal_e, 4.181666666666667, atol=1e-12, what="the nominal energy")
    assert_close(
        q,
        0.025 * (1 - eps) * L * (1 - 0.03 * (r - 5)),
        what="the noise-free capacity from the returned porosity, thickness and radius",
    )
    assert_close(
        energy,
        q * (3.7 - 0.05 * L / sigma - 0.01 * r * r / D),
        what="the noise-free energy from the returned capacity, thickness, radius, sigma, D",
        mistakes={LOSSES: q * 3.7},
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("noise", [0.0, 1.0, 2.5])
def test_cell_data_replays_the_stated_draws(kata, rng, noise):
    """Does a seed give exactly the cells of rng.standard_normal((n, 6)) then
    rng.standard_normal((n, 2))?"""
    for _ in range(3):
        check(kata, int(rng.integers(2**32)), int(rng.integers(1, 300)), noise)


def test_cell_data_noise_zero_gives_the_same_design_and_the_true_targets(kata):
    """Same seed, noise 0 and 1: same X, and the targets differ by 0.05 e0 and 0.15 e1
    (so noise = 2 differs by twice as much)?"""
    X0, q0, e0 = check(kata, 5, 100, 0.0)
    X1, q1, e1 = check(kata, 5, 100, 1.0)
    X2, q2, e2 = check(kata, 5, 100, 2.0)
    assert_close(X1, X0, atol=0, rtol=0, what="X with noise 1 against noise 0")
    assert_close(q2 - q0, 2 * (q1 - q0), what="the capacity error at noise 2")
    assert_close(e2 - e0, 2 * (e1 - e0), what="the energy error at noise 2")
    g = np.random.default_rng(5)
    g.standard_normal((100, 6))
    errors = g.standard_normal((100, 2))
    assert_close(q1 - q0, 0.05 * errors[:, 0], what="the capacity error", atol=1e-10)
    assert_close(e1 - e0, 0.15 * errors[:, 1], what="the energy error", atol=1e-10)


def test_cell_data_has_the_stated_correlations(kata):
    """With 50 000 cells: corr(porosity, pressure) near -2/sqrt(5), porosity mean 0.35,
    log-thickness sd 0.2, thickness independent of porosity?"""
    X, _, _ = check(kata, 2024, 50_000, 1.0)
    corr = np.corrcoef(X, rowvar=False)
    assert_close(corr[0, 5], -2 / math.sqrt(5), atol=0.01, what="corr(porosity, pressure)")
    assert_close(X[:, 0].mean(), 0.35, atol=0.002, what="the mean porosity")
    assert_close(np.log(X[:, 1]).std(), 0.2, atol=0.005, what="the sd of log thickness")
    assert_close(corr[0, 1], 0.0, atol=0.03, what="corr(porosity, thickness)")
    if not corr[0, 3] > 0.6:
        fail(f"corr(porosity, conductivity) is {corr[0, 3]:.3f}: expected about 0.8")


def test_cell_data_uses_only_the_given_generator(kata):
    """Is np.random's global state ignored, and the given generator advanced by exactly
    6n + 2n normals?"""
    np.random.seed(1)  # noqa: NPY002 (the global state the kata must ignore)
    first = check(kata, 7, 30, 1.0)
    np.random.seed(2)  # noqa: NPY002 (the global state the kata must ignore)
    second = check(kata, 7, 30, 1.0)
    assert_close(
        second[0],
        first[0],
        atol=0,
        rtol=0,
        what="X after reseeding np.random",
        mistakes={GLOBAL: first[0] + 1},
    )
    rng = np.random.default_rng(99)
    call(kata.cell_data, 30, rng, 1.0)
    g = np.random.default_rng(99)
    g.standard_normal((30, 6))
    g.standard_normal((30, 2))
    assert_close(
        rng.random(3),
        g.random(3),
        atol=0,
        rtol=0,
        what="the generator's next draws after the call (it drew more or less)",
    )


def test_cell_data_one_cell_and_numpy_integer(kata):
    """n = 1 and n = np.int64(3) work?"""
    check(kata, 4, 1, 1.0)
    result = call(kata.cell_data, np.int64(3), np.random.default_rng(4), 1.0)
    want = replay(4, 3, 1.0)
    assert_close(np.asarray(result[0]), want[0], what="X for n = np.int64(3)")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        ((0, "rng"), "n = 0"),
        ((2.5, "rng"), "n = 2.5"),
        ((True, "rng"), "n = True"),
        ((10, 0), "rng = 0, a seed and not a Generator"),
        ((10, "rng", -1.0), "noise = -1"),
        ((10, "rng", float("nan")), "noise = nan"),
        ((10, "rng", float("inf")), "noise = inf"),
    ],
)
def test_cell_data_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    args = tuple(np.random.default_rng(0) if a == "rng" else a for a in args)
    expect_error(ValueError, kata.cell_data, *args, why=why)
