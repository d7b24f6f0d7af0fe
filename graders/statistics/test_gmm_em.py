"""Grader for statistics/gmm_em: gmm_em_step(X, weights, means, covs)
-> GMMStep(weights, means, covs, log_likelihood), one EM iteration of a Gaussian mixture."""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
)

FIELDS = ("weights", "means", "covs", "log_likelihood")


def log_joint(X, weights, means, covs):
    """log pi_k + log N(x_i | mu_k, Sigma_k), through slogdet and the explicit inverse."""
    n, d = X.shape
    out = np.empty((n, len(weights)))
    for k in range(len(weights)):
        diff = X - means[k]
        _, log_det = np.linalg.slogdet(covs[k])
        maha = np.einsum("ij,jl,il->i", diff, np.linalg.inv(covs[k]), diff)
        out[:, k] = math.log(weights[k]) - 0.5 * (d * math.log(2 * math.pi) + log_det + maha)
    return out


def total_log_likelihood(X, weights, means, covs):
    return float(np.sum(np.logaddexp.reduce(log_joint(X, weights, means, covs), axis=1)))


def reference(X, weights, means, covs):
    """One EM step computed independently, and the values some mistakes give."""
    n, d = X.shape
    joint = log_joint(X, weights, means, covs)
    norm = np.logaddexp.reduce(joint, axis=1)
    resp = np.exp(joint - norm[:, None])
    totals = resp.sum(axis=0)
    K = len(weights)
    new_means = np.array([np.sum(resp[:, [k]] * X, axis=0) / totals[k] for k in range(K)])
    new_covs = np.array(
        [
            np.einsum("i,ij,il->jl", resp[:, k], X - new_means[k], X - new_means[k]) / totals[k]
            for k in range(K)
        ]
    )
    old_mean_covs = np.array(
        [
            np.einsum("i,ij,il->jl", resp[:, k], X - means[k], X - means[k]) / totals[k]
            for k in range(K)
        ]
    )
    want = {
        "weights": totals / n,
        "means": new_means,
        "covs": new_covs,
        "log_likelihood": float(norm.sum()),
    }
    mistakes = {
        "weights": {"the weights are N_k: divide by n so that they sum to 1": totals},
        "means": {
            "the means divided by n instead of N_k": new_means * totals[:, None] / n,
        },
        "covs": {
            "the covariances around the OLD means: use the updated means": old_mean_covs,
            "the covariances divided by n instead of N_k": new_covs * totals[:, None, None] / n,
        },
        "log_likelihood": {
            "the log-likelihood of the UPDATED parameters: report that of the input ones": (
                total_log_likelihood(X, totals / n, new_means, new_covs)
            ),
            "the mean log-likelihood per point: report the total (summed over points)": float(
                norm.mean()
            ),
        },
    }
    return want, mistakes


def check(kata, X, weights, means, covs, strict=False, **tolerance):
    f = kata.gmm_em_step
    called = describe_call(f, X, weights, means, covs)
    result = (call_strictly if strict else call)(f, X, weights, means, covs)
    got = dict(zip(FIELDS, fields(result, FIELDS, "gmm_em_step"), strict=True))
    X, weights, means, covs = (np.asarray(v, dtype=float) for v in (X, weights, means, covs))
    want, mistakes = reference(X, weights, means, covs)
    for name in FIELDS:
        size = float(np.abs(want[name]).max())
        scale = {
            "atol": 1e-9 * (size if name in ("means", "covs") and size > 0 else max(1.0, size))
        }
        scale.update(tolerance)
        assert_close(
            got[name],
            want[name],
            what=name,
            called=called,
            mistakes=mistakes[name],
            **scale,
        )
    return got


def make_problem(rng, n, d, K):
    means = rng.uniform(-4, 4, size=(K, d))
    factors = rng.standard_normal((K, d, d)) * 0.6
    covs = np.einsum("kij,klj->kil", factors, factors) + 0.5 * np.eye(d)
    weights = rng.dirichlet(np.full(K, 3.0))
    labels = rng.choice(K, size=n, p=weights)
    X = means[labels] + rng.standard_normal((n, d))
    start_means = means + rng.normal(0, 0.5, size=(K, d))
    return X, weights, start_means, covs


