"""``mlkata watch``: re-grade a kata every time a file in exercises/ is saved.

The process stays warm (pytest and NumPy imported once), so a re-grade costs only
the kata's own tests. A watchfiles thread (started before the first grade, so no save
is missed) reports a save once no further change has come for ``STEP_MS``; any
``.py`` file under exercises/ triggers it, because a kata may import an earlier one.
Grading stays in the main thread (pytest-timeout's alarm needs it). Ctrl-C stops
cleanly, whether waiting or grading.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from mlkata.engine.curriculum import Kata
from mlkata.engine.run import Graded, grade
from mlkata.learn.ui import Output, show_check, show_graded_at, show_watch_header

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


def _next_save(saves: queue.Queue) -> None:
    """Block until a save, then swallow the others already queued."""
    while True:
        try:
            saves.get(timeout=POLL_S)
            break
        except queue.Empty:
            continue
    while True:
        try:
            saves.get_nowait()
        except queue.Empty:
            return


def watch(root: Path, kata: Kata, out: Output) -> int:
    shown = f"exercises/{kata.path}"

    def show(graded: Graded) -> None:
        out.clear()
        show_watch_header(out, kata, shown)
        show_check(out, graded)
        show_graded_at(out, graded)

    saves: queue.Queue = queue.Queue()
    stop = threading.Event()
    thread = _watch_thread(root / "exercises", saves, stop)
    try:
        graded = grade(root, kata, on_result=show)
        while not graded.interrupted:
            _next_save(saves)
            graded = grade(root, kata, on_result=show)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        thread.join(timeout=2)
    out.line("stopped watching")
    return 0
