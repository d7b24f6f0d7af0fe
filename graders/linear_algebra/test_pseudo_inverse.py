"""Grader for linear_algebra/pseudo_inverse: pseudo_inverse(A, rcond) -> A^+ (n, m).
Checked through the four Penrose conditions (which determine A^+ uniquely) and against
closed forms: (A^T A)^-1 A^T, A^T (A A^T)^-1, and C^+ B^+ for a full-rank factorisation
A = B C."""

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    describe_call,
    expect_error,
    fail,
    forbid,
)


def full_rank(rng, m, n, condition=20.0):
    """A random m x n matrix of full rank with singular values from 1 to ``condition``."""
    r = min(m, n)
    U = np.linalg.qr(rng.standard_normal((m, r)))[0]
    V = np.linalg.qr(rng.standard_normal((n, r)))[0]
    return (U * np.geomspace(condition, 1.0, r)) @ V.T


def closed_form(A):
    """(A^T A)^-1 A^T for full column rank, A^T (A A^T)^-1 for full row rank."""
    A = np.asarray(A, dtype=float)
    if A.shape[0] >= A.shape[1]:
        return np.linalg.solve(A.T @ A, A.T)
    return np.linalg.solve(A @ A.T, A).T


def run(kata, A, *, rcond=None):
    """Call the kata and check the shape and that the result is finite."""
    f = kata.pseudo_inverse
    kwargs = {} if rcond is None else {"rcond": rcond}
    called = describe_call(f, A, **kwargs)
    X = call(f, A, **kwargs)
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    X = np.asarray(X, dtype=float)
    if X.shape != (n, m):
        hint = (
            ": it has the shape of A; A^+ = V diag(1/sigma) U^T is (n, m)"
            if X.shape == (m, n)
            else ""
        )
        fail(f"{called}: the result has shape {X.shape}, expected {(n, m)}{hint}")
    if not np.all(np.isfinite(X)):
        fail(
            f"{called}: the result contains inf or nan: singular values at most "
            "rcond * sigma_max must count as zero, not be inverted"
        )
    return called, X


def assert_penrose(called, A, X, *, rtol=1e-9):
    """The four Penrose conditions for X = A^+, within round-off."""
    A = np.asarray(A, dtype=float)
    size_a = max(np.abs(A).max(), 1e-300)
    size_x = max(np.abs(X).max(), 1e-300)
    conditions = [
        ("A X A = A", A @ X @ A, A, size_a),
        ("X A X = X", X @ A @ X, X, size_x),
        ("(A X)^T = A X", (A @ X).T, A @ X, 1.0),
        ("(X A)^T = X A", (X @ A).T, X @ A, 1.0),
    ]
    for name, left, right, size in conditions:
        worst = float(np.abs(left - right).max()) if left.size else 0.0
        # Each product grows round-off by about ||A|| ||X||; A X and X A are O(1).
        allowed = rtol * size * max(size_a * size_x, 1.0)
        if worst > allowed:
            extra = ""
            if size_x > 1e8 * max(1.0 / size_a, 1.0):
                extra = (
                    f" (the result has entries up to {size_x:.3g}: a tiny singular value "
                    "was inverted; those at most rcond * sigma_max count as zero)"
                )
            fail(
                f"{called}: the Penrose condition {name} fails by {worst:.3g} "
                f"(allowed {allowed:.3g}){extra}"
            )


def check(kata, A, expected, *, rcond=None, mistakes=None, truncated=None):
    """A^+ against ``expected``, then the Penrose conditions.

    Where rcond cuts off a singular value that is not negligible, the conditions hold
    for ``truncated`` (A without that singular value), not for A.
    """
    called, X = run(kata, A, rcond=rcond)
    expected = np.asarray(expected, dtype=float)
    if np.abs(X).max() > 1e6 * max(np.abs(expected).max(), 1e-300) and not mistakes:
        fail(
            f"{called}: the result has entries up to {np.abs(X).max():.3g}, expected at most "
            f"{np.abs(expected).max():.3g}: a negligible singular value was inverted (no "
            "cut-off?); those at most rcond * sigma_max count as zero"
        )
    assert_close(
        X,
        expected,
        rtol=1e-8,
        atol=1e-10 * max(np.abs(expected).max(), 1.0),
        what="A^+",
        called=called,
        mistakes=mistakes,
    )
    assert_penrose(called, A if truncated is None else truncated, X)
    return X


