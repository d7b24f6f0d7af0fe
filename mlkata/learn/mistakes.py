"""What a learner keeps getting wrong: the named mistakes of their graded runs, grouped.

Every graded run records the mistakes its failing checks named
(:func:`mlkata.engine.session.named_mistakes`), each in its grader's words. Graders of
different katas word the same misconception differently ("no division by n: the loss
is a mean over the batch", "the gradient is summed over the samples instead of
averaged"), so a tutor's view groups them into families: the 1/n of a mean, a wrong
sign, a transposed matrix, ... A mistake no family matches stands on its own.
For each group: the katas where it happened, how often, when last, and whether it is
fixed now (the kata's latest run no longer names it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from mlkata.engine.progress import Run
from mlkata.engine.session import CHANGED_INPUT, NO_VALIDATION


@dataclass(frozen=True)
class Family:
    """A misconception many graders name, in their own words."""

    key: str
    label: str
    pattern: re.Pattern[str]


def _family(key: str, label: str, *patterns: str) -> Family:
    return Family(key, label, re.compile("|".join(patterns), re.IGNORECASE))


FAMILIES: tuple[Family, ...] = (
    _family("input", "changing the caller's input", re.escape(CHANGED_INPUT)),
    _family("validation", "letting bad input through", re.escape(NO_VALIDATION)),
    _family(
        "mean",
        "the 1/n of a mean (a sum where a mean belongs, or the reverse)",
        r"1/n\b",
        r"division by n\b",
        r"summed .*instead of averaged",
        r"instead of (the )?mean",
        r"not averaged",
        r"divided by n\b",
        r"a sum, not a mean",
    ),
    _family("divisor", "the divisor n or n - 1", r"\bn ?- ?1\b", r"ddof", r"divisor"),
    _family("factor", "a lost constant factor (2, 1/2, 1/N)", r"factor", r"\b1/2\b", r"1/N\b"),
    _family("sign", "a wrong sign", r"\bsigns?\b", r"\bminus\b"),
    _family(
        "transpose",
        "a transposed matrix or the wrong axis",
        r"transpos",
        r"\.T\b",
        r"\baxis\b",
        r"rows instead of columns",
        r"columns instead of rows",
    ),
    _family(
        "square",
        "a standard deviation for a variance, or a square or root lost",
        r"standard deviation",
        r"\bvariance\b",
        r"squared?\b",
        r"square root",
        r"sqrt",
    ),
    _family(
        "off_by_one",
        "an off-by-one (one step, index or item too many or too few)",
        r"one (step|iteration|item|index) too",
        r"off by one",
        r"\+ 1 updates",
        r"n_iter \+ 1",
    ),
    _family(
        "stability",
        "numerical stability (overflow, cancellation, absolute thresholds)",
        r"overflow",
        r"underflow",
        r"cancel",
        r"stab",
        r"absolute (threshold|tolerance)",
        r"global maximum",
    ),
    _family("normalisation", "a missing or wrong normalisation", r"normali[sz]", r"sum to 1"),
)


def family_of(mistake: str) -> tuple[str, str]:
    """``(key, label)`` of the family a mistake belongs to; its own words if none."""
    for family in FAMILIES:
        if family.pattern.search(mistake):
            return family.key, family.label
    return f"own:{mistake}", mistake


@dataclass
class MistakeInKata:
    """One group's mistakes in one kata."""

    slug: str
    runs: int = 0
    first: float = 0.0
    last: float = 0.0
    words: list[str] = field(default_factory=list)
    fixed: bool = False


@dataclass
class FrequentMistake:
    """A group of mistakes: where and how often they happened."""

    key: str
    label: str
    katas: list[MistakeInKata]

    @property
    def runs(self) -> int:
        return sum(k.runs for k in self.katas)

    @property
    def last(self) -> float:
        return max(k.last for k in self.katas)

    @property
    def fixed(self) -> bool:
        return all(k.fixed for k in self.katas)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "runs": self.runs,
            "fixed": self.fixed,
            "katas": [
                {
                    "slug": k.slug,
                    "runs": k.runs,
                    "first": k.first,
                    "last": k.last,
                    "fixed": k.fixed,
                    "mistakes": k.words,
                }
                for k in self.katas
            ],
        }


def frequent_mistakes(runs: Iterable[Run]) -> list[FrequentMistake]:
    """Every group of mistakes in ``runs`` (oldest first), the most widespread first:
    by number of katas, then of runs, then the most recent."""
    groups: dict[str, FrequentMistake] = {}
    latest: dict[str, Run] = {}
    for run in runs:
        latest[run.slug] = run
        for words in run.mistakes:
            key, label = family_of(words)
            group = groups.setdefault(key, FrequentMistake(key, label, []))
            kata = next((k for k in group.katas if k.slug == run.slug), None)
            if kata is None:
                kata = MistakeInKata(run.slug, first=run.time)
                group.katas.append(kata)
            kata.runs += 1
            kata.last = run.time
            if words not in kata.words:
                kata.words.append(words)
    for group in groups.values():
        for kata in group.katas:
            now = latest[kata.slug]
            kata.fixed = now.ok or not any(family_of(w)[0] == group.key for w in now.mistakes)
        group.katas.sort(key=lambda k: (-k.runs, -k.last))
    return sorted(groups.values(), key=lambda g: (-len(g.katas), -g.runs, -g.last, g.label))


def summary_line(mistakes: list[FrequentMistake], limit: int = 3) -> str:
    """``your most frequent mistakes: the 1/n of a mean (4 katas), ...`` ('' if none)."""
    if not mistakes:
        return ""
    parts = []
    for group in mistakes[:limit]:
        count = len(group.katas)
        where = f"{count} kata{'s' if count != 1 else ''}"
        state = "fixed" if group.fixed else "not fixed yet"
        parts.append(f"{group.label} ({where}, {state})")
    more = f", and {len(mistakes) - limit} more" if len(mistakes) > limit else ""
    return "your most frequent mistakes: " + ", ".join(parts) + more
