"""What the learner sees: rich output on a terminal, plain text otherwise.

Every ``show_*`` function renders one command's result. rich is imported only when
the output is a terminal (or ``FORCE_COLOR`` is set), so piped output and tests stay
plain and fast. ``MLKATA_PLAIN=1`` (or ``TERM=dumb``) forces plain text.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import TYPE_CHECKING, Any

from mlkata.learn.standing import FAILING, PASSING, KataStanding, TopicStanding

if TYPE_CHECKING:
    from mlkata.engine.curriculum import Kata
    from mlkata.engine.run import Graded

STATUS_STYLE = {PASSING: "green", FAILING: "red"}
BAR_WIDTH = 20
MESSAGE_LINES = 15  # at most this many lines of a failure message without --verbose
MESSAGE_ROWS = 2  # without --verbose, a longer line is cut to this many terminal rows
MESSAGE_INDENT = "    "
PLAIN_WIDTH = 100  # line width when the output is not a terminal (and COLUMNS is unset)


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

    @property
    def width(self) -> int:
        """Characters per line: the terminal's, else ``COLUMNS``, else ``PLAIN_WIDTH``."""
        if self.console is not None:
            return int(self.console.width)
        return shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns

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


def stars(difficulty: int, rich: bool) -> str:
    """A difficulty of 1 to 5: ``★★☆☆☆`` on a terminal, ``2/5`` in plain text."""
    return "★" * difficulty + "☆" * (5 - difficulty) if rich else f"{difficulty}/5"


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


# -- check / watch ----------------------------------------------------------------


def message_lines(message: str, width: int | None, limit: int | None) -> list[str]:
    """A failure message as lines to print: blank edges dropped, then (unless None)
    at most ``limit`` lines and each cut to ``width`` characters, cuts marked."""
    lines = [line.rstrip() for line in message.strip("\n").splitlines()]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if limit is not None and len(lines) > limit:
        hidden = len(lines) - (limit - 1)
        lines = [*lines[: limit - 1], f"… {hidden} more lines"]
    if width is not None:
        width = max(width, 20)
        lines = [line if len(line) <= width else line[: width - 1] + "…" for line in lines]
    return lines


def _show_message(out: Output, message: str, indent: str, verbose: bool) -> bool:
    """Print a message indented under what it belongs to; was anything cut?"""
    full = message_lines(message, None, None)
    width = MESSAGE_ROWS * out.width - len(indent)
    shown = full if verbose else message_lines(message, width, MESSAGE_LINES)
    for line in shown:
        out.line(f"{indent}{line}", style="red")
    return shown != full


def show_check(out: Output, graded: Graded, verbose: bool = False, more: str = "") -> None:
    """One graded kata: its checks, the score, and what fails.

    The first failing check's whole message is shown (at most ``MESSAGE_LINES`` lines,
    each at most ``MESSAGE_ROWS`` terminal rows); with ``verbose``, every failing
    check's message in full, under the check. ``more`` is the command that shows
    everything, offered when something is left out.
    """
    kata = graded.kata
    out.line(f"{kata.topic}/{kata.slug}: {kata.title}", style="bold")
    for check in graded.checks:
        if out.rich:
            mark, style = ("✓", "green") if check.passed else ("✗", "red")
            out.line(f"  {mark} {check_name(check.name)}", style=style)
        else:
            out.line(f"  {'pass' if check.passed else 'FAIL'}  {check_name(check.name)}")
        if verbose and not check.passed and check.message.strip():
            _show_message(out, check.message, " " * 8, verbose=True)
    result = graded.result
    summary = (
        f"{result.passed} of {result.total} checks pass, "
        f"{fmt(graded.points)} of {fmt(kata.points)} points"
    )
    if graded.ok:
        out.line(f"PASS  {summary}", style="bold green")
        return
    out.line(f"FAIL  {summary}", style="bold red")
    if graded.errors:
        for error in graded.errors if verbose else graded.errors[:1]:
            _show_first(out, "first failure", error, verbose)
        return
    failing = [c for c in graded.checks if not c.passed]
    if verbose or not failing:
        return
    first = failing[0]
    cut = _show_first(out, f"first failure ({check_name(first.name)})", first.message, False)
    others_differ = any(c.message.strip() != first.message.strip() for c in failing[1:])
    if more and (cut or others_differ):
        out.line(f"(`{more}` shows every failing check in full)", style="dim")


def _show_first(out: Output, label: str, message: str, verbose: bool) -> bool:
    """``label: message`` on one line if the message is one line, else indented below."""
    lines = message_lines(message, None, None)
    if len(lines) <= 1:
        text = f"{label}: {lines[0] if lines else 'failed'}"
        cut = message_lines(text, None if verbose else MESSAGE_ROWS * out.width, None)
        out.line(cut[0] if cut else text, style="red")
        return cut != [text]
    out.line(f"{label}:", style="red")
    return _show_message(out, message, MESSAGE_INDENT, verbose)


def show_chosen(out: Output, verb: str, kata: Kata, why: str) -> None:
    """Which kata a command chose when none was named (its first line)."""
    out.line(f"{verb} {kata.slug}, {why} (name a kata to choose another)", style="dim")


def show_watch_header(out: Output, kata: Kata, path: str, why: str | None = None) -> None:
    if why is not None:
        show_chosen(out, "watching", kata, why)
    out.line(f"watching {path}: save it to re-grade, Ctrl-C to stop", style="dim")


def show_grading(out: Output, saved: list[str]) -> None:
    """Shown as soon as a save is noticed, while the kata is graded again."""
    what = f" ({', '.join(saved)} saved)" if saved else ""
    out.line(f"grading…{what}", style="bold yellow")


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
            table.add_column(width=5, no_wrap=True)
            table.add_column(justify="right", width=9, no_wrap=True)
            table.add_column(ratio=1, min_width=10, no_wrap=True, overflow="ellipsis")
            for s in topic.katas:
                number += 1
                style = STATUS_STYLE.get(s.status, "dim")
                table.add_row(
                    f"{number}.",
                    s.kata.slug,
                    f"[{style}]{s.status}[/]",
                    f"[yellow]{stars(s.kata.difficulty, rich=True)}[/]",
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
                f"{stars(s.kata.difficulty, rich=False)}  {score:>9} pts  {s.kata.title}"
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
        first = message_lines(standing.last.message, out.width - 15, 1)
        out.line(f"  last result: {first[0] if first else 'failed'}")
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


def show_hints_given(out: Output, kata: Kata, shown: int) -> None:
    """The hints already given for ``kata`` (the first ``shown``), revealing none."""
    total = len(kata.hints)
    if shown == 0:
        out.line(f"No hints given yet for {kata.slug} ({total} available).")
        out.line(f"  mlkata hint {kata.slug}   gives the first", style="dim")
        return
    numbers = "Hint 1" if shown == 1 else f"Hints 1-{shown}"
    out.line(f"{numbers} of {total} for {kata.slug}:", style="bold")
    for number, text in enumerate(kata.hints[:shown], start=1):
        out.line(f"  {number}. {text}")
    if shown < total:
        out.line(f"mlkata hint {kata.slug} gives the next one.", style="dim")


def show_hint(out: Output, kata: Kata, number: int, text: str) -> None:
    total = len(kata.hints)
    out.line(f"Hint {number} of {total} for {kata.slug}:", style="bold")
    out.line(f"  {text}")
    if number >= total:
        out.line("That was the last hint.", style="dim")
