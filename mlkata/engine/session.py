"""Recording a grading session's results as the learner's progress.

The session is where results are: the pytest plugin (plain ``pytest graders``) and the
CLI hand their per-kata results here, and this turns them into
:class:`~mlkata.engine.progress.Run` rows for the store, which only stores.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mlkata.engine.progress import Run, open_store


def _warn_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- recording a pytest session --------------------------------------------------


def _deselected_by_kata(session: Any, kata_of: Callable[[Path], Any]) -> dict[Any, int]:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    counts: dict[Any, int] = {}
    for item in getattr(reporter, "stats", {}).get("deselected", []):
        found = kata_of(Path(getattr(item, "path", "")))
        if found is not None:
            counts[found] = counts.get(found, 0) + 1
    return counts


def runs_of_session(session: Any, book: Any, now: float | None = None) -> list[Run]:
    """One :class:`Run` per kata graded in ``session`` (its ResultBook ``book``)."""
    from mlkata.engine.plugin import _is_grader, kata_of
    from mlkata.engine.results import _curriculum_order_and_points

    _, points = _curriculum_order_and_points(session.config.rootpath)
    scheduled: dict[Any, int] = {}
    for item in session.items:
        if _is_grader(item):
            found = kata_of(Path(item.path))
            scheduled[found] = scheduled.get(found, 0) + 1
    deselected = _deselected_by_kata(session, kata_of)
    # ``pytest graders/.../test_x.py::test_one`` runs part of a kata without deselecting.
    by_node_id = any("::" in str(arg) for arg in session.config.args)
    when = time.time() if now is None else now
    runs = []
    for key, result in book.katas.items():
        if result.total == 0:
            continue
        complete = (
            not by_node_id and not deselected.get(key) and result.total >= scheduled.get(key, 0)
        )
        possible = points.get(result.slug)
        earned = round(possible * result.fraction, 2) if possible is not None else 0.0
        runs.append(
            Run(
                time=when,
                topic=result.topic,
                slug=result.slug,
                passed=result.passed,
                failed=result.total - result.passed,
                complete=complete,
                points=earned,
                possible=possible,
                message=result.first_failure,
            )
        )
    return runs


def record_session(session: Any, state: Any) -> None:
    """Record a finished student-mode session; never raises, warns in one line instead."""
    config = session.config
    if state.label != "exercises" or not state.book.katas:
        return
    if hasattr(config, "workerinput"):
        return  # an xdist worker sees only part of each kata
    try:
        runs = runs_of_session(session, state.book)
        with open_store(config.rootpath) as store:
            store.record(runs)
    except Exception as exc:  # noqa: BLE001 - recording must never break grading
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        _warn_stderr(f"mlkata: progress not recorded: {first}")
