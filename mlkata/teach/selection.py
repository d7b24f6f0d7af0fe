"""The first step of a course build: which katas it holds.

A kata can be built once it has a reference solution and a grader; a topic or kata the
teacher names that is unknown or not ready yet is a :class:`CourseError`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

from mlkata.engine.curriculum import Curriculum, Kata
from mlkata.engine.layout import GRADERS, SOLUTIONS, Layout
from mlkata.teach.errors import CourseError


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    return f": did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def is_ready(layout: Layout, kata: Kata) -> bool:
    """Has ``kata`` both a reference solution and a grader?"""
    solution = layout.kata_file(layout.solutions, kata.topic, kata.slug)
    return solution.is_file() and layout.grader(kata.topic, kata.slug).is_file()


def select_katas(
    root: Path, curriculum: Curriculum, topics: Sequence[str] = (), katas: Sequence[str] = ()
) -> list[Kata]:
    """The katas to build, in curriculum order: those of ``topics`` and those named.

    With neither, every kata that has a solution and a grader.
    """
    layout = Layout(Path(root))
    ready = [k for k in curriculum.katas if is_ready(layout, k)]
    for topic in topics:
        if topic not in curriculum.topics:
            raise CourseError(
                f"unknown topic {topic!r}{_suggest(topic, curriculum.topics)} "
                f"(topics: {', '.join(curriculum.topics)})"
            )
        if not any(k.topic == topic for k in ready):
            raise CourseError(f"the topic {topic!r} has no kata with a solution and a grader yet")
    slugs = [k.slug for k in curriculum.katas]
    for slug in katas:
        kata = curriculum.get(slug)
        if kata is None:
            raise CourseError(f"unknown kata {slug!r}{_suggest(slug, slugs)}")
        if not is_ready(layout, kata):
            raise CourseError(
                f"the kata {slug!r} has no {SOLUTIONS}/{kata.path} or {GRADERS}/{kata.grader_path}"
            )
    if not topics and not katas:
        if not ready:
            raise CourseError("no kata has both a solution and a grader: nothing to build")
        return ready
    return [k for k in ready if k.topic in topics or k.slug in katas]
