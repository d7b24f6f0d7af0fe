"""The line between the checks and the code under test (mlkata.engine.remote).

A real learner process runs a small module of functions; every test calls them as a
grader would and checks that what it sees is what it would have seen in-process:
values, in-place changes, returned arguments and views, generator state, callbacks,
exceptions with their explanations, NumPy's error state and ``forbid``. The other
side is untrusted: a message that names anything but data is refused.
"""

from __future__ import annotations

import os
import pickle
import textwrap

import numpy as np
import pytest

from mlkata.engine import remote
from mlkata.engine.checks import OutOfTime
from mlkata.engine.link import LearnerLink
from mlkata.grading import call, describe_call, forbid, portable

MODULE = textwrap.dedent(
    """
    from typing import NamedTuple
    import numpy as np

    class Pair(NamedTuple):
        low: float
        high: float

    class Counter:
        def __init__(self, start=0):
            self.count = start
        def bump(self, by=1):
            self.count += by
            return self
        def __add__(self, other):
            value = other.count if isinstance(other, Counter) else other
            return Counter(self.count + value)
        def __radd__(self, other):
            return Counter(self.count + other)
        def __len__(self):
            return self.count

    class Odd(ValueError):
        pass

    def double(x):
        return 2 * np.asarray(x, dtype=float)

    def bounds(x):
        return Pair(float(np.min(x)), float(np.max(x)))

    def scale_in_place(x, factor=2.0):
        x *= factor
        return None

    def same(x):
        return x

    def head(x):
        return x[:2]

    def draw(rng, n):
        return rng.standard_normal(n)

    def apply(f, x):
        return [f(v) for v in x]

    def fail(kind):
        if kind == "value":
            raise ValueError("x must be finite")
        if kind == "odd":
            raise Odd("an odd failure")
        if kind == "exit":
            raise SystemExit(3)
        raise KeyError(kind)

    def divide(a, b):
        return np.asarray(a, dtype=float) / b

    def solve(A, b):
        return np.linalg.solve(A, b)

    def counter(start=0):
        return Counter(start)

    def squares(n):
        for i in range(n):
            yield i * i

    def sneak():
        import os
        return os.system

    class Tricky:
        def __add__(self, other):
            while True:
                pass
        def __truediv__(self, other):
            return np.float64(1.0) / np.float64(other)
        def __matmul__(self, other):
            return np.linalg.solve(np.eye(2), other)

    def tricky():
        return Tricky()
    """
)


@pytest.fixture(scope="module")
def line(tmp_path_factory):
    """The checks' end of a line to a learner process, and its module ``things``."""
    target = tmp_path_factory.mktemp("target")
    (target / "topic").mkdir()
    (target / "topic" / "things.py").write_text(MODULE, encoding="utf-8")
    link = LearnerLink.spawn()
    link.setup({"target": str(target), "root": str(target), "cwd": str(target), "protected": []})
    link.start_check(10.0)
    module = link.load("topic", "things")
    yield link, module
    link.process.kill()
    link.process.wait()


@pytest.fixture
def things(line):
    return line[1]


def test_values_cross_as_copies(things):
    x = np.array([1.0, 2.0, 3.0])
    got = things.double(x)
    assert isinstance(got, np.ndarray) and got.tolist() == [2.0, 4.0, 6.0]
    assert things.double([1, 2]).tolist() == [2.0, 4.0]
    pair = things.bounds(x)
    assert isinstance(pair, tuple) and (pair.low, pair.high) == (1.0, 3.0)
    assert type(pair).__name__ == "Pair"


def test_a_change_in_place_reaches_the_callers_array(things):
    x = np.array([1.0, 2.0])
    assert things.scale_in_place(x, factor=3.0) is None
    assert x.tolist() == [3.0, 6.0]
    with pytest.raises(pytest.fail.Exception, match="modified its input `x` in place"):
        call(things.scale_in_place, np.array([1.0]))


def test_large_arrays_cross_intact_out_of_band(things):
    """Arrays of 64 KB and more cross as raw buffers beside the pickle: in C and
    Fortran order, inside containers, changed in place, through a callback."""
    rng = np.random.default_rng(3)
    big = rng.standard_normal((300, 200))
    fortran = np.asfortranarray(big)
    assert big.nbytes >= remote.OUT_OF_BAND
    assert np.array_equal(things.double(big), 2 * big)
    assert np.array_equal(things.double(fortran), 2 * big)
    pair = things.same([big, fortran, 1.0])
    assert np.array_equal(pair[0], big) and np.array_equal(pair[1], big) and pair[2] == 1.0
    x = big.copy()
    things.scale_in_place(x, factor=0.5)
    assert np.array_equal(x, 0.5 * big)
    seen = []
    things.apply(lambda v: seen.append(np.array(v)), [big, big[::2]])
    assert np.array_equal(seen[0], big) and np.array_equal(seen[1], big[::2])


