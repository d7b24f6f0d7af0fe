"""Grader for probabilistic_models/kde: kde_logpdf(data, query, bandwidth="scott") -> (m,),
the log of a Gaussian kernel density estimate (scipy.stats.gaussian_kde's convention)."""

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
    forbid,
)

SHORTCUTS = ("scipy.stats.gaussian_kde",)

LOG_SPACE_ADVICE = (
    "take the log-sum-exp of the log kernel values (shifted by their maximum), not the "
    "log of the mean of densities: far from the data every density underflows to 0 and "
    "log(0) = -inf"
)


def sample_cov(data, divisor):
    """The sample covariance as a sum of outer products."""
    mean = sum(data) / len(data)
    return sum(np.outer(x - mean, x - mean) for x in data) / divisor


def mixture_logpdf(data, query, kernel_cov):
    """log (1/n) sum_i N(q; data_i, kernel_cov), with inv and slogdet, one query at a time."""
    n, d = data.shape
    inverse = np.linalg.inv(kernel_cov)
    _, log_det = np.linalg.slogdet(kernel_cov)
    out = []
    for q in query:
        terms = [-0.5 * float((q - x) @ inverse @ (q - x)) for x in data]
        top = max(terms)
        log_sum = top + math.log(math.fsum(math.exp(t - top) for t in terms))
        out.append(log_sum - math.log(n) - 0.5 * (d * math.log(2 * math.pi) + log_det))
    return np.array(out)


def factor(bandwidth, n, d, exponent_d=None):
    e = d if exponent_d is None else exponent_d
    if bandwidth == "scott":
        return n ** (-1.0 / (e + 4))
    if bandwidth == "silverman":
        return (n * (d + 2) / 4.0) ** (-1.0 / (e + 4))
    return float(bandwidth)


def reference(data, query, bandwidth):
    """The expected log density, and what the listed mistakes give."""
    data, query = np.asarray(data, dtype=float), np.asarray(query, dtype=float)
    n, d = data.shape
    h = factor(bandwidth, n, d)
    cov = sample_cov(data, n - 1)
    want = mixture_logpdf(data, query, h**2 * cov)
    mistakes = {
        "the sample covariance with divisor n: scipy's convention divides by n - 1": (
            mixture_logpdf(data, query, h**2 * sample_cov(data, n))
        ),
        "the kernel covariance h * Sigma: the factor h scales the standard deviation, so the "
        "covariance is h^2 * Sigma": mixture_logpdf(data, query, h * cov),
        "only the variances (a diagonal covariance): use the full sample covariance, "
        "correlations included": mixture_logpdf(data, query, h**2 * np.diag(np.diag(cov))),
    }
    if isinstance(bandwidth, str) and d > 1:
        mistakes["the 1-D exponent -1/5 whatever d: the rule is -1/(d + 4)"] = mixture_logpdf(
            data, query, factor(bandwidth, n, d, exponent_d=1) ** 2 * cov
        )
    if bandwidth == "silverman" and d == 1:
        x = np.sort(data[:, 0])
        iqr = np.percentile(x, 75) - np.percentile(x, 25)
        std = 0.9 * min(math.sqrt(cov[0, 0]), iqr / 1.34) * n ** (-0.2)
        mistakes[
            '"silverman" as 0.9 min(std, IQR/1.34) n^(-1/5), the other rule of thumb: here it '
            "is (n (d + 2) / 4)^(-1/(d + 4)), a factor of the covariance"
        ] = mixture_logpdf(data, query, np.array([[std**2]]))
    if not isinstance(bandwidth, str):
        mistakes[
            "a numeric bandwidth taken as the kernel standard deviation: it is the factor h "
            "that multiplies the data's standard deviation"
        ] = mixture_logpdf(data, query, h**2 * np.eye(d))
    return want, mistakes


def check(kata, data, query, bandwidth=None, strict=False, **tolerance):
    """Call kde_logpdf, compare with the reference and return the result."""
    f = kata.kde_logpdf
    args = (data, query) if bandwidth is None else (data, query, bandwidth)
    called = describe_call(f, *args)
    if strict:
        got = call_strictly(f, *args, advice=LOG_SPACE_ADVICE)
    else:
        got = call(f, *args)
    want, mistakes = reference(data, query, "scott" if bandwidth is None else bandwidth)
    scale = max(1.0, float(np.max(np.abs(want))))
    tolerance = {"rtol": 1e-9, "atol": 1e-9 * scale, **tolerance}
    assert_close(got, want, what="the log density", called=called, mistakes=mistakes, **tolerance)
    return np.asarray(got, dtype=float)


