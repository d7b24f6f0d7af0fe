"""Autograde an nbgrader assignment several students at a time.

``mlkata nbgrader autograde ASSIGNMENT --jobs N``, run in an nbgrader course folder.

``nbgrader autograde`` grades one student after another, about a second a notebook,
mostly a kernel starting: a course of many katas takes minutes per student and hours
per class. Two ``nbgrader autograde`` commands cannot share a course, because both
would write its one SQLite gradebook (nbgrader issue #174). So:

1. the students who submitted the assignment are split into N balanced groups;
2. each group goes to a worker, a separate Python process
   (:mod:`mlkata.teach.parallel_worker`) that grades its students one after another
   with nbgrader's own converter, under the course's own configuration, with one
   change: its gradebook is a private copy of the course's. The autograded notebooks
   are written into the course, as nbgrader writes them;
3. when every worker is done, each graded student's results are copied from the
   worker's gradebook into the course's with nbgrader's ``Gradebook`` API, in place of
   that student's earlier submission of the assignment.

The scores are nbgrader's own, those of a serial ``nbgrader autograde``
(tests/test_nbgrader_parallel.py compares them cell by cell). A student nbgrader cannot
grade is reported with the reason and left out of the merge. Ctrl-C stops the workers
and leaves the course's gradebook as it was.
"""

from __future__ import annotations

import glob
import json
import os
import queue
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlkata.teach.course import CONFIG_NAME
from mlkata.teach.errors import CourseError

__all__ = ["AutogradeSummary", "Failure", "autograde_in_parallel", "default_jobs"]

STOP_GRACE_S = 10
"""Seconds a worker has after Ctrl-C to let nbgrader clean up, before it is killed."""


@dataclass(frozen=True)
class Failure:
    """A student nbgrader could not grade: why in one line, and nbgrader's log."""

    student: str
    reason: str
    log: str = ""


@dataclass
class AutogradeSummary:
    """What one ``autograde_in_parallel`` did."""

    assignment: str
    workers: int
    graded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def closing_line(self) -> str:
        students = len(self.graded) + len(self.skipped) + len(self.failed)
        parts = [f"graded {len(self.graded)} of {students} students of {self.assignment}"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped (already autograded)")
        parts.append(f"{len(self.failed)} failed")
        workers = f"{self.workers} worker{'s' if self.workers != 1 else ''}"
        return f"{', '.join(parts)}; {self.seconds:.1f} s with {workers}"


@dataclass(frozen=True)
class _Course:
    """What the course's nbgrader configuration says, read as nbgrader reads it."""

    folder: Path  # where nbgrader_config.py is, and nbgrader runs
    coursedir: Any  # nbgrader.coursedir.CourseDirectory
    gradebook: Path  # its SQLite file

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.gradebook}"

    @property
    def course_id(self) -> str:
        return self.coursedir.course_id


def default_jobs() -> int:
    """One worker per CPU."""
    return max(1, os.cpu_count() or 1)


def _require_nbgrader() -> None:
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        raise CourseError(
            "nbgrader is not installed: install the teacher extra, pip install 'mlkata[teacher]'"
        ) from None


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def _sqlite_file(db_url: str) -> Path:
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise CourseError(
            f"--jobs needs the course's gradebook in an SQLite file, not {db_url}: "
            "use `nbgrader autograde`"
        )
    return Path(url.database).resolve()


def _read_course(course: Path) -> _Course:
    """The course's nbgrader configuration, loaded the way ``nbgrader autograde`` run
    in the course folder loads it (that folder's nbgrader_config.py, the user's)."""
    if not (course / CONFIG_NAME).is_file():
        raise CourseError(
            f"{course} is not an nbgrader course (no {CONFIG_NAME}): run this in the "
            "course folder, or give it with --course"
        )
    _require_nbgrader()
    from nbgrader.apps.autogradeapp import AutogradeApp

    with _inside(course):  # nbgrader also reads a configuration in the current folder
        app = AutogradeApp()
        app.initialize([])
        coursedir = app.coursedir
        # nbgrader takes the current folder as the root when first asked: fix it now.
        coursedir.root = coursedir.root
        gradebook = _sqlite_file(coursedir.db_url)  # a relative path is from here too
    return _Course(course, coursedir, gradebook)


def _check_assignment(course: _Course, assignment: str) -> None:
    from nbgrader.api import Gradebook, MissingEntry

    coursedir = course.coursedir
    source = Path(
        os.path.normpath(coursedir.format_path(coursedir.source_directory, ".", assignment))
    )
    if not source.is_dir():
        raise CourseError(f"unknown assignment {assignment}: {source} does not exist")
    generate = f"run `nbgrader generate_assignment {assignment}` first"
    if not course.gradebook.is_file():
        raise CourseError(f"the course has no gradebook ({course.gradebook}): {generate}")
    with Gradebook(course.db_url, course.course_id) as gradebook:
        try:
            gradebook.find_assignment(assignment)
        except MissingEntry:
            raise CourseError(f"{assignment} is not in the gradebook: {generate}") from None


