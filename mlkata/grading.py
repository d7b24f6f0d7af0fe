r"""Helpers shared by every grader.

Each helper fails the current test through :func:`fail`, with a message written for a
learner: what was called (shapes, not megabytes of numbers), what came back, what was
expected, the largest error and where it is, and, when the wrong answer is a known
mistake, what that mistake is.

Tolerances
----------
:func:`assert_close` accepts ``actual`` when, element by element,

.. math:: |a - e| \le \mathrm{atol} + \mathrm{rtol}\,|e|

with defaults ``rtol = 1e-7`` and ``atol = 1e-9``. A correct float64 implementation,
whatever algorithm it uses, lands far inside this on the well-conditioned inputs
graders use; the mistakes graders look for (a missing factor, a wrong divisor, a
transpose) land far outside. The absolute part keeps values that should be zero from
failing on round-off (NumPy's own default ``atol=0`` does). Graders loosen either
tolerance, with a comment saying why, where the maths gives less accuracy.
"""

from __future__ import annotations

import copy
import inspect
import math
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NoReturn

import numpy as np
import pytest

from mlkata.engine.remote import portable

RTOL = 1e-7
ATOL = 1e-9

__all__ = [
    "ATOL",
    "AUTODIFF",
    "RTOL",
    "assert_close",
    "assert_close_complex",
    "assert_gradient",
    "assert_orthonormal",
    "call",
    "call_strictly",
    "complex_vector",
    "describe",
    "describe_call",
    "expect_error",
    "fail",
    "field",
    "fields",
    "FixedUniforms",
    "forbid",
    "hmm_bad_inputs",
    "hmm_example",
    "numeric_gradient",
    "portable",
    "random_distribution",
    "random_hmm",
    "random_spd",
    "strict_floats",
]


AUTODIFF = (
    "jax.grad",
    "jax.vjp",
    "jax.jvp",
    "jax.jacrev",
    "jax.jacfwd",
    "jax.jacobian",
    "jax.value_and_grad",
    "jax.linearize",
    "autograd.*",
    "torch.autograd.*",
    "torch.Tensor.backward",
)
"""The automatic differentiation a backward-pass kata may not use: ``forbid(*AUTODIFF)``."""


def fail(message: str) -> NoReturn:
    """Fail the current test with ``message`` and no grader traceback."""
    __tracebackhide__ = True
    pytest.fail(message, pytrace=False)


# ---------------------------------------------------------------------------
# Describing values and calls


def _nested_shape(value: list | tuple) -> tuple[int, ...] | None:
    """The shape of a regular nested list of numbers or strings, else None (ragged, mixed)."""
    try:
        array = np.asarray(value)  # in C: a nested list of numbers costs milliseconds
    except (ValueError, TypeError):  # ragged: rows of different lengths
        return None
    return None if array.dtype == object else array.shape


