"""Generate a kata's stub (exercises/) from its reference solution (solutions/).

Every region between ``# BEGIN SOLUTION`` and ``# END SOLUTION`` (each on a line of its
own, at the indentation of the code they enclose) becomes a TODO comment and
``raise NotImplementedError``. Everything else — the module docstring, imports,
NamedTuple definitions, signatures and numpydoc docstrings — is kept verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from mlkata.author.regions import RegionError, solution_regions

DEF = re.compile(r"^(?P<indent>[ \t]*)(?:async[ \t]+)?def[ \t]+(?P<name>\w+)")

StubError = RegionError
"""A solution file whose solution markers do not pair up."""


def _enclosing_function(lines: list[str], index: int, indent: str) -> str:
    for line in reversed(lines[:index]):
        match = DEF.match(line)
        if match and len(match["indent"]) < len(indent):
            return match["name"]
    return "this kata"


def make_stub(source: str, filename: str = "<solution>") -> str:
    """The stub for a solution's source text."""
    lines = source.splitlines(keepends=True)
    bare = [line.rstrip("\r\n") for line in lines]
    out: list[str] = []
    position = 0
    for region in solution_regions(source, filename):
        out += lines[position : region.begin]
        name = _enclosing_function(bare, region.begin, region.indent)
        out.append(f"{region.indent}# TODO: write {name} (the docstring above has the maths).\n")
        out.append(f'{region.indent}raise NotImplementedError("{name} is not implemented yet")\n')
        position = region.end + 1
    out += lines[position:]
    return "".join(out)


def solution_files(solutions: Path) -> list[Path]:
    """Every kata source under ``solutions/<topic>/``, sorted."""
    return sorted(p for p in solutions.glob("*/*.py") if not p.name.startswith("_"))


def sync(root: Path, check: bool = False, slugs: Iterable[str] = ()) -> list[Path]:
    """Write (or with ``check``, only list) every stub that differs from its solution.

    ``slugs`` limits the work to those katas. Returns the stub paths that were (or
    would be) written.
    """
    wanted_slugs = set(slugs)
    changed = []
    for solution in solution_files(root / "solutions"):
        if wanted_slugs and solution.stem not in wanted_slugs:
            continue
        stub = root / "exercises" / solution.relative_to(root / "solutions")
        wanted = make_stub(solution.read_text(encoding="utf-8"), str(solution))
        if not stub.is_file() or stub.read_text(encoding="utf-8") != wanted:
            changed.append(stub)
            if not check:
                stub.parent.mkdir(parents=True, exist_ok=True)
                stub.write_text(wanted, encoding="utf-8")
    return changed
