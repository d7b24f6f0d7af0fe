"""``mlkata grade``: every student's katas, graded once, results written for the teacher.

Everything the teacher gave is checked before anything is written (the katas, every
submission, the options), so a bad input costs one line and leaves no results. Then
each student's katas that are not graded yet (or whose file changed, or all with
``force``) are graded, several students side by side or on a Dask cluster, each
result kept in the store as it arrives; the results files are written last, from the
store. Ctrl-C or SIGTERM ends every kata's process, keeps what finished, and writes
nothing half.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from mlkata.classroom.errors import ClassGradingError
from mlkata.classroom.grading import KataSpec, Row, StudentWork, grade_student, missing_row
from mlkata.classroom.output import write_results
from mlkata.classroom.progress import ClassProgress
from mlkata.classroom.store import ResultStore
from mlkata.classroom.submissions import Submission, find_submissions
from mlkata.engine.curriculum import CurriculumError, load_curriculum
from mlkata.engine.layout import Layout, kata_path
from mlkata.engine.limits import default_limits
from mlkata.engine.sandbox import bwrap_path

NOT_SANDBOXED = (
    "mlkata: WARNING: bubblewrap (bwrap) is not installed: grading is NOT sandboxed, "
    "only limited (rlimits, a process group). Install it: sudo apt-get install bubblewrap"
)


@dataclass
class ClassOptions:
    """What ``mlkata grade`` was asked (see ``mlkata grade --help``)."""

    submissions: Path
    out: Path
    jobs: int = 2
    timeout: float | None = None
    memory: int | None = None
    katas: Sequence[str] = ()
    topics: Sequence[str] = ()
    force: bool = False
    scheduler: str | None = None
    sandbox: bool = True


@dataclass
class ClassSummary:
    rows: list[Row] = field(default_factory=list)
    graded: int = 0
    skipped: int = 0

    def closing_line(self, out: Path) -> str:
        students = len({r.student for r in self.rows})
        counts = {s: sum(r.status == s for r in self.rows) for s in ("passed", "failed")}
        others = len(self.rows) - counts["passed"] - counts["failed"]
        return (
            f"mlkata grade: {students} students, {len(self.rows)} katas: "
            f"{counts['passed']} passed, {counts['failed']} failed, {others} error/timeout/"
            f"missing ({self.graded} graded now, {self.skipped} kept); results in {out}"
        )


def select_katas(root: Path, slugs: Sequence[str], topics: Sequence[str]) -> list[KataSpec]:
    """The katas to grade, in curriculum order; an unknown slug or topic is an error."""
    try:
        curriculum = load_curriculum(Layout(root).curriculum)
    except CurriculumError as exc:
        raise ClassGradingError(str(exc)) from None
    known_topics = set(curriculum.topics)
    known = {k.slug: k for k in curriculum.katas} | {
        f"{k.topic}/{k.slug}": k for k in curriculum.katas
    }
    for topic in topics:
        if topic not in known_topics:
            raise ClassGradingError(f"no topic {topic!r} (topics: {', '.join(curriculum.topics)})")
    for slug in slugs:
        if slug not in known:
            raise ClassGradingError(f"no kata {slug!r} in curriculum.toml")
    chosen = {known[s].slug for s in slugs}
    katas = [
        k
        for k in curriculum.katas
        if (not slugs and not topics) or k.slug in chosen or k.topic in topics
    ]
    return [KataSpec(k.topic, k.slug, float(k.points)) for k in katas]


def _limits(options: ClassOptions) -> dict:
    limits = default_limits()
    if options.timeout is not None:
        wall = options.timeout
        limits = replace(
            limits,
            kata_wall_s=wall,
            import_wall_s=min(limits.import_wall_s, wall),
            idle_s=min(limits.idle_s, wall),
        )
    if options.memory is not None:
        limits = replace(limits, memory_mb=options.memory)
    return limits.to_dict()


def _check_options(options: ClassOptions) -> None:
    if options.jobs < 1:
        raise ClassGradingError(f"--jobs must be at least 1, not {options.jobs}")
    if options.timeout is not None and not options.timeout > 0:
        raise ClassGradingError("--timeout must be a positive number of seconds")
    if options.memory is not None and options.memory < 64:
        raise ClassGradingError(f"--memory must be at least 64 (MB), not {options.memory}")
    if options.out.exists() and not options.out.is_dir():
        raise ClassGradingError(f"{options.out}: exists and is not a folder")


def _dask_client(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise ClassGradingError(
            "--scheduler needs Dask distributed: pip install 'mlkata[cluster]'"
        ) from None
    try:
        return Client(address, timeout=10)
    except (OSError, ValueError, TimeoutError) as exc:
        raise ClassGradingError(f"cannot reach the Dask scheduler {address}: {exc}") from None


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM ends the run like Ctrl-C (in the main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _plan(
    submissions: list[Submission], katas: list[KataSpec], store: ResultStore, options: ClassOptions
) -> tuple[dict[tuple[str, str], Row], list[tuple[Submission, list[KataSpec]]]]:
    """Rows known already (missing, or graded on the same file), and what is left."""
    known: dict[tuple[str, str], Row] = {}
    todo = []
    for submission in submissions:
        left = []
        for spec in katas:
            digest = submission.digest(spec.topic, spec.slug)
            if digest is None:
                known[submission.student, spec.name] = missing_row(submission.student, spec)
                continue
            stored = None if options.force else store.get(submission.student, spec.name)
            if stored is not None and stored.digest == digest and stored.max_points == spec.points:
                known[submission.student, spec.name] = stored
            else:
                left.append(spec)
        if left:
            todo.append((submission, left))
    return known, todo


def _work(
    root: Path,
    submission: Submission,
    katas: list[KataSpec],
    limits: dict,
    jobs: int,
    sandbox: bool,
) -> StudentWork:
    names = {kata_path(k.topic, k.slug) for k in katas}
    return StudentWork(
        str(root),
        submission.student,
        {n: data for n, data in submission.files.items() if n in names},
        tuple(katas),
        {k.name: submission.digest(k.topic, k.slug) or "" for k in katas},
        limits,
        jobs,
        sandbox,
    )


def grade_class(
    root: Path, options: ClassOptions, warn: Callable[[str], None] | None = None
) -> ClassSummary:
    """Grade every submission in ``options.submissions``; write the results."""
    warn = warn or (lambda line: print(line, file=sys.stderr, flush=True))
    _check_options(options)
    katas = select_katas(root, options.katas, options.topics)
    wanted = {kata_path(k.topic, k.slug) for k in katas}
    submissions = find_submissions(options.submissions, wanted)
    client = _dask_client(options.scheduler) if options.scheduler else None
    sandbox = options.sandbox
    if sandbox and bwrap_path() is None and client is None:
        warn(NOT_SANDBOXED)
    options.out.mkdir(parents=True, exist_ok=True)
    store = ResultStore(options.out)
    known, todo = _plan(submissions, katas, store, options)
    summary = ClassSummary(skipped=sum(r.status != "missing" for r in known.values()))
    limits = _limits(options)
    per_student_jobs = max(1, options.jobs // max(1, len(todo))) if todo else 1
    works = [_work(root, s, left, limits, per_student_jobs, sandbox) for s, left in todo]
    stopping = threading.Event()
    lock = threading.Lock()
    total = len(submissions) * len(katas)
    with ClassProgress(total) as progress, _sigterm_interrupts():
        for row in known.values():
            progress.advance(row, skipped=True)

        def arrived(row: Row) -> None:
            with lock:
                if stopping.is_set():
                    return
                store.put(row)
                known[row.student, row.kata] = row
                summary.graded += 1
                progress.advance(row)

        try:
            if client is not None:
                _grade_on_cluster(client, works, arrived)
            else:
                _grade_here(works, options.jobs, arrived, stopping)
        except BaseException:
            stopping.set()
            raise
        finally:
            if client is not None:
                client.close()
    summary.rows = [known[s.student, k.name] for s in submissions for k in katas]
    write_results(options.out, summary.rows)
    return summary


def _grade_here(
    works: list[StudentWork], jobs: int, arrived: Callable[[Row], None], stopping: threading.Event
) -> None:
    """Grade ``jobs`` students side by side in this machine."""
    from mlkata.engine import supervisor as engine

    executor = ThreadPoolExecutor(max(1, min(jobs, len(works) or 1)))
    futures = [executor.submit(grade_student, work, arrived) for work in works]
    try:
        for future in futures:
            future.result()
    except BaseException:
        stopping.set()
        for future in futures:
            future.cancel()
        engine._SHARED.close_all()
        _kill_running_supervisors()
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


def _kill_running_supervisors() -> None:
    from mlkata.classroom.grading import running_supervisors

    for supervisor in list(running_supervisors()):
        supervisor.kill()


def _grade_on_cluster(client, works: list[StudentWork], arrived: Callable[[Row], None]) -> None:
    """Send each student's work to the Dask cluster; keep rows as students finish."""
    from distributed import as_completed

    futures = [client.submit(grade_student, work, pure=False) for work in works]
    try:
        for future in as_completed(futures):
            for row in future.result():
                arrived(row)
    except BaseException:
        client.cancel(futures)
        raise
