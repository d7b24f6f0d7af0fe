"""The ordered manifest ``curriculum.toml``: topics, katas, points and hints.

Each ``[[kata]]`` table has ``topic``, ``slug``, ``title``, ``difficulty`` (1-5),
``prerequisites`` (slugs of earlier katas), ``points`` (the kata's total; each grader
test's ``points`` marker is its weight within that total) and ``hints`` (at least two,
from gentle to explicit). Their order in the file is the learning path.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REQUIRED = {
    "topic": str,
    "slug": str,
    "title": str,
    "difficulty": int,
    "points": (int, float),
    "prerequisites": list,
    "hints": list,
}


class CurriculumError(ValueError):
    """curriculum.toml is missing or malformed; the message says where and how."""


@dataclass(frozen=True)
class Kata:
    topic: str
    slug: str
    title: str
    difficulty: int
    points: float
    prerequisites: tuple[str, ...]
    hints: tuple[str, ...]

    @property
    def path(self) -> str:
        """``topic/slug.py``, the kata's place in exercises/ and solutions/."""
        return f"{self.topic}/{self.slug}.py"

    @property
    def grader_path(self) -> str:
        return f"{self.topic}/test_{self.slug}.py"


@dataclass(frozen=True)
class Curriculum:
    katas: tuple[Kata, ...]
    topic_titles: dict[str, str]

    @property
    def topics(self) -> list[str]:
        return list(dict.fromkeys(k.topic for k in self.katas))

    def get(self, slug: str) -> Kata | None:
        return next((k for k in self.katas if k.slug == slug), None)

    def in_topic(self, topic: str) -> list[Kata]:
        return [k for k in self.katas if k.topic == topic]

    def title_of(self, topic: str) -> str:
        return self.topic_titles.get(topic, topic.replace("_", " ").capitalize())


def _kata(entry: dict, index: int, path: Path) -> Kata:
    where = f"{path}: kata #{index + 1}"
    for key, kind in REQUIRED.items():
        if key not in entry:
            raise CurriculumError(f"{where} has no `{key}`")
        if not isinstance(entry[key], kind) or isinstance(entry[key], bool):
            raise CurriculumError(f"{where} (`{entry.get('slug')}`): `{key}` has the wrong type")
    unknown = set(entry) - set(REQUIRED)
    if unknown:
        raise CurriculumError(f"{where} (`{entry['slug']}`): unknown keys {sorted(unknown)}")
    if not 1 <= entry["difficulty"] <= 5:
        raise CurriculumError(f"{where} (`{entry['slug']}`): difficulty must be 1 to 5")
    if entry["points"] <= 0:
        raise CurriculumError(f"{where} (`{entry['slug']}`): points must be positive")
    return Kata(
        topic=entry["topic"],
        slug=entry["slug"],
        title=entry["title"],
        difficulty=entry["difficulty"],
        points=float(entry["points"]),
        prerequisites=tuple(entry["prerequisites"]),
        hints=tuple(entry["hints"]),
    )


def load_curriculum(path: Path) -> Curriculum:
    """Read and check ``curriculum.toml``; raise CurriculumError with a clear message."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CurriculumError(f"{path} not found: run mlkata from the repository") from None
    except tomllib.TOMLDecodeError as exc:
        raise CurriculumError(f"{path} is not valid TOML: {exc}") from None
    entries = data.get("kata", [])
    if not isinstance(entries, list) or not entries:
        raise CurriculumError(f"{path} lists no [[kata]] tables")
    katas = tuple(_kata(e, i, Path(path)) for i, e in enumerate(entries))
    seen: set[str] = set()
    for kata in katas:
        if kata.slug in seen:
            raise CurriculumError(f"{path}: the slug `{kata.slug}` appears twice")
        missing = [p for p in kata.prerequisites if p not in seen]
        if missing:
            raise CurriculumError(
                f"{path}: `{kata.slug}` needs {missing}, which must come earlier in the file"
            )
        seen.add(kata.slug)
    titles = data.get("topics", {})
    if not isinstance(titles, dict):
        raise CurriculumError(f"{path}: [topics] must map topic names to titles")
    return Curriculum(katas, dict(titles))
