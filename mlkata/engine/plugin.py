"""The pytest plugin: which tree is graded, the fixtures graders use, and clean failures.

Registered through the ``pytest11`` entry point, so plain ``pytest graders`` finds it.
It imports nothing heavy at start-up (NumPy only when a grader asks for ``rng``).

- ``--target`` / ``MLKATA_TARGET``: the tree under test: ``exercises`` (default),
  ``solutions``, or any directory laid out the same way.
- ``kata`` fixture: the module ``<target>/<topic>/<slug>.py`` of the grader's own kata,
  found from the grader's path ``graders/<topic>/test_<slug>.py``.
- ``rng`` fixture: a seeded ``numpy.random.Generator``; a failing test names its seed.
- ``@pytest.mark.points(n)``: the weight of a grader test within its kata (default 1).
- Per-kata isolation: a kata that cannot be imported, still raises NotImplementedError,
  raises an exception, exits or times out fails its own tests with a one-line reason.
"""

from __future__ import annotations

import os
import traceback
import zlib
from pathlib import Path
from typing import Any

import pytest

from mlkata.engine.loader import KataUnavailable, TargetLoader
from mlkata.engine.results import ResultBook
from mlkata.engine.tamper import TamperGuard

__all__ = [
    "grading_state",
    "kata",
    "pytest_addoption",
    "pytest_configure",
    "pytest_runtest_call",
    "pytest_runtest_makereport",
    "pytest_runtest_setup",
    "pytest_sessionfinish",
    "pytest_terminal_summary",
    "pytest_unconfigure",
    "resolve_target",
    "rng",
]

TARGET_ENV = "MLKATA_TARGET"
GRADER_PREFIX = "test_"

_STATE = pytest.StashKey["GradingState"]()
_SEED = pytest.StashKey[int]()


class GradingState:
    """What one pytest session knows about the tree it grades."""

    def __init__(self, target: Path, label: str, seed: int | None) -> None:
        self.target = target
        self.label = label
        self.seed = seed
        self.loader = TargetLoader(target)
        self.book = ResultBook()
        self.guard: TamperGuard | None = None


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


def resolve_target(value: str, rootpath: Path, invocation_dir: Path) -> Path:
    """``exercises``/``solutions`` name the repository's trees; anything else is a path."""
    if value in ("exercises", "solutions") and (rootpath / value).is_dir():
        return (rootpath / value).resolve()
    path = Path(value).expanduser()
    return (path if path.is_absolute() else invocation_dir / path).resolve()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "points(n): weight of a grader test within its kata's points (default 1)"
    )
    option = config.getoption("target")
    value = option or os.environ.get(TARGET_ENV) or "exercises"
    target = resolve_target(value, config.rootpath, config.invocation_params.dir)
    named = {(config.rootpath / n).resolve(): n for n in ("exercises", "solutions")}
    label = named.get(target, str(target))
    config.stash[_STATE] = GradingState(target, label, config.getoption("mlkata_seed"))


