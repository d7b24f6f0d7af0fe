"""Where things are in a working copy: the one place that spells the tree names.

A working copy (the repository root) holds ``curriculum.toml`` and the trees
``solutions/``, ``exercises/`` and ``graders/``; a kata ``topic/slug`` lives at
``<tree>/<topic>/<slug>.py`` in a target tree and at ``graders/<topic>/test_<slug>.py``
as its grader. A *target* is any directory laid out like ``exercises/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CURRICULUM = "curriculum.toml"
EXERCISES = "exercises"
SOLUTIONS = "solutions"
GRADERS = "graders"
TESTS = "tests"
IMPLEMENTATIONS = "tests/implementations"
STATE = ".mlkata"
GRADER_PREFIX = "test_"
NAMED_TREES = (EXERCISES, SOLUTIONS)
"""Trees a target may be named by instead of a path."""
PROJECT_TREES = (SOLUTIONS, EXERCISES, GRADERS, TESTS, ".git", "capstones")
"""Folders of the working copy that code under test may not read (except its own tree)."""


class LayoutError(Exception):
    """Not inside a working copy, or a tree is missing; ``str(self)`` is one line."""


def kata_path(topic: str, slug: str) -> str:
    """``topic/slug.py``: the kata's place in exercises/, solutions/ or any target."""
    return f"{topic}/{slug}.py"


def grader_path(topic: str, slug: str) -> str:
    """``topic/test_slug.py``: the grader's place in graders/."""
    return f"{topic}/{GRADER_PREFIX}{slug}.py"


def kata_of_grader(path: Path | str) -> tuple[str, str] | None:
    """``(topic, slug)`` for a grader file ``.../<topic>/test_<slug>.py``, else None."""
    path = Path(path)
    if path.suffix != ".py" or not path.stem.startswith(GRADER_PREFIX):
        return None
    return path.parent.name, path.stem[len(GRADER_PREFIX) :]


def find_root(start: Path | None = None) -> Path:
    """The working copy: the nearest folder upwards holding curriculum.toml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CURRICULUM).is_file():
            return folder
    raise LayoutError(
        f"no {CURRICULUM} here or in any parent folder: run mlkata inside your mlkata copy"
    )


@dataclass(frozen=True)
class Layout:
    """The paths of one working copy."""

    root: Path

    @property
    def curriculum(self) -> Path:
        return self.root / CURRICULUM

    @property
    def exercises(self) -> Path:
        return self.root / EXERCISES

    @property
    def solutions(self) -> Path:
        return self.root / SOLUTIONS

    @property
    def graders(self) -> Path:
        return self.root / GRADERS

    @property
    def implementations(self) -> Path:
        return self.root / IMPLEMENTATIONS

    def tree(self, name: str) -> Path:
        return self.root / name

    def grader(self, topic: str, slug: str) -> Path:
        return self.graders / grader_path(topic, slug)

    def kata_file(self, tree: Path | str, topic: str, slug: str) -> Path:
        base = self.root / tree if isinstance(tree, str) else tree
        return base / kata_path(topic, slug)

    def resolve_target(self, value: str, invocation_dir: Path | None = None) -> Path:
        """``exercises``/``solutions`` name the working copy's trees; else a path."""
        if value in NAMED_TREES and (self.root / value).is_dir():
            return (self.root / value).resolve()
        path = Path(value).expanduser()
        base = invocation_dir or Path.cwd()
        return (path if path.is_absolute() else base / path).resolve()

    def label(self, target: Path) -> str:
        """``exercises``/``solutions`` for the working copy's trees, else the path."""
        for name in NAMED_TREES:
            if (self.root / name).resolve() == Path(target).resolve():
                return name
        return str(target)

    def protected(self, target: Path) -> list[Path]:
        """The project folders code under ``target`` may not read."""
        target = Path(target).resolve()
        folders = [(self.root / name).resolve() for name in PROJECT_TREES]
        return [f for f in folders if f != target and not target.is_relative_to(f) and f.exists()]
