"""``mlkata dev new TOPIC/SLUG``: the skeleton of a kata, and its place in the curriculum.

It writes the solution skeleton, the stub generated from it, a grader skeleton, a
mutants file with no mutant yet, and the ``[[kata]]`` entry (see
:mod:`mlkata.author.skeleton` and :mod:`mlkata.author.manifest`). Nothing is written
unless everything can be: an existing slug or file, or a bad name, stops it first.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from pathlib import Path

from mlkata.author import skeleton
from mlkata.author.manifest import ManifestError, insert_kata
from mlkata.author.stubgen import make_stub
from mlkata.engine.curriculum import CurriculumError, load_curriculum
from mlkata.engine.layout import (
    CURRICULUM,
    EXERCISES,
    GRADERS,
    IMPLEMENTATIONS,
    SOLUTIONS,
    grader_path,
    kata_path,
)


class NewKataError(ValueError):
    """The kata cannot be created; ``str(self)`` is one line saying why and what to do."""


@dataclass(frozen=True)
class KataName:
    topic: str
    slug: str


def parse_name(name: str) -> KataName:
    """``TOPIC/SLUG``, each a lowercase Python identifier (they become module names)."""
    topic, _, slug = name.strip().strip("/").partition("/")
    if not topic or not slug or "/" in slug:
        raise NewKataError(f"`{name}`: name the kata as TOPIC/SLUG, e.g. calculus/mse_gradient")
    for what, value in (("topic", topic), ("slug", slug)):
        if not value.isidentifier() or keyword.iskeyword(value) or not value.islower():
            raise NewKataError(
                f"the {what} `{value}` is not a lowercase Python identifier: use letters, "
                "digits and underscores, e.g. mse_gradient"
            )
        if value.startswith("_"):
            raise NewKataError(f"the {what} `{value}` starts with `_`: such files are skipped")
    return KataName(topic, slug)


def new_kata(
    root: Path, name: str, title: str | None = None, after: str | None = None
) -> list[Path]:
    """Write the skeleton of the kata ``name`` (``TOPIC/SLUG``); the paths written.

    The curriculum entry goes after the kata ``after`` (of the same topic), else at the
    end of its topic, else (a new topic) at the end of the file.
    """
    kata = parse_name(name)
    title = (title or kata.slug.replace("_", " ").capitalize()).strip()
    if not title or "\n" in title or '"""' in title:
        raise NewKataError('--title: give one line of text, without """')
    manifest = root / CURRICULUM
    try:
        curriculum = load_curriculum(manifest)
    except CurriculumError as exc:
        raise NewKataError(f"{exc} (fix it before adding a kata)") from None
    existing = curriculum.get(kata.slug)
    if existing is not None:
        raise NewKataError(
            f"`{kata.slug}` is already a kata ({existing.topic}/{existing.slug}) in "
            f"{CURRICULUM}: choose another slug"
        )
    solution_text = skeleton.solution(kata.topic, kata.slug, title)
    files = {
        f"{SOLUTIONS}/{kata_path(kata.topic, kata.slug)}": solution_text,
        f"{EXERCISES}/{kata_path(kata.topic, kata.slug)}": make_stub(solution_text),
        f"{GRADERS}/{grader_path(kata.topic, kata.slug)}": skeleton.grader(kata.topic, kata.slug),
        f"{IMPLEMENTATIONS}/{kata_path(kata.topic, kata.slug)}": skeleton.mutants(
            kata.topic, kata.slug
        ),
    }
    taken = [relative for relative in files if (root / relative).exists()]
    if taken:
        raise NewKataError(
            f"{', '.join(taken)} already exist{'s' if len(taken) == 1 else ''}: move "
            f"{'it' if len(taken) == 1 else 'them'} away or choose another slug"
        )
    entry = skeleton.curriculum_entry(kata.topic, kata.slug, title)
    try:
        text = manifest.read_bytes().decode("utf-8")  # its own line endings kept
        edited = insert_kata(text, entry, kata.topic, kata.slug, after)
    except ManifestError as exc:
        raise NewKataError(str(exc)) from None
    written = []
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    manifest.write_text(edited, encoding="utf-8", newline="")
    return [*written, manifest]
