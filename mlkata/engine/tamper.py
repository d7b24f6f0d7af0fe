"""Detect and undo monkeypatching of the libraries graders rely on.

Code under test may replace ``numpy.allclose``, ``numpy.linalg.eigh`` or a grading
helper, by accident or to fake a pass. The guard remembers the namespaces of those
modules and, after each grader test, names and restores anything that was replaced
or deleted. Additions (a submodule imported later) are allowed.
"""

from __future__ import annotations

import builtins
import sys
from types import ModuleType

GUARDED = (
    "numpy",
    "numpy.linalg",
    "numpy.random",
    "numpy.testing",
    "math",
    "mlkata.grading",
    "pytest",
)


class TamperGuard:
    def __init__(self, names: tuple[str, ...] = GUARDED) -> None:
        modules: list[ModuleType] = [builtins]
        modules += [sys.modules[name] for name in names if name in sys.modules]
        self._saved = {module: dict(vars(module)) for module in modules}

    def check_and_restore(self) -> list[str]:
        """Names of replaced or deleted attributes (now restored), e.g. ``numpy.allclose``."""
        changed = []
        for module, saved in self._saved.items():
            namespace = vars(module)
            for key, value in saved.items():
                if key.startswith("__") or namespace.get(key, _MISSING) is value:
                    continue
                changed.append(f"{module.__name__}.{key}")
                setattr(module, key, value)
        return changed


_MISSING = object()