@pytest.mark.points(2)
def test_pseudo_inverse_documented_example(kata):
    """Is the pseudo-inverse of [[1, 0], [0, 2], [0, 0]] the 2 x 3 matrix
    [[1, 0, 0], [0, 0.5, 0]], and that of [[1, 2], [2, 4]] the same matrix / 25?

    [[1, 2], [2, 4]] = 5 u u^T with u = [1, 2] / sqrt(5): A^+ = u u^T / 5.
    """
    check(kata, [[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]], [[1.0, 0.0, 0.0], [0.0, 0.5, 0.0]])
    check(kata, [[1.0, 2.0], [2.0, 4.0]], np.array([[1.0, 2.0], [2.0, 4.0]]) / 25)


@pytest.mark.points(2)
def test_pseudo_inverse_hand_checked_vectors(kata):
    """Is a column's pseudo-inverse a^T / ||a||^2 and a row's a / ||a||^2?

    [[1], [2], [2]] has ||a||^2 = 9, so its pseudo-inverse is [[1, 2, 2]] / 9.
    """
    check(kata, [[1.0], [2.0], [2.0]], [[1 / 9, 2 / 9, 2 / 9]])
    check(kata, [[3.0, 0.0, 4.0]], [[3 / 25], [0.0], [4 / 25]])


def test_pseudo_inverse_invertible_matrix(kata, rng):
    """For an invertible square A, is A^+ the inverse (A^+ A = I)?"""
    A = full_rank(rng, 5, 5)
    X = check(kata, A, closed_form(A))
    assert_close(X @ A, np.eye(5), atol=1e-9, what="A^+ A")


