"""Detect and undo monkeypatching of the libraries graders and the engine rely on.

Code under test may replace ``numpy.allclose``, ``numpy.linalg.eigh``, a grading
helper or a method of the engine's reporter, by accident or to fake a pass. The guard
remembers the namespaces of those modules, and of the classes mlkata's own modules
define, and after each grader test names and restores anything replaced or deleted.
Additions (a submodule imported later) are allowed.

The verdict does not rest on this guard (the supervisor decides from outside the
process); it turns such tampering into a named failure instead of a silent one.
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
    "os",
    "json",
    "signal",
    "pytest",
    "_pytest.runner",
    "_pytest.reports",
    "mlkata.grading",
    "mlkata.engine.channel",
    "mlkata.engine.checks",
    "mlkata.engine.child",
    "mlkata.engine.guard",
    "mlkata.engine.plugin",
)


def _namespaces(names: tuple[str, ...]) -> list[tuple[str, object, dict]]:
    found: list[tuple[str, object, dict]] = [("builtins", builtins, dict(vars(builtins)))]
    for name in names:
        module = sys.modules.get(name)
        if not isinstance(module, ModuleType):
            continue
        found.append((name, module, dict(vars(module))))
        if name.startswith(("mlkata.", "_pytest.")):
            for attribute, value in vars(module).items():
                if isinstance(value, type) and value.__module__ == name:
                    found.append((f"{name}.{attribute}", value, dict(vars(value))))
    return found


class TamperGuard:
    def __init__(self, names: tuple[str, ...] = GUARDED) -> None:
        self._saved = _namespaces(names)

    def check_and_restore(self) -> list[str]:
        """Names of replaced or deleted attributes (now restored), e.g. ``numpy.allclose``."""
        changed = []
        for label, owner, saved in self._saved:
            namespace = vars(owner)
            for key, value in saved.items():
                if key.startswith("__") or namespace.get(key, _MISSING) is value:
                    continue
                changed.append(f"{label}.{key}")
                try:
                    setattr(owner, key, value)
                except (AttributeError, TypeError):
                    pass
        return changed


_MISSING = object()
