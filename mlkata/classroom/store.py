"""What is graded so far: one small JSON file per (student, kata), written atomically.

The store lives in the results folder (``.state/<student>/<topic>.<slug>.json``), so a
run that is interrupted keeps every kata it finished and the next run resumes: a kata
is graded again only when its file's content hash changed, or with ``--force``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from mlkata.classroom.grading import Row

STATE = ".state"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once: a temporary file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class ResultStore:
    """The graded rows kept in ``<results>/.state``."""

    def __init__(self, results: Path) -> None:
        self.folder = Path(results) / STATE

    def _path(self, student: str, kata: str) -> Path:
        return self.folder / student / (kata.replace("/", ".") + ".json")

    def get(self, student: str, kata: str) -> Row | None:
        try:
            data = json.loads(self._path(student, kata).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        try:
            return Row.from_dict(data)
        except TypeError:
            return None

    def put(self, row: Row) -> None:
        if row.final:
            write_atomically(self._path(row.student, row.kata), json.dumps(row.to_dict()))
