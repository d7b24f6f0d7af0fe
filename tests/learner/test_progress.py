"""Progress recording: from plain pytest, student mode only, safe when broken or shared."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlkata.engine import progress
from mlkata.engine.progress import BUSY_TIMEOUT_S, ProgressError, ProgressStore, Run

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
    # A database being created by one process is never taken for an emptied one.
    assert not list(path.parent.glob("*.corrupt-*")) and not list(path.parent.glob("*.empty-*"))


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


def _history(path: Path, slugs=("a", "b")) -> None:
    with ProgressStore(path) as store:
        store.record(Run(time.time(), "t", slug, 1, 0, True, 1.0, 1.0) for slug in slugs)
        store.set_hints_shown("a", 2)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file of the folder with its size and modification time (lock and WAL
    files aside): what moving a file aside or writing to it would change."""
    return {
        f.name: (f.stat().st_size, f.stat().st_mtime_ns)
        for f in folder.iterdir()
        if not f.name.endswith((".lock", "-shm", "-wal"))
    }


def _slugs(store: ProgressStore) -> list[str]:
    return [r.slug for r in store.runs()]


def test_an_emptied_database_is_said_once_and_moved_aside(working_copy):
    """Is a 0-byte database (history gone) told in one line, kept aside, and a fresh
    one started, instead of being silently reused as empty?"""
    working_copy.home.mkdir()
    working_copy.database.write_bytes(b"")

    first = working_copy.mlkata("progress")
    again = working_copy.mlkata("progress")

    assert first.returncode == 0 and "katas passing: 0 of 3" in first.stdout
    (warning,) = first.stderr.splitlines()
    assert warning.startswith(f"mlkata: the progress database {working_copy.database} was empty")
    assert "(0 bytes): your history is lost" in warning
    assert "re-grade to rebuild it (`mlkata check SLUG`)" in warning
    (aside,) = working_copy.home.glob("progress.sqlite.empty-*")
    assert aside.name in warning and aside.read_bytes() == b""
    assert again.returncode == 0 and again.stderr == ""  # said once
    working_copy.record("gaussian_mle", passed=11)
    assert working_copy.rows() == [("gaussian_mle", 11, 0, 1)]


def test_a_read_only_database_shows_history_and_refuses_to_record(tmp_path, deny):
    """Does a database the user may not write still show its history, while recording
    fails with a one-line ProgressError (never silently), and nothing is moved?"""
    path = tmp_path / "progress.sqlite"
    _history(path)
    before = _files(tmp_path)
    deny(path, os.W_OK)

    with ProgressStore(path, warn=pytest.fail) as store:
        assert _slugs(store) == ["a", "b"]
        assert store.hints_shown() == {"a": 2}
        for attempt in (
            store.ensure,
            lambda: store.record([Run(time.time(), "t", "c", 1, 0, True, 1.0, 1.0)]),
        ):
            with pytest.raises(ProgressError) as raised:
                attempt()
            assert str(raised.value) == (
                f"cannot record: {path} is read-only; make it writable or set MLKATA_HOME"
            )
            assert raised.value.unrecorded
        with pytest.raises(ProgressError, match="cannot remember the hint: .* is read-only"):
            store.set_hints_shown("a", 3)

    assert _files(tmp_path) == before
    with ProgressStore(path) as store:
        assert _slugs(store) == ["a", "b"]


def test_a_read_only_folder_still_shows_progress(working_copy, in_process, deny):
    """With the progress folder read-only, does `mlkata progress` show the real history
    (not 0 of N), and does recording name the folder and what to do?"""
    working_copy.record("gaussian_mle", passed=11)
    working_copy.record("mse_gradient", passed=3, failed=12)
    deny(working_copy.home, os.W_OK)

    shown = in_process("progress")

    assert shown.returncode == 0 and shown.stderr == ""
    assert "katas passing: 1 of 3" in shown.stdout
    with ProgressStore(working_copy.database) as store, pytest.raises(ProgressError) as raised:
        store.record([Run(time.time(), "statistics", "gaussian_mle", 1, 0, True, 5.0, 5.0)])
        assert len(store.runs()) == 2
    assert str(raised.value) == (
        f"cannot record: {working_copy.home} is read-only; make it writable or set MLKATA_HOME"
    )


def test_a_missing_database_in_a_read_only_folder_is_an_empty_history(tmp_path, deny):
    """Nothing recorded yet and nowhere to record: do reads say 'nothing', writes refuse?"""
    deny(tmp_path, os.W_OK)
    with ProgressStore(tmp_path / "progress.sqlite") as store:
        assert store.runs() == [] and store.hints_shown() == {}
        with pytest.raises(ProgressError, match=f"cannot record: {tmp_path} is read-only"):
            store.ensure()
    assert list(tmp_path.iterdir()) == []


def test_a_locked_database_fails_fast_and_says_the_run_was_not_recorded(tmp_path):
    """With another process holding the write lock, does recording give up within a
    couple of seconds with a one-line message, reads still work, and nothing is lost?"""
    path = tmp_path / "progress.sqlite"
    _history(path)
    assert BUSY_TIMEOUT_S <= 3  # documented as a brief wait, not a stall
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with ProgressStore(path, warn=pytest.fail) as store:
            assert _slugs(store) == ["a", "b"]  # WAL readers do not wait for writers
            start = time.monotonic()
            with pytest.raises(ProgressError) as raised:
                store.record([Run(time.time(), "t", "c", 1, 0, True, 1.0, 1.0)])
            waited = time.monotonic() - start
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert str(raised.value) == (
        f"the progress database {path} is locked by another mlkata or pytest process; "
        "this run was not recorded"
    )
    assert raised.value.unrecorded
    assert BUSY_TIMEOUT_S - 0.5 < waited < BUSY_TIMEOUT_S + 3
    assert not list(tmp_path.glob("*.corrupt-*"))
    with ProgressStore(path) as store:
        assert _slugs(store) == ["a", "b"]
        store.record([Run(time.time(), "t", "c", 1, 0, True, 1.0, 1.0)])  # free again


