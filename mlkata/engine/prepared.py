"""A kata's pytest run, its start-up done once in the warm worker before it forks.

Each kata's child (:mod:`mlkata.engine.child`) runs a whole ``pytest.main``. Its first
step does not depend on the kata: pytest makes its plugin manager, registers its
built-in plugins (those the run's ``-p no:NAME`` leaves) and builds its option parser,
~15 ms in a fresh fork. :func:`prepare` does that step once in the worker; the child's
:func:`main` is ``pytest.main`` starting from its own copy of it (a fork's). Everything
after it (the kata's arguments, the ini file, the mlkata plugin, collection, the
checks) runs in the child as before. :func:`prepare` also reads the installed
distributions once, which pytest scans for a plugin named by ``-p``.

Nothing of the code under test, nor of a grader, runs in the worker: only pytest's own
start-up. A run whose ``-p no:`` plugins differ from the prepared one's, or with
``PYTEST_DEBUG`` set, starts from scratch as ``pytest.main`` does.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mlkata.engine.invocation import QUIET_PLUGINS

CHILD_BLOCKED = (*QUIET_PLUGINS, "-p", "no:terminal")
"""The ``-p no:NAME`` arguments of every kata's run (the supervisor's request)."""

_PREPARED: dict[frozenset[str], Any] = {}


def blocked(args: Sequence[str]) -> frozenset[str]:
    """The plugins ``args`` block with ``-p no:NAME`` (read as pytest's start-up does)."""
    names = set()
    words = iter(args)
    for word in words:
        if not isinstance(word, str) or not word.startswith("-p"):
            continue
        spec = (next(words, "") if word == "-p" else word[2:]).strip()
        if spec.startswith("no:"):
            names.add(spec[3:])
    return frozenset(names)


def _debugging() -> bool:
    return bool(os.environ.get("PYTEST_DEBUG"))


def prepare(args: Sequence[str] = CHILD_BLOCKED) -> None:
    """In the worker, before forking: pytest's start-up for runs blocking what ``args`` does."""
    if _debugging():
        return
    # Besides pytest's start-up: what every run imports as it starts (the ini file's
    # parser, the minimum version's check, pdb for pytest's debugging plugin, the
    # plugin's session), imported once.
    import importlib.metadata
    import pdb  # noqa: F401

    import packaging.version  # noqa: F401
    import tomllib  # noqa: F401
    from _pytest.config import get_config

    import mlkata.engine.session  # noqa: F401

    # The folders' listings importlib.metadata keeps (until a folder changes).
    list(importlib.metadata.distributions())
    try:
        config = get_config(list(args), prog="pytest.main()")
    except TypeError:  # a pytest before 9.1
        config = get_config(list(args))
    _PREPARED[blocked(args)] = config


def main(args: list[str], plugins: Sequence[object] = ()) -> int:
    """In a kata's child: ``pytest.main(args, plugins)``, from the prepared start-up."""
    import pytest
    from _pytest import config as config_module

    prepared = None if _debugging() else _PREPARED.pop(blocked(args), None)
    _PREPARED.clear()  # one run per process, never a used start-up
    if prepared is None:
        return int(pytest.main(args, plugins=list(plugins)))
    original = config_module.get_config

    def get_config(given: Any = None, given_plugins: Any = None, **rest: Any) -> Any:
        config_module.get_config = original
        if list(given or ()) != args:  # not this run's start-up: pytest's own
            return original(given, given_plugins, **rest)
        prepared.invocation_params = prepared.InvocationParams(
            args=args, plugins=given_plugins, dir=Path.cwd()
        )
        return prepared

    config_module.get_config = get_config
    try:
        return int(pytest.main(args, plugins=list(plugins)))
    finally:
        config_module.get_config = original
