"""Grader for optimization/convexity: is_convex_quadratic(A, tol) -> bool, whether the
symmetric part (A + A.T) / 2 has smallest eigenvalue >= -tol.

Test matrices are built with known spectra (never in the grey zone around -tol), and
non-symmetric ones by adding a skew-symmetric part, which leaves x.T A x unchanged."""

import numpy as np
import pytest

from mlkata.grading import call, describe, describe_call, expect_error, fail

TRAP = (
    "the eigenvalues of a non-symmetric A do not decide convexity: x.T A x = x.T S x with "
    "S = (A + A.T) / 2, so test the eigenvalues of S"
)
TRIANGLE = (
    "np.linalg.eigvalsh(A) reads only the lower triangle of A, so it sees a different "
    "symmetric matrix: symmetrise first, S = (A + A.T) / 2"
)


def with_spectrum(rng, eigenvalues, skew=0.0):
    """Q diag(eigenvalues) Q.T plus a random skew-symmetric part of size `skew`."""
    d = len(eigenvalues)
    Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    S = Q @ np.diag(eigenvalues) @ Q.T
    S = (S + S.T) / 2
    K = rng.standard_normal((d, d))
    return S + skew * (K - K.T)


def expect(kata, A, want, tol=None, why=""):
    """Call the kata, and fail with the misconception when its answer is the wrong one."""
    f = kata.is_convex_quadratic
    kwargs = {} if tol is None else {"tol": tol}
    called = describe_call(f, A, **kwargs)
    result = call(f, A, **kwargs)
    if not isinstance(result, (bool, np.bool_)):
        fail(f"{called} returned {describe(result)}; it should return a bool")
    if bool(result) == want:
        return
    A = np.asarray(A, dtype=float)
    tol_value = 1e-10 if tol is None else tol
    lines = [f"{called} returned {bool(result)}, expected {want}" + (f" ({why})" if why else "")]
    if not np.allclose(A, A.T):
        real_parts = np.linalg.eigvals(A).real.min() >= -tol_value
        lower = np.linalg.eigvalsh(A)[0] >= -tol_value
        if bool(result) == real_parts:
            lines.append(f"  this is what you get from a known mistake: {TRAP}")
        elif bool(result) == lower:
            lines.append(f"  this is what you get from a known mistake: {TRIANGLE}")
    fail("\n".join(lines))


def test_is_convex_quadratic_documented_example(kata):
    """Is [[2, 1], [1, 2]] convex and [[1, 4], [0, 1]] (eigenvalues 1, 1) not?"""
    expect(kata, [[2.0, 1.0], [1.0, 2.0]], True)
    expect(kata, [[1.0, 4.0], [0.0, 1.0]], False, why="x = (1, -1) gives x.T A x = -2")


def test_is_convex_quadratic_worked_by_hand(kata):
    """Do small cases decided by hand come out right?

    diag(1, 2): convex. diag(1, -1): x = e2 goes down. [[1, 2], [2, 1]]: eigenvalues
    3, -1. [[1, 1], [1, 1]]: eigenvalues 2, 0, convex (PSD, not PD).
    """
    expect(kata, [[1.0, 0.0], [0.0, 2.0]], True)
    expect(kata, [[1.0, 0.0], [0.0, -1.0]], False)
    expect(kata, [[1.0, 2.0], [2.0, 1.0]], False)
    expect(kata, [[1.0, 1.0], [1.0, 1.0]], True, why="PSD with eigenvalue 0")


def test_is_convex_quadratic_positive_eigenvalues_are_not_enough(kata):
    """Is [[1, -5], [0, 2]] (eigenvalues 1 and 2) recognised as non-convex?"""
    expect(kata, [[1.0, -5.0], [0.0, 2.0]], False, why="its symmetric part has det 2 - 6.25 < 0")


