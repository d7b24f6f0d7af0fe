"""The shared grading helpers: tolerances, messages, shortcuts, unmodified inputs."""

from __future__ import annotations

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    assert_gradient,
    assert_orthonormal,
    call,
    describe,
    describe_call,
    expect_error,
    forbid,
    numeric_gradient,
    strict_floats,
)

Failed = pytest.fail.Exception


def message_of(func, *args, **kwargs) -> str:
    with pytest.raises(Failed) as info:
        func(*args, **kwargs)
    return str(info.value)


def test_assert_close_accepts_values_within_tolerance():
    """Are round-off differences and exact zeros near zero accepted?"""
    assert_close([1.0, 0.0], [1.0 + 1e-12, 1e-13])
    assert_close(np.inf, np.inf)
    assert_close([np.nan], [np.nan])


def test_assert_close_names_the_largest_error_and_where():
    """Does the message give the index, got, expected and the error?"""
    message = message_of(assert_close, [1.0, 2.0, 3.5], [1.0, 2.0, 3.0], what="dw")
    assert "dw is wrong at index (2,): got 3.5, expected 3.0" in message
    assert "largest error 0.5" in message and "1 of 3 entries are off" in message


@pytest.mark.parametrize(
    "actual, words",
    [
        ([2.0, 4.0], "exactly 2x"),
        ([0.5, 1.0], "exactly half"),
        ([-1.0, -2.0], "opposite sign"),
        ([3.0, 6.0], "times 3"),
    ],
)
def test_assert_close_recognises_scaled_answers(actual, words):
    """Are answers off by a constant factor recognised in the message?"""
    assert words in message_of(assert_close, actual, [1.0, 2.0])


def test_assert_close_recognises_a_transpose():
    """Is a transposed matrix named as such?"""
    expected = np.arange(6.0).reshape(2, 3)
    assert "transpose" in message_of(assert_close, expected.T, expected)
    square = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert "transpose" in message_of(assert_close, square.T, square)


def test_assert_close_names_a_known_mistake():
    """Does a match with a listed mistake name that misconception?"""
    message = message_of(assert_close, [1.5], [1.0], mistakes={"n - 1 divisor": [1.5]})
    assert "known mistake: n - 1 divisor" in message


def test_assert_close_reports_shape_nan_and_inf():
    """Are wrong shapes, NaN and overflow each explained?"""
    assert "shape (2,), expected shape (2, 1)" in message_of(assert_close, [1, 2], [[1], [2]])
    assert "NaN" in message_of(assert_close, [np.nan, 1.0], [0.0, 1.0])
    assert "overflow" in message_of(assert_close, [np.inf], [1.0])


def test_call_detects_modified_inputs():
    """Is an in-place change of an array, or of an array in a dict, reported by name?"""

    def scale(x, params):
        x *= 2
        return x

    message = message_of(call, scale, np.ones(3), {"W": np.ones(2)})
    assert "modified its input `x` in place" in message

    def touch_dict(x, params):
        params["W"][0] = 5.0
        return 0

    assert "`params`" in message_of(call, touch_dict, np.ones(3), {"W": np.ones(2)})
    assert call(lambda x: float(np.sum(x)), np.ones(3)) == 3.0


def test_expect_error_explains_what_happened_instead():
    """Does expect_error say what was raised or returned instead of the right error?"""

    def returns(x):
        return 1.0

    def raises_type_error(x):
        raise TypeError("nope")

    def raises_silently(x):
        raise ValueError

    assert "but returned 1.0" in message_of(expect_error, ValueError, returns, [], why="empty")
    assert "but raised TypeError: nope" in message_of(
        expect_error, ValueError, raises_type_error, []
    )
    assert "empty message" in message_of(expect_error, ValueError, raises_silently, [])
    error = expect_error(ValueError, lambda x: np.linalg.cholesky(-np.eye(2)), [])
    assert isinstance(error, np.linalg.LinAlgError)


def test_forbid_catches_calls_however_they_are_reached():
    """Is a forbidden function caught through np.linalg, a from-import and a wrapper?"""
    from numpy.linalg import eigh

    matrix = np.eye(3)
    for use in (
        lambda: np.linalg.eig(matrix),
        lambda: eigh(matrix),
        lambda: list(map(np.linalg.eigvalsh, [matrix])),
    ):
        message = message_of(_run_forbidden, use)
        assert "which this kata asks you not to use" in message


