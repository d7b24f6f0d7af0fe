"""The ``mlkata`` command. It only parses arguments and calls the engine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from mlkata.engine.layout import Layout, LayoutError, find_root


class UsageError(Exception):
    """A bad argument or environment; printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad command line told in one line (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def cmd_dev_sync(args: argparse.Namespace) -> int:
    from mlkata.author.stubgen import StubError, StubStatus, sync

    root = find_root()
    known = {p.stem for p in Layout(root).solutions.glob("*/*.py")}
    unknown = [slug for slug in args.slugs if slug not in known]
    if unknown:
        raise UsageError(f"no solution for {', '.join(unknown)} in solutions/")
    try:
        result = sync(root, check=args.check, slugs=args.slugs)
    except StubError as exc:
        raise UsageError(str(exc)) from None
    for change in result.changes:
        stub = change.stub.relative_to(root)
        if args.check:
            kept = " (it holds your work: sync keeps it as .bak)"
            print(f"out of date: {stub}{kept if change.status is StubStatus.CONFLICT else ''}")
        elif change.backup is not None:
            print(f"wrote: {stub} (your file is kept as {change.backup.relative_to(root)})")
        else:
            print(f"wrote: {stub}")
    if result.worked:
        print(
            f"left alone: {len(result.worked)} exercise(s) holding your work, "
            "whose stubs have not changed"
        )
    if args.check and result.changes:
        print("run `mlkata dev sync` to regenerate the stubs", file=sys.stderr)
        return 1
    if not result.changes:
        print("every stub is up to date with its solution")
    return 0


def cmd_dev_check(args: argparse.Namespace) -> int:
    from mlkata.author.check import UnknownKata, check_catalogue
    from mlkata.engine.curriculum import load_curriculum

    root = find_root()
    found = []
    try:
        for finding in check_catalogue(root, args.slugs, grade=not args.no_grade):
            print(finding, flush=True)
            found.append(finding)
    except UnknownKata as exc:
        raise UsageError(str(exc)) from None
    graded = "structure only: --no-grade" if args.no_grade else "structure, graders, examples"
    if found:
        katas = len({f.slug for f in found if f.slug})
        where = f" in {katas} kata{'s' if katas != 1 else ''}" if katas else ""
        problems = f"{len(found)} problem{'s' if len(found) != 1 else ''}"
        print(f"mlkata dev check: {problems}{where} ({graded})")
        return 1
    count = len(set(args.slugs)) or len(load_curriculum(Layout(root).curriculum).katas)
    print(f"mlkata dev check: no problem in {count} kata{'s' if count != 1 else ''} ({graded})")
    return 0


def cmd_dev_new(args: argparse.Namespace) -> int:
    from mlkata.author.new import NewKataError, new_kata

    root = find_root()
    try:
        written = new_kata(root, args.kata, title=args.title, after=args.after)
    except NewKataError as exc:
        raise UsageError(str(exc)) from None
    for path in written:
        print(f"wrote: {path.relative_to(root)}")
    slug = written[0].stem
    print(
        f"next: fill in every TODO, run `mlkata dev sync {slug}`, and `mlkata dev check "
        f"{slug}` until it finds nothing (docs/writing-katas.md)"
    )
    return 0


def cmd_nbgrader_build(args: argparse.Namespace) -> int:
    from mlkata.teach.course import CourseError, build_course

    root = find_root()
    try:
        written = build_course(root, Path(args.course_dir), topics=args.topic, katas=args.kata)
    except CourseError as exc:
        raise UsageError(str(exc)) from None
    for path in written:
        print(f"wrote: {path}")
    return 0


def cmd_nbgrader_autograde(args: argparse.Namespace) -> int:
    from mlkata.teach.errors import CourseError
    from mlkata.teach.parallel import autograde_in_parallel, default_jobs

    try:
        summary = autograde_in_parallel(
            Path(args.course),
            args.assignment,
            jobs=default_jobs() if args.jobs is None else args.jobs,
            students=args.student,
            force=args.force,
            log=lambda line: print(line, flush=True),
        )
    except CourseError as exc:
        raise UsageError(str(exc)) from None
    for failure in summary.failed:
        print(f"\nnbgrader's log for {failure.student}:\n{failure.log}", file=sys.stderr)
    print(summary.closing_line())
    return 0 if summary.ok else 1


def cmd_grade(args: argparse.Namespace) -> int:
    from mlkata.classroom.errors import ClassGradingError
    from mlkata.classroom.run import ClassOptions, grade_class

    root = find_root()
    options = ClassOptions(
        Path(args.submissions),
        Path(args.out),
        jobs=args.jobs,
        timeout=args.timeout,
        memory=args.memory,
        katas=args.kata,
        topics=args.topic,
        force=args.force,
        scheduler=args.scheduler,
    )
    try:
        summary = grade_class(root, options)
    except ClassGradingError as exc:
        raise UsageError(str(exc)) from None
    print(summary.closing_line(options.out))
    return 0


def _learner(args: argparse.Namespace):
    """The working copy, the output and the learner's engine for one command."""
    from mlkata.learn import commands as learner
    from mlkata.learn.ui import Output

    return learner, learner.open_workspace(find_root()), Output()


def cmd_list(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_list(ws, out)


def cmd_check(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_check(ws, args.slug, out, verbose=args.verbose)


def cmd_watch(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_watch(ws, args.slug, out, verbose=args.verbose)


def cmd_hint(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_hint(ws, args.slug, out, every=args.all)


def cmd_progress(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_progress(ws, out, as_json=args.json)


def cmd_next(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_next(ws, out)


def cmd_reset(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_reset(ws, args.slug, out)


def cmd_report(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_report(ws, args.output, args.open, out)


ABOUT = "mlkata: learn the mathematics behind machine learning by writing it, kata by kata."

# The learner's commands, in the order the help lists them: name, arguments, purpose.
LEARNER_COMMANDS = (
    ("list", "", "the learning path by topic: each kata's status, difficulty and points"),
    ("next", "", "the next kata on the path: its file and what it builds on"),
    ("check", "[SLUG] [-v]", "grade a kata (default: the one you are on) and show what fails"),
    ("watch", "[SLUG] [-v]", "re-grade a kata every time you save it"),
    ("hint", "[SLUG] [--all]", "the next hint for a kata, one more each time you ask"),
    ("progress", "[--json]", "bars per topic, points, this week, your streak, your mistakes"),
    ("reset", "SLUG", "restore a kata's stub (your file is kept as .bak)"),
    ("report", "[--out FILE] [--open]", "write an HTML page of your progress"),
)
OTHER_AUDIENCES = """\
for teachers:     mlkata nbgrader ...   nbgrader courses from the katas (mlkata nbgrader --help)
for teachers:     mlkata grade ...      grade a whole class's submissions (mlkata grade --help)
for maintainers:  mlkata dev ...        stubs regenerated from the solutions (mlkata dev --help)"""
SLUG_DEFAULT = (
    "the kata: a slug such as mse_gradient (default: the one you are on, i.e. the last "
    "kata you graded that does not pass yet, else the next unfinished one on the path)"
)


def _learner_help() -> str:
    width = max(len(f"{name} {usage}") for name, usage, _ in LEARNER_COMMANDS)
    rows = [
        f"  {f'{name} {usage}':<{width}}  {purpose}" for name, usage, purpose in LEARNER_COMMANDS
    ]
    return "\n".join(
        [
            ABOUT,
            "",
            "commands:",
            *rows,
            "",
            "Start with `mlkata next`, edit the file it names, then `mlkata check`.",
            "`mlkata COMMAND --help` tells more about one command.",
        ]
    )


def _add_learner_commands(commands: argparse._SubParsersAction) -> None:
    handlers = {
        "list": cmd_list,
        "next": cmd_next,
        "check": cmd_check,
        "watch": cmd_watch,
        "hint": cmd_hint,
        "progress": cmd_progress,
        "reset": cmd_reset,
        "report": cmd_report,
    }
    parsers = {}
    for name, _, purpose in LEARNER_COMMANDS:
        parsers[name] = commands.add_parser(name, help=purpose, description=purpose)
        parsers[name].set_defaults(handler=handlers[name])
    for name in ("check", "watch", "hint"):
        parsers[name].add_argument("slug", nargs="?", metavar="SLUG", help=SLUG_DEFAULT)
    parsers["reset"].add_argument("slug", metavar="SLUG", help="the kata, e.g. mse_gradient")
    for name in ("check", "watch"):
        parsers[name].add_argument(
            "-v",
            "--verbose",
            action="store_true",
            help="show every failing check's message in full (default: the first one)",
        )
    parsers["progress"].add_argument(
        "--json", action="store_true", help="everything the report shows, as JSON on stdout"
    )
    parsers["hint"].add_argument(
        "--all",
        action="store_true",
        help="show again the hints you have been given so far, without a new one",
    )
    report = parsers["report"]
    report.add_argument(
        "--out",
        "--output",
        "-o",
        dest="output",
        metavar="FILE",
        help="where (default .mlkata/report.html)",
    )
    report.add_argument("--open", action="store_true", help="open it in a web browser")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mlkata",
        usage="mlkata COMMAND [ARGUMENTS]",
        description=_learner_help(),
        epilog=OTHER_AUDIENCES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        help=argparse.SUPPRESS,
        parser_class=_Parser,
        prog="mlkata",
    )
    _add_learner_commands(commands)

    dev = commands.add_parser("dev", help="maintainer commands")
    dev_commands = dev.add_subparsers(dest="dev_command", metavar="DEV_COMMAND")
    dev_commands.required = True
    sync = dev_commands.add_parser(
        "sync",
        help="regenerate exercises/ stubs from solutions/ (a learner's file is kept as .bak)",
    )
    sync.add_argument("slugs", nargs="*", metavar="SLUG", help="only these katas")
    sync.add_argument("--check", action="store_true", help="only report stubs out of date")
    sync.set_defaults(handler=cmd_dev_sync)
    check = dev_commands.add_parser(
        "check",
        help="is every kata finished? one line per problem, exit 1 if any",
        description="Check the catalogue: curriculum.toml, each kata's files, stubs, hints, "
        "mutants and docstrings, stray files; then every grader against stubs generated "
        "into a temporary tree (all must fail) and against the solutions (all must pass).",
    )
    check.add_argument("slugs", nargs="*", metavar="SLUG", help="only these katas")
    check.add_argument(
        "--no-grade",
        action="store_true",
        help="only the structural checks (no grader or example runs)",
    )
    check.set_defaults(handler=cmd_dev_check)
    new = dev_commands.add_parser(
        "new",
        help="start a kata: solution, stub, grader and mutants skeletons, curriculum entry",
        description="Write the skeleton of a new kata and its curriculum.toml entry (after "
        "--after, else at the end of its topic). Every placeholder says TODO; "
        "`mlkata dev check` lists what is left.",
    )
    new.add_argument("kata", metavar="TOPIC/SLUG", help="e.g. calculus/mse_gradient")
    new.add_argument("--title", help="the kata's title (default: from the slug)")
    new.add_argument("--after", metavar="SLUG", help="place it after this kata of its topic")
    new.set_defaults(handler=cmd_dev_new)

    nbgrader = commands.add_parser("nbgrader", help="teachers: nbgrader courses from the katas")
    nbgrader_commands = nbgrader.add_subparsers(dest="nbgrader_command", metavar="NBGRADER_COMMAND")
    nbgrader_commands.required = True
    build = nbgrader_commands.add_parser(
        "build", help="write an nbgrader course: one assignment per topic, one notebook per kata"
    )
    build.add_argument("course_dir", metavar="COURSE_DIR")
    build.add_argument("--topic", action="append", default=[], help="only this topic (repeat)")
    build.add_argument("--kata", action="append", default=[], help="only this kata (repeat)")
    build.set_defaults(handler=cmd_nbgrader_build)
    autograde = nbgrader_commands.add_parser(
        "autograde",
        help="nbgrader autograde, several students at a time (same scores, one gradebook)",
        description="Autograde ASSIGNMENT's submissions like `nbgrader autograde ASSIGNMENT` "
        "run in the course folder, with N workers side by side: each grades its share of "
        "the students with nbgrader and a copy of the gradebook; the results are then "
        "merged into the course's gradebook. Exit status 1 if a student could not be graded.",
    )
    autograde.add_argument("assignment", metavar="ASSIGNMENT", help="e.g. calculus")
    autograde.add_argument(
        "--course", default=".", metavar="DIR", help="the course folder (default: this one)"
    )
    autograde.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="workers (default: one per CPU)"
    )
    autograde.add_argument(
        "--student", action="append", default=[], metavar="ID", help="only this student (repeat)"
    )
    autograde.add_argument(
        "--force", action="store_true", help="grade again submissions already autograded"
    )
    autograde.set_defaults(handler=cmd_nbgrader_autograde)
    _add_grade_command(commands)
    return parser


def _add_grade_command(commands: argparse._SubParsersAction) -> None:
    grade = commands.add_parser(
        "grade",
        help="teachers: grade a whole class's submissions (sandboxed, resumable)",
        description="Grade SUBMISSIONS (one folder or .zip per student, laid out like "
        "exercises/) into RESULTS: grades.csv, results.json, gradescope/<student>.json and "
        "feedback/<student>.txt. A re-run grades only what is new or changed.",
    )
    grade.add_argument("submissions", metavar="SUBMISSIONS")
    grade.add_argument("--out", required=True, metavar="RESULTS", help="the results folder")
    grade.add_argument(
        "--jobs", "-j", type=int, default=2, metavar="N", help="students graded side by side"
    )
    grade.add_argument("--timeout", type=float, metavar="S", help="wall-clock seconds per kata")
    grade.add_argument("--memory", type=int, metavar="MB", help="memory limit per kata")
    grade.add_argument("--kata", action="append", default=[], metavar="SLUG", help="only this kata")
    grade.add_argument("--topic", action="append", default=[], metavar="T", help="only this topic")
    grade.add_argument("--force", action="store_true", help="grade again what is graded")
    grade.add_argument(
        "--scheduler", metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://host:8786"
    )
    grade.set_defaults(handler=cmd_grade)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `mlkata` alone: what it is and what to type
        parser.print_help()
        return 0
    from mlkata.learn.commands import HistoryError, LearnerError

    try:
        return args.handler(args)
    except (UsageError, LearnerError, LayoutError) as exc:
        print(f"mlkata: {exc}", file=sys.stderr)
        return 2
    except HistoryError as exc:
        print(f"mlkata: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `mlkata list | head`: the reader has all it wanted
        sys.stderr.close()
        return 0
    except OSError as exc:  # a file the command needs cannot be read or written
        print(f"mlkata: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
