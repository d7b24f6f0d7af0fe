"""The hidden tests of the nbgrader notebooks that :mod:`mlkata.teach.course` builds.

This runs inside a notebook's kernel, during ``nbgrader autograde`` (or when a teacher
runs a source notebook). The first autograded cell of a kata registers the kata's
grader, whose source is embedded in that cell's hidden region. Each autograded cell
stands for one grader test function (all of its parametrised cases). The first cell
to need results grades the kata once, and every cell then reports its own test
function's checks:

- it prints how many passed when they all pass: the cell gets its points;
- it prints what failed and returns the points earned when some pass: a number as the
  cell's result is nbgrader's partial credit;
- it raises :class:`ChecksFailed` when none passes: no points. Its traceback is only
  the failure messages, so no hidden test code reaches the feedback.

The kata is graded as every kata is, by the engine's supervisor
(:mod:`mlkata.engine.supervisor`), never in the kernel itself: the solution cell's
code (after the kata's given imports, and with the references of the earlier katas it
uses, registered with the grader) is written to a private folder and graded there in a
child process. Code
that crashes, exits, hangs or floods its output costs that kata's checks only; the
kernel, the notebook's other cells and the other notebooks go on. Re-running the
solution cell (new function objects) makes the next autograded cell grade afresh.

:func:`run_grader` is the one place that grades a notebook's functions.
"""

from __future__ import annotations

import atexit
import linecache
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mlkata.engine.curriculum import earned as earned_points
from mlkata.engine.layout import GRADERS, grader_path, kata_path
from mlkata.engine.limits import Limits, default_limits
from mlkata.engine.results import CheckResult

CHECK_TIME_LIMIT_S = Limits().check_cpu_s
"""CPU seconds a hidden check may use, unless its grader marks it with a longer limit."""

_INI = """\
[pytest]
addopts = --import-mode=importlib
xfail_strict = true
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
    timeout: float = CHECK_TIME_LIMIT_S
    given: str = ""
    earlier: dict[str, str] = field(default_factory=dict)  # topic/slug -> reference
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
    given: str = "",
    earlier: Mapping[str, str] | None = None,
) -> None:
    """Keep the grader ``source`` of ``kata`` (``topic/slug``) for :func:`check`.

    Each of its checks may use ``timeout`` CPU seconds; ``given`` is the code the
    kata's solution cell relies on (its imports and types, from the given cell);
    ``earlier`` maps each earlier kata it uses (``topic/slug``) to its reference, which
    the kata is graded with.
    """
    topic, slug = _split(kata)
    folder = _folder()
    path = folder / GRADERS / grader_path(topic, slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    ini = folder / f"pytest-{topic}-{slug}.ini"
    ini.write_text(_INI, encoding="utf-8")
    references = dict(earlier or {})
    for name in references:
        _split(name)
    _GRADERS[kata] = Grader(topic, slug, path, ini, tuple(functions), timeout, given, references)


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
    """One grading of a kata's notebook code."""

    ok: bool
    problems: list[str]  # what went wrong that is no check's (one line each)
    checks: dict[str, list[CheckResult]]  # test function -> its checks


