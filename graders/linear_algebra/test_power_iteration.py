"""Grader for linear_algebra/power_iteration: power_iteration(A, num_iters, tol, rng) ->
Eigenpair(value, vector). Matrices are built from known eigenpairs; the vector's sign is
free. The protocol (start vector rng.standard_normal(n)) is checked on unconverged runs,
where the vector is still +-A^k x0 normalised."""

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
    forbid,
)

# Stopping on a relative change of 1e-12 in the Rayleigh quotient leaves the vector
# accurate to about sqrt(1e-12) = 1e-6 only (the quotient converges twice as fast as
# the vector), so vectors are compared with an absolute tolerance of 1e-4.
VECTOR_ATOL = 1e-4
SHORTCUTS = (
    "numpy.linalg.eig",
    "numpy.linalg.eigh",
    "numpy.linalg.eigvals",
    "numpy.linalg.eigvalsh",
    "numpy.linalg.svd",
    "scipy.linalg.eig",
    "scipy.linalg.eigh",
    "scipy.linalg.eigvals",
    "scipy.linalg.eigvalsh",
    "scipy.linalg.svd",
    "scipy.sparse.linalg.eigs",
    "scipy.sparse.linalg.eigsh",
    "scipy.sparse.linalg.svds",
)

NORMALISE = (
    "normalise the vector at every step, or A^k x0 overflows: v = w / ||w||, after "
    "dividing w by its largest |entry| so that squaring in the norm cannot overflow."
)


def symmetric(rng, values):
    """Q diag(values) Q^T and its eigenvector for values[0]."""
    n = len(values)
    Q = np.linalg.qr(rng.standard_normal((n, n)))[0]
    A = (Q * values) @ Q.T
    return (A + A.T) / 2, Q[:, 0]


def non_symmetric(rng, values):
    """S diag(values) S^-1 with a well-conditioned S, and the eigenvector for values[0]."""
    n = len(values)
    S = np.eye(n) + 0.3 * rng.standard_normal((n, n)) / np.sqrt(n)
    A = np.linalg.solve(S.T, (S * values).T).T  # S diag(values) S^-1
    return A, S[:, 0] / np.linalg.norm(S[:, 0])


def with_eigenvector(rng, u, values):
    """A symmetric matrix with eigenvalue values[0] for the unit vector u."""
    n = len(values)
    M = rng.standard_normal((n, n))
    M[:, 0] = u
    Q = np.linalg.qr(M)[0]
    Q[:, 0] = u
    A = (Q * values) @ Q.T
    return (A + A.T) / 2


def tilted(rng, x, cosine):
    """A unit vector at the given cosine to x (the rest orthogonal to x, random)."""
    x = x / np.linalg.norm(x)
    w = np.zeros_like(x)
    while np.linalg.norm(w) < 0.1:  # (the rng may share the start vector's seed)
        w = rng.standard_normal(len(x))
        w -= (w @ x) * x
    w /= np.linalg.norm(w)
    return cosine * x + np.sqrt(1.0 - cosine**2) * w


def start_vector(seed, n):
    """The protocol's start vector for a Generator seeded with ``seed``."""
    return np.random.default_rng(seed).standard_normal(n)


def run(kata, A, *, strict=False, **kwargs):
    """Call power_iteration(A, **kwargs), under strict floats if ``strict``."""
    f = kata.power_iteration
    called = describe_call(f, A, **kwargs)
    result = call_strictly(f, A, advice=NORMALISE, **kwargs) if strict else call(f, A, **kwargs)
    value, vector = fields(result, ["value", "vector"], "power_iteration")
    n = np.shape(A)[0]
    try:
        value = float(value)
    except (TypeError, ValueError):
        fail(f"{called}: value should be a float, got {value!r}")
    vector = np.asarray(vector, dtype=float)
    if vector.shape != (n,):
        fail(f"{called}: vector has shape {vector.shape}, expected {(n,)}")
    if not np.all(np.isfinite(vector)) or not np.isfinite(value):
        fail(f"{called}: the result contains nan or inf (value {value!r})")
    length = float(np.sqrt(vector @ vector))
    if abs(length - 1.0) > 1e-10:
        fail(f"{called}: vector has length {length:.6g}, expected a unit vector")
    return called, value, vector


def check(kata, A, eigenvalue, eigenvector, *, strict=False, **kwargs):
    called, value, vector = run(kata, A, strict=strict, **kwargs)
    A = np.asarray(A, dtype=float)
    assert_close(
        value,
        eigenvalue,
        rtol=1e-8,
        atol=0.0,
        what="value",
        called=called,
        mistakes={
            "the value is |lambda| (the norm of A v?): use the Rayleigh quotient "
            "v @ A @ v, which keeps the sign of a negative eigenvalue": abs(eigenvalue),
        },
    )
    sign = 1.0 if vector @ eigenvector >= 0 else -1.0
    assert_close(
        sign * vector,
        eigenvector,
        rtol=0.0,
        atol=VECTOR_ATOL,
        what="vector (sign aligned)",
        called=called,
    )
    return value, vector


