"""The pytest plugin: which tree is graded, and who runs the checks.

Registered through the ``pytest11`` entry point (as :mod:`mlkata.plugin`), so plain
``pytest graders`` finds it. It imports nothing heavy at start-up.

- ``--target`` / ``MLKATA_TARGET``: the tree under test: ``exercises`` (default),
  ``solutions``, or any directory laid out the same way.
- ``--seed``: one seed for every grader's random cases.
- ``kata`` / ``rng`` fixtures and the ``points`` / ``timeout`` markers for graders.

It plays one of three roles (``--mlkata-role``):

``supervise`` (the default: every run a person starts)
    Grader tests are never run in this process. Each kata's checks are graded by the
    :class:`~mlkata.engine.supervisor.Supervisor` in a child process, and this
    process turns the verdicts into pytest's reports, prints the per-kata summary
    and records student-mode runs as progress. Katas are graded side by side
    (``--mlkata-jobs``), their reports shown in order.
``child``
    Inside the process the supervisor started for one kata: the checks run here
    (:mod:`mlkata.engine.checks`) and are reported on the result channel; the code
    under test runs in the kata's learner process (:mod:`mlkata.engine.learner`).
``inline``
    The checks run here, with no supervisor: for debugging a grader with pytest's own
    tools (``--pdb``), never for a grade.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from mlkata.engine.layout import EXERCISES, Layout, LayoutError, kata_of_grader

__all__ = [
    "GradingState",
    "grading_state",
    "kata",
    "kata_of",
    "pytest_addoption",
    "pytest_configure",
    "pytest_load_initial_conftests",
    "pytest_sessionfinish",
    "pytest_terminal_summary",
    "resolve_target",
    "rng",
]

TARGET_ENV = "MLKATA_TARGET"
ROLE_ENV = "MLKATA_ROLE"
ROLES = ("supervise", "child", "inline")

_STATE = pytest.StashKey["GradingState"]()

kata_of = kata_of_grader


class GradingState:
    """What one pytest session knows about the tree it grades, and what it found."""

    def __init__(self, config: pytest.Config, target: Path, label: str, role: str) -> None:
        from mlkata.engine.session import SessionCurriculum, SessionResults

        self.config = config
        self.target = target
        self.label = label
        self.role = role
        self.seed: int | None = config.getoption("mlkata_seed")
        self.results = SessionResults(SessionCurriculum(config.rootpath))
        self.checks: Any = None  # mlkata.engine.checks.Checks in the child/inline roles
        self.collect_errors: list[str] = []

    @property
    def loader(self) -> Any:
        """The loader of the code under test (child and inline roles)."""
        return self.checks.loader

    @property
    def book(self) -> Any:
        return self.results


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mlkata", "mlkata grading")
    group.addoption(
        "--target",
        default=None,
        help="tree to grade: 'exercises' (default), 'solutions', or a directory laid out "
        f"like exercises/ (also ${TARGET_ENV})",
    )
    group.addoption(
        "--seed",
        dest="mlkata_seed",
        type=int,
        default=None,
        help="seed for every grader's random cases (default: one fixed seed per test)",
    )
    group.addoption(
        "--mlkata-jobs",
        dest="mlkata_jobs",
        type=int,
        default=None,
        help="katas graded side by side (default: one per core, at most 4)",
    )
    group.addoption(
        "--mlkata-compact",
        dest="mlkata_compact",
        action="store_true",
        help="print only the per-kata summary (student mode)",
    )
    group.addoption(
        "--mlkata-limit",
        dest="mlkata_limits",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="change a grading limit, e.g. check_cpu_s=1 (see mlkata.engine.limits)",
    )
    group.addoption(
        "--mlkata-role", dest="mlkata_role", default=None, choices=ROLES, help=argparse_hidden()
    )


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config, parser: Any, args: Any) -> None:
    # As early as a run's options are known: the grading worker imports pytest and
    # NumPy while this process loads plugins and collects.
    known = early_config.known_args_namespace
    role = getattr(known, "mlkata_role", None) or os.environ.get(ROLE_ENV) or "supervise"
    busy_elsewhere = getattr(known, "collectonly", False) or getattr(known, "help", False)
    if role == "supervise" and not busy_elsewhere and not getattr(known, "numprocesses", None):
        from mlkata.engine.supervisor import prestart

        value = getattr(known, "target", None) or os.environ.get(TARGET_ENV) or EXERCISES
        try:
            layout = Layout(early_config.rootpath)
            prestart(layout.root, layout.resolve_target(value, early_config.invocation_params.dir))
        except LayoutError:  # said in one line when the run configures itself
            prestart()


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS


def resolve_target(value: str, rootpath: Path, invocation_dir: Path) -> Path:
    """``exercises``/``solutions`` name the repository's trees; anything else is a path."""
    return Layout(rootpath).resolve_target(value, invocation_dir)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "points(n): weight of a grader test within its kata's points (default 1)"
    )
    config.addinivalue_line(
        "markers", "timeout(seconds): CPU-time limit of a grader test (efficiency tier)"
    )
    layout = Layout(config.rootpath)
    value = config.getoption("target") or os.environ.get(TARGET_ENV) or EXERCISES
    target = layout.resolve_target(value, config.invocation_params.dir)
    role = config.getoption("mlkata_role") or os.environ.get(ROLE_ENV) or "supervise"
    state = GradingState(config, target, layout.label(target), role)
    config.stash[_STATE] = state
    if role == "supervise":
        # The engine's limits rule here; pytest-timeout's alarm around a test would
        # cut a whole kata's supervised grading short.
        for name in ("timeout", "pytest_timeout"):
            timeout = config.pluginmanager.get_plugin(name)
            if timeout is not None:
                config.pluginmanager.unregister(timeout)
        supervised = SupervisedRun(state)
        config.pluginmanager.register(supervised, "mlkata-supervised")
        if _will_grade_here(config):
            # The worker imports pytest and NumPy while this process collects.
            supervised.warm_up()
        return
    from mlkata.engine.checks import CHECKS_PLUGIN, Checks
    from mlkata.engine.limits import Limits

    if role == "child":
        from mlkata.engine.child import child_context

        context = child_context()
        channel = context.get("channel")
        checks = Checks(
            target,
            state.seed,
            limits=context.get("limits", Limits()),
            interrupts_are_code=True,
            learner=context.get("learner"),
            on_phase=(lambda phase, *kata: channel.send("phase", phase=phase))
            if channel is not None
            else None,
        )
    else:
        checks = Checks(target, state.seed)
    state.checks = checks
    config.pluginmanager.register(checks, CHECKS_PLUGIN)


