"""Running a kata's checks in this process: the code under test meets its grader here.

This is the inside of grading, used in the process the supervisor starts for a kata.
There the code under test runs in the kata's learner process and the grader meets it
through a proxy (:mod:`mlkata.engine.remote`); in the ``inline`` role (debugging a
grader) it is imported here. Either way, whatever the code under test does becomes a
failed check with a one-line reason in the learner's words:

- an exception of any class (``KeyboardInterrupt``, ``SystemExit``, pytest's own
  ``skip``/``xfail``/``exit`` included) raised by the code under test;
- running out of CPU time (:mod:`mlkata.engine.limits`); after an ordinary check has,
  the kata's other checks are not run ("the kata seems to hang");
- replacing NumPy, the grading helpers or the engine (the tamper guard);
- reading the reference or starting processes (:mod:`mlkata.engine.guard`).

It never decides that a kata passed: the supervisor does, from the reports it
receives and the way the process ended.
"""

from __future__ import annotations

import errno
import functools
import signal
import sys
import threading
import time
import traceback
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from mlkata.engine.layout import kata_of_grader
from mlkata.engine.limits import Limits
from mlkata.engine.loader import KataUnavailable, TargetLoader
from mlkata.engine.tamper import TamperGuard

SEED_KEY = pytest.StashKey[int]()
CPU_KEY = pytest.StashKey[tuple[float, float]]()  # (checks, code under test)
CPU_TIMER = getattr(signal, "ITIMER_PROF", None)


class OutOfTime(BaseException):
    """Raised inside the code under test when a check has used up its CPU time.

    A BaseException, so that ``except Exception`` in the code under test does not
    swallow it.
    """

    def __init__(self, limit: float, importing: bool = False) -> None:
        super().__init__(limit)
        self.limit = limit
        self.importing = importing


def is_grader(item: pytest.Item) -> bool:
    """A test that asks for the ``kata`` fixture (not a parameter of that name)."""
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "kata" in callspec.params:
        return False
    return "kata" in getattr(item, "fixturenames", ())


def check_limit(item: pytest.Item, limits: Limits) -> float:
    """The CPU seconds ``item`` may use: its ``timeout`` marker, else the default."""
    marker = item.get_closest_marker("timeout")
    if marker is not None and marker.args:
        return float(marker.args[0])
    return limits.check_cpu_s


def is_efficiency_check(item: pytest.Item, limits: Limits) -> bool:
    return check_limit(item, limits) > limits.check_cpu_s


class UnavailableKata:
    """Stands in for a kata that could not be imported; any use fails the test."""

    def __init__(self, reason: str) -> None:
        self._reason = reason

    def __getattr__(self, name: str) -> Any:
        __tracebackhide__ = True
        pytest.fail(self._reason, pytrace=False)


@functools.lru_cache(maxsize=4096)  # each failure's traceback names the same few files
def _in_target(filename: str, target: Path) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(target)
    except (OSError, ValueError):
        return False


def _shown_path(filename: str) -> str:
    try:
        return str(Path(filename).resolve().relative_to(Path.cwd()))
    except ValueError:
        return filename


def explain_exception(exc: BaseException, target: Path) -> str | None:
    """One line for an exception raised inside the code under test, else None."""
    reason = getattr(exc, "mlkata_reason", None)
    if isinstance(reason, str):  # explained in the learner process, where it was raised
        return reason
    # Only the frames in the target are looked up (their source lines read).
    inside = [
        (frame, line)
        for frame, line in traceback.walk_tb(exc.__traceback__)
        if _in_target(frame.f_code.co_filename, target)
    ]
    if not inside:
        return None
    last = traceback.StackSummary.extract(inside[-1:])[-1]
    where = f"{_shown_path(last.filename)}, line {last.lineno}"
    code = f": {last.line.strip()}" if last.line else ""
    if isinstance(exc, NotImplementedError):
        return (
            f"not implemented yet: `{last.name}` still raises NotImplementedError "
            f"({where}). Replace the TODO with your code."
        )
    if isinstance(exc, SystemExit):
        return f"your code called sys.exit({exc.code!r}) at {where}: return the result instead"
    if isinstance(exc, KeyboardInterrupt):
        return f"your code raised KeyboardInterrupt at {where}: return the result instead"
    if isinstance(exc, (pytest.skip.Exception, pytest.xfail.Exception, pytest.exit.Exception)):
        what = {
            pytest.skip.Exception: "pytest.skip",
            pytest.xfail.Exception: "pytest.xfail",
            pytest.exit.Exception: "pytest.exit",
        }[type(exc)]
        return f"your code called {what}() at {where}: a kata cannot skip its checks"
    if isinstance(exc, EOFError):
        return (
            f"your code read from standard input at {where}{code}: a kata gets its data "
            "from its arguments, never from the keyboard (remove input())"
        )
    closed = isinstance(exc, ValueError) and "closed file" in str(exc)
    if closed or (isinstance(exc, OSError) and exc.errno == errno.EBADF):
        return (
            f"your code used a closed file at {where}{code}: did it close sys.stdout or "
            "another stream? Leave them open"
        )
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message} (raised at {where}{code})"