@pytest.mark.points(2)
def test_gmm_em_step_documented_example(kata):
    """Do two well-separated pairs around 0 and 10 stay put, with total log-likelihood
    4 (log 0.5 - log(2 pi) / 2 - 1/2)?"""
    X = [[-1.0], [1.0], [9.0], [11.0]]
    got = check(kata, X, [0.5, 0.5], [[0.0], [10.0]], [[[1.0]], [[1.0]]])
    expected = 4 * (math.log(0.5) - 0.5 * math.log(2 * math.pi) - 0.5)
    assert_close(got["log_likelihood"], expected, what="log_likelihood", rtol=1e-9)


@pytest.mark.points(2)
def test_gmm_em_step_single_component_is_the_mle(kata, rng):
    """With K = 1, is one step the Gaussian MLE (weight 1, sample mean, covariance / n)?"""
    X = rng.standard_normal((40, 2)) @ [[1.0, 0.5], [0.0, 2.0]] + [3.0, -1.0]
    got = check(kata, X, [1.0], [[0.0, 0.0]], [np.eye(2)])
    centred = X - X.mean(axis=0)
    assert_close(got["weights"], [1.0], what="weights")
    assert_close(got["means"], [X.mean(axis=0)], what="means")
    assert_close(got["covs"], [centred.T @ centred / 40], what="covs")
    log_density = -0.5 * np.sum(X**2, axis=1) - math.log(2 * math.pi)
    assert_close(got["log_likelihood"], log_density.sum(), what="log_likelihood")


@pytest.mark.points(4)
@pytest.mark.parametrize("n, d, K", [(60, 2, 3), (200, 3, 2), (30, 1, 4), (500, 4, 3)])
def test_gmm_em_step_random_mixtures(kata, rng, n, d, K):
    """On random mixtures, does one step match an independent E-step and M-step?"""
    check(kata, *make_problem(rng, n, d, K))


@pytest.mark.points(2)
def test_gmm_em_step_never_decreases_the_likelihood(kata, rng):
    """Is the log-likelihood reported by a second step at least that of the first?"""
    X, weights, means, covs = make_problem(rng, 100, 2, 3)
    first = check(kata, X, weights, means, covs)
    second = check(kata, X, first["weights"], first["means"], first["covs"])
    if not second["log_likelihood"] >= first["log_likelihood"] - 1e-9:
        fail(
            f"the log-likelihood went down from {first['log_likelihood']} to "
            f"{second['log_likelihood']}: EM never decreases it"
        )


@pytest.mark.points(3)
@pytest.mark.parametrize("d", [1, 2])
def test_gmm_em_step_point_far_from_every_mean(kata, rng, d):
    """With one point 1e3 standard deviations from every mean, is everything finite and right?

    Every density of that point underflows to 0, so computing responsibilities as
    p / sum(p) gives 0/0; in log space (log-sum-exp) they are fine.
    """
    X, weights, means, covs = make_problem(rng, 40, d, 2)
    covs = np.array([np.eye(d), 2.0 * np.eye(d)])
    X = np.vstack([X, np.full((1, d), 1e3 * math.sqrt(2.0))])
    got = check(kata, X, weights, means, covs, strict=True)
    for name in FIELDS:
        if not np.all(np.isfinite(np.asarray(got[name], dtype=float))):
            fail(f"{name} is not finite for data with a point far from every mean")


def test_gmm_em_step_weights_sum_to_one_and_covs_are_symmetric(kata, rng):
    """Do the new weights sum to 1 and are the new covariances symmetric?"""
    got = check(kata, *make_problem(rng, 80, 3, 3))
    assert_close(np.sum(got["weights"]), 1.0, what="the sum of the new weights")
    covs = np.asarray(got["covs"], dtype=float)
    assert_close(covs, np.transpose(covs, (0, 2, 1)), what="covs against their transposes")


