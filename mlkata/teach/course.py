"""Build an nbgrader course from the katas: ``mlkata nbgrader build COURSE_DIR``.

The course is ``COURSE_DIR/nbgrader_config.py`` and ``COURSE_DIR/source/<topic>/`` with
one notebook per kata, ``<slug>.ipynb`` (a stable name, so that rebuilding a course
after new katas arrive keeps the gradebook's notebook ids). nbgrader itself then does
the rest: ``generate_assignment``, ``autograde``, ``generate_feedback``, ``export``.

A build is a chain of steps, one module each, the way nbgrader chains preprocessors:

1. :mod:`~mlkata.teach.selection`: which katas;
2. :mod:`~mlkata.teach.source`: each kata's reference taken apart, the earlier katas it
   uses, its grader;
3. :mod:`~mlkata.teach.collect`: the grader test functions, their cases and weights;
4. :mod:`~mlkata.teach.cells`: one notebook per kata;
5. :mod:`~mlkata.teach.capstone`: each capstone whose step katas are built, its
   notebook taking the katas from the student's own notebooks;
6. this module: the course folder written.

Each step raises :class:`CourseError` with one line for the teacher.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mlkata.engine.curriculum import CurriculumError, Kata, load_curriculum
from mlkata.engine.layout import Layout
from mlkata.teach.capstone import capstone_notebooks
from mlkata.teach.cells import build_notebook
from mlkata.teach.collect import collect_grader_tests
from mlkata.teach.errors import CourseError
from mlkata.teach.notebook import CHECK_TIME_LIMIT_S
from mlkata.teach.selection import select_katas
from mlkata.teach.source import earlier_katas, read_grader, read_kata

__all__ = ["CONFIG_NAME", "CourseError", "build_course"]

CONFIG_NAME = "nbgrader_config.py"
CELL_TIMEOUT = 60
"""Seconds a notebook cell may run in ``nbgrader autograde`` before it is interrupted."""

CONFIG = '''\
"""nbgrader configuration of a course written by `mlkata nbgrader build`.

Run nbgrader in this folder, in the environment where `mlkata[teacher]` is installed
(its `python3` kernel runs the hidden tests). See docs/teachers.md of mlkata.
"""

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    GetGrades,
    IgnorePattern,
    LimitOutput,
    OverwriteKernelspec,
)

from mlkata.teach.autograde import (
    ClearHiddenTestsFromFeedback,
    KernelSafeExecute,
    RestoringOverwriteCells,
    SaveAutoGradesWithNotes,
    use_private_kernel_sockets,
)
from mlkata.teach.export import GradesCsv

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = {course_id!r}

# A cell running longer than this (seconds) is interrupted and scores zero; the next
# cells and notebooks are still graded. Each hidden check also stops after {check_limit:g} s
# of CPU time, and a kata whose checks time out is not run further.
c.ExecutePreprocessor.timeout = {cell_timeout}
c.Execute.timeout = {cell_timeout}

# Kernels talk to nbgrader through sockets in a private folder, not TCP.
use_private_kernel_sockets(c)

# The released stub of a solution region.
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}

# nbgrader's own steps, four of them replaced by mlkata's (mlkata/teach/autograde.py):
# a dead or stuck kernel costs one cell, not the student's assignment; a deleted test
# cell is restored; only cells a student changed are reported; what went wrong becomes
# a "Grading note" on the notebook's solution cell (feedback, formgrader, export).
c.Autograde.sanitize_preprocessors = [
    ClearOutput,
    DeduplicateIds,
    OverwriteKernelspec,
    RestoringOverwriteCells,
    CheckCellMetadata,
]
c.Autograde.autograde_preprocessors = [
    KernelSafeExecute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGradesWithNotes,
    AssignLatePenalties,
    CheckCellMetadata,
]

# Feedback shows each cell's result but not the hidden tests (nbgrader shows them by
# default).
c.GenerateFeedback.preprocessors = [
    GetGrades,
    ClearHiddenTestsFromFeedback,
    CSSHTMLHeaderPreprocessor,
]

# grades.csv with totals exact to the hundredth and a notes column (mlkata/teach/export.py).
c.ExportApp.plugin_class = GradesCsv
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


def _nbformat() -> Any:
    try:
        import nbformat
    except ImportError:
        raise CourseError(
            "nbformat is not installed: install the teacher extra, pip install 'mlkata[teacher]'"
        ) from None
    return nbformat


def config_text(course_dir: Path) -> str:
    """The ``nbgrader_config.py`` of a new course in ``course_dir``."""
    course_id = re.sub(r"[^A-Za-z0-9_-]+", "-", course_dir.resolve().name) or "mlkata"
    return CONFIG.format(
        course_id=course_id, check_limit=CHECK_TIME_LIMIT_S, cell_timeout=CELL_TIMEOUT
    )


def write_course(
    course_dir: Path, notebooks: Mapping[Kata, Any], others: Mapping[Path, Any] | None = None
) -> list[Path]:
    """Write ``notebooks`` (and ``others``, by their path under ``source/``) into
    ``course_dir``, and its config if it has none; the paths written."""
    nbformat = _nbformat()
    written: list[Path] = []
    config = course_dir / CONFIG_NAME
    try:
        if not config.is_file():
            course_dir.mkdir(parents=True, exist_ok=True)
            config.write_text(config_text(course_dir), encoding="utf-8")
            written.append(config)
        paths = {Path(kata.topic) / f"{kata.slug}.ipynb": nb for kata, nb in notebooks.items()}
        for relative, notebook in {**paths, **(others or {})}.items():
            path = course_dir / "source" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, str(path))
            written.append(path)
    except OSError as exc:
        raise CourseError(
            f"cannot write the course in {course_dir}: {exc.strerror or exc}"
        ) from None
    return written


def build_course(
    root: Path, course_dir: Path, topics: Sequence[str] = (), katas: Sequence[str] = ()
) -> list[Path]:
    """Write (or update) the nbgrader course ``course_dir``; return the paths written.

    ``nbgrader_config.py`` is written only when the course has none, so a teacher's
    own settings survive a rebuild; the selected katas' notebooks are (re)written.
    """
    layout = Layout(Path(root))
    course_dir = Path(course_dir)
    try:
        curriculum = load_curriculum(layout.curriculum)
    except CurriculumError as exc:
        raise CourseError(str(exc)) from None
    selected = select_katas(layout.root, curriculum, topics, katas)
    _check_course_dir(course_dir)
    nbformat = _nbformat()
    sources = [read_kata(layout.root, kata) for kata in selected]
    tests = collect_grader_tests(layout.root, selected)
    notebooks = {
        source.kata: build_notebook(
            source,
            earlier=earlier_katas(layout.root, source),
            grader_source=read_grader(layout.root, source.kata),
            tests=tests[source.kata.slug],
            topic_title=curriculum.title_of(source.kata.topic),
        )
        for source in sources
    }
    capstones = capstone_notebooks(layout.root, selected)
    for notebook in [*notebooks.values(), *capstones.values()]:
        nbformat.validate(notebook)
    return write_course(course_dir, notebooks, capstones)