@pytest.mark.points(3)
@pytest.mark.parametrize("m, n", [(8, 3), (3, 8), (20, 20), (50, 10), (1, 4)])
def test_pseudo_inverse_full_rank(kata, rng, m, n):
    """For full-rank A, does A^+ match (A^T A)^-1 A^T or A^T (A A^T)^-1?"""
    A = full_rank(rng, m, n)
    check(
        kata,
        A,
        closed_form(A),
        mistakes={
            "the result is transposed (U diag(1/sigma) V^T instead of V diag(1/sigma) U^T?)": (
                closed_form(A).T if m == n else np.nan
            )
        },
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("m, n, r", [(6, 4, 2), (4, 7, 3), (10, 10, 1), (12, 9, 5)])
def test_pseudo_inverse_rank_deficient(kata, rng, m, n, r):
    """For A = B C of rank r < min(m, n), does A^+ = C^+ B^+ (and Penrose) hold?

    rcond = 1e-10 keeps the round-off singular values of B C clearly below the cut-off.
    """
    B = full_rank(rng, m, r, 5.0)
    C = full_rank(rng, r, n, 5.0)
    A = B @ C
    check(kata, A, closed_form(C) @ closed_form(B), rcond=1e-10)


def test_pseudo_inverse_exactly_singular(kata):
    """Do repeated rows and a zero row give the pseudo-inverse with the default rcond?

    [[1, 2], [1, 2], [0, 0]] = a b^T with a = [1, 1, 0], b = [1, 2]: A^+ = b a^T / (2 * 5).
    """
    A = [[1.0, 2.0], [1.0, 2.0], [0.0, 0.0]]
    check(kata, A, np.outer([1.0, 2.0], [1.0, 1.0, 0.0]) / 10)


@pytest.mark.points(2)
def test_pseudo_inverse_cuts_off_tiny_singular_values(kata):
    """With sigma = 1 and 1e-17, is the 1e-17 treated as zero (not inverted to 1e17)?"""
    A = np.diag([1.0, 1e-17])
    check(
        kata,
        A,
        np.diag([1.0, 0.0]),
        mistakes={"no cut-off: 1 / sigma was taken of a negligible sigma": np.diag([1.0, 1e17])},
    )


@pytest.mark.points(2)
def test_pseudo_inverse_rcond_is_relative(kata):
    """Is the cut-off rcond * sigma_max (relative), with sigma <= it counting as zero?

    diag(2, 1) with rcond = 0.5: the cut-off is 0.5 * 2 = 1, and sigma = 1 <= 1 is dropped.
    diag(1, 1e-3) with rcond = 1e-2 drops 1e-3; with the default rcond it keeps it.
    """
    check(
        kata,
        np.diag([2.0, 1.0]),
        np.diag([0.5, 0.0]),
        rcond=0.5,
        truncated=np.diag([2.0, 0.0]),
        mistakes={
            "sigma equal to rcond * sigma_max must count as zero (<=, not <)": np.diag([0.5, 1.0])
        },
    )
    check(kata, np.diag([1.0, 1e-3]), np.diag([1.0, 0.0]), rcond=1e-2, truncated=np.diag([1.0, 0]))
    check(kata, np.diag([1.0, 1e-3]), np.diag([1.0, 1e3]))


def test_pseudo_inverse_tiny_and_huge_scales(kata, rng):
    """Is (c A)^+ = A^+ / c for c = 1e-20 and 1e20 (the cut-off is relative to sigma_max)?"""
    A = full_rank(rng, 4, 3)
    expected = closed_form(A)
    check(kata, A * 1e-20, expected * 1e20)
    check(kata, A * 1e20, expected * 1e-20)


def test_pseudo_inverse_zero_matrix(kata):
    """Is the pseudo-inverse of the 3 x 2 zero matrix the 2 x 3 zero matrix?"""
    check(kata, np.zeros((3, 2)), np.zeros((2, 3)))
    check(kata, [[0.0]], [[0.0]])


def test_pseudo_inverse_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was?"""
    A = full_rank(rng, 5, 3)
    check(kata, A, closed_form(A))  # call() compares A after the call


@pytest.mark.parametrize(
    "A, rcond, why",
    [
        ([1.0, 2.0, 3.0], 1e-15, "A is 1-D, it must be 2-D"),
        (np.zeros((0, 3)), 1e-15, "A is empty"),
        (np.ones((2, 2, 2)), 1e-15, "A is 3-D"),
        ([[1.0, 2.0], [3.0, 4.0]], -1.0, "rcond < 0"),
    ],
    ids=["1d", "empty", "3d", "negative-rcond"],
)
def test_pseudo_inverse_rejects_bad_input(kata, A, rcond, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.pseudo_inverse, A, rcond, why=why)


@pytest.mark.points(2)
def test_pseudo_inverse_no_library_pinv(kata, rng):
    """Is A^+ computed without np.linalg.pinv or np.linalg.lstsq?"""
    A = full_rank(rng, 6, 4)
    # The catalogue forbids NumPy's two; naming SciPy's would cost the grader a SciPy
    # import (about 0.4 s), and SciPy's pinv lives in a module with allowed functions.
    with forbid("numpy.linalg.pinv", "numpy.linalg.lstsq", called="pseudo_inverse"):
        check(kata, A, closed_form(A))


@pytest.mark.timeout(5)
def test_pseudo_inverse_large_matrix(kata, rng):
    """Does a 200 x 120 matrix of rank 80 go through in time?"""
    B = rng.standard_normal((200, 80))
    C = rng.standard_normal((80, 120))
    called, X = run(kata, B @ C, rcond=1e-10)
    assert_penrose(called, B @ C, X)
