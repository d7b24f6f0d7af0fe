"""Progress recording: from plain pytest, student mode only, safe when broken or shared."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest

from mlkata.engine.progress import ProgressStore, Run

# These tests run the real commands in subprocesses: more than the graders' 3 s
# per-test limit on a loaded machine.
pytestmark = pytest.mark.timeout(60)


def test_plain_pytest_records_student_runs_and_not_solution_runs(working_copy):
    """Does `pytest graders` record one row per kata, `--target solutions` none, `-k` partial?"""
    working_copy.solve("gaussian_mle")

    student = working_copy.pytest("graders")
    assert student.returncode == 1  # two katas are still stubs
    rows = {
        slug: (passed, failed, complete) for slug, passed, failed, complete in working_copy.rows()
    }
    assert set(rows) == {"mse_gradient", "backprop_step", "gaussian_mle"}
    assert rows["gaussian_mle"][1:] == (0, 1) and rows["gaussian_mle"][0] > 5
    assert rows["mse_gradient"][0] == 0 and rows["mse_gradient"][1] > 5
    points = dict(working_copy.rows("slug, points"))
    assert points == {"mse_gradient": 0.0, "backprop_step": 0.0, "gaussian_mle": 5.0}

    solution = working_copy.pytest("graders/statistics", "--target", "solutions")
    assert solution.returncode == 0
    assert len(working_copy.rows()) == 3  # solution mode is not progress

    partial = working_copy.pytest("graders/statistics", "-k", "documented")
    one = working_copy.pytest(
        "graders/statistics/test_gaussian_mle.py::test_gaussian_mle_documented_example"
    )
    assert partial.returncode == one.returncode == 0
    partial_rows = working_copy.rows()[3:]
    # Recorded, but marked incomplete: not every check of the kata ran.
    assert partial_rows == [("gaussian_mle", 1, 0, 0), ("gaussian_mle", 1, 0, 0)]


def test_a_corrupt_database_is_moved_aside_and_a_fresh_one_starts(working_copy):
    """Does a garbage database give one line, move aside intact, and record afresh?"""
    working_copy.solve("gaussian_mle")
    working_copy.home.mkdir()
    working_copy.database.write_bytes(b"this is not a database\n" * 50)

    result = working_copy.pytest("graders/statistics")

    assert result.returncode == 0  # grading is unaffected
    assert "mlkata: 1 of 1 katas pass (exercises)" in result.stdout
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("mlkata: the progress database ") and "moved it to" in warning
    (aside,) = working_copy.home.glob("progress.sqlite.corrupt-*")
    assert aside.name in warning
    assert aside.read_bytes() == b"this is not a database\n" * 50
    assert working_copy.rows() == [("gaussian_mle", working_copy.rows()[0][1], 0, 1)]


def test_a_damaged_database_is_recovered_in_the_cli_reader(tmp_path):
    """Do damaged pages (not just a bad header) lead to the same recovery?"""
    path = tmp_path / "progress.sqlite"
    with ProgressStore(path) as store:
        store.record(
            Run(time.time(), "t", f"kata{i}", 1, 0, True, 1.0, 1.0, "x" * 200) for i in range(300)
        )
    data = bytearray(path.read_bytes())
    assert len(data) > 8192
    data[4096:] = b"\xa5" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    warnings: list[str] = []

    with ProgressStore(path, warn=warnings.append) as store:
        assert store.runs() == []
        store.record([Run(time.time(), "t", "after", 1, 0, True, 1.0, 1.0)])
        assert [r.slug for r in store.runs()] == ["after"]

    assert len(warnings) == 1 and "moved it to progress.sqlite.corrupt-" in warnings[0]
    assert len(list(tmp_path.glob("progress.sqlite.corrupt-*"))) == 1


WRITER = """
import sys, time
from pathlib import Path
from mlkata.engine.progress import ProgressStore, Run
path, name = Path(sys.argv[1]), sys.argv[2]
while time.time() < float(sys.argv[3]):
    time.sleep(0.001)
for i in range(60):
    with ProgressStore(path) as store:
        store.record([Run(time.time(), "t", f"{name}-{i}", i, 1, True, 0.5, 1.0, "m")])
        store.set_hints_shown(name, i)
"""


def test_two_processes_recording_at_once_lose_nothing(tmp_path):
    """Do two processes writing at the same moment (from a missing file) corrupt nothing?"""
    path = tmp_path / "home" / "progress.sqlite"
    start = str(time.time() + 0.6)  # both start together, after their imports
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, start],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    errors = [w.communicate(timeout=60)[1] for w in writers]

    assert [w.returncode for w in writers] == [0, 0], errors
    assert errors == ["", ""]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM runs").fetchone() == (120,)
        assert dict(conn.execute("SELECT slug, shown FROM hints")) == {"a": 59, "b": 59}
    assert not list(path.parent.glob("*.corrupt-*"))


def test_two_checks_at_once_are_both_recorded(working_copy):
    """Do two `mlkata check` runs at the same time both land in the database?"""
    working_copy.solve("gaussian_mle")
    runs = [working_copy.popen("check", "gaussian_mle") for _ in range(2)]
    outputs = [r.communicate(timeout=60) for r in runs]

    assert [r.returncode for r in runs] == [0, 0], outputs
    assert [row[0] for row in working_copy.rows()] == ["gaussian_mle", "gaussian_mle"]


def test_a_failure_to_record_never_hides_the_grading(working_copy):
    """With MLKATA_HOME unusable (a file), is grading unchanged and the warning one line?"""
    working_copy.solve("gaussian_mle")
    working_copy.home.write_text("not a folder\n")

    result = working_copy.pytest("graders/statistics")

    assert result.returncode == 0
    assert "mlkata: 1 of 1 katas pass (exercises)" in result.stdout
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("mlkata: this grading was not recorded as progress: cannot create")
    assert working_copy.home.read_text() == "not a folder\n"


def test_the_plugin_import_stays_light():
    """Does importing the pytest plugin leave SQLite, rich and watchfiles unimported?"""
    code = (
        "import sys, mlkata.plugin; "
        "print(sorted(m for m in ('mlkata.engine.progress', 'sqlite3', 'rich', 'watchfiles') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
