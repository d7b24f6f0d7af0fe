"""``nbgrader export`` for an mlkata course: grades.csv with exact totals and notes.

nbgrader adds cell points as floating-point numbers, so a 124-point assignment can
export as ``123.99999999999999``. Every kata's points are shared out in hundredths
(:func:`mlkata.engine.curriculum.split_points`) and partial credit is floored to a
hundredth, so every true total is a whole number of hundredths: this export writes
each one rounded to its hundredth (``124``, ``85.99``). Its last column, ``notes``,
lists what went wrong while grading a submission (a kernel that died, a deleted test
cell, a changed locked cell), one ``notebook: note`` per problem, from the solution
cells' comments that :mod:`mlkata.teach.autograde` wrote.
"""

from __future__ import annotations

import csv
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import CsvExportPlugin

from mlkata.teach.autograde import GRADING_NOTE

COLUMNS = [
    "assignment",
    "duedate",
    "timestamp",
    "student_id",
    "last_name",
    "first_name",
    "email",
    "raw_score",
    "late_submission_penalty",
    "score",
    "max_score",
    "notes",
]


def hundredths(value: float | None) -> str:
    """``value`` rounded to its hundredth, written without trailing zeros."""
    exact = Decimal(repr(float(value or 0.0))).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
    return f"{exact.normalize():f}" if exact else "0"


def grading_notes(submission: Any) -> str:
    """The notes mlkata left on a submitted assignment's notebooks, ``; ``-separated."""
    notes = []
    for notebook in submission.notebooks:
        for comment in notebook.comments:
            text = comment.auto_comment or ""
            if text.startswith(GRADING_NOTE):
                notes.append(f"{notebook.name}: {text.removeprefix(GRADING_NOTE)}")
    return "; ".join(notes)


class GradesCsv(CsvExportPlugin):
    """nbgrader's CSV export with totals exact to the hundredth and a ``notes`` column."""

    def export(self, gradebook: Gradebook) -> None:
        dest = self.to or "grades.csv"
        students = {str(s) for s in self.student}
        assignments = {str(a) for a in self.assignment}
        self.log.info("Exporting grades to %s", dest)
        with open(dest, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
            writer.writeheader()
            for assignment in gradebook.assignments:
                if assignments and assignment.name not in assignments:
                    continue
                for student in gradebook.students:
                    if students and student.id not in students:
                        continue
                    writer.writerow(self._row(gradebook, assignment, student))

    def _row(self, gradebook: Gradebook, assignment: Any, student: Any) -> dict[str, str]:
        row = {
            "assignment": assignment.name,
            "duedate": assignment.duedate or "",
            "student_id": student.id,
            "last_name": student.last_name or "",
            "first_name": student.first_name or "",
            "email": student.email or "",
            "max_score": hundredths(assignment.max_score),
        }
        try:
            submission = gradebook.find_submission(assignment.name, student.id)
        except MissingEntry:
            zero = hundredths(0)
            return {**row, "timestamp": "", "raw_score": zero, "score": zero, "notes": "",
                    "late_submission_penalty": zero}  # fmt: skip
        penalty = submission.late_submission_penalty or 0.0
        return {
            **row,
            "timestamp": submission.timestamp or "",
            "raw_score": hundredths(submission.score),
            "late_submission_penalty": hundredths(penalty),
            "score": hundredths(max(0.0, submission.score - penalty)),
            "notes": grading_notes(submission),
        }