def submitted_students(coursedir: Any, assignment: str) -> list[str]:
    """The students with a notebook of ``assignment`` submitted, as nbgrader finds them
    (``submitted/<student>/<assignment>/*.ipynb`` in the default layout)."""
    folders = glob.glob(coursedir.format_path(coursedir.submitted_directory, "*", assignment))
    pattern = re.compile(
        coursedir.format_path(
            coursedir.submitted_directory,
            "(?P<student_id>.*)",
            re.escape(assignment),
            escape=True,
        )
    )
    students = []
    for folder in folders:
        match = pattern.fullmatch(folder)
        if match and glob.glob(os.path.join(glob.escape(folder), "*.ipynb")):
            students.append(match["student_id"])
    return sorted(students)


def _choose_students(course: _Course, assignment: str, asked: Sequence[str]) -> list[str]:
    submitted = submitted_students(course.coursedir, assignment)
    where = course.coursedir.format_path(course.coursedir.submitted_directory, "*", assignment)
    if asked:
        missing = [student for student in asked if student not in submitted]
        if missing:
            raise CourseError(f"no submission of {assignment} by {', '.join(missing)} in {where}")
        return list(dict.fromkeys(asked))
    if not submitted:
        raise CourseError(f"no submissions of {assignment}: {where} holds no notebook")
    return submitted


def split_evenly(students: Sequence[str], jobs: int) -> list[list[str]]:
    """At most ``jobs`` groups whose sizes differ by one at most, none empty."""
    groups = [list(students[i::jobs]) for i in range(jobs)]
    return [group for group in groups if group]


def _copy_gradebook(source: Path, copy: Path) -> None:
    # SQLite's backup: a consistent copy even if the file is being written to.
    with closing(sqlite3.connect(source)) as original, closing(sqlite3.connect(copy)) as new:
        original.backup(new)


@dataclass
class _Worker:
    students: list[str]
    gradebook: Path
    stderr: Path
    process: subprocess.Popen


def _start_worker(
    course: _Course, assignment: str, students: list[str], folder: Path, *, force: bool
) -> _Worker:
    folder.mkdir()
    gradebook = folder / "gradebook.db"
    _copy_gradebook(course.gradebook, gradebook)
    stderr = folder / "stderr.log"
    command = [sys.executable, "-m", "mlkata.teach.parallel_worker", assignment]
    command += [f"sqlite:///{gradebook}", *(["--force"] if force else []), "--", *students]
    with open(stderr, "wb") as errors:
        process = subprocess.Popen(
            command,
            cwd=course.folder,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            encoding="utf-8",
        )
    return _Worker(students, gradebook, stderr, process)


def _forward_reports(worker: _Worker, reports: queue.Queue) -> None:
    """Hand each line the worker reports to the main thread; then None: it has ended."""
    try:
        for line in worker.process.stdout:
            reports.put((worker, json.loads(line)))
    finally:
        reports.put((worker, None))


def _last_line(path: Path) -> str:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return next((line.strip() for line in reversed(lines) if line.strip()), "")


