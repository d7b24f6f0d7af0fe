"""The results folder: grades.csv, results.json, Gradescope files and feedback.

Every file is written atomically (:func:`~mlkata.classroom.store.write_atomically`):
a reader, or a run that is interrupted, never sees half of one. Feedback names the
failing checks and their learner messages, never a grader's source.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from mlkata.classroom.grading import Row
from mlkata.classroom.store import write_atomically

CSV_FIELDS = ("student", "kata", "points", "max_points", "status", "reason", "seconds")
MESSAGE_LIMIT = 4000


def _rows_by_student(rows: Sequence[Row]) -> dict[str, list[Row]]:
    students: dict[str, list[Row]] = {}
    for row in rows:
        students.setdefault(row.student, []).append(row)
    return students


def grades_csv(rows: Sequence[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for row in rows:
        writer.writerow([getattr(row, name) for name in CSV_FIELDS])
    return out.getvalue()


def results_json(rows: Sequence[Row]) -> str:
    fields = [*CSV_FIELDS, "checks"]
    return json.dumps([{k: getattr(r, k) for k in fields} for r in rows], indent=1)


def _failing(row: Row) -> list[dict]:
    return [c for c in row.checks if not c["passed"]]


def gradescope(rows: Sequence[Row]) -> dict:
    """Gradescope's autograder results (``results.json`` of its spec): one test per kata."""
    tests = []
    for row in rows:
        lines = [f"{row.status}: {row.points:g}/{row.max_points:g} points"]
        if row.reason:
            lines.append(row.reason)
        lines += [f"- {c['name']}: {c['message'][:MESSAGE_LIMIT]}" for c in _failing(row)]
        tests.append(
            {
                "name": row.kata,
                "score": row.points,
                "max_score": row.max_points,
                "output": "\n".join(lines),
                "visibility": "visible",
            }
        )
    return {"score": round(sum(t["score"] for t in tests), 2), "tests": tests}


def feedback(student: str, rows: Sequence[Row]) -> str:
    earned = sum(r.points for r in rows)
    possible = sum(r.max_points for r in rows)
    lines = [f"Feedback for {student}: {earned:g} of {possible:g} points", ""]
    for row in rows:
        lines.append(f"{row.kata}: {row.status}, {row.points:g}/{row.max_points:g} points")
        if row.status != "passed" and row.reason:
            lines.append(f"  {row.reason}")
        for check in _failing(row):
            message = check["message"][:MESSAGE_LIMIT].strip() or "failed"
            indented = "\n".join("      " + line for line in message.splitlines())
            lines.append(f"  - {check['name']}:\n{indented}")
    return "\n".join(lines) + "\n"


def write_results(folder: Path, rows: Sequence[Row]) -> None:
    """Write every results file of ``rows`` into ``folder``."""
    write_atomically(folder / "grades.csv", grades_csv(rows))
    write_atomically(folder / "results.json", results_json(rows))
    for student, own in _rows_by_student(rows).items():
        write_atomically(folder / "gradescope" / f"{student}.json", json.dumps(gradescope(own)))
        write_atomically(folder / "feedback" / f"{student}.txt", feedback(student, own))
