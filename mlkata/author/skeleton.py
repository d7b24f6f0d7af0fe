"""The files ``mlkata dev new`` writes for a kata, before its author fills them in.

Every placeholder says ``TODO``: ``mlkata dev check`` reports each file that still
holds one, and the mutants file starts with no mutant, so a skeleton is never taken
for a finished kata. The function is named after the slug; the grader's tests follow
the checklist of docs/writing-katas.md.
"""

from __future__ import annotations

import json


def solution(topic: str, slug: str, title: str) -> str:
    """``solutions/<topic>/<slug>.py``: docstrings to fill, one solution region."""
    return f'''r"""{title}.

TODO: what {slug} computes and why it matters in machine learning, in two or three
lines.
"""

import numpy as np


def {slug}(x):
    r"""TODO: one line saying what {slug} returns.

    .. math::

        TODO: the formula, e.g. \\lVert x \\rVert_2 = \\sqrt{{\\sum_i x_i^2}}

    Parameters
    ----------
    x : array_like, shape (n,)
        TODO: what x is.

    Returns
    -------
    float
        TODO: what comes back.

    Raises
    ------
    ValueError
        TODO: which input is refused; the message names the problem.

    Examples
    --------
    >>> float({slug}([3.0, 4.0]))  # TODO: a small case worked by hand
    5.0
    """
    # BEGIN SOLUTION
    raise NotImplementedError(f"TODO: the reference {slug} of an array of shape {{np.shape(x)}}")
    # END SOLUTION
'''


def grader(topic: str, slug: str) -> str:
    """``graders/<topic>/test_<slug>.py``: the documented example and the checklist."""
    return f'''"""Grader for {topic}/{slug}: {slug}(x) -> TODO: what it returns."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, forbid

SHORTCUTS = ()  # TODO: library calls that would do the kata, e.g. "numpy.linalg.norm"


def reference(x):
    """The expected value, computed independently of any one implementation."""
    # TODO: a different formula, or a mathematical property; never the solution's code.
    pytest.fail("TODO: write the grader's independent reference", pytrace=False)


def check(kata, x, **tolerance):
    """Call {slug}(x), compare the result with the reference, and return it."""
    f = kata.{slug}
    called = describe_call(f, x)
    result = call(f, x)
    # TODO: mistakes={{"words naming the misconception": wrong_value}} for every listed
    # mistake with a predictable wrong value, so that the message names it.
    assert_close(result, reference(x), what="the result", called=called, **tolerance)
    return result


def test_{slug}_documented_example(kata):
    """Does the example of the docstring give the value it shows?"""
    f = kata.{slug}
    x = [3.0, 4.0]  # TODO: the input of the Examples section
    assert_close(call(f, x), 5.0, what="the result", called=describe_call(f, x))  # TODO


def test_{slug}_small_cases_worked_by_hand(kata):
    """Does {slug} give the values of small cases checked by hand?

    TODO: the derivation of each expected value.
    """
    f = kata.{slug}
    for x, want in [([1.0], 1.0)]:  # TODO: two or three small cases and their values
        assert_close(call(f, x), want, what="the result", called=describe_call(f, x))


def test_{slug}_matches_an_independent_computation(kata, rng):
    """Does {slug} agree with the reference on seeded random inputs?"""
    for _ in range(20):
        x = rng.normal(size=rng.integers(1, 10))  # TODO: the inputs the docstring allows
        check(kata, x)


def test_{slug}_edge_cases(kata):
    """Does {slug} handle every edge case the catalogue lists?"""
    # TODO: each edge case of the catalogue's entry (empty, zeros, huge or tiny values,
    # ties), with strict_floats() where the entry asks for numerical stability.
    check(kata, np.zeros(3))


@pytest.mark.parametrize("x, why", [([[1.0, 2.0]], "TODO: what is wrong with this input")])
def test_{slug}_rejects_bad_input(kata, x, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.{slug}, x, why=why)


def test_{slug}_leaves_its_input_unchanged(kata, rng):
    """Is the input left exactly as it was (call() compares it after the call)?"""
    check(kata, rng.normal(size=5))


def test_{slug}_makes_no_shortcut_call(kata, rng):
    """Does {slug} compute its result without the library call that would do it?"""
    f = kata.{slug}
    x = rng.normal(size=5)
    called = describe_call(f, x)
    with forbid(*SHORTCUTS, called=called):
        result = call(f, x)
    assert_close(result, reference(x), what="the result", called=called)


# Efficiency-tier katas only: a size where Python loops are too slow, under
# @pytest.mark.timeout(5).
'''


def mutants(topic: str, slug: str) -> str:
    """``tests/implementations/<topic>/<slug>.py``: no mutant and no variant yet."""
    return f'''"""Known mistakes in {topic}/{slug} (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

# TODO: a Mutant for every mistake the catalogue lists, and common ones (no validation,
# an input modified in place, an off-by-one); message= is a piece of the grader's
# failure message wherever it names the mistake. For example:
#     Mutant(
#         "sum_not_mean",
#         "summed over samples instead of averaged",
#         replace=[("np.mean(r**2)", "np.sum(r**2)")],
#         message="instead of the mean",
#     ),
MUTANTS: list[Mutant] = []

# Other correct implementations wherever the contract leaves room (another algorithm,
# other signs): Variant("name", "what differs", replace=[...]) or append="def ...".
VARIANTS: list[Variant] = []
'''


def curriculum_entry(topic: str, slug: str, title: str) -> str:
    """The ``[[kata]]`` table of the kata, as curriculum.toml writes entries."""
    hints = [
        "TODO: a gentle hint: where to start.",
        "TODO: a more explicit hint: the method, never the full code.",
    ]
    lines = [
        "[[kata]]",
        f"topic = {json.dumps(topic, ensure_ascii=False)}",
        f"slug = {json.dumps(slug, ensure_ascii=False)}",
        f"title = {json.dumps(title, ensure_ascii=False)}",
        "difficulty = 1",
        "prerequisites = []",
        "points = 5",
        "hints = [",
        *(f"    {json.dumps(hint, ensure_ascii=False)}," for hint in hints),
        "]",
    ]
    return "\n".join(lines) + "\n"
