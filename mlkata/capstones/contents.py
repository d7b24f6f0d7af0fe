"""What a capstone notebook holds: its code cells, its title and the katas it uses.

A capstone names every kata it uses by a call ``tree.kata("<topic>", "<slug>"[, "<name>"])``
with string literals, so the notebook itself is the one list of its katas: the report
reads it to say whether a capstone is complete, the course builder to give the
notebook the student's own solutions.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any, NamedTuple

from mlkata.capstones import FOLDER


class KataUse(NamedTuple):
    """One ``tree.kata(topic, slug, name)`` of a capstone (``name`` defaults to the slug)."""

    topic: str
    slug: str
    name: str


def read_notebook(path: Path) -> dict[str, Any]:
    """The notebook at ``path`` as JSON."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def cell_source(cell: dict[str, Any]) -> str:
    """A cell's source as one string (notebooks store a string or a list of lines)."""
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def code_cells(path: Path) -> list[str]:
    """The source of each code cell of a notebook, in order."""
    return [cell_source(c) for c in read_notebook(path)["cells"] if c["cell_type"] == "code"]


def title(path: Path) -> str:
    """The first Markdown heading of the notebook, without ``#`` and ``Capstone:``."""
    for cell in read_notebook(path)["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in cell_source(cell).splitlines():
            if line.startswith("#"):
                text = line.lstrip("#").strip().removeprefix("Capstone:").strip()
                return text[:1].upper() + text[1:]
    return Path(path).stem.replace("_", " ")


def _literals(call: ast.Call) -> list[str] | None:
    values = [a.value for a in call.args if isinstance(a, ast.Constant)]
    if len(values) != len(call.args) or not all(isinstance(v, str) for v in values):
        return None
    return values


def katas_used(path: Path) -> list[KataUse]:
    """Every kata the notebook uses through ``<tree>.kata(...)``, in order of first use."""
    found: list[KataUse] = []
    for source in code_cells(path):
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        calls = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "kata"
        ]
        for node in sorted(calls, key=lambda n: (n.lineno, n.col_offset)):
            values = _literals(node)
            if values and len(values) in (2, 3):
                topic, slug = values[:2]
                found.append(KataUse(topic, slug, values[2] if len(values) == 3 else slug))
    return list(dict.fromkeys(found))


class Capstone(NamedTuple):
    """A capstone notebook: its name, its title and the katas it uses."""

    name: str
    title: str
    katas: tuple[KataUse, ...]

    @property
    def slugs(self) -> tuple[str, ...]:
        """The slugs of the katas it uses, each once, in order of first use."""
        return tuple(dict.fromkeys(use.slug for use in self.katas))


def read_capstone(path: Path) -> Capstone:
    """The capstone notebook at ``path``."""
    return Capstone(Path(path).stem, title(path), tuple(katas_used(path)))


def capstones_in(root: Path, names: tuple[str, ...]) -> list[Capstone]:
    """The capstones ``names`` found as ``<root>/capstones/<name>.ipynb``, in that order.

    A notebook that is missing or unreadable is left out: a learner may have moved it.
    """
    found = []
    for name in names:
        path = Path(root) / FOLDER / f"{name}.ipynb"
        try:
            found.append(read_capstone(path))
        except (OSError, ValueError, KeyError):
            continue
    return found
