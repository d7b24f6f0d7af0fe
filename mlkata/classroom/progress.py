"""Progress over (student, kata) pairs: a rich bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

from mlkata.classroom.grading import Row


class ClassProgress:
    """Counts of each status, shown as pairs are graded."""

    def __init__(self, total: int, terminal: bool | None = None, console: Any = None) -> None:
        self.total = total
        self.console = console  # rich's Console for the bar (default: stdout's)
        self.counts: Counter[str] = Counter()
        self.terminal = sys.stdout.isatty() if terminal is None else terminal
        self._bar = None
        self._task = None

    def __enter__(self) -> ClassProgress:
        if self.terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("grading"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                TimeRemainingColumn(),
                console=self.console,
            )
            self._bar.start()
            self._task = self._bar.add_task(self._counts(), total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def _counts(self) -> str:
        shown = ("passed", "failed", "error", "timeout")
        return "  ".join(f"{name} {self.counts[name]}" for name in shown)

    def advance(self, row: Row, skipped: bool = False) -> None:
        self.counts[row.status] += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=self._counts())
        elif not skipped:
            done = sum(self.counts.values())
            reason = f"  {row.reason}" if row.reason and row.status != "passed" else ""
            print(
                f"[{done}/{self.total}] {row.student} {row.kata}: {row.status} "
                f"{row.points:g}/{row.max_points:g} ({row.seconds:.1f} s){reason}",
                flush=True,
            )
