"""The ordered manifest ``curriculum.toml``: topics, katas, points and hints.

Each ``[[kata]]`` table has ``topic``, ``slug``, ``title``, ``difficulty`` (1-5),
``prerequisites`` (slugs of earlier katas), ``points`` (the kata's total; each grader
test's ``points`` marker is its weight within that total) and ``hints`` (at least two,
from gentle to explicit). Their order in the file is the learning path.

The top-level ``format_version`` says which layout of the file this is; a file without
one, or with a version this mlkata does not know, is refused rather than misread.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from pathlib import Path

from mlkata.engine.layout import grader_path, kata_path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FORMAT_VERSION = 1
"""The layout of curriculum.toml this mlkata reads (its top-level ``format_version``)."""

REQUIRED = {
    "topic": str,
    "slug": str,
    "title": str,
    "difficulty": int,
    "points": (int, float),
    "prerequisites": list,
    "hints": list,
}


def earned(points: float, fraction: float) -> float:
    """The points earned for ``fraction`` (0 to 1) of a total ``points``.

    The one rounding rule of mlkata, used by the summary, the progress store, the CLI
    and the nbgrader cells alike: *down* to a hundredth, so that a partial score
    never rounds up to full marks (99.999 % of 10 points is 9.99, not 10).
    """
    return math.floor(points * fraction * 100 + 1e-9) / 100


def split_points(total: float, weights: list[float]) -> list[float]:
    """Split ``total`` over parts in proportion to ``weights``, in hundredths.

    Largest remainders: every share is a whole number of hundredths and the shares add
    up to ``total`` exactly (nbgrader's cells of one kata are worth its points).
    """
    cents = round(total * 100)
    whole = sum(weights)
    if not weights or whole <= 0:
        return [0.0] * len(weights)
    exact = [cents * w / whole for w in weights]
    shares = [int(e) for e in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in by_remainder[: cents - sum(shares)]:
        shares[i] += 1
    return [s / 100 for s in shares]


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
        return kata_path(self.topic, self.slug)

    @property
    def grader_path(self) -> str:
        """``topic/test_slug.py``, the grader's place in graders/."""
        return grader_path(self.topic, self.slug)

    def earned(self, fraction: float) -> float:
        """Points for passing ``fraction`` of the kata's weighted checks (see :func:`earned`)."""
        return earned(self.points, fraction)


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


def _check_format_version(data: dict, path: Path) -> None:
    version = data.get("format_version")
    if version is None:
        raise CurriculumError(
            f"{path} has no format_version: add `format_version = {FORMAT_VERSION}` "
            "at the top of the file, before [topics]"
        )
    if type(version) is not int or version != FORMAT_VERSION:
        raise CurriculumError(
            f"{path}: format_version {version!r} is not one this mlkata reads "
            f"({FORMAT_VERSION}): update mlkata (pip install -e .) if the file is newer, "
            "else correct the version"
        )


def load_curriculum(path: Path) -> Curriculum:
    """Read and check ``curriculum.toml``; raise CurriculumError with a clear message."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CurriculumError(f"{path} not found: run mlkata from the repository") from None
    except tomllib.TOMLDecodeError as exc:
        raise CurriculumError(f"{path} is not valid TOML: {exc}") from None
    _check_format_version(data, Path(path))
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
