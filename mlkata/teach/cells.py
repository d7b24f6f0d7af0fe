"""The fourth step of a course build: the cells of one kata's notebook.

In order (see docs/teachers.md): the statement (Markdown, locked), the given code
(locked, when there is any), the solution cell, a visible check per function running
its docstring's example (autograded, 0 points, so that ``nbgrader validate`` runs it),
and one autograded cell per grader test function, worth its share of the kata's
points, whose hidden part runs the grader with :mod:`mlkata.notebook`.
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
        "after it checks your code on the docstring's example (run it; `nbgrader validate` "
        "runs it too). Each autograded cell below checks one thing and says how many points "
        "it is worth; its tests are hidden."
    )
    if kata.hints:
        hints = [
            f"<details><summary>Hint {i}</summary>\n\n{_escape(hint)}\n\n</details>"
            for i, hint in enumerate(kata.hints, 1)
        ]
        parts.append("### Hints (open them one at a time)\n\n" + "\n\n".join(hints))
    return "\n\n".join(p.strip() for p in parts) + "\n"


# ------------------------------------------------------------------------------ code

_YOUR_KATA_HELPER = '''\
import json as _json
import os as _os
import sys as _sys
import types as _types
from pathlib import Path as _Path


def _your_kata(topic, slug, given, names):
    """Your solution of the earlier kata topic/slug, read from your notebook, as the
    module topic.slug (what the kata imports). Autograding uses the kata's reference."""
    package = _sys.modules.setdefault(topic, _types.ModuleType(topic))
    package.__path__ = getattr(package, "__path__", [])
    module = _sys.modules[f"{topic}.{slug}"] = _types.ModuleType(f"{topic}.{slug}")
    setattr(package, slug, module)
    for name in names:
        def missing(*args, _name=name, **kwargs):
            raise NotImplementedError(
                f"`{_name}` is your solution of {topic}/{slug}: solve {slug}.ipynb, keep it "
                f"in ../{topic}/ (or next to this notebook) and run this cell again"
            )
        setattr(module, name, missing)
    if _os.environ.get("NBGRADER_EXECUTION") == "autograde":
        return
    for path in (_Path("..", topic, f"{slug}.ipynb"), _Path(f"{slug}.ipynb")):
        if not path.is_file():
            continue
        for cell in _json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == f"{slug}_solution":
                code = "".join(cell["source"])
                exec(compile(given + "\\n\\n" + code, str(path), "exec"), module.__dict__)
                return
    print(f"{topic}/{slug}.ipynb is not next to this notebook: {', '.join(names)} will say so")
'''


def given_code(source: KataSource, earlier: Sequence[EarlierKata]) -> str:
    """The locked cell before the solution: the ``earlier`` katas, then the kata's imports.

    An earlier kata is the student's own solution, read from its notebook (never a
    reference: no released notebook holds working code of any kata)."""
    parts = []
    if earlier:
        names = ", ".join(f"{k.topic}/{k.slug}" for k in earlier)
        lines = [
            f"# Given: your own solutions of the earlier katas this one uses ({names}),",
            "# read from their notebooks, importable as in the kata files. Run this cell;",
            "# do not edit it. Autograding uses their reference solutions instead, so a",
            "# mistake there does not cost points here.",
            _YOUR_KATA_HELPER,
        ]
        for kata in earlier:
            given = _literal(kata.given) if kata.given.strip() else "''"
            names = list(kata.names)
            lines.append(f'_your_kata("{kata.topic}", "{kata.slug}", {given}, {names!r})')
        parts.append("\n".join(lines))
    if source.given.strip():
        parts.append("# Given: imports and types the kata uses. Run this cell.\n" + source.given)
    return "\n\n\n".join(parts)


def visible_check_code(function: str) -> str:
    """A 0-point autograded cell, visible to students, running the examples of
    ``function``'s docstring (as defined in the solution cell) with doctest.

    IPython strips ``>>>`` at the start of a cell's lines, even inside a string, so the
    examples are read from the function itself, where they are indented.
    ``nbgrader validate`` reports it when it fails; autograding skips it (the hidden
    tests check the example too, out of the kernel's process).
    """
    return (
        f"# Your check, 0 points: the example in the docstring of `{function}`. Run it after\n"
        "# the solution cell (`nbgrader validate` runs it too); the autograded cells below\n"
        "# check much more.\n"
        "import doctest as _doctest\n"
        "import os as _os\n\n"
        'if _os.environ.get("NBGRADER_EXECUTION") == "autograde":\n'
        '    print("autograding: the hidden tests below check this example")\n'
        "else:\n"
        f'    _test = _doctest.DocTestParser().get_doctest({function}.__doc__ or "", '
        f'dict(globals()), "{function}", None, 0)\n'
        "    _runner = _doctest.DocTestRunner(\n"
        "        optionflags=_doctest.ELLIPSIS | _doctest.NORMALIZE_WHITESPACE\n"
        "    )\n"
        "    _report = []\n"
        "    _runner.run(_test, out=_report.append)\n"
        f'    assert _test.examples, "the docstring of `{function}` has no example any more: '
        'restore it from the statement"\n'
        "    assert not _runner.failures, (\n"
        '        "the example gives another result:\\n" + "".join(_report)\n'
        "    )\n"
        '    print("the example works")\n'
    )


def autograded_code(
    source: KataSource,
    test: GraderTest,
    points: float,
    grader_source: str | None,
    timeout: float = CHECK_TIME_LIMIT_S,
    earlier: Sequence[EarlierKata] = (),
) -> str:
    """An autograded cell: what it checks, then its hidden tests (with ``grader_source``
    and the references of the ``earlier`` katas registered, in the kata's first such
    cell)."""
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
        ]
        if earlier:
            lines.append("    earlier={")
            for kata_before in earlier:
                key = f"{kata_before.topic}/{kata_before.slug}"
                lines.append(f'        "{key}": {_literal(kata_before.code)},')
            lines.append("    },")
        lines.append(")")
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
        if examples_of(doc).strip():
            check = v4.new_code_cell(visible_check_code(name))
            add(check, f"{kata.slug}_example_{name}", grade=True, locked=True, points=0)
    shares = split_points(kata.points, [t.weight for t in tests])
    for i, (test, points) in enumerate(zip(tests, shares, strict=True)):
        registers = i == 0
        code = autograded_code(
            source,
            test,
            points,
            grader_source if registers else None,
            earlier=earlier if registers else (),
        )
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