def _stop(workers: Sequence[_Worker]) -> None:
    """Interrupt the workers (nbgrader removes the notebooks it was writing), then kill
    any that has not ended in time."""
    running = [w.process for w in workers if w.process.poll() is None]
    for process in running:
        # A Ctrl-C in a terminal has reached them already; one sent elsewhere has not.
        process.send_signal(signal.SIGINT if os.name == "posix" else signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_S
    for process in running:
        try:
            process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class _Progress:
    """The outcome of each student so far, told as it comes."""

    total: int
    log: Callable[[str], None]
    outcomes: dict[str, dict[str, Any]] = field(default_factory=dict)

    def record(self, report: dict[str, Any]) -> None:
        student, outcome = report["student"], report["outcome"]
        self.outcomes[student] = report
        line = f"{outcome} {student} ({len(self.outcomes)} of {self.total})"
        if outcome == "failed":
            line += f": {report['reason']}"
        elif outcome == "skipped":
            line += ": autograded already, not submitted since (--force grades it again)"
        self.log(line)

    def graded(self) -> list[str]:
        return [s for s, report in self.outcomes.items() if report["outcome"] == "graded"]

    def summary(self, students: Sequence[str], assignment: str, workers: int) -> AutogradeSummary:
        summary = AutogradeSummary(assignment, workers)
        for student in students:
            report = self.outcomes[student]
            if report["outcome"] == "graded":
                summary.graded.append(student)
            elif report["outcome"] == "skipped":
                summary.skipped.append(student)
            else:
                summary.failed.append(Failure(student, report["reason"], report["log"]))
        return summary


def _run_workers(workers: Sequence[_Worker], progress: _Progress) -> None:
    reports: queue.Queue = queue.Queue()
    for worker in workers:
        threading.Thread(target=_forward_reports, args=(worker, reports), daemon=True).start()
    running = len(workers)
    while running:
        worker, report = reports.get()
        if report is not None:
            progress.record(report)
            continue
        running -= 1
        status = worker.process.wait()
        for student in worker.students:
            if student not in progress.outcomes:  # the worker itself ended early
                reason = f"the worker ended (exit status {status}): {_last_line(worker.stderr)}"
                log = worker.stderr.read_text(encoding="utf-8", errors="replace")
                progress.record(
                    {"student": student, "outcome": "failed", "reason": reason, "log": log}
                )


def _copy_result(source: Any, target: Any, assignment: str, student_id: str) -> None:
    """Copy ``student_id``'s submission of ``assignment`` from the gradebook ``source``
    to ``target``, replacing any earlier one there."""
    from nbgrader.api import MissingEntry

    graded = source.find_submission(assignment, student_id)
    person = graded.student
    target.update_or_create_student(
        student_id,
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        lms_user_id=person.lms_user_id,
    )
    try:
        target.remove_submission(assignment, student_id)
    except MissingEntry:
        pass
    # The extension too: a teacher may have granted one in the gradebook.
    target.add_submission(
        assignment, student_id, timestamp=graded.timestamp, extension=graded.extension
    )
    for notebook in graded.notebooks:
        merged = target.find_submission_notebook(notebook.name, assignment, student_id)
        merged.late_submission_penalty = notebook.late_submission_penalty
        merged.flagged = notebook.flagged
        grades = {grade.name: grade for grade in merged.grades}
        for grade in notebook.grades:
            into = grades[grade.name]
            into.auto_score = grade.auto_score
            into.manual_score = grade.manual_score
            into.extra_credit = grade.extra_credit
            into.needs_manual_grade = grade.needs_manual_grade
        comments = {comment.name: comment for comment in merged.comments}
        for comment in notebook.comments:
            into = comments[comment.name]
            into.auto_comment = comment.auto_comment
            into.manual_comment = comment.manual_comment
    target.db.commit()


def _merge(course: _Course, assignment: str, workers: Sequence[_Worker], graded: set[str]) -> None:
    from nbgrader.api import Gradebook
    from sqlalchemy.exc import SAWarning

    with warnings.catch_warnings(), Gradebook(course.db_url, course.course_id) as target:
        # Gradebook.add_submission trips an autoflush warning of SQLAlchemy's (in
        # `nbgrader autograde` too); the submission is added all the same.
        warnings.simplefilter("ignore", SAWarning)
        for worker in workers:
            students = [student for student in worker.students if student in graded]
            if not students:
                continue
            with Gradebook(f"sqlite:///{worker.gradebook}", course.course_id) as source:
                for student in students:
                    _copy_result(source, target, assignment, student)


@contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    """Ctrl-C takes effect once the block is done, so that the merge (well under a
    second a student) leaves every result in the gradebook or none."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: pressed.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


def _give_up(
    course: _Course, assignment: str, workers: Sequence[_Worker], progress: _Progress
) -> None:
    """After Ctrl-C: stop the workers and merge nothing. The autograded notebooks of the
    students graded so far are removed, so that the next run grades them again
    instead of skipping them with no result in the gradebook."""
    from nbgrader.utils import rmtree

    _stop(workers)
    coursedir = course.coursedir
    for student in progress.graded():
        folder = coursedir.format_path(coursedir.autograded_directory, student, assignment)
        if os.path.isdir(folder):
            rmtree(folder)
    progress.log(
        "interrupted: the gradebook is unchanged; the students graded so far will be "
        "graded again next time"
    )


def autograde_in_parallel(
    course: Path,
    assignment: str,
    *,
    jobs: int,
    students: Sequence[str] = (),
    force: bool = False,
    log: Callable[[str], None] = print,
) -> AutogradeSummary:
    """``nbgrader autograde ASSIGNMENT`` in the course folder ``course``, with ``jobs``
    workers grading side by side; only ``students`` if any are given.

    ``log`` gets a line per student as it is graded. Raises :class:`CourseError` with
    one line for a bad course, assignment, student or ``jobs``.
    """
    start = time.perf_counter()
    if jobs < 1:
        raise CourseError(f"--jobs must be 1 or more, not {jobs}")
    settings = _read_course(Path(course).resolve())
    _check_assignment(settings, assignment)
    chosen = _choose_students(settings, assignment, students)
    progress = _Progress(len(chosen), log)
    with tempfile.TemporaryDirectory(prefix="mlkata-autograde-") as scratch:
        workers: list[_Worker] = []
        try:
            for number, group in enumerate(split_evenly(chosen, jobs), 1):
                folder = Path(scratch) / f"worker-{number}"
                workers.append(_start_worker(settings, assignment, group, folder, force=force))
            _run_workers(workers, progress)
        except KeyboardInterrupt:
            _give_up(settings, assignment, workers, progress)
            raise
        summary = progress.summary(chosen, assignment, len(workers))
        with _ctrl_c_deferred():
            _merge(settings, assignment, workers, set(summary.graded))
    summary.seconds = time.perf_counter() - start
    return summary
