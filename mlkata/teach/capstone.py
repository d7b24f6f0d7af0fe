"""A capstone notebook in the course: ``source/capstones/<name>.ipynb``.

A capstone is built into the course when its step katas are: it sits in the
``capstones`` assignment beside their notebooks and carries no points of its own (the
step katas carry them). In the repository, a capstone takes its katas from a tree
through ``mlkata.capstones.use_tree``; a student of the course has no tree and may not
have mlkata, so the course's copy starts with a locked cell that defines ``use_tree``
and ``show`` itself: every kata the capstone uses is the student's *own* solution, read
from its notebook (``<slug>.ipynb`` next to the capstone, else ``../<topic>/``), as
kata notebooks read the earlier katas they use. An unfinished one stops the notebook
with one line naming the notebook to solve. The cells that import ``mlkata.capstones``
lose that import, and a cell tagged ``mlkata-repository`` (which tells how to run it in
the repository) is replaced by the same words for the course; nothing else changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mlkata.capstones import CAPSTONES, FOLDER, notebook_path
from mlkata.capstones.contents import Capstone, read_capstone
from mlkata.engine.curriculum import Kata
from mlkata.teach.cells import _YOUR_KATA_HELPER, _cell_id, _literal, _nbgrader
from mlkata.teach.errors import CourseError
from mlkata.teach.source import EarlierKata, katas_needed

_IMPORT = re.compile(r"^\s*from mlkata\.capstones import [^\n]*\n?", re.MULTILINE)
_USE_TREE = re.compile(r"^(\s*\w+\s*=\s*use_tree\([^)\n]*\)).*$", re.MULTILINE)

REPOSITORY_ONLY = "mlkata-repository"
"""The tag of a cell that speaks of the repository (``exercises/``, ``mlkata check``);
the course's copy has :data:`IN_THE_COURSE` in its place."""

IN_THE_COURSE = """\
Every function comes from your own kata notebooks: the first code cell reads each one
from `<slug>.ipynb` in `../<topic>/` (or next to this notebook), the steps of this
capstone from their notebooks beside it. Run that cell first. If a step is not finished,
the cell that needs it says `finish <topic>/<slug> first`: solve that notebook and run
this one again. This notebook carries no points of its own: the step katas beside it do.
"""

_TREE = '''\
import functools as _functools

_AUTOGRADING = _os.environ.get("NBGRADER_EXECUTION") == "autograde"
if _AUTOGRADING:  # the capstone carries no points: autograding draws nothing
    import matplotlib.pyplot as _plt

    _plt.switch_backend("Agg")


class StepNotDone(Exception):
    """A kata the capstone uses is not solved yet."""

    def _render_traceback_(self):  # IPython shows this line instead of a traceback
        return [str(self)]


class _YourKatas:
    """Your katas, as the capstone asks for them: tree.kata(topic, slug[, name])."""

    path = "your kata notebooks"

    def kata(self, topic, slug, name=None):
        function = getattr(_sys.modules[f"{topic}.{slug}"], name or slug)

        @_functools.wraps(function)
        def step(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except NotImplementedError:
                raise StepNotDone(
                    f"finish {topic}/{slug} first: solve {slug}.ipynb and run this notebook again"
                ) from None

        return step


def use_tree(*_):
    """Your own katas, read from your notebooks by the cell above."""
    return _YourKatas()


def show(figure, name):
    """Display a figure (the capstone's script form writes it as name.png)."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    if not _AUTOGRADING:
        display(figure)
    plt.close(figure)
'''


def given_cell(katas: Sequence[EarlierKata]) -> str:
    """The locked first code cell: the student's katas, ``use_tree`` and ``show``."""
    names = ", ".join(f"{k.topic}/{k.slug}" for k in katas)
    lines = [
        f"# Given: your own solutions of the katas this capstone uses ({names}),",
        "# read from their notebooks. Run this cell first; do not edit it.",
        _YOUR_KATA_HELPER,
    ]
    for kata in katas:
        given = _literal(kata.given) if kata.given.strip() else "''"
        lines.append(f'_your_kata("{kata.topic}", "{kata.slug}", {given}, {list(kata.names)!r})')
    return "\n".join(lines) + "\n\n\n" + _TREE


def course_notebook(root: Path, capstone: Capstone, path: Path) -> Any:
    """The course's copy of the capstone notebook at ``path``."""
    import nbformat

    notebook = nbformat.read(str(path), as_version=4)
    keys = list(dict.fromkeys((use.topic, use.slug) for use in capstone.katas))
    given = nbformat.v4.new_code_cell(given_cell(katas_needed(root, keys)))
    grade_id = f"{capstone.name}_given"
    given.metadata.update(_nbgrader(grade_id, locked=True))
    given.id = _cell_id(grade_id)
    cells = []
    for cell in notebook.cells:
        if REPOSITORY_ONLY in cell.metadata.get("tags", []):
            cell = nbformat.v4.new_markdown_cell(IN_THE_COURSE)
        elif cell.cell_type == "code":
            source = _IMPORT.sub("", cell.source)
            cell.source = _USE_TREE.sub(r"\1  # your own katas, from your notebooks", source)
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
    notebook.cells = cells
    first_code = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
    notebook.cells.insert(first_code, given)
    notebook.metadata.setdefault(
        "kernelspec", {"display_name": "Python 3", "language": "python", "name": "python3"}
    )
    notebook.metadata["mlkata"] = {"capstone": capstone.name, "points": 0}
    return notebook


def capstone_notebooks(root: Path, selected: Sequence[Kata]) -> dict[Path, Any]:
    """``source``-relative path → notebook of every capstone whose step katas are all
    ``selected``."""
    chosen = {(k.topic, k.slug) for k in selected}
    notebooks = {}
    for name in CAPSTONES:
        path = notebook_path(name, root)
        if not path.is_file():
            continue
        try:
            capstone = read_capstone(path)
        except (OSError, ValueError, KeyError) as exc:
            raise CourseError(f"cannot read the capstone {path}: {exc}") from None
        steps = {(u.topic, u.slug) for u in capstone.katas if u.topic == FOLDER}
        if steps and steps <= chosen:
            notebooks[Path(FOLDER) / f"{name}.ipynb"] = course_notebook(root, capstone, path)
    return notebooks
