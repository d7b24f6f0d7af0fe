"""Where a learner stands: status, points, streak, this week, and the HTML report."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from mlkata.engine.curriculum import Curriculum, Kata
from mlkata.engine.progress import Run
from mlkata.learn.report import render
from mlkata.learn.standing import (
    FAILING,
    NOT_STARTED,
    PASSING,
    kata_standings,
    next_unfinished,
    passed_this_week,
    points_timeline,
    streak,
)

KATAS = (
    Kata("calculus", "mse", "MSE", 1, 10.0, (), ("h1", "h2")),
    Kata("calculus", "backprop", "Backprop", 4, 20.0, ("mse",), ("h1", "h2")),
    Kata("statistics", "mle", "MLE", 1, 5.0, (), ("h1", "h2")),
)
CURRICULUM = Curriculum(KATAS, {"calculus": "Calculus", "statistics": "Statistics"})
TODAY = dt.date(2026, 11, 19)  # a Thursday
NOW = dt.datetime(2026, 11, 19, 18)


def at(day: dt.date, hour: int = 12) -> float:
    return dt.datetime(day.year, day.month, day.day, hour).timestamp()


def run(slug, passed, failed, when, complete=True, message="", possible=None):
    kata = next(k for k in KATAS if k.slug == slug)
    total = possible or kata.points
    points = round(total * passed / (passed + failed), 2) if passed + failed else 0.0
    return Run(when, kata.topic, slug, passed, failed, complete, points, total, message)


def days_ago(n: int) -> float:
    return at(TODAY - dt.timedelta(days=n))


def test_status_comes_from_the_latest_conclusive_run():
    """Is a kata passing only when its latest complete (or failing) run passed entirely?"""
    runs = [
        run("mse", 10, 0, days_ago(3)),
        run("mse", 8, 2, days_ago(2)),  # broken again: failing
        run("mle", 4, 0, days_ago(1), complete=False),  # part of the checks: says nothing
        run("backprop", 3, 0, days_ago(1)),
        run("backprop", 1, 0, days_ago(0), complete=False),
    ]
    standings = {s.kata.slug: s for s in kata_standings(CURRICULUM, runs)}
    assert standings["mse"].status == FAILING and standings["mse"].points == 8.0
    assert standings["mle"].status == NOT_STARTED and standings["mle"].points == 0.0
    assert standings["backprop"].status == PASSING and standings["backprop"].points == 20.0
    assert next_unfinished(list(standings.values())).kata.slug == "mse"


def test_a_partial_run_with_a_failure_makes_a_kata_fail():
    """Does a `-k` run that fails a check count, even though not every check ran?"""
    runs = [run("mle", 5, 0, days_ago(2)), run("mle", 0, 1, days_ago(1), complete=False)]
    (mle,) = [s for s in kata_standings(CURRICULUM, runs) if s.kata.slug == "mle"]
    assert mle.status == FAILING


def test_points_follow_a_change_of_the_katas_total():
    """Recorded out of 4 points, now worth 5: are the points rescaled?"""
    runs = [run("mle", 1, 1, days_ago(1), possible=4.0)]
    (mle,) = [s for s in kata_standings(CURRICULUM, runs) if s.kata.slug == "mle"]
    assert mle.points == 2.5


def test_streak_counts_consecutive_days_ending_today_or_yesterday():
    """Is the streak the run of consecutive days with practice, still alive until today ends?"""
    assert streak([], TODAY) == 0
    practice = [run("mse", 0, 1, days_ago(n)) for n in (1, 2, 3, 5)]
    assert streak(practice, TODAY) == 3  # yesterday, and the two days before
    assert streak([*practice, run("mse", 0, 1, at(TODAY, 8))], TODAY) == 4
    assert streak([run("mse", 0, 1, days_ago(2))], TODAY) == 0


def test_passed_this_week_counts_first_passes_since_monday():
    """Are only katas first passed since Monday counted, each once?"""
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    runs = [
        run("mse", 10, 0, at(monday - dt.timedelta(days=1))),  # Sunday: last week
        run("mse", 10, 0, at(monday)),  # passed again: not new
        run("mle", 5, 0, at(monday, 9)),
        run("mle", 5, 0, at(TODAY)),
        run("backprop", 3, 1, at(TODAY)),
    ]
    assert passed_this_week(CURRICULUM, runs, TODAY) == 1


def test_points_timeline_adds_each_katas_latest_points():
    """Is the total after each run the sum of every kata's latest points?"""
    runs = [
        run("mse", 5, 5, days_ago(3)),
        run("mse", 10, 0, days_ago(2)),
        run("mle", 5, 0, days_ago(2) + 60),
        run("mse", 0, 10, days_ago(1)),
        run("mle", 1, 0, days_ago(0), complete=False),  # partial and passing: no change
    ]
    assert [p for _, p in points_timeline(CURRICULUM, runs)] == [5.0, 10.0, 15.0, 5.0]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag, **attrs) -> list[dict]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_report_is_one_self_contained_page():
    """Does the report carry its own CSS and SVG, with no script or outside address?"""
    runs = [run("mse", 10, 0, days_ago(2)), run("mle", 2, 3, days_ago(1), message="wrong")]
    page = parse(render(CURRICULUM, runs, NOW))

    assert page.find("style") and page.find("svg", id="points-chart")
    assert not page.find("script") and not page.find("link") and not page.find("img")
    addresses = [a.get("href") or a.get("src") for _, a in page.tags]
    assert not [a for a in addresses if a], addresses


def test_report_shows_topics_points_chart_and_failing_katas():
    """Does it show each topic's mastery, a point per graded day, and what still fails?"""
    runs = [
        run("mse", 5, 5, days_ago(3)),
        run("mse", 10, 0, days_ago(2)),
        run("mle", 2, 3, days_ago(1), message="variance is wrong: got <1.5>, expected 2"),
        run("mle", 2, 3, days_ago(1) + 60, message="variance is wrong: got <1.5>, expected 2"),
    ]
    html = render(CURRICULUM, runs, NOW)
    page = parse(html)

    topics = page.find("g", **{"class": "topic"})
    assert [t["data-topic"] for t in topics] == ["calculus", "statistics"]
    text = "".join(page.text)
    assert "1 passed · 0 attempted · 1 not started" in text  # calculus
    assert "0 passed · 1 attempted · 0 not started" in text  # statistics
    (chart_line,) = page.find("polyline")
    assert len(chart_line["points"].split()) == 3  # three graded days, one point each
    assert len(page.find("circle")) == 3
    (failing,) = page.find("tr", **{"class": "failing-kata"})
    assert failing["data-slug"] == "mle"
    assert "variance is wrong: got <1.5>, expected 2" in text  # escaped, shown as written
    assert "&lt;1.5&gt;" in html
    assert "12 / 35" in text  # 10 (mse) + 2 (mle) of 10 + 20 + 5


def test_report_without_history_says_so():
    """With nothing recorded, is there no chart but a sentence, and no failing kata?"""
    page = parse(render(CURRICULUM, [], NOW))
    assert not page.find("svg", id="points-chart") and not page.find("polyline")
    assert page.find("p", id="points-chart") and page.find("p", id="failing")
    assert page.find("p", id="mistakes")
