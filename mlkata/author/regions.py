"""Solution regions: the code between ``# BEGIN SOLUTION`` and ``# END SOLUTION``.

A kata's reference (``solutions/<topic>/<slug>.py``) marks each piece a learner writes
with the two markers, each on a line of its own at the indentation of the code it
encloses. The stub generator replaces each region by a TODO; the nbgrader course
builder turns the markers into nbgrader's (``### BEGIN SOLUTION``) or drops them. This
module is the one parser both use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BEGIN = re.compile(r"^(?P<indent>[ \t]*)# BEGIN SOLUTION[ \t]*$")
END = re.compile(r"^(?P<indent>[ \t]*)# END SOLUTION[ \t]*$")


class RegionError(ValueError):
    """Markers that do not pair up; ``str(self)`` names the file and line."""


@dataclass(frozen=True)
class Region:
    """One solution region: the marker lines ``begin`` and ``end`` (0-based, inclusive)."""

    begin: int
    end: int
    indent: str


def is_marker(line: str) -> bool:
    """Is ``line`` (without its newline) a BEGIN or END SOLUTION marker?"""
    return bool(BEGIN.match(line) or END.match(line))


def solution_regions(source: str, filename: str = "<solution>") -> list[Region]:
    """Every region of ``source``, in order; :class:`RegionError` if the markers do not
    pair up or there is none."""
    regions: list[Region] = []
    begin: int | None = None
    indent = ""
    for number, line in enumerate(source.splitlines()):
        start = BEGIN.match(line)
        if start:
            if begin is not None:
                raise RegionError(f"{filename}:{number + 1}: BEGIN SOLUTION inside another region")
            begin, indent = number, start["indent"]
        elif END.match(line):
            if begin is None:
                raise RegionError(f"{filename}:{number + 1}: END SOLUTION without BEGIN")
            regions.append(Region(begin, number, indent))
            begin = None
    if begin is not None:
        raise RegionError(f"{filename}:{begin + 1}: BEGIN SOLUTION is never closed")
    if not regions:
        raise RegionError(f"{filename}: no # BEGIN SOLUTION / # END SOLUTION region")
    return regions


def replace_markers(source: str, begin: str, end: str) -> str:
    """``source`` with each marker line replaced by ``begin``/``end`` (indent kept)."""
    lines = []
    for line in source.splitlines(keepends=True):
        text = line.rstrip("\r\n")
        newline = line[len(text) :]
        start, stop = BEGIN.match(text), END.match(text)
        if start:
            lines.append(start["indent"] + begin + newline)
        elif stop:
            lines.append(stop["indent"] + end + newline)
        else:
            lines.append(line)
    return "".join(lines)


def without_markers(source: str) -> str:
    """``source`` as plain code: the marker lines dropped, the regions kept."""
    return "\n".join(line for line in source.splitlines() if not is_marker(line))
