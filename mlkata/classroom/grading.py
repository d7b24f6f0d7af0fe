"""Grade one student's katas: the unit of work, run here or on a Dask worker.

:func:`grade_student` takes plain data (:class:`StudentWork`: the kata files as bytes,
the katas, the limits) and returns plain rows (:class:`Row`), so the same function is
sent to a Dask cluster unchanged. It writes the files into a private temporary tree,
grades them through the engine's :class:`~mlkata.engine.supervisor.Supervisor` (one
warm worker per student: Python, NumPy and pytest start once, each kata is a fork),
inside bubblewrap where the machine has it, and removes the tree.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from mlkata.classroom.submissions import write_tree
from mlkata.engine.curriculum import split_points
from mlkata.engine.layout import Layout, kata_path
from mlkata.engine.limits import Limits
from mlkata.engine.results import KataResult
from mlkata.engine.sandbox import bwrap_launcher, bwrap_path
from mlkata.engine.supervisor import KataRequest, Supervisor, SupervisorError

STATUSES = ("passed", "failed", "error", "timeout", "missing")
TIMEOUT_SIGNS = (
    "ran out of time",
    "ran for more than",
    "did nothing for",
    "did not finish within",
    "no check finished for",
    "of CPU time in all",
)
CRASH_SIGNS = (
    "ended the process (exit status",
    "crashed the Python process",
    "the process was killed",
    "the grading worker",
    "printed more than",
    "could not be collected",
    "could not run",
    "SyntaxError in ",
    "IndentationError in ",
    "TabError in ",
)
"""Signs in a reason that the code crashed or could not even be imported."""


@dataclass(frozen=True)
class KataSpec:
    topic: str
    slug: str
    points: float

    @property
    def name(self) -> str:
        return f"{self.topic}/{self.slug}"


@dataclass
class Row:
    """One (student, kata): what ``grades.csv`` shows, with every check."""

    student: str
    kata: str
    points: float
    max_points: float
    status: str
    reason: str = ""
    seconds: float = 0.0
    digest: str | None = None
    checks: list[dict] = field(default_factory=list)
    final: bool = True
    """False when grading itself failed (not the student's code): graded again next run."""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Row:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class StudentWork:
    """Everything :func:`grade_student` needs, as plain data (picklable)."""

    root: str
    student: str
    files: dict[str, bytes]
    katas: tuple[KataSpec, ...]
    digests: dict[str, str]
    limits: dict
    jobs: int = 1
    sandbox: bool = True


def status_of(result: KataResult) -> tuple[str, str]:
    """``(status, reason)`` of a graded kata (never "missing")."""
    if result.ok:
        return "passed", ""
    reason = next((line.strip() for line in result.first_failure.splitlines() if line.strip()), "")
    reasons = [*result.errors, *(c.message for c in result.failures)]
    if any(sign in text for text in reasons for sign in TIMEOUT_SIGNS):
        reason = next(t for t in reasons if any(s in t for s in TIMEOUT_SIGNS))
        return "timeout", reason.strip().splitlines()[0]
    if result.errors or not result.checks:
        return "error", reason or "no check ran"
    crash = next((t for t in reasons if any(s in t for s in CRASH_SIGNS)), None)
    if crash is not None:
        return "error", crash.strip().splitlines()[0]
    return "failed", reason


def row_of(student: str, spec: KataSpec, result: KataResult, digest: str | None) -> Row:
    status, reason = status_of(result)
    checks = list(result.checks.values())
    shares = split_points(spec.points, [c.weight for c in checks]) if checks else []
    return Row(
        student,
        spec.name,
        spec.points if status == "passed" else result.points(spec.points),
        spec.points,
        status,
        reason,
        round(result.seconds, 3),
        digest,
        [
            {
                "name": c.name,
                "passed": c.passed,
                "weight": c.weight,
                "max_score": share,
                "score": share if c.passed else 0.0,
                "message": c.message,
            }
            for c, share in zip(checks, shares, strict=True)
        ],
    )


def missing_row(student: str, spec: KataSpec) -> Row:
    return Row(student, spec.name, 0.0, spec.points, "missing", "not handed in")


_RUNNING: set[Supervisor] = set()
_RUNNING_LOCK = threading.Lock()


def running_supervisors() -> list[Supervisor]:
    """The supervisors grading in this process now (to end them all on Ctrl-C)."""
    with _RUNNING_LOCK:
        return list(_RUNNING)


def _launcher(root: Path, tree: Path, sandbox: bool) -> list[str]:
    bwrap = bwrap_path() if sandbox else None
    return bwrap_launcher(bwrap, root, tree) if bwrap else []


def grade_student(work: StudentWork, on_row: Callable[[Row], None] | None = None) -> list[Row]:
    """Grade every kata of ``work`` (each must be in its files); the rows, in order."""
    root = Path(work.root)
    layout = Layout(root)
    tree = Path(tempfile.mkdtemp(prefix=f"mlkata-grade-{work.student[:20]}-"))
    rows = []
    try:
        write_tree(work.files, tree)
        supervisor = Supervisor(
            root,
            tree,
            limits=Limits.from_dict(work.limits),
            jobs=work.jobs,
            cwd=tree,
            launcher=_launcher(root, tree, work.sandbox),
        )
        requests = [
            KataRequest(k.topic, k.slug, layout.grader(k.topic, k.slug)) for k in work.katas
        ]
        with _RUNNING_LOCK:
            _RUNNING.add(supervisor)
        try:
            for spec, result in zip(work.katas, supervisor.grade_all(requests), strict=True):
                row = row_of(work.student, spec, result, work.digests.get(spec.name))
                rows.append(row)
                if on_row is not None:
                    on_row(row)
        except BaseException:
            supervisor.kill()
            raise
        finally:
            with _RUNNING_LOCK:
                _RUNNING.discard(supervisor)
        supervisor.close()
    except SupervisorError as exc:
        done = {r.kata for r in rows}
        for spec in work.katas:
            if spec.name not in done:
                row = Row(work.student, spec.name, 0.0, spec.points, "error", str(exc), final=False)
                rows.append(row)
                if on_row is not None:
                    on_row(row)
    finally:
        shutil.rmtree(tree, ignore_errors=True)
    return rows


def kata_file(spec: KataSpec) -> str:
    return kata_path(spec.topic, spec.slug)
