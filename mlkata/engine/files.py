"""Small file-system rules shared by every command that keeps a file aside."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path


def stamped_free_path(name_for: Callable[[str], Path]) -> Path:
    """The first of ``name_for("<time>")``, ``name_for("<time>-2")``, ... that is free.

    Used for backups and for files moved aside, so that none overwrites another.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = name_for(stamp)
    counter = 1
    while path.exists():
        counter += 1
        path = name_for(f"{stamp}-{counter}")
    return path
