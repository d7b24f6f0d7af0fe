"""Grader for supervised/naive_bayes: gaussian_naive_bayes(X_train, y_train, X_test,
var_smoothing=1e-9) -> NB(labels, log_proba), Gaussian naive Bayes with frequency priors,
MLE variances plus var_smoothing * (largest feature variance), classes in sorted order."""

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

STABLE_ADVICE = (
    "normalise in log space: subtract each row's largest joint log-likelihood before "
    "exponentiating (a log-sum-exp), instead of exponentiating log-likelihoods of -1e4."
)


def fit_predict(X_train, y_train, X_test, var_smoothing, **mistake):
    """The model written sample by sample for the statistics; flags make known mistakes."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    n, d = X_train.shape
    classes = sorted(set(y_train.tolist()))
    if mistake.get("unsorted"):
        classes = list(dict.fromkeys(y_train.tolist()))
    overall = np.array([np.mean((col - col.mean()) ** 2) for col in X_train.T])
    if mistake.get("eps_ddof1"):
        overall = overall * n / (n - 1)
    eps = var_smoothing * (overall if mistake.get("eps_per_feature") else overall.max())
    if mistake.get("eps_plain"):
        eps = var_smoothing
    joint = np.zeros((len(X_test), len(classes)))
    for c, label in enumerate(classes):
        rows = X_train[y_train == label]
        n_c = len(rows)
        mean = rows.sum(axis=0) / n_c
        divisor = n_c - 1 if mistake.get("ddof1") and n_c > 1 else n_c
        var = ((rows - mean) ** 2).sum(axis=0) / divisor + eps
        prior = 1 / len(classes) if mistake.get("uniform_prior") else n_c / n
        for j in range(d):
            z2 = (X_test[:, j] - mean[j]) ** 2
            if mistake.get("std_in_exponent"):
                term = z2 / math.sqrt(var[j])
            else:
                term = z2 / var[j]
            norm = 0.0 if mistake.get("no_normaliser") else math.log(2 * math.pi * var[j])
            joint[:, c] -= 0.5 * (norm + term)
        joint[:, c] += math.log(prior)
    top = joint.max(axis=1)
    log_norm = top + np.log(np.sum(np.exp(joint - top[:, None]), axis=1))
    log_proba = joint if mistake.get("unnormalised") else joint - log_norm[:, None]
    labels = np.array(classes)[np.argmax(joint, axis=1)]
    if mistake.get("indices"):
        labels = np.argmax(joint, axis=1)
    return labels, log_proba


MISTAKES = {
    "the variances use the divisor n_c - 1; the maximum-likelihood variance divides by n_c": {
        "ddof1": True
    },
    "the priors are uniform; they should be the class frequencies n_c / n": {"uniform_prior": True},
    "log_proba is not normalised: subtract the log-sum-exp of each row so that the "
    "posteriors sum to 1": {"unnormalised": True},
    "the columns are not in sorted class order (they follow the order of first appearance)": {
        "unsorted": True
    },
    "epsilon = var_smoothing; it should be var_smoothing times the largest feature "
    "variance of X_train": {"eps_plain": True},
    "epsilon is var_smoothing times each feature's own variance; it should use the largest "
    "feature variance for every feature": {"eps_per_feature": True},
    "the largest feature variance behind epsilon uses the divisor n - 1; the entry (as "
    "scikit-learn) divides by n": {"eps_ddof1": True},
    "the standard deviation was used where the variance belongs: (x - mu)^2 / sigma^2": {
        "std_in_exponent": True
    },
    "the -1/2 log(2 pi sigma^2) normaliser of the Gaussian density is missing; it differs "
    "between classes": {"no_normaliser": True},
    "labels are class indices (0..K-1) instead of the class values from y_train": {"indices": True},
}


def check(
    kata, X_train, y_train, X_test, var_smoothing=None, *, strict=False, rtol=1e-7, atol=1e-9
):
    """Compare gaussian_naive_bayes with the model, naming known mistakes; return both."""
    f = kata.gaussian_naive_bayes
    args = (X_train, y_train, X_test)
    kwargs = {} if var_smoothing is None else {"var_smoothing": var_smoothing}
    called = describe_call(f, *args, **kwargs)
    if strict:
        result = call_strictly(f, *args, advice=STABLE_ADVICE, **kwargs)
    else:
        result = call(f, *args, **kwargs)
    labels, log_proba = fields(result, ["labels", "log_proba"], "gaussian_naive_bayes")
    vs = 1e-9 if var_smoothing is None else var_smoothing
    want_labels, want_log_proba = fit_predict(X_train, y_train, X_test, vs)
    log_proba = np.asarray(log_proba, dtype=float)
    labels = np.asarray(labels)
    wrong = {}
    if (
        log_proba.shape != want_log_proba.shape
        or not np.allclose(log_proba, want_log_proba, rtol=rtol, atol=atol)
        or not np.array_equal(labels, want_labels)
    ):
        wrong = {w: fit_predict(X_train, y_train, X_test, vs, **m) for w, m in MISTAKES.items()}
    assert_close(
        log_proba,
        want_log_proba,
        what="log_proba",
        called=called,
        rtol=rtol,
        atol=atol,
        mistakes={w: v[1] for w, v in wrong.items()},
    )
    if labels.shape != want_labels.shape:
        fail(f"{called}: labels has shape {labels.shape}, expected {want_labels.shape}")
    assert_close(
        labels,
        want_labels,
        rtol=0,
        atol=0,
        what="labels",
        called=called,
        mistakes={w: v[0] for w, v in wrong.items() if not np.array_equal(v[0], want_labels)},
    )
    return labels, log_proba


@pytest.mark.points(2)
def test_gaussian_naive_bayes_documented_example(kata):
    """At x = 3, halfway between class means with equal variances, is the posterior the prior?

    Class 0 at 0, 2 (mean 1, variance 1); class 1 at 4, 6, 4, 6 (mean 5, variance 1);
    priors 1/3 and 2/3; var_smoothing = 0. At x = 3 both likelihoods are equal, so
    log_proba = [log 1/3, log 2/3] and the label is 1; x = 0.5 is class 0.
    """
    X_train = [[0.0], [2.0], [4.0], [6.0], [4.0], [6.0]]
    labels, log_proba = check(kata, X_train, [0, 0, 1, 1, 1, 1], [[3.0], [0.5]], 0.0)
    assert_close(log_proba[0], np.log([1 / 3, 2 / 3]), what="log_proba at x = 3")
    assert_close(labels, [1, 0], atol=0, what="labels")


@pytest.mark.points(2)
def test_gaussian_naive_bayes_hand_checked_two_features(kata):
    """Is a two-feature case with equal priors the sum of per-feature log densities?

    Class 5: (0, 0), (2, 2) → means (1, 1), variances (1, 1). Class 7: (0, 4), (4, 0)
    → means (2, 2), variances (4, 4). At x = (1, 1): log p(x, 5) = log 1/2 - log 2 pi,
    log p(x, 7) = log 1/2 - log 8 pi - 1/4, so p(5 | x) = 1 / (1 + e^(-1/4) / 4).
    """
    X_train = [[0.0, 0.0], [2.0, 2.0], [0.0, 4.0], [4.0, 0.0]]
    labels, log_proba = check(kata, X_train, [5, 5, 7, 7], [[1.0, 1.0]], 0.0)
    p5 = 1 / (1 + math.exp(-0.25) / 4)
    assert_close(np.exp(log_proba[0]), [p5, 1 - p5], what="the posterior at (1, 1)")
    assert_close(labels, [5], atol=0, what="labels")


@pytest.mark.points(4)
@pytest.mark.parametrize(
    "n, m, d, K, var_smoothing",
    [(40, 10, 2, 2, None), (60, 15, 3, 3, 1e-9), (30, 8, 4, 4, 0.1), (100, 20, 5, 3, 0.5)],
)
def test_gaussian_naive_bayes_random_problems(kata, rng, n, m, d, K, var_smoothing):
    """On random data, do log_proba and labels match the model's formulas?"""
    centres = 2.0 * rng.standard_normal((K, d))
    y_train = np.concatenate([np.arange(K), rng.integers(0, K, n - K)])
    X_train = centres[y_train] + rng.uniform(0.5, 2.0, d) * rng.standard_normal((n, d))
    X_test = 2.0 * rng.standard_normal((m, d))
    check(kata, X_train, y_train, X_test, var_smoothing)