def pytest_unconfigure(config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if state is not None:
        state.loader.uninstall()


def kata_of(path: Path) -> tuple[str, str] | None:
    """``(topic, slug)`` for a grader file ``.../<topic>/test_<slug>.py``, else None."""
    if path.suffix != ".py" or not path.stem.startswith(GRADER_PREFIX):
        return None
    return path.parent.name, path.stem[len(GRADER_PREFIX) :]


def _is_grader(item: pytest.Item) -> bool:
    """A test that asks for the ``kata`` fixture (not a parameter of that name)."""
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "kata" in callspec.params:
        return False
    return "kata" in getattr(item, "fixturenames", ())


class UnavailableKata:
    """Stands in for a kata that could not be imported; any use fails the test."""

    def __init__(self, reason: str) -> None:
        self._reason = reason

    def __getattr__(self, name: str) -> Any:
        __tracebackhide__ = True
        pytest.fail(self._reason, pytrace=False)


@pytest.fixture
def kata(request: pytest.FixtureRequest) -> Any:
    """The module under test for this grader's kata, loaded from the target tree."""
    found = kata_of(Path(request.node.path))
    if found is None:
        pytest.fail(f"{request.node.path} is not a grader file (graders/<topic>/test_<slug>.py)")
    state = request.config.stash[_STATE]
    try:
        return state.loader.load(*found)
    except KataUnavailable as exc:
        return UnavailableKata(str(exc))


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> Any:
    """A ``numpy.random.Generator`` seeded per test (or by ``--seed``)."""
    import numpy as np

    state = request.config.stash[_STATE]
    seed = state.seed if state.seed is not None else zlib.crc32(request.node.nodeid.encode())
    request.node.stash[_SEED] = seed
    return np.random.default_rng(seed)


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
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _in_target(f.filename, target)]
    if not frames:
        return None
    last = frames[-1]
    where = f"{_shown_path(last.filename)}, line {last.lineno}"
    code = f": {last.line.strip()}" if last.line else ""
    if isinstance(exc, NotImplementedError):
        return (
            f"not implemented yet: `{last.name}` still raises NotImplementedError "
            f"({where}). Replace the TODO with your code."
        )
    if isinstance(exc, SystemExit):
        return f"your code called sys.exit({exc.code!r}) at {where}: return the result instead"
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message} (raised at {where}{code})"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    state = item.config.stash[_STATE]
    if state.guard is None and _is_grader(item):
        # Before the first kata is imported; graders have imported NumPy by now.
        state.guard = TamperGuard()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    if not _is_grader(item):
        return (yield)
    state = item.config.stash[_STATE]
    try:
        result = yield
    except pytest.fail.Exception as exc:
        _fail_if_tampered(state.guard)
        if str(exc).startswith("Timeout (>"):
            limit = str(exc)[len("Timeout (>") :].split("s)")[0]
            message = (
                f"timed out after {limit} s: an infinite loop, or an algorithm far too "
                "slow for this input size?"
            )
            raise pytest.fail.Exception(message, pytrace=False) from None
        raise
    except (KeyboardInterrupt, pytest.skip.Exception, pytest.exit.Exception):
        raise
    except BaseException as exc:  # noqa: BLE001 - student code may raise anything
        _fail_if_tampered(state.guard)
        reason = explain_exception(exc, state.target)
        if reason is None:
            raise
        raise pytest.fail.Exception(reason, pytrace=False) from None
    _fail_if_tampered(state.guard)
    return result


def _fail_if_tampered(guard: TamperGuard) -> None:
    replaced = guard.check_and_restore()
    if replaced:
        raise pytest.fail.Exception(
            f"your code replaced {', '.join(replaced)}: a kata must not monkeypatch "
            "libraries or the grader (restored; this check fails)",
            pytrace=False,
        ) from None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.failed and _SEED in item.stash:
        seed = item.stash[_SEED]
        report.sections.append(
            ("random cases", f"drawn with seed {seed}: rerun with --seed {seed}")
        )
        if isinstance(report.longrepr, str):
            report.longrepr += f"\n(random cases from seed {seed}; rerun with --seed {seed})"
    if _is_grader(item):
        found = kata_of(Path(item.path))
        if found is not None:
            marker = item.get_closest_marker("points")
            weight = float(marker.args[0]) if marker and marker.args else 1.0
            item.config.stash[_STATE].book.add(found, item.name, report, weight)
    return report


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if state is None or not state.book.katas:
        return
    for line in state.book.summary_lines(state.label, config.rootpath):
        terminalreporter.write_line(line)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # Student mode only: record each kata's result as progress (never fails the run).
    state = session.config.stash.get(_STATE, None)
    if state is not None and state.label == "exercises" and state.book.katas:
        from mlkata.engine.session import record_session

        record_session(session, state)


def grading_state(config: pytest.Config) -> GradingState:
    """The session's grading state (for other plugins and the CLI)."""
    return config.stash[_STATE]