def test_gmm_em_step_leaves_inputs_unchanged(kata, rng):
    """Are X, weights, means and covs left exactly as they were?"""
    check(kata, *make_problem(rng, 30, 2, 2))


RELATIVE_SYMMETRY = (
    "symmetry is relative to the size of the matrix: max|C - C^T| <= 1e-10 * max|C|, "
    "not an absolute tolerance"
)


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e4, 1e-4], ids=["1e4", "1e-4"])
def test_gmm_em_step_data_at_extreme_scales(kata, rng, scale):
    """Data scaled by 1e4 or 1e-4 (covariances of size 1e8 or 1e-8): right, and symmetry
    judged relative to each covariance's size?

    An asymmetry of 1e-11 * max|C| is round-off (accepted), one of 1e-4 * max|C| is not
    (ValueError), whatever the scale.
    """
    X, weights, means, covs = make_problem(rng, 40, 2, 2)
    X, means, covs = X * scale, means * scale, covs * scale**2
    check(kata, X, weights, means, covs)
    close = covs.copy()
    close[0, 0, 1] += 1e-11 * np.abs(covs[0]).max()
    try:
        check(kata, X, weights, means, close, rtol=1e-6)
    except ValueError as exc:
        fail(
            f"{describe_call(kata.gmm_em_step, X, weights, means, close)} raised ValueError "
            f"({exc}): covs[0] is symmetric to 1e-11 relative; " + RELATIVE_SYMMETRY
        )
    far = covs.copy()
    far[0, 0, 1] += 1e-4 * np.abs(covs[0]).max()
    expect_error(
        ValueError,
        kata.gmm_em_step,
        X,
        weights,
        means,
        far,
        why="covs[0] is 1e-4 * max|C| away from symmetric; " + RELATIVE_SYMMETRY,
    )


GOOD_X = [[0.0, 0.0], [1.0, 1.0], [4.0, 4.0]]
GOOD_W = [0.5, 0.5]
GOOD_M = [[0.0, 0.0], [4.0, 4.0]]
GOOD_C = [np.eye(2), np.eye(2)]


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, weights, means, covs, why",
    [
        (GOOD_X, [0.5, 0.6], GOOD_M, GOOD_C, "the weights sum to 1.1"),
        (GOOD_X, [0.5, 0.5 - 1e-8], GOOD_M, GOOD_C, "the weights sum to 1 - 1e-8 (tol 1e-9)"),
        (GOOD_X, [1.5, -0.5], GOOD_M, GOOD_C, "a negative weight"),
        (GOOD_X, GOOD_W, [[0.0, 0.0]], GOOD_C, "means has 1 row for 2 components"),
        (GOOD_X, GOOD_W, GOOD_M, [np.eye(3), np.eye(3)], "covs are 3 x 3 for 2-D data"),
        (np.empty((0, 2)), GOOD_W, GOOD_M, GOOD_C, "X has no rows"),
        (GOOD_X, GOOD_W, GOOD_M, [np.eye(2), [[1.0, 0.5], [0.0, 1.0]]], "covs[1] is not symmetric"),
    ],
    ids=[
        "weights-sum",
        "weights-sum-1e-8",
        "negative-weight",
        "means-shape",
        "covs-shape",
        "empty",
        "asymmetric",
    ],
)
def test_gmm_em_step_rejects_bad_input(kata, X, weights, means, covs, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.gmm_em_step, X, weights, means, covs, why=why)


def test_gmm_em_step_not_positive_definite_raises_linalgerror(kata):
    """Does a covariance that is not positive definite raise numpy.linalg.LinAlgError?"""
    covs = [np.eye(2), [[1.0, 2.0], [2.0, 1.0]]]  # eigenvalues 3 and -1
    expect_error(
        np.linalg.LinAlgError,
        kata.gmm_em_step,
        GOOD_X,
        GOOD_W,
        GOOD_M,
        covs,
        why="covs[1] has a negative eigenvalue",
    )
