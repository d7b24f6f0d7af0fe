"""The ``mlkata`` command. It only parses arguments and calls the engine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn


class UsageError(Exception):
    """A bad argument or environment; printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad command line told in one line (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def find_root(start: Path | None = None) -> Path:
    """The working copy: the nearest folder upwards holding curriculum.toml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "curriculum.toml").is_file():
            return folder
    raise UsageError(
        "no curriculum.toml here or in any parent folder: run mlkata inside your mlkata copy"
    )


def cmd_dev_sync(args: argparse.Namespace) -> int:
    from mlkata.author.stubgen import StubError, sync

    root = find_root()
    known = {p.stem for p in (root / "solutions").glob("*/*.py")}
    unknown = [slug for slug in args.slugs if slug not in known]
    if unknown:
        raise UsageError(f"no solution for {', '.join(unknown)} in solutions/")
    try:
        changed = sync(root, check=args.check, slugs=args.slugs)
    except StubError as exc:
        raise UsageError(str(exc)) from None
    for path in changed:
        verb = "out of date" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(root)}")
    if args.check and changed:
        print("run `mlkata dev sync` to regenerate the stubs", file=sys.stderr)
        return 1
    if not changed:
        print("every stub matches its solution")
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
    return learner.run_check(ws, args.slug, out)


def cmd_watch(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_watch(ws, args.slug, out)


def cmd_hint(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_hint(ws, args.slug, out)


def cmd_progress(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_progress(ws, out)


def cmd_next(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_next(ws, out)


def cmd_reset(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_reset(ws, args.slug, out)


def cmd_report(args: argparse.Namespace) -> int:
    learner, ws, out = _learner(args)
    return learner.run_report(ws, args.output, args.open, out)


def _add_learner_commands(commands: argparse._SubParsersAction) -> None:
    def add(name: str, handler, help: str, slug: str | None = None):
        command = commands.add_parser(name, help=help, description=help)
        if slug == "optional":
            command.add_argument(
                "slug", nargs="?", metavar="SLUG", help="the kata (default: the next unfinished)"
            )
        elif slug == "required":
            command.add_argument("slug", metavar="SLUG", help="the kata")
        command.set_defaults(handler=handler)
        return command

    add("list", cmd_list, "the learning path, by topic, with each kata's status and points")
    add("check", cmd_check, "grade one kata and show the result", slug="optional")
    add("watch", cmd_watch, "re-grade a kata every time you save it", slug="optional")
    add("hint", cmd_hint, "the next hint for a kata, one more each time", slug="optional")
    add("progress", cmd_progress, "progress per topic, points, this week, streak")
    add("next", cmd_next, "the next kata to work on")
    add("reset", cmd_reset, "restore a kata's stub (your file is kept as .bak)", slug="required")
    report = add("report", cmd_report, "write an HTML page of your progress")
    report.add_argument(
        "--output", "-o", metavar="FILE", help="where (default .mlkata/report.html)"
    )
    report.add_argument("--open", action="store_true", help="open it in a web browser")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mlkata", description=__doc__)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    _add_learner_commands(commands)

    dev = commands.add_parser("dev", help="maintainer commands")
    dev_commands = dev.add_subparsers(dest="dev_command", metavar="DEV_COMMAND")
    dev_commands.required = True
    sync = dev_commands.add_parser(
        "sync", help="regenerate exercises/ stubs from solutions/ (overwrites the stubs)"
    )
    sync.add_argument("slugs", nargs="*", metavar="SLUG", help="only these katas")
    sync.add_argument("--check", action="store_true", help="only report stubs out of date")
    sync.set_defaults(handler=cmd_dev_sync)

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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from mlkata.learn.commands import HistoryError, LearnerError

    try:
        return args.handler(args)
    except (UsageError, LearnerError) as exc:
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
