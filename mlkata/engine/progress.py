"""The learner's progress: one SQLite database of graded runs and hints seen.

Every graded run of the repository's own ``exercises/`` is recorded, however it was
started (``mlkata check``, plain ``pytest graders``, ``nox -s student``): one row per
kata with the time, the checks passed and failed, whether every check of the kata ran,
the points and the first failure's message. The database is
``<working copy>/.mlkata/progress.sqlite``, or ``$MLKATA_HOME/progress.sqlite``.

- Concurrent runs: WAL journal, a busy timeout, and every write in one short
  ``BEGIN IMMEDIATE`` transaction.
- A corrupt or unreadable file is moved aside (``progress.sqlite.corrupt-<time>``),
  never deleted, with a one-line message, and a fresh database starts.
- Recording never fails a grading run: any error becomes a one-line warning.

Imported only when a run ends or the CLI needs it, never at pytest start.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HOME_ENV = "MLKATA_HOME"
STATE_DIR = ".mlkata"
DB_NAME = "progress.sqlite"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 15.0
MESSAGE_LIMIT = 500

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    time REAL NOT NULL,
    topic TEXT NOT NULL,
    slug TEXT NOT NULL,
    passed INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    complete INTEGER NOT NULL,
    points REAL NOT NULL,
    possible REAL,
    message TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS runs_by_slug ON runs (slug, time);
CREATE TABLE IF NOT EXISTS hints (
    slug TEXT PRIMARY KEY,
    shown INTEGER NOT NULL
);
"""

# SQLite result codes meaning "this file is not a usable database".
_BROKEN_CODES = {11: "database disk image is malformed", 26: "file is not a database"}
_CANTOPEN = 14


class ProgressError(Exception):
    """The progress database cannot be used at all (one-line message)."""


@dataclass(frozen=True)
class Run:
    """One kata graded once."""

    time: float
    topic: str
    slug: str
    passed: int
    failed: int
    complete: bool
    points: float
    possible: float | None
    message: str = ""

    @property
    def ok(self) -> bool:
        """Every check of the kata ran and passed."""
        return self.complete and self.failed == 0 and self.passed > 0

    @property
    def conclusive(self) -> bool:
        """Does this run say where the kata stands? (A partial run that passed does not.)"""
        return self.complete or self.failed > 0


def state_dir(root: Path) -> Path:
    """Where progress lives: ``$MLKATA_HOME``, else ``<root>/.mlkata``."""
    home = os.environ.get(HOME_ENV)
    return Path(home).expanduser() if home else Path(root) / STATE_DIR


def database_path(root: Path) -> Path:
    return state_dir(root) / DB_NAME


def _warn_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _is_broken(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code in _BROKEN_CODES or code == _CANTOPEN
    text = str(exc)
    return any(m in text for m in _BROKEN_CODES.values()) or "unable to open" in text


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """Serialise recoveries between processes (a no-op where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class ProgressStore:
    """The progress database, opened (and if need be recovered) on first use."""

    def __init__(self, path: Path, warn: Callable[[str], None] = _warn_stderr) -> None:
        self.path = Path(path)
        self.warn = warn
        self._conn: sqlite3.Connection | None = None

    # -- connection and recovery ------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProgressError(f"cannot create {self.path.parent}: {exc.strerror}") from None
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            # WAL with synchronous=NORMAL: no fsync per commit, still never corrupt.
            conn.execute("PRAGMA synchronous=NORMAL")
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                with _exclusive(self._lock_path):
                    self._create(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    @property
    def _lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        """The schema, once (creators are serialised by the lock file)."""
        if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return  # another process created it meanwhile
        # Switching to WAL needs the file to itself and does not wait for readers
        # (no busy handler): retry while another process has it open for a moment.
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _recover(self, reason: sqlite3.Error) -> None:
        """Move a broken database aside (never delete it) so that a fresh one starts."""
        self.close()
        with _exclusive(self._lock_path):
            if not self._still_broken():
                return  # another process has already moved it aside
            stamp = time.strftime("%Y%m%dT%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
            counter = 1
            while aside.exists():
                counter += 1
                aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
            try:
                self.path.rename(aside)
                for suffix in ("-wal", "-shm"):
                    side = self.path.with_name(self.path.name + suffix)
                    if side.exists():
                        side.rename(aside.with_name(aside.name + suffix))
            except OSError as exc:
                raise ProgressError(
                    f"the progress database {self.path} is unreadable ({reason}) and could "
                    f"not be moved aside: {exc.strerror}"
                ) from None
        self.warn(
            f"mlkata: the progress database {self.path} was unreadable ({reason}); "
            f"moved it to {aside.name} and started a fresh one"
        )

    def _still_broken(self) -> bool:
        if not self.path.exists():
            return False
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
            try:
                result = conn.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error as exc:
            return _is_broken(exc)
        return result != "ok"

    def _run(self, operation: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run ``operation`` on the connection; recover once from a broken file."""
        for attempt in (1, 2):
            try:
                if self._conn is None:
                    self._conn = self._connect()
                return operation(self._conn)
            except sqlite3.Error as exc:
                if attempt == 2 or not _is_broken(exc):
                    raise ProgressError(f"progress database {self.path}: {exc}") from None
                self._recover(exc)
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the data ---------------------------------------------------------------

    def ensure(self) -> None:
        """Open the database now (recovering a broken one), without reading anything."""
        self._run(lambda conn: conn.execute("SELECT count(*) FROM hints").fetchone())

    def record(self, runs: Iterable[Run]) -> None:
        rows = [
            (
                r.time,
                r.topic,
                r.slug,
                r.passed,
                r.failed,
                int(r.complete),
                r.points,
                r.possible,
                r.message[:MESSAGE_LIMIT],
            )
            for r in runs
        ]

        def write(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "INSERT INTO runs (time, topic, slug, passed, failed, complete, points, "
                    "possible, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

        if rows:
            self._run(write)

    def runs(self) -> list[Run]:
        """Every recorded run, oldest first."""
        rows = self._run(
            lambda conn: conn.execute(
                "SELECT time, topic, slug, passed, failed, complete, points, possible, message "
                "FROM runs ORDER BY time, id"
            ).fetchall()
        )
        return [Run(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8]) for r in rows]

    def hints_shown(self) -> dict[str, int]:
        rows = self._run(lambda conn: conn.execute("SELECT slug, shown FROM hints").fetchall())
        return dict(rows)

    def set_hints_shown(self, slug: str, shown: int) -> None:
        self._run(
            lambda conn: conn.execute(
                "INSERT INTO hints (slug, shown) VALUES (?, ?) "
                "ON CONFLICT (slug) DO UPDATE SET shown = excluded.shown",
                (slug, shown),
            )
        )


def open_store(root: Path, warn: Callable[[str], None] = _warn_stderr) -> ProgressStore:
    return ProgressStore(database_path(root), warn)
