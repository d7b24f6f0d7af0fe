"""A learner's working copy to run the ``mlkata`` command in, isolated from the real one.

``working_copy`` holds three katas of the real curriculum (their curriculum entries,
graders, stubs and solutions), so these tests do not depend on katas being added
elsewhere at the same time; its progress goes to its own ``MLKATA_HOME``.

``in_process`` runs the same entry point (``mlkata.cli.main``) in the test's process,
where a test can fake what the OS would say (``deny``: permissions that root, which
these tests may run as, does not feel).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from mlkata.author.stubgen import make_stub
from mlkata.engine import invocation  # a module: its pytest_* names are no hooks here
from mlkata.engine.curriculum import earned, load_curriculum, tomllib
from mlkata.engine.progress import ProgressStore, Run

ROOT = Path(__file__).resolve().parents[2]
SLUGS = ("mse_gradient", "backprop_step", "gaussian_mle")


def mlkata_command() -> list[str]:
    """The installed console script (the real entry point), next to this Python."""
    script = Path(sys.executable).with_name("mlkata")
    found = str(script) if script.exists() else shutil.which("mlkata")
    assert found, "the mlkata command is not installed (pip install -e .)"
    return [found]


def _toml_value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string
    return str(value)


def write_curriculum(path: Path, slugs: tuple[str, ...]) -> None:
    """curriculum.toml with only these katas of the real one (in its order)."""
    data = tomllib.loads((ROOT / "curriculum.toml").read_text(encoding="utf-8"))
    lines = [f"format_version = {data['format_version']}", "", "[topics]"]
    lines += [f"{k} = {_toml_value(v)}" for k, v in data["topics"].items()]
    for entry in data["kata"]:
        if entry["slug"] in slugs:
            entry = {**entry, "prerequisites": [p for p in entry["prerequisites"] if p in slugs]}
            lines += ["", "[[kata]]"] + [f"{k} = {_toml_value(v)}" for k, v in entry.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class WorkingCopy:
    root: Path
    home: Path
    env: dict[str, str]

    @property
    def database(self) -> Path:
        return self.home / "progress.sqlite"

    def kata(self, slug: str):
        return load_curriculum(self.root / "curriculum.toml").get(slug)

    def exercise(self, slug: str) -> Path:
        return self.root / "exercises" / self.kata(slug).path

    def solve(self, slug: str) -> None:
        """Put the reference solution in place of the learner's stub."""
        path = self.kata(slug).path
        shutil.copy(self.root / "solutions" / path, self.root / "exercises" / path)

    def mlkata(self, *args: str, cwd: Path | None = None, **env: str):
        return subprocess.run(
            [*mlkata_command(), *args],
            cwd=cwd or self.root,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=60,
        )

    def popen(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [*mlkata_command(), *args],
            cwd=self.root,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def pytest(self, *args: str):
        """Plain pytest in the copy, invoked as the engine invokes it to grade (the
        one place that spells it: :mod:`mlkata.engine.invocation`). Other installed
        plugins would cost seconds of start-up."""
        return subprocess.run(
            [sys.executable, "-m", "pytest", *invocation.pytest_args(args)],
            cwd=self.root,
            env=invocation.pytest_environment(self.env),
            capture_output=True,
            text=True,
            timeout=60,
        )

    def record(self, slug: str, passed: int, failed: int = 0, when: float | None = None) -> None:
        """Store one complete run of ``slug``, as a grading run would."""
        kata = self.kata(slug)
        fraction = passed / (passed + failed)
        run = Run(
            time.time() if when is None else when,
            kata.topic,
            slug,
            passed,
            failed,
            True,
            earned(kata.points, fraction),
            kata.points,
            "" if not failed else "something is wrong",
        )
        with ProgressStore(self.database) as store:
            store.record([run])

    def rows(self, columns: str = "slug, passed, failed, complete") -> list[tuple]:
        if not self.database.exists():
            return []
        with contextlib.closing(sqlite3.connect(self.database)) as conn:
            return conn.execute(f"SELECT {columns} FROM runs ORDER BY id").fetchall()


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def in_process(working_copy, monkeypatch, capsys):
    """``in_process(*args)``: ``mlkata.cli.main(args)`` run in the working copy, here."""
    from mlkata.cli import main

    monkeypatch.chdir(working_copy.root)
    for name in ("FORCE_COLOR", "MLKATA_PLAIN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MLKATA_HOME", str(working_copy.home))
    monkeypatch.setenv("COLUMNS", "120")

    def run(*args: str) -> Ran:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


@pytest.fixture
def deny(monkeypatch):
    """``deny(path, os.W_OK or os.R_OK)``: take that permission away from ``path``.

    Done for real (chmod) and, since root ignores file modes, also in what ``os.access``
    answers for that path in this process: what the store asks before opening. Modes
    are restored afterwards.
    """
    denied: dict[Path, int] = {}
    restore: list[tuple[Path, int]] = []
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        refused = denied.get(Path(path).absolute(), 0)
        return not (mode & refused) and real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)

    def take(path: Path, permission: int) -> None:
        path = Path(path).absolute()
        denied[path] = denied.get(path, 0) | permission
        mode = path.stat().st_mode
        restore.append((path, mode))
        bits = {os.W_OK: 0o222, os.R_OK: 0o444}[permission]
        path.chmod(mode & ~bits)

    yield take
    for path, mode in reversed(restore):
        path.chmod(mode)


@pytest.fixture
def working_copy(tmp_path: Path) -> WorkingCopy:
    root = tmp_path / "copy"
    curriculum = load_curriculum(ROOT / "curriculum.toml")
    for slug in SLUGS:
        kata = curriculum.get(slug)
        for tree, relative in (("solutions", kata.path), ("graders", kata.grader_path)):
            (root / tree / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / tree / relative, root / tree / relative)
        # The stub as generated, not the repository's exercises/, which may hold a
        # learner's work.
        stub = root / "exercises" / kata.path
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(make_stub((ROOT / "solutions" / kata.path).read_text(encoding="utf-8")))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    write_curriculum(root / "curriculum.toml", SLUGS)
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "MLKATA_PLAIN")}
    env.update(MLKATA_HOME=str(home), COLUMNS="120", PYTHONDONTWRITEBYTECODE="1")
    return WorkingCopy(root, home, env)
