"""Keep the code under test inside its own tree, with an audit hook.

While a target other than the reference is graded, the code under test may not read
the reference (``solutions/``), the graders, the project's tests or its git history
(importing a grader is reading it), and may not start processes: a kata computes its
answer. Python's audit hooks (:pep:`578`) see every ``open`` and process start, and cannot be
removed once added. The hook refuses the operation (``PermissionError``) only when
the code under test asked for it, that is when a frame of the target tree is on the
stack, so pytest reading a grader to show a traceback is never refused, and it
remembers each refusal so that the check fails even if the code swallows the error.

This is a guard, not a sandbox: code that reaches C (ctypes) can get round it. The
class-scale grader adds an operating-system sandbox where the platform has one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

PROCESS_EVENTS = frozenset(
    {
        "subprocess.Popen",
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "os.fork",
        "os.forkpty",
        "pty.spawn",
    }
)
PATH_EVENTS = frozenset({"open"})
"""Reading a file. Listing a folder is allowed: the import system lists every folder
on ``sys.path`` (the graders' among them) whenever the code imports a module."""


class Guard:
    """The refusals so far; ``take()`` returns and forgets them."""

    def __init__(self, target: Path, protected: Iterable[Path], root: Path | None) -> None:
        self.target = str(Path(target).resolve()) + os.sep
        self.protected = [str(Path(p).resolve()) for p in protected]
        self.root = str(root) if root else ""
        self.armed = False
        self.refused: list[str] = []

    def take(self) -> list[str]:
        refused, self.refused = self.refused, []
        return refused

    def _from_target(self) -> bool:
        frame = sys._getframe(2)
        while frame is not None:
            if frame.f_code.co_filename.startswith(self.target):
                return True
            frame = frame.f_back
        return False

    def _is_protected(self, path: object) -> str | None:
        if isinstance(path, int) or path is None:
            return None
        try:
            text = os.fsdecode(path)
        except TypeError:
            return None
        for candidate in {os.path.abspath(text), os.path.realpath(text)}:
            for folder in self.protected:
                if candidate == folder or candidate.startswith(folder + os.sep):
                    return candidate
        return None

    def __call__(self, event: str, args: tuple) -> None:
        if not self.armed:
            return
        if event in PATH_EVENTS and args:
            found = self._is_protected(args[0])
            if found is not None and self._from_target():
                shown = os.path.relpath(found, self.root) if self.root else found
                self.refused.append(f"read {shown}")
                raise PermissionError(f"mlkata: a kata may not read {shown}")
        elif event in PROCESS_EVENTS and self._from_target():
            self.refused.append(f"start a process ({event})")
            raise PermissionError("mlkata: a kata may not start processes")


def install(target: Path, protected: Iterable[Path], root: Path | None = None) -> Guard:
    """Add the audit hook for this process (for good) and return its :class:`Guard`."""
    guard = Guard(target, protected, root)
    sys.addaudithook(guard)
    return guard
