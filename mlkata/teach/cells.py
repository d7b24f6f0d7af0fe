"""The fourth step of a course build: the cells of one kata's notebook.

In order (see docs/teachers.md): the statement (Markdown, locked), the given code
(locked, when there is any), the solution cell, a cell running each docstring's
example (not graded), and one autograded cell per grader test function, worth its share
of the kata's points, whose hidden part runs the grader with :mod:`mlkata.notebook`.
Every cell id is stable across builds (made from the kata's slug and the cell's role).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mlkata.engine.curriculum import split_points
from mlkata.teach.collect import GraderTest
from mlkata.teach.docmarkdown import docstring_markdown, examples_of, prose_markdown
from mlkata.teach.notebook import CHECK_TIME_LIMIT_S
from mlkata.teach.source import EarlierKata, KataSource


def _literal(text: str) -> str:
    """``text`` as a readable triple-quoted Python string literal."""
    body = text.replace("\\", "\\\\").replace("'''", "\\'\\'\\'")
    if not body.endswith("\n"):
        body += "\n"
    return "'''\\\n" + body + "'''"


# ------------------------------------------------------------------------- statement


def _escape(text: str) -> str:
    """Plain text (a hint) for Markdown: ``S**2`` must not start bold text (maths
    between ``$`` signs is left alone)."""
    parts = text.split("$")
    return "$".join(p if i % 2 else p.replace("*", "\\*") for i, p in enumerate(parts))


def _stars(difficulty: int) -> str:
    return "★" * difficulty + "☆" * (5 - difficulty)


def statement_markdown(source: KataSource, topic_title: str) -> str:
    """The statement: title, points, the kata's prose, each function's docstring, hints."""
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


# ------------------------------------------------------------------------------ code

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
    module.__kata_source__ = source  # graded as this kata's file
    exec(compile(source, f"<given {name}>", "exec"), module.__dict__)
    setattr(parent, leaf, module)
'''


def given_code(source: KataSource, earlier: Sequence[EarlierKata]) -> str:
    """The locked cell before the solution: the ``earlier`` katas, then the kata's imports."""
    parts = []
    if earlier:
        names = ", ".join(f"{k.topic}/{k.slug}" for k in earlier)
        lines = [
            f"# Given: the reference solutions of the earlier katas this one uses ({names}),",
            "# importable as in the kata files. Run this cell; do not edit it.",
            _GIVEN_HELPER,
        ]
        for kata in earlier:
            lines.append(f'_given("{kata.topic}.{kata.slug}", {_literal(kata.code)})')
        parts.append("\n".join(lines))
    if source.given.strip():
        parts.append("# Given: imports and types the kata uses. Run this cell.\n" + source.given)
    return "\n\n\n".join(parts)


def examples_code(function: str, doctest_text: str) -> str:
    """A cell running the example of ``function``'s docstring with doctest."""
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


def autograded_code(
    source: KataSource,
    test: GraderTest,
    points: float,
    grader_source: str | None,
    timeout: float = CHECK_TIME_LIMIT_S,
) -> str:
    """An autograded cell: what it checks, then its hidden tests (with ``grader_source``
    registered, in the kata's first such cell)."""
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
            f"    given={_literal(source.given)},",
            f"    source={_literal(grader_source)},",
            ")",
        ]
    lines += [
        f'_mlkata.check(globals(), "{kata}", "{test.name}", {points!r})',
        "### END HIDDEN TESTS",
    ]
    return "\n".join(lines)


# -------------------------------------------------------------------------- notebook


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


def _cell_id(name: str) -> str:
    """A valid nbformat cell id (at most 64 characters, no underscore)."""
    return name.replace("_", "-")[:64]


def build_notebook(
    source: KataSource,
    *,
    earlier: Sequence[EarlierKata],
    grader_source: str,
    tests: Sequence[GraderTest],
    topic_title: str,
) -> Any:
    """The nbformat notebook of one kata (see the module docstring for its cells)."""
    import nbformat.v4 as v4

    kata = source.kata
    cells = []

    def add(cell, grade_id, **flags):
        cell.metadata.update(_nbgrader(grade_id, **flags))
        cell.id = _cell_id(grade_id)
        cells.append(cell)

    add(
        v4.new_markdown_cell(statement_markdown(source, topic_title)),
        f"{kata.slug}_statement",
        locked=True,
    )
    given = given_code(source, earlier)
    if given:
        add(v4.new_code_cell(given), f"{kata.slug}_given", locked=True)
    add(v4.new_code_cell(source.solution), f"{kata.slug}_solution", solution=True)
    for name, _, doc in source.functions:
        example = examples_of(doc)
        if example.strip():
            cell = v4.new_code_cell(examples_code(name, example))
            cell.id = _cell_id(f"{kata.slug}-{name}-example")
            cells.append(cell)
    shares = split_points(kata.points, [t.weight for t in tests])
    for i, (test, points) in enumerate(zip(tests, shares, strict=True)):
        code = autograded_code(source, test, points, grader_source if i == 0 else None)
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
