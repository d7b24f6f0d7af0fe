"""The operating-system sandbox grading workers run in where the machine has one
(bubblewrap, Linux).

:func:`bwrap_launcher` builds the argv prefix the supervisor puts before its worker's
command: a private root holding only read-only binds of what Python needs (the
system's libraries, the interpreter and its virtualenv, the mlkata package, the
graders with the curriculum) and of the tree under test, a fresh ``/tmp``, no
network, no other process to see (``--unshare-all``), an environment with nothing but
what grading needs, and an end with its parent. The reference ``solutions/`` (when
another tree is graded), the project's tests, ``.git`` and every other student's files
are simply not there, whatever the code under test does (ctypes included).

:func:`default_launcher` is what every grading run uses unless its caller chooses:
the sandbox when bubblewrap is installed and works here (checked once per process),
nothing otherwise; ``MLKATA_SANDBOX=0`` turns it off.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import mlkata
from mlkata.engine.invocation import AUTOLOAD_ENV
from mlkata.engine.layout import CURRICULUM, GRADERS

SYSTEM_FOLDERS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/passwd", "/etc/group")
WORKER_ENVIRONMENT = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
    "LANG": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONUNBUFFERED": "1",
    AUTOLOAD_ENV: "1",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


SANDBOX_ENV = "MLKATA_SANDBOX"
"""Set to ``0`` (or ``off``) to grade without the sandbox even where bubblewrap works."""


def bwrap_path() -> str | None:
    """bubblewrap's executable, None where it is not installed."""
    return shutil.which("bwrap")


@functools.cache
def _works(bwrap: str) -> bool:
    """Can bubblewrap make its namespaces here (not in every container)?"""
    try:
        probe = subprocess.run(
            [bwrap, "--ro-bind", "/", "/", "--unshare-all", "--", "/bin/true"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


def usable_bwrap() -> str | None:
    """bubblewrap's executable if grading should and can use it, else None."""
    if os.environ.get(SANDBOX_ENV, "").strip().lower() in ("0", "off", "no", "false"):
        return None
    bwrap = bwrap_path()
    return bwrap if bwrap and sys.platform.startswith("linux") and _works(bwrap) else None


def default_launcher(root: Path, tree: Path) -> tuple[str, ...]:
    """The sandbox's argv prefix for grading ``tree`` with ``root``'s graders, or ``()``
    where there is no usable bubblewrap."""
    bwrap = usable_bwrap()
    return tuple(bwrap_launcher(bwrap, root, tree)) if bwrap else ()


def _package_source() -> Path:
    """The folder holding the ``mlkata`` package (put on the sandbox's PYTHONPATH)."""
    return Path(mlkata.__file__).resolve().parent.parent


def _interpreter_folders() -> list[Path]:
    folders = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    folders.add(Path(sys.executable).resolve().parent.parent)
    return sorted(f for f in folders if not any(str(f).startswith(s) for s in SYSTEM_FOLDERS))


def bwrap_launcher(bwrap: str, root: Path, tree: Path) -> list[str]:
    """bubblewrap's argv to run a grading worker of ``root``'s graders on ``tree``."""
    root, tree = Path(root).resolve(), Path(tree).resolve()
    # --as-pid-1: the worker is the sandbox's first process, so no process of
    # bubblewrap's (holding the worker's request pipe) is there for the code under test.
    args = [bwrap, "--unshare-all", "--as-pid-1", "--die-with-parent", "--new-session"]
    args += ["--clearenv"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Run by root, bubblewrap keeps every capability inside; with CAP_SYS_PTRACE
        # the code under test could read the grading processes' memory.
        args += ["--cap-drop", "ALL"]
    for folder in SYSTEM_FOLDERS:
        args += ["--ro-bind-try", folder, folder]
    for path in SYSTEM_FILES:
        args += ["--ro-bind-try", path, path]
    args += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for folder in _interpreter_folders():
        args += ["--ro-bind", str(folder), str(folder)]
    package = _package_source()
    args += ["--ro-bind", str(package / "mlkata"), str(package / "mlkata")]
    for name in (GRADERS, CURRICULUM, "pyproject.toml"):
        args += ["--ro-bind-try", str(root / name), str(root / name)]
    args += ["--ro-bind", str(tree), str(tree), "--chdir", str(tree)]
    environment = dict(WORKER_ENVIRONMENT, PYTHONPATH=str(package))
    for name, value in environment.items():
        args += ["--setenv", name, value]
    return [*args, "--"]
