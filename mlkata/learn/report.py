"""``mlkata report``: one self-contained HTML page of the learner's progress.

Inline CSS and inline SVG, no scripts and no external assets, so the file opens
anywhere, offline, and can be mailed, archived or printed. Sections, from
:func:`mlkata.learn.overview.overview`: totals; what next; the most frequent mistakes;
mastery per topic (passed / attempted / not started); the capstones, complete or
not (and the next kata each needs); points by graded day; a calendar
of activity; the katas still failing. Every chart has a text alternative (its
``aria-label``, and the numbers in the page), and colour is never the only signal:
bars carry their numbers and patterns, calendar days their counts in a tooltip and a
summary line.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from html import escape
from pathlib import Path

from mlkata.capstones.contents import Capstone
from mlkata.engine.curriculum import Curriculum
from mlkata.engine.progress import Run
from mlkata.learn.mistakes import FrequentMistake
from mlkata.learn.overview import Overview, TopicMastery, overview

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #1f2328; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
.muted { color: #57606a; }
.totals { display: flex; gap: 2rem; flex-wrap: wrap; }
.totals div { font-size: 1.4rem; font-weight: 600; }
.totals span { display: block; font-size: .8rem; font-weight: 400; color: #57606a; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: .3rem .5rem; vertical-align: top; }
th { font-size: .85rem; color: #57606a; font-weight: 600; }
tr + tr td { border-top: 1px solid #eaeef2; }
.message { white-space: pre-wrap; font-size: .85rem; }
.fixed::before { content: "✓ "; } .fixed { color: #1a7f37; }
.open::before { content: "✗ "; } .open { color: #cf222e; }
code { font-size: .85rem; }
svg text { font: 11px system-ui, sans-serif; fill: #57606a; }
.legend span { margin-right: 1rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; vertical-align: middle;
          border: 1px solid #57606a; margin-right: .25rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  h2, svg, table, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""

PASSED, ATTEMPTED, NOT_STARTED = "#2da44e", "#d4a72c", "#eaeef2"
MAX_KATAS_SHOWN = 6
"""Katas listed per mistake (those not fixed first); the others are counted."""


def _fmt(value: float) -> str:
    return f"{value:g}"


def _day(day: dt.date) -> str:
    return day.strftime("%d %b %Y").lstrip("0")


def nice_top(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above ``value`` (> 0)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value - 1e-9)


# ------------------------------------------------------------------------------ charts

W, H, LEFT, BOTTOM, PAD = 640, 240, 48, 34, 12


def points_chart(days: list[tuple[dt.date, float]]) -> str:
    """Points at the end of each graded day: a dot per day on an axis fitted to the
    data, with labelled dates and gridlines."""
    if not days:
        return '<p class="muted" id="points-chart">No graded runs yet.</p>'
    first, last = days[0][0], days[-1][0]
    span = max((last - first).days, 1)
    top = nice_top(max(p for _, p in days))
    plot_w, plot_h = W - LEFT - PAD, H - BOTTOM - PAD
    base = PAD + plot_h

    def x(day: dt.date) -> float:
        if first == last:
            return LEFT + plot_w / 2
        return LEFT + (day - first).days / span * plot_w

    def y(points: float) -> float:
        return base - points / top * plot_h

    parts = []
    for i in range(5):  # gridlines and their labels
        value = top * i / 4
        parts.append(
            f'<line x1="{LEFT}" y1="{y(value):.1f}" x2="{W - PAD}" y2="{y(value):.1f}" '
            f'stroke="#eaeef2"/><text x="{LEFT - 6}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end">{_fmt(round(value, 2))}</text>'
        )
    ticks = sorted({days[round(i * (len(days) - 1) / 4)][0] for i in range(5)})
    for day in ticks:
        anchor = "start" if day == ticks[0] else "end" if day == ticks[-1] else "middle"
        parts.append(
            f'<text x="{x(day):.1f}" y="{H - 12}" text-anchor="{anchor}">{_day(day)}</text>'
        )
    line = " ".join(f"{x(d):.1f},{y(p):.1f}" for d, p in days)
    parts.append(f'<polyline fill="none" stroke="#2da44e" stroke-width="2" points="{line}"/>')
    for day, points in days:
        parts.append(
            f'<circle cx="{x(day):.1f}" cy="{y(points):.1f}" r="3.5" fill="#1a7f37">'
            f"<title>{_day(day)}: {_fmt(points)} points</title></circle>"
        )
    label = (
        f"Points by graded day: {_fmt(days[0][1])} on {_day(first)}, "
        f"{_fmt(days[-1][1])} on {_day(last)}, over {len(days)} graded days"
    )
    return (
        f'<svg id="points-chart" xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
        f'viewBox="0 0 {W} {H}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
        f'<line x1="{LEFT}" y1="{base}" x2="{W - PAD}" y2="{base}" stroke="#8c959f"/>'
        + "".join(parts)
        + "</svg>"
    )


def mastery_chart(topics: list[TopicMastery]) -> str:
    """A stacked bar per topic: passed, attempted, not started, each with its count."""
    row, label_w, bar_w = 26, 230, 300
    height = row * len(topics) + 8
    defs = (
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#d4a72c"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>'
    )
    parts = []
    for i, t in enumerate(topics):
        total = max(t.passed + t.attempted + t.not_started, 1)
        y = 4 + i * row
        parts.append(f'<g class="topic" data-topic="{escape(t.topic)}">')
        parts.append(f'<text x="0" y="{y + 14}">{escape(t.title[:38])}</text>')
        start = label_w
        for count, fill in (
            (t.passed, PASSED),
            (t.attempted, "url(#hatch)"),
            (t.not_started, NOT_STARTED),
        ):
            width = count / total * bar_w
            if width:
                parts.append(
                    f'<rect x="{start:.1f}" y="{y}" width="{width:.1f}" height="18" '
                    f'fill="{fill}" stroke="#fff"/>'
                )
            start += width
        parts.append(
            f'<text x="{label_w + bar_w + 8}" y="{y + 14}">{t.passed} passed · '
            f"{t.attempted} attempted · {t.not_started} not started</text></g>"
        )
    label = "; ".join(
        f"{t.title}: {t.passed} passed, {t.attempted} attempted, {t.not_started} not started"
        for t in topics
    )
    legend = (
        '<p class="legend muted">'
        f'<span><i class="swatch" style="background:{PASSED}"></i>passed</span>'
        f'<span><i class="swatch" style="background:repeating-linear-gradient(45deg,'
        f'{ATTEMPTED},{ATTEMPTED} 3px,#fff 3px,#fff 5px)"></i>attempted, not passing yet</span>'
        f'<span><i class="swatch" style="background:{NOT_STARTED}"></i>not started</span></p>'
    )
    width = label_w + bar_w + 250
    return (
        f'<svg id="mastery-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}">'
        f"<title>Mastery per topic</title>{defs}{''.join(parts)}</svg>{legend}"
    )


def activity_calendar(activity: dict[dt.date, int], today: dt.date, weeks: int = 16) -> str:
    """Runs per day over the last ``weeks`` weeks, a square per day (Monday on top)."""
    start = today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))
    busiest = max(activity.values(), default=0)
    cell, gap, left = 13, 3, 30
    parts = [
        f'<text x="0" y="{10 + row * (cell + gap)}">{name}</text>'
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"))
    ]
    active = 0
    day = start
    while day <= today:
        week, weekday = (day - start).days // 7, day.weekday()
        runs = activity.get(day, 0)
        active += runs > 0
        shade = "#ebedf0" if not runs else _green(runs / busiest)
        parts.append(
            f'<rect x="{left + week * (cell + gap)}" y="{weekday * (cell + gap)}" width="{cell}" '
            f'height="{cell}" rx="2" fill="{shade}"><title>{_day(day)}: {runs} '
            f"run{'s' if runs != 1 else ''}</title></rect>"
        )
        if day.day == 1 or day == start:
            parts.append(
                f'<text x="{left + week * (cell + gap)}" y="{7 * (cell + gap) + 10}">'
                f"{day.strftime('%b')}</text>"
            )
        day += dt.timedelta(days=1)
    recent = {d: n for d, n in activity.items() if start <= d <= today}
    top_day = max(recent, key=recent.get, default=None)
    summary = f"{active} active day{'s' if active != 1 else ''} in the last {weeks} weeks"
    if top_day is not None:
        summary += f"; the busiest, {_day(top_day)}, with {recent[top_day]} runs"
    width = left + weeks * (cell + gap) + 24
    return (
        f'<svg id="activity-calendar" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{7 * (cell + gap) + 16}" role="img" aria-label="{escape(summary)}">'
        f"<title>{escape(summary)}</title>{''.join(parts)}</svg>"
        f'<p class="muted" id="activity-summary">{escape(summary)}.</p>'
    )


def _green(fraction: float) -> str:
    shades = ["#9be9a8", "#40c463", "#30a14e", "#216e39"]
    return shades[min(int(fraction * len(shades)), len(shades) - 1)]


# ---------------------------------------------------------------------------- sections


def _what_next(view: Overview, today: dt.date) -> str:
    items = []
    if view.next_kata is not None:
        k = view.next_kata.kata
        items.append(
            f'<li id="next-kata">Next on your path: <code>mlkata check {escape(k.slug)}</code> '
            f"— {escape(k.title)} ({escape(view.next_kata.status)})</li>"
        )
    else:
        items.append('<li id="next-kata">Every kata passes. Well done.</li>')
    for failing in view.failing[:3]:
        k = failing.standing.kata
        days = (today - dt.date.fromtimestamp(failing.failing_since)).days
        items.append(
            f'<li class="failing-longest">Failing for {days} day{"s" if days != 1 else ""}: '
            f"<code>{escape(k.slug)}</code> — {escape(k.title)}</li>"
        )
    hints = ""
    if view.hints:
        rows = "".join(
            f"<tr><td><code>{escape(slug)}</code></td><td>{shown}</td></tr>"
            for slug, shown in sorted(view.hints.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        hints = '<table id="hints"><tr><th>kata</th><th>hints used</th></tr>' + rows + "</table>"
    return f'<ul id="what-next">{"".join(items)}</ul>{hints}'


def _mistakes(view: Overview) -> str:
    if not view.mistakes:
        return '<p class="muted" id="mistakes">No named mistake yet.</p>'
    rows = []
    for group in view.mistakes[:12]:
        ordered = sorted(group.katas, key=lambda k: k.fixed)  # not fixed first
        katas = ", ".join(
            f"<code>{escape(k.slug)}</code> ×{k.runs} "
            + (
                '<span class="fixed">fixed</span>'
                if k.fixed
                else '<span class="open">not fixed</span>'
            )
            for k in ordered[:MAX_KATAS_SHOWN]
        )
        rest = ordered[MAX_KATAS_SHOWN:]
        if rest:
            katas += f", and {len(rest)} more ({sum(not k.fixed for k in rest)} not fixed)"
        words = "; ".join(dict.fromkeys(w for k in group.katas for w in k.words))
        rows.append(
            f'<tr class="mistake" data-key="{escape(group.key)}"><td>{escape(group.label)}'
            f'<br><span class="muted message">{escape(words)}</span></td>'
            f"<td>{len(group.katas)} kata{'s' if len(group.katas) != 1 else ''}, "
            f"{group.runs} run{'s' if group.runs != 1 else ''}<br>"
            f'<span class="muted">{_seen(group)}</span></td><td>{katas}</td></tr>'
        )
    return (
        '<table id="mistakes"><tr><th>mistake</th><th>how often</th><th>where</th></tr>'
        + "".join(rows)
        + "</table>"
    )


def _seen(group: FrequentMistake) -> str:
    """When a group of mistakes was first and last made."""
    first = dt.date.fromtimestamp(min(k.first for k in group.katas))
    last = dt.date.fromtimestamp(group.last)
    return f"on {_day(first)}" if first == last else f"from {_day(first)} to {_day(last)}"


def _capstones(view: Overview) -> str:
    if not view.capstones:
        return '<p class="muted" id="capstones">No capstone notebook in this copy.</p>'
    rows = []
    for capstone in view.capstones:
        if capstone.complete:
            state = '<span class="fixed">complete</span>: every kata it uses passes'
        else:
            state = (
                f'<span class="open">{capstone.passing} / {capstone.katas} katas passing</span>'
                f"; next: <code>mlkata check {escape(capstone.next_slug or '')}</code>"
            )
        rows.append(
            f'<tr class="capstone" data-name="{escape(capstone.name)}" '
            f'data-complete="{str(capstone.complete).lower()}">'
            f"<td>{escape(capstone.title)}<br><code>capstones/{escape(capstone.name)}.ipynb"
            f"</code></td><td>{state}</td></tr>"
        )
    done = sum(c.complete for c in view.capstones)
    return (
        f'<p id="capstones-summary">{done} of {len(view.capstones)} capstones complete.</p>'
        '<table id="capstones"><tr><th>capstone</th><th>your katas</th></tr>'
        + "".join(rows)
        + "</table>"
    )


def _failing(view: Overview) -> str:
    if not view.failing:
        return '<p class="muted" id="failing">No kata is failing.</p>'
    rows = "".join(
        f'<tr class="failing-kata" data-slug="{escape(f.standing.kata.slug)}">'
        f"<td><code>{escape(f.standing.kata.topic)}/{escape(f.standing.kata.slug)}</code><br>"
        f"{escape(f.standing.kata.title)}</td>"
        f"<td>{f.standing.last.passed}/{f.standing.last.passed + f.standing.last.failed} checks"
        f'</td><td class="message">{escape(f.standing.last.message)}</td></tr>'
        for f in view.failing
        if f.standing.last is not None
    )
    return f'<table id="failing">{rows}</table>'


def render(
    curriculum: Curriculum,
    runs: list[Run],
    now: dt.datetime | None = None,
    hints: dict[str, int] | None = None,
    capstones: Sequence[Capstone] = (),
) -> str:
    """The whole page as a string."""
    view = overview(curriculum, runs, hints, now, capstones)
    today = view.generated.date()
    not_started = sum(t.not_started for t in view.topics)
    generated = view.generated.strftime("%Y-%m-%d %H:%M")
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
<p class="muted">Generated {generated} from {view.runs} graded runs.</p>
<div class="totals">
<div id="total-points">{_fmt(view.points)} / {_fmt(view.possible)}<span>points</span></div>
<div id="katas-passing">{view.passing} / {view.katas}<span>katas passing</span></div>
<div id="not-started">{not_started}<span>katas not started</span></div>
<div id="week">{view.week}<span>passed this week</span></div>
<div id="streak">{view.streak}<span>day streak</span></div>
</div>
<h2>What next</h2>
{_what_next(view, today)}
<h2>Your most frequent mistakes</h2>
{_mistakes(view)}
<h2>Mastery per topic</h2>
{mastery_chart(view.topics)}
<h2>Capstones</h2>
{_capstones(view)}
<h2>Points by graded day</h2>
{points_chart(view.days)}
<h2>Activity</h2>
{activity_calendar(view.activity, today)}
<h2>Still failing</h2>
{_failing(view)}
</body>
</html>
"""


def write_report(
    path: Path,
    curriculum: Curriculum,
    runs: list[Run],
    hints: dict[str, int] | None = None,
    capstones: Sequence[Capstone] = (),
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(curriculum, runs, hints=hints, capstones=capstones), encoding="utf-8")
    return path
