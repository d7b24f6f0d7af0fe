"""Generate a kata's stub (exercises/) from its reference solution (solutions/).

Every region between ``# BEGIN SOLUTION`` and ``# END SOLUTION`` (each on a line of its
own, at the indentation of the code they enclose) becomes a TODO comment and
``raise NotImplementedError``. Everything else — the module docstring, imports,
NamedTuple definitions, signatures and numpydoc docstrings — is kept verbatim.

:func:`sync` brings exercises/ up to date without destroying a learner's work: git's
committed stub tells a stale stub (replaced) from a learner's file (left alone while
its stub is current, else kept as ``<slug>.py.bak`` before the new stub is written).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mlkata.author.backup import keep_backup
from mlkata.author.committed import committed_texts, same_text
from mlkata.author.regions import RegionError, solution_regions
from mlkata.engine.layout import Layout

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


class StubStatus(enum.Enum):
    """How a stub file in exercises/ stands against what its solution generates."""

    CURRENT = "the generated stub"
    WORKED = "a learner's work on the current stub"
    MISSING = "missing"
    STALE = "the stub of an older solution"
    CONFLICT = "neither the generated stub nor the committed one"


def stub_status(on_disk: str | None, committed: str | None, wanted: str, git: bool) -> StubStatus:
    """Compare a stub file (``on_disk``) with the ``wanted`` stub and the ``committed`` one.

    ``git`` says whether the committed version is known (None then means the commit
    has no such file). Without git, every difference is taken for a learner's work.
    """
    if same_text(on_disk, wanted):
        return StubStatus.CURRENT
    if on_disk is None:
        return StubStatus.MISSING
    if git and same_text(committed, wanted):
        return StubStatus.WORKED
    if git and same_text(on_disk, committed):
        return StubStatus.STALE
    return StubStatus.CONFLICT


@dataclass(frozen=True)
class StubChange:
    """A stub that sync writes (or, with ``check``, would write)."""

    stub: Path
    status: StubStatus
    backup: Path | None = None
    """Where the file it replaced was kept (CONFLICT only; None with ``check``)."""


@dataclass
class SyncResult:
    changes: list[StubChange] = field(default_factory=list)
    worked: list[Path] = field(default_factory=list)
    """Learners' files on stubs that are up to date: left as they are."""


def stub_paths(root: Path) -> list[tuple[Path, Path]]:
    """``(solution, stub)`` for every kata source under ``solutions/``."""
    layout = Layout(root)
    return [
        (solution, layout.exercises / solution.relative_to(layout.solutions))
        for solution in solution_files(layout.solutions)
    ]


def sync(root: Path, check: bool = False, slugs: Iterable[str] = ()) -> SyncResult:
    """Bring every stub (or those of ``slugs``) up to date with its solution.

    A missing stub is written; a stub that is still the committed one of an older
    solution is overwritten; a file that is neither the wanted stub nor the committed
    one is a learner's work: when its stub has changed it is kept as ``<slug>.py.bak``
    before the new stub is written, and when its stub has not changed it is left
    alone. With ``check`` nothing is written.
    """
    wanted_slugs = set(slugs)
    pairs = [(s, e) for s, e in stub_paths(root) if not wanted_slugs or s.stem in wanted_slugs]
    committed = committed_texts(root, [e.relative_to(root).as_posix() for _, e in pairs])
    result = SyncResult()
    for solution, stub in pairs:
        wanted = make_stub(solution.read_text(encoding="utf-8"), str(solution.relative_to(root)))
        on_disk = stub.read_text(encoding="utf-8") if stub.is_file() else None
        was = committed.get(stub.relative_to(root).as_posix()) if committed is not None else None
        status = stub_status(on_disk, was, wanted, git=committed is not None)
        if status is StubStatus.CURRENT:
            continue
        if status is StubStatus.WORKED:
            result.worked.append(stub)
            continue
        backup = None
        if not check:
            if status is StubStatus.CONFLICT:
                backup = keep_backup(stub)
            stub.parent.mkdir(parents=True, exist_ok=True)
            stub.write_text(wanted, encoding="utf-8")
        result.changes.append(StubChange(stub, status, backup))
    return result
