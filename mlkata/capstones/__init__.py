"""Capstones: notebooks that answer a real question with the learner's own katas.

A capstone imports its katas from a target tree exactly as the graders do
(:class:`mlkata.engine.loader.TargetLoader`): the learner's ``exercises/`` by default,
``solutions/`` (or any copy) when ``MLKATA_CAPSTONE_TREE`` or ``use_tree(...)`` says so.
A step that still raises ``NotImplementedError`` stops the capstone with one line,
``finish <topic>/<slug> first: mlkata check <slug>``, not a traceback.

The notebook (``capstones/<name>.ipynb``) is the one source: ``python -m
mlkata.capstones NAME --out DIR`` runs its code cells and writes each figure that
:func:`show` is given as ``DIR/<name>.png``.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlkata.engine.layout import Layout, find_root
from mlkata.engine.loader import KataUnavailable, TargetLoader

TREE_VARIABLE = "MLKATA_CAPSTONE_TREE"
"""The tree the katas come from: ``exercises`` (default), ``solutions`` or a path."""

CAPSTONES = ("fraud_threshold", "cell_design", "customer_embeddings", "regional_bias")
"""The capstones, each ``capstones/<name>.ipynb`` in the working copy."""

FOLDER = "capstones"

# Where show() writes figures: None in a notebook (it displays them instead).
_output: dict[str, Path | None] = {"dir": None}


class StepNotDone(Exception):
    """A kata the capstone needs is not finished (or cannot be imported)."""

    def __init__(self, topic: str, slug: str, why: str = "") -> None:
        self.topic, self.slug = topic, slug
        reason = f" ({why})" if why else ""
        super().__init__(f"finish {topic}/{slug} first: mlkata check {slug}{reason}")

    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of a traceback
        return [str(self)]


@dataclass
class Tree:
    """The katas of one target tree, each function wrapped to report an unfinished step."""

    path: Path
    loader: TargetLoader
    _functions: dict[tuple[str, str, str], Any] = field(default_factory=dict)

    def kata(self, topic: str, slug: str, name: str | None = None) -> Any:
        """The function ``name`` (default: the slug) of ``<tree>/<topic>/<slug>.py``."""
        name = name or slug
        key = (topic, slug, name)
        if key not in self._functions:
            try:
                module = self.loader.load(topic, slug)
            except KataUnavailable as exc:
                raise StepNotDone(topic, slug, str(exc)) from None
            self._functions[key] = _step(getattr(module, name), topic, slug)
        return self._functions[key]


def _step(function: Any, topic: str, slug: str) -> Any:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except NotImplementedError:
            raise StepNotDone(topic, slug) from None

    return wrapper


def use_tree(name_or_path: str | os.PathLike[str] | None = None, root: Path | None = None) -> Tree:
    """Make a target tree's topics importable, as the graders do, and return it.

    ``name_or_path`` is ``"exercises"``, ``"solutions"`` or a folder with the same
    layout; by default ``$MLKATA_CAPSTONE_TREE``, else ``exercises``.
    """
    value = str(name_or_path or os.environ.get(TREE_VARIABLE) or "exercises")
    layout = Layout(find_root(root))
    target = layout.resolve_target(value)
    if not target.is_dir():
        raise FileNotFoundError(f"no tree {value!r} at {target}")
    loader = TargetLoader(target)
    loader.install()
    return Tree(target, loader)


def show(figure: Any, name: str) -> None:
    """Display a figure in the notebook, or write it as ``<out>/<name>.png`` in the script."""
    import matplotlib.pyplot as plt

    folder = _output["dir"]
    if folder is None:
        from IPython.display import display

        display(figure)
    else:
        figure.savefig(folder / f"{name}.png", dpi=100, bbox_inches="tight")
    plt.close(figure)


def notebook_path(name: str, root: Path | None = None) -> Path:
    """``capstones/<name>.ipynb`` in the working copy."""
    return find_root(root) / FOLDER / f"{name}.ipynb"
