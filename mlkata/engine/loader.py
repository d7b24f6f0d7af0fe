"""Import the code under test from a target tree, one kata at a time.

A target is any directory laid out like ``exercises/``: ``<target>/<topic>/<slug>.py``.
Each topic folder becomes an importable package named after the topic, so that a kata
can build on an earlier one with ``from linear_algebra.lu import lu_decompose`` and gets
the *target's* copy of it. Learners never write ``__init__.py`` files.

A kata that cannot be imported (missing file, syntax error, an exception at import
time, even ``sys.exit``) is remembered as a :class:`KataUnavailable` reason, so that
every test of that kata fails with the same one-line message and no other kata is
affected.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import traceback
import types
from dataclasses import dataclass, field
from pathlib import Path


class KataUnavailable(Exception):
    """The kata's module could not be imported; ``str(self)`` is a one-line reason."""


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def describe_import_failure(exc: BaseException, target: Path) -> str:
    """One line saying what went wrong while importing a kata, and where."""
    if isinstance(exc, SyntaxError):
        where = f"{_display(Path(exc.filename))}, line {exc.lineno}" if exc.filename else "?"
        text = (exc.text or "").strip()
        shown = f": {text}" if text else ""
        return f"SyntaxError in {where}: {exc.msg}{shown}"
    if getattr(exc, "importing", False):  # mlkata.engine.checks.OutOfTime
        return (
            f"importing your module took more than {exc.limit:g} s of CPU time: is there a "
            "loop or a long computation at the top level of the file?"
        )
    if isinstance(exc, SystemExit):
        what = f"sys.exit({exc.code!r})"
    else:
        what = f"{type(exc).__name__}: {exc}"
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = Path(frame.filename)
        if path.is_relative_to(target):
            return f"{what} (while importing, at {_display(path)}, line {frame.lineno})"
    return f"{what} (while importing)"


def _is_regular_module(name: str) -> bool:
    """Whether ``name`` is importable as a real module (not a namespace package)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    return spec is not None and spec.origin not in (None, "namespace")


@dataclass
class TargetLoader:
    """Loads ``<target>/<topic>/<slug>.py`` modules as ``topic.slug``."""

    target: Path
    _cache: dict[tuple[str, str], types.ModuleType | KataUnavailable] = field(default_factory=dict)
    _topics: dict[str, types.ModuleType] = field(default_factory=dict)
    _borrowed_paths: dict[str, object] = field(default_factory=dict)
    _set_aside: dict[str, types.ModuleType] = field(default_factory=dict)
    _installed: bool = False
    interrupts_are_code: bool = False
    """Take KeyboardInterrupt for the code's own (in a process no terminal signals)."""

    def path_of(self, topic: str, slug: str) -> Path:
        return self.target / topic / f"{slug}.py"

    def install(self) -> None:
        """Make every topic folder of the target importable as a package."""
        if self._installed:
            return
        self._installed = True
        if not self.target.is_dir():
            return
        for folder in sorted(p for p in self.target.iterdir() if p.is_dir()):
            if folder.name.isidentifier():
                self._install_topic(folder.name, folder)

    def _install_topic(self, topic: str, folder: Path) -> None:
        # Modules of this topic already imported from elsewhere (another target, or a
        # tree on sys.path) must not stand in for the target's: set them aside until
        # uninstall.
        for name in [n for n in sys.modules if n == topic or n.startswith(topic + ".")]:
            self._set_aside[name] = sys.modules.pop(name)
        standing = self._set_aside.get(topic)
        if standing is None and _is_regular_module(topic):
            standing = importlib.import_module(topic)
            self._set_aside.pop(topic, None)
        if standing is not None and getattr(standing, "__file__", None):
            # The topic shares its name with a real module (``statistics`` is in the
            # standard library). Keep that module working for everyone and let it carry
            # the target's submodules too.
            self._set_aside.pop(topic, None)
            self._borrowed_paths[topic] = getattr(standing, "__path__", None)
            standing.__path__ = [str(folder)]
            sys.modules[topic] = standing
            self._topics[topic] = standing
            return
        package = types.ModuleType(topic, f"mlkata topic package for {folder}")
        package.__path__ = [str(folder)]
        package.__file__ = None
        package.__package__ = topic
        sys.modules[topic] = package
        self._topics[topic] = package

    def uninstall(self) -> None:
        """Forget every module imported from the target, and put back what was set aside."""
        for topic, package in self._topics.items():
            for name in [n for n in sys.modules if n.startswith(topic + ".")]:
                del sys.modules[name]
            if topic in self._borrowed_paths:
                previous = self._borrowed_paths[topic]
                if previous is None:
                    del package.__path__
                else:
                    package.__path__ = previous
            elif sys.modules.get(topic) is package:
                del sys.modules[topic]
        sys.modules.update(self._set_aside)
        self._set_aside.clear()
        self._topics.clear()
        self._borrowed_paths.clear()
        self._cache.clear()
        self._installed = False

    def load(self, topic: str, slug: str) -> types.ModuleType:
        """The kata's module, or raise :class:`KataUnavailable` with a one-line reason."""
        key = (topic, slug)
        if key not in self._cache:
            self._cache[key] = self._import(topic, slug)
        found = self._cache[key]
        if isinstance(found, KataUnavailable):
            raise found
        return found

    def _import(self, topic: str, slug: str) -> types.ModuleType | KataUnavailable:
        path = self.path_of(topic, slug)
        if not path.is_file():
            return KataUnavailable(f"{_display(path)} does not exist")
        self.install()
        if topic not in self._topics:
            self._install_topic(topic, path.parent)
        try:
            return importlib.import_module(f"{topic}.{slug}")
        except KeyboardInterrupt as exc:
            if not self.interrupts_are_code:
                raise
            sys.modules.pop(f"{topic}.{slug}", None)
            return KataUnavailable(describe_import_failure(exc, self.target))
        except BaseException as exc:  # noqa: BLE001 - student code may raise anything
            sys.modules.pop(f"{topic}.{slug}", None)
            return KataUnavailable(describe_import_failure(exc, self.target))
