"""Grader for probability/diagnostic_test:
positive_predictive_value(prevalence, sensitivity, specificity) -> float."""

from fractions import Fraction

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


def ratio(a, b):
    return float(a / b) if b else np.nan


def check(kata, prevalence, sensitivity, specificity):
    f = kata.positive_predictive_value
    called = describe_call(f, prevalence, sensitivity, specificity)
    result = call(f, prevalence, sensitivity, specificity)
    # exact rational arithmetic on the (binary) inputs
    prev, sens, spec = (Fraction(float(v)) for v in (prevalence, sensitivity, specificity))
    tp, fp = sens * prev, (1 - spec) * (1 - prev)
    want = float(tp / (tp + fp))
    mistakes = {
        "base-rate neglect: you returned the sensitivity P(+ | C), not P(C | +)": float(sens),
        "specificity used as the false-positive rate: P(+ | not C) = 1 - specificity": ratio(
            tp, tp + spec * (1 - prev)
        ),
        "the false positives were not weighted by 1 - prevalence": ratio(tp, tp + 1 - spec),
        "the joint P(+ and C) was not divided by P(+)": float(tp),
    }
    assert_close(result, want, what="P(C | +)", called=called, mistakes=mistakes)
    return float(result)


@pytest.mark.points(2)
def test_positive_predictive_value_documented_example(kata):
    """Does a 1% prevalence with a 99% sensitive, 95% specific test give 1/6?

    P(+) = 0.99 * 0.01 + 0.05 * 0.99 = 0.0594, and 0.0099 / 0.0594 = 1/6.
    """
    value = check(kata, 0.01, 0.99, 0.95)
    assert_close(value, 1 / 6, what="P(C | +)")


@pytest.mark.points(2)
def test_positive_predictive_value_hand_checked_cases(kata):
    """Do symmetric and extreme cases give their hand-derived values?

    (0.5, 0.8, 0.8): 0.4 / (0.4 + 0.1) = 0.8; (0.2, 1, 0.75): 0.2 / (0.2 + 0.2) = 0.5;
    (1e-3, 0.9, 0.99): 9e-4 / (9e-4 + 0.00999) ~ 0.0826.
    """
    assert_close(check(kata, 0.5, 0.8, 0.8), 0.8, what="P(C | +)")
    assert_close(check(kata, 0.2, 1.0, 0.75), 0.5, what="P(C | +)")
    assert_close(check(kata, 1e-3, 0.9, 0.99), 9e-4 / (9e-4 + 0.999 * 0.01), what="P(C | +)")


@pytest.mark.points(3)
def test_positive_predictive_value_random_cases(kata, rng):
    """Do random (prevalence, sensitivity, specificity) match Bayes' rule exactly?"""
    for _ in range(20):
        prev, sens, spec = rng.uniform(0.001, 0.999, size=3)
        check(kata, float(prev), float(sens), float(spec))


def test_positive_predictive_value_edge_values(kata):
    """Do the ends of [0, 1] give 0 or 1 where they should?

    Prevalence 0 (with specificity < 1) gives 0; prevalence 1 or specificity 1 (with
    sens * prev > 0) gives 1: every positive is a true positive.
    """
    assert_close(check(kata, 0.0, 0.9, 0.9), 0.0, what="P(C | +)")
    assert_close(check(kata, 1.0, 0.9, 0.2), 1.0, what="P(C | +)")
    assert_close(check(kata, 0.3, 0.9, 1.0), 1.0, what="P(C | +)")
    assert_close(check(kata, 0.3, 0.0, 0.9), 0.0, what="P(C | +)")


def test_positive_predictive_value_tiny_probabilities(kata):
    """With a prevalence of 1e-300 and perfect specificity, is P(C | +) = 1 (P(+) = 9e-301
    is small, not zero); with prevalence 1e-12, is the tiny PPV right to 1e-9 relative?"""
    args = (1e-300, 0.9, 1.0)
    try:
        got = check(kata, *args)
    except ValueError as exc:
        fail(
            f"{describe_call(kata.positive_predictive_value, *args)} raised ValueError "
            f"({exc}): P(+) = 9e-301 is small, not zero; only P(+) = 0 exactly is an error, "
            "not one below an absolute threshold"
        )
    assert_close(got, 1.0, what="P(C | +)")
    want = 0.9e-12 / (0.9e-12 + 0.01 * (1 - 1e-12))
    got = check(kata, 1e-12, 0.9, 0.99)
    assert_close(got, want, rtol=1e-9, atol=0.0, what="P(C | +) for prevalence 1e-12")


def test_positive_predictive_value_accepts_numpy_scalars(kata):
    """Do NumPy scalars work like floats?"""
    check(kata, np.float64(0.1), np.float64(0.7), np.float32(0.5))


@pytest.mark.parametrize(
    "args, why",
    [
        ((-0.1, 0.9, 0.9), "prevalence is negative"),
        ((0.1, 1.2, 0.9), "sensitivity is above 1"),
        ((0.1, 0.9, -0.5), "specificity is negative"),
        ((float("nan"), 0.9, 0.9), "prevalence is nan"),
        ((0.0, 0.9, 1.0), "P(+) = 0: no one has the condition and there are no false positives"),
        ((0.5, 0.0, 1.0), "P(+) = 0: the test never says positive"),
    ],
    ids=["prevalence", "sensitivity", "specificity", "nan", "no_positive", "never_positive"],
)
def test_positive_predictive_value_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.positive_predictive_value, *args, why=why)
