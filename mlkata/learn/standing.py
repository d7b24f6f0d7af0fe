"""Where a learner stands: each kata's status and points, per-topic totals, streaks.

Pure functions of the curriculum and the recorded runs (``mlkata.engine.progress.Run``), so
the CLI, the report and the tests share one definition of "passing".

A kata's status comes from its latest *conclusive* run: one in which every check ran,
or one with a failure. A partial run that passed (``pytest graders -k 'pca and
example'``) does not make a kata pass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mlkata.engine.curriculum import Curriculum, Kata
from mlkata.engine.progress import Run

NOT_STARTED = "not started"
FAILING = "failing"
PASSING = "passing"


@dataclass(frozen=True)
class KataStanding:
    kata: Kata
    status: str
    points: float
    last: Run | None  # the run that set the status

    @property
    def possible(self) -> float:
        return self.kata.points


@dataclass(frozen=True)
class TopicStanding:
    topic: str
    title: str
    katas: list[KataStanding]

    @property
    def passing(self) -> int:
        return sum(k.status == PASSING for k in self.katas)

    @property
    def points(self) -> float:
        return sum(k.points for k in self.katas)

    @property
    def possible(self) -> float:
        return sum(k.possible for k in self.katas)


def kata_standings(curriculum: Curriculum, runs: list[Run]) -> list[KataStanding]:
    """Every kata of the curriculum, in order, with its status from the runs."""
    latest: dict[str, Run] = {}
    for run in runs:  # oldest first
        if run.conclusive:
            latest[run.slug] = run
    standings = []
    for kata in curriculum.katas:
        run = latest.get(kata.slug)
        if run is None:
            standings.append(KataStanding(kata, NOT_STARTED, 0.0, None))
        else:
            status = PASSING if run.ok else FAILING
            standings.append(KataStanding(kata, status, _points(kata, run), run))
    return standings


def _points(kata: Kata, run: Run) -> float:
    """Points of a run, rescaled if the kata's total changed since it was recorded."""
    if run.possible:
        return kata.earned(run.points / run.possible)
    return kata.points if run.ok else 0.0


def topic_standings(curriculum: Curriculum, standings: list[KataStanding]) -> list[TopicStanding]:
    return [
        TopicStanding(
            topic,
            curriculum.title_of(topic),
            [s for s in standings if s.kata.topic == topic],
        )
        for topic in curriculum.topics
    ]


def next_unfinished(standings: list[KataStanding]) -> KataStanding | None:
    """The first kata of the path that does not pass yet."""
    return next((s for s in standings if s.status != PASSING), None)


LAST_GRADED = "the last kata you graded that does not pass yet"
NEXT_ON_PATH = "the next unfinished kata on your path"


def current_kata(standings: list[KataStanding], runs: list[Run]) -> tuple[KataStanding, str] | None:
    """The kata the learner is on, and why: the last graded kata that does not pass yet,
    else the next unfinished one on the path (None when every kata passes)."""
    by_slug = {s.kata.slug: s for s in standings}
    for run in reversed(runs):  # newest first
        standing = by_slug.get(run.slug)
        if standing is not None and standing.status != PASSING:
            return standing, LAST_GRADED
    standing = next_unfinished(standings)
    return (standing, NEXT_ON_PATH) if standing is not None else None


def local_date(timestamp: float) -> dt.date:
    return dt.datetime.fromtimestamp(timestamp).date()


def streak(runs: list[Run], today: dt.date) -> int:
    """Consecutive days with a graded run, ending today (or yesterday, if none yet today)."""
    days = {local_date(r.time) for r in runs}
    day = today if today in days else today - dt.timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= dt.timedelta(days=1)
    return count


def week_start(today: dt.date) -> dt.date:
    """Monday of ``today``'s week."""
    return today - dt.timedelta(days=today.weekday())


def passed_this_week(curriculum: Curriculum, runs: list[Run], today: dt.date) -> int:
    """Katas of the curriculum that passed for the first time this week (since Monday)."""
    known = {k.slug for k in curriculum.katas}
    first_pass: dict[str, dt.date] = {}
    for run in runs:
        if run.ok and run.slug in known and run.slug not in first_pass:
            first_pass[run.slug] = local_date(run.time)
    start = week_start(today)
    return sum(start <= day <= today for day in first_pass.values())


def points_timeline(curriculum: Curriculum, runs: list[Run]) -> list[tuple[float, float]]:
    """``(time, total points)`` after each conclusive run, oldest first."""
    katas = {k.slug: k for k in curriculum.katas}
    current: dict[str, float] = {}
    timeline: list[tuple[float, float]] = []
    running = 0.0
    for run in runs:
        kata = katas.get(run.slug)
        if kata is None or not run.conclusive:
            continue
        points = _points(kata, run)
        running += points - current.get(run.slug, 0.0)
        current[run.slug] = points
        total = round(running, 2)
        if timeline and timeline[-1][0] == run.time:
            timeline[-1] = (run.time, total)  # katas graded in the same run
        else:
            timeline.append((run.time, total))
    return timeline
