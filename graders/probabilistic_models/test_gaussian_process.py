"""Grader for probabilistic_models/gaussian_process:
gp_regression(X_train, y_train, X_test, length_scale, signal_var, noise_var)
-> GP(mean, var, log_marginal_likelihood).
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fields

FIELDS = ["mean", "var", "log_marginal_likelihood"]
LOG_2PI = math.log(2 * math.pi)


def sq_dists(A, B):
    """Squared distances, one pair at a time."""
    out = np.zeros((len(A), len(B)))
    for i, a in enumerate(A):
        for j, b in enumerate(B):
            out[i, j] = float(np.dot(a - b, a - b))
    return out


def posterior(X, y, Xs, ell, sf2, sn2, kernel_scale=2.0, ell_power=2, noise_in_K=True):
    """mean, latent var, log p(y) with np.linalg.solve and slogdet (no Cholesky)."""
    K = sf2 * np.exp(-sq_dists(X, X) / (kernel_scale * ell**ell_power))
    Ks = sf2 * np.exp(-sq_dists(X, Xs) / (kernel_scale * ell**ell_power))
    Ky = K + sn2 * np.eye(len(X)) if noise_in_K else K
    mean = Ks.T @ np.linalg.solve(Ky, y)
    var = sf2 - np.einsum("ij,ij->j", Ks, np.linalg.solve(Ky, Ks))
    sign, logdet = np.linalg.slogdet(Ky)
    lml = -0.5 * y @ np.linalg.solve(Ky, y) - 0.5 * logdet - 0.5 * len(X) * LOG_2PI
    return mean, np.maximum(var, 0.0), lml, logdet, np.linalg.cond(Ky)


def check(kata, X, y, Xs, ell=1.0, sf2=1.0, sn2=1e-2):
    """Call the kata with all three hyperparameters, compare with the reference, return."""
    f = kata.gp_regression
    X, y, Xs = (np.asarray(a, dtype=float) for a in (X, y, Xs))
    called = describe_call(f, X, y, Xs, ell, sf2, sn2)
    result = fields(call(f, X, y, Xs, ell, sf2, sn2), FIELDS, "gp_regression")
    mean, var, lml, logdet, cond = posterior(X, y, Xs, ell, sf2, sn2)
    # the accuracy of any backward-stable solve follows K_y's condition number
    rtol = max(1e-8, 1e-14 * cond)
    scale_y = float(np.max(np.abs(y))) or 1.0
    no_two = posterior(X, y, Xs, ell, sf2, sn2, kernel_scale=1.0)
    ell_not_squared = posterior(X, y, Xs, ell, sf2, sn2, ell_power=1)
    with np.errstate(all="ignore"):
        try:
            no_noise = posterior(X, y, Xs, ell, sf2, sn2, noise_in_K=False)
        except np.linalg.LinAlgError:
            no_noise = [np.full(len(Xs), np.nan)] * 3
    kernel_mistakes = {
        "the kernel as exp(-|x - x'|^2 / l^2): the 2 of 2 l^2 dropped": no_two,
        "the kernel as exp(-|x - x'|^2 / (2 l)): the length scale not squared": ell_not_squared,
        "noise_var left out of K_y = K + noise_var I": no_noise,
    }
    mean_mistakes = {k: v[0] for k, v in kernel_mistakes.items()}
    mean_mistakes["y centred (mean of y subtracted, then added back): use y as given"] = (
        posterior(X, y - y.mean(), Xs, ell, sf2, sn2)[0] + y.mean()
    )
    var_mistakes = {k: v[1] for k, v in kernel_mistakes.items()}
    var_mistakes["noise_var added to var: that is the variance of a new y, not of f"] = var + sn2
    lml_mistakes = {k: v[2] for k, v in kernel_mistakes.items()}
    lml_mistakes["1/2 log|K_y| taken as 1/2 sum log L_ii: log|K_y| = 2 sum log L_ii"] = (
        lml + 0.25 * logdet
    )
    lml_mistakes["the whole log|K_y| subtracted: the log marginal likelihood has -1/2 log|K_y|"] = (
        lml - 0.5 * logdet
    )
    lml_mistakes["the log marginal likelihood without -(n/2) log 2 pi"] = (
        lml + 0.5 * len(X) * LOG_2PI
    )
    got_mean, got_var, got_lml = result
    assert_close(
        got_mean,
        mean,
        rtol=rtol,
        atol=rtol * scale_y,
        what="mean",
        called=called,
        mistakes=mean_mistakes,
    )
    assert_close(
        got_var, var, rtol=rtol, atol=rtol * sf2, what="var", called=called, mistakes=var_mistakes
    )
    if not isinstance(got_lml, (float, np.floating)) and np.shape(got_lml) != ():
        pytest.fail(f"{called}: log_marginal_likelihood should be a float, got {got_lml!r}")
    assert_close(
        got_lml,
        lml,
        rtol=rtol,
        atol=rtol * (abs(logdet) + len(X)),
        what="log_marginal_likelihood",
        called=called,
        mistakes=lml_mistakes,
    )
    return np.asarray(got_mean, float), np.asarray(got_var, float), float(got_lml)


@pytest.mark.points(2)
def test_gp_regression_documented_example(kata):
    """Does one point (0, 1) with noise_var = 1 give mean 1/2, e^-1/2 / 2 and var 1/2, 1 - e^-1/2?

    K_y = 1 + 1 = 2; at x = 0 k = 1, at x = 1 k = e^-1/2; log p(y) = -1/4 - log(2)/2 -
    log(2 pi)/2.
    """
    f = kata.gp_regression
    called = describe_call(f, [[0.0]], [1.0], [[0.0], [1.0]], noise_var=1.0)
    mean, var, lml = fields(
        call(f, [[0.0]], [1.0], [[0.0], [1.0]], noise_var=1.0), FIELDS, "gp_regression"
    )
    assert_close(mean, [0.5, math.exp(-0.5) / 2], what="mean", called=called)
    assert_close(var, [0.5, 1 - math.exp(-1) / 2], what="var", called=called)
    want = -0.25 - 0.5 * math.log(2) - 0.5 * LOG_2PI
    assert_close(lml, want, what="log_marginal_likelihood", called=called)


@pytest.mark.points(2)
def test_gp_regression_small_cases_worked_by_hand(kata):
    """Do two points so far apart that they are independent give the one-point answers?

    x = 0 and x = 100 (k = e^-5000 = 0): at each training input the mean is
    signal_var y / (signal_var + noise_var) and the var signal_var noise_var /
    (signal_var + noise_var); with signal_var = 2, noise_var = 0.5, y = (5, -1): means 4 and
    -0.8, vars 0.4, and log p(y) the sum of two N(y_i; 0, 2.5) log densities.
    """
    mean, var, lml = check(kata, [[0.0], [100.0]], [5.0, -1.0], [[0.0], [100.0]], 1.0, 2.0, 0.5)
    assert_close(mean, [4.0, -0.8], what="mean")
    assert_close(var, [0.4, 0.4], what="var")
    want = sum(-0.5 * v * v / 2.5 - 0.5 * math.log(2.5) - 0.5 * LOG_2PI for v in (5.0, -1.0))
    assert_close(lml, want, what="log_marginal_likelihood")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, m, d", [(1, 3, 1), (5, 4, 1), (12, 6, 2), (20, 5, 3)])
def test_gp_regression_matches_an_independent_computation(kata, rng, n, m, d):
    """Do random problems agree with solve/slogdet of K_y (tolerance following its condition)?"""
    for _ in range(4):
        X = rng.uniform(-3, 3, size=(n, d))
        y = np.sin(X).sum(axis=1) + 0.1 * rng.normal(size=n) + 2.0
        Xs = rng.uniform(-4, 4, size=(m, d))
        ell, sf2 = 10 ** rng.uniform(-0.3, 0.5), 10 ** rng.uniform(-1, 1)
        sn2 = sf2 * 10 ** rng.uniform(-4, 0)
        check(kata, X, y, Xs, ell, sf2, sn2)


@pytest.mark.points(2)
def test_gp_regression_small_noise_and_repeated_inputs(kata, rng):
    """Do noise_var = 1e-6 signal_var and a repeated training input still give the posterior?"""
    X = np.array([[0.0], [0.5], [0.5], [1.3], [2.0]])
    y = np.array([0.2, 1.0, 1.1, -0.4, 0.3])
    mean, var, _ = check(kata, X, y, np.vstack([X, [[0.9]]]), 0.7, 3.0, 3e-6)
    if np.any(var < 0):
        pytest.fail(f"var has negative entries {var}: clip negative rounding to 0")


@pytest.mark.points(2)
def test_gp_regression_repeated_input_is_one_averaged_observation(kata):
    """Are two observations at one x the same as their mean observed with half the noise?"""
    X2, y2 = [[0.3], [0.3], [1.0]], [1.0, 2.0, -1.0]
    Xs = [[0.0], [0.5], [2.0]]
    mean2, var2, _ = check(kata, X2, y2, Xs, 0.8, 1.5, 0.2)
    # one averaged observation at 0.3 with noise 0.1 besides (1.0, -1.0) with noise 0.2
    K = 1.5 * np.exp(-sq_dists(np.array([[0.3], [1.0]]), np.array([[0.3], [1.0]])) / 1.28)
    Ky = K + np.diag([0.1, 0.2])
    Ks = 1.5 * np.exp(-sq_dists(np.array([[0.3], [1.0]]), np.array(Xs)) / 1.28)
    assert_close(mean2, Ks.T @ np.linalg.solve(Ky, [1.5, -1.0]), what="mean")
    assert_close(var2, 1.5 - np.sum(Ks * np.linalg.solve(Ky, Ks), axis=0), what="var")


@pytest.mark.points(2)
def test_gp_regression_far_from_the_data_reverts_to_the_prior(kata, rng):
    """Far from every training input, is the mean 0 and var signal_var?"""
    X = rng.normal(size=(6, 2))
    y = rng.normal(size=6) + 5.0
    mean, var, _ = check(kata, X, y, [[50.0, 50.0], [-80.0, 3.0]], 1.0, 2.5, 0.1)
    assert_close(mean, [0.0, 0.0], what="mean far away (the prior mean, y not centred)")
    assert_close(var, [2.5, 2.5], what="var far away (signal_var)")


@pytest.mark.points(2)
def test_gp_regression_log_marginal_likelihood_is_the_gaussian_density(kata, rng):
    """Is log_marginal_likelihood log N(y; 0, K_y), its gradient in y being -K_y^-1 y?"""
    X = rng.uniform(-2, 2, size=(7, 1))
    y = rng.normal(size=7)
    f = kata.gp_regression
    lml = float(fields(call(f, X, y, X[:1], 0.9, 1.2, 0.05), FIELDS, "gp_regression")[2])
    Ky = 1.2 * np.exp(-sq_dists(X, X) / (2 * 0.81)) + 0.05 * np.eye(7)
    # log N via the eigen-decomposition: sum of 1-D Gaussians in the eigenbasis
    lam, U = np.linalg.eigh(Ky)
    z = U.T @ y
    want = float(np.sum(-0.5 * z * z / lam - 0.5 * np.log(lam) - 0.5 * LOG_2PI))
    assert_close(lml, want, what="log_marginal_likelihood")


@pytest.mark.parametrize(
    "args, why",
    [
        (([0.0, 1.0], [1.0, 2.0], [[0.0]]), "X_train is 1-D"),
        (([[0.0], [1.0]], [1.0, 2.0], [0.0]), "X_test is 1-D"),
        (([[0.0], [1.0]], [1.0, 2.0], [[0.0, 1.0]]), "different d"),
        ((np.zeros((0, 1)), [], [[0.0]]), "no training points"),
        (([[0.0]], [1.0], np.zeros((0, 1))), "no test points"),
        ((np.zeros((2, 0)), [1.0, 2.0], np.zeros((1, 0))), "d = 0"),
        (([[0.0], [1.0]], [1.0], [[0.0]]), "y_train too short"),
        (([[0.0], [1.0]], [[1.0], [2.0]], [[0.0]]), "y_train 2-D"),
        (([[0.0]], [1.0], [[0.0]], 0.0), "length_scale = 0"),
        (([[0.0]], [1.0], [[0.0]], 1.0, -1.0), "signal_var < 0"),
        (([[0.0]], [1.0], [[0.0]], 1.0, 1.0, 0.0), "noise_var = 0"),
        (([[0.0]], [1.0], [[0.0]], 1.0, 1.0, np.nan), "noise_var nan"),
    ],
    ids=[
        "X_train_1d",
        "X_test_1d",
        "d",
        "no_train",
        "no_test",
        "d0",
        "y_short",
        "y_2d",
        "ell0",
        "sf2neg",
        "sn2zero",
        "sn2nan",
    ],
)
def test_gp_regression_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.gp_regression, *args, why=why)


def test_gp_regression_leaves_its_inputs_unchanged(kata, rng):
    """Are X_train, y_train and X_test left exactly as they were?"""
    X, y, Xs = rng.normal(size=(5, 2)), rng.normal(size=5), rng.normal(size=(3, 2))
    check(kata, X, y, Xs, 1.3, 0.8, 0.05)  # call() fails the test if an argument is modified
