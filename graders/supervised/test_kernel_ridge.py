"""Grader for supervised/kernel_ridge: rbf_kernel(X, Y, gamma) and
kernel_ridge_predict(X_train, y_train, X_test, gamma, lam).

The kernel is compared with exp(-gamma * sum of squared differences), computed pair by
pair. The predictions are checked through the normal equations: the predictions at
the training points, f = K alpha, satisfy (K + lam I) f = K y, and then alpha =
(y - f) / lam gives the predictions anywhere, K_test alpha.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, call_strictly, describe_call, expect_error, fail


def kernel(X, Y, gamma, power=2, scale=1.0):
    """exp(-gamma |x - y|^power * scale), one pair at a time."""
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    K = np.empty((len(X), len(Y)))
    for i, x in enumerate(X):
        for j, y in enumerate(Y):
            dist = np.sqrt(np.sum((x - y) ** 2))
            K[i, j] = np.exp(-gamma * scale * dist**power)
    return K


def kernel_mistakes(X, Y, gamma):
    return {
        "the distance is not squared: exp(-gamma |x - y|)": kernel(X, Y, gamma, power=1),
        "an extra 1/2: exp(-gamma |x - y|^2 / 2)": kernel(X, Y, gamma, scale=0.5),
        "gamma used as a width: exp(-|x - y|^2 / gamma)": kernel(X, Y, 1 / gamma),
        "gamma used as sigma: exp(-|x - y|^2 / (2 gamma^2))": kernel(X, Y, 1 / (2 * gamma**2)),
    }


def check_kernel(kata, X, Y, gamma, expected=None):
    f = kata.rbf_kernel
    called = describe_call(f, X, Y, gamma)
    K = call_strictly(f, X, Y, gamma, advice="far-apart points should underflow to 0")
    want = kernel(X, Y, gamma) if expected is None else expected
    assert_close(
        K,
        want,
        rtol=1e-7,
        atol=1e-12,
        what="K",
        called=called,
        mistakes=kernel_mistakes(X, Y, gamma),
    )
    return np.asarray(K, dtype=float)


def solve(X_train, y_train, X_test, gamma, lam, shift=0.0):
    """K_test (K + lam I)^{-1} y, for naming mistakes (shift: an intercept)."""
    K = kernel(X_train, X_train, gamma)
    y = np.asarray(y_train, dtype=float) - shift
    return kernel(X_test, X_train, gamma) @ np.linalg.solve(K + lam * np.eye(len(K)), y) + shift


def predict_mistakes(X_train, y_train, X_test, gamma, lam):
    n = len(y_train)
    K = kernel(X_train, X_train, gamma)
    Kt = kernel(X_test, X_train, gamma)
    y = np.asarray(y_train, dtype=float)
    out = {
        "lam is missing: alpha = K^{-1} y": Kt @ np.linalg.lstsq(K, y, rcond=None)[0],
        "lam n I where the kata asks for lam I": solve(X_train, y, X_test, gamma, lam * n),
        "lam added to every entry of K, not only to its diagonal": Kt
        @ np.linalg.lstsq(K + lam, y, rcond=None)[0],
        "an intercept (the mean of y) was fitted; the kata asks for none": solve(
            X_train, y, X_test, gamma, lam, shift=y.mean()
        ),
        "(K + lam I)^{-1} y is alpha, not the prediction: multiply by K_test": np.linalg.solve(
            K + lam * np.eye(n), y
        ),
    }
    for words, wrong in kernel_mistakes(X_train, X_train, gamma).items():
        wrong_test = kernel_mistakes(X_test, X_train, gamma)[words]
        out[f"in the kernel, {words}"] = wrong_test @ np.linalg.solve(wrong + lam * np.eye(n), y)
    return out


def check_predict(kata, X_train, y_train, X_test, gamma, lam, expected=None, rtol=1e-7):
    """Predictions at X_test, checked against the normal equations (and the solve)."""
    f = kata.kernel_ridge_predict
    called = describe_call(f, X_train, y_train, X_test, gamma, lam)
    got = call(f, X_train, y_train, X_test, gamma, lam)
    want = solve(X_train, y_train, X_test, gamma, lam) if expected is None else expected
    a, e = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    if a.shape == e.shape and np.all(np.abs(a - e) <= 1e-9 + rtol * np.abs(e)):
        return a
    assert_close(  # wrong: work out which mistake it is (only now, it costs time)
        got,
        want,
        rtol=rtol,
        atol=1e-9,
        what="the predictions",
        called=called,
        mistakes=predict_mistakes(X_train, y_train, X_test, gamma, lam),
    )
    return np.asarray(got, dtype=float)


def check_normal_equations(kata, X_train, y_train, X_test, gamma, lam):
    """(K + lam I) f_train = K y, and f_test = K_test (y - f_train) / lam."""
    f = kata.kernel_ridge_predict
    y = np.asarray(y_train, dtype=float)
    K = kernel(X_train, X_train, gamma)
    f_train = np.asarray(call(f, X_train, y_train, X_train, gamma, lam), dtype=float)
    scale = np.abs(K @ y).max() + 1
    assert_close(
        (K + lam * np.eye(len(y))) @ f_train / scale,
        K @ y / scale,
        rtol=1e-7,
        atol=1e-9,
        what="(K + lam I) f(X_train) / max|K y| against K y / max|K y| (the normal equations)",
        called=describe_call(f, X_train, y_train, X_train, gamma, lam),
    )
    f_test = call(f, X_train, y_train, X_test, gamma, lam)
    alpha = (y - f_train) / lam
    assert_close(
        f_test,
        kernel(X_test, X_train, gamma) @ alpha,
        rtol=1e-6,
        atol=1e-8,
        what="f(X_test) against K_test alpha, alpha = (y - f(X_train)) / lam",
        called=describe_call(f, X_train, y_train, X_test, gamma, lam),
    )


@pytest.mark.points(2)
def test_rbf_kernel_documented_example(kata):
    """Does the docstring's example give [[exp(-1), 1]]?"""
    check_kernel(kata, [[0.0, 0.0]], [[1.0, 1.0], [0.0, 0.0]], 0.5, expected=[[np.exp(-1), 1.0]])


