"""pytest's start-up prepared in the worker (mlkata.engine.prepared), and the supervising
run's own start and end (the worker started early, the collector frozen at exit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.engine import plugin, prepared
from mlkata.engine.supervisor import KataRequest, Supervisor, Worker

ROOT = Path(__file__).resolve().parents[1]


class Seen:
    """A plugin that remembers the config of the run it was registered in."""

    config: pytest.Config | None = None

    def pytest_configure(self, config: pytest.Config) -> None:
        self.config = config


@pytest.fixture
def one_test(tmp_path, monkeypatch):
    name = f"test_{tmp_path.name}.py"  # each test's own module
    (tmp_path / name).write_text("def test_one():\n    assert 1 + 1 == 2\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(prepared, "_PREPARED", {})
    monkeypatch.delenv("PYTEST_DEBUG", raising=False)
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    return [name, "--import-mode=importlib", *prepared.CHILD_BLOCKED]


def test_every_kata_s_run_blocks_what_the_prepared_start_up_blocks():
    supervisor = Supervisor(ROOT, ROOT / "solutions", launcher=())
    grader = ROOT / "graders" / "linear_algebra" / "test_pca.py"
    request = supervisor._request(KataRequest("linear_algebra", "pca", grader), "t", Worker(()))
    assert prepared.blocked(request["args"]) == prepared.blocked(prepared.CHILD_BLOCKED)


def test_blocked_reads_the_plugin_arguments_as_pytest_does():
    args = ["x.py", "-p", "no:a", "-pno:b", "-p", "mlkata.plugin", "-p", " no:c ", "--target"]
    assert prepared.blocked(args) == {"a", "b", "c"}


def test_a_run_starts_from_the_prepared_start_up_once(one_test, tmp_path):
    prepared.prepare(one_test)
    (ready,) = prepared._PREPARED.values()
    seen = Seen()
    assert prepared.main(list(one_test), plugins=[seen]) == 0
    assert seen.config is ready
    assert seen.config.invocation_params.dir == tmp_path
    assert seen.config.invocation_params.args == tuple(one_test)
    assert prepared._PREPARED == {}  # used up: a second run starts afresh
    again = Seen()
    assert prepared.main(list(one_test), plugins=[again]) == 0
    assert again.config is not None and again.config is not ready


def test_a_run_blocking_other_plugins_starts_afresh(one_test):
    prepared.prepare(one_test)
    (ready,) = prepared._PREPARED.values()
    seen = Seen()
    assert prepared.main([*one_test, "-p", "no:doctest"], plugins=[seen]) == 0
    assert seen.config is not None and seen.config is not ready


def test_nothing_is_prepared_while_pytest_traces_itself(one_test, monkeypatch):
    monkeypatch.setenv("PYTEST_DEBUG", "1")
    prepared.prepare(one_test)
    assert prepared._PREPARED == {}


def test_the_mlkata_plugin_starts_the_worker_before_pytest_configures():
    assert "pytest_load_initial_conftests" in plugin.__all__
    import mlkata.plugin

    assert mlkata.plugin.pytest_load_initial_conftests is plugin.pytest_load_initial_conftests


def test_only_a_command_line_run_freezes_the_collector(tmp_path):
    """True at the end of ``pytest`` (the command line), False at the end of a
    ``pytest.main`` that code calls, here one inside a test of that command line."""
    (tmp_path / "conftest.py").write_text(
        "from mlkata.engine.plugin import _process_ends_with_run\n"
        "def pytest_unconfigure(config):\n"
        "    print('outer', _process_ends_with_run())\n"
    )
    (tmp_path / "test_outer.py").write_text(
        "import pytest\n"
        "from mlkata.engine.plugin import _process_ends_with_run\n"
        "class Inner:\n"
        "    def pytest_unconfigure(self, config):\n"
        "        print('inner', _process_ends_with_run())\n"
        "def test_inline(tmp_path):\n"
        "    (tmp_path / 'test_inner.py').write_text('def test_x(): pass')\n"
        "    args = [str(tmp_path / 'test_inner.py'), '-p', 'no:cacheprovider']\n"
        "    assert pytest.main(args, plugins=[Inner()]) == 0\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", "test_outer.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "inner False" in done.stdout
    assert "outer True" in done.stdout
