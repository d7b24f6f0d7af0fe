"""What git last committed of some files: the stubs as the generator last wrote them.

A stub in ``exercises/`` that differs from what its solution generates is either out
of date (it is still the committed stub, and the solution has changed since) or a
learner's work. The committed version tells the two apart; without git nothing can,
and callers treat every difference as a learner's.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path


def committed_texts(root: Path, paths: Iterable[str]) -> dict[str, str | None] | None:
    """The text of each file at ``HEAD``, by its path relative to ``root``.

    A file that ``HEAD`` does not hold maps to None. Returns None as a whole when
    ``root`` is not in a git working copy with a commit, or git is not installed.
    One ``git cat-file --batch`` reads every file.
    """
    paths = list(paths)
    git = shutil.which("git")
    if git is None:
        return None
    request = "".join(f"HEAD:./{path}\n" for path in paths).encode("utf-8")
    try:
        head = subprocess.run(
            [git, "rev-parse", "--verify", "--quiet", "HEAD"],
            cwd=root,
            capture_output=True,
            check=False,
        )
        if head.returncode != 0:
            return None
        batch = subprocess.run(
            [git, "cat-file", "--batch"], cwd=root, input=request, capture_output=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return dict(zip(paths, _parse_batch(batch.stdout, len(paths)), strict=True))


def _parse_batch(output: bytes, count: int) -> list[str | None]:
    """The contents ``git cat-file --batch`` printed, one per request, in order."""
    texts: list[str | None] = []
    position = 0
    for _ in range(count):
        newline = output.index(b"\n", position)
        header = output[position:newline].split()
        position = newline + 1
        if len(header) != 3:  # "<name> missing"
            texts.append(None)
            continue
        size = int(header[2])
        content = output[position : position + size]
        position += size + 1  # the content is followed by a newline
        is_file = header[1] == b"blob"
        texts.append(content.decode("utf-8", errors="replace") if is_file else None)
    return texts


def same_text(a: str | None, b: str | None) -> bool:
    """Are two file texts equal, whatever their line endings (git may convert them)?"""
    if a is None or b is None:
        return False
    return a.replace("\r\n", "\n") == b.replace("\r\n", "\n")