def _submission(grader: Grader, solution: str) -> tuple[Path, Path, int]:
    """A fresh target tree with the notebook's code: (tree, kata file, line offset).

    The kata's file is its given imports, then the solution cell; each earlier kata it
    uses becomes its own file, its reference, as in a learner's exercises/.
    """
    tree = Path(tempfile.mkdtemp(prefix="submission-", dir=_folder()))
    for name, reference in grader.earlier.items():
        path = tree / kata_path(*_split(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(reference, encoding="utf-8")
    prefix = grader.given.rstrip("\n") + "\n\n\n" if grader.given.strip() else ""
    kata_file = tree / kata_path(grader.topic, grader.slug)
    kata_file.parent.mkdir(parents=True, exist_ok=True)
    kata_file.write_text(prefix + solution, encoding="utf-8")
    return tree, kata_file, prefix.count("\n")


def _in_the_cell(message: str, kata_file: Path, offset: int) -> str:
    """Messages point at the solution cell, not at the private file it was graded as."""
    path = re.escape(str(kata_file))
    message = re.sub(
        path + r", line (\d+)",
        lambda m: f"the solution cell, line {max(1, int(m[1]) - offset)}",
        message,
    )
    return message.replace(str(kata_file), "the solution cell")


def run_grader(grader: Grader, namespace: Mapping[str, Any]) -> GraderRun:
    """Grade the notebook's code for ``grader``'s kata, in a supervised child process."""
    from mlkata.engine.supervisor import KataRequest, Supervisor, SupervisorError

    cell_file = _code_file(namespace, grader.functions)
    lines = linecache.getlines(cell_file) if cell_file else []
    if not lines:
        problem = "the solution cell's code could not be found: run the solution cell again"
        return GraderRun(False, [problem], {})
    tree, kata_file, offset = _submission(grader, "".join(lines))
    limits = replace(default_limits(), check_cpu_s=grader.timeout)
    # No sandbox: the solution cell has already run in the kernel, unsandboxed.
    supervisor = Supervisor(
        _folder(), tree, limits=limits, extra_args=["-c", str(grader.ini)], launcher=()
    )
    try:
        result = supervisor.grade(KataRequest(grader.topic, grader.slug, grader.path))
    except KeyboardInterrupt:  # nbgrader's cell timeout: end the kata's process too
        supervisor.kill()
        raise
    except SupervisorError as exc:
        return GraderRun(False, [str(exc)], {})
    finally:
        supervisor.close()
        shutil.rmtree(tree, ignore_errors=True)
    by_function: dict[str, list[CheckResult]] = {}
    for check in result.checks.values():
        check.message = _in_the_cell(check.message, kata_file, offset)
        by_function.setdefault(_function_of(check.name), []).append(check)
    problems = [_in_the_cell(e, kata_file, offset) for e in result.errors]
    return GraderRun(result.ok, problems, by_function)


def without_inputs(message: str, functions: Iterable[str]) -> str:
    """``message`` with the arguments of every call of ``functions`` shown as ``…``:
    feedback says what came back and the mistake, not the hidden tests' inputs."""
    names = sorted(set(functions), key=len, reverse=True)
    if not names:
        return message
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\(")
    out, position = [], 0
    for match in pattern.finditer(message):
        if match.start() < position:
            continue
        depth, end = 0, None
        for i in range(match.end() - 1, len(message)):
            depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(message[i], 0)
            if depth == 0:
                end = i
                break
        if end is None:
            break
        out.append(message[position : match.end()] + ("…" if end > match.end() else ""))
        position = end
    return "".join(out) + message[position:]


def _failure_lines(check: CheckResult, functions: Iterable[str]) -> str:
    """A failed check for the feedback: its name, then its whole learner message (what
    came back, what was expected, the mistake it shows), indented under it."""
    text = without_inputs(check.message.strip(), functions)
    message = [line.rstrip() for line in text.splitlines() if line.strip()]
    first = message[0] if message else "failed"
    return "\n".join([f"  {check.name}: {first}", *(f"      {line}" for line in message[1:])])


def check(namespace: Mapping[str, Any], kata: str, test: str, points: float) -> float | None:
    """Report the checks of the grader test function ``test`` of ``kata``.

    ``namespace`` is the notebook's ``globals()``. Grades the kata first if these
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
    problems: list[str] = []
    if grader.graded != graded or test not in grader.results:
        run = run_grader(grader, namespace)
        grader.graded, grader.results, problems = graded, run.checks, run.problems
    checks = grader.results.get(test, [])
    if not checks:
        grader.graded = ()  # nothing graded: try again at the next cell
        raise ChecksFailed(["the hidden tests could not run", *problems[:3]])
    failed = [c for c in checks if not c.passed]
    if not failed:
        print(f"{len(checks)} of {len(checks)} checks passed")
        return None
    total = sum(c.weight for c in checks)
    earned = sum(c.weight for c in checks if c.passed)
    score = earned_points(points, earned / total) if total else 0.0
    passed = len(checks) - len(failed)
    lines = [f"{passed} of {len(checks)} checks passed: {score:g} of {points:g} points"]
    lines += [_failure_lines(c, grader.functions) for c in failed]
    if score <= 0:
        raise ChecksFailed(lines)
    print("\n".join(lines))
    return score
