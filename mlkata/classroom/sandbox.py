"""The operating-system sandbox a student's grading worker runs in (bubblewrap).

:func:`bwrap_launcher` builds the argv prefix the supervisor puts before its worker's
command: a private root holding only read-only binds of what Python needs (the
system's libraries, the interpreter and its virtualenv, the mlkata package, the
graders with the curriculum) and of the student's own tree, a fresh ``/tmp``, no
network, no other process to see (``--unshare-all``), an environment with nothing but
what grading needs, and an end with its parent. The reference ``solutions/``, the
project's tests, ``.git`` and every other student's files are simply not there.
"""

from __future__ import annotations

import shutil
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


def bwrap_path() -> str | None:
    """bubblewrap's executable, None where it is not installed."""
    return shutil.which("bwrap")


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
    args = [bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--clearenv"]
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
