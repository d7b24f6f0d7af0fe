"""The learner's progress: one SQLite database of graded runs and hints seen.

Every graded run of the repository's own ``exercises/`` is recorded, however it was
started (``mlkata check``, plain ``pytest graders``, ``nox -s student``): one row per
kata with the time, the checks passed and failed, whether every check of the kata ran,
the points and the first failure's message. The database is
``<working copy>/.mlkata/progress.sqlite``, or ``$MLKATA_HOME/progress.sqlite``. This
module only stores; turning a grading session into rows is :mod:`mlkata.engine.session`.

History is never lost or hidden without a word. Each fault is a one-line message that
says what happened and what to do:

- Concurrent runs: WAL journal, every write one short ``BEGIN IMMEDIATE`` transaction,
  and a short busy timeout (:data:`BUSY_TIMEOUT_S`). A lock held longer by another
  process is a :class:`ProgressError` ("... is locked ...; this run was not recorded"),
  never a long stall.
- A file SQLite opened and found malformed or not a database is moved aside
  (``progress.sqlite.corrupt-<time>``), never deleted, with a warning, and a fresh
  database starts. A 0-byte file (an emptied database, no ``-wal`` beside it) is moved
  aside the same way (``.empty-<time>``), with a warning that the history is lost.
- A file or folder the user may not write is opened read-only: history is still shown,
  and recording raises :class:`ProgressError` ("cannot record: ... is read-only").
- A file the user may not read is reported as such and left where it is.

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

from mlkata.engine.files import stamped_free_path
from mlkata.engine.layout import STATE

HOME_ENV = "MLKATA_HOME"
STATE_DIR = STATE
DB_NAME = "progress.sqlite"
SCHEMA_VERSION = 2
"""Version 2 added the ``mistakes`` table; a version-1 database gets it on first use."""
READABLE_VERSIONS = (1, SCHEMA_VERSION)
BUSY_TIMEOUT_S = 2.0
"""How long (seconds) a read or write waits for another process's lock before giving up.