def correlated(rng, n, d):
    return rng.normal(size=(n, d)) @ (rng.normal(size=(d, d)) + np.eye(d)) + rng.normal(0, 3, d)


def test_kde_logpdf_documented_example(kata):
    """data 0 and 2 (variance (1 + 1)/1 = 2), h = 1: at 1 both kernels give
    N(1; 0, 2) = exp(-1/4)/sqrt(4 pi), so log p = -1/4 - log(4 pi)/2?"""
    got = check(kata, [[0.0], [2.0]], [[1.0]], 1.0)
    assert_close(got, [-0.25 - 0.5 * math.log(4 * math.pi)], what="the log density")


def test_kde_logpdf_small_cases_worked_by_hand(kata):
    """Small cases by hand?

    data -1, 1 (sample variance 2), h = 1/sqrt(2): each kernel is N(., +-1, 1); at 0 the
    density is N(0; 1, 1) = exp(-1/2)/sqrt(2 pi). With "scott" and n = 2, d = 1 the
    factor is 2^(-1/5), the kernel variance 2 * 2^(-2/5).
    """
    got = check(kata, [[-1.0], [1.0]], [[0.0], [1.0]], 1 / math.sqrt(2))
    at_1 = math.log(0.5 * (math.exp(-2.0) + 1.0) / math.sqrt(2 * math.pi))
    assert_close(got, [-0.5 - 0.5 * math.log(2 * math.pi), at_1], what="the log density")
    var = 2 * 2 ** (-0.4)
    got = check(kata, [[-1.0], [1.0]], [[0.0]], "scott")
    assert_close(got, [-1 / (2 * var) - 0.5 * math.log(2 * math.pi * var)], what="log density")
    got = check(kata, [[-1.0], [1.0]], [[0.0]])  # the default is "scott"
    assert_close(got, [-1 / (2 * var) - 0.5 * math.log(2 * math.pi * var)], what="log density")


@pytest.mark.points(4)
@pytest.mark.parametrize("n, d", [(2, 1), (15, 1), (40, 2), (25, 3), (60, 5)])
@pytest.mark.parametrize("bandwidth", ["scott", "silverman", 0.3, 2.0])
def test_kde_logpdf_random_cases(kata, rng, n, d, bandwidth):
    """On seeded random correlated data, queries near and far, every rule of h: right?"""
    if n <= d:
        pytest.skip("the covariance needs n > d")
    data = correlated(rng, n, d)
    query = np.vstack(
        [data[:3] + 0.1 * rng.normal(size=(min(3, n), d))[: min(3, n)], correlated(rng, 4, d) * 2]
    )
    check(kata, data, query, bandwidth)


def test_kde_logpdf_scott_and_silverman_coincide_in_2d(kata, rng):
    """At d = 2, (n (d + 2)/4)^(-1/(d+4)) = n^(-1/6): do both rules give the same values?"""
    data, query = correlated(rng, 30, 2), correlated(rng, 5, 2)
    a = check(kata, data, query, "scott")
    b = check(kata, data, query, "silverman")
    assert_close(b, a, rtol=1e-12, atol=1e-12 * max(1.0, np.abs(a).max()), what='"silverman"')


@pytest.mark.points(2)
@pytest.mark.parametrize("bandwidth", ["scott", "silverman", 0.5])
def test_kde_logpdf_integrates_to_one_in_1d(kata, rng, bandwidth):
    """In 1-D, does exp(log p) integrate to 1 (trapezoid rule over a wide grid)?"""
    data = rng.normal(2.0, 3.0, size=(20, 1))
    grid = np.linspace(data.min() - 40, data.max() + 40, 4001)
    f = kata.kde_logpdf
    density = np.exp(np.asarray(call(f, data, grid[:, None], bandwidth), dtype=float))
    total = float(np.sum((density[1:] + density[:-1]) / 2 * np.diff(grid)))
    assert_close(total, 1.0, rtol=1e-6, what="the integral of the density estimate")