def describe(value: Any, max_items: int = 8) -> str:
    """A short description: small values in full, large ones by dtype and shape.

    Parameters
    ----------
    value : object
        An argument or a result of the code under test.
    max_items : int
        Arrays and lists with at most this many numbers are shown in full.

    Returns
    -------
    str
        ``array([1., 2.])``, ``float64 array of shape (1000, 3)``, ``[[1, 2], [3, 4]]``,
        ``nested list of shape (20, 3)``, ``list of length 5`` (ragged or not numbers),
        a function's name, or a repr cut to 60 characters.
    """
    if isinstance(value, np.ndarray):
        if value.size <= max_items:
            with np.printoptions(precision=6, suppress=False, threshold=max_items):
                body = np.array2string(value, separator=", ").replace("\n", "")
            return f"array({body})" if value.ndim else f"{value.item()!r}"
        return f"{value.dtype} array of shape {value.shape}"
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        kind = type(value).__name__
        if len(value) > max_items and not isinstance(value[0], (list, tuple)):
            return f"{kind} of length {len(value)}"  # long and flat: no need to look inside
        shape = _nested_shape(value)
        if shape is not None and math.prod(shape) <= max_items:
            return repr(value)
        if shape is not None and len(shape) > 1:
            return f"nested {kind} of shape {shape}"
        return f"{kind} of length {len(value)}"
    if isinstance(value, Mapping):
        inner = ", ".join(f"{k!r}: {describe(v, 0)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, (float, np.floating)):
        return f"{float(value)!r}"
    if callable(value):
        return getattr(value, "__name__", "a function")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe_call(func: Callable, *args: Any, **kwargs: Any) -> str:
    """``name(X=float64 array of shape (20, 3), b=0.5)``, naming each argument."""
    name = getattr(func, "__name__", "the function")
    try:
        bound = inspect.signature(func).bind(*args, **kwargs)
        parts = [f"{k}={describe(v)}" for k, v in bound.arguments.items()]
    except (TypeError, ValueError):
        parts = [describe(a) for a in args] + [f"{k}={describe(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


# ---------------------------------------------------------------------------
# Calling the code under test


def _snapshot(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, dict, tuple)):
        try:
            return copy.deepcopy(value)
        except Exception:  # noqa: BLE001 - an uncopyable argument is simply not checked
            return None
    return None


def _same(before: Any, after: Any) -> bool:
    if isinstance(before, np.ndarray):
        return (
            isinstance(after, np.ndarray)
            and before.shape == after.shape
            and np.array_equal(before, after, equal_nan=before.dtype.kind in "fc")
        )
    if isinstance(before, dict):
        return (
            isinstance(after, dict)
            and before.keys() == after.keys()
            and all(_same(before[k], after[k]) for k in before)
        )
    if isinstance(before, (list, tuple)):
        return (
            type(after) is type(before)
            and len(before) == len(after)
            and all(_same(b, a) for b, a in zip(before, after, strict=True))
        )
    return bool(before == after)


def call(func: Callable, *args: Any, **kwargs: Any) -> Any:
    """Call the code under test and check that it left its inputs unmodified."""
    __tracebackhide__ = True
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):  # a builtin without a signature: call it as it is
        names = [f"argument {i + 1}" for i in range(len(args))] + list(kwargs)
    else:
        try:
            names = list(signature.bind(*args, **kwargs).arguments)
        except TypeError as exc:
            name = getattr(func, "__name__", "the function")
            fail(
                f"{name}{signature} cannot be called as the kata asks ({exc}): keep the "
                "signature of the stub"
            )
    values = list(args) + list(kwargs.values())
    before = [_snapshot(v) for v in values]
    result = func(*args, **kwargs)
    for name, old, new in zip(names, before, values, strict=True):
        if old is not None and not _same(old, new):
            fail(
                f"{describe_call(func, *args, **kwargs)} modified its input `{name}` in "
                "place. A kata must never change its inputs: work on a copy "
                "(np.array(x, dtype=float) copies; np.asarray does not)."
            )
    return result


def call_strictly(
    func: Callable, *args: Any, advice: str | Callable[[Exception], str] = "", **kwargs: Any
) -> Any:
    """Call the code under test as :func:`call` does, with floating-point errors raised.

    Overflow, invalid operations (``0 * inf``, ``log(-1)``) and division by zero in
    NumPy raise instead of warning, and ``FloatingPointError``, ``ZeroDivisionError`` and
    ``OverflowError`` raised by the call fail the test with one message (see
    :func:`strict_floats`). Underflow to 0 stays allowed. Other exceptions pass through.

    Parameters
    ----------
    func : callable
        The function under test.
    *args, **kwargs
        Its arguments.
    advice : str or callable, optional
        What to change, written for the kata, or a function of the error that returns
        it (to advise one thing on overflow and another on 0/0); replaces the generic
        suggestion.

    Returns
    -------
    object
        What ``func`` returned.
    """
    __tracebackhide__ = True
    with strict_floats(describe_call(func, *args, **kwargs), advice=advice):
        return call(func, *args, **kwargs)


def field(result: Any, name: str, index: int, func_name: str = "the function") -> Any:
    """Read a named field of a NamedTuple result (by name, else by position)."""
    __tracebackhide__ = True
    if hasattr(result, name):
        return getattr(result, name)
    if isinstance(result, tuple) and len(result) > index:
        return result[index]
    fail(
        f"{func_name} should return a NamedTuple with a field `{name}` (position {index}); "
        f"it returned {describe(result)}"
    )


def fields(result: Any, names: Iterable[str], func_name: str = "the function") -> tuple:
    """The named fields of a NamedTuple result, in the order of ``names``.

    Each field is read by name, else by its position in ``names`` (a plain tuple in the
    right order is accepted); a missing one fails the test, naming it.

    Parameters
    ----------
    result : object
        What the code under test returned.
    names : iterable of str
        The fields the kata's result type declares, in declaration order.
    func_name : str, optional
        The function's name, for the failure message.

    Returns
    -------
    tuple
        One value per name.
    """
    __tracebackhide__ = True
    return tuple(field(result, name, i, func_name) for i, name in enumerate(names))