Every write is one short transaction (milliseconds), so waiting longer than this means
another process holds the database (a stuck run, an open ``sqlite3`` shell): the run
is reported as not recorded instead of stalling the learner's command."""
MESSAGE_LIMIT = 2000
"""Characters of a failure message kept in the database (a whole learner message)."""

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
CREATE TABLE IF NOT EXISTS mistakes (
    run INTEGER NOT NULL REFERENCES runs (id),
    mistake TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mistakes_by_run ON mistakes (run);
"""

# What an SQLite error means for the learner, by primary result code (Python >= 3.11
# gives the code; older versions are recognised by SQLite's fixed message texts).
BROKEN = "broken"  # the file was opened and is not a usable database: move it aside
LOCKED = "locked"  # another connection holds the lock past the busy timeout
READ_ONLY = "read-only"  # a write was refused
DENIED = "denied"  # the file may not be opened or read
OTHER = "other"
_KIND_BY_CODE = {
    3: DENIED,  # SQLITE_PERM
    5: LOCKED,  # SQLITE_BUSY
    6: LOCKED,  # SQLITE_LOCKED
    8: READ_ONLY,  # SQLITE_READONLY (and its extended codes, e.g. _DIRECTORY)
    11: BROKEN,  # SQLITE_CORRUPT: database disk image is malformed
    14: DENIED,  # SQLITE_CANTOPEN: unable to open database file
    23: DENIED,  # SQLITE_AUTH
    26: BROKEN,  # SQLITE_NOTADB: file is not a database
}
_KIND_BY_TEXT = {
    "database disk image is malformed": BROKEN,
    "file is not a database": BROKEN,
    "database is locked": LOCKED,
    "database table is locked": LOCKED,
    "attempt to write a readonly database": READ_ONLY,
    "unable to open database file": DENIED,
    "access permission denied": DENIED,
    "authorization denied": DENIED,
}


class ProgressError(Exception):
    """The progress database cannot be used as asked (a one-line message saying why and
    what to do).

    ``unrecorded`` is true when the message already says that a run is not recorded.
    """

    def __init__(self, message: str, *, unrecorded: bool = False) -> None:
        super().__init__(message)
        self.unrecorded = unrecorded


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
    mistakes: tuple[str, ...] = ()
    """The named mistakes its failing checks matched (each the grader's words)."""

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
    """The progress database of the working copy ``root``."""
    return state_dir(root) / DB_NAME


def _warn_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def error_kind(exc: sqlite3.Error) -> str:
    """What an SQLite error means here: BROKEN, LOCKED, READ_ONLY, DENIED or OTHER."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _KIND_BY_CODE:
        return _KIND_BY_CODE[code & 0xFF]
    text = str(exc)
    return next((kind for words, kind in _KIND_BY_TEXT.items() if words in text), OTHER)


def _uri(path: Path, **params: str) -> str:
    """An SQLite URI for ``path`` (``mode=ro``/``rw``/``rwc``, ``immutable=1``)."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{path.absolute().as_uri()}?{query}"


def _size(path: Path) -> int | None:
    """The file's size in bytes, None if it does not exist."""
    try:
        return path.stat().st_size
    except (FileNotFoundError, NotADirectoryError):
        return None


class ProgressStore:
    """The progress database, opened (and if need be recovered) on first use.

    Opened read-write where the user may write it, read-only otherwise (then reads
    work and writes raise :class:`ProgressError`). Every method raises only
    :class:`ProgressError` for a database it cannot use.
    """

    def __init__(self, path: Path, warn: Callable[[str], None] = _warn_stderr) -> None:
        self.path = Path(path)
        self.warn = warn
        self.read_only = False
        self._conn: sqlite3.Connection | None = None
        self._opened = False  # _conn is None after opening: read-only and no file yet

    # -- paths and permissions ------------------------------------------------------

    def _side(self, suffix: str) -> Path:
        return self.path.with_name(self.path.name + suffix)

    @property
    def _lock_path(self) -> Path:
        return self._side(".lock")

    def _folder_writable(self) -> bool:
        return os.access(self.path.parent, os.W_OK | os.X_OK)

    def _may_write(self) -> bool:
        """May this user write the database (and its journal beside it)?"""
        file_ok = not self.path.exists() or os.access(self.path, os.W_OK)
        return self._folder_writable() and file_ok

    def _read_only_place(self) -> Path:
        """The file, or the folder, that refuses writing (for the message)."""
        if self.path.exists() and not os.access(self.path, os.W_OK):
            return self.path
        folder = self.path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        return folder

    def _denied(self, reason: str = "permission denied") -> ProgressError:
        return ProgressError(
            f"cannot read {self.path}: {reason}; fix its permissions or set {HOME_ENV}"
        )

    def _locked(self, consequence: str) -> ProgressError:
        return ProgressError(
            f"the progress database {self.path} is locked by another mlkata or pytest "
            f"process; {consequence}",
            unrecorded=consequence == _NOT_RECORDED,
        )

    def _cannot_write(self, action: str) -> ProgressError:
        return ProgressError(
            f"{action}: {self._read_only_place()} is read-only; make it writable or set {HOME_ENV}",
            unrecorded=True,
        )

    # -- opening --------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        """Open the database: read-write if allowed, else read-only (None: no file)."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if isinstance(exc, PermissionError) and _size(self.path) is None:
                self.read_only = True  # nothing to read, nowhere to write
                return None
            raise ProgressError(
                f"cannot create {folder}: {exc.strerror}; set {HOME_ENV} to a folder you can write"
            ) from None
        if self.path.exists() and not os.access(self.path, os.R_OK):
            raise self._denied()
        if self._emptied() and self._folder_writable():
            with self._exclusive():
                self._set_aside_if_emptied()
        if self._may_write():
            try:
                return self._open_read_write()
            except sqlite3.Error as exc:
                if error_kind(exc) != READ_ONLY:
                    raise
        self.read_only = True
        return self._open_read_only()

    def _open_read_write(self) -> sqlite3.Connection:
        # A new database is created under the lock file, so that no process ever
        # takes another's half-created file for an emptied one.
        if _size(self.path) is None:
            with self._exclusive():
                conn = self._open(_uri(self.path, mode="rwc"))
                self._prepare(conn, locked=True)
                return conn
        conn = self._open(_uri(self.path, mode="rw"))
        self._prepare(conn, locked=False)
        return conn

    def _open_read_only(self) -> sqlite3.Connection | None:
        if not self.path.exists():
            return None
        if self._emptied():
            raise ProgressError(
                f"the progress database {self.path} was empty (0 bytes): your history is "
                f"lost, and its folder is read-only: make it writable or set {HOME_ENV}"
            )
        try:
            conn = self._open(_uri(self.path, mode="ro"))
            conn.execute("PRAGMA user_version").fetchone()
            return conn
        except sqlite3.Error as exc:
            # In a read-only folder SQLite cannot make the WAL index: read the file as
            # it is, which is all of it when no -wal file holds newer pages.
            if error_kind(exc) not in (READ_ONLY, DENIED) or _size(self._side("-wal")):
                raise
        conn = self._open(_uri(self.path, mode="ro", immutable="1"))
        conn.execute("PRAGMA user_version").fetchone()
        return conn

    @staticmethod
    def _open(uri: str) -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)

    def _prepare(self, conn: sqlite3.Connection, locked: bool) -> None:
        try:
            # WAL with synchronous=NORMAL: no fsync per commit, still never corrupt.
            conn.execute("PRAGMA synchronous=NORMAL")
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                if locked:
                    self._create(conn)
                else:
                    with self._exclusive():
                        self._create(conn)
        except BaseException:
            conn.close()
            raise

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        """Serialise creation and recovery between processes (no-op without fcntl)."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            yield
            return
        try:
            handle = open(self._lock_path, "a")  # noqa: SIM115 - closed below
        except PermissionError:
            raise self._cannot_write("cannot set up the progress database") from None
        with handle:
            deadline = time.monotonic() + BUSY_TIMEOUT_S
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        # Told like SQLite's own lock timeout (see _error).
                        raise sqlite3.OperationalError("database is locked") from None
                    time.sleep(0.01)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

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
                if error_kind(exc) != LOCKED or time.monotonic() > deadline:
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

    # -- recovery -------------------------------------------------------------------

    def _move_aside(self, label: str, why: str) -> Path:
        """Rename the database (and its -wal/-shm) to ``<name>.<label>-<time>``."""
        aside = stamped_free_path(lambda stamp: self._side(f".{label}-{stamp}"))
        try:
            self.path.rename(aside)
            for suffix in ("-wal", "-shm"):
                side = self._side(suffix)
                if side.exists():
                    side.rename(aside.with_name(aside.name + suffix))
        except OSError as exc:
            raise ProgressError(
                f"the progress database {self.path} {why}, and it could not be moved aside "
                f"({exc.strerror}): move it away yourself or set {HOME_ENV}"
            ) from None
        return aside

    def _emptied(self) -> bool:
        """Is the database a 0-byte file with no -wal beside it (its history gone)?"""
        return _size(self.path) == 0 and not _size(self._side("-wal"))

    def _set_aside_if_emptied(self) -> None:
        """Move an emptied database aside and say that the history is lost (under the
        lock file: a database being created is never empty there)."""
        if not self._emptied():
            return
        why = "was empty (0 bytes): your history is lost"
        aside = self._move_aside("empty", why)
        self.warn(
            f"mlkata: the progress database {self.path} {why}; moved it to {aside.name}; "
            "re-grade to rebuild it (`mlkata check SLUG`)"
        )

    def _recover(self, reason: sqlite3.Error) -> None:
        """Move a broken database aside (never delete it) so that a fresh one starts."""
        read_only = self.read_only
        self.close()
        if read_only:
            raise ProgressError(
                f"the progress database {self.path} is unreadable ({reason}) and its "
                f"folder is read-only: move it away yourself or set {HOME_ENV}"
            )
        with self._exclusive():
            if not self._still_broken():
                return  # another process has already moved it aside
            aside = self._move_aside("corrupt", f"is unreadable ({reason})")
        self.warn(
            f"mlkata: the progress database {self.path} was unreadable ({reason}); "
            f"moved it to {aside.name} and started a fresh one"
        )

    def _still_broken(self) -> bool:
        if not self.path.exists():
            return False
        try:
            conn = self._open(_uri(self.path, mode="rw"))
            try:
                result = conn.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error as exc:
            return error_kind(exc) == BROKEN
        return result != "ok"

    # -- running an operation -------------------------------------------------------

    def _error(self, exc: sqlite3.Error, action: str | None) -> ProgressError:
        kind = error_kind(exc)
        if kind == LOCKED:
            return self._locked(_NOT_RECORDED if action == RECORD else _TRY_AGAIN)
        if kind == READ_ONLY:
            return self._cannot_write(action or "cannot write")
        if kind == DENIED:
            readable = not self.path.exists() or os.access(self.path, os.R_OK)
            return self._denied("permission denied" if not readable else str(exc))
        return ProgressError(f"progress database {self.path}: {exc}")

    def _run(
        self,
        operation: Callable[[sqlite3.Connection], Any],
        *,
        action: str | None = None,
        empty: Any = None,
    ) -> Any:
        """Run ``operation`` on the connection; recover once from a broken file.

        ``action`` names a write ("cannot record") for its messages; ``empty`` is what
        a read returns when there is no database to read.
        """
        with self._told(action):
            try:
                return self._attempt(operation, action, empty)
            except sqlite3.Error as exc:
                if error_kind(exc) != BROKEN:
                    raise
                self._recover(exc)
            return self._attempt(operation, action, empty)

    def _attempt(
        self, operation: Callable[[sqlite3.Connection], Any], action: str | None, empty: Any
    ) -> Any:
        if not self._opened:
            self._conn = self._connect()
            self._opened = True
        if self._conn is None:
            if action is not None:
                raise self._cannot_write(action)
            return empty
        return operation(self._conn)

    @contextlib.contextmanager
    def _told(self, action: str | None) -> Iterator[None]:
        """Every SQLite or OS error inside becomes a one-line :class:`ProgressError`."""
        try:
            yield
        except sqlite3.Error as exc:
            raise self._error(exc, action) from None
        except PermissionError:
            raise self._denied() from None
        except OSError as exc:
            raise ProgressError(f"progress database {self.path}: {exc.strerror}") from None

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None
        self._opened = False
        self.read_only = False

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the data -------------------------------------------------------------------

    def ensure(self) -> None:
        """Open the database now, ready to record (recovering a broken one).

        Raises :class:`ProgressError` if runs cannot be recorded (read-only, locked,
        unreadable), so that a command can say so before grading.
        """
        self._run(_has_schema, action=RECORD)
        if self.read_only:
            raise self._cannot_write(RECORD)

    def record(self, runs: Iterable[Run]) -> None:
        """Add ``runs`` in one transaction; :class:`ProgressError` if it cannot."""
        runs = list(runs)
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

        mistakes = [r.mistakes for r in runs]

        def write(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for row, named in zip(rows, mistakes, strict=True):
                    run = conn.execute(
                        "INSERT INTO runs (time, topic, slug, passed, failed, complete, "
                        "points, possible, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        row,
                    ).lastrowid
                    conn.executemany(
                        "INSERT INTO mistakes (run, mistake) VALUES (?, ?)",
                        [(run, m[:MESSAGE_LIMIT]) for m in named],
                    )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

        if rows:
            self._run(write, action=RECORD)

    def runs(self) -> list[Run]:
        """Every recorded run, oldest first."""

        def read(conn: sqlite3.Connection) -> tuple[list[tuple], dict[int, list[str]]]:
            if not _has_schema(conn):
                return [], {}
            rows = conn.execute(
                "SELECT time, topic, slug, passed, failed, complete, points, possible, "
                "message, id FROM runs ORDER BY time, id"
            ).fetchall()
            named: dict[int, list[str]] = {}
            if _version(conn) >= 2:
                for run, mistake in conn.execute(
                    "SELECT run, mistake FROM mistakes ORDER BY rowid"
                ):
                    named.setdefault(run, []).append(mistake)
            return rows, named

        rows, named = self._run(read, empty=([], {}))
        return [
            Run(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                bool(r[5]),
                r[6],
                r[7],
                r[8],
                tuple(named.get(r[9], ())),
            )
            for r in rows
        ]

    def hints_shown(self) -> dict[str, int]:
        """How many hints of each kata (by slug) the learner has seen."""

        def read(conn: sqlite3.Connection) -> list[tuple]:
            if not _has_schema(conn):
                return []
            return conn.execute("SELECT slug, shown FROM hints").fetchall()

        return dict(self._run(read, empty=[]))

    def set_hints_shown(self, slug: str, shown: int) -> None:
        """Remember that ``shown`` hints of ``slug`` have been seen."""
        self._run(
            lambda conn: conn.execute(
                "INSERT INTO hints (slug, shown) VALUES (?, ?) "
                "ON CONFLICT (slug) DO UPDATE SET shown = excluded.shown",
                (slug, shown),
            ),
            action="cannot remember the hint",
        )


RECORD = "cannot record"
_NOT_RECORDED = "this run was not recorded"
_TRY_AGAIN = "try again when it has finished"


def _version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _has_schema(conn: sqlite3.Connection) -> bool:
    """Has this database got mlkata's tables? (A read-only one may have none yet, or
    an older version's.)"""
    return _version(conn) in READABLE_VERSIONS


def open_store(root: Path, warn: Callable[[str], None] = _warn_stderr) -> ProgressStore:
    """The progress store of the working copy ``root`` (opened on first use)."""
    return ProgressStore(database_path(root), warn)
