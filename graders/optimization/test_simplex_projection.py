"""Grader for optimization/simplex_projection: project_to_simplex(v) -> w, the Euclidean
projection of v onto {w >= 0, sum(w) = 1}.

Graded through the KKT conditions (w = max(v - tau, 0) for one tau, summing to 1) and
against the grader's own threshold found by bisection, not by sorting."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe, describe_call, expect_error, fail


def reference(v):
    """max(v - tau, 0) with tau found by bisection on the decreasing sum(max(v - tau, 0))."""
    v = np.asarray(v, dtype=float)
    low, high = v.min() - 1.0, v.max()  # the sum is >= 1 at low and 0 at high
    for _ in range(200):
        mid = (low + high) / 2
        if np.maximum(v - mid, 0.0).sum() >= 1.0:
            low = mid
        else:
            high = mid
    return np.maximum(v - (low + high) / 2, 0.0)


def mistakes(v):
    v = np.asarray(v, dtype=float)
    clipped = np.maximum(v, 0.0)
    right = reference(v)
    found = {
        "projection onto the hyperplane sum(w) = 1 only: the entries must also be clipped "
        "at 0 with one common threshold": v - (v.sum() - 1.0) / v.size,
        "the result is in sorted order: sort only to find tau, then threshold v itself": np.sort(
            right
        )[::-1],
        "softmax is not the Euclidean projection": np.exp(v - v.max()) / np.exp(v - v.max()).sum(),
    }
    if clipped.sum() > 0:
        found[
            "clipping at 0 and renormalising is not the Euclidean projection: subtract one "
            "threshold tau from every entry"
        ] = clipped / clipped.sum()
    return found


def check_kkt(called, v, w):
    """Fail unless w >= 0, sum(w) = 1 and w = max(v - tau, 0) for a single tau."""
    v = np.asarray(v, dtype=float)
    w = np.asarray(w, dtype=float)
    if w.shape != v.shape:
        fail(f"{called} returned {describe(w)}, expected an array of shape {v.shape}")
    if not np.all(np.isfinite(w)):
        fail(f"{called} returned non-finite entries: {describe(w)}")
    if w.min() < -1e-12:
        fail(f"{called}: w has a negative entry {w.min():.3g}; the simplex needs w >= 0")
    if abs(w.sum() - 1.0) > 1e-9:
        fail(f"{called}: sum(w) = {w.sum()!r}, it must be 1")
    support = w > 1e-12
    tau = float(np.mean((v - w)[support]))
    spread = float(np.max(np.abs((v - w)[support] - tau)))
    above = float(np.max(v[~support] - tau)) if np.any(~support) else -np.inf
    if spread > 1e-9 or above > 1e-9:
        fail(
            f"{called}: w = {describe(w)} is not the projection: the KKT conditions need "
            "one threshold tau with w_i = v_i - tau where w_i > 0 and v_i <= tau where "
            f"w_i = 0 (v - w varies by {spread:.3g} on the support; a zero entry has v_i "
            f"above tau by {max(above, 0.0):.3g})"
        )


def check(kata, v):
    f = kata.project_to_simplex
    called = describe_call(f, v)
    w = call(f, v)
    assert_close(
        w, reference(v), atol=1e-9, rtol=1e-9, what="w", called=called, mistakes=mistakes(v)
    )
    check_kkt(called, v, w)
    return np.asarray(w, dtype=float)


def test_project_to_simplex_documented_example(kata):
    """Do the docstring's examples give [0, 1, 0] and [0.3, 0.7, 0]?"""
    assert_close(check(kata, [0.5, 1.5, -1.0]), [0.0, 1.0, 0.0], what="w")
    assert_close(check(kata, [0.4, 0.8, 0.0]), [0.3, 0.7, 0.0], what="w")


def test_project_to_simplex_worked_by_hand(kata):
    """Does v = [1, 0.5, 0.2] give [0.75, 0.25, 0]?

    With all three entries tau = (1.7 - 1) / 3 = 0.233 > 0.2, so the last one drops;
    with two, tau = (1.5 - 1) / 2 = 0.25 and w = [0.75, 0.25, 0].
    """
    assert_close(check(kata, [1.0, 0.5, 0.2]), [0.75, 0.25, 0.0], what="w")
    assert_close(check(kata, [0.2, 1.0, 0.5]), [0.0, 0.75, 0.25], what="w")


def test_project_to_simplex_matches_an_independent_threshold(kata, rng):
    """Do random vectors of every scale match max(v - tau, 0), tau found by bisection?"""
    for scale in (0.01, 0.3, 1.0, 10.0):
        for _ in range(8):
            check(kata, scale * rng.standard_normal(rng.integers(1, 40)))


def test_project_to_simplex_point_on_the_simplex_is_unchanged(kata, rng):
    """Is a probability vector (zeros included) its own projection?"""
    p = rng.dirichlet(np.ones(6))
    assert_close(check(kata, p), p, atol=1e-12, what="w")
    q = np.array([0.0, 0.25, 0.0, 0.75])
    assert_close(check(kata, q), q, atol=1e-12, what="w")


def test_project_to_simplex_shift_invariance(kata, rng):
    """Does adding the same constant to every entry leave the projection unchanged?"""
    v = rng.standard_normal(7)
    base = check(kata, v)
    for c in (-100.0, 5.0, 1e4):
        assert_close(check(kata, v + c), base, atol=1e-9, what=f"projection of v + {c}")


def test_project_to_simplex_single_entry(kata):
    """Does a single coordinate always project to [1]?"""
    for value in (-3.0, 0.0, 0.2, 42.0):
        assert_close(check(kata, [value]), [1.0], what="w")


def test_project_to_simplex_ties(kata):
    """Do tied entries share the mass equally ([1, 1, 1, -5] -> thirds and 0)?"""
    assert_close(check(kata, [1.0, 1.0, 1.0, -5.0]), [1 / 3, 1 / 3, 1 / 3, 0.0], what="w")
    assert_close(check(kata, [-7.0] * 5), [0.2] * 5, what="w")


def test_project_to_simplex_far_outside(kata):
    """Are very large and very negative entries handled ([100, -100, 99.5] -> [0.75, 0, 0.25])?"""
    assert_close(check(kata, [100.0, -100.0, 99.5]), [0.75, 0.0, 0.25], what="w")


def test_project_to_simplex_integer_input(kata):
    """Are integers converted to float ([3, 1] -> [1, 0], [1, 1] -> [0.5, 0.5])?"""
    assert_close(check(kata, [3, 1]), [1.0, 0.0], what="w")
    assert_close(check(kata, [1, 1]), [0.5, 0.5], what="w")


def test_project_to_simplex_long_vector(kata, rng):
    """Does a vector of 20000 entries project correctly (sort or bisect, vectorised)?"""
    check(kata, rng.standard_normal(20000) * 0.01)


@pytest.mark.parametrize(
    "v, why",
    [
        ([[0.5, 0.5]], "v is 2-D"),
        ([], "v is empty"),
        ([0.5, float("nan")], "v has a NaN"),
        ([0.5, float("inf")], "v has an infinite entry"),
    ],
    ids=["2d", "empty", "nan", "inf"],
)
def test_project_to_simplex_rejects_bad_input(kata, v, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.project_to_simplex, v, why=why)


def test_project_to_simplex_leaves_its_input_unchanged(kata, rng):
    """Is v left exactly as it was (sorting a copy, not v itself)?"""
    v = rng.standard_normal(9)
    check(kata, v)
