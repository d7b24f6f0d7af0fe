"""Build an nbgrader course from the katas: ``mlkata nbgrader build COURSE_DIR``.

The course is ``COURSE_DIR/nbgrader_config.py`` and ``COURSE_DIR/source/<topic>/`` with
one notebook per kata, ``<slug>.ipynb`` (a stable name, so that rebuilding a course
after new katas arrive keeps the gradebook's notebook ids). Each notebook has:

1. the statement (Markdown, locked): the kata's title, points, module docstring, each
   function's numpydoc docstring with its maths as LaTeX, and the hints, folded;
2. given code (locked), when the kata imports earlier katas: their reference
   solutions, importable under their usual names (``from calculus.numerical_gradient
   import ...``), and the kata's own imports and types;
3. the solution cell: the kata's functions with nbgrader's ``### BEGIN SOLUTION`` /
   ``### END SOLUTION`` markers around the reference code;
4. a cell that runs the docstring's examples (visible checks, not graded);
5. one autograded test cell per grader test function, worth its share of the kata's
   points in curriculum.toml (by the ``@pytest.mark.points`` weights of its cases, as
   ``mlkata check`` counts them). Its visible part says what it checks; its hidden
   part runs those tests in-process with pytest against the notebook's functions
   (:mod:`mlkata.notebook`); the first one also carries the grader's source.

nbgrader itself then does the rest: ``generate_assignment``, ``autograde``,
``generate_feedback``, ``export``.
"""

from __future__ import annotations

import ast
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mlkata.author.regions import BEGIN, replace_markers, without_markers
from mlkata.engine.curriculum import (
    Curriculum,
    CurriculumError,
    Kata,
    load_curriculum,
    split_points,
)
from mlkata.teach.docmarkdown import docstring_markdown, examples_of, prose_markdown

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAME = "nbgrader_config.py"
CELL_TIMEOUT = 60
"""Seconds a notebook cell may run in ``nbgrader autograde`` before it is interrupted."""

_NBGRADER_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


class CourseError(ValueError):
    """The course cannot be built; ``str(self)`` is one line for the teacher."""


@dataclass(frozen=True)
class GraderTest:
    """One grader test function: its cases, their summed weight, its question."""

    name: str
    question: str
    cases: int
    weight: float


@dataclass
class KataSource:
    """A solution file taken apart for a notebook."""

    kata: Kata
    source: str
    docstring: str
    given: str
    solution: str
    functions: list[tuple[str, str, str]] = field(default_factory=list)  # name, args, doc
    imports: list[tuple[str, str]] = field(default_factory=list)  # earlier katas used


# --------------------------------------------------------------------------- selection


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    return f": did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def _present(root: Path, kata: Kata) -> bool:
    return (root / "solutions" / kata.path).is_file() and (
        root / "graders" / kata.grader_path
    ).is_file()


def select_katas(
    root: Path, curriculum: Curriculum, topics: Sequence[str] = (), katas: Sequence[str] = ()
) -> list[Kata]:
    """The katas to build, in curriculum order: those of ``topics`` and those named.

    With neither, every kata that has a solution and a grader.
    """
    present = [k for k in curriculum.katas if _present(root, k)]
    for topic in topics:
        if topic not in curriculum.topics:
            raise CourseError(
                f"unknown topic {topic!r}{_suggest(topic, curriculum.topics)} "
                f"(topics: {', '.join(curriculum.topics)})"
            )
        if not any(k.topic == topic for k in present):
            raise CourseError(f"the topic {topic!r} has no kata with a solution and a grader yet")
    slugs = [k.slug for k in curriculum.katas]
    for slug in katas:
        kata = curriculum.get(slug)
        if kata is None:
            raise CourseError(f"unknown kata {slug!r}{_suggest(slug, slugs)}")
        if not _present(root, kata):
            raise CourseError(
                f"the kata {slug!r} has no solutions/{kata.path} or graders/{kata.grader_path}"
            )
    if not topics and not katas:
        if not present:
            raise CourseError("no kata has both a solution and a grader: nothing to build")
        return present
    return [k for k in present if k.topic in topics or k.slug in katas]


# --------------------------------------------------------------------- kata sources


