"""Grader for probability/log_posterior:
sequential_log_posterior(log_prior, log_likelihoods) -> normalised log posterior (k,)."""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe_call,
    expect_error,
)


def reference(log_prior, log_likelihoods):
    """Column sums with math.fsum, then a max-shifted log-sum-exp, in plain Python."""
    log_prior = np.asarray(log_prior, dtype=float)
    L = np.asarray(log_likelihoods, dtype=float)
    joint = []
    for i in range(log_prior.size):
        if log_prior[i] == -math.inf or np.any(L[:, i] == -math.inf):
            joint.append(-math.inf)
        else:
            joint.append(math.fsum([float(log_prior[i]), *L[:, i].tolist()]))
    top = max(joint)
    norm = top + math.log(math.fsum(math.exp(v - top) for v in joint))
    return np.array(joint), np.array([v - norm for v in joint])


def check(kata, log_prior, log_likelihoods, *, stable=False, **tolerance):
    f = kata.sequential_log_posterior
    called = describe_call(f, log_prior, log_likelihoods)
    if stable:
        result = call_strictly(f, log_prior, log_likelihoods)
    else:
        result = call(f, log_prior, log_likelihoods)
    joint, want = reference(log_prior, log_likelihoods)
    finite = joint[np.isfinite(joint)]
    mistakes = {
        "not normalised: subtract the log-sum-exp of the unnormalised log posterior": joint,
        "shifted by the maximum only: subtract the whole log-sum-exp, not just the max": joint
        - finite.max(),
        "the prior was left out: add log_prior to the summed log-likelihoods": reference(
            np.zeros(len(joint)), log_likelihoods
        )[1],
    }
    assert_close(
        result, want, what="the log posterior", called=called, mistakes=mistakes, **tolerance
    )
    return np.asarray(result, dtype=float)


@pytest.mark.points(2)
def test_sequential_log_posterior_documented_example(kata):
    """Do two observations with likelihoods (0.8, 0.2) turn (1/2, 1/2) into (16/17, 1/17)?

    The joint is (0.5 * 0.64, 0.5 * 0.04), so the posterior is (0.64, 0.04) / 0.68.
    """
    result = check(kata, np.log([0.5, 0.5]), np.log([[0.8, 0.2], [0.8, 0.2]]))
    assert_close(np.exp(result), [16 / 17, 1 / 17], what="exp(log posterior)")


@pytest.mark.points(2)
def test_sequential_log_posterior_hand_checked_case(kata):
    """Do flips H, H, T with prior (2/3, 1/3) on P(H) in {0.5, 0.75} give (16/25, 9/25)?

    The likelihoods are 1/8 = 8/64 and 0.75^2 * 0.25 = 9/64, so the joint is
    (16/192, 9/192).
    """
    log_lik = np.log([[0.5, 0.75], [0.5, 0.75], [0.5, 0.25]])
    result = check(kata, np.log([2 / 3, 1 / 3]), log_lik)
    assert_close(np.exp(result), [16 / 25, 9 / 25], what="exp(log posterior)")


def test_sequential_log_posterior_unnormalised_prior(kata, rng):
    """Does adding a constant (here 700) to log_prior leave the posterior unchanged?"""
    log_prior = np.log(rng.dirichlet(np.ones(4)))
    log_lik = rng.normal(-1.0, 1.0, size=(6, 4))
    base = check(kata, log_prior, log_lik)
    shifted = check(kata, log_prior + 700.0, log_lik, stable=True)
    assert_close(shifted, base, what="the log posterior with log_prior + 700")


@pytest.mark.points(3)
@pytest.mark.parametrize("n_obs, k", [(1, 3), (20, 5), (200, 10)])
def test_sequential_log_posterior_random_cases(kata, rng, n_obs, k):
    """Do random log-likelihoods match an independent fsum + log-sum-exp?"""
    check(kata, rng.normal(size=k), rng.normal(-2.0, 1.5, size=(n_obs, k)))


@pytest.mark.points(4)
def test_sequential_log_posterior_ten_thousand_observations(kata):
    """After 10 000 Bernoulli observations, is the log posterior exact (no underflow)?

    Every likelihood product is about 1e-3000, far below the smallest float, so working
    with probabilities gives 0 / 0. The coin hypotheses are P(H) in {0.3, 0.5, 0.55, 0.7}.
    """
    rng = np.random.default_rng(20260101)
    heads = rng.random(10_000) < 0.55
    theta = np.array([0.3, 0.5, 0.55, 0.7])
    log_lik = np.where(heads[:, None], np.log(theta), np.log1p(-theta))
    # rtol 1e-10: the entries are about -1e3; the near-zero one needs the absolute 1e-8
    result = check(kata, np.log(np.full(4, 0.25)), log_lik, stable=True, rtol=1e-10, atol=1e-8)
    assert_close(np.exp(result).sum(), 1.0, what="the sum of exp(log posterior)")


def test_sequential_log_posterior_zero_prior_stays_ruled_out(kata):
    """Does a hypothesis with log_prior -inf (or a -inf log-likelihood) get -inf?"""
    with np.errstate(divide="ignore"):
        log_lik = np.log(np.array([[0.2, 0.5, 0.0], [0.4, 0.5, 0.9], [0.1, 0.3, 0.2]]))
        log_prior = np.log(np.array([0.0, 0.5, 0.5]))
    result = check(kata, log_prior, log_lik, stable=True)
    assert_close(result[[0, 2]], [-np.inf, -np.inf], what="the ruled-out entries")


def test_sequential_log_posterior_no_observations(kata):
    """With n_obs = 0, is the result the normalised log prior?"""
    result = check(kata, np.log([1.0, 3.0]), np.zeros((0, 2)))
    assert_close(result, np.log([0.25, 0.75]), what="the log posterior")


def test_sequential_log_posterior_leaves_inputs_unchanged(kata, rng):
    """Are log_prior and log_likelihoods left exactly as they were?"""
    log_prior, log_lik = rng.normal(size=3), rng.normal(size=(5, 3))
    check(kata, log_prior, log_lik)  # call() compares log_prior and log_lik after the call


@pytest.mark.parametrize(
    "log_prior, log_lik, why",
    [
        ([], np.zeros((3, 0)), "there are no hypotheses"),
        ([0.0, 0.0], np.zeros((3, 3)), "log_likelihoods has 3 columns for 2 hypotheses"),
        ([0.0, 0.0], np.zeros(2), "log_likelihoods is 1-D, it must be (n_obs, k)"),
        ([[0.0, 0.0]], np.zeros((1, 2)), "log_prior is 2-D"),
        ([-np.inf, -np.inf], np.zeros((1, 2)), "every hypothesis is ruled out"),
        ([0.0, np.nan], np.zeros((1, 2)), "log_prior contains nan"),
    ],
    ids=["empty", "columns", "1d_likelihoods", "2d_prior", "zero_evidence", "nan"],
)
def test_sequential_log_posterior_rejects_bad_input(kata, log_prior, log_lik, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.sequential_log_posterior, log_prior, log_lik, why=why)
