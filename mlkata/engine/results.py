"""What grading found: one :class:`KataResult` per kata, one :class:`CheckResult` per check.

The supervisor (:mod:`mlkata.engine.supervisor`) builds them from what a kata's
process reported and how it ended; everything that shows or records a grade reads
them: the pytest plugin's reports and summary, ``mlkata check``/``watch``, the
progress store, and later the class grader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mlkata.engine.curriculum import earned


@dataclass
class CheckResult:
    """One grader check (a pytest test item) of a kata."""

    name: str
    passed: bool
    weight: float = 1.0
    message: str = ""
    """The whole learner message of a failure (several lines), '' when passed."""
    nodeid: str = ""
    longrepr: str = ""
    """What pytest shows for the failure (the message, or a traceback for a grader bug)."""
    duration: float = 0.0
    cpu: float | None = None
    """CPU seconds the check's call used in the checks' process (None where it was not
    measured): the grader's own work and its side of each call."""
    learner_cpu: float | None = None
    """CPU seconds the check's calls used in the learner process (the code under test)."""
    sections: list[tuple[str, str]] = field(default_factory=list)

    @property
    def first_line(self) -> str:
        return next((line.strip() for line in self.message.splitlines() if line.strip()), "")


@dataclass
class KataResult:
    """Every check of one kata graded once, and what went wrong around them."""

    topic: str
    slug: str
    checks: dict[str, CheckResult] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    """Problems that are no check's: the grader could not be collected, nothing ran."""
    output: str = ""
    """The start of what the code under test printed."""
    seconds: float = 0.0

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks.values())

    @property
    def total(self) -> int:
        return len(self.checks)

    @property
    def ok(self) -> bool:
        return self.total > 0 and self.passed == self.total and not self.errors

    @property
    def fraction(self) -> float:
        if self.errors:
            return 0.0
        weight = sum(c.weight for c in self.checks.values())
        won = sum(c.weight for c in self.checks.values() if c.passed)
        return won / weight if weight else 0.0

    def points(self, possible: float) -> float:
        """The points earned out of ``possible`` (the one rounding rule)."""
        return earned(possible, self.fraction)

    @property
    def failures(self) -> list[CheckResult]:
        return [c for c in self.checks.values() if not c.passed]

    @property
    def first_failure(self) -> str:
        """The whole message of the first failure (or the first error)."""
        if self.errors:
            return self.errors[0]
        return next((c.message for c in self.failures), "")
