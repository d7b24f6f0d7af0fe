"""What a course's ``nbgrader_config.py`` plugs into ``nbgrader autograde``.

nbgrader grades a student's assignment notebook by notebook, and gives up on the whole
assignment when one kernel dies or stalls (the student's other notebooks then score
nothing, without feedback); it also warns about every hidden-test cell it restores
(nbgrader #1961) and silently drops a test cell a student deleted. These preprocessors,
each replacing the nbgrader one it is named after, make that true:

- :class:`KernelSafeExecute` (for ``Execute``): a kernel that dies, or stays stuck after
  a cell's timeout, costs that cell; the kernel is started again, the cells before it
  are run again quietly, and the notebook goes on. The cell shows why.
- :class:`RestoringOverwriteCells` (for ``OverwriteCells``): restores deleted test
  cells, and warns only about cells a student really changed.
- :class:`SaveAutoGradesWithNotes` (for ``SaveAutoGrades``): what went wrong for a
  notebook becomes the comment of its solution cell ("Grading note: ..."), which the
  feedback, the formgrader and :mod:`mlkata.teach.export` show.
- :class:`ClearHiddenTestsFromFeedback` (for ``ClearHiddenTests`` in
  ``GenerateFeedback``): the same, accepting the option nbconvert gives every
  preprocessor of an HTML export.
"""

from __future__ import annotations

import atexit
import copy
import shutil
import tempfile
from pathlib import Path
from typing import Any

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import ClearHiddenTests, Execute, OverwriteCells, SaveAutoGrades
from traitlets import Bool, Integer, List

GRADING_NOTE = "Grading note: "
"""How a solution cell's comment that mlkata wrote begins."""

DISPLAY_PRIORITY = [
    "text/html",
    "application/pdf",
    "text/latex",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/plain",
]

_NOTES: dict[tuple[str, str, str], list[str]] = {}
"""What went wrong, by (assignment, student, notebook), from the sanitising and
executing steps until :class:`SaveAutoGradesWithNotes` stores it."""


