"""Grader for probability/bayes: bayes_posterior(prior, likelihood) -> posterior (k,)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def check(kata, prior, likelihood):
    f = kata.bayes_posterior
    called = describe_call(f, prior, likelihood)
    result = call(f, prior, likelihood)
    p = [float(v) for v in np.asarray(prior, dtype=float)]
    lik = [float(v) for v in np.asarray(likelihood, dtype=float)]
    joint = [a * b for a, b in zip(p, lik, strict=True)]
    evidence = math.fsum(joint)
    want = np.array([j / evidence for j in joint])
    likelihood_only = np.array(lik) / math.fsum(lik)
    assert_close(
        result,
        want,
        what="the posterior",
        called=called,
        mistakes={
            "prior x likelihood not divided by the evidence P(D) (it must sum to 1)": np.array(
                joint
            ),
            "the normalised likelihood: the prior was left out": likelihood_only,
            "the prior was returned unchanged: multiply by the likelihood": np.array(p),
        },
    )
    return np.asarray(result, dtype=float)


@pytest.mark.points(2)
def test_bayes_posterior_documented_example(kata):
    """Do a flat prior and likelihoods (0.8, 0.2) give the posterior (0.8, 0.2)?"""
    check(kata, [0.5, 0.5], [0.8, 0.2])


@pytest.mark.points(2)
def test_bayes_posterior_hand_checked_case(kata):
    """Does prior (0.9, 0.1) with likelihoods (0.1, 0.9) give (0.5, 0.5)?

    The joint is (0.09, 0.09), so the two hypotheses end up equally probable.
    """
    posterior = check(kata, [0.9, 0.1], [0.1, 0.9])
    assert_close(posterior, [0.5, 0.5], what="the posterior")


def test_bayes_posterior_three_hypotheses_by_hand(kata):
    """Does prior (0.2, 0.3, 0.5) with likelihoods (0.5, 0.2, 0.1) give (10, 6, 5) / 21?

    The joint is (0.1, 0.06, 0.05) and the evidence is its sum, 0.21.
    """
    posterior = check(kata, [0.2, 0.3, 0.5], [0.5, 0.2, 0.1])
    assert_close(posterior, np.array([10, 6, 5]) / 21, what="the posterior")


@pytest.mark.points(3)
@pytest.mark.parametrize("k", [2, 7, 100])
def test_bayes_posterior_random_cases(kata, rng, k):
    """Do random priors and likelihoods (densities up to 5) give prior * likelihood / evidence?"""
    prior = rng.dirichlet(np.ones(k))
    likelihood = rng.uniform(0.0, 5.0, size=k)
    posterior = check(kata, prior, likelihood)
    assert_close(posterior.sum(), 1.0, what="the sum of the posterior")


def test_bayes_posterior_zero_likelihood_rules_out(kata):
    """Does a hypothesis with likelihood 0 (or prior 0) get posterior exactly 0?"""
    posterior = check(kata, [0.25, 0.25, 0.5, 0.0], [0.0, 0.3, 0.1, 0.9])
    assert_close(posterior[[0, 3]], [0.0, 0.0], atol=0.0, what="the ruled-out posteriors")


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e-20, 1e-300, 1e8], ids=["1e-20", "1e-300", "1e8"])
def test_bayes_posterior_likelihoods_at_any_scale(kata, scale):
    """Do likelihoods (1, 3)·scale, scale = 1e-20, 1e-300 or 1e8, give (1/4, 3/4)?

    Only the ratio of the likelihoods matters; a small evidence is not a zero one
    (the likelihood of many observations is tiny): only an evidence of exactly 0 is
    an error.
    """
    prior, likelihood = [0.5, 0.5], [1.0 * scale, 3.0 * scale]
    try:
        posterior = check(kata, prior, likelihood)
    except ValueError as exc:
        fail(
            f"{describe_call(kata.bayes_posterior, prior, likelihood)} raised ValueError "
            f"({exc}): the evidence {2 * scale:g} is small, not zero; only an evidence of "
            "exactly 0 is an error, not one below an absolute threshold"
        )
    assert_close(posterior, [0.25, 0.75], what="the posterior")


def test_bayes_posterior_prior_sum_within_1e_9(kata):
    """Is a prior of ten 0.1 (summing to 0.9999999999999999) accepted?"""
    posterior = check(kata, [0.1] * 10, [1.0] * 10)
    assert_close(posterior, [0.1] * 10, what="the posterior")


def test_bayes_posterior_leaves_inputs_unchanged(kata, rng):
    """Are prior and likelihood left exactly as they were?"""
    prior = rng.dirichlet(np.ones(5))
    likelihood = rng.uniform(size=5)
    check(kata, prior, likelihood)  # call() compares prior and likelihood after the call


@pytest.mark.parametrize(
    "prior, likelihood, why",
    [
        ([0.5, 0.6], [0.5, 0.5], "the prior sums to 1.1"),
        ([0.5, 0.4], [0.5, 0.5], "the prior sums to 0.9"),
        ([0.5, 0.5 + 1e-6], [0.5, 0.5], "the prior sums to 1.000001, more than 1e-9 from 1"),
        ([0.5, 0.5 - 1e-8], [0.5, 0.5], "the prior sums to 1 - 1e-8, more than 1e-9 from 1"),
        ([1.5, -0.5], [0.5, 0.5], "the prior is negative somewhere"),
        ([0.5, 0.5], [0.5, -0.1], "a likelihood is negative"),
        ([0.5, 0.5], [0.0, 0.0], "the evidence P(D) is zero"),
        ([1.0, 0.0], [0.0, 0.7], "the evidence P(D) is zero"),
        ([0.5, 0.5], [0.5, 0.5, 0.5], "the shapes differ"),
        ([], [], "there are no hypotheses"),
        ([[0.5, 0.5]], [[0.5, 0.5]], "the inputs are 2-D"),
    ],
    ids=[
        "sum_above_1",
        "sum_below_1",
        "sum_1e-6_above",
        "sum_1e-8_below",
        "negative_prior",
        "negative_likelihood",
        "zero_evidence",
        "zero_evidence_disjoint",
        "shape_mismatch",
        "empty",
        "2d",
    ],
)
def test_bayes_posterior_rejects_bad_input(kata, prior, likelihood, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.bayes_posterior, prior, likelihood, why=why)