@pytest.mark.points(2)
def test_power_iteration_documented_example(kata):
    """Does [[2, 1], [1, 2]] give 3 and +-[1, 1]/sqrt(2), and diag(-5, 1) give -5?"""
    check(kata, [[2.0, 1.0], [1.0, 2.0]], 3.0, np.array([1.0, 1.0]) / np.sqrt(2))
    check(kata, [[-5.0, 0.0], [0.0, 1.0]], -5.0, np.array([1.0, 0.0]))


@pytest.mark.points(2)
def test_power_iteration_negative_dominant_eigenvalue(kata):
    """Is diag(1, -4, 2)'s dominant eigenvalue -4, sign included, with vector +-e2?

    |-4| is the largest modulus; A e2 = -4 e2. Its norm ||A v|| would be 4.
    """
    check(kata, np.diag([1.0, -4.0, 2.0]), -4.0, np.array([0.0, 1.0, 0.0]))


def test_power_iteration_one_by_one(kata):
    """Is the eigenpair of [[7]] (7, [+-1]) and of [[-2]] (-2, [+-1])?"""
    check(kata, [[7.0]], 7.0, np.array([1.0]))
    check(kata, [[-2.0]], -2.0, np.array([1.0]))


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "values",
    [[4.0, 2.0, 1.0], [-6.0, 3.0, -1.0, 0.5], [10.0, -5.0, 4.0, 3.0, 2.0, 1.0, 0.0, -1.0]],
    ids=["positive", "negative", "n8"],
)
def test_power_iteration_random_symmetric(kata, rng, values):
    """On random symmetric matrices with known eigenpairs, are the value and vector right?"""
    A, u = symmetric(rng, values)
    check(kata, A, values[0], u, rng=np.random.default_rng(1))


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "values", [[3.0, 1.0, -0.5], [-5.0, 2.0, 1.0, -1.0, 0.5]], ids=["positive", "negative"]
)
def test_power_iteration_non_symmetric(kata, rng, values):
    """On non-symmetric matrices with real eigenvalues, are the value and vector right?"""
    A, u = non_symmetric(rng, values)
    check(kata, A, values[0], u, rng=np.random.default_rng(2))


def check_iterate(called, A, value, vector, x0, num_iters, advice):
    """The vector must be +-A^k x0 / ||A^k x0|| for k = num_iters - 1, num_iters or
    num_iters + 1 (how the start counts is free), the value the Rayleigh quotient of an
    iterate."""
    x = np.array(x0, dtype=float)
    iterates = [x / np.linalg.norm(x)]  # iterates[k] = A^k x0 normalised
    for _ in range(num_iters + 1):
        x = A @ x
        iterates.append(x / np.linalg.norm(x))
    candidates = iterates[max(num_iters - 1, 0) :]
    distances = [min(np.abs(vector - it).max(), np.abs(vector + it).max()) for it in candidates]
    if min(distances) > 1e-8:
        fail(
            f"{called}: after num_iters={num_iters} steps the vector is not "
            f"+-A^k x0 / ||A^k x0|| for k near {num_iters} (distance {min(distances):.3g}): "
            + advice
        )
    quotients = [float(it @ A @ it) for it in iterates]
    if min(abs(value - q) for q in quotients) > 1e-10:
        fail(
            f"{called}: value {value!r} is not the Rayleigh quotient of the iterate "
            f"(expected one of {[round(q, 10) for q in quotients]})"
        )


def slow_matrix(rng, n=4):
    """A symmetric matrix with eigenvalue ratio 0.9: far from converged after 3 steps."""
    return symmetric(rng, [1.0, 0.9, 0.8, -0.85, 0.5, 0.3][:n])[0]


@pytest.mark.points(2)
@pytest.mark.parametrize("seed", [1, 7, 2024])
def test_power_iteration_start_vector_protocol(kata, rng, seed):
    """Is the start vector rng.standard_normal(n) from the rng given? (After 3 steps the
    vector is still +-A^3 x0 normalised, which pins x0 down.)"""
    A = slow_matrix(rng)
    called, value, vector = run(kata, A, num_iters=3, rng=np.random.default_rng(seed))
    advice = (
        f"with rng = np.random.default_rng({seed}), start from x0 = rng.standard_normal(n), "
        "drawn from the rng you are given, and stop after num_iters steps"
    )
    check_iterate(called, A, value, vector, start_vector(seed, 4), 3, advice)


@pytest.mark.points(2)
def test_power_iteration_default_rng(kata, rng):
    """Without an rng, is the start vector np.random.default_rng(0).standard_normal(n)?"""
    for n in (3, 5):
        A = slow_matrix(rng, n)
        called, value, vector = run(kata, A, num_iters=3)
        advice = (
            "without an rng, start from x0 = np.random.default_rng(0).standard_normal(n): "
            "use that default rng"
        )
        check_iterate(called, A, value, vector, start_vector(0, n), 3, advice)