def limits_of(config: pytest.Config) -> Any:
    """The default limits with ``--mlkata-limit NAME=VALUE`` applied."""
    from dataclasses import replace

    from mlkata.engine.limits import Limits, default_limits

    limits = default_limits()
    for setting in config.getoption("mlkata_limits"):
        name, _, value = setting.partition("=")
        kind = Limits.__dataclass_fields__.get(name.strip())
        if kind is None:
            raise pytest.UsageError(f"--mlkata-limit: no limit called {name!r}")
        try:
            number = (int if kind.type in ("int", int) else float)(value)
        except ValueError:
            raise pytest.UsageError(f"--mlkata-limit {setting}: not a number") from None
        limits = replace(limits, **{name.strip(): number})
    return limits


def _will_grade_here(config: pytest.Config) -> bool:
    """Will this process grade katas (not only collect, not an xdist controller)?"""
    if config.option.collectonly or config.getoption("help", False):
        return False
    workers = (
        config.getoption("numprocesses", None) if hasattr(config.option, "numprocesses") else None
    )
    return not workers or hasattr(config, "workerinput")


def grading_state(config: pytest.Config) -> GradingState:
    """The session's grading state (for other plugins and the CLI)."""
    return config.stash[_STATE]


# -- fixtures -------------------------------------------------------------------------


