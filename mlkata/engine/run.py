"""Grade one kata in this process, quietly, and hand back its result.

``grade`` runs pytest on the kata's grader file against ``exercises/`` with the
mlkata plugin, its output captured, so a warm process (``mlkata watch``) re-grades in a
few tens of milliseconds: NumPy and pytest stay imported, and the plugin forgets the
kata's own modules when the session ends, so the next run sees the saved file. The
plugin records the run as progress like any student-mode run.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from mlkata.engine.curriculum import Kata
from mlkata.engine.results import CheckResult, KataResult

# Only the plugins graders need: other installed plugins cost more start-up than a kata.
PLUGINS = ("-p", "mlkata.plugin")
# Built-in plugins a grading run does not need; unraisableexception alone runs
# gc.collect() five times at the end of every session (~100 ms in a warm process).
QUIET_PLUGINS = ("-p", "no:cacheprovider", "-p", "no:unraisableexception")
AUTOLOAD_ENV = "PYTEST_DISABLE_PLUGIN_AUTOLOAD"


def pytest_args(
    paths: Sequence[Path | str],
    *,
    target: Path | str | None = None,
    rootdir: Path | None = None,
    seed: int | None = None,
    extra: Sequence[str] = (),
) -> list[str]:
    """The arguments of a pytest run of the graders ``paths`` against ``target``."""
    args = [str(p) for p in paths]
    if target is not None:
        args += ["--target", str(target)]
    if rootdir is not None:
        args += ["--rootdir", str(rootdir)]
    if seed is not None:
        args += ["--seed", str(seed)]
    return [*args, "-q", *QUIET_PLUGINS, *PLUGINS, *extra]


def pytest_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a pytest run in another process: only mlkata's plugins."""
    env = dict(os.environ if base is None else base)
    env[AUTOLOAD_ENV] = "1"
    env.pop("PYTEST_ADDOPTS", None)
    return env


@contextlib.contextmanager
def only_mlkata_plugins() -> Iterator[None]:
    """Within the block, a pytest run in this process loads only the plugins named."""
    with _environment(AUTOLOAD_ENV, "1"):
        yield


def run_pytest(args: Sequence[str], plugins: Sequence[object] = ()) -> tuple[int, str]:
    """Run pytest in this process with only mlkata's plugins; its exit code and output."""
    captured = io.StringIO()
    with (
        only_mlkata_plugins(),
        contextlib.redirect_stdout(captured),
        contextlib.redirect_stderr(captured),
    ):
        code = pytest.main(list(args), plugins=list(plugins))
    return int(code), captured.getvalue()


@dataclass
class Graded:
    """The outcome of grading one kata."""

    kata: Kata
    result: KataResult
    errors: list[str] = field(default_factory=list)  # collection or internal errors
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def checks(self) -> list[CheckResult]:
        return list(self.result.checks.values())

    @property
    def ok(self) -> bool:
        return self.result.ok and not self.errors

    @property
    def points(self) -> float:
        return round(self.kata.points * self.result.fraction, 2) if not self.errors else 0.0

    @property
    def first_failure(self) -> str:
        return self.errors[0] if self.errors else self.result.first_failure


class _Collector:
    """A pytest plugin object: builds the :class:`Graded` result as the session ends.

    Its ``pytest_sessionfinish`` runs first (``tryfirst``), before the mlkata plugin
    records the run and before the session is torn down, so ``on_result`` can put the
    result on screen without waiting for either.
    """

    def __init__(self, kata: Kata, on_result: Callable[[Graded], None] | None) -> None:
        self.kata = kata
        self.on_result = on_result
        self.errors: list[str] = []
        self.graded: Graded | None = None
        self.interrupted = False
        self.start = time.perf_counter()

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            self.errors.append(f"the grader could not be collected: {_last_error(report)}")

    def pytest_keyboard_interrupt(self, excinfo: Any) -> None:
        # Ctrl-C, not pytest stopping on collection errors (a KeyboardInterrupt subclass).
        self.interrupted = not excinfo.errisinstance(pytest.Session.Interrupted)

    def pytest_internalerror(self, excrepr: Any) -> None:
        self.errors.append(f"internal error: {str(excrepr).strip().splitlines()[-1]}")

    def build(self, config: Any, exitstatus: int) -> Graded:
        from mlkata.engine.plugin import grading_state

        kata = self.kata
        result = grading_state(config).book.katas.get((kata.topic, kata.slug))
        result = result or KataResult(kata.topic, kata.slug)
        errors = list(self.errors)
        if not errors and not self.interrupted and result.total == 0:
            errors.append(f"no check ran (pytest exit status {int(exitstatus)})")
        seconds = time.perf_counter() - self.start
        return Graded(kata, result, errors, self.interrupted, seconds)

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: Any, exitstatus: int) -> None:
        self.graded = self.build(session.config, exitstatus)
        if self.on_result is not None and not self.graded.interrupted:
            with _real_output():
                self.on_result(self.graded)