def test_a_database_locked_even_for_reading_is_told_not_emptied(tmp_path):
    """Does an exclusive lock (no reading at all) give a message, not an empty history?"""
    path = tmp_path / "progress.sqlite"
    _history(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO hints VALUES ('z', 1)")
    try:
        with ProgressStore(path, warn=pytest.fail) as store, pytest.raises(ProgressError) as raised:
            store.runs()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "is locked by another mlkata or pytest process; try again" in str(raised.value)
    assert not list(tmp_path.glob("*.corrupt-*"))


LOCK_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
"""


@contextlib.contextmanager
def _locked_by_another_process(database: Path) -> Iterator[None]:
    """Within the block, another process holds the database's write lock."""
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        yield
    finally:
        holder.communicate("", timeout=10)


def test_plain_pytest_with_the_database_locked_says_so(working_copy):
    """Does `pytest graders` beside a process holding the lock still grade, and say in
    one line, promptly, that its run was not recorded?"""
    working_copy.record("mse_gradient", passed=0, failed=15)
    working_copy.solve("gaussian_mle")
    with _locked_by_another_process(working_copy.database):
        result = working_copy.pytest("graders/statistics")

    assert result.returncode == 0
    assert "mlkata: 1 of 1 katas pass (exercises)" in result.stdout
    (warning,) = result.stderr.splitlines()
    assert "is locked by another mlkata or pytest process; this run was not recorded" in warning
    assert working_copy.rows() == [("mse_gradient", 0, 15, 1)]


def test_an_unreadable_database_is_reported_and_never_moved(working_copy, in_process, deny):
    """Is a database the user may not read told as a permission problem (never taken for
    a corrupt one and moved aside), and does `mlkata progress` refuse to show zeros?"""
    working_copy.record("gaussian_mle", passed=11)
    before = _files(working_copy.home)
    deny(working_copy.database, os.R_OK)

    with ProgressStore(working_copy.database, warn=pytest.fail) as store:
        for attempt in (store.runs, store.ensure, lambda: store.set_hints_shown("x", 1)):
            with pytest.raises(ProgressError) as raised:
                attempt()
            assert str(raised.value) == (
                f"cannot read {working_copy.database}: permission denied; "
                "fix its permissions or set MLKATA_HOME"
            )
    shown = in_process("progress")

    assert shown.returncode == 1 and shown.stdout == ""
    assert shown.stderr == (
        f"mlkata: cannot read {working_copy.database}: permission denied; "
        "fix its permissions or set MLKATA_HOME\n"
    )
    assert _files(working_copy.home) == before  # nothing moved aside, nothing written


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (14, "unable to open database file"),  # SQLITE_CANTOPEN
        (3, "access permission denied"),  # SQLITE_PERM
        (23, "authorization denied"),  # SQLITE_AUTH
    ],
)
def test_sqlite_refusing_to_open_is_not_taken_for_corruption(tmp_path, monkeypatch, code, text):
    """When SQLite itself refuses to open the file, is that told as such, and the file
    left where it is (history never hidden by moving it aside)?"""
    path = tmp_path / "progress.sqlite"
    _history(path)
    before = _files(tmp_path)

    def refuse(uri: str) -> sqlite3.Connection:
        error = sqlite3.OperationalError(text)
        error.sqlite_errorcode = code
        raise error

    monkeypatch.setattr(ProgressStore, "_open", staticmethod(refuse))
    with ProgressStore(path, warn=pytest.fail) as store, pytest.raises(ProgressError) as raised:
        store.runs()

    assert str(raised.value).startswith(f"cannot read {path}: ")
    assert str(raised.value).endswith("; fix its permissions or set MLKATA_HOME")
    assert _files(tmp_path) == before


@pytest.mark.parametrize("text", ["file is not a database", "database disk image is malformed"])
def test_only_a_malformed_file_counts_as_broken(text):
    """Are exactly SQLite's 'not a database' and 'malformed' errors the broken ones?"""
    assert progress.error_kind(sqlite3.DatabaseError(text)) == progress.BROKEN
    for other in ("unable to open database file", "database is locked", "disk I/O error"):
        assert progress.error_kind(sqlite3.OperationalError(other)) != progress.BROKEN


def test_the_plugin_import_stays_light():
    """Does importing the pytest plugin leave SQLite, rich and watchfiles unimported?"""
    code = (
        "import sys, mlkata.plugin; "
        "print(sorted(m for m in ('mlkata.engine.progress', 'sqlite3', 'rich', 'watchfiles') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_check_with_the_database_locked_says_the_run_was_not_recorded(working_copy):
    """Does `mlkata check` beside a process holding the lock grade promptly and say in
    one line that its run was not recorded?"""
    working_copy.record("mse_gradient", passed=0, failed=15)
    working_copy.solve("gaussian_mle")
    with _locked_by_another_process(working_copy.database):
        start = time.monotonic()
        checked = working_copy.mlkata("check", "gaussian_mle")
        took = time.monotonic() - start

    assert checked.returncode == 0 and took < BUSY_TIMEOUT_S + 10
    assert working_copy.rows() == [("mse_gradient", 0, 15, 1)]
    assert "is locked by another mlkata or pytest process; this run was not recorded" in (
        checked.stderr
    )
