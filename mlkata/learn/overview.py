"""Everything ``mlkata progress --json`` and ``mlkata report`` show, computed once.

A pure function of the curriculum, the recorded runs, the hints seen and today's date:
totals, per-topic mastery (passed / attempted / not started), the points at the end of
each graded day, the runs per day, the most frequent mistakes, what to do next and how
far each capstone is (complete when every kata it uses passes).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlkata.capstones.contents import Capstone
from mlkata.engine.curriculum import Curriculum
from mlkata.engine.progress import Run
from mlkata.learn.mistakes import FrequentMistake, frequent_mistakes
from mlkata.learn.standing import (
    FAILING,
    NOT_STARTED,
    PASSING,
    KataStanding,
    kata_standings,
    local_date,
    next_unfinished,
    passed_this_week,
    points_timeline,
    streak,
)


@dataclass(frozen=True)
class TopicMastery:
    topic: str
    title: str
    passed: int
    attempted: int  # graded, not passing yet
    not_started: int
    points: float
    possible: float


@dataclass(frozen=True)
class CapstoneStanding:
    """How far a capstone is: the katas it uses that pass, and the next one to do."""

    name: str
    title: str
    passing: int
    katas: int
    next_slug: str | None  # the first kata it uses, on the learning path, not passing yet

    @property
    def complete(self) -> bool:
        return self.passing == self.katas


@dataclass(frozen=True)
class Failing:
    """A kata that does not pass yet although it was graded."""

    standing: KataStanding
    failing_since: float  # the first run of its current failing streak


@dataclass
class Overview:
    generated: dt.datetime
    runs: int
    points: float
    possible: float
    passing: int
    katas: int
    week: int
    streak: int
    topics: list[TopicMastery]
    days: list[tuple[dt.date, float]]  # points at the end of each graded day
    activity: dict[dt.date, int]  # runs per day
    mistakes: list[FrequentMistake]
    next_kata: KataStanding | None
    failing: list[Failing]  # failing the longest first
    hints: dict[str, int] = field(default_factory=dict)
    capstones: list[CapstoneStanding] = field(default_factory=list)

    def as_json(self) -> dict:
        """A JSON-ready dict (dates as ISO strings, times as Unix seconds)."""

        def kata(standing: KataStanding | None) -> dict | None:
            if standing is None:
                return None
            k = standing.kata
            return {"topic": k.topic, "slug": k.slug, "title": k.title, "status": standing.status}

        return {
            "generated": self.generated.isoformat(timespec="seconds"),
            "runs": self.runs,
            "points": self.points,
            "possible": self.possible,
            "katas": {"passing": self.passing, "total": self.katas},
            "passed_this_week": self.week,
            "streak_days": self.streak,
            "topics": [vars(t) for t in self.topics],
            "points_by_day": [{"date": d.isoformat(), "points": p} for d, p in self.days],
            "runs_by_day": {d.isoformat(): n for d, n in sorted(self.activity.items())},
            "mistakes": [m.as_dict() for m in self.mistakes],
            "next": kata(self.next_kata),
            "failing": [
                {**kata(f.standing), "since": f.failing_since, "message": f.standing.last.message}
                for f in self.failing
                if f.standing.last is not None
            ],
            "hints_shown": dict(sorted(self.hints.items())),
            "capstones": [{**vars(c), "complete": c.complete} for c in self.capstones],
        }


def _topics(curriculum: Curriculum, standings: list[KataStanding]) -> list[TopicMastery]:
    topics = []
    for topic in curriculum.topics:
        mine = [s for s in standings if s.kata.topic == topic]
        if not mine:
            continue
        count = Counter(s.status for s in mine)
        topics.append(
            TopicMastery(
                topic,
                curriculum.title_of(topic),
                count[PASSING],
                count[FAILING],
                count[NOT_STARTED],
                round(sum(s.points for s in mine), 2),
                round(sum(s.possible for s in mine), 2),
            )
        )
    return topics


def _capstones(
    capstones: Sequence[Capstone], standings: list[KataStanding]
) -> list[CapstoneStanding]:
    status = {s.kata.slug: s.status for s in standings}
    order = {s.kata.slug: i for i, s in enumerate(standings)}  # the learning path
    result = []
    for capstone in capstones:
        slugs = sorted((slug for slug in capstone.slugs if slug in status), key=order.get)
        waiting = [slug for slug in slugs if status[slug] != PASSING]
        result.append(
            CapstoneStanding(
                capstone.name,
                capstone.title,
                len(slugs) - len(waiting),
                len(slugs),
                waiting[0] if waiting else None,
            )
        )
    return result


def _failing(standings: list[KataStanding], runs: list[Run]) -> list[Failing]:
    since: dict[str, float] = {}
    for run in runs:  # oldest first: a pass ends a failing streak
        if run.ok:
            since.pop(run.slug, None)
        elif run.conclusive:
            since.setdefault(run.slug, run.time)
    failing = [
        Failing(s, since.get(s.kata.slug, s.last.time if s.last else 0.0))
        for s in standings
        if s.status == FAILING
    ]
    return sorted(failing, key=lambda f: f.failing_since)


def overview(
    curriculum: Curriculum,
    runs: list[Run],
    hints: dict[str, int] | None = None,
    now: dt.datetime | None = None,
    capstones: Sequence[Capstone] = (),
) -> Overview:
    now = now or dt.datetime.now()
    today = now.date()
    standings = kata_standings(curriculum, runs)
    days: dict[dt.date, float] = {}
    for time, total in points_timeline(curriculum, runs):
        days[local_date(time)] = total  # the last total of the day
    return Overview(
        generated=now,
        runs=len(runs),
        points=round(sum(s.points for s in standings), 2),
        possible=round(sum(s.possible for s in standings), 2),
        passing=sum(s.status == PASSING for s in standings),
        katas=len(standings),
        week=passed_this_week(curriculum, runs, today),
        streak=streak(runs, today),
        topics=_topics(curriculum, standings),
        days=sorted(days.items()),
        activity=dict(Counter(local_date(r.time) for r in runs)),
        mistakes=frequent_mistakes(runs),
        next_kata=next_unfinished(standings),
        failing=_failing(standings, runs),
        hints=dict(hints or {}),
        capstones=_capstones(capstones, standings),
    )
