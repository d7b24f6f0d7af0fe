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
import operator
import sys
from itertools import repeat
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
        self._saved = []
        for label, owner, saved in _namespaces(names):
            kept = {k: v for k, v in saved.items() if not k.startswith("__")}
            self._saved.append((label, owner, tuple(kept), tuple(kept.values())))

    def check_and_restore(self) -> list[str]:
        """Names of replaced or deleted attributes (now restored), e.g. ``numpy.allclose``."""
        changed = []
        for label, owner, keys, values in self._saved:
            namespace = vars(owner)
            # After every check, so in C: one identity test per attribute.
            current = map(namespace.get, keys, repeat(_MISSING))
            if all(map(operator.is_, current, values)):
                continue
            for key, value in zip(keys, values, strict=True):
                if namespace.get(key, _MISSING) is value:
                    continue
                changed.append(f"{label}.{key}")
                try:
                    setattr(owner, key, value)
                except (AttributeError, TypeError):
                    pass
        return changed


_MISSING = object()
