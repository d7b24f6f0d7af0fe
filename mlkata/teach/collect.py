"""The third step of a course build: the grader test functions of the katas.

Each test function of a grader becomes one autograded cell, worth the summed
``@pytest.mark.points`` weights of its cases. pytest itself collects them, so that
parametrised cases and their weights count exactly as when a learner is graded; it
does so in a child process, ``python -m mlkata.teach.collect``, to keep the graders'
modules out of the builder's, and only collects (``--collect-only``): no test runs, no
kata is imported.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest

from mlkata.engine.curriculum import Kata
from mlkata.engine.layout import GRADERS, Layout
from mlkata.engine.run import pytest_args, pytest_environment
from mlkata.teach.errors import CourseError

MODULE = "mlkata.teach.collect"
_PYTEST_FAILED = (pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR)
"""pytest's exit codes for a run that could not even collect (not a grader's error)."""


@dataclass(frozen=True)
class GraderTest:
    """One grader test function: its cases, their summed weight, its question."""

    name: str
    question: str
    cases: int
    weight: float


# ------------------------------------------------------------- in the child process


class _Collector:
    """A pytest plugin: the test functions of the session's graders, grouped by file."""

    def __init__(self) -> None:
        self.tests: dict[str, dict[str, GraderTest]] = {}  # grader path -> name -> test
        self.errors: list[tuple[str, str]] = []  # node id, last line of its error

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            lines = str(report.longrepr).strip().splitlines()
            last = lines[-1] if lines else ""
            # pytest's "E   SyntaxError: ..." line, without pytest's "E" prefix.
            self.errors.append((report.nodeid, last[1:].strip() if last[:2] == "E " else last))

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        for item in session.items:
            marker = item.get_closest_marker("points")
            weight = float(marker.args[0]) if marker and marker.args else 1.0
            doc = (getattr(getattr(item, "function", None), "__doc__", None) or "").strip()
            name = getattr(item, "originalname", item.name)
            tests = self.tests.setdefault(str(item.path), {})
            known = tests.get(name, GraderTest(name, doc.splitlines()[0] if doc else "", 0, 0.0))
            tests[name] = GraderTest(name, known.question, known.cases + 1, known.weight + weight)


def main(argv: Sequence[str] | None = None) -> int:
    """Collect the graders given and write their test functions to ``--out`` as JSON."""
    parser = argparse.ArgumentParser(
        prog=f"python -m {MODULE}",
        description="Collect the test functions of mlkata graders (nothing is run).",
    )
    parser.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    parser.add_argument("--rootdir", type=Path, required=True, help="the working copy")
    parser.add_argument("graders", nargs="+", type=Path, help="grader files")
    args = parser.parse_args(argv)
    collector = _Collector()
    code = pytest.main(
        pytest_args(args.graders, rootdir=args.rootdir, extra=["--collect-only"]),
        plugins=[collector],
    )
    tests = {path: [asdict(t) for t in found.values()] for path, found in collector.tests.items()}
    data = {"code": int(code), "tests": tests, "errors": collector.errors}
    args.out.write_text(json.dumps(data), encoding="utf-8")
    return 0


# ------------------------------------------------------------ in the builder's process


def _run_child(layout: Layout, graders: Sequence[Path]) -> dict[str, Any]:
    """What :func:`main` writes for ``graders``, collected in a child process."""
    with tempfile.TemporaryDirectory(prefix="mlkata-collect-") as tmp:
        out = Path(tmp) / "tests.json"
        try:
            done = subprocess.run(
                [sys.executable, "-m", MODULE, "--out", str(out), "--rootdir", str(layout.root)]
                + [str(g) for g in graders],
                cwd=layout.root,
                env=pytest_environment(),
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError as exc:
            raise CourseError(f"could not collect the graders: {exc}") from None
        data = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else None
    if data is None or data["code"] in _PYTEST_FAILED:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise CourseError(f"could not collect the graders: {last[0]}")
    return data


def collect_grader_tests(root: Path, katas: Sequence[Kata]) -> dict[str, list[GraderTest]]:
    """Every grader test function of ``katas`` (``slug -> tests`` in file order)."""
    layout = Layout(Path(root))
    graders = {layout.grader(k.topic, k.slug).resolve(): k for k in katas}
    data = _run_child(layout, list(graders))
    if data["errors"]:
        nodeid, message = data["errors"][0]
        raise CourseError(f"the grader {nodeid} cannot be collected: {message}")
    tests: dict[str, list[GraderTest]] = {k.slug: [] for k in katas}
    for path, found in data["tests"].items():
        kata = graders.get(Path(path).resolve())
        if kata is not None:
            tests[kata.slug] = [GraderTest(**test) for test in found]
    for kata in katas:
        if not tests[kata.slug]:
            raise CourseError(f"{GRADERS}/{kata.grader_path} has no tests")
    return tests


if __name__ == "__main__":
    sys.exit(main())