def _imported_katas(tree: ast.Module, root: Path) -> list[tuple[str, str]]:
    """``(topic, slug)`` of every earlier kata a solution imports."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if len(parts) == 2 and (root / "solutions" / parts[0] / f"{parts[1]}.py").is_file():
                found.append((parts[0], parts[1]))
    return list(dict.fromkeys(found))


def _has_solution(lines: list[str], node: ast.AST) -> bool:
    start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return any(BEGIN.match(line) for line in lines[start - 1 : node.end_lineno])


@dataclass
class SplitSource:
    """A kata module taken apart: docstring, code before the first function with a
    solution region (given), and the code from there on (with its solution regions)."""

    docstring: str
    given: str
    solution: str
    functions: list[tuple[str, str, str]]  # name, "(arguments)" or "" (a class), docstring
    tree: ast.Module


def split_source(source: str, filename: str = "<kata>") -> SplitSource:
    """Split a kata's source (see :class:`SplitSource`); CourseError if it cannot be."""
    try:
        tree = ast.parse(source, filename)
    except SyntaxError as exc:
        raise CourseError(f"{filename}:{exc.lineno}: {exc.msg}") from None
    lines = source.splitlines()
    body = list(tree.body)
    docstring = ast.get_docstring(tree, clean=True) or ""
    start = body[0].end_lineno if docstring and body else 0
    if docstring:
        body = body[1:]
    functions = []
    first = None
    for node in body:
        definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
        if isinstance(node, definition) and _has_solution(lines, node):
            if first is None:
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            args = "" if isinstance(node, ast.ClassDef) else f"({ast.unparse(node.args)})"
            functions.append((node.name, args, ast.get_docstring(node, clean=True) or ""))
    if first is None:
        raise CourseError(f"{filename} has no function or class with a # BEGIN SOLUTION region")
    given = "\n".join(lines[start : first - 1]).strip("\n")
    solution = "\n".join(lines[first - 1 :]).strip("\n")
    return SplitSource(docstring, given, solution, functions, tree)


def read_kata(root: Path, kata: Kata) -> KataSource:
    """A kata's solution file, split for a notebook, with nbgrader's solution markers."""
    path = root / "solutions" / kata.path
    source = path.read_text(encoding="utf-8")
    split = split_source(source, str(path))
    solution = replace_markers(split.solution, "### BEGIN SOLUTION", "### END SOLUTION")
    return KataSource(
        kata,
        source,
        split.docstring,
        split.given,
        solution,
        split.functions,
        _imported_katas(split.tree, root),
    )


