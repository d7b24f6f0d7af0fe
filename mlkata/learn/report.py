"""``mlkata report``: one self-contained HTML page of the learner's progress.

Inline CSS and an inline SVG chart, no scripts and no external assets, so the file can
be opened anywhere, mailed or archived. Sections: totals, progress per topic, points
over time, and the katas still failing with their last message.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from mlkata.engine.curriculum import Curriculum
from mlkata.engine.progress import Run
from mlkata.learn.standing import (
    FAILING,
    PASSING,
    kata_standings,
    passed_this_week,
    points_timeline,
    streak,
    topic_standings,
)

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 56rem; margin: 2rem auto;
       padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
.muted { color: #656d76; }
.totals { display: flex; gap: 2rem; flex-wrap: wrap; }
.totals div { font-size: 1.4rem; font-weight: 600; }
.totals span { display: block; font-size: .8rem; font-weight: 400; color: #656d76; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: .3rem .5rem; vertical-align: top; }
tr + tr td { border-top: 1px solid #eaeef2; }
.bar { background: #eaeef2; border-radius: 4px; height: .8rem; width: 14rem; }
.bar > div { background: #2da44e; border-radius: 4px; height: 100%; }
.failing { color: #cf222e; white-space: pre-wrap; }
.passing { color: #1a7f37; }
code { font-size: .85rem; }
svg text { font: 11px system-ui, sans-serif; fill: #656d76; }
"""

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD = 640, 240, 44, 28, 10


def _fmt(value: float) -> str:
    return f"{value:g}"


def points_chart(timeline: list[tuple[float, float]], possible: float, now: float) -> str:
    """An inline SVG step chart of total points, from the first graded run until now."""
    if not timeline:
        return '<p class="muted" id="no-history">No graded runs yet.</p>'
    start, end = timeline[0][0], max(now, timeline[-1][0])
    span = max(end - start, 1.0)
    top = max(possible, max(p for _, p in timeline), 1.0)
    plot_w, plot_h = WIDTH - PAD_LEFT - PAD, HEIGHT - PAD_BOTTOM - PAD

    def x(t: float) -> float:
        return PAD_LEFT + (t - start) / span * plot_w

    def y(p: float) -> float:
        return PAD + plot_h - p / top * plot_h

    points: list[str] = []
    previous = 0.0
    for t, total in timeline:
        points.append(f"{x(t):.1f},{y(previous):.1f}")
        points.append(f"{x(t):.1f},{y(total):.1f}")
        previous = total
    points.append(f"{x(end):.1f},{y(previous):.1f}")  # flat until now
    first = dt.datetime.fromtimestamp(start).strftime("%Y-%m-%d %H:%M")
    last = dt.datetime.fromtimestamp(end).strftime("%Y-%m-%d %H:%M")
    base = PAD + plot_h
    return (
        f'<svg id="points-chart" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" '
        f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="points over time">'
        f'<line x1="{PAD_LEFT}" y1="{base}" x2="{WIDTH - PAD}" y2="{base}" stroke="#d0d7de"/>'
        f'<line x1="{PAD_LEFT}" y1="{PAD}" x2="{PAD_LEFT}" y2="{base}" stroke="#d0d7de"/>'
        f'<text x="{PAD_LEFT - 6}" y="{PAD + 4}" text-anchor="end">{_fmt(top)}</text>'
        f'<text x="{PAD_LEFT - 6}" y="{base + 4}" text-anchor="end">0</text>'
        f'<text x="{PAD_LEFT}" y="{HEIGHT - 8}">{first}</text>'
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" text-anchor="end">{last}</text>'
        f'<polyline fill="none" stroke="#2da44e" stroke-width="2" '
        f'points="{" ".join(points)}"/>'
        "</svg>"
    )


def render(curriculum: Curriculum, runs: list[Run], now: dt.datetime | None = None) -> str:
    """The whole page as a string."""
    now = now or dt.datetime.now()
    today = now.date()
    standings = kata_standings(curriculum, runs)
    topics = topic_standings(curriculum, standings)
    points = sum(s.points for s in standings)
    possible = sum(s.possible for s in standings)
    passing = sum(s.status == PASSING for s in standings)
    rows = []
    for t in topics:
        fraction = t.points / t.possible if t.possible else 0.0
        rows.append(
            f'<tr class="topic" data-topic="{escape(t.topic)}"><td>{escape(t.title)}</td>'
            f'<td><div class="bar"><div style="width:{fraction * 100:.1f}%"></div></div></td>'
            f"<td>{t.passing}/{len(t.katas)} katas</td>"
            f"<td>{_fmt(t.points)}/{_fmt(t.possible)} pts</td></tr>"
        )
    failing = [s for s in standings if s.status == FAILING]
    if failing:
        failing_rows = "".join(
            f'<tr class="failing-kata" data-slug="{escape(s.kata.slug)}">'
            f"<td><code>{escape(s.kata.topic)}/{escape(s.kata.slug)}</code><br>"
            f"{escape(s.kata.title)}</td>"
            f"<td>{s.last.passed}/{s.last.passed + s.last.failed} checks</td>"
            f'<td class="failing">{escape(s.last.message)}</td></tr>'
            for s in failing
            if s.last is not None
        )
        failing_html = f'<table id="failing">{failing_rows}</table>'
    else:
        failing_html = '<p class="muted" id="failing">No kata is failing.</p>'
    generated = now.strftime("%Y-%m-%d %H:%M")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlkata progress</title>
<style>{CSS}</style>
</head>
<body>
<h1>mlkata progress</h1>
<p class="muted">Generated {generated} from {len(runs)} graded runs.</p>
<div class="totals">
<div id="total-points">{_fmt(points)} / {_fmt(possible)}<span>points</span></div>
<div id="katas-passing">{passing} / {len(standings)}<span>katas passing</span></div>
<div id="week">{passed_this_week(curriculum, runs, today)}<span>passed this week</span></div>
<div id="streak">{streak(runs, today)}<span>day streak</span></div>
</div>
<h2>Progress per topic</h2>
<table id="topics">{"".join(rows)}</table>
<h2>Points over time</h2>
{points_chart(points_timeline(curriculum, runs), possible, now.timestamp())}
<h2>Still failing</h2>
{failing_html}
</body>
</html>
"""


def write_report(path: Path, curriculum: Curriculum, runs: list[Run]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(curriculum, runs), encoding="utf-8")
    return path
