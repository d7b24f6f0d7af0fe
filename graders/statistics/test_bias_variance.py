"""Grader for statistics/bias_variance: bias_variance(predictions, f_true, noise_var)
-> BiasVariance(bias2, variance, expected_mse)."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

FIELDS = ("bias2", "variance", "expected_mse")


def check(kata, predictions, f_true, noise_var):
    f = kata.bias_variance
    called = describe_call(f, predictions, f_true, noise_var)
    result = call(f, predictions, f_true, noise_var)
    bias2, variance, expected_mse = fields(result, FIELDS, "bias_variance")
    P = np.asarray(predictions, dtype=float)
    truth = np.asarray(f_true, dtype=float)
    B, n = P.shape
    columns = [P[:, i].tolist() for i in range(n)]
    average = [math.fsum(c) / B for c in columns]
    want_bias2 = math.fsum((average[i] - truth[i]) ** 2 for i in range(n)) / n
    per_point = [math.fsum((v - average[i]) ** 2 for v in columns[i]) / B for i in range(n)]
    want_variance = math.fsum(per_point) / n
    assert_close(
        bias2,
        want_bias2,
        what="bias2",
        called=called,
        mistakes={
            "the square of the mean bias: square each point's bias, then average": (
                math.fsum(average[i] - truth[i] for i in range(n)) / n
            )
            ** 2,
            "the mean absolute bias: the bias is squared": math.fsum(
                abs(average[i] - truth[i]) for i in range(n)
            )
            / n,
        },
    )
    unbiased = want_variance * B / (B - 1) if B > 1 else np.nan
    assert_close(
        variance,
        want_variance,
        what="variance",
        called=called,
        mistakes={
            "the divisor B - 1: this variance divides by B": unbiased,
            "the variance across the n points (axis 1) instead of across the B models": float(
                np.mean(np.var(P, axis=1))
            ),
            "the variance of all B x n predictions around one global mean: take each "
            "point's variance across the B models (around that point's average), then "
            "average": float(np.var(P)),
        },
    )
    # Directly: the mean squared error of every prediction against f, plus the noise.
    direct = math.fsum(((P - truth) ** 2).ravel().tolist()) / (B * n) + noise_var
    assert_close(
        expected_mse,
        direct,
        what="expected_mse",
        called=called,
        mistakes={"the noise variance was left out": direct - noise_var},
    )
    if not math.isclose(
        float(expected_mse),
        float(bias2) + float(variance) + noise_var,
        rel_tol=1e-12,
        abs_tol=1e-12,
    ):
        fail(f"{called}: expected_mse is not bias2 + variance + noise_var")
    return float(bias2), float(variance), float(expected_mse)


@pytest.mark.points(2)
def test_bias_variance_documented_example(kata):
    """Do predictions [[1, 2], [3, 2]] of f = [1, 1] with noise 0.5 give (1, 0.5, 2)?"""
    result = check(kata, [[1.0, 2.0], [3.0, 2.0]], [1.0, 1.0], 0.5)
    assert_close(result, [1.0, 0.5, 2.0], what="(bias2, variance, expected_mse)")


@pytest.mark.points(2)
def test_bias_variance_hand_checked_case(kata):
    """Do predictions [[0, 4], [2, 0]] of f = [1, 0] with no noise give (2, 2.5, 4.5)?

    Averages [1, 2]: biases 0 and 2, so bias2 = (0 + 4) / 2 = 2. Deviations +-1 and +-2:
    variances 1 and 4 (divisor B = 2), mean 2.5. expected_mse = 2 + 2.5 + 0 = 4.5.
    """
    result = check(kata, [[0.0, 4.0], [2.0, 0.0]], [1.0, 0.0], 0.0)
    assert_close(result, [2.0, 2.5, 4.5], what="(bias2, variance, expected_mse)")


def test_bias_variance_single_training_set(kata, rng):
    """With B = 1, is the variance 0 (not nan from a B - 1 divisor)?"""
    _, variance, _ = check(kata, rng.normal(size=(1, 6)), rng.normal(size=6), 0.1)
    assert_close(variance, 0.0, what="variance", atol=0.0)


def test_bias_variance_constant_model(kata, rng):
    """Does a model that always predicts 3 have variance 0 and bias2 mean((3 - f)^2)?"""
    truth = rng.normal(size=8)
    bias2, variance, _ = check(kata, np.full((5, 8), 3.0), truth, 0.2)
    assert_close([bias2, variance], [np.mean((3.0 - truth) ** 2), 0.0], what="(bias2, variance)")


@pytest.mark.points(4)
@pytest.mark.parametrize("B, n, noise_var", [(20, 15, 0.25), (2, 50, 0.0), (200, 7, 3.0)])
def test_bias_variance_random_predictions(kata, rng, B, n, noise_var):
    """On random predictions with a systematic offset, do the three terms match?"""
    truth = np.sin(np.linspace(0, 3, n))
    predictions = truth + rng.normal(0.3, 0.5, size=n) + rng.normal(0.0, 0.4, size=(B, n))
    check(kata, predictions, truth, noise_var)


@pytest.mark.points(2)
def test_bias_variance_matches_a_simulation(kata, rng):
    """Is expected_mse the average squared error against simulated noisy targets?"""
    B, n, noise_var = 40, 10, 0.5
    truth = rng.normal(size=n)
    predictions = truth + 0.2 + rng.normal(0.0, 0.3, size=(B, n))
    _, _, expected_mse = check(kata, predictions, truth, noise_var)
    draws = 500
    targets = truth + rng.normal(0.0, math.sqrt(noise_var), size=(draws, 1, n))
    errors = ((predictions[None, :, :] - targets) ** 2).ravel()
    # independent noise per (draw, point); the spread of single errors bounds theirs
    tolerance = 5 * errors.std() / math.sqrt(draws * n)
    assert_close(
        expected_mse,
        errors.mean(),
        what="expected_mse against a simulation",
        rtol=0.0,
        atol=tolerance,
    )


def test_bias_variance_leaves_inputs_unchanged(kata, rng):
    """Are predictions and f_true left exactly as they were?"""
    check(kata, rng.normal(size=(5, 4)), rng.normal(size=4), 0.1)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "predictions, f_true, noise_var, why",
    [
        ([1.0, 2.0], [1.0, 2.0], 0.1, "predictions is 1-D, it must be (B, n)"),
        ([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0, 3.0], 0.1, "f_true has 3 entries for n = 2"),
        ([[1.0, 2.0]], [1.0, 2.0], -0.1, "noise_var is negative"),
        (np.empty((0, 3)), [1.0, 2.0, 3.0], 0.1, "no training sets (B = 0)"),
    ],
    ids=["1d", "length-mismatch", "negative-noise", "empty"],
)
def test_bias_variance_rejects_bad_input(kata, predictions, f_true, noise_var, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.bias_variance, predictions, f_true, noise_var, why=why)
