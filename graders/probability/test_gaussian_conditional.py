"""Grader for probability/gaussian_conditional:
gaussian_conditional(mean, cov, observed_idx, observed_values) -> Gaussian(mean, cov)."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
    fields,
    random_spd,
)


def precision_form(mean, cov, idx, values):
    """The conditional from the precision matrix Λ = Σ⁻¹.

    cov = Λ_aa⁻¹ and mean = μ_a - Λ_aa⁻¹ Λ_ab (x_b - μ_b).
    """
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    b = np.asarray(idx, dtype=int)
    a = np.array([i for i in range(mean.size) if i not in set(b.tolist())], dtype=int)
    P = np.linalg.inv(cov)
    cond_cov = np.linalg.inv(P[np.ix_(a, a)]) if a.size else np.zeros((0, 0))
    shift = np.asarray(values, dtype=float) - mean[b]
    cond_mean = mean[a] - cond_cov @ P[np.ix_(a, b)] @ shift
    return a, b, cond_mean, cond_cov


def check(kata, mean, cov, idx, values, **tolerance):
    f = kata.gaussian_conditional
    called = describe_call(f, mean, cov, idx, values)
    result = call(f, mean, cov, idx, values)
    got_mean, got_cov = fields(result, ["mean", "cov"], "gaussian_conditional")
    a, b, want_mean, want_cov = precision_form(mean, cov, idx, values)
    mu, S = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    x_b = np.asarray(values, dtype=float)
    mistakes = {}
    if b.size:
        S_ab, S_bb = S[np.ix_(a, b)], S[np.ix_(b, b)]
        mistakes = {
            "x_b was used without subtracting mu_b: the shift is Σ_ab Σ_bb⁻¹ (x_b - mu_b)": mu[a]
            + S_ab @ np.linalg.solve(S_bb, x_b),
            "the observed values were paired with the sorted indices: observed_values[i] "
            "belongs to observed_idx[i]": mu[a]
            + S[np.ix_(a, np.sort(b))]
            @ np.linalg.solve(S[np.ix_(np.sort(b), np.sort(b))], x_b - mu[np.sort(b)]),
            "Σ_ab (x_b - mu_b) without Σ_bb⁻¹": mu[a] + S_ab @ (x_b - mu[b]),
            "the shift was subtracted instead of added": mu[a]
            - S_ab @ np.linalg.solve(S_bb, x_b - mu[b]),
        }
    assert_close(
        got_mean,
        want_mean,
        what="the conditional mean",
        called=called,
        mistakes=mistakes,
        **tolerance,
    )
    cov_mistakes = {}
    if b.size:
        cov_mistakes = {
            "the marginal Σ_aa: conditioning must shrink it by Σ_ab Σ_bb⁻¹ Σ_ba": S[np.ix_(a, a)],
            "Σ_aa + Σ_ab Σ_bb⁻¹ Σ_ba: the Schur complement subtracts": 2 * S[np.ix_(a, a)]
            - want_cov,
        }
    assert_close(
        got_cov,
        want_cov,
        what="the conditional covariance",
        called=called,
        mistakes=cov_mistakes,
        **tolerance,
    )
    return np.asarray(got_mean, dtype=float), np.asarray(got_cov, dtype=float)


@pytest.mark.points(2)
def test_gaussian_conditional_documented_example(kata):
    """With correlation 0.8 and x_1 = 1, is x_0 | x_1 ~ N(0.8, 1 - 0.64)?"""
    m, c = check(kata, [0.0, 0.0], [[1.0, 0.8], [0.8, 1.0]], [1], [1.0])
    assert_close(m, [0.8], what="the conditional mean")
    assert_close(c, [[0.36]], what="the conditional covariance")


@pytest.mark.points(2)
def test_gaussian_conditional_hand_checked_case(kata):
    """Does observing x_0 = 3 give the by-hand conditional of x_1, x_2?

    mean (1, 2, 0), cov [[2, 1, 0], [1, 2, 0], [0, 0, 5]]:
    Σ_ab Σ_bb⁻¹ = (1/2, 0): mean (2 + (3 - 1)/2, 0) = (3, 0); cov [[2 - 1/2, 0], [0, 5]].
    """
    cov = [[2.0, 1.0, 0.0], [1.0, 2.0, 0.0], [0.0, 0.0, 5.0]]
    m, c = check(kata, [1.0, 2.0, 0.0], cov, [0], [3.0])
    assert_close(m, [3.0, 0.0], what="the conditional mean")
    assert_close(c, [[1.5, 0.0], [0.0, 5.0]], what="the conditional covariance")


@pytest.mark.points(3)
@pytest.mark.parametrize("d, m", [(2, 1), (5, 2), (8, 5), (12, 3)])
def test_gaussian_conditional_random_cases(kata, rng, d, m):
    """Do random covariances and unsorted observed indices match the precision-matrix form?"""
    cov = random_spd(rng, d, smallest=0.5)
    mean = rng.normal(size=d)
    idx = rng.permutation(d)[:m]
    if np.all(np.diff(idx) > 0) and m > 1:
        idx = idx[::-1].copy()
    values = mean[idx] + rng.normal(size=m)
    m_, c_ = check(kata, mean, cov, idx, values)
    assert_close(c_, c_.T, what="cov - covᵀ (the conditional covariance must be symmetric)")


def test_gaussian_conditional_independent_block_is_unchanged(kata, rng):
    """When x_a and x_b are independent (Σ_ab = 0), is the conditional the marginal?"""
    cov = np.zeros((4, 4))
    cov[:2, :2] = random_spd(rng, 2, smallest=0.5)
    cov[2:, 2:] = random_spd(rng, 2, smallest=0.5)
    mean = rng.normal(size=4)
    m, c = check(kata, mean, cov, [3, 2], [10.0, -7.0])
    assert_close(m, mean[:2], what="the conditional mean")
    assert_close(c, cov[:2, :2], what="the conditional covariance")


def test_gaussian_conditional_nothing_or_everything_observed(kata, rng):
    """Does observing nothing give the original (mean, cov), and everything give empty arrays?"""
    cov, mean = random_spd(rng, 3, smallest=0.5), rng.normal(size=3)
    m, c = check(kata, mean, cov, np.array([], dtype=int), np.array([]))
    assert_close(m, mean, what="the mean with nothing observed")
    m, c = check(kata, mean, cov, [2, 0, 1], [1.0, 2.0, 3.0])
    assert_close(m.shape + c.shape, (0, 0, 0), what="the shapes with everything observed")


def test_gaussian_conditional_mean_is_linear_in_the_observation(kata, rng):
    """Is the conditional mean linear in x_b, with slope Σ_ab Σ_bb⁻¹?"""
    cov, mean = random_spd(rng, 4, smallest=0.5), rng.normal(size=4)
    base, _ = check(kata, mean, cov, [1, 3], [0.0, 0.0])
    moved, _ = check(kata, mean, cov, [1, 3], [1.0, 0.0])
    slope = np.linalg.solve(cov[np.ix_([1, 3], [1, 3])], cov[np.ix_([1, 3], [0, 2])]).T[:, 0]
    assert_close(moved - base, slope, what="the change of the mean per unit of x_1")


RELATIVE_SYMMETRY = (
    "symmetry is relative to the size of cov: max|cov - cov^T| <= 1e-10 * max|cov|, not "
    "an absolute tolerance"
)


@pytest.mark.points(2)
@pytest.mark.parametrize("scale", [1e4, 1e-4], ids=["1e4", "1e-4"])
def test_gaussian_conditional_at_extreme_scales(kata, rng, scale):
    """Coordinates scaled by 1e4 or 1e-4 (cov of size 1e8 or 1e-8): is the conditional
    right (relative to its scale), an asymmetry of 1e-11 * max|cov| accepted as
    round-off and one of 1e-4 * max|cov| rejected?"""
    cov = random_spd(rng, 4, condition=10.0) * scale**2
    mean = rng.standard_normal(4) * scale
    idx, values = [3, 1], rng.standard_normal(2) * scale
    tolerance = {"rtol": 1e-7, "atol": 1e-9 * scale**2}
    check(kata, mean, cov, idx, values, **tolerance)
    top = np.abs(cov).max()
    close = cov.copy()
    close[0, 2] += 1e-11 * top
    try:
        check(kata, mean, close, idx, values, rtol=1e-6, atol=1e-9 * scale**2)
    except ValueError as exc:
        fail(
            f"{describe_call(kata.gaussian_conditional, mean, close, idx, values)} raised "
            f"{type(exc).__name__} ({exc}): cov is symmetric to 1e-11 relative; "
            + RELATIVE_SYMMETRY
        )
    far = cov.copy()
    far[0, 2] += 1e-4 * top
    expect_error(
        ValueError,
        kata.gaussian_conditional,
        mean,
        far,
        idx,
        values,
        why="cov is 1e-4 * max|cov| away from symmetric; " + RELATIVE_SYMMETRY,
    )


def test_gaussian_conditional_leaves_inputs_unchanged(kata, rng):
    """Are mean, cov, observed_idx and observed_values left exactly as they were?"""
    cov, mean = random_spd(rng, 5, smallest=0.5), rng.normal(size=5)
    idx, values = np.array([4, 1]), rng.normal(size=2)
    check(kata, mean, cov, idx, values)  # call() compares all four after the call


def test_gaussian_conditional_singular_observed_block(kata):
    """Does a singular Σ_bb (two identical observed coordinates) raise LinAlgError?"""
    cov = [[1.0, 0.5, 0.5], [0.5, 1.0, 1.0], [0.5, 1.0, 1.0]]
    expect_error(
        np.linalg.LinAlgError,
        kata.gaussian_conditional,
        [0.0, 0.0, 0.0],
        cov,
        [1, 2],
        [0.0, 0.0],
        why="Σ_bb = [[1, 1], [1, 1]] is singular",
    )


@pytest.mark.parametrize(
    "idx, values, why",
    [
        ([1, 1], [0.0, 0.0], "index 1 is repeated"),
        ([3], [0.0], "index 3 is out of range for d = 3"),
        ([-1], [0.0], "index -1 is out of range"),
        ([0.5], [0.0], "index 0.5 is not an integer"),
        ([0, 1], [0.0], "two indices but one value"),
    ],
    ids=["repeated", "too_large", "negative", "not_integer", "length_mismatch"],
)
def test_gaussian_conditional_rejects_bad_indices(kata, idx, values, why):
    """Do bad observed indices raise ValueError with a message?"""
    cov = [[2.0, 0.5, 0.1], [0.5, 1.0, 0.2], [0.1, 0.2, 1.5]]
    expect_error(ValueError, kata.gaussian_conditional, [0.0, 1.0, 2.0], cov, idx, values, why=why)


@pytest.mark.parametrize(
    "mean, cov, why",
    [
        ([0.0, 0.0, 0.0], np.eye(2), "cov is 2 x 2 for a mean of length 3"),
        ([[0.0, 0.0]], np.eye(2), "mean is 2-D"),
        ([0.0, 0.0], [[1.0, 0.5], [0.0, 1.0]], "cov is not symmetric"),
    ],
    ids=["cov_shape", "mean_2d", "not_symmetric"],
)
def test_gaussian_conditional_rejects_bad_shapes(kata, mean, cov, why):
    """Do bad mean / cov raise ValueError with a message?"""
    expect_error(ValueError, kata.gaussian_conditional, mean, cov, [0], [1.0], why=why)