def _dependencies(root: Path, first: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Earlier katas needed, directly or not, dependencies first."""
    order: list[tuple[str, str]] = []

    def visit(key: tuple[str, str], path: tuple[tuple[str, str], ...]) -> None:
        if key in order:
            return
        if key in path:
            raise CourseError(f"katas import each other in a cycle: {' -> '.join(map(str, path))}")
        file = root / "solutions" / key[0] / f"{key[1]}.py"
        tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
        for dep in _imported_katas(tree, root):
            visit(dep, (*path, key))
        order.append(key)

    for key in first:
        visit(key, ())
    return order


# ---------------------------------------------------------------------- grader tests

_COLLECT = r"""
import json, sys
import pytest

class Collect:
    def __init__(self):
        self.items = []
        self.errors = []

    def pytest_collectreport(self, report):
        if report.failed:
            self.errors.append((report.nodeid, str(report.longrepr).strip().splitlines()[-1:]))

    def pytest_collection_finish(self, session):
        for item in session.items:
            marker = item.get_closest_marker("points")
            doc = getattr(getattr(item, "function", None), "__doc__", None) or ""
            self.items.append({
                "path": str(item.path),
                "function": getattr(item, "originalname", item.name),
                "weight": float(marker.args[0]) if marker and marker.args else 1.0,
                "question": doc.strip().splitlines()[0] if doc.strip() else "",
            })

out = sys.argv[1]
plugin = Collect()
code = pytest.main(
    [*sys.argv[2:], "--collect-only", "-q", "-p", "mlkata.plugin", "-p", "pytest_timeout",
     "-p", "no:cacheprovider"],
    plugins=[plugin],
)
with open(out, "w", encoding="utf-8") as f:
    json.dump({"code": int(code), "items": plugin.items, "errors": plugin.errors}, f)
"""


def collect_grader_tests(root: Path, katas: Sequence[Kata]) -> dict[str, list[GraderTest]]:
    """Every grader test function of ``katas`` (``slug -> tests`` in file order).

    Collected by pytest itself, in a child process, so that parametrised cases and
    their ``points`` markers count exactly as they do when a learner is graded.
    """
    paths = {str((root / "graders" / k.grader_path).resolve()): k.slug for k in katas}
    with tempfile.TemporaryDirectory(prefix="mlkata-collect-") as tmp:
        out = Path(tmp) / "items.json"
        env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        done = subprocess.run(
            [sys.executable, "-c", _COLLECT, str(out), *paths],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if not out.is_file():
            last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise CourseError(f"could not collect the graders: {last[0]}")
        data = json.loads(out.read_text(encoding="utf-8"))
    if data["errors"]:
        nodeid, message = data["errors"][0]
        raise CourseError(f"the grader {nodeid} cannot be collected: {' '.join(message)}")
    found: dict[str, dict[str, list]] = {slug: {} for slug in paths.values()}
    for item in data["items"]:
        slug = paths.get(str(Path(item["path"]).resolve()))
        if slug is None:
            continue
        entry = found[slug].setdefault(item["function"], [item["question"], 0, 0.0])
        entry[1] += 1
        entry[2] += item["weight"]
    tests = {
        slug: [GraderTest(name, q, n, w) for name, (q, n, w) in functions.items()]
        for slug, functions in found.items()
    }
    for kata in katas:
        if not tests[kata.slug]:
            raise CourseError(f"graders/{kata.grader_path} has no tests")
    return tests


def per_test_timeout(root: Path) -> float:
    """The repository's pytest-timeout default (``timeout`` in pyproject.toml), or 3 s."""
    try:
        data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
        return float(data["tool"]["pytest"]["ini_options"]["timeout"])
    except (OSError, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError):
        return 3.0


# ------------------------------------------------------------------------- notebook


def _literal(text: str) -> str:
    """``text`` as a readable triple-quoted Python string literal."""
    body = text.replace("\\", "\\\\").replace("'''", "\\'\\'\\'")
    if not body.endswith("\n"):
        body += "\n"
    return "'''\\\n" + body + "'''"


def _nbgrader(grade_id: str, *, grade=False, solution=False, locked=False, points=None):
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def _escape(text: str) -> str:
    """Plain text (a hint) for Markdown: ``S**2`` must not start bold text (maths
    between ``$`` signs is left alone)."""
    parts = text.split("$")
    return "$".join(p if i % 2 else p.replace("*", "\\*") for i, p in enumerate(parts))


def _stars(difficulty: int) -> str:
    return "★" * difficulty + "☆" * (5 - difficulty)


def statement_markdown(source: KataSource, topic_title: str) -> str:
    kata = source.kata
    parts = [
        f"# {kata.title}",
        f"**{topic_title}** · difficulty {_stars(kata.difficulty)} · {kata.points:g} points",
    ]
    if source.docstring:
        parts.append(prose_markdown(source.docstring))
    for name, args, doc in source.functions:
        parts.append(f"## `{name}{args}`" if args else f"## The class `{name}`")
        if doc:
            parts.append(docstring_markdown(doc))
    parts.append(
        "## What to do\n\n"
        f"Write {', '.join(f'`{n}`' for n, _, _ in source.functions)} in the solution cell "
        "below, in place of `raise NotImplementedError()`; NumPy is all you need. The cell "
        "after it runs the docstring's example. Each autograded cell below checks one "
        "thing and says how many points it is worth; its tests are hidden."
    )
    if kata.hints:
        hints = [
            f"<details><summary>Hint {i}</summary>\n\n{_escape(hint)}\n\n</details>"
            for i, hint in enumerate(kata.hints, 1)
        ]
        parts.append("### Hints (open them one at a time)\n\n" + "\n\n".join(hints))
    return "\n\n".join(p.strip() for p in parts) + "\n"


_GIVEN_HELPER = '''\
import importlib as _importlib
import sys as _sys
import types as _types


def _given(name, source):
    """Run ``source`` as the module ``name`` (topic.slug), importable from then on."""
    package, _, leaf = name.rpartition(".")
    try:
        parent = _importlib.import_module(package)
    except ImportError:
        parent = _sys.modules[package] = _types.ModuleType(package)
        parent.__path__ = []
    module = _sys.modules[name] = _types.ModuleType(name)
    exec(compile(source, f"<given {name}>", "exec"), module.__dict__)
    setattr(parent, leaf, module)
'''


def given_code(root: Path, source: KataSource) -> str:
    """The locked cell before the solution: earlier katas it imports, then its imports."""
    parts = []
    deps = _dependencies(root, source.imports)
    if deps:
        names = ", ".join(f"{t}/{s}" for t, s in deps)
        lines = [
            f"# Given: the reference solutions of the earlier katas this one uses ({names}),",
            "# importable as in the kata files. Run this cell; do not edit it.",
            _GIVEN_HELPER,
        ]
        for topic, slug in deps:
            text = (root / "solutions" / topic / f"{slug}.py").read_text(encoding="utf-8")
            lines.append(f'_given("{topic}.{slug}", {_literal(without_markers(text))})')
        parts.append("\n".join(lines))
    if source.given.strip():
        parts.append("# Given: imports and types the kata uses. Run this cell.\n" + source.given)
    return "\n\n\n".join(parts)


def examples_code(function: str, doctest_text: str) -> str:
    return (
        f"# Try the example of `{function}`'s docstring (the autograded cells check much "
        "more).\n"
        "import doctest\n\n"
        f"EXAMPLE = {_literal(doctest_text)}\n"
        "_runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | "
        "doctest.NORMALIZE_WHITESPACE)\n"
        '_runner.run(doctest.DocTestParser().get_doctest(EXAMPLE, dict(globals()), "example", '
        "None, 0))\n"
        'assert not _runner.failures, "the example gives another result: see above"\n'
        'print("the example works")\n'
    )


def test_code(
    source: KataSource,
    test: GraderTest,
    points: float,
    grader_source: str | None,
    timeout: float,
) -> str:
    kata = f"{source.kata.topic}/{source.kata.slug}"
    cases = f", {test.cases} cases" if test.cases > 1 else ""
    question = test.question or test.name
    lines = [
        f"# Autograded, {points:g} point{'' if points == 1 else 's'}: {question}",
        f"# (hidden tests: the grader's {test.name}{cases})",
        "### BEGIN HIDDEN TESTS",
        "import mlkata.notebook as _mlkata",
        "",
    ]
    if grader_source is not None:
        functions = [name for name, _, _ in source.functions]
        lines += [
            "_mlkata.register(",
            f'    "{kata}",',
            f"    functions={functions!r},",
            f"    timeout={timeout:g},",
            f"    source={_literal(grader_source)},",
            ")",
        ]
    lines += [
        f'_mlkata.check(globals(), "{kata}", "{test.name}", {points!r})',
        "### END HIDDEN TESTS",
    ]
    return "\n".join(lines)


def build_notebook(
    root: Path,
    source: KataSource,
    tests: Sequence[GraderTest],
    topic_title: str,
    timeout: float,
):
    """The nbformat notebook of one kata (see the module docstring for its cells)."""
    import nbformat.v4 as v4

    kata = source.kata
    grader_path = root / "graders" / kata.grader_path
    grader_source = grader_path.read_text(encoding="utf-8")
    for marker in _NBGRADER_MARKERS:
        if marker in grader_source:
            raise CourseError(f"{grader_path} contains {marker!r}, which nbgrader would cut")
    cells = []

    def add(cell, grade_id, **flags):
        cell.metadata.update(_nbgrader(grade_id, **flags))
        cell.id = grade_id.replace("_", "-")[:64]
        cells.append(cell)

    add(
        v4.new_markdown_cell(statement_markdown(source, topic_title)),
        f"{kata.slug}_statement",
        locked=True,
    )
    given = given_code(root, source)
    if given:
        add(v4.new_code_cell(given), f"{kata.slug}_given", locked=True)
    add(v4.new_code_cell(source.solution), f"{kata.slug}_solution", solution=True)
    for name, _, doc in source.functions:
        example = examples_of(doc)
        if example.strip():
            cell = v4.new_code_cell(examples_code(name, example))
            cell.id = f"{kata.slug}-{name}-example".replace("_", "-")[:64]
            cells.append(cell)
    shares = split_points(kata.points, [t.weight for t in tests])
    for i, (test, points) in enumerate(zip(tests, shares, strict=True)):
        code = test_code(source, test, points, grader_source if i == 0 else None, timeout)
        add(v4.new_code_cell(code), test.name, grade=True, locked=True, points=points)
    notebook = v4.new_notebook(cells=cells)
    notebook.metadata.update(
        {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "mlkata": {"kata": f"{kata.topic}/{kata.slug}", "points": kata.points},
        }
    )
    return notebook


# --------------------------------------------------------------------------- course

CONFIG = '''\
"""nbgrader configuration of a course written by `mlkata nbgrader build`.

Run nbgrader in this folder, in the environment where `mlkata[teacher]` is installed
(its `python3` kernel runs the hidden tests). See docs/teachers.md of mlkata.
"""

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = {course_id!r}

# A cell running longer than this (seconds) is interrupted and scores zero; the next
# cells and notebooks are still graded. Each hidden check also stops after {timeout:g} s,
# and a kata whose checks time out twice is not run further.
c.ExecutePreprocessor.timeout = {cell_timeout}
c.Execute.timeout = {cell_timeout}

# The released stub of a solution region.
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}

# Feedback shows each cell's result but not the hidden tests (nbgrader shows them by
# default).
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
'''


def _check_course_dir(course_dir: Path) -> None:
    if course_dir.exists() and not course_dir.is_dir():
        raise CourseError(f"{course_dir} is a file, not a folder for the course")
    if (
        course_dir.is_dir()
        and any(course_dir.iterdir())
        and not (course_dir / CONFIG_NAME).is_file()
    ):
        raise CourseError(
            f"{course_dir} is not empty and is not an nbgrader course (no {CONFIG_NAME}): "
            "give a new folder, or an existing course to update"
        )


def build_course(
    root: Path, course_dir: Path, topics: Sequence[str] = (), katas: Sequence[str] = ()
) -> list[Path]:
    """Write (or update) the nbgrader course ``course_dir``; return the paths written.

    ``nbgrader_config.py`` is written only when the course has none, so a teacher's
    own settings survive a rebuild; the selected katas' notebooks are (re)written.
    """
    root = Path(root)
    course_dir = Path(course_dir)
    try:
        curriculum = load_curriculum(root / "curriculum.toml")
    except CurriculumError as exc:
        raise CourseError(str(exc)) from None
    selected = select_katas(root, curriculum, topics, katas)
    _check_course_dir(course_dir)
    try:
        import nbformat
    except ImportError:
        raise CourseError(
            "nbformat is not installed: install the teacher extra, pip install 'mlkata[teacher]'"
        ) from None
    sources = [read_kata(root, kata) for kata in selected]
    tests = collect_grader_tests(root, selected)
    timeout = per_test_timeout(root)
    notebooks = {
        source.kata: build_notebook(
            root, source, tests[source.kata.slug], curriculum.title_of(source.kata.topic), timeout
        )
        for source in sources
    }
    for notebook in notebooks.values():
        nbformat.validate(notebook)
    written: list[Path] = []
    config = course_dir / CONFIG_NAME
    try:
        if not config.is_file():
            course_dir.mkdir(parents=True, exist_ok=True)
            course_id = re.sub(r"[^A-Za-z0-9_-]+", "-", course_dir.resolve().name) or "mlkata"
            config.write_text(
                CONFIG.format(course_id=course_id, timeout=timeout, cell_timeout=CELL_TIMEOUT),
                encoding="utf-8",
            )
            written.append(config)
        for kata, notebook in notebooks.items():
            path = course_dir / "source" / kata.topic / f"{kata.slug}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, str(path))
            written.append(path)
    except OSError as exc:
        raise CourseError(
            f"cannot write the course in {course_dir}: {exc.strerror or exc}"
        ) from None
    return written