@pytest.mark.points(2)
def test_kde_logpdf_affine_change_of_variables(kata, rng):
    """Mapping data and query by x -> A x + b: does log p drop by exactly log|det A|
    (the estimate follows the data's covariance)?"""
    d = 3
    data, query = correlated(rng, 25, d), correlated(rng, 6, d)
    A = rng.normal(size=(d, d)) + 2 * np.eye(d)
    b = rng.normal(size=d)
    before = check(kata, data, query, "silverman")
    after = check(kata, data @ A.T + b, query @ A.T + b, "silverman")
    log_det = np.linalg.slogdet(A)[1]
    assert_close(after, before - log_det, rtol=1e-9, atol=1e-9, what="log p after x -> Ax + b")


@pytest.mark.points(3)
@pytest.mark.parametrize("d", [1, 2])
def test_kde_logpdf_far_from_the_data(kata, rng, d):
    """A query 1e3 standard deviations from the data, under strict floating point: its
    finite log density (about -5e5 / h^2), not -inf?"""
    data = rng.normal(size=(20, d))
    query = np.vstack([np.zeros(d), np.full(d, 1e3)])
    got = check(kata, data, query, strict=True)
    if not np.all(np.isfinite(got)):
        fail(f"log densities {got.tolist()}: far queries need a finite log density")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "data",
    [
        [[1.0], [1.0], [1.0]],
        [[0.0, 5.0], [1.0, 5.0], [3.0, 5.0]],
        [[0.0, 0.0], [1.0, 2.0], [2.0, 4.0]],
    ],
    ids=["all-equal-1d", "constant-column", "collinear"],
)
def test_kde_logpdf_singular_covariance_raises_linalgerror(kata, data):
    """A covariance that is not positive definite: numpy.linalg.LinAlgError?"""
    query = [[0.5] * len(data[0])]
    expect_error(
        np.linalg.LinAlgError,
        kata.kde_logpdf,
        data,
        query,
        why="the sample covariance is singular",
    )


GOOD = [[0.0], [1.0], [3.0]]


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "data, query, bandwidth, why",
    [
        ([0.0, 1.0, 3.0], [[0.5]], "scott", "data is 1-D"),
        ([[0.0]], [[0.5]], "scott", "data has a single row (n = 1)"),
        (np.empty((3, 0)), np.empty((1, 0)), "scott", "d = 0 columns"),
        (GOOD, [0.5], "scott", "query is 1-D"),
        (GOOD, np.empty((0, 1)), "scott", "query has no rows"),
        (GOOD, [[0.5, 1.0]], "scott", "query has 2 columns, data 1"),
        (GOOD, [[0.5]], "Scott", 'bandwidth "Scott" (the names are case-sensitive)'),
        (GOOD, [[0.5]], "normal", 'an unknown rule "normal"'),
        (GOOD, [[0.5]], 0.0, "bandwidth 0"),
        (GOOD, [[0.5]], -1.0, "a negative bandwidth"),
        (GOOD, [[0.5]], np.inf, "an infinite bandwidth"),
        (GOOD, [[0.5]], np.nan, "a nan bandwidth"),
    ],
    ids=[
        "data-1d",
        "n-1",
        "d-0",
        "query-1d",
        "query-empty",
        "query-columns",
        "Scott",
        "unknown-rule",
        "zero",
        "negative",
        "inf",
        "nan",
    ],
)
def test_kde_logpdf_rejects_bad_input(kata, data, query, bandwidth, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.kde_logpdf, data, query, bandwidth, why=why)


def test_kde_logpdf_leaves_its_inputs_unchanged(kata, rng):
    """Are data and query left exactly as they were?"""
    data, query = correlated(rng, 12, 2), correlated(rng, 3, 2)
    check(kata, data, query, 0.8)  # call() fails the test if an argument is modified


def test_kde_logpdf_makes_no_shortcut_call(kata, rng):
    """Is the estimate computed without scipy.stats.gaussian_kde?"""
    data, query = correlated(rng, 20, 2), correlated(rng, 4, 2)
    f = kata.kde_logpdf
    called = describe_call(f, data, query)
    with forbid(*SHORTCUTS, called=called):
        got = call(f, data, query)
    want, mistakes = reference(data, query, "scott")
    assert_close(got, want, rtol=1e-9, what="the log density", called=called, mistakes=mistakes)
