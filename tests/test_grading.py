"""The shared grading helpers: tolerances, messages, shortcuts, unmodified inputs."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pytest

from mlkata.grading import (
    FixedUniforms,
    assert_close,
    assert_gradient,
    assert_orthonormal,
    call,
    call_strictly,
    describe,
    describe_call,
    expect_error,
    fields,
    forbid,
    hmm_bad_inputs,
    hmm_example,
    numeric_gradient,
    random_distribution,
    random_hmm,
    random_spd,
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
    """Does an overflow under strict_floats fail with the floating-point message?"""
    message = message_of(_overflow)
    assert message.startswith("sigmoid hit a floating-point error (overflow encountered in exp)")


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


@pytest.mark.parametrize(
    "value, text",
    [
        ([[1, 2], [3, 4]], "[[1, 2], [3, 4]]"),
        ([[1.0, 2.0, 3.0]] * 4, "nested list of shape (4, 3)"),
        (([0, 1],) * 5, "nested tuple of shape (5, 2)"),
        ([[[0.0] * 2] * 3] * 2, "nested list of shape (2, 3, 2)"),
        ([[1, 2], [3]], "list of length 2"),
        ([0.5] * 20, "list of length 20"),
        ([None, 1.0], "list of length 2"),
        ([], "[]"),
        (["a", "a", "b"], "['a', 'a', 'b']"),
    ],
    ids=["small", "2d", "tuple", "3d", "ragged", "long-flat", "not-numbers", "empty", "strings"],
)
def test_describe_gives_nested_lists_a_shape(value, text):
    """Is a list of lists shown in full when small, else by shape; a ragged one by length?"""
    assert describe(value) == text


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
    assert str(info.value) == (
        "entropy hit a floating-point error (divide by zero encountered in log): "
        "treat 0 * log 0 as 0."
    )
    assert info.value.__cause__ is None and info.value.__suppress_context__


def entropy(p):
    p = np.asarray(p, dtype=float)
    return float(-np.sum(p * np.log2(p)))


def python_reciprocal(x):
    return 1 / x


def python_exp(x):
    return math.exp(x)


@pytest.mark.parametrize(
    "func, argument, what",
    [
        (entropy, np.array([0.5, 0.5, 0.0]), "(divide by zero encountered in log2)"),
        (python_reciprocal, 0.0, "(ZeroDivisionError: float division by zero)"),
        (python_exp, 1e4, "(OverflowError: math range error)"),
    ],
    ids=["numpy-divide", "zero-division", "overflow"],
)
def test_call_strictly_turns_float_errors_into_one_message(func, argument, what):
    """Do NumPy's, Python's division and overflow errors all give the same message?"""
    message = message_of(call_strictly, func, argument, advice="Skip the zero terms.")
    assert message == f"{describe_call(func, argument)} hit a floating-point error {what}: " + (
        "Skip the zero terms."
    )


def test_call_strictly_gives_generic_advice_and_passes_other_errors_through():
    """Without advice, is there a suggestion; is a ValueError raised as it is?"""
    message = message_of(call_strictly, lambda x: np.float64(x) / 0.0, 1.0)
    assert "hit a floating-point error (divide by zero encountered" in message
    assert message.endswith("(see the hints).")

    def validating(x):
        raise ValueError("x must be positive")

    with pytest.raises(ValueError, match="x must be positive"):
        call_strictly(validating, -1.0)

    def stub(x):
        raise NotImplementedError

    with pytest.raises(NotImplementedError):
        call_strictly(stub, 1.0)


def test_call_strictly_can_advise_by_error():
    """Can the advice depend on the error, e.g. overflow against division by zero?"""

    def advice(error):
        return "rescale first" if "overflow" in str(error) else "skip the zero vector"

    def ratio(x):
        return np.exp(x) / x

    assert message_of(call_strictly, ratio, np.array([1e4]), advice=advice).endswith(
        "(overflow encountered in exp): rescale first."
    )
    assert message_of(call_strictly, ratio, np.array([0.0]), advice=advice).endswith(
        "(divide by zero encountered in divide): skip the zero vector."
    )


def test_call_strictly_checks_inputs_and_allows_underflow():
    """Are inputs checked as by call(), and is an underflow to 0 accepted?"""

    def scale(x):
        x *= 2
        return x

    assert "modified its input `x` in place" in message_of(call_strictly, scale, np.ones(2))
    assert call_strictly(lambda x: float(np.exp(x)[0]), np.array([-1e4])) == 0.0
    assert np.geterr()["divide"] != "raise", "the strict mode must end with the call"


class Split(NamedTuple):
    low: float
    high: float


def test_fields_reads_by_name_then_by_position():
    """Is a NamedTuple read by name (any order) and a plain tuple by position?"""
    assert fields(Split(1.0, 2.0), ["high", "low"]) == (2.0, 1.0)
    assert fields((1.0, 2.0), ["low", "high"], "split") == (1.0, 2.0)


def test_fields_names_a_missing_field():
    """Does a result without the asked field fail, naming that field and the result?"""
    message = message_of(fields, (1.0,), ["low", "high"], "split")
    assert message == (
        "split should return a NamedTuple with a field `high` (position 1); it returned (1.0,)"
    )


@pytest.mark.parametrize("n, zeros", [(1, 0), (5, 0), (10, 4), (10, 9)])
def test_random_distribution_sums_to_one_with_the_asked_zeros(n, zeros):
    """Is it a probability vector of length n with exactly `zeros` zero entries?"""
    p = random_distribution(np.random.default_rng(n + zeros), n, zeros)
    assert p.shape == (n,) and np.all(p >= 0)
    assert math.isclose(math.fsum(p.tolist()), 1.0, abs_tol=1e-12)
    assert int(np.sum(p == 0)) == zeros


def test_random_distribution_puts_the_zeros_anywhere():
    """Do the zeros land at different positions from draw to draw?"""
    rng = np.random.default_rng(1)
    positions = {tuple(np.flatnonzero(random_distribution(rng, 6, 2) == 0)) for _ in range(30)}
    assert len(positions) > 5
    with pytest.raises(ValueError, match="zeros"):
        random_distribution(rng, 3, 3)


@pytest.mark.parametrize(
    "d, smallest, condition",
    [(2, 1.0, 10.0), (5, 0.5, 10.0), (20, 1.0, 1e4), (60, 1e-3, 100.0)],
)
def test_random_spd_is_symmetric_with_the_asked_spectrum(d, smallest, condition):
    """Is it exactly symmetric, with eigenvalues from `smallest` to `smallest * condition`?"""
    A = random_spd(np.random.default_rng(d), d, smallest, condition)
    assert A.shape == (d, d) and np.array_equal(A, A.T)
    eigenvalues = np.linalg.eigvalsh(A)
    assert eigenvalues.min() > 0
    np.testing.assert_allclose(eigenvalues[[0, -1]], [smallest, smallest * condition], rtol=1e-8)
    np.testing.assert_allclose(np.linalg.cond(A), condition, rtol=1e-8)


def test_random_spd_differs_from_draw_to_draw_even_one_by_one():
    """Are two draws different, the 1 x 1 case included (a random eigenvalue in range)?"""
    rng = np.random.default_rng(3)
    assert not np.allclose(random_spd(rng, 4), random_spd(rng, 4))
    ones = [float(random_spd(rng, 1, 2.0, 5.0)[0, 0]) for _ in range(10)]
    assert len(set(ones)) == 10 and all(2.0 <= v <= 10.0 for v in ones)


@pytest.mark.parametrize("zeros", [False, True])
def test_random_hmm_gives_distributions_of_the_asked_sizes(zeros):
    """Are startprob and every row of transmat and emissionprob distributions, of shape S, M?"""
    rng = np.random.default_rng(4)
    pi, A, B = random_hmm(rng, 4, 3, zeros=zeros)
    assert pi.shape == (4,) and A.shape == (4, 4) and B.shape == (4, 3)
    for P in (pi[None], A, B):
        assert np.all(P >= 0)
        np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-12)


def test_random_hmm_zeros_never_empty_a_row():
    """With zeros, are there exact zeros in A and B, but never a whole row of them?"""
    rng = np.random.default_rng(5)
    draws = [random_hmm(rng, 5, 4, zeros=True) for _ in range(20)]
    assert any(np.any(A == 0) for _, A, _ in draws) and any(np.any(B == 0) for *_, B in draws)
    assert all(np.all(P.max(axis=1) > 0) for _, A, B in draws for P in (A, B))


def test_hmm_bad_inputs_spoil_one_argument_each():
    """Does each case name an id and a reason, and keep the arguments it does not spoil?"""
    obs, pi, A, B = hmm_example()
    cases = hmm_bad_inputs((pi, A, B))
    assert [case.id for case in cases] == [
        "empty",
        "obs_2d",
        "non_integer",
        "too_large",
        "negative",
        "pi_sum",
        "pi_negative",
        "A_row_sum",
        "A_shape",
        "B_row_sum",
        "B_rows",
    ]
    values = {case.id: case.values for case in cases}
    assert values["too_large"] == ([0, 3], pi, A, B, "symbol 3 is out of range for M = 3")
    assert values["pi_sum"] == ([0], [0.6, 0.5], A, B, "startprob sums to 1.1")
    assert values["A_row_sum"][2] == [[0.7, 0.3], [0.4, 0.5]]
    assert values["B_rows"][3:] == ([[0.5, 0.4, 0.1]], "emissionprob has 1 row for 2 states")
    assert values["B_row_sum"][4] == "a row of emissionprob sums to 1.1"
    assert hmm_example() == (obs, pi, A, B)  # nothing written into the model
    with pytest.raises(ValueError, match="S >= 2"):
        hmm_bad_inputs(([1.0], [[1.0]], [[0.5, 0.5]]))


def test_fixed_uniforms_hands_out_the_values_and_records_the_sizes():
    """Are the given numbers handed out in order, shaped as asked, and the sizes recorded?"""
    rng = FixedUniforms([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], protocol="u = rng.random(n)")
    assert rng.random() == 0.1
    assert rng.random(2).tolist() == [0.2, 0.3]
    assert rng.random((2, 2)).tolist() == [[0.4, 0.5], [0.6, 0.7]]
    assert rng.asked == [None, 2, (2, 2)] and rng.used == 7
    assert "needs only 7 here" in message_of(rng.random, 1)


def test_fixed_uniforms_refuses_other_generator_methods():
    """Does calling another Generator method fail, naming the protocol to follow?"""
    rng = FixedUniforms([0.5], protocol="the protocol (u = rng.random(n))")
    message = message_of(lambda: rng.choice(3))
    assert message.endswith("Follow the protocol (u = rng.random(n)) instead of calling rng.choice")
    assert not hasattr(rng, "_private") and describe(rng) == "FixedUniforms([0.5])"


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
