"""Keeping a learner's file before a command writes over it.

``mlkata reset`` and ``mlkata dev sync`` both put a stub where a learner may have
worked; the learner's file is first copied beside it as ``<slug>.py.bak``.
"""

from __future__ import annotations

from pathlib import Path

from mlkata.engine.files import stamped_free_path


def backup_path(path: Path) -> Path:
    """``<slug>.py.bak`` beside the file, or a timestamped name if that exists."""
    backup = path.with_name(path.name + ".bak")
    if not backup.exists():
        return backup
    return stamped_free_path(lambda stamp: path.with_name(f"{path.name}.{stamp}.bak"))


def keep_backup(path: Path) -> Path:
    """Copy ``path`` to its :func:`backup_path` and return where it went."""
    backup = backup_path(path)
    backup.write_bytes(path.read_bytes())
    return backup