def _checks(request: pytest.FixtureRequest) -> Any:
    checks = grading_state(request.config).checks
    if checks is None:
        pytest.fail("internal: a grader test ran in the supervising process", pytrace=False)
    return checks


@pytest.fixture
def kata(request: pytest.FixtureRequest) -> Any:
    """The module under test for this grader's kata, loaded from the target tree."""
    return _checks(request).load(request.node)


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> Any:
    """A ``numpy.random.Generator`` seeded per test (or by ``--seed``)."""
    return _checks(request).rng(request.node)


# -- the supervising role ---------------------------------------------------------------


def _is_grader(item: pytest.Item) -> bool:
    from mlkata.engine.checks import is_grader

    return is_grader(item)


class SupervisedRun:
    """Grades each kata's items through the supervisor and reports its verdicts."""

    def __init__(self, state: GradingState) -> None:
        self.state = state
        self.groups: dict[tuple[str, str], list[pytest.Item]] = {}
        self.futures: dict[tuple[str, str], Future] = {}
        self.verdicts: dict[tuple[str, str], Any] = {}
        self.supervisor: Any = None
        self.deselected: set[tuple[str, str]] = set()

    def _supervisor(self) -> Any:
        if self.supervisor is None:
            from mlkata.engine.run import default_jobs
            from mlkata.engine.supervisor import Supervisor

            config = self.state.config
            jobs = config.getoption("mlkata_jobs") or default_jobs(os.cpu_count() or 1)
            self.supervisor = Supervisor(
                config.rootpath,
                self.state.target,
                seed=self.state.seed,
                limits=limits_of(config),
                jobs=jobs,
                cwd=config.invocation_params.dir,
            )
        return self.supervisor

    def warm_up(self) -> None:
        from mlkata.engine.supervisor import SupervisorError

        try:
            self._supervisor().warm_up()
        except SupervisorError:
            pass  # said again, with its reason, when the first kata is graded

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            from mlkata.engine.child import last_error

            self.state.collect_errors.append(f"{report.nodeid}: {last_error(report)}")

    def pytest_deselected(self, items: list[pytest.Item]) -> None:
        for item in items:
            found = kata_of(Path(item.path))
            if found is not None:
                self.deselected.add(found)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        for item in session.items:
            if _is_grader(item):
                found = kata_of(Path(item.path))
                if found is not None:
                    self.groups.setdefault(found, []).append(item)
        config = session.config
        if not self.groups or config.option.collectonly or hasattr(config, "workerinput"):
            return
        supervisor = self._supervisor()
        for key in self.groups:
            self.futures[key] = supervisor.submit(self._request(key))
        # While the workers grade: what the summary and the record need afterwards (the
        # curriculum alone takes ~20 ms to read).
        _ = self.state.results.curriculum.curriculum
        if self.state.label == EXERCISES:
            import mlkata.engine.progress  # noqa: F401

    def _request(self, key: tuple[str, str]) -> Any:
        from mlkata.engine.supervisor import KataRequest

        items = self.groups[key]
        return KataRequest(*key, Path(items[0].path), tuple(i.nodeid for i in items))

    def _verdict(self, key: tuple[str, str]) -> Any:
        if key not in self.verdicts:
            future = self.futures.get(key)
            if future is not None:
                result = future.result()
            else:
                result = self._supervisor().grade(self._request(key))
            self.verdicts[key] = result
            self.state.results.add(result, complete=self._complete(key))
        return self.verdicts[key]

    def _complete(self, key: tuple[str, str]) -> bool:
        args = self.state.config.args
        return key not in self.deselected and not any("::" in str(a) for a in args)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: Any) -> bool | None:
        key = kata_of(Path(item.path)) if _is_grader(item) else None
        if key is None:
            return None
        result = self._verdict(key)
        check = next((c for c in result.checks.values() if c.nodeid == item.nodeid), None)
        _report(item, check, result)
        return True

    @pytest.hookimpl(tryfirst=True)
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        if _process_ends_with_run():
            # Nothing here is garbage worth a collection: pytest's full collections at
            # the end of a run and the interpreter's at exit would walk NumPy, pytest
            # and every collected item (~60 ms of a one-kata run) to free nothing.
            import gc

            gc.freeze()

    def pytest_keyboard_interrupt(self, excinfo: Any) -> None:
        if self.supervisor is not None:
            self.supervisor.kill()

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if self.supervisor is not None:
            pending = [f for f in self.futures.values() if not f.done()]
            if pending:
                self.supervisor.kill()
            else:
                self.supervisor.close()