def test_gaussian_naive_bayes_posteriors_sum_to_one(kata, rng):
    """Does each row of exp(log_proba) sum to 1, with the label at its largest entry?"""
    X_train = rng.standard_normal((30, 3))
    y_train = rng.integers(0, 3, 30)
    labels, log_proba = check(kata, X_train, y_train, rng.standard_normal((10, 3)))
    assert_close(np.exp(log_proba).sum(axis=1), np.ones(10), what="the row sums of exp(log_proba)")
    assert_close(labels, np.unique(y_train)[np.argmax(log_proba, axis=1)], atol=0, what="labels")


@pytest.mark.points(2)
def test_gaussian_naive_bayes_classes_in_sorted_order(kata, rng):
    """With labels 9, -2, 4 appearing in that order, are the columns for -2, 4, 9?"""
    X_train = rng.standard_normal((18, 2)) + np.repeat([[3.0, 0.0], [-3.0, 0.0], [0.0, 3.0]], 6, 0)
    y_train = np.repeat([9, -2, 4], 6)
    labels, log_proba = check(kata, X_train, y_train, [[3.0, 0.0], [-3.0, 0.0], [0.0, 3.0]])
    assert_close(labels, [9, -2, 4], atol=0, what="labels")


@pytest.mark.points(2)
def test_gaussian_naive_bayes_smoothing_rescues_a_constant_feature(kata):
    """When a feature is constant within each class, does var_smoothing keep it finite?

    Feature 0 is 0 in class 0 and 1 in class 1 (zero variance within each class); the
    largest variance of X_train is that of feature 1, 4, so every variance gains 4e-2.
    """
    X_train = [[0.0, -2.0], [0.0, 2.0], [1.0, -2.0], [1.0, 2.0]]
    labels, log_proba = check(kata, X_train, [0, 0, 1, 1], [[0.2, 0.0], [0.9, 1.0]], 0.01)
    assert_close(labels, [0, 1], atol=0, what="labels")


