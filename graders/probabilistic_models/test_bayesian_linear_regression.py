"""Grader for probabilistic_models/bayesian_linear_regression:
bayesian_linear_regression(X, y, X_new, alpha, beta) -> BayesLR(mean, cov, pred_mean, pred_var).
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fields

FIELDS = ["mean", "cov", "pred_mean", "pred_var"]


def joint_gaussian(X, y, X_new, alpha, beta):
    """The four results by conditioning the joint Gaussian of (w, y, y_new) on y.

    w ~ N(0, I/alpha) and y = Xw + noise give Cov(w, y) = X^T/alpha and
    Cov(y, y) = X X^T/alpha + I/beta: the posterior is the Gaussian conditional (an
    n x n solve, not the d x d precision the kata inverts).
    """
    X, y, X_new = (np.asarray(a, dtype=float) for a in (X, y, X_new))
    n, d = X.shape
    C = X @ X.T / alpha + np.eye(n) / beta
    B = X.T / alpha  # Cov(w, y), (d, n)
    if n:
        mean = B @ np.linalg.solve(C, y)
        cov = np.eye(d) / alpha - B @ np.linalg.solve(C, B.T)
    else:
        mean, cov = np.zeros(d), np.eye(d) / alpha
    # a new observation y_new = x w + noise, conditioned on y as well
    k = X_new @ B  # Cov(y_new, y), (m, n)
    prior_var = np.sum(X_new**2, axis=1) / alpha + 1 / beta
    if n:
        pred_mean = k @ np.linalg.solve(C, y)
        pred_var = prior_var - np.einsum("ij,ji->i", k, np.linalg.solve(C, k.T))
    else:
        pred_mean, pred_var = np.zeros(len(X_new)), prior_var
    return mean, (cov + cov.T) / 2, pred_mean, pred_var


def posterior_with(X, y, X_new, prior_precision, noise_precision, mean_factor):
    """The formulas of the kata with other constants (to recognise mistakes)."""
    d = X.shape[1]
    cov = np.linalg.inv(prior_precision * np.eye(d) + noise_precision * X.T @ X)
    mean = mean_factor * cov @ X.T @ y
    return mean, cov, X_new @ mean, np.einsum("ij,jk,ik->i", X_new, cov, X_new)


def mistakes_for(X, y, X_new, alpha, beta):
    """The four results as each listed mistake computes them, keyed by its description."""
    X, y, X_new = (np.asarray(a, dtype=float) for a in (X, y, X_new))
    good = posterior_with(X, y, X_new, alpha, beta, beta)
    swapped = posterior_with(X, y, X_new, beta, alpha, alpha)
    as_variance = posterior_with(X, y, X_new, 1 / alpha, beta, beta)
    no_beta = posterior_with(X, y, X_new, alpha, beta, 1.0)
    unscaled = posterior_with(X, y, X_new, alpha, 1.0, beta)
    table = {}
    for i in range(3):
        table[FIELDS[i]] = {
            "alpha and beta swapped (alpha is the prior precision, beta the noise's)": swapped[i],
            "alpha read as the prior variance: the prior precision term is alpha*I, not I/alpha": (
                as_variance[i]
            ),
            "the mean without the factor beta: mean = beta * cov @ X.T @ y": no_beta[i],
            "beta left off X^T X: the precision is alpha*I + beta * X^T X": unscaled[i],
        }
    table["pred_var"] = {
        "pred_var without the noise 1/beta: the variance of a new observation includes it": (
            good[3]
        ),
        "alpha and beta swapped (alpha is the prior precision, beta the noise's)": swapped[3]
        + 1 / alpha,
        "alpha read as the prior variance: the prior precision term is alpha*I, not I/alpha": (
            as_variance[3] + 1 / beta
        ),
        "pred_var with beta instead of 1/beta for the noise": good[3] + beta,
    }
    table["pred_mean"]["the mean without the factor beta: mean = beta * cov @ X.T @ y"] = no_beta[2]
    return table


def check(kata, X, y, X_new, alpha, beta, rtol=1e-7):
    """Call the kata, compare each field with the joint-Gaussian reference, return them."""
    f = kata.bayesian_linear_regression
    called = describe_call(f, X, y, X_new, alpha, beta)
    result = fields(call(f, X, y, X_new, alpha, beta), FIELDS, "bayesian_linear_regression")
    expected = joint_gaussian(X, y, X_new, alpha, beta)
    wrong = mistakes_for(X, y, X_new, alpha, beta) if np.shape(X)[0] else {}
    for name, got, want in zip(FIELDS, result, expected, strict=True):
        # scale-relative absolute part: entries that cancel to ~0 keep the round-off of
        # the largest entry of the field
        atol = 1e-9 * max(float(np.max(np.abs(want))), 1e-300)
        assert_close(
            got, want, rtol=rtol, atol=atol, what=name, called=called, mistakes=wrong.get(name)
        )
    return result


def random_problem(rng, n, d, m, scale=1.0):
    X = rng.normal(size=(n, d)) * scale
    w = rng.normal(size=d)
    y = X @ w + 0.3 * rng.normal(size=n)
    return X, y, rng.normal(size=(m, d)) * scale


@pytest.mark.points(2)
def test_bayesian_linear_regression_documented_example(kata):
    """Do X = [[1], [1]], y = [1, 3], X_new = [[2]], alpha = beta = 1 give 4/3, 1/3, 8/3, 7/3?"""
    mean, cov, pred_mean, pred_var = check(kata, [[1.0], [1.0]], [1.0, 3.0], [[2.0]], 1.0, 1.0)
    assert_close(mean, [4 / 3], what="mean")
    assert_close(cov, [[1 / 3]], what="cov")
    assert_close(pred_mean, [8 / 3], what="pred_mean")
    assert_close(pred_var, [7 / 3], what="pred_var")


@pytest.mark.points(2)
def test_bayesian_linear_regression_small_cases_worked_by_hand(kata):
    """Does an orthogonal design give the diagonal posterior worked out by hand?

    X = [[2, 0], [0, 1]], y = [4, 3], alpha = 2, beta = 0.5: X^T X = diag(4, 1), so the
    precision is diag(2 + 2, 2 + 0.5) = diag(4, 2.5), cov = diag(1/4, 2/5),
    mean = 0.5 * cov @ [8, 3] = [1, 0.6]; at x = [1, 1]: pred_mean 1.6 and
    pred_var = 2 + 1/4 + 2/5 = 2.65.
    """
    mean, cov, pred_mean, pred_var = check(
        kata, [[2.0, 0.0], [0.0, 1.0]], [4.0, 3.0], [[1.0, 1.0], [0.0, 0.0]], 2.0, 0.5
    )
    assert_close(mean, [1.0, 0.6], what="mean")
    assert_close(cov, [[0.25, 0.0], [0.0, 0.4]], what="cov")
    assert_close(pred_mean, [1.6, 0.0], what="pred_mean")
    assert_close(pred_var, [2.65, 2.0], what="pred_var")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, m", [(1, 1, 1), (5, 3, 4), (30, 4, 7), (3, 6, 2)])
def test_bayesian_linear_regression_matches_the_conditioned_joint_gaussian(kata, rng, n, d, m):
    """Do random problems (n < d included) agree with conditioning the joint of (w, y)?"""
    for _ in range(5):
        X, y, X_new = random_problem(rng, n, d, m)
        alpha, beta = 10 ** rng.uniform(-1, 1), 10 ** rng.uniform(-1, 1)
        check(kata, X, y, X_new, alpha, beta)


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e-4, 1e4])
def test_bayesian_linear_regression_any_scale(kata, rng, scale):
    """Are tiny and huge inputs handled to relative accuracy?

    X -> sX, y -> sy with beta -> beta/s^2 leaves beta X^T X, the posterior of w and the
    predictive mean's shape alone; pred_var scales by s^2.
    """
    X, y, X_new = random_problem(rng, 8, 3, 3, scale)
    check(kata, X, y, X_new, 1.0, 2.0 / scale**2, rtol=1e-6)


@pytest.mark.points(2)
def test_bayesian_linear_regression_mean_is_the_ridge_solution(kata, rng):
    """Is the mean the ridge least-squares solution with penalty alpha/beta?

    Minimising beta ||y - Xw||^2 + alpha ||w||^2 is least squares on the stacked system
    [X; sqrt(alpha/beta) I] w = [y; 0].
    """
    X, y, X_new = random_problem(rng, 12, 4, 2)
    alpha, beta = 3.0, 0.7
    mean = check(kata, X, y, X_new, alpha, beta)[0]
    A = np.vstack([X, np.sqrt(alpha / beta) * np.eye(4)])
    b = np.concatenate([y, np.zeros(4)])
    assert_close(mean, np.linalg.lstsq(A, b, rcond=None)[0], what="mean (ridge solution)")


@pytest.mark.points(2)
def test_bayesian_linear_regression_no_data_gives_the_prior(kata):
    """Does X of shape (0, d) with y empty give mean 0, cov I/alpha, 1/beta + ||x||^2/alpha?"""
    X_new = np.array([[1.0, 2.0, 2.0], [0.0, 0.0, 0.0]])
    mean, cov, pred_mean, pred_var = check(kata, np.zeros((0, 3)), np.zeros(0), X_new, 4.0, 0.5)
    assert_close(mean, np.zeros(3), what="mean")
    assert_close(cov, np.eye(3) / 4.0, what="cov")
    assert_close(pred_mean, [0.0, 0.0], what="pred_mean")
    assert_close(pred_var, [2.0 + 9.0 / 4.0, 2.0], what="pred_var")


@pytest.mark.points(1)
def test_bayesian_linear_regression_cov_is_symmetric_positive_definite(kata, rng):
    """Is cov symmetric with positive eigenvalues no larger than 1/alpha?"""
    X, y, X_new = random_problem(rng, 10, 5, 2)
    cov = np.asarray(check(kata, X, y, X_new, 2.0, 5.0)[1], dtype=float)
    assert_close(cov, cov.T, rtol=0.0, atol=1e-12, what="cov against its transpose")
    eig = np.linalg.eigvalsh((cov + cov.T) / 2)
    assert_close(np.clip(eig, 0, 0.5), eig, what="the eigenvalues of cov (in (0, 1/alpha])")


@pytest.mark.parametrize(
    "X, y, X_new, alpha, beta, why",
    [
        ([1.0, 2.0], [1.0, 2.0], [[1.0]], 1.0, 1.0, "X is 1-D"),
        ([[1.0], [2.0]], [1.0, 2.0], [1.0], 1.0, 1.0, "X_new is 1-D"),
        ([[1.0], [2.0]], [1.0, 2.0], [[1.0, 2.0]], 1.0, 1.0, "X_new has 2 columns, X 1"),
        ([[1.0], [2.0]], [1.0, 2.0], np.zeros((0, 1)), 1.0, 1.0, "X_new has no rows"),
        (np.zeros((2, 0)), [1.0, 2.0], np.zeros((1, 0)), 1.0, 1.0, "d = 0 columns"),
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], [[1.0]], 1.0, 1.0, "y has 3 entries, X 2 rows"),
        ([[1.0], [2.0]], [[1.0], [2.0]], [[1.0]], 1.0, 1.0, "y is 2-D"),
        ([[1.0], [2.0]], [1.0, 2.0], [[1.0]], 0.0, 1.0, "alpha = 0"),
        ([[1.0], [2.0]], [1.0, 2.0], [[1.0]], 1.0, -1.0, "beta < 0"),
        ([[1.0], [2.0]], [1.0, 2.0], [[1.0]], np.inf, 1.0, "alpha is infinite"),
        ([[1.0], [2.0]], [1.0, 2.0], [[1.0]], 1.0, np.nan, "beta is nan"),
    ],
    ids=[
        "X_1d",
        "X_new_1d",
        "columns",
        "no_new_rows",
        "no_columns",
        "y_length",
        "y_2d",
        "alpha_zero",
        "beta_negative",
        "alpha_inf",
        "beta_nan",
    ],
)
def test_bayesian_linear_regression_rejects_bad_input(kata, X, y, X_new, alpha, beta, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.bayesian_linear_regression, X, y, X_new, alpha, beta, why=why)


def test_bayesian_linear_regression_leaves_its_inputs_unchanged(kata, rng):
    """Are X, y and X_new left exactly as they were?"""
    X, y, X_new = random_problem(rng, 6, 2, 3)
    check(kata, X, y, X_new, 1.5, 2.5)  # call() fails the test if an argument is modified