def _last_error(report: Any) -> str:
    """The ``E   ...`` line that ends a collection error (``SyntaxError: ...``)."""
    lines = [line.strip() for line in str(report.longrepr).splitlines() if line.strip()]
    errors = [line[1:].strip() for line in lines if line.startswith("E ")]
    return errors[-1] if errors else (lines[-1] if lines else "unknown error")


_REAL_STREAMS: list[tuple[Any, Any]] = []


@contextlib.contextmanager
def _real_output() -> Iterator[None]:
    """The learner's stdout and stderr again, inside a grading run."""
    if not _REAL_STREAMS:
        yield
        return
    out, err = _REAL_STREAMS[-1]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def grade(
    root: Path,
    kata: Kata,
    on_result: Callable[[Graded], None] | None = None,
    extra: tuple[str, ...] = (),
) -> Graded:
    """Grade ``exercises/<topic>/<slug>.py`` of the working copy ``root`` in-process.

    ``on_result`` is called with the result as soon as the last check has run (before
    the run is recorded and pytest tears down); the result is also returned.
    """
    grader = root / "graders" / kata.grader_path
    args = pytest_args([grader], target="exercises", rootdir=root, extra=["--tb=no", *extra])
    collector = _Collector(kata, on_result)
    captured = io.StringIO()
    _REAL_STREAMS.append((sys.stdout, sys.stderr))
    try:
        with (
            _environment(AUTOLOAD_ENV, "1"),
            contextlib.redirect_stdout(captured),
            contextlib.redirect_stderr(captured),
        ):
            code = pytest.main(args, plugins=[collector])
    finally:
        _REAL_STREAMS.pop()
    if collector.graded is not None:
        return collector.graded
    # pytest stopped before the session began (a usage error in its arguments).
    message = captured.getvalue().strip().splitlines() or [f"pytest exit status {int(code)}"]
    graded = Graded(kata, KataResult(kata.topic, kata.slug), [message[-1]])
    graded.interrupted = collector.interrupted
    if on_result is not None and not graded.interrupted:
        on_result(graded)
    return graded


def grade_katas(
    root: Path,
    target: Path,
    katas: Sequence[Kata],
    *,
    seed: int | None = None,
) -> list[KataResult]:
    """Grade ``katas`` of the tree ``target`` with the graders of the working copy ``root``.

    One :class:`~mlkata.engine.results.KataResult` per kata, in the order given; a kata
    whose grader could not run has no checks and its reason in ``errors``.
    """
    from mlkata.engine.plugin import grading_state

    class Keep:
        state = None

        @pytest.hookimpl(trylast=True)
        def pytest_sessionfinish(self, session: Any) -> None:
            Keep.state = grading_state(session.config)

    graders = [root / "graders" / k.grader_path for k in katas]
    code, output = run_pytest(
        pytest_args(graders, target=target, rootdir=root, seed=seed, extra=["--tb=no"]),
        [Keep()],
    )
    book = Keep.state.book.katas if Keep.state is not None else {}
    results = []
    for kata in katas:
        result = book.get((kata.topic, kata.slug)) or KataResult(kata.topic, kata.slug)
        results.append(result)
    return results
