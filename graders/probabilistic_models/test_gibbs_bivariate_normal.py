"""Grader for probabilistic_models/gibbs_bivariate_normal:
gibbs_bivariate_normal(mean, std, rho, x0, n_samples, rng) -> (n_samples, 2).
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

SEED = 20260523


def replay(mean, std, rho, x0, n, rng, mistake=""):
    """The protocol, one standard normal at a time (with a mistake switched on)."""
    (m1, m2), (s1, s2) = mean, std
    c1 = {"no root": s1 * (1 - rho**2), "no factor": s1}.get(mistake, s1 * math.sqrt(1 - rho**2))
    c2 = {"no root": s2 * (1 - rho**2), "no factor": s2}.get(mistake, s2 * math.sqrt(1 - rho**2))
    r12, r21 = (s2 / s1, s1 / s2) if mistake == "inverted" else (s1 / s2, s2 / s1)
    x1, x2 = float(x0[0]), float(x0[1])
    rows = [(x1, x2)] if mistake == "x0 row" else []
    for _ in range(n):
        old1 = x1
        x1 = m1 + rho * r12 * (x2 - m2) + c1 * rng.standard_normal()
        given = old1 if mistake == "old x1" else x1
        x2 = m2 + rho * r21 * (given - m1) + c2 * rng.standard_normal()
        rows.append((x1, x2))
    return np.array(rows[:n])


MISTAKES = {
    "no root": "conditional std s(1 - rho^2): it is s sqrt(1 - rho^2)",
    "no factor": "conditional std s: conditioning shrinks it to s sqrt(1 - rho^2)",
    "old x1": "x2 drawn given the old x1: use the x1 of this sweep",
    "inverted": "s1/s2 inverted in the conditional means: E[x1 | x2] = mu1 + rho s1/s2 (x2 - mu2)",
    "x0 row": "x0 recorded as the first row: row i is the state after sweep i",
}


def check(kata, mean, std, rho, x0, n, seed=SEED):
    """Run the kata on a seeded generator; compare with the replay and the final state."""
    f = kata.gibbs_bivariate_normal
    rng = np.random.default_rng(seed)
    called = describe_call(f, mean, std, rho, x0, n, rng)
    got = call(f, mean, std, rho, x0, n, rng)
    reference = np.random.default_rng(seed)
    want = replay(mean, std, rho, x0, n, reference)
    wrong = {
        words: replay(mean, std, rho, x0, n, np.random.default_rng(seed), key)
        for key, words in MISTAKES.items()
    }
    scale = max(float(np.max(np.abs(want))), 1e-300)
    assert_close(
        got,
        want,
        rtol=1e-10,
        atol=1e-12 * scale,
        what="the samples",
        called=called,
        mistakes=wrong,
    )
    if rng.bit_generator.state != reference.bit_generator.state:
        fail(
            f"{called}: the samples match but the generator's state after the call does "
            f"not: the protocol draws exactly 2 * n_samples = {2 * n} standard normals"
        )
    return np.asarray(got, dtype=float)


@pytest.mark.points(2)
def test_gibbs_bivariate_normal_documented_example(kata):
    """With rho = 0, is row i mean + std * (z_2i, z_2i+1) whatever x0 is?"""
    x = check(kata, [1.0, -1.0], [2.0, 0.5], 0.0, [9.0, 9.0], 2, seed=0)
    z = np.random.default_rng(0).standard_normal((2, 2))
    assert_close(x, np.array([1.0, -1.0]) + np.array([2.0, 0.5]) * z, what="the samples")


@pytest.mark.points(2)
def test_gibbs_bivariate_normal_small_cases_worked_by_hand(kata):
    """Does one sweep from (mu1, mu2 + s2) move x1 by rho s1 and x2 given that new x1?

    mean (0, 0), std (1, 2), rho = 0.6, x0 = (0, 2): E[x1 | x2 = 2] = 0.6 * (1/2) * 2 = 0.6,
    x1 = 0.6 + 0.8 z1; E[x2 | x1] = 0.6 * 2 * x1, x2 = 1.2 x1 + 1.6 z2.
    """
    x = check(kata, [0.0, 0.0], [1.0, 2.0], 0.6, [0.0, 2.0], 1, seed=5)
    z1, z2 = np.random.default_rng(5).standard_normal(2)
    x1 = 0.6 + 0.8 * z1
    assert_close(x, [[x1, 1.2 * x1 + 1.6 * z2]], what="the one sweep")


@pytest.mark.points(3)
@pytest.mark.parametrize("rho", [-0.95, -0.3, 0.5, 0.99])
def test_gibbs_bivariate_normal_replays_the_protocol(kata, rng, rho):
    """Do random parameters give exactly the replayed chain and generator state?"""
    mean = rng.normal(size=2) * 3
    std = np.exp(rng.normal(size=2))
    x0 = rng.normal(size=2) * 5
    check(kata, mean, std, rho, x0, 50, seed=int(rng.integers(2**31)))


@pytest.mark.points(2)
def test_gibbs_bivariate_normal_long_chain_moments(kata):
    """Do 20 000 sweeps have the target's means, stds and correlation (within ~5 s.e.)?

    rho = 0.5 mixes fast (the x2 chain is AR(1) with coefficient rho^2 = 0.25).
    """
    f = kata.gibbs_bivariate_normal
    rng = np.random.default_rng(SEED)
    x = np.asarray(call(f, [1.0, -2.0], [0.5, 3.0], 0.5, [0.0, 0.0], 20_000, rng), float)
    assert_close(x.mean(axis=0), [1.0, -2.0], rtol=0, atol=[0.025, 0.15], what="the means")
    assert_close(x.std(axis=0), [0.5, 3.0], rtol=0.035, atol=0, what="the stds")
    r = np.corrcoef(x.T)[0, 1]
    assert_close(r, 0.5, rtol=0, atol=0.035, what="the correlation")


@pytest.mark.points(1)
def test_gibbs_bivariate_normal_rho_zero_forgets_x0(kata):
    """With rho = 0, do two different starts give the same rows?"""
    a = check(kata, [0.5, 0.5], [1.0, 1.0], 0.0, [-100.0, 100.0], 5, seed=11)
    b = check(kata, [0.5, 0.5], [1.0, 1.0], 0.0, [3.0, 4.0], 5, seed=11)
    assert_close(a, b, what="the rows from another start")


@pytest.mark.points(1)
def test_gibbs_bivariate_normal_accepts_plain_lists_and_ints(kata):
    """Do lists and integer values work, with n_samples = 1 giving one row?"""
    x = check(kata, [0, 0], [1, 1], 0.25, [1, 1], 1, seed=2)
    assert_close(np.shape(x), (1, 2), what="the shape")


@pytest.mark.parametrize(
    "mean, std, rho, x0, n, why",
    [
        ([0.0], [1.0, 1.0], 0.0, [0.0, 0.0], 3, "mean has 1 entry"),
        ([0.0, 0.0], [1.0, 0.0], 0.0, [0.0, 0.0], 3, "std 0"),
        ([0.0, 0.0], [-1.0, 1.0], 0.0, [0.0, 0.0], 3, "std negative"),
        ([0.0, 0.0], [1.0, 1.0], 1.0, [0.0, 0.0], 3, "rho = 1"),
        ([0.0, 0.0], [1.0, 1.0], -1.5, [0.0, 0.0], 3, "rho < -1"),
        ([0.0, 0.0], [1.0, 1.0], 0.0, [0.0, 0.0, 0.0], 3, "x0 has 3 entries"),
        ([0.0, 0.0], [1.0, 1.0], 0.0, [0.0, 0.0], 0, "n_samples = 0"),
        ([0.0, 0.0], [1.0, 1.0], 0.0, [0.0, 0.0], 2.5, "n_samples not an integer"),
        ([[0.0, 0.0]], [1.0, 1.0], 0.0, [0.0, 0.0], 3, "mean 2-D"),
    ],
    ids=["mean", "std0", "stdneg", "rho1", "rho_low", "x0", "n0", "n_float", "mean2d"],
)
def test_gibbs_bivariate_normal_rejects_bad_input(kata, mean, std, rho, x0, n, why):
    """Does bad input raise ValueError with a message?"""
    rng = np.random.default_rng(0)
    expect_error(ValueError, kata.gibbs_bivariate_normal, mean, std, rho, x0, n, rng, why=why)


def test_gibbs_bivariate_normal_leaves_its_inputs_unchanged(kata):
    """Are mean, std and x0 left exactly as they were?"""
    mean, std, x0 = np.array([1.0, 2.0]), np.array([0.5, 1.5]), np.array([3.0, -3.0])
    check(kata, mean, std, 0.7, x0, 10)
    for name, a, b in [
        ("mean", mean, [1.0, 2.0]),
        ("std", std, [0.5, 1.5]),
        ("x0", x0, [3.0, -3.0]),
    ]:
        assert_close(a, b, rtol=0, atol=0, what=f"{name} after the call")