def test_a_returned_argument_is_the_callers_object(things):
    x = np.arange(5.0)
    assert things.same(x) is x
    view = things.head(x)
    assert np.shares_memory(view, x) and view.tolist() == [0.0, 1.0]
    strided = np.arange(10.0)[::2]
    assert things.head(strided).tolist() == [0.0, 2.0]


def test_a_generator_is_advanced_as_if_it_were_shared(things):
    rng = np.random.default_rng(7)
    expected = np.random.default_rng(7)
    first = things.draw(rng, 3)
    assert first.tolist() == expected.standard_normal(3).tolist()
    assert rng.standard_normal() == expected.standard_normal()


def test_a_callback_runs_in_the_grader_and_sees_every_call(things):
    seen = []

    def spy(v):
        seen.append(v)
        return v + 1

    assert things.apply(spy, [1, 2, 3]) == [2, 3, 4]
    assert seen == [1, 2, 3]


def test_exceptions_keep_their_class_and_explanation(things):
    with pytest.raises(ValueError, match="x must be finite") as caught:
        things.fail("value")
    assert "things.py" in caught.value.mlkata_reason
    with pytest.raises(ValueError) as odd:
        things.fail("odd")
    assert type(odd.value).__name__ == "Odd"
    with pytest.raises(SystemExit):
        things.fail("exit")
    with pytest.raises(KeyError):
        things.fail("other")
    with pytest.raises(np.linalg.LinAlgError):
        things.solve(np.zeros((2, 2)), np.ones(2))


def test_a_grader_exception_in_a_callback_comes_back_as_itself(things):
    class Stop(Exception):
        pass

    def refuse(v):
        raise Stop("the grader says no")

    with pytest.raises(Stop, match="the grader says no"):
        things.apply(refuse, [1])


def test_numpys_error_state_and_forbid_cross_with_the_call(things):
    with np.errstate(divide="raise"), pytest.raises(FloatingPointError):
        things.divide([1.0], 0.0)
    with np.errstate(divide="ignore"):
        assert things.divide([1.0], 0.0).tolist() == [np.inf]
    with (
        pytest.raises(pytest.fail.Exception, match="numpy.linalg.solve"),
        forbid("numpy.linalg.solve"),
    ):
        things.solve(np.eye(2), np.ones(2))


def test_an_operator_of_a_learner_object_runs_under_the_checks_rules(line, things):
    """``a + b`` on the learner's object runs its code as a call does: within the
    check's CPU limit, NumPy's error state and the grader's ``forbid``."""
    link, obj = line[0], things.tricky()
    link.start_check(0.3)
    try:
        with pytest.raises(OutOfTime):
            obj + 1
    finally:
        link.start_check(10.0)
    with np.errstate(divide="raise"), pytest.raises(FloatingPointError):
        obj / 0.0
    with (
        pytest.raises(pytest.fail.Exception, match="numpy.linalg.solve"),
        forbid("numpy.linalg.solve"),
    ):
        obj @ np.ones(2)


def test_objects_stay_in_the_learner_process_behind_proxies(things):
    counter = things.counter(2)
    assert isinstance(counter, things.Counter)
    assert type(counter).__name__ == "Counter"
    assert counter.bump(3) is counter and counter.count == 5
    total = counter + things.counter(1)
    assert total.count == 6 and (1 + total).count == 7 and len(total) == 6
    with pytest.raises(TypeError):  # Counter has no __rsub__: NotImplemented crosses as itself
        2 - counter
    counter.count = 10
    assert counter.count == 10
    assert list(things.squares(4)) == [0, 1, 4, 9]


def test_a_proxy_function_has_the_learners_signature(things):
    assert describe_call(things.scale_in_place, np.ones(2)).startswith("scale_in_place(x=")
    with pytest.raises(pytest.fail.Exception, match="keep the signature of the stub"):
        call(things.scale_in_place, np.ones(2), 1.0, 2.0)


def test_a_function_of_the_learner_comes_back_as_a_proxy_not_a_real_one(things):
    system = things.sneak()
    assert isinstance(system, remote.Remote)
    assert system is not os.system


def test_a_message_naming_code_is_refused():
    peer = remote.Peer(0, 1, trusting=False)
    forged = pickle.dumps(("reply", "ok", {}, os.system))
    with pytest.raises(remote.PeerLost) as caught:
        peer._decode(forged)
    assert caught.value.broken


SCALE = 3.0


def test_a_portable_callback_runs_in_the_learner_process(things):
    seen = []

    def spy(v):
        seen.append(v)
        return v + 1

    assert things.apply(portable(spy), [1, 2]) == [2, 3]
    assert seen == []  # it ran there, on a copy of what it closes over
    offset = np.array([10.0])
    assert things.apply(portable(lambda v: float(np.sum(offset)) + v), [1.0]) == [11.0]
    with pytest.raises(TypeError, match="uses the grader's SCALE"):
        portable(lambda v: SCALE * v)


def test_numpy_functions_cross_by_name(things):
    assert things.apply(np.sqrt, [4.0, 9.0]) == [2.0, 3.0]
    assert things.apply(np.mean, [[1.0, 3.0]]) == [2.0]
    assert things.apply(abs, [-1]) == [1]
