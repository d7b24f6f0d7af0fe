"""The hidden tests of the nbgrader notebooks that :mod:`mlkata.teach.course` builds.

This runs inside a notebook's kernel, during ``nbgrader autograde`` (or when a teacher
runs a source notebook). The first autograded cell of a kata registers the kata's
grader, whose source is embedded in that cell's hidden region. Each autograded cell
stands for one grader test function (all of its parametrised cases). The first cell
to need results runs the whole grader once, in-process with pytest, against the
functions the notebook defines (one pytest session per notebook, not per cell); every
cell then reports its own test function's checks and

- prints how many passed when they all pass: the cell gets its points;
- prints what failed and returns the points earned when some pass: a number as the
  cell's result is nbgrader's partial credit;
- raises :class:`ChecksFailed` when none passes: no points. Its traceback is only the
  failure messages, so no hidden test code reaches the feedback.

Every check has a time limit (:data:`CHECK_TIME_LIMIT_S`, or the one the cell
registers). After ``HANG_LIMIT`` checks of one kata have timed out, the kata is taken to
hang and its other checks fail at once: an infinite loop costs seconds, not minutes, and
the notebook's other cells and notebooks are still graded. Re-running the solution cell
(new function objects) makes the next autograded cell grade afresh.

:func:`run_grader` is the one place that runs a grader against a notebook's functions.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from mlkata.engine.checks import CPU_TIMER
from mlkata.engine.curriculum import earned as earned_points
from mlkata.engine.layout import GRADERS, grader_path
from mlkata.engine.limits import Limits
from mlkata.engine.results import CheckResult
from mlkata.engine.run import pytest_args, run_pytest

CHECK_TIME_LIMIT_S = Limits().check_cpu_s
"""CPU seconds a hidden check may use, unless its grader marks it with a longer limit."""

# In the kernel the engine's CPU-time interrupt (mlkata.engine.checks) limits each
# check. Where it cannot (no ITIMER_PROF, or not the main thread), pytest-timeout's
# thread method is a wall-clock backstop, generous so that a busy machine does not trip
# it.
CPU_LIMITED = CPU_TIMER is not None and threading.current_thread() is threading.main_thread()
TIME_LIMIT_PLUGIN = () if CPU_LIMITED else ("-p", "pytest_timeout")
WALL_BACKSTOP_FACTOR = 10

HANG_LIMIT = 2
"""Timed-out checks after which a kata's remaining checks are failed without running."""

_TIMED_OUT = ("ran out of time", "timed out after", "Timeout (>")

_INI = """\
[pytest]
addopts = --import-mode=importlib
xfail_strict = true
"""
_BACKSTOP_INI = """\
timeout = {timeout}
timeout_method = thread
"""


class ChecksFailed(AssertionError):
    """Every check of an autograded cell failed; shown as its messages only."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback, which would quote the hidden
        # test code of the cell.
        return [f"ChecksFailed: {self.lines[0]}", *self.lines[1:]] if self.lines else []


@dataclass
class Grader:
    """A kata's grader as registered by its notebook, and what it found so far."""

    topic: str
    slug: str
    path: Path
    ini: Path
    functions: tuple[str, ...]
    timed_out: int = 0
    graded: tuple = ()  # what the results are of: the kata's function objects
    results: dict[str, list[CheckResult]] = field(default_factory=dict)  # by test function


_GRADERS: dict[str, Grader] = {}
_FOLDER: list[Path] = []