def test_is_convex_quadratic_lower_triangle_alone_is_not_enough(kata):
    """Are [[1, 3], [0, 1]], [[1, 0], [3, 1]] and [[2, 0], [3, 2]] judged by S, not a triangle?"""
    expect(kata, [[1.0, 3.0], [0.0, 1.0]], False, why="symmetric part [[1, 1.5], [1.5, 1]]")
    expect(kata, [[1.0, 0.0], [3.0, 1.0]], False, why="symmetric part [[1, 1.5], [1.5, 1]]")
    expect(kata, [[2.0, 0.0], [3.0, 2.0]], True, why="symmetric part [[2, 1.5], [1.5, 2]]")


@pytest.mark.parametrize("d", [2, 5, 12])
def test_is_convex_quadratic_random_symmetric(kata, rng, d):
    """Are random symmetric matrices with known spectra classified by their smallest one?"""
    for _ in range(4):
        positive = rng.uniform(0.1, 10.0, d)
        expect(kata, with_spectrum(rng, positive), True)
        negative = positive.copy()
        negative[rng.integers(d)] = -rng.uniform(1e-3, 1.0)
        expect(kata, with_spectrum(rng, negative), False)


@pytest.mark.parametrize("d", [2, 6])
def test_is_convex_quadratic_random_non_symmetric(kata, rng, d):
    """With a skew-symmetric part added, does only the symmetric part decide?"""
    for _ in range(4):
        positive = rng.uniform(0.1, 3.0, d)
        expect(kata, with_spectrum(rng, positive, skew=2.0), True)
        negative = positive.copy()
        negative[0] = -0.5
        expect(kata, with_spectrum(rng, negative, skew=2.0), False)


def test_is_convex_quadratic_respects_tol(kata, rng):
    """Is the test lambda_min(S) >= -tol, with the tol given (and 1e-10 by default)?"""
    eigenvalues = np.array([1.0, 2.0, -0.75e-10])
    A = with_spectrum(rng, eigenvalues)
    expect(kata, A, True, why="lambda_min = -0.75e-10 is within the default tol = 1e-10")
    A = with_spectrum(rng, np.array([1.0, 2.0, -0.01]))
    expect(kata, A, False, why="lambda_min = -0.01 with the default tol")
    expect(kata, A, True, tol=0.1, why="lambda_min = -0.01 >= -tol = -0.1")
    expect(kata, A, False, tol=0.001, why="lambda_min = -0.01 < -tol = -0.001")


def test_is_convex_quadratic_singular_psd_and_zero(kata, rng):
    """Are the zero matrix and a rank-deficient PSD matrix convex?"""
    expect(kata, np.zeros((3, 3)), True)
    v = rng.standard_normal((4, 2))
    expect(kata, v @ v.T, True, why="v v.T has rank 2, eigenvalues >= 0")


def test_is_convex_quadratic_one_by_one(kata):
    """Is [[0]] convex, [[3]] convex and [[-1]] not?"""
    expect(kata, [[0.0]], True)
    expect(kata, [[3.0]], True)
    expect(kata, [[-1.0]], False)


def test_is_convex_quadratic_integer_input(kata):
    """Are integer matrices handled ([[2, -1], [-1, 2]] convex, [[0, 1], [1, 0]] not)?"""
    expect(kata, [[2, -1], [-1, 2]], True)
    expect(kata, [[0, 1], [1, 0]], False)


@pytest.mark.parametrize(
    "A, tol, why",
    [
        ([1.0, 2.0], 1e-10, "A is 1-D"),
        ([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], 1e-10, "A is not square"),
        (np.zeros((0, 0)), 1e-10, "A is empty"),
        ([[1.0, float("nan")], [0.0, 1.0]], 1e-10, "A has a NaN"),
        ([[1.0, 0.0], [0.0, 1.0]], -1.0, "tol is negative"),
    ],
    ids=["1d", "not-square", "empty", "nan", "tol<0"],
)
def test_is_convex_quadratic_rejects_bad_input(kata, A, tol, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.is_convex_quadratic, A, tol=tol, why=why)


def test_is_convex_quadratic_leaves_its_input_unchanged(kata, rng):
    """Is A left exactly as it was (no symmetrising in place)?"""
    A = with_spectrum(rng, np.array([1.0, 2.0, 3.0]), skew=1.0)
    expect(kata, A, True)
