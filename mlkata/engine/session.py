"""A grading session's results: the summary a learner reads, and the progress record.

The session is where results are, so this is where they are recorded: the pytest
plugin (plain ``pytest graders``, nox) and the CLI (``mlkata check``/``watch``) hand
their per-kata :class:`~mlkata.engine.results.KataResult` here, and this turns them
into :class:`~mlkata.engine.progress.Run` rows for the store, which only stores. The
curriculum is read once per session (:class:`SessionCurriculum`).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from mlkata.engine.curriculum import Curriculum, CurriculumError, Kata, load_curriculum
from mlkata.engine.layout import Layout
from mlkata.engine.results import KataResult


@dataclass
class SessionCurriculum:
    """The working copy's curriculum, read at most once per session (None if unreadable)."""

    root: Path

    @cached_property
    def curriculum(self) -> Curriculum | None:
        try:
            return load_curriculum(Layout(self.root).curriculum)
        except (CurriculumError, OSError):
            return None

    def kata(self, slug: str) -> Kata | None:
        return self.curriculum.get(slug) if self.curriculum else None

    def order(self, slug: str) -> int:
        if self.curriculum is None:
            return 0
        slugs = [k.slug for k in self.curriculum.katas]
        return slugs.index(slug) if slug in slugs else len(slugs)


@dataclass
class SessionResults:
    """Per-kata results of one session, in the order they were graded."""

    curriculum: SessionCurriculum
    katas: dict[tuple[str, str], KataResult] = field(default_factory=dict)
    complete: dict[tuple[str, str], bool] = field(default_factory=dict)

    def add(self, result: KataResult, complete: bool) -> None:
        key = (result.topic, result.slug)
        self.katas[key] = result
        self.complete[key] = complete

    def summary_lines(self, label: str, next_step: str = "") -> list[str]:
        results = sorted(self.katas.values(), key=lambda r: self.curriculum.order(r.slug))
        if not results:
            return []
        width = max(len(f"{r.topic}/{r.slug}") for r in results)
        passing = sum(r.ok for r in results)
        lines = ["", f"mlkata: {passing} of {len(results)} katas pass ({label})"]
        earned_total = possible_total = 0.0
        for r in results:
            kata = self.curriculum.kata(r.slug)
            score = ""
            if kata is not None:
                earned = r.points(kata.points)
                earned_total += earned
                possible_total += kata.points
                score = f"  {earned:g}/{kata.points:g} pts"
            status = "pass" if r.ok else status_of(r)
            name = f"{r.topic}/{r.slug}"
            checks = f"{r.passed:>2}/{r.total:<2} checks"
            lines.append(f"  {name:<{width}}  {checks}{score}  {status}")
        if possible_total:
            lines.append(f"  points: {earned_total:g} of {possible_total:g}")
        if next_step:
            lines.append(next_step)
        return lines


def status_of(result: KataResult, width: int = 80) -> str:
    """A kata's status in a few words: pass, not started, or its first failure, cut."""
    if result.ok:
        return "pass"
    first = _first_line(result.first_failure)
    if first.startswith("not implemented yet") and result.passed == 0:
        return "to do: not implemented yet"
    return _shorten(first, width)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


KNOWN_MISTAKE = re.compile(r"this is what you get from a known mistake: (.+)")
CHANGED_INPUT = "changes the caller's input (mutating an argument)"
NO_VALIDATION = "accepts bad input it should reject"


def named_mistakes(result: KataResult) -> tuple[str, ...]:
    """The mistakes a kata's failing checks name, each once, in check order: the graders'
    known mistakes (in their words), a modified input and a bad input let through."""
    found: list[str] = []
    for check in result.checks.values():
        if check.passed:
            continue
        found += [m.group(1).strip() for m in KNOWN_MISTAKE.finditer(check.message)]
        if " modified its input `" in check.message:
            found.append(CHANGED_INPUT)
        if re.search(r" should raise \w+", check.message):
            found.append(NO_VALIDATION)
    return tuple(dict.fromkeys(found))


def _warn(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def record_results(
    root: Path,
    results: Iterable[tuple[Kata | None, KataResult, bool]],
    now: float | None = None,
) -> bool:
    """Record ``(kata, result, complete)`` triples as progress; False (and a warning
    line on stderr) when they could not be recorded."""
    from mlkata.engine.progress import ProgressError, Run, open_store

    when = time.time() if now is None else now
    runs = []
    for kata, result, complete in results:
        if result.total == 0 and not result.errors:
            continue
        possible = kata.points if kata is not None else None
        runs.append(
            Run(
                time=when,
                topic=result.topic,
                slug=result.slug,
                passed=result.passed,
                failed=result.total - result.passed + (1 if result.errors else 0),
                complete=complete,
                points=result.points(possible) if possible is not None else 0.0,
                possible=possible,
                message=_first_line(result.first_failure),
                mistakes=named_mistakes(result),
            )
        )
    if not runs:
        return True
    try:
        with open_store(root, _warn) as store:
            store.record(runs)
    except ProgressError as exc:
        said = str(exc) if exc.unrecorded else f"this grading was not recorded as progress: {exc}"
        _warn(f"mlkata: {said}")
        return False
    except Exception as exc:  # noqa: BLE001 - recording must never break grading
        first = _first_line(str(exc)) or type(exc).__name__
        _warn(f"mlkata: this grading was not recorded as progress: {first}")
        return False
    return True


def record_session(root: Path, results: SessionResults) -> bool:
    """Record every kata of a finished student-mode session."""
    return record_results(
        root,
        [
            (results.curriculum.kata(r.slug), r, results.complete.get((r.topic, r.slug), False))
            for r in results.katas.values()
        ],
    )