def _folder() -> Path:
    if not _FOLDER:
        folder = Path(tempfile.mkdtemp(prefix="mlkata-hidden-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _FOLDER.append(folder)
    return _FOLDER[0]


def _split(kata: str) -> tuple[str, str]:
    topic, _, slug = kata.partition("/")
    if not topic or not slug:
        raise ValueError(f"a kata is named topic/slug, not {kata!r}")
    return topic, slug


def register(
    kata: str,
    source: str,
    *,
    functions: Iterable[str] = (),
    timeout: float = CHECK_TIME_LIMIT_S,
) -> None:
    """Keep the grader ``source`` of ``kata`` (``topic/slug``) for :func:`check`;
    each of its checks may run ``timeout`` seconds."""
    topic, slug = _split(kata)
    folder = _folder()
    path = folder / GRADERS / grader_path(topic, slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    ini = folder / f"pytest-{topic}-{slug}.ini"
    text = _INI
    if TIME_LIMIT_PLUGIN:
        text += _BACKSTOP_INI.format(timeout=timeout * WALL_BACKSTOP_FACTOR)
    ini.write_text(text, encoding="utf-8")
    _GRADERS[kata] = Grader(topic, slug, path, ini, tuple(functions))


class _NotebookPlugin:
    """Hands the notebook's namespace to the mlkata plugin's loader; stops hung katas."""

    def __init__(self, grader: Grader, module: types.ModuleType) -> None:
        self.grader = grader
        self.module = module
        self.state: Any = None
        self.expected: dict[str, int] = {}  # test function -> number of cases

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        for item in session.items:
            name = _function_of(item.name)
            self.expected[name] = self.expected.get(name, 0) + 1

    @pytest.hookimpl(trylast=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        from mlkata.engine.plugin import grading_state

        self.state = grading_state(config)
        self.state.loader.preload(self.grader.topic, self.grader.slug, self.module)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        if self.grader.timed_out >= HANG_LIMIT:
            pytest.fail(
                f"not run: {self.grader.timed_out} checks of this kata timed out already, "
                "so it seems to hang (an infinite loop?)",
                pytrace=False,
            )

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed and report.when == "call":
            text = report.longreprtext
            if any(marker in text for marker in _TIMED_OUT):
                self.grader.timed_out += 1


def _module_of(namespace: Mapping[str, Any], topic: str, slug: str) -> types.ModuleType:
    module = types.ModuleType(f"{topic}.{slug}", f"the notebook's {topic}/{slug}")
    module.__dict__.update(namespace)
    module.__name__ = f"{topic}.{slug}"
    return module


def _code_file(namespace: Mapping[str, Any], functions: Iterable[str]) -> str | None:
    """The file IPython compiled the solution cell to (where its functions live)."""
    for name in functions:
        value = namespace.get(name)
        members = vars(value).values() if isinstance(value, type) else [value]
        for member in members:
            code = getattr(member, "__code__", None)
            if code is not None:
                return code.co_filename
    return None


def _function_of(check_name: str) -> str:
    """``test_f`` for a check (test item) named ``test_f`` or ``test_f[case]``."""
    return check_name.split("[", 1)[0]


@dataclass
class GraderRun:
    """One pytest session of a kata's grader against a notebook's functions."""

    code: int  # pytest's exit code
    output: str
    checks: dict[str, list[CheckResult]]  # test function -> its checks, if all of them ran


INLINE = ("--mlkata-role", "inline")
"""Checks run in the kernel itself (the supervised runner is not used here yet)."""


def run_grader(
    grader: Grader, namespace: Mapping[str, Any], select: str, target: Path
) -> GraderRun:
    """Run the grader's tests ``select`` (a node id suffix, '' for all) on ``namespace``,
    in this process; ``target`` is where the notebook's code comes from."""
    module = _module_of(namespace, grader.topic, grader.slug)
    plugin = _NotebookPlugin(grader, module)
    args = pytest_args(
        [f"{grader.path}{select}"],
        target=target,
        rootdir=_folder(),
        extra=["-c", str(grader.ini), *TIME_LIMIT_PLUGIN, "--capture=sys", *INLINE],
    )
    code, output = run_pytest(args, [plugin])
    result = None
    if plugin.state is not None:
        result = plugin.state.book.katas.get((grader.topic, grader.slug))
    by_function: dict[str, list[CheckResult]] = {}
    for check in result.checks.values() if result is not None else []:
        by_function.setdefault(_function_of(check.name), []).append(check)
    complete = {
        name: checks
        for name, checks in by_function.items()
        if len(checks) >= plugin.expected.get(name, 0)  # not cut short
    }
    return GraderRun(code, output, complete)


def check(namespace: Mapping[str, Any], kata: str, test: str, points: float) -> float | None:
    """Report the checks of the grader test function ``test`` of ``kata``.

    ``namespace`` is the notebook's ``globals()``. Runs the grader first if these
    functions have not been graded yet. Returns None when every check passes (full
    points), the points earned when some pass; raises :class:`ChecksFailed` when none
    does.
    """
    grader = _GRADERS.get(kata)
    if grader is None:
        raise ChecksFailed(
            [f"the hidden tests of {kata} were not set up: run the notebook from the top"]
        )
    missing = [name for name in grader.functions if not callable(namespace.get(name))]
    if missing:
        raise ChecksFailed(
            [
                f"`{missing[0]}` is not defined: write it in the solution cell and run that "
                "cell (a syntax error there leaves it undefined)"
            ]
        )
    graded = tuple(id(namespace[name]) for name in grader.functions)
    if grader.graded != graded:
        grader.graded, grader.results, grader.timed_out = graded, {}, 0
    cell_file = _code_file(namespace, grader.functions)
    code, output = 0, ""
    if test not in grader.results:
        target = Path(cell_file).parent if cell_file else _folder() / "notebook"
        # The whole grader on the first call; after an interrupted run, this test only.
        select = f"::{test}" if grader.results else ""
        run = run_grader(grader, namespace, select, target)
        grader.results.update(run.checks)
        code, output = run.code, run.output
    checks = grader.results.get(test, [])
    interrupted = code == pytest.ExitCode.INTERRUPTED
    if not checks:
        if interrupted:
            raise ChecksFailed(["interrupted: the cell ran longer than its time limit"])
        tail = [line for line in output.splitlines() if line.strip()][-5:]
        raise ChecksFailed([f"the hidden tests could not run (pytest exit code {code})", *tail])

    def shown(message: str) -> str:
        return message.replace(cell_file, "the solution cell") if cell_file else message

    failed = [c for c in checks if not c.passed]
    if not failed:
        print(f"{len(checks)} of {len(checks)} checks passed")
        return None
    total = sum(c.weight for c in checks)
    earned = sum(c.weight for c in checks if c.passed)
    score = earned_points(points, earned / total) if total else 0.0
    passed = len(checks) - len(failed)
    lines = [f"{passed} of {len(checks)} checks passed: {score:g} of {points:g} points"]
    lines += [f"  {c.name}: {shown(c.message)}" for c in failed]
    if score <= 0:
        raise ChecksFailed(lines)
    print("\n".join(lines))
    return score