def use_private_kernel_sockets(config: Any) -> None:
    """Kernels talk to nbgrader through Unix sockets in a private folder, not TCP on
    localhost (which other users of the machine can reach, and which ipykernel warns
    about for every notebook)."""
    folder = Path(tempfile.mkdtemp(prefix="mlkata-kernels-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(folder / "kernel")


def _key(resources: dict[str, Any]) -> tuple[str, str, str]:
    about = resources["nbgrader"]
    return about["assignment"], about["student"], about["notebook"]


def _note(resources: dict[str, Any], text: str, log: Any) -> None:
    key = _key(resources)
    _NOTES.setdefault(key, []).append(text)
    assignment, student, notebook = key
    log.warning("%s, %s/%s.ipynb: %s", student, assignment, notebook, text)


def _cell_name(cell: NotebookNode, index: int) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {index + 1}"


class KernelSafeExecute(Execute):
    """nbgrader's ``Execute``, where a dead or stuck kernel costs one cell."""

    iopub_timeout = Integer(
        30, help="Seconds to wait for a cell's last output after its reply (a hang guard)."
    ).tag(config=True)
    startup_timeout = Integer(
        300, help="Seconds a kernel may take to start (a hang guard on a busy machine)."
    ).tag(config=True)
    responsive_timeout = Integer(
        20, help="Seconds a kernel interrupted after a timeout has to answer again."
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict, km: Any = None):
        self._grading = resources
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            problem = (
                "the Python process running this notebook died in this cell (the code "
                "ended it: os._exit, a crash, or memory); this cell scores nothing"
            )
        except CellTimeoutError:
            problem = (
                "the kernel did not finish this cell (it ran past the time limit and "
                "ignored the interrupt, or stopped reporting); this cell scores nothing"
            )
        else:
            if not self._timed_out(cell) or self._responsive():
                return cell, resources
            problem = "the kernel could not be interrupted after this cell's time limit"
        self._fail(cell, index, problem)
        self._restart(index)
        return cell, self.resources

    def _timed_out(self, cell: NotebookNode) -> bool:
        name = self.error_on_timeout.get("ename") if self.error_on_timeout else None
        return any(
            o.get("output_type") == "error" and o.get("ename") == name
            for o in cell.get("outputs", [])
        )

    def _responsive(self) -> bool:
        """Does the kernel answer again after being interrupted?"""
        try:
            reply = self.wait_for_reply(self.kc.kernel_info(), None, self.responsive_timeout)
        except Exception:  # noqa: BLE001 - any failure means it does not answer
            return False
        return reply is not None

    def wait_for_reply(self, msg_id: str, cell: Any = None, timeout: float | None = None):
        if timeout is None:
            return super().wait_for_reply(msg_id, cell)
        saved = self.timeout
        self.timeout = int(timeout)
        try:
            return super().wait_for_reply(msg_id, cell)
        finally:
            self.timeout = saved

    def _fail(self, cell: NotebookNode, index: int, problem: str) -> None:
        cell.setdefault("outputs", []).append(
            NotebookNode(
                output_type="error", ename="KernelDied", evalue=problem, traceback=[problem]
            )
        )
        note = f"{_cell_name(cell, index)}: {problem}; a new kernel graded the cells after it"
        _note(self._grading, note, self.log)

    def _restart(self, index: int) -> None:
        """A new kernel, in the state of the cells before ``index`` (run again quietly)."""
        try:
            self._cleanup_kernel()
        except Exception:  # noqa: BLE001 - a dead kernel may fail to shut down cleanly
            self.kc = None
        self.km = self.create_kernel_manager()
        self.start_new_kernel()
        self.start_new_kernel_client()
        for cell in self.nb.cells[:index]:
            if cell.cell_type == "code" and cell.source.strip():
                msg_id = self.kc.execute(cell.source, store_history=False, allow_stdin=False)
                self.wait_for_reply(msg_id, cell)


def _as_released(cell: NotebookNode) -> str:
    """The source of a test cell as ``nbgrader generate_assignment`` released it."""
    released = copy.deepcopy(cell)
    ClearHiddenTests()._remove_hidden_test_region(released)
    return released.source


class RestoringOverwriteCells(OverwriteCells):
    """nbgrader's ``OverwriteCells`` that restores deleted test cells (saying so) and
    warns about a locked cell only when the student changed it."""

    add_missing_cells = Bool(True, help=OverwriteCells.add_missing_cells.help).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict):
        self._grading = resources
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        self._untouched = False
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is not None and cell.metadata.nbgrader.get("locked"):
            source = self._source_cell(grade_id)
            self._untouched = source is not None and cell.source == _as_released(source)
        return super().preprocess_cell(cell, resources, index)

    def _source_cell(self, grade_id: str) -> NotebookNode | None:
        from nbgrader.api import MissingEntry

        try:
            found = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
        except MissingEntry:
            return None
        return NotebookNode(
            cell_type=found.cell_type,
            source=found.source,
            metadata={"nbgrader": {"grade": True, "grade_id": grade_id}},
        )

    def report_change(self, name: str, attr: str, old: Any, new: Any) -> None:
        if attr == "checksum" and self._untouched:
            return  # the released cell, hidden tests removed (nbgrader #1961)
        super().report_change(name, attr, old, new)
        if attr == "checksum":
            _note(self._grading, f"{name}: the student changed this locked cell", self.log)

    def add_missing_grade_cells(self, nb: NotebookNode, resources: dict):
        present = {
            c.metadata.get("nbgrader", {}).get("grade_id")
            for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade_id")
        }
        expected = self.gradebook.find_notebook(self.notebook_id, self.assignment_id).grade_cells
        for cell in expected:
            if cell.name not in present:
                note = f"{cell.name}: the student deleted this test cell; it was restored and run"
                _note(self._grading, note, self.log)
        return super().add_missing_grade_cells(nb, resources)


class SaveAutoGradesWithNotes(SaveAutoGrades):
    """nbgrader's ``SaveAutoGrades``, adding what went wrong to the solution cell's
    comment (shown in the feedback and the formgrader, exported by mlkata's CSV)."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        self._notes = _NOTES.pop(_key(resources), [])
        return super().preprocess(nb, resources)

    def _add_comment(self, cell: NotebookNode, resources: dict) -> None:
        super()._add_comment(cell, resources)
        if not self._notes or not cell.metadata.nbgrader.get("solution"):
            return
        comment = self.gradebook.find_comment(
            cell.metadata["nbgrader"]["grade_id"],
            self.notebook_id,
            self.assignment_id,
            self.student_id,
        )
        comment.auto_comment = GRADING_NOTE + "; ".join(self._notes) + "."
        self.gradebook.db.commit()


class ClearHiddenTestsFromFeedback(ClearHiddenTests):
    """nbgrader's ``ClearHiddenTests``, for ``GenerateFeedback``'s HTML export."""

    display_data_priority = List(DISPLAY_PRIORITY).tag(config=True)
