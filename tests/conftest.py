"""Shared fixtures for the project's own tests.

``grade`` runs graders in-process (pytest's ``pytester``) against a target tree and
returns the outcome; ``make_target`` builds a target from solutions/ with some files
replaced. Both keep the real pytest configuration of the repository (timeouts,
import mode), because the grader files live in it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy
import numpy.fft
import numpy.linalg
import numpy.random
import pytest

# The grading workers stay warm for the whole test session: pytester forgets the
# modules an inline run imported, so the supervisor's module is imported here, once.
import mlkata.engine.supervisor  # noqa: F401
from mlkata.engine import invocation

# In-process grading (pytester) forgets the modules a run imported; NumPy's core
# refuses to load twice, so the numeric stack is imported once, here, for good.
try:
    import scipy.linalg  # noqa: F401
    import scipy.special  # noqa: F401
    import scipy.stats  # noqa: F401
except ImportError:  # SciPy is optional for learners; the test extra installs it
    pass
assert numpy.fft and numpy.linalg and numpy.random

pytest_plugins = ["pytester"]

# Grading exercises/ records progress (mlkata.engine.progress). The project's tests grade the
# real exercises/ in-process and in subprocesses: send every such record to a scratch
# folder for the whole test session, never into the working copy's .mlkata/.
_PROGRESS_HOME = tempfile.TemporaryDirectory(prefix="mlkata-tests-home-")
os.environ["MLKATA_HOME"] = _PROGRESS_HOME.name

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
GRADERS = ROOT / "graders"
CHECK_CPU_ENV = "MLKATA_TEST_CHECK_CPU_S"


@dataclass
class Graded:
    passed: int
    failed: int
    errors: int
    output: str
    reports: list

    def failure_messages(self) -> list[str]:
        return [str(r.longrepr) for r in self.reports if r.failed]


def run_graders(pytester: pytest.Pytester, target: Path, *paths: Path, extra=()) -> Graded:
    # Only the plugins a learner's install has, as every grading run (engine.invocation).
    extra = list(extra)
    if os.environ.get(CHECK_CPU_ENV):  # benchmarks/limit_margin.py: a tighter limit
        extra += ["--mlkata-limit", f"check_cpu_s={os.environ[CHECK_CPU_ENV]}"]
    args = invocation.pytest_args(paths or (GRADERS,), target=target, extra=extra)
    with invocation.only_mlkata_plugins():
        result = pytester.inline_run(*args)
    reports = [r for r in result.getreports("pytest_runtest_logreport")]
    passed, skipped, failed = result.listoutcomes()
    errors = [r for r in reports if r.failed and r.when != "call"]
    collect_errors = [r for r in result.getreports("pytest_collectreport") if r.failed]
    output = "\n".join(str(r.longrepr) for r in reports if r.failed)
    assert not skipped, f"graders must not skip: {[r.nodeid for r in skipped]}"
    return Graded(
        len(passed), len(failed) - len(errors), len(errors) + len(collect_errors), output, reports
    )


@pytest.fixture
def grade(pytester: pytest.Pytester):
    """``grade(target, *grader_paths)`` -> Graded, run in-process."""

    def _grade(target: Path, *paths: Path, extra=()) -> Graded:
        return run_graders(pytester, target, *paths, extra=extra)

    return _grade


@pytest.fixture
def make_target(tmp_path: Path):
    """``make_target({"topic/slug.py": source, ...})``: solutions/ with files replaced."""

    def _make(replacements: dict[str, str] | None = None, base: Path = SOLUTIONS) -> Path:
        target = tmp_path / "target"
        shutil.copytree(base, target, ignore=shutil.ignore_patterns("__pycache__"))
        for relative, source in (replacements or {}).items():
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source, encoding="utf-8")
        return target

    return _make