def expect_error(
    error: type[BaseException],
    func: Callable,
    *args: Any,
    why: str = "",
    **kwargs: Any,
) -> BaseException:
    """Check that ``func(*args, **kwargs)`` raises ``error`` (or a subclass)."""
    __tracebackhide__ = True
    called = describe_call(func, *args, **kwargs)
    reason = f" ({why})" if why else ""
    try:
        result = func(*args, **kwargs)
    except error as exc:
        if not str(exc).strip() and error is not NotImplementedError:
            fail(
                f"{called} raised {type(exc).__name__} as it should{reason}, but with an "
                "empty message: say what is wrong with the input."
            )
        return exc
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported to the learner
        fail(
            f"{called} should raise {error.__name__}{reason}, "
            f"but raised {type(exc).__name__}: {exc}"
        )
    fail(f"{called} should raise {error.__name__}{reason}, but returned {describe(result)}")


# ---------------------------------------------------------------------------
# Comparing numbers


def _as_array(value: Any, what: str) -> np.ndarray:
    __tracebackhide__ = True
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        fail(f"{what} should be numeric, but it is {describe(value)}")


def _recognise(actual: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> str:
    """Name a recognisable relation between a wrong answer and the right one."""

    def close(a: np.ndarray, e: np.ndarray) -> bool:
        return a.shape == e.shape and bool(np.all(np.abs(a - e) <= atol + rtol * np.abs(e)))

    if not np.any(np.abs(expected) > atol):
        return ""
    if expected.ndim == 2 and expected.shape[0] != expected.shape[1]:
        if actual.shape == expected.T.shape and close(actual, expected.T):
            return "it is the transpose of the expected result"
    elif expected.ndim == 2 and not close(expected, expected.T) and close(actual, expected.T):
        return "it is the transpose of the expected result"
    if actual.shape != expected.shape:
        return ""
    for factor, words in [
        (2.0, "exactly 2x the expected value"),
        (0.5, "exactly half the expected value"),
        (-1.0, "the expected value with the opposite sign"),
    ]:
        if close(actual, factor * expected):
            return f"it is {words}"
    ratio = actual[np.abs(expected) > atol] / expected[np.abs(expected) > atol]
    if ratio.size and np.all(np.isfinite(ratio)) and np.ptp(ratio) <= 1e-9 * abs(ratio[0]):
        return f"it is the expected value times {ratio[0]:.6g}"
    return ""


def assert_close(
    actual: Any,
    expected: Any,
    *,
    rtol: float = RTOL,
    atol: float = ATOL,
    what: str = "the result",
    called: str | None = None,
    mistakes: Mapping[str, Any] | None = None,
) -> None:
    """Fail unless ``actual`` matches ``expected`` within ``atol + rtol*|expected|``.

    Parameters
    ----------
    actual, expected : array_like
        What the code under test returned, and the independently computed answer.
        Infinities must match exactly; NaN is never accepted unless expected.
    rtol, atol : float
        Relative and absolute tolerance (module defaults ``RTOL``, ``ATOL``).
    what : str
        How to name the value in a message (``"dw"``, ``"the loss"``).
    called : str, optional
        The call that produced ``actual`` (see :func:`describe_call`).
    mistakes : mapping of str to array_like, optional
        Known wrong answers, each keyed by the misconception that gives it; when
        ``actual`` matches one, the message names that misconception.
    """
    __tracebackhide__ = True
    prefix = f"{called}: " if called else ""
    a = _as_array(actual, f"{prefix}{what}")
    e = np.asarray(expected, dtype=float)
    if a.shape != e.shape:
        hint = ""
        if a.ndim == 2 and a.T.shape == e.shape and np.allclose(a.T, e, rtol=rtol, atol=atol):
            hint = ": it is the transpose of the expected result"
        elif a.size == e.size:
            hint = " (same number of entries: check the orientation / reshape)"
        fail(f"{prefix}{what} has shape {a.shape}, expected shape {e.shape}{hint}")
    nan_wrong = np.isnan(a) & ~np.isnan(e)
    if np.any(nan_wrong):
        where = tuple(int(i) for i in np.argwhere(nan_wrong)[0])
        fail(
            f"{prefix}{what} contains NaN (first at index {where}, expected "
            f"{float(e[where])!r}): look for 0/0, inf - inf or log of a negative number"
        )
    inf_wrong = (np.isinf(a) | np.isinf(e)) & ~(a == e)
    if np.any(inf_wrong):
        where = tuple(int(i) for i in np.argwhere(inf_wrong)[0])
        fail(
            f"{prefix}{what} at index {where} is {float(a[where])!r}, "
            f"expected {float(e[where])!r}" + (": an overflow?" if np.isinf(a[where]) else "")
        )
    finite = np.isfinite(e)
    with np.errstate(invalid="ignore", over="ignore"):
        error = np.where(finite, np.abs(a - e), 0.0)
    allowed = atol + rtol * np.abs(np.where(finite, e, 0.0))
    if np.all(error <= allowed):
        return
    worst = np.unravel_index(int(np.argmax(error - allowed)), error.shape) if e.ndim else ()
    where = f" at index {tuple(int(i) for i in worst)}" if e.ndim else ""
    lines = [
        f"{prefix}{what} is wrong{where}: got {float(a[worst])!r}, expected {float(e[worst])!r}"
    ]
    lines.append(
        f"  largest error {float(error[worst]):.3g} (allowed {float(allowed[worst]):.3g}); "
        f"{int(np.sum(error > allowed))} of {max(e.size, 1)} entries are off"
    )
    if a.size <= 8:
        lines.append(f"  got      {describe(a)}\n  expected {describe(e)}")
    for misconception, wrong in (mistakes or {}).items():
        w = np.asarray(wrong, dtype=float)
        if w.shape == a.shape and np.allclose(a, w, rtol=max(rtol, 1e-9), atol=atol):
            lines.append(f"  this is what you get from a known mistake: {misconception}")
            break
    else:
        relation = _recognise(a, e, max(rtol, 1e-9), atol)
        if relation:
            lines.append(f"  {relation}")
    fail("\n".join(lines))


def assert_orthonormal(
    Q: Any, *, axis: int = 0, atol: float = 1e-8, what: str = "Q", called: str | None = None
) -> None:
    """Fail unless the columns (``axis=0``) or rows (``axis=1``) of Q are orthonormal."""
    __tracebackhide__ = True
    prefix = f"{called}: " if called else ""
    Q = _as_array(Q, what)
    if Q.ndim != 2:
        fail(f"{prefix}{what} should be 2-D, but has shape {Q.shape}")
    gram = Q.T @ Q if axis == 0 else Q @ Q.T
    kind = "columns" if axis == 0 else "rows"
    off = np.abs(gram - np.eye(gram.shape[0]))
    if off.size and off.max() > atol:
        i, j = np.unravel_index(int(np.argmax(off)), off.shape)
        if i == j:
            detail = f"{kind[:-1]} {i} has squared norm {gram[i, i]:.6g}, not 1"
        else:
            detail = f"{kind} {i} and {j} have dot product {gram[i, j]:.3g}, not 0"
        fail(f"{prefix}the {kind} of {what} are not orthonormal: {detail}")


def complex_vector(result: Any, called: str, n: int) -> np.ndarray:
    """The result as a complex ``(n,)`` array, or a failure saying what is wrong with it."""
    __tracebackhide__ = True
    a = np.asarray(result)
    if a.dtype.kind not in "biufc":
        fail(f"{called} should return an array of complex numbers, got {describe(result)}")
    if a.shape != (n,):
        fail(f"{called} returned shape {a.shape}, expected ({n},): one coefficient per sample")
    return a.astype(complex)


def assert_close_complex(
    actual: Any,
    expected: Any,
    atol: float,
    called: str,
    what: str = "X",
    mistakes: Mapping[str, Any] | None = None,
) -> None:
    """Fail unless ``|actual_k - expected_k| <= atol`` for every k, naming a known mistake.

    For complex results (spectra), which :func:`assert_close` compares as real numbers.
    """
    __tracebackhide__ = True
    e = np.asarray(expected, dtype=complex)
    error = np.abs(actual - e)
    error = np.where(np.isnan(error), np.inf, error)
    if np.all(error <= atol):
        return
    k = int(np.argmax(error))
    lines = [
        f"{called}: {what} is wrong at index {k}: got {actual[k]:.10g}, expected {e[k]:.10g}",
        f"  largest error {error[k]:.3g} (allowed {atol:.3g}); "
        f"{int(np.sum(error > atol))} of {e.size} entries are off",
    ]
    if e.size <= 8:
        got = ", ".join(f"{v:.6g}" for v in actual)
        want = ", ".join(f"{v:.6g}" for v in e)
        lines.append(f"  got      [{got}]\n  expected [{want}]")
    for words, wrong in (mistakes or {}).items():
        w = np.asarray(wrong, dtype=complex)
        if w.shape == actual.shape and np.all(np.abs(actual - w) <= atol + 1e-9 * np.abs(w)):
            lines.append(f"  this is what you get from a known mistake: {words}")
            break
    fail("\n".join(lines))


# ---------------------------------------------------------------------------
# Gradients


def numeric_gradient(f: Callable[[np.ndarray], float], x: Any, h: float = 1e-6) -> np.ndarray:
    """Central-difference gradient of a scalar function, for any shape of ``x``."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        up = float(f(x))
        x[index] = original - h
        down = float(f(x))
        x[index] = original
        grad[index] = (up - down) / (2 * h)
    return grad


def assert_gradient(
    analytic: Any,
    f: Callable[[np.ndarray], float],
    x: Any,
    *,
    what: str = "the gradient",
    called: str | None = None,
    rtol: float = 1e-5,
    atol: float = 1e-7,
    h: float = 1e-6,
) -> None:
    """Fail unless ``analytic`` agrees with central differences of ``f`` at ``x``."""
    __tracebackhide__ = True
    assert_close(
        analytic, numeric_gradient(f, x, h), rtol=rtol, atol=atol, what=what, called=called
    )


# ---------------------------------------------------------------------------
# Test data


def random_distribution(rng: np.random.Generator, n: int, zeros: int = 0) -> np.ndarray:
    """A random probability vector on ``n`` outcomes, ``zeros`` of them exactly 0.

    The non-zero probabilities are uniform on the simplex (Dirichlet(1, ..., 1)); the
    zeros land at random positions.

    Parameters
    ----------
    rng : numpy.random.Generator
        The source of randomness (the ``rng`` fixture).
    n : int
        The number of outcomes.
    zeros : int, optional
        How many outcomes get probability exactly 0 (at most ``n - 1``).

    Returns
    -------
    numpy.ndarray of shape (n,)
        Non-negative, summing to 1 up to round-off.
    """
    if not 0 <= zeros < n:
        raise ValueError(f"zeros must be in [0, n - 1] = [0, {n - 1}], got {zeros}")
    p = rng.dirichlet(np.ones(n - zeros))
    return rng.permutation(np.concatenate([p, np.zeros(zeros)]))


def random_spd(
    rng: np.random.Generator, d: int, smallest: float = 1.0, condition: float = 10.0
) -> np.ndarray:
    r"""A random symmetric positive definite matrix with a chosen spectrum.

    .. math:: A = Q \operatorname{diag}(\lambda) Q^\top, \quad
              \lambda_i = s \, c^{t_i}, \quad t_i \in [0, 1]

    with :math:`Q` a random orthonormal basis, :math:`s` = ``smallest`` and :math:`c`
    = ``condition``. For ``d >= 2`` the ends :math:`t = 0` and :math:`t = 1` are both
    used, so the eigenvalues are exactly ``smallest`` and ``smallest * condition`` and
    the 2-norm condition number is ``condition``; the others, and the one eigenvalue of
    a 1 x 1 matrix, are log-uniform in between.

    Parameters
    ----------
    rng : numpy.random.Generator
        The source of randomness (the ``rng`` fixture).
    d : int
        The size of the matrix.
    smallest : float, optional
        The smallest eigenvalue (it also sets the scale).
    condition : float, optional
        The ratio of the largest eigenvalue to the smallest, at least 1.

    Returns
    -------
    numpy.ndarray of shape (d, d)
        Exactly symmetric.
    """
    if smallest <= 0 or condition < 1:
        raise ValueError(f"need smallest > 0 and condition >= 1, got {smallest}, {condition}")
    Q = np.linalg.qr(rng.standard_normal((d, d)))[0]
    t = rng.random(d) if d == 1 else np.concatenate([[0.0, 1.0], rng.random(d - 2)])
    A = (Q * (smallest * condition**t)) @ Q.T
    return (A + A.T) / 2


def hmm_example() -> tuple[list, list, list, list]:
    """The discrete HMM of the HMM katas' documented example, as fresh nested lists.

    Two states and three symbols, the model of the docstring examples of
    ``nlp/hmm_forward``, ``nlp/viterbi`` and ``nlp/forward_backward``: alpha =
    [[.3, .04], [.0904, .0342], [.007696, .028584]] and P(x) = 0.03628. A new copy on
    every call, so that a kata that writes into its input spoils no other grader.

    Returns
    -------
    tuple of (list, list, list, list)
        ``obs = [0, 1, 2]``, ``startprob = [0.6, 0.4]``, ``transmat`` (2, 2) and
        ``emissionprob`` (2, 3), as plain (nested) lists.
    """
    return (
        [0, 1, 2],
        [0.6, 0.4],
        [[0.7, 0.3], [0.4, 0.6]],
        [[0.5, 0.4, 0.1], [0.1, 0.3, 0.6]],
    )


def random_hmm(
    rng: np.random.Generator, n_states: int, n_symbols: int, zeros: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A random discrete HMM: start, transition and emission probabilities.

    Every distribution is uniform on the simplex (Dirichlet(1, ..., 1)). With ``zeros``
    about 35 % of the entries of the transition and emission matrices are set to exactly
    0, never a whole row, and each row is renormalised; the start distribution keeps no
    zeros (set them yourself).

    Parameters
    ----------
    rng : numpy.random.Generator
        The source of randomness (the ``rng`` fixture).
    n_states : int
        The number of hidden states S.
    n_symbols : int
        The number of observable symbols M.
    zeros : bool, optional
        Knock out entries of the transition and emission matrices.

    Returns
    -------
    startprob : numpy.ndarray of shape (S,)
    transmat : numpy.ndarray of shape (S, S)
        Row i is the distribution of the next state after state i.
    emissionprob : numpy.ndarray of shape (S, M)
        Row i is the distribution of the symbol emitted in state i.
    """
    pi = rng.dirichlet(np.ones(n_states))
    A = rng.dirichlet(np.ones(n_states), size=n_states)
    B = rng.dirichlet(np.ones(n_symbols), size=n_states)
    if zeros:  # knock out some entries, keeping every row a distribution
        for P in (A, B):
            mask = rng.random(P.shape) < 0.35
            mask[np.arange(P.shape[0]), rng.integers(P.shape[1], size=P.shape[0])] = False
            P[mask] = 0.0
            P /= P.sum(axis=1, keepdims=True)
    return pi, A, B


def hmm_bad_inputs(model: tuple[Any, Any, Any]) -> list:
    """The invalid inputs every HMM kata rejects, each with a reason and a test id.

    Each case spoils one thing of a valid model: the observations (empty, 2-D, a
    non-integer, a symbol out of range, a negative symbol), the start distribution (its
    sum, a negative entry), the transition matrix (a row sum, its shape) or the emission
    matrix (a row sum, its number of rows). A grader parametrises its ``rejects_bad_input`` test
    with them and adds its own cases::

        @pytest.mark.parametrize("obs, pi, A, B, why", hmm_bad_inputs(GOOD))

    Parameters
    ----------
    model : tuple of (startprob, transmat, emissionprob)
        A valid model with S >= 2 states and M >= 2 symbols, e.g. ``hmm_example()[1:]``.

    Returns
    -------
    list of pytest.param
        Each holds ``(obs, startprob, transmat, emissionprob, why)`` with an ``id``; the
        arguments not spoilt are ``model``'s own objects, the spoilt ones new (nested)
        lists.
    """
    pi, A, B = model
    P, T, E = (np.array(m, dtype=float) for m in model)
    S, M = E.shape
    if S < 2 or M < 2 or P.shape != (S,) or T.shape != (S, S):
        raise ValueError(f"need a valid model with S >= 2 states and M >= 2 symbols, got {S}, {M}")
    heavier = P.copy()
    heavier[-1] += 0.1
    negative = np.zeros(S)
    negative[[0, -1]] = 1.2, -0.2
    short_row = T.copy()
    short_row[-1, -1] -= 0.1
    heavy_row = E.copy()
    heavy_row[0, 0] += 0.1
    rows = S - 1
    cases = [
        ("empty", [], pi, A, B, "obs is empty"),
        ("obs_2d", [[0, 1]], pi, A, B, "obs is 2-D"),
        ("non_integer", [0, 1.5], pi, A, B, "symbol 1.5 is not an integer"),
        ("too_large", [0, M], pi, A, B, f"symbol {M} is out of range for M = {M}"),
        ("negative", [0, -1], pi, A, B, "symbol -1 is negative"),
        ("pi_sum", [0], heavier.tolist(), A, B, f"startprob sums to {heavier.sum():.3g}"),
        ("pi_negative", [0], negative.tolist(), A, B, "startprob has a negative entry"),
        (
            "A_row_sum",
            [0],
            pi,
            short_row.tolist(),
            B,
            f"a row of transmat sums to {short_row[-1].sum():.3g}",
        ),
        ("A_shape", [0], pi, T[:-1].tolist(), B, "transmat is not (S, S)"),
        (
            "B_row_sum",
            [0],
            pi,
            A,
            heavy_row.tolist(),
            f"a row of emissionprob sums to {heavy_row[0].sum():.3g}",
        ),
        (
            "B_rows",
            [0],
            pi,
            A,
            E[:-1].tolist(),
            f"emissionprob has {rows} row{'s' * (rows != 1)} for {S} states",
        ),
    ]
    return [pytest.param(*case, id=name) for name, *case in cases]


class FixedUniforms:
    """A stand-in for ``numpy.random.Generator`` that hands out chosen uniforms.

    ``random(size)`` returns the next ``size`` of the given numbers (a float when
    ``size`` is None), and records what was asked. Asking for more numbers than were
    given, or calling any other method of the generator, fails the test: a kata with a
    sampling protocol must draw exactly what the protocol says.

    Parameters
    ----------
    values : array_like
        The uniforms to hand out, in order.
    protocol : str, optional
        The protocol, for failure messages (``"u = rng.random(n)"``).

    Attributes
    ----------
    used : int
        How many numbers were handed out so far.
    asked : list
        The ``size`` of each ``random`` call, in order.
    """

    def __init__(self, values: Any, protocol: str = "the kata's protocol") -> None:
        self.values = np.asarray(values, dtype=float).ravel()
        self.protocol = protocol
        self.used = 0
        self.asked: list[Any] = []

    def random(self, size: Any = None) -> Any:
        """The next ``size`` uniforms (a float when ``size`` is None)."""
        __tracebackhide__ = True
        self.asked.append(size)
        count = 1 if size is None else int(np.prod(size))
        if self.used + count > self.values.size:
            fail(
                f"rng.random was asked for {count} more uniforms after {self.used}, but "
                f"{self.protocol} needs only {self.values.size} here"
            )
        out = self.values[self.used : self.used + count].copy()
        self.used += count
        return float(out[0]) if size is None else out.reshape(size)

    def __getattr__(self, name: str) -> Any:
        __tracebackhide__ = True
        if name.startswith("_"):
            raise AttributeError(name)
        fail(
            "this test passes a stand-in rng with chosen uniforms; it only has random(). "
            f"Follow {self.protocol} instead of calling rng.{name}"
        )

    def __repr__(self) -> str:
        return f"FixedUniforms({self.values.tolist()!r})"


# ---------------------------------------------------------------------------
# Floating point and shortcuts


_FLOAT_ERRORS = (FloatingPointError, ZeroDivisionError, OverflowError)
_GENERIC_FLOAT_ADVICE = (
    "rewrite it so that no intermediate result overflows, divides by zero or takes the "
    "log of 0 (see the hints)."
)


@contextmanager
def strict_floats(
    called: str = "the function", advice: str | Callable[[Exception], str] = ""
) -> Iterator[None]:
    """Run a block with NumPy's overflow, invalid and divide-by-zero warnings as errors.

    A ``FloatingPointError``, ``ZeroDivisionError`` or ``OverflowError`` raised in the
    block fails the test with the message ``"<called> hit a floating-point error
    (<what>): <advice>"``, without a traceback. Underflow to 0 stays allowed.

    Parameters
    ----------
    called : str
        The call the block makes (see :func:`describe_call`).
    advice : str or callable, optional
        What to change, written for the kata, or a function of the error that returns
        it; replaces the generic suggestion.
    """
    __tracebackhide__ = True
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        try:
            yield
        except _FLOAT_ERRORS as exc:
            what = (
                str(exc) if isinstance(exc, FloatingPointError) else f"{type(exc).__name__}: {exc}"
            )
            text = (advice(exc) if callable(advice) else advice) or _GENERIC_FLOAT_ADVICE
            message = f"{called} hit a floating-point error ({what}): {text.strip()}"
            message = message if message.endswith(".") else message + "."
            raise pytest.fail.Exception(message, pytrace=False) from None


def _resolve(dotted: str) -> Any:
    """The object at ``dotted`` if its module is already imported, else None.

    Nothing is imported here: a forbidden SciPy function is caught by name when it is
    called, so naming it costs no SciPy start-up.
    """
    module_name, _, attr = dotted.rpartition(".")
    module = sys.modules.get(module_name)
    return getattr(module, attr, None) if module is not None else None


def _code_of(func: Any) -> Any:
    seen = 0
    while seen < 10:
        seen += 1
        inner = getattr(func, "_implementation", None) or getattr(func, "__wrapped__", None)
        if inner is None or inner is func:
            break
        func = inner
    func = getattr(func, "__func__", func)
    return getattr(func, "__code__", None)


def _importing(frame: Any) -> bool:
    """Whether ``frame`` runs as part of an import (a library initialising itself)."""
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


class _ShortcutWatch:
    """Records calls of forbidden functions through ``sys.setprofile``.

    Watching calls (rather than replacing attributes) also catches functions the code
    under test imported by name (``from numpy.linalg import eig``) or lazily inside the
    function, and NumPy's dispatch wrappers. A function is recognised by identity when
    its module is already imported, and otherwise by its name within the named module
    or its private submodules (``scipy.linalg.qr`` is defined in
    ``scipy.linalg._decomp_qr``).
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(names)
        self.prefixes = [n[:-2] for n in self.names if n.endswith(".*")]
        self.codes: dict[Any, str] = {}
        self.builtins: dict[int, str] = {}
        self.by_name: dict[str, list[tuple[str, str]]] = {}
        for name in (n for n in self.names if not n.endswith(".*")):
            obj = _resolve(name)
            code = _code_of(obj) if obj is not None else None
            if code is not None:
                self.codes[code] = name
            elif obj is not None:
                self.builtins[id(obj)] = name
            package, _, attr = name.rpartition(".")
            self.by_name.setdefault(attr, []).append((package, name))
        self.used: list[str] = []

    def _module_matches(self, module: str) -> str | None:
        for prefix in self.prefixes:
            if _within(module, prefix):
                return prefix + ".*"
        return None

    def _named(self, module: str, function: str) -> str | None:
        for package, name in self.by_name.get(function, ()):
            if _within(module, package):
                return name
        return None

    def __call__(self, frame: Any, event: str, arg: Any) -> None:
        if event == "call":
            code = frame.f_code
            name = self.codes.get(code)
            if name is None:
                module = frame.f_globals.get("__name__", "")
                name = self._named(module, code.co_name) or self._module_matches(module)
            if name is not None and name not in self.used and not _importing(frame):
                self.used.append(name)
        elif event == "c_call":
            name = self.builtins.get(id(arg))
            if name is None:
                module = getattr(arg, "__module__", None) or ""
                name = self._named(module, getattr(arg, "__name__", "")) or (
                    self._module_matches(module)
                )
            if name is not None and name not in self.used:
                self.used.append(name)


@contextmanager
def forbid(*names: str, called: str = "your code") -> Iterator[_ShortcutWatch]:
    """Fail if any of the named library functions is called inside the block.

    ``names`` are dotted paths (``"numpy.linalg.eig"``) or whole modules
    (``"scipy.linalg.*"``). The block still runs to the end, so the grader can check
    the result as well.
    """
    __tracebackhide__ = True
    from mlkata.engine import remote

    watch = _ShortcutWatch(names)
    previous = sys.getprofile()
    sys.setprofile(watch)
    remote.active_watches.append(watch)  # calls into the learner process carry it there
    try:
        yield watch
    finally:
        sys.setprofile(previous)
        remote.active_watches.remove(watch)
    if watch.used:
        fail(
            f"{called} calls {', '.join(watch.used)}, which this kata asks you not to use: "
            "the point is to write that part yourself."
        )