def test_rbf_kernel_hand_checked(kata):
    """Is k(x, y) = exp(-2 * 25) for points 5 apart with gamma = 2, and 1 on the diagonal?"""
    X = np.array([[0.0, 0.0], [3.0, 4.0]])
    check_kernel(kata, X, X, 2.0, expected=[[1.0, np.exp(-50.0)], [np.exp(-50.0), 1.0]])
    check_kernel(
        kata, [[1.0]], [[3.0], [1.0], [0.0]], 0.25, expected=[[np.exp(-1), 1, np.exp(-0.25)]]
    )


@pytest.mark.points(2)
def test_rbf_kernel_random_points(kata, rng):
    """Do random X (n, d) and Y (m, d) give the pairwise exp(-gamma |x - y|^2), shape (n, m)?"""
    for _ in range(8):
        n, m, d = (int(v) for v in rng.integers(1, 9, size=3))
        X, Y = rng.normal(size=(n, d)), rng.normal(size=(m, d)) + 0.5
        check_kernel(kata, X, Y, float(10 ** rng.uniform(-1.5, 0.5)))


def test_rbf_kernel_gram_matrix_properties(kata, rng):
    """Is K(X, X) symmetric with ones on its diagonal and entries in (0, 1]?"""
    X = rng.normal(size=(12, 3))
    K = check_kernel(kata, X, X, 0.3)
    assert_close(K, K.T, what="K(X, X) against its transpose")
    assert_close(np.diag(K), np.ones(12), what="the diagonal of K(X, X)")
    if np.any(K <= 0) or np.any(K > 1 + 1e-12):
        fail("K(X, X) has entries outside (0, 1]")


def test_rbf_kernel_far_points_underflow(kata):
    """Do points 1e3 apart give 0 without a floating-point error (and no overflow)?"""
    check_kernel(kata, [[0.0], [1e3]], [[1e3], [0.0]], 1.0, expected=[[0.0, 1.0], [1.0, 0.0]])


@pytest.mark.parametrize(
    "X, Y, gamma, why",
    [
        ([1.0, 2.0], [[1.0]], 1.0, "X is 1-D"),
        ([[1.0, 2.0]], [[1.0]], 1.0, "2 features against 1"),
        ([[1.0]], [[1.0]], 0.0, "gamma = 0"),
        ([[1.0]], [[1.0]], -1.0, "gamma < 0"),
        (np.zeros((0, 2)), [[1.0, 2.0]], 1.0, "X has no rows"),
    ],
    ids=["X-1d", "features", "gamma-0", "gamma-neg", "empty"],
)
def test_rbf_kernel_rejects_bad_input(kata, X, Y, gamma, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.rbf_kernel, X, Y, gamma, why=why)


@pytest.mark.points(2)
def test_kernel_ridge_predict_documented_example(kata):
    """Does the docstring's example give [0.883445, 0.568712] (to 6 decimals)?"""
    X = [[0.0], [1.0], [2.0]]
    got = check_predict(kata, X, [0.0, 1.0, 0.0], [[1.0], [1.5]], 1.0, 0.1)
    assert_close(got, [0.883445, 0.568712], rtol=0, atol=5e-7, what="the predictions")


@pytest.mark.points(2)
def test_kernel_ridge_predict_one_training_point(kata):
    """With one training point, is f(x) = k(x, x1) y1 / (1 + lam)?

    K = [[1]], so alpha = y1 / (1 + lam): with y1 = 3, lam = 0.5 and gamma = 1,
    f(x1) = 2 and f(x1 + 1) = 2 exp(-1).
    """
    check_predict(kata, [[2.0]], [3.0], [[2.0], [3.0]], 1.0, 0.5, expected=[2.0, 2 * np.exp(-1)])