def _timed_out_message(limit: float, importing: float | None = None) -> str:
    if importing is not None:
        return (
            f"ran out of time: a module your code imports during the check took more "
            f"than {importing:g} s of CPU time to import (a loop at its top level?)"
        )
    return (
        f"ran out of time: more than {limit:g} s of CPU time (an infinite loop, or an "
        "algorithm far too slow for this input?)"
    )


@dataclass
class Checks:
    """A pytest plugin object: the in-process side of grading one target tree."""

    target: Path
    seed: int | None
    limits: Limits = field(default_factory=Limits)
    interrupts_are_code: bool = False
    guard: Any = None  # mlkata.engine.guard.Guard, where installed
    learner: Any = None  # mlkata.engine.link.LearnerLink: the code under test runs there
    on_phase: Any = None  # called with ("importing", topic, slug) / ("imported", ...)
    loader: TargetLoader = field(init=False)
    tamper: TamperGuard | None = None
    hanging: str = ""

    def __post_init__(self) -> None:
        self.loader = TargetLoader(self.target, interrupts_are_code=self.interrupts_are_code)
        self._modules: dict[tuple[str, str], Any] = {}

    # -- fixtures' work ---------------------------------------------------------------

    def load(self, item: pytest.Item) -> Any:
        found = kata_of_grader(Path(item.path))
        if found is None:
            pytest.fail(f"{item.path} is not a grader file (graders/<topic>/test_<slug>.py)")
        if self.on_phase is not None:
            self.on_phase("importing", *found)
        try:
            if self.learner is not None:
                return self._load_apart(*found)
            with self._cpu_limit(self.limits.import_cpu_s, importing=True), self._armed():
                return self.loader.load(*found)
        except KataUnavailable as exc:
            return UnavailableKata(str(exc))
        finally:
            if self.on_phase is not None:
                self.on_phase("imported", *found)

    def _load_apart(self, topic: str, slug: str) -> Any:
        """The kata's module in the learner process, through a proxy."""
        key = (topic, slug)
        if key not in self._modules:
            self._modules[key] = self.learner.load(topic, slug)
        found = self._modules[key]
        if isinstance(found, tuple) and found[:1] == ("unavailable",):
            raise KataUnavailable(str(found[1]))
        return found

    def rng(self, item: pytest.Item) -> Any:
        import numpy as np

        seed = self.seed if self.seed is not None else zlib.crc32(item.nodeid.encode())
        item.stash[SEED_KEY] = seed
        return np.random.default_rng(seed)

    # -- limits -----------------------------------------------------------------------

    class _Timer:
        def __init__(self, limit: float, importing: bool) -> None:
            self.limit, self.importing = limit, importing

        def __enter__(self) -> None:
            self.active = (
                CPU_TIMER is not None and threading.current_thread() is threading.main_thread()
            )
            if not self.active:
                return
            self.previous = signal.signal(signal.SIGPROF, self._expired)
            # After the first interrupt, again every quarter second of CPU time, for
            # code that swallows it.
            signal.setitimer(CPU_TIMER, self.limit, 0.25)

        def __exit__(self, *exc: object) -> None:
            if not self.active:
                return
            signal.setitimer(CPU_TIMER, 0)
            signal.signal(signal.SIGPROF, self.previous)

        def _expired(self, signum: int, frame: Any) -> None:
            remote = sys.modules.get("mlkata.engine.remote")
            if remote is not None and remote.in_request():
                return  # a call across processes ends cleanly first; the timer repeats
            raise OutOfTime(self.limit, self.importing)

    def _cpu_limit(self, limit: float, importing: bool = False) -> Checks._Timer:
        return Checks._Timer(limit, importing)

    class _Arm:
        def __init__(self, guard: Any) -> None:
            self.guard = guard

        def __enter__(self) -> None:
            if self.guard is not None:
                self.guard.armed = True

        def __exit__(self, *exc: object) -> None:
            if self.guard is not None:
                self.guard.armed = False

    def _armed(self) -> Checks._Arm:
        return Checks._Arm(self.guard)

    # -- hooks ------------------------------------------------------------------------

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        if not is_grader(item):
            return
        if self.tamper is None:
            # Before the first kata is imported; graders have imported NumPy by now.
            self.tamper = TamperGuard()
        if self.hanging:
            pytest.fail(f"not run: the kata seems to hang ({self.hanging})", pytrace=False)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item):
        if not is_grader(item):
            return (yield)
        limit = check_limit(item, self.limits)
        if self.learner is not None:
            self.learner.start_check(limit)
        started = time.process_time()
        try:
            with self._cpu_limit(limit), self._armed():
                result = yield
        except OutOfTime as exc:
            item.stash[CPU_KEY] = self._check_cpu(started)
            self._fail_if_tampered()
            if not is_efficiency_check(item, self.limits):
                self.hanging = f"{item.name} ran out of time"
            message = _timed_out_message(limit, exc.limit if exc.importing else None)
            raise pytest.fail.Exception(message, pytrace=False) from None
        except pytest.fail.Exception as exc:
            self._fail_if_tampered()
            self._fail_if_refused()
            if isinstance(exc, pytest.xfail.Exception):
                raise self._from_code(exc) from None
            raise
        except KeyboardInterrupt as exc:
            self._fail_if_tampered()
            if not self.interrupts_are_code:
                raise
            raise self._from_code(exc) from None
        except BaseException as exc:  # noqa: BLE001 - student code may raise anything
            self._fail_if_tampered()
            self._fail_if_refused()
            raise self._from_code(exc) from None
        item.stash[CPU_KEY] = self._check_cpu(started)
        self._fail_if_tampered()
        self._fail_if_refused()
        return result

    def _check_cpu(self, started: float) -> tuple[float, float]:
        """CPU seconds the check used: its own, and its calls' in the learner process
        (each is held to the check's limit)."""
        return time.process_time() - started, (
            self.learner.cpu if self.learner is not None else 0.0
        )

    def _from_code(self, exc: BaseException) -> BaseException:
        reason = explain_exception(exc, self.target)
        if reason is None:
            if isinstance(exc, (pytest.skip.Exception, pytest.xfail.Exception)):
                reason = "the check was skipped: graders never skip, so this is a failure"
            elif isinstance(exc, (KeyboardInterrupt, SystemExit, pytest.exit.Exception)):
                reason = f"{type(exc).__name__} ended the check: return the result instead"
            else:
                return exc
        return pytest.fail.Exception(reason, pytrace=False)

    def _learner_took(self, kind: str) -> list[str]:
        return self.learner.take(kind) if self.learner is not None else []

    def _fail_if_tampered(self) -> None:
        replaced = self.tamper.check_and_restore() if self.tamper is not None else []
        replaced += self._learner_took("tampered")
        if replaced:
            raise pytest.fail.Exception(
                f"your code replaced {', '.join(replaced)}: a kata must not monkeypatch "
                "libraries, the grader or mlkata (restored; this check fails)",
                pytrace=False,
            ) from None

    def _fail_if_refused(self) -> None:
        refused = self.guard.take() if self.guard is not None else []
        refused += self._learner_took("refused")
        if refused:
            raise pytest.fail.Exception(
                f"your code tried to {refused[0]}: a kata must compute its answer from its "
                "inputs, not read the reference or the graders, and not start processes",
                pytrace=False,
            ) from None

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        report = yield
        if report.when == "call" and CPU_KEY in item.stash:
            report.mlkata_cpu, report.mlkata_learner_cpu = item.stash[CPU_KEY]
        if report.failed and SEED_KEY in item.stash:
            seed = item.stash[SEED_KEY]
            report.sections.append(
                ("random cases", f"drawn with seed {seed}: rerun with --seed {seed}")
            )
            if isinstance(report.longrepr, str):
                report.longrepr += f"\n(random cases from seed {seed}; rerun with --seed {seed})"
        return report

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        self.loader.uninstall()


def checks_of(config: pytest.Config) -> Checks | None:
    """The session's :class:`Checks`, where checks run in this process."""
    plugin = config.pluginmanager.get_plugin(CHECKS_PLUGIN)
    return plugin if isinstance(plugin, Checks) else None


CHECKS_PLUGIN = "mlkata-checks"