def _process_ends_with_run() -> bool:
    """Is this run pytest's command line (``pytest``, ``python -m pytest``), so that the
    process exits when it ends (not ``pytest.main`` called by a longer-lived program, nor
    a run inside a test of a command-line run)?"""
    frame = sys._getframe(1)
    while frame is not None:  # the innermost run: pytest's main, called by ...
        if frame.f_globals.get("__name__") == "_pytest.config" and frame.f_code.co_name in (
            "main",
            "_main",
        ):
            caller = frame.f_back
            return (
                caller is not None
                and caller.f_globals.get("__name__") == "_pytest.config"
                and caller.f_code.co_name in ("console_main", "_console_main")
            )
        frame = frame.f_back
    return False


def _report(item: pytest.Item, check: Any, result: Any) -> None:
    """Tell pytest (terminal, junit, xdist) that ``item`` ran, with the verdict."""
    from _pytest.reports import TestReport

    if check is None:
        reason = result.errors[0] if result.errors else "the grader's run did not reach it"
        passed, longrepr, sections, duration = False, f"not run: {reason}", [], 0.0
    else:
        passed = check.passed
        longrepr = None if passed else (check.longrepr or check.message)
        sections = [] if passed else list(check.sections)
        duration = check.duration
    if not passed and result.output and _first_failing(result) is check:
        sections.append(("output of your code", result.output))
    ihook = item.ihook
    ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    keywords = {name: 1 for name in item.keywords}
    for when in ("setup", "call", "teardown"):
        failed = when == "call" and not passed
        report = TestReport(
            item.nodeid,
            item.location,
            keywords,
            "failed" if failed else "passed",
            longrepr if failed else None,
            when,
            sections=sections if failed else (),
            duration=duration if when == "call" else 0.0,
            user_properties=item.user_properties,
        )
        ihook.pytest_runtest_logreport(report=report)
    ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)


def _first_failing(result: Any) -> Any:
    return next((c for c in result.checks.values() if not c.passed), None)


# -- the summary and the record ----------------------------------------------------------


def _summary(state: GradingState) -> list[str]:
    broken = [f"mlkata: a grader could not be collected: {e}" for e in state.collect_errors]
    next_step = ""
    if state.label == EXERCISES and state.results.katas:
        if all(r.ok for r in state.results.katas.values()):
            next_step = "every kata graded here passes: `mlkata next` names the next one"
        else:
            next_step = "next: `mlkata check` grades the kata you are on and shows why it fails"
    return broken + state.results.summary_lines(state.label, next_step)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if state is None or state.role != "supervise":
        return
    for line in _summary(state):
        terminalreporter.write_line(line)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    state = session.config.stash.get(_STATE, None)
    if state is None or state.role != "supervise":
        return
    if not state.results.katas and not state.collect_errors:
        return
    if session.config.pluginmanager.get_plugin("terminalreporter") is None:
        # Student mode runs without pytest's terminal (no progress dots): print here.
        print("\n".join(_summary(state)), file=sys.stdout, flush=True)
    if state.label == EXERCISES and not hasattr(session.config, "workerinput"):
        from mlkata.engine.session import record_session

        record_session(session.config.rootpath, state.results)