@pytest.mark.points(3)
def test_gaussian_naive_bayes_stable_far_from_the_data(kata, rng):
    """Far from every class (log-likelihoods near -1e6), is log_proba finite and exact?"""
    X_train = rng.standard_normal((20, 2)) + np.repeat([[0.0, 0.0], [3.0, 3.0]], 10, 0)
    y_train = np.repeat([0, 1], 10)
    X_test = [[1000.0, 1000.0], [-800.0, 500.0]]
    labels, log_proba = check(kata, X_train, y_train, X_test, strict=True)
    if not np.all(np.isfinite(log_proba)):
        fail(f"log_proba is not finite far from the data: {log_proba}")


def test_gaussian_naive_bayes_default_var_smoothing(kata, rng):
    """Is the default var_smoothing 1e-9 (as scikit-learn's)?"""
    X_train = rng.standard_normal((12, 2))
    y_train = np.repeat([0, 1, 2], 4)
    X_train[y_train == 2, 0] = 1.5  # a feature constant within class 2: its variance is epsilon
    check(kata, X_train, y_train, [[1.5, 0.0], [1.5 + 1e-4, 0.3]], rtol=1e-6)


def test_gaussian_naive_bayes_leaves_inputs_unchanged(kata, rng):
    """Are X_train, y_train and X_test left exactly as they were?"""
    X_train = rng.standard_normal((15, 3))
    y_train = rng.integers(0, 3, 15)
    X_test = rng.standard_normal((4, 3))
    check(kata, X_train, y_train, X_test, 0.05)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X_train, y_train, X_test, var_smoothing, why",
    [
        ([0.0, 1.0], [0, 1], [[0.0]], 1e-9, "X_train is 1-D, it must be 2-D"),
        ([[0.0], [1.0]], [0, 1], [0.5], 1e-9, "X_test is 1-D, it must be 2-D"),
        ([[0.0], [1.0]], [[0], [1]], [[0.5]], 1e-9, "y_train is 2-D, it must be 1-D"),
        ([[0.0], [1.0]], [0, 1, 1], [[0.5]], 1e-9, "X_train has 2 rows, y_train 3 labels"),
        ([[0.0], [1.0]], [0, 1], [[0.5, 1.0]], 1e-9, "X_test has 2 features, X_train 1"),
        (np.empty((0, 2)), np.empty(0, dtype=int), [[0.0, 0.0]], 1e-9, "no training data"),
        ([[0.0], [1.0], [2.0], [4.0]], [0, 0, 1, 1], [[0.5]], -1e-3, "var_smoothing < 0"),
    ],
    ids=["train-1d", "test-1d", "y-2d", "length", "features", "empty", "negative-smoothing"],
)
def test_gaussian_naive_bayes_rejects_bad_input(kata, X_train, y_train, X_test, var_smoothing, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(
        ValueError, kata.gaussian_naive_bayes, X_train, y_train, X_test, var_smoothing, why=why
    )
