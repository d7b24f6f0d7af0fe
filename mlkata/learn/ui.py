"""What the learner sees: rich output on a terminal, plain text otherwise.

Every ``show_*`` function renders one command's result. rich is imported only when
the output is a terminal (or ``FORCE_COLOR`` is set), so piped output and tests stay
plain and fast. ``MLKATA_PLAIN=1`` (or ``TERM=dumb``) forces plain text.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

from mlkata.learn.standing import FAILING, PASSING, KataStanding, TopicStanding

if TYPE_CHECKING:
    from mlkata.engine.curriculum import Kata
    from mlkata.engine.run import Graded

STATUS_STYLE = {PASSING: "green", FAILING: "red"}
BAR_WIDTH = 20


def wants_rich() -> bool:
    if os.environ.get("MLKATA_PLAIN") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


class Output:
    """Where lines go: a rich Console, or plain ``print``."""

    def __init__(self, rich: bool | None = None) -> None:
        self.rich = wants_rich() if rich is None else rich
        self.console: Any = None
        if self.rich:
            from rich.console import Console

            self.console = Console(highlight=False)

    def line(self, text: str = "", style: str | None = None) -> None:
        if self.console is not None:
            self.console.print(_escape(text), style=style)
        else:
            print(text, flush=True)

    def render(self, renderable: Any) -> None:
        self.console.print(renderable)

    def clear(self) -> None:
        if self.console is not None:
            self.console.clear()


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def fmt(points: float) -> str:
    return f"{points:g}"


def check_name(name: str) -> str:
    """``test_pca_documented_example[2d]`` -> ``pca documented example [2d]``."""
    base, _, param = name.partition("[")
    text = base.removeprefix("test_").replace("_", " ")
    return f"{text} [{param}" if param else text


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


# -- check / watch ----------------------------------------------------------------


def show_check(out: Output, graded: Graded) -> None:
    kata = graded.kata
    out.line(f"{kata.topic}/{kata.slug}: {kata.title}", style="bold")
    for check in graded.checks:
        if out.rich:
            mark, style = ("✓", "green") if check.passed else ("✗", "red")
            out.line(f"  {mark} {check_name(check.name)}", style=style)
        else:
            out.line(f"  {'pass' if check.passed else 'FAIL'}  {check_name(check.name)}")
    result = graded.result
    summary = (
        f"{result.passed} of {result.total} checks pass, "
        f"{fmt(graded.points)} of {fmt(kata.points)} points"
    )
    if graded.ok:
        out.line(f"PASS  {summary}", style="bold green")
    else:
        out.line(f"FAIL  {summary}", style="bold red")
        failing = next((c for c in graded.checks if not c.passed), None)
        where = f" ({check_name(failing.name)})" if failing and not graded.errors else ""
        out.line(f"first failure{where}: {graded.first_failure}", style="red")


def show_watch_header(out: Output, kata: Kata, path: str) -> None:
    out.line(f"watching {path}: save it to re-grade, Ctrl-C to stop", style="dim")


def show_graded_at(out: Output, graded: Graded) -> None:
    stamp = time.strftime("%H:%M:%S")
    out.line(f"graded at {stamp} in {graded.seconds * 1000:.0f} ms", style="dim")


# -- list / next / progress ---------------------------------------------------------


def show_list(out: Output, topics: list[TopicStanding]) -> None:
    number = 0
    slug_width = max((len(s.kata.slug) for t in topics for s in t.katas), default=4)
    if out.rich:
        from rich.table import Table

        for topic in topics:
            # One table per topic, with the same fixed columns, so that they line up.
            table = Table(
                title=_escape(topic.title),
                title_justify="left",
                title_style="bold",
                show_header=False,
                box=None,
                pad_edge=False,
                expand=True,
            )
            table.add_column(justify="right", width=4, no_wrap=True)
            table.add_column(width=slug_width, no_wrap=True)
            table.add_column(width=11, no_wrap=True)
            table.add_column(justify="right", width=9, no_wrap=True)
            table.add_column(ratio=1, min_width=10, no_wrap=True, overflow="ellipsis")
            for s in topic.katas:
                number += 1
                style = STATUS_STYLE.get(s.status, "dim")
                table.add_row(
                    f"{number}.",
                    s.kata.slug,
                    f"[{style}]{s.status}[/]",
                    f"{fmt(s.points)}/{fmt(s.possible)} pts",
                    _escape(s.kata.title),
                )
            out.render(table)
        return
    for topic in topics:
        out.line(topic.title)
        for s in topic.katas:
            number += 1
            score = f"{fmt(s.points)}/{fmt(s.possible)}"
            out.line(
                f"  {number:>2}. {s.kata.slug:<{slug_width}}  {s.status:<11}  "
                f"{score:>9} pts  {s.kata.title}"
            )


def show_next(out: Output, standing: KataStanding | None, exercises: str) -> None:
    if standing is None:
        out.line("Every kata passes. Well done!", style="bold green")
        return
    kata = standing.kata
    out.line(f"Next: {kata.title} ({kata.slug}), {standing.status}", style="bold")
    out.line(f"  file:        {exercises}/{kata.path}")
    out.line(f"  difficulty:  {kata.difficulty} of 5, {fmt(kata.points)} points")
    if kata.prerequisites:
        out.line(f"  builds on:   {', '.join(kata.prerequisites)}")
    if standing.last is not None and standing.status == FAILING:
        out.line(f"  last result: {standing.last.message}")
    out.line(f"  then:        mlkata check {kata.slug}   (or: mlkata watch {kata.slug})")


def show_progress(
    out: Output,
    topics: list[TopicStanding],
    week: int,
    streak: int,
) -> None:
    points = sum(t.points for t in topics)
    possible = sum(t.possible for t in topics)
    passing = sum(t.passing for t in topics)
    total = sum(len(t.katas) for t in topics)
    if out.rich:
        from rich.progress_bar import ProgressBar
        from rich.table import Table

        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(no_wrap=True)
        for _ in range(3):
            table.add_column(no_wrap=True)
        for t in topics:
            table.add_row(
                _escape(t.title),
                ProgressBar(
                    total=max(t.possible, 1e-9),
                    completed=t.points,
                    width=BAR_WIDTH,
                    complete_style="green",
                    finished_style="bold green",
                ),
                f"{t.passing}/{len(t.katas)} katas",
                f"{fmt(t.points)}/{fmt(t.possible)} pts",
            )
        out.render(table)
    else:
        width = max((len(t.title) for t in topics), default=5)
        for t in topics:
            fraction = t.points / t.possible if t.possible else 0.0
            out.line(
                f"{t.title:<{width}}  {bar(fraction)}  {t.passing}/{len(t.katas)} katas  "
                f"{fmt(t.points)}/{fmt(t.possible)} pts"
            )
    out.line()
    out.line(f"points: {fmt(points)} of {fmt(possible)}   katas passing: {passing} of {total}")
    days = "day" if streak == 1 else "days"
    out.line(f"passed this week: {week}   streak: {streak} {days}")


def show_hint(out: Output, kata: Kata, number: int, text: str) -> None:
    total = len(kata.hints)
    out.line(f"Hint {number} of {total} for {kata.slug}:", style="bold")
    out.line(f"  {text}")
    if number >= total:
        out.line("That was the last hint.", style="dim")
