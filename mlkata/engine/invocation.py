"""How pytest is invoked to grade: the one place that spells its arguments and environment.

Every grading run loads only the plugins graders need (other installed plugins cost
more start-up than a kata) through ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``, and names the
target tree, the working copy and the seed the same way.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

PLUGINS = ("-p", "mlkata.plugin")
# Built-in plugins a grading run does not need; unraisableexception alone runs
# gc.collect() five times at the end of every session (~100 ms in a warm process).
QUIET_PLUGINS = ("-p", "no:cacheprovider", "-p", "no:unraisableexception")
AUTOLOAD_ENV = "PYTEST_DISABLE_PLUGIN_AUTOLOAD"


def pytest_args(
    paths: Sequence[Path | str],
    *,
    target: Path | str | None = None,
    rootdir: Path | None = None,
    seed: int | None = None,
    extra: Sequence[str] = (),
    quiet: bool = True,
) -> list[str]:
    """The arguments of a pytest run of the graders ``paths`` against ``target``.

    ``quiet`` adds ``-q`` (not for a run without pytest's terminal, ``-p no:terminal``).
    """
    args = [str(p) for p in paths]
    if target is not None:
        args += ["--target", str(target)]
    if rootdir is not None:
        args += ["--rootdir", str(rootdir)]
    if seed is not None:
        args += ["--seed", str(seed)]
    return [*args, *(["-q"] if quiet else []), *QUIET_PLUGINS, *PLUGINS, *extra]


def pytest_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a pytest run in another process: only mlkata's plugins."""
    env = dict(os.environ if base is None else base)
    env[AUTOLOAD_ENV] = "1"
    env.pop("PYTEST_ADDOPTS", None)
    return env


@contextlib.contextmanager
def environment_variable(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


@contextlib.contextmanager
def only_mlkata_plugins() -> Iterator[None]:
    """Within the block, a pytest run in this process loads only the plugins named."""
    with environment_variable(AUTOLOAD_ENV, "1"):
        yield


def run_pytest(args: Sequence[str], plugins: Sequence[object] = ()) -> tuple[int, str]:
    """Run pytest in this process with only mlkata's plugins; its exit code and output."""
    import pytest  # not at module level: commands that only supervise never need it

    captured = io.StringIO()
    with (
        only_mlkata_plugins(),
        contextlib.redirect_stdout(captured),
        contextlib.redirect_stderr(captured),
    ):
        code = pytest.main(list(args), plugins=list(plugins))
    return int(code), captured.getvalue()
