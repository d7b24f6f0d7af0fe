"""The stub generator and `mlkata dev sync`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.author.stubgen import StubChange, StubError, StubStatus, make_stub, sync

SOLUTION = '''"""Doc."""

import numpy as np


def f(x):
    """Docstring kept."""
    # BEGIN SOLUTION
    return np.sum(x)
    # END SOLUTION


class Value:
    def grad(self):
        x = 1
        # BEGIN SOLUTION
        return x
        # END SOLUTION
'''


def test_make_stub_replaces_each_region_and_keeps_the_rest():
    """Is every solution region a TODO and a NotImplementedError naming its function?"""
    stub = make_stub(SOLUTION)
    assert "np.sum" not in stub and "return x" not in stub
    assert '    """Docstring kept."""\n    # TODO: write f' in stub
    assert '    raise NotImplementedError("f is not implemented yet")' in stub
    assert "        x = 1\n        # TODO: write grad" in stub
    assert '        raise NotImplementedError("grad is not implemented yet")' in stub
    compile(stub, "stub", "exec")


@pytest.mark.parametrize(
    "source, problem",
    [
        ("def f():\n    # BEGIN SOLUTION\n    pass\n", "never closed"),
        ("def f():\n    pass\n    # END SOLUTION\n", "without BEGIN"),
        ("def f():\n    # BEGIN SOLUTION\n    # BEGIN SOLUTION\n", "inside another"),
        ("def f():\n    pass\n", "no # BEGIN SOLUTION"),
    ],
)
def test_make_stub_rejects_unpaired_markers(source, problem):
    """Are unpaired or missing markers reported with the line?"""
    with pytest.raises(StubError, match=problem):
        make_stub(source, "x.py")


def test_sync_writes_then_reports_nothing_to_do(tmp_path: Path):
    """Does sync write missing stubs, and --check then find nothing out of date?"""
    (tmp_path / "solutions" / "topic").mkdir(parents=True)
    (tmp_path / "solutions" / "topic" / "kata.py").write_text(SOLUTION)
    stub = tmp_path / "exercises" / "topic" / "kata.py"
    assert sync(tmp_path, check=True).changes == [StubChange(stub, StubStatus.MISSING)]
    assert not (tmp_path / "exercises").exists()
    sync(tmp_path)
    assert stub.read_text() == make_stub(SOLUTION)
    assert sync(tmp_path, check=True).changes == []


def test_cli_dev_sync_check_and_errors(tmp_path: Path):
    """Does `mlkata dev sync --check` exit 1 on drift, and a bad folder give one line?"""
    (tmp_path / "curriculum.toml").write_text("")
    (tmp_path / "solutions" / "topic").mkdir(parents=True)
    (tmp_path / "solutions" / "topic" / "kata.py").write_text(SOLUTION)
    mlkata = [sys.executable, "-m", "mlkata.cli"]
    drift = subprocess.run(
        [*mlkata, "dev", "sync", "--check"], cwd=tmp_path, capture_output=True, text=True
    )
    assert drift.returncode == 1 and "out of date: exercises/topic/kata.py" in drift.stdout
    subprocess.run([*mlkata, "dev", "sync"], cwd=tmp_path, check=True, capture_output=True)
    clean = subprocess.run(
        [*mlkata, "dev", "sync", "--check"], cwd=tmp_path, capture_output=True, text=True
    )
    assert clean.returncode == 0
    elsewhere = subprocess.run([*mlkata, "dev", "sync"], cwd="/", capture_output=True, text=True)
    assert elsewhere.returncode == 2
    assert elsewhere.stderr.count("\n") == 1 and "no curriculum.toml" in elsewhere.stderr
