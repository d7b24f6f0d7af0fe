"""``mlkata watch``: re-grade a kata every time a file in exercises/ is saved.

The process stays warm (pytest and NumPy imported once), so a re-grade costs only
the kata's own tests. A watchfiles thread (started before the first grade, so no save
is missed) reports a save once no further change has come for ``STEP_MS``; any
``.py`` file under exercises/ triggers it, because a kata may import an earlier one.
A "grading…" line shows as soon as a save is noticed, so a slow grade never leaves the
previous result on screen as if it were current.
Grading stays in the main thread (pytest-timeout's alarm needs it). Ctrl-C stops
cleanly, whether waiting or grading.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from mlkata.engine.curriculum import Kata
from mlkata.engine.layout import EXERCISES
from mlkata.engine.run import Graded, grade
from mlkata.learn.ui import Output, show_check, show_graded_at, show_grading, show_watch_header

STEP_MS = 15  # quiet time after a change before re-grading (editors write in bursts)
DEBOUNCE_MS = 400  # at most this long grouping a burst of changes
POLL_S = 0.5  # how often the main thread wakes up to notice Ctrl-C


def _watch_thread(folder: Path, saves: queue.Queue, stop: threading.Event) -> threading.Thread:
    import watchfiles

    def run() -> None:
        for changes in watchfiles.watch(
            folder,
            watch_filter=watchfiles.PythonFilter(),
            step=STEP_MS,
            debounce=DEBOUNCE_MS,
            stop_event=stop,
            raise_interrupt=False,
        ):
            saves.put(changes)

    thread = threading.Thread(target=run, name="mlkata-watch", daemon=True)
    thread.start()
    return thread


def _next_save(saves: queue.Queue) -> set:
    """Block until a save, then swallow the others already queued; every change."""
    while True:
        try:
            changes = set(saves.get(timeout=POLL_S))
            break
        except queue.Empty:
            continue
    while True:
        try:
            changes |= set(saves.get_nowait())
        except queue.Empty:
            return changes


def _saved_names(changes: set, folder: Path) -> list[str]:
    """The files changed, relative to ``folder`` (``statistics/gaussian_mle.py``)."""
    names = set()
    for _, path in changes:
        try:
            names.add(Path(path).resolve().relative_to(folder.resolve()).as_posix())
        except ValueError:
            names.add(Path(path).name)
    return sorted(names)


def watch(
    root: Path, kata: Kata, out: Output, verbose: bool = False, why: str | None = None
) -> int:
    """Grade ``kata`` now and after every save until Ctrl-C; ``why`` says why this kata
    was chosen (when the learner named none)."""
    shown = f"{EXERCISES}/{kata.path}"
    more = f"mlkata watch {kata.slug} -v"

    def show(graded: Graded) -> None:
        out.clear()
        show_watch_header(out, kata, shown, why)
        show_check(out, graded, verbose, more)
        show_graded_at(out, graded)

    saves: queue.Queue = queue.Queue()
    stop = threading.Event()
    folder = root / EXERCISES
    thread = _watch_thread(folder, saves, stop)
    try:
        show_watch_header(out, kata, shown, why)
        show_grading(out, [])
        graded = grade(root, kata, on_result=show)
        while not graded.interrupted:
            changes = _next_save(saves)
            show_grading(out, _saved_names(changes, folder))
            graded = grade(root, kata, on_result=show)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        thread.join(timeout=2)
    out.line("stopped watching")
    return 0
