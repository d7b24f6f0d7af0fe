"""Per-kata results of one grading run, and the learner-readable summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def first_line(report: Any) -> str:
    """The first meaningful line of a failed report, for a one-line reason."""
    longrepr = report.longrepr
    if isinstance(longrepr, tuple):  # skipped: (path, lineno, message)
        return str(longrepr[2])
    reprcrash = getattr(longrepr, "reprcrash", None)
    text = reprcrash.message if reprcrash is not None else str(longrepr)
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("(random cases"):
            return line.removeprefix("Failed: ")
    return "failed"


@dataclass
class CheckResult:
    name: str
    passed: bool
    weight: float
    message: str = ""


@dataclass
class KataResult:
    topic: str
    slug: str
    checks: dict[str, CheckResult] = field(default_factory=dict)

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks.values())

    @property
    def total(self) -> int:
        return len(self.checks)

    @property
    def ok(self) -> bool:
        return self.total > 0 and self.passed == self.total

    @property
    def fraction(self) -> float:
        weight = sum(c.weight for c in self.checks.values())
        earned = sum(c.weight for c in self.checks.values() if c.passed)
        return earned / weight if weight else 0.0

    @property
    def first_failure(self) -> str:
        return next((c.message for c in self.checks.values() if not c.passed), "")


class ResultBook:
    """Collects the reports of grader tests, kata by kata, in the order they ran."""

    def __init__(self) -> None:
        self.katas: dict[tuple[str, str], KataResult] = {}

    def add(self, kata: tuple[str, str], test: str, report: Any, weight: float) -> None:
        result = self.katas.setdefault(kata, KataResult(*kata))
        if report.when == "call" or report.failed or report.skipped:
            previous = result.checks.get(test)
            if previous is not None and not previous.passed:
                return  # a teardown report never hides an earlier failure
            message = "" if report.passed else first_line(report)
            result.checks[test] = CheckResult(test, bool(report.passed), weight, message)

    def summary_lines(self, label: str, rootpath: Path) -> list[str]:
        order, points = _curriculum_order_and_points(rootpath)
        results = sorted(self.katas.values(), key=lambda r: order.get(r.slug, len(order)))
        width = max(len(f"{r.topic}/{r.slug}") for r in results)
        passing = sum(r.ok for r in results)
        lines = ["", f"mlkata: {passing} of {len(results)} katas pass ({label})"]
        earned_total = possible_total = 0.0
        for r in results:
            name = f"{r.topic}/{r.slug}"
            possible = points.get(r.slug)
            score = ""
            if possible is not None:
                earned = round(possible * r.fraction, 2)
                earned_total += earned
                possible_total += possible
                score = f"  {earned:g}/{possible:g} pts"
            status = "pass" if r.ok else _shorten(r.first_failure, 90)
            lines.append(f"  {name:<{width}}  {r.passed:>2}/{r.total:<2} checks{score}  {status}")
        if possible_total:
            lines.append(f"  points: {earned_total:g} of {possible_total:g}")
        return lines


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _curriculum_order_and_points(rootpath: Path) -> tuple[dict[str, int], dict[str, float]]:
    from mlkata.engine.curriculum import CurriculumError, load_curriculum

    try:
        katas = load_curriculum(rootpath / "curriculum.toml").katas
    except (CurriculumError, OSError):
        return {}, {}
    return {k.slug: i for i, k in enumerate(katas)}, {k.slug: k.points for k in katas}