def test_power_iteration_respects_num_iters(kata, rng):
    """With num_iters = 1 and 5 on a slowly converging matrix, does it stop in time?"""
    A = slow_matrix(rng, 5)
    for num_iters in (1, 5):
        called, value, vector = run(kata, A, num_iters=num_iters, rng=np.random.default_rng(5))
        advice = "stop after num_iters steps, starting from rng.standard_normal(n)"
        check_iterate(called, A, value, vector, start_vector(5, 5), num_iters, advice)


def test_power_iteration_respects_tol(kata, rng):
    """With tol = 1e-3, does it stop early?

    The quotient then still differs from the eigenvalue 1 by about 1e-4: an answer
    within 1e-7 means the iteration ran on, ignoring tol.
    """
    u = tilted(rng, start_vector(3, 4), 0.3)  # start far from u: many steps to go
    # Every other eigenvalue has modulus 0.5, so the quotient approaches 1 steadily.
    A = with_eigenvector(rng, u, [1.0, 0.5, 0.5, -0.5])
    called, value, vector = run(kata, A, tol=1e-3, rng=np.random.default_rng(3))
    error = abs(value - 1.0)
    if error < 1e-7:
        fail(
            f"{called}: value {value!r} is converged far beyond tol = 1e-3: stop when the "
            "value changes by at most tol * |value|"
        )
    if error > 0.05:
        fail(f"{called}: value {value!r} is far from the eigenvalue 1.0 (stopped too early?)")


def test_power_iteration_huge_entries_do_not_overflow(kata, rng):
    """With entries near 1e100, does normalising every step keep everything finite?"""
    A, u = symmetric(rng, [3.0, -1.0, 0.5])
    check(kata, A * 1e100, 3e100, u, strict=True)


def test_power_iteration_tiny_entries_converge(kata, rng):
    """With entries near 1e-10, is the stopping test relative (change <= tol * |value|)?

    Every change of a value of size 1e-10 is below an absolute 1e-12 from the first
    step on: a test |change| <= tol (not tol * |value|) stops long before convergence.
    """
    A, u = symmetric(rng, [3.0, 2.7, -1.0, 0.5])
    check(kata, A * 1e-10, 3e-10, u, rng=np.random.default_rng(1))


@pytest.mark.points(2)
def test_power_iteration_slow_convergence_does_not_overflow(kata, rng):
    """With eigenvalues 50 and 47.5 (hundreds of steps), is every step normalised?"""
    A, u = symmetric(rng, [50.0, 47.5, 10.0, -20.0])
    check(kata, A, 50.0, u, strict=True)


def test_power_iteration_leaves_input_unchanged(kata, rng):
    """Is A left exactly as it was?"""
    A, u = symmetric(rng, [2.0, 1.0, 0.5])
    check(kata, A, 2.0, u)  # call() compares A after the call


@pytest.mark.parametrize(
    "A, kwargs, why",
    [
        ([1.0, 2.0], {}, "A is 1-D, it must be 2-D"),
        ([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], {}, "A is not square"),
        (np.zeros((0, 0)), {}, "A is empty"),
        ([[2.0, 0.0], [0.0, 1.0]], {"num_iters": 0}, "num_iters < 1"),
        ([[2.0, 0.0], [0.0, 1.0]], {"tol": -1.0}, "tol < 0"),
    ],
    ids=["1d", "not-square", "empty", "num-iters-zero", "negative-tol"],
)
def test_power_iteration_rejects_bad_input(kata, A, kwargs, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.power_iteration, A, why=why, **kwargs)


@pytest.mark.points(2)
def test_power_iteration_no_library_eigensolver(kata, rng):
    """Is the eigenpair found without np.linalg.eig*, svd or SciPy's eigen-solvers?"""
    A, u = symmetric(rng, [-3.0, 1.5, 1.0, 0.2])
    with forbid(*SHORTCUTS, called="power_iteration"):
        check(kata, A, -3.0, u)


@pytest.mark.timeout(5)
def test_power_iteration_large_matrix(kata, rng):
    """Does a 400 x 400 matrix converge in time (vectorised matrix-vector products)?"""
    values = np.concatenate([[8.0, -4.0], rng.uniform(-3.0, 3.0, 398)])
    # Q = H1 H2, two random Householder reflections: cheap to build at this size.
    w1, w2 = rng.standard_normal((2, 400))
    w1, w2 = w1 / np.linalg.norm(w1), w2 / np.linalg.norm(w2)
    Q = np.eye(400) - 2 * np.outer(w1, w1)
    Q -= 2 * np.outer(Q @ w2, w2)
    A = (Q * values) @ Q.T
    check(kata, (A + A.T) / 2, 8.0, Q[:, 0])
