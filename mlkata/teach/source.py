"""The second step of a course build: a kata's reference solution taken apart.

A solution file ``solutions/<topic>/<slug>.py`` becomes the parts of its notebook: the
module docstring (the statement), the code before the first function with a solution
region (given: imports and types), and the code from there on (the solution cell, with
nbgrader's ``### BEGIN SOLUTION`` markers). The earlier katas it imports, and theirs,
are run from the student's own notebooks while the student works and from their
references, hidden, when the kata is graded; its grader becomes the notebook's hidden
tests.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from mlkata.author.regions import BEGIN, replace_markers, without_markers
from mlkata.engine.curriculum import Kata
from mlkata.engine.layout import SOLUTIONS, Layout
from mlkata.teach.errors import CourseError

NBGRADER_BEGIN = "### BEGIN SOLUTION"
NBGRADER_END = "### END SOLUTION"
NBGRADER_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
"""Text nbgrader cuts from a cell, wherever it appears."""

Function = tuple[str, str, str]
"""A function or class to write: its name, ``"(arguments)"`` (``""`` for a class) and
its docstring."""


@dataclass
class SplitSource:
    """A kata module taken apart: docstring, code before the first function with a
    solution region (given), and the code from there on (with its solution regions)."""

    docstring: str
    given: str
    solution: str
    functions: list[Function]
    tree: ast.Module


@dataclass
class KataSource:
    """A solution file taken apart for a notebook."""

    kata: Kata
    source: str
    docstring: str
    given: str
    solution: str  # with nbgrader's solution markers
    functions: list[Function] = field(default_factory=list)
    imports: list[tuple[str, str]] = field(default_factory=list)  # earlier katas used


class EarlierKata(NamedTuple):
    """An earlier kata a notebook uses: its given code (imports and types), the names it
    defines, and its reference without solution markers (for the hidden tests only)."""

    topic: str
    slug: str
    given: str
    names: tuple[str, ...]
    code: str


def _parse(source: str, filename: str) -> ast.Module:
    try:
        return ast.parse(source, filename)
    except SyntaxError as exc:
        raise CourseError(f"{filename}:{exc.lineno}: {exc.msg}") from None


def _has_solution(lines: list[str], node: ast.AST) -> bool:
    start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return any(BEGIN.match(line) for line in lines[start - 1 : node.end_lineno])


def split_source(source: str, filename: str = "<kata>") -> SplitSource:
    """Split a kata's source (see :class:`SplitSource`); CourseError if it cannot be."""
    tree = _parse(source, filename)
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


def _imported_katas(layout: Layout, tree: ast.Module) -> list[tuple[str, str]]:
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
            if len(parts) == 2 and layout.kata_file(SOLUTIONS, *parts).is_file():
                found.append((parts[0], parts[1]))
    return list(dict.fromkeys(found))


def read_kata(root: Path, kata: Kata) -> KataSource:
    """A kata's solution file, split for a notebook, with nbgrader's solution markers."""
    layout = Layout(Path(root))
    path = layout.kata_file(SOLUTIONS, kata.topic, kata.slug)
    source = path.read_text(encoding="utf-8")
    split = split_source(source, str(path))
    return KataSource(
        kata,
        source,
        split.docstring,
        split.given,
        replace_markers(split.solution, NBGRADER_BEGIN, NBGRADER_END),
        split.functions,
        _imported_katas(layout, split.tree),
    )


def earlier_katas(root: Path, source: KataSource) -> list[EarlierKata]:
    """The earlier katas ``source`` needs, directly or not, each after those it needs."""
    return katas_needed(root, source.imports)


def katas_needed(root: Path, keys: Sequence[tuple[str, str]]) -> list[EarlierKata]:
    """The katas ``keys`` (``(topic, slug)``) and every kata they import, directly or
    not, each after those it needs."""
    layout = Layout(Path(root))
    order: list[tuple[str, str]] = []
    found: dict[tuple[str, str], EarlierKata] = {}

    def visit(key: tuple[str, str], path: tuple[tuple[str, str], ...]) -> None:
        if key in order:
            return
        if key in path:
            raise CourseError(f"katas import each other in a cycle: {' -> '.join(map(str, path))}")
        file = layout.kata_file(SOLUTIONS, *key)
        text = file.read_text(encoding="utf-8")
        for dependency in _imported_katas(layout, _parse(text, str(file))):
            visit(dependency, (*path, key))
        order.append(key)
        split = split_source(text, str(file))
        names = tuple(name for name, _, _ in split.functions)
        found[key] = EarlierKata(*key, split.given, names, without_markers(text))

    for key in keys:
        visit(key, ())
    return [found[key] for key in order]


def read_grader(root: Path, kata: Kata) -> str:
    """The source of a kata's grader, for its notebook's hidden tests."""
    path = Layout(Path(root)).grader(kata.topic, kata.slug)
    text = path.read_text(encoding="utf-8")
    for marker in NBGRADER_MARKERS:
        if marker in text:
            raise CourseError(f"{path} contains {marker!r}, which nbgrader would cut")
    return text
