"""One worker of ``mlkata nbgrader autograde --jobs N`` (see :mod:`mlkata.teach.parallel`).

Run in the course folder as::

    python -m mlkata.teach.parallel_worker ASSIGNMENT DB_URL [--force] -- STUDENT...

it grades the students one after another, in this process, with nbgrader's own
``Autograde`` converter under the course's nbgrader configuration, changed in one
setting only: the gradebook is ``DB_URL``, this worker's copy of the course's. nbgrader
is imported and configured once, not once per student.

For each student it writes one JSON line to its standard output::

    {"student": "alice", "outcome": "graded", "reason": "", "log": "..."}

``outcome`` is ``graded``, ``skipped`` (nbgrader's own choice: already autograded and not
resubmitted since, without ``--force``) or ``failed``; ``reason`` is one line for a
failure; ``log`` is what nbgrader logged while grading that student. Anything else bound
for standard output (a kernel writes to the descriptor it inherits) goes to standard
error instead, so that these lines stay whole.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import re
import sys
from typing import IO, Any

from nbgrader.apps.autogradeapp import AutogradeApp
from nbgrader.converters import Autograde
from nbgrader.utils import temp_attrs

LOG_FORMAT = "[%(levelname)s] %(message)s"
REASON_LENGTH = 300

# The last line of a Python traceback: "ValueError: ...", "nbformat.reader.NotJSONError: ...".
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b.*")


class _Autograde(Autograde):
    """nbgrader's converter, remembering whether it graded the submission or skipped it."""

    graded = False

    def init_destination(self, assignment_id: str, student_id: str) -> bool:
        self.graded = super().init_destination(assignment_id, student_id)
        return self.graded


def _report_channel() -> IO[str]:
    """Standard output kept for the JSON lines; file descriptor 1 now goes to stderr."""
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return channel


def configured_app(db_url: str) -> AutogradeApp:
    """nbgrader's autograde application with the course's configuration (read from the
    current folder, as ``nbgrader autograde`` does) and the gradebook ``db_url``."""
    app = AutogradeApp()
    # A command-line setting outranks the configuration files, as in `nbgrader --db`.
    app.initialize([f"--CourseDirectory.db_url={db_url}"])
    # nbgrader's log is kept per student instead of printed; a configured logfile
    # (NbGrader.logfile) still gets it.
    for handler in list(app.log.handlers):
        if not isinstance(handler, logging.FileHandler):
            app.log.removeHandler(handler)
    return app


def failure_reason(error: BaseException, log: str) -> str:
    """One line saying why nbgrader could not grade a submission.

    nbgrader logs the traceback of what went wrong and then raises a generic "see the
    above traceback": the traceback's last line is the reason, else nbgrader's first
    error message, else the exception itself.
    """
    lines = [line.strip() for line in log.splitlines()]
    raised = [line for line in lines if _EXCEPTION_LINE.match(line)]
    errors = [line.removeprefix("[ERROR] ") for line in lines if line.startswith("[ERROR] ")]
    if raised:
        reason = raised[-1]
    elif errors:
        reason = errors[0]
    else:
        reason = f"{type(error).__name__}: {error}"
    return reason if len(reason) <= REASON_LENGTH else reason[: REASON_LENGTH - 3] + "..."


def grade(app: AutogradeApp, assignment: str, student: str, *, force: bool) -> dict[str, Any]:
    """Autograde one student's submission as ``nbgrader autograde ASSIGNMENT --student
    STUDENT`` would; the line to report."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(app.log_level)  # what `nbgrader autograde` would print
    app.log.addHandler(handler)
    outcome, reason = "failed", ""
    try:
        with temp_attrs(app.coursedir, assignment_id=assignment, student_id=student):
            converter = _Autograde(coursedir=app.coursedir, parent=app)
            if force:
                converter.force = True
            converter.start()
        outcome = "graded" if converter.graded else "skipped"
    except Exception as error:  # nbgrader's way of saying this submission failed
        reason = failure_reason(error, buffer.getvalue())
    finally:
        app.log.removeHandler(handler)
    return {"student": student, "outcome": outcome, "reason": reason, "log": buffer.getvalue()}


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m mlkata.teach.parallel_worker")
    parser.add_argument("assignment")
    parser.add_argument("db_url")
    parser.add_argument("--force", action="store_true")
    parser.add_argument("students", nargs="+", metavar="STUDENT")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    channel = _report_channel()
    try:
        app = configured_app(args.db_url)
        for student in args.students:
            result = grade(app, args.assignment, student, force=args.force)
            channel.write(json.dumps(result) + "\n")
            channel.flush()
    except KeyboardInterrupt:  # the teacher's Ctrl-C: nbgrader has cleaned up after itself
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
