"""The learner's commands: list, check, watch, hint, progress, next, reset, report.

Each ``run_*`` function does one command's work on a :class:`Workspace` (the working
copy, its curriculum and its progress store) and renders through :mod:`mlkata.learn.ui`;
it returns the exit status. Bad arguments raise :class:`LearnerError` (one line).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from mlkata.engine.curriculum import Curriculum, CurriculumError, Kata, load_curriculum
from mlkata.engine.layout import CURRICULUM, EXERCISES, GRADERS, SOLUTIONS
from mlkata.engine.progress import ProgressError, ProgressStore, Run, open_store, state_dir
from mlkata.learn.standing import (
    KataStanding,
    current_kata,
    kata_standings,
    next_unfinished,
    passed_this_week,
    streak,
    topic_standings,
)
from mlkata.learn.ui import Output


class LearnerError(Exception):
    """A bad argument or a missing file: printed as one line, exit status 2."""


class HistoryError(Exception):
    """The recorded history cannot be read: printed as one line, exit status 1."""


@dataclass
class Workspace:
    root: Path
    curriculum: Curriculum
    _store: ProgressStore | None = field(default=None, repr=False)

    @property
    def store(self) -> ProgressStore:
        if self._store is None:
            self._store = open_store(self.root)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    def folder(self, name: str) -> Path:
        path = self.root / name
        if not path.is_dir():
            raise LearnerError(f"no {name}/ folder in {self.root}")
        return path

    def kata(self, name: str) -> Kata:
        """The kata called ``name`` (a slug, ``topic/slug`` or a path to its file)."""
        if not name.strip():
            raise LearnerError(
                "the kata name is empty: give a slug such as mse_gradient "
                "(`mlkata list` shows them all)"
            )
        slug = Path(name).stem if name.endswith(".py") else name.rstrip("/").split("/")[-1]
        kata = self.curriculum.get(slug)
        if kata is not None:
            return kata
        slugs = [k.slug for k in self.curriculum.katas]
        close = difflib.get_close_matches(slug, slugs, n=3, cutoff=0.5)
        close += [s for s in slugs if slug and slug in s and s not in close][: 3 - len(close)]
        hint = (
            f": did you mean {' or '.join(close)}?" if close else ": `mlkata list` shows them all"
        )
        raise LearnerError(f"no kata called '{name}' in curriculum.toml{hint}")

    def runs(self) -> list[Run]:
        """Every recorded run; an unusable database warns (one line) and counts as empty."""
        try:
            return self.store.runs()
        except ProgressError as exc:
            self.store.warn(f"mlkata: {exc} (shown without your history)")
            return []

    def history(self) -> list[Run]:
        """Every recorded run, for the commands that show history: a database that
        cannot be read is an error, never an empty history."""
        try:
            return self.store.runs()
        except ProgressError as exc:
            raise HistoryError(str(exc)) from None

    def standings(self, runs: list[Run] | None = None) -> list[KataStanding]:
        return kata_standings(self.curriculum, self.runs() if runs is None else runs)

    def chosen(self, name: str | None) -> tuple[Kata, str | None] | None:
        """The named kata, or the kata the learner is on with the reason it was chosen
        (None when no kata is named and every kata passes)."""
        if name is not None:
            return self.kata(name), None
        runs = self.runs()
        current = current_kata(self.standings(runs), runs)
        return (current[0].kata, current[1]) if current else None


def open_workspace(root: Path) -> Workspace:
    try:
        curriculum = load_curriculum(root / CURRICULUM)
    except CurriculumError as exc:
        raise LearnerError(str(exc)) from None
    return Workspace(root, curriculum)


def run_list(ws: Workspace, out: Output) -> int:
    from mlkata.learn.ui import show_list

    show_list(out, topic_standings(ws.curriculum, ws.standings(ws.history())))
    return 0


def run_next(ws: Workspace, out: Output) -> int:
    from mlkata.learn.ui import show_next

    show_next(out, next_unfinished(ws.standings()), EXERCISES)
    return 0


def run_progress(ws: Workspace, out: Output, as_json: bool = False) -> int:
    import datetime as dt

    from mlkata.learn.mistakes import frequent_mistakes, summary_line
    from mlkata.learn.ui import show_progress

    runs = ws.history()
    if as_json:
        import json

        from mlkata.learn.overview import overview

        view = overview(ws.curriculum, runs, _hints(ws), capstones=_capstones(ws))
        print(json.dumps(view.as_json(), indent=2, ensure_ascii=False), flush=True)
        return 0
    today = dt.date.today()
    topics = topic_standings(ws.curriculum, ws.standings(runs))
    show_progress(out, topics, passed_this_week(ws.curriculum, runs, today), streak(runs, today))
    mistakes = summary_line(frequent_mistakes(runs))
    if mistakes:
        out.line(mistakes[0].upper() + mistakes[1:])
        out.line("  mlkata report   shows where, and whether they are fixed", style="dim")
    return 0


def _capstones(ws: Workspace) -> list:
    from mlkata.capstones import CAPSTONES
    from mlkata.capstones.contents import capstones_in

    return capstones_in(ws.root, CAPSTONES)


def _hints(ws: Workspace) -> dict[str, int]:
    try:
        return ws.store.hints_shown()
    except ProgressError as exc:
        raise HistoryError(str(exc)) from None


def _grader_of(ws: Workspace, kata: Kata) -> Path:
    grader = ws.folder(GRADERS) / kata.grader_path
    if not grader.is_file():
        raise LearnerError(f"no grader for {kata.slug}: {GRADERS}/{kata.grader_path} is missing")
    ws.folder(EXERCISES)
    return grader


def _prepare_store(ws: Workspace) -> None:
    """Open (and if need be recover) the database before grading, so that its message shows."""
    try:
        ws.store.ensure()
    except ProgressError as exc:
        told = "" if exc.unrecorded else "; this run will not be recorded"
        ws.store.warn(f"mlkata: {exc}{told}")
    ws.close()


def _kata_or_done(ws: Workspace, name: str | None, verb: str, out: Output) -> Kata | None:
    """The kata to work on; when none was named, say which was chosen (first line)."""
    from mlkata.learn.ui import show_chosen

    chosen = ws.chosen(name)
    if chosen is None:
        return None
    kata, why = chosen
    if why is not None:
        show_chosen(out, verb, kata, why)
    return kata


def run_check(ws: Workspace, name: str | None, out: Output, verbose: bool = False) -> int:
    from mlkata.engine.run import grade
    from mlkata.engine.supervisor import prestart
    from mlkata.learn.ui import show_check

    prestart(ws.root, ws.root / EXERCISES)
    kata = _kata_or_done(ws, name, "checking", out)
    if kata is None:
        out.line("Every kata passes. Well done!", style="bold green")
        return 0
    _grader_of(ws, kata)
    _prepare_store(ws)
    command = f"mlkata check {kata.slug} -v"
    graded = grade(
        ws.root, kata, on_result=lambda result: show_check(out, result, verbose, command)
    )
    if graded.interrupted:
        return 130
    return 0 if graded.ok else 1


def run_watch(ws: Workspace, name: str | None, out: Output, verbose: bool = False) -> int:
    from mlkata.engine.supervisor import prestart
    from mlkata.learn.watch import watch

    prestart(ws.root, ws.root / EXERCISES)
    chosen = ws.chosen(name)
    if chosen is None:
        out.line("Every kata passes: name one to watch, e.g. mlkata watch SLUG")
        return 0
    kata, why = chosen
    _grader_of(ws, kata)
    _prepare_store(ws)
    return watch(ws.root, kata, out, verbose=verbose, why=why)


def run_hint(ws: Workspace, name: str | None, out: Output, every: bool = False) -> int:
    from mlkata.learn.ui import show_hint, show_hints_given

    kata = _kata_or_done(ws, name, "hints for", out)
    if kata is None:
        raise LearnerError("every kata passes: name the kata, e.g. mlkata hint SLUG")
    if not kata.hints:
        out.line(f"{kata.slug} has no hints")
        return 0
    try:
        shown = ws.store.hints_shown().get(kata.slug, 0)
    except ProgressError as exc:
        ws.store.warn(f"mlkata: {exc} (hints counted from the first)")
        shown = 0
    shown = min(shown, len(kata.hints))
    if every:
        show_hints_given(out, kata, shown)
        return 0
    number = min(shown + 1, len(kata.hints))
    show_hint(out, kata, number, kata.hints[number - 1])
    try:
        ws.store.set_hints_shown(kata.slug, number)
    except ProgressError as exc:
        ws.store.warn(f"mlkata: hint not remembered: {exc}")
    return 0


def run_reset(ws: Workspace, name: str, out: Output) -> int:
    from mlkata.author.backup import backup_path
    from mlkata.author.stubgen import StubError, make_stub

    kata = ws.kata(name)
    solution = ws.folder(SOLUTIONS) / kata.path
    if not solution.is_file():
        raise LearnerError(
            f"cannot make the stub of {kata.slug}: {SOLUTIONS}/{kata.path} is missing"
        )
    try:
        stub = make_stub(solution.read_text(encoding="utf-8"), str(solution))
    except StubError as exc:
        raise LearnerError(str(exc)) from None
    exercise = ws.folder(EXERCISES) / kata.path
    if exercise.is_file():
        if exercise.read_text(encoding="utf-8") == stub:
            out.line(f"{EXERCISES}/{kata.path} is already the original stub: nothing to do")
            return 0
        backup = backup_path(exercise)
        backup.write_bytes(exercise.read_bytes())
        out.line(f"kept your file as {backup.relative_to(ws.root)}")
    exercise.parent.mkdir(parents=True, exist_ok=True)
    exercise.write_text(stub, encoding="utf-8")
    out.line(f"restored the stub {EXERCISES}/{kata.path}")
    return 0


def run_report(ws: Workspace, output: str | None, open_it: bool, out: Output) -> int:
    from mlkata.learn.report import write_report

    path = Path(output).expanduser() if output else state_dir(ws.root) / "report.html"
    if output and not path.parent.is_dir():
        raise LearnerError(f"no folder {path.parent} to write the report in")
    try:
        written = write_report(
            path.resolve(), ws.curriculum, ws.history(), _hints(ws), _capstones(ws)
        )
    except OSError as exc:
        raise LearnerError(f"cannot write {path}: {exc.strerror}") from None
    out.line(f"wrote {written}")
    if open_it:
        import webbrowser

        if not webbrowser.open(written.as_uri()):
            out.line("could not start a browser: open the file above yourself")
    return 0
