"""The recogniser behind `mlkata dev check`'s rule against hand re-checks of call()'s inputs."""

from __future__ import annotations

import textwrap

import pytest

from mlkata.author.rechecks import Recheck, hand_rechecks

HEADER = """\
import numpy as np
from mlkata.grading import assert_close, call, call_strictly, fail


def check(kata, x, y=None, strictly=False):
    args = (x,) if y is None else (x, y)
    runner = call_strictly if strictly else call
    return runner(kata.f, *args)


def outer(kata, x):
    x = np.asarray(x, dtype=float)
    return check(kata, x)
"""


def rechecks(body: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(snapshot line, first re-check line, names), lines counted within ``body``."""
    offset = HEADER.count("\n")
    found = hand_rechecks(HEADER + textwrap.dedent(body))
    return [(r.line - offset, r.recheck_line - offset, r.names) for r in found]


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            """
            def test_direct(kata):
                x = np.ones(3)
                before = x.copy()
                call(kata.f, x)
                np.testing.assert_array_equal(x, before)
            """,
            [(4, 6, ("x",))],
        ),
        (
            """
            def test_through_helpers(kata):
                x, y = np.ones(3), np.zeros(3)
                x0, y0 = x.copy(), y.copy()
                check(kata, x, y)
                outer(kata, x)
                assert_close(x, x0, rtol=0, atol=0)
                if not np.array_equal(y, y0):
                    fail("y was modified")
            """,
            [(4, 7, ("x", "y"))],
        ),
        (
            """
            def test_loop(kata):
                arrays = [np.ones(2), np.ones(3)]
                copies = [a.copy() for a in arrays]
                check(kata, *arrays)
                for a, b in zip(arrays, copies, strict=True):
                    if not np.array_equal(a, b):
                        fail("modified")
            """,
            [(4, 7, ("arrays",))],
        ),
        (
            """
            def test_dict(kata):
                grads = {"w": np.ones(2)}
                before = {k: v.copy() for k, v in grads.items()}
                call_strictly(kata.f, grads)
                for key, value in grads.items():
                    assert (value == before[key]).all()
            """,
            [(4, 7, ("grads",))],
        ),
        (
            """
            def listed(kata, x, y):
                args = [np.asarray(a, dtype=float) for a in (x, y)]
                return call(kata.f, *args)


            def test_through_a_listing_helper(kata):
                args = [np.ones(2), np.ones(3)]
                before = [a.copy() for a in args]
                listed(kata, *args)
                for a, b in zip(args, before, strict=True):
                    if not np.array_equal(a, b, equal_nan=True):
                        fail("modified")
            """,
            [(9, 12, ("args",))],
        ),
    ],
    ids=["direct", "through-helpers", "zip-loop", "dict", "listing-helper"],
)
def test_a_hand_recheck_of_an_input_call_sees_is_found(body, expected):
    """Is a snapshot compared after the input went through call() reported, once?"""
    assert rechecks(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        """
        def test_copy_is_other_test_data(kata):
            A = np.eye(2)
            close = A.copy()
            close[0, 0] += 1e-9
            assert_close(check(kata, close), check(kata, A))
        """,
        """
        def test_input_never_given_to_call(kata):
            x = np.ones(3)
            before = x.copy()
            kata.f(x)
            assert_close(x, before)
        """,
        """
        def test_snapshot_used_as_expected_value(kata):
            x0 = np.ones(3)
            start = x0.copy()
            assert_close(check(kata, x0), 2 * start)
        """,
        """
        def test_copy_passed_not_compared(kata):
            x = np.ones(3)
            check(kata, x.copy())
            check(kata, x)
        """,
        """
        def test_rebound_copy_is_a_running_value(kata):
            x = np.ones(3)
            current = x.copy()
            for _ in range(3):
                x = check(kata, x)
                current = current * 2
                assert_close(x, current)
        """,
        """
        def copied(kata, x, y):
            return call(kata.f, *[a.copy() for a in (x, y)])


        def test_helper_passes_copies(kata):
            x, y = np.ones(2), np.ones(3)
            before = x.copy()
            copied(kata, x, y)
            if not np.array_equal(x, before):
                fail("modified")
        """,
    ],
    ids=["other-data", "no-call", "expected-value", "no-comparison", "rebound", "copies"],
)
def test_other_uses_of_copy_are_not_flagged(body):
    """Is a copy that is test data, an expected value or unchecked input left alone?"""
    assert rechecks(body) == []


def test_a_grader_that_does_not_parse_has_no_recheck():
    """Is a grader with a syntax error left to the other checks?"""
    assert hand_rechecks("def test_x(:\n") == []


def test_recheck_is_a_plain_record():
    """Does a Recheck keep its lines and names as given?"""
    assert Recheck(3, 5, ("x",)).names == ("x",)