def _run_forbidden(use):
    with forbid(
        "numpy.linalg.eig", "numpy.linalg.eigh", "numpy.linalg.eigvalsh", called="symmetric_eigen"
    ):
        use()


def test_forbid_lets_other_calls_through():
    """Are allowed NumPy calls, and forbidden names never called, left alone?"""
    with forbid("numpy.linalg.eig", "scipy.linalg.*"):
        np.linalg.svd(np.eye(3))
        np.linalg.norm(np.ones(3))


def test_forbid_catches_a_whole_module_imported_late():
    """Is `scipy.linalg.*` caught even when SciPy is imported inside the function?"""
    pytest.importorskip("scipy")

    def lazy():
        import scipy.linalg

        return scipy.linalg.qr(np.eye(2))

    with pytest.raises(Failed, match=r"scipy\.linalg\.\*"):
        with forbid("scipy.linalg.*"):
            lazy()


def test_strict_floats_reports_overflow():
    """Does an overflow under strict_floats fail with a stability message?"""
    message = message_of(_overflow)
    assert "not numerically stable" in message and "overflow" in message


def _overflow():
    with strict_floats("sigmoid"):
        np.exp(np.array([1e4]))


def test_gradient_helpers():
    """Does the central difference recover a known gradient, and reject a wrong one?"""

    def f(x):
        return float(np.sum(x**3))

    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    np.testing.assert_allclose(numeric_gradient(f, x), 3 * x**2, rtol=1e-8)
    assert_gradient(3 * x**2, f, x)
    assert "the gradient is wrong" in message_of(assert_gradient, 2 * x**2, f, x)


def test_assert_orthonormal():
    """Are orthonormal columns accepted and a non-unit column named?"""
    q, _ = np.linalg.qr(np.random.default_rng(0).standard_normal((5, 3)))
    assert_orthonormal(q)
    assert_orthonormal(q.T, axis=1)
    assert "column 1 has squared norm 4" in message_of(assert_orthonormal, q * [1, 2, 1])


def test_describe_shows_shapes_not_megabytes():
    """Are large arrays described by dtype and shape, small ones in full?"""
    assert describe(np.zeros((1000, 3))) == "float64 array of shape (1000, 3)"
    assert describe(np.array([1.0, 2.0])) == "array([1., 2.])"
    assert describe_call(lambda X, k: None, np.zeros((50, 2)), 3) == (
        "<lambda>(X=float64 array of shape (50, 2), k=3)"
    )


def test_call_explains_a_changed_signature():
    """Does a function with the wrong parameters get a message about its signature?"""

    def mse_loss_and_grad(X, y, w):
        return 0.0

    message = message_of(call, mse_loss_and_grad, 1, 2, 3, 4)
    assert message.startswith("mse_loss_and_grad(X, y, w) cannot be called as the kata asks")


def test_strict_floats_takes_kata_specific_advice():
    """Does strict_floats carry the grader's advice, without a chained traceback?"""
    with pytest.raises(Failed) as info:
        with strict_floats("entropy", advice="treat 0 * log 0 as 0"):
            np.log(np.zeros(1))
    assert str(info.value).endswith("Treat 0 * log 0 as 0.")
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_forbid_names_scipy_functions_without_importing_scipy():
    """Is a SciPy function caught by name, though forbid() never imported SciPy?"""
    import subprocess
    import sys

    code = (
        "import sys, numpy as np\n"
        "from mlkata.grading import forbid\n"
        "guard = forbid('scipy.linalg.cholesky', 'scipy.linalg.qr')\n"
        "watch = guard.__enter__()\n"
        "assert 'scipy' not in sys.modules\n"
        "import scipy.linalg\n"
        "scipy.linalg.cholesky(np.eye(2))\n"
        "scipy.linalg.solve(np.eye(2), np.ones(2))\n"
        "sys.setprofile(None)\n"
        "print(watch.used)\n"
    )
    pytest.importorskip("scipy")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['scipy.linalg.cholesky']"


def test_forbid_a_whole_module_allows_importing_it():
    """Does `import scipy.linalg` inside the block pass when only its calls are forbidden?"""
    import subprocess
    import sys

    pytest.importorskip("scipy")
    code = (
        "import numpy as np\n"
        "from mlkata.grading import forbid\n"
        "with forbid('scipy.linalg.*', 'scipy.linalg.qr') as watch:\n"
        "    import scipy.linalg\n"
        "print(watch.used)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