@pytest.mark.points(3)
def test_kernel_ridge_predict_satisfies_the_normal_equations(kata, rng):
    """On random data, do the training predictions solve (K + lam I) f = K y, and f_test follow?"""
    for _ in range(6):
        n, m, d = int(rng.integers(2, 25)), int(rng.integers(1, 10)), int(rng.integers(1, 4))
        X = rng.normal(size=(n, d))
        y = np.sin(X.sum(axis=1)) + 0.1 * rng.normal(size=n)
        X_test = rng.normal(size=(m, d))
        gamma, lam = float(10 ** rng.uniform(-1, 0.5)), float(10 ** rng.uniform(-2, 0.5))
        check_normal_equations(kata, X, y, X_test, gamma, lam)
        check_predict(kata, X, y, X_test, gamma, lam, rtol=1e-6)


@pytest.mark.points(2)
def test_kernel_ridge_predict_limits_of_lam(kata, rng):
    """Does a huge lam give ~ K_test y / lam, and a tiny one nearly interpolate y?"""
    X = rng.normal(size=(8, 2)) * 3
    y = rng.normal(size=8)
    big = check_predict(kata, X, y, X, 0.5, 1e8)
    assert_close(big * 1e8, kernel(X, X, 0.5) @ y, rtol=1e-6, what="lam * f for lam = 1e8")
    small = check_predict(kata, X, y, X, 0.5, 1e-8, rtol=1e-5)
    assert_close(small, y, rtol=0, atol=1e-5, what="f(X_train) for lam = 1e-8 (nearly y)")


def test_kernel_ridge_predict_no_intercept(kata, rng):
    """Far from every training point, is the prediction 0 (no intercept), even for y ~ 100?"""
    X = rng.normal(size=(10, 2))
    y = 100 + rng.normal(size=10)
    check_predict(kata, X, y, [[50.0, 50.0]], 1.0, 0.1, expected=[0.0])


def test_kernel_ridge_predict_leaves_inputs_unchanged(kata, rng):
    """Are X_train, y_train and X_test left exactly as they were (call() compares them)?"""
    X, X_test = rng.normal(size=(10, 2)), rng.normal(size=(4, 2))
    check_predict(kata, X, rng.normal(size=10), X_test, 0.7, 0.2)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, X_test, gamma, lam, why",
    [
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], [[1.0]], 1.0, 0.1, "3 targets for 2 samples"),
        ([[1.0], [2.0]], [[1.0], [2.0]], [[1.0]], 1.0, 0.1, "y_train is 2-D"),
        ([[1.0], [2.0]], [1.0, 2.0], [[1.0, 2.0]], 1.0, 0.1, "X_test has 2 features"),
        ([[1.0], [2.0]], [1.0, 2.0], [[1.0]], 0.0, 0.1, "gamma = 0"),
        ([[1.0], [2.0]], [1.0, 2.0], [[1.0]], 1.0, -0.1, "lam < 0"),
        (np.zeros((0, 1)), [], [[1.0]], 1.0, 0.1, "no training samples"),
    ],
    ids=["lengths", "y-2d", "test-features", "gamma-0", "lam-neg", "empty"],
)
def test_kernel_ridge_predict_rejects_bad_input(kata, X, y, X_test, gamma, lam, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.kernel_ridge_predict, X, y, X_test, gamma, lam, why=why)


@pytest.mark.timeout(5)
def test_kernel_ridge_predict_larger_data(kata, rng):
    """Do 1000 training and 400 test points give predictions solving the normal equations?"""
    X = rng.normal(size=(1000, 5))
    y = np.cos(X[:, 0]) + rng.normal(size=1000) * 0.1
    X_test = rng.normal(size=(400, 5))
    f = kata.kernel_ridge_predict
    both = np.vstack([X, X_test])
    pred = np.asarray(call(f, X, y, both, 0.2, 0.5), dtype=float)
    f_train, f_test = pred[:1000], pred[1000:]

    def gram(A, B):  # squared distances coordinate by coordinate, no expansion
        sq = sum((A[:, k, None] - B[None, :, k]) ** 2 for k in range(A.shape[1]))
        return np.exp(-0.2 * sq)

    K, Kt = gram(X, X), gram(X_test, X)
    called = describe_call(f, X, y, both, 0.2, 0.5)
    assert_close(
        K @ f_train + 0.5 * f_train,
        K @ y,
        rtol=1e-6,
        atol=1e-6,
        called=called,
        what="(K + lam I) f(X_train) against K y",
    )
    assert_close(
        f_test,
        Kt @ (y - f_train) / 0.5,
        rtol=1e-6,
        atol=1e-6,
        called=called,
        what="f(X_test) against K_test (y - f(X_train)) / lam",
    )
