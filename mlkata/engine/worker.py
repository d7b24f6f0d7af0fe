"""The grading worker: ``python -m mlkata.engine.worker``, started by the supervisor.

Fork mode (POSIX): the worker imports pytest, NumPy and the engine once, then reads
one request per line on its standard input and grades each kata in a forked child, so
a kata costs a fork, not an interpreter start. The child runs
:func:`mlkata.engine.child.run_kata`; the worker waits for it, ends whatever it left
running (the child's process group, and on Linux every descendant, the worker being
their subreaper), and tells the supervisor how the child ended on the *control*
channel, which the child closes before any code under test runs.

Spawn mode (``--once``, where there is no fork): the worker grades the one request on
its standard input itself and exits; the supervisor sees its exit status directly.

The worker never runs code under test itself, and nothing it reports is a verdict.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import traceback


def preload() -> None:
    """What every kata needs, imported once before forking."""
    # pytest imports its built-in plugins when a session starts: once here, not in
    # every kata's process.
    import importlib

    import numpy  # noqa: F401
    import numpy.fft  # noqa: F401
    import numpy.linalg  # noqa: F401
    import numpy.random  # noqa: F401
    import pytest  # noqa: F401
    from _pytest.config import default_plugins

    for name in default_plugins:
        importlib.import_module(f"_pytest.{name}")

    import mlkata.engine.checks  # noqa: F401
    import mlkata.engine.child  # noqa: F401
    import mlkata.engine.guard  # noqa: F401
    import mlkata.grading  # noqa: F401
    import mlkata.plugin  # noqa: F401
    from mlkata.engine.prepared import prepare

    prepare()  # pytest's start-up, once: each kata's run starts from a copy


def _become_subreaper() -> bool:
    """Linux: orphans of our children become ours, so none escapes the sweep."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _children() -> list[int]:
    pids: list[int] = []
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return pids
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/children") as handle:
                pids += [int(p) for p in handle.read().split()]
        except OSError:
            continue
    return pids


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def sweep(group: int) -> None:
    """End the kata's process group and every process it left behind."""
    try:
        os.killpg(group, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    for _ in range(200):
        _reap()
        left = _children()
        if not left:
            return
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.005)


def _send(fd: int, **record: object) -> None:
    data = (json.dumps(record) + "\n").encode()
    while data:
        data = data[os.write(fd, data) :]


def _run_child(request: dict, results_fd: int, control_fd: int) -> None:
    """In the forked child: never returns."""
    code = 70
    try:
        os.close(control_fd)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        from mlkata.engine.child import run_kata

        code = run_kata(request, results_fd)
    except BaseException:  # noqa: BLE001 - the child must end here, whatever happened
        try:
            traceback.print_exc()
        except BaseException:  # noqa: BLE001
            pass
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001 - the code under test may have closed it
                pass
        os._exit(0 if code in (0, 1) else code)


def serve(results_fd: int, control_fd: int) -> None:
    """Fork mode: one kata per request line, until standard input closes."""
    preload()
    # Everything imported so far is shared with each kata's child: kept out of the
    # collector's reach, its pages are not copied when a child's collection walks them.
    import gc

    gc.freeze()
    subreaper = _become_subreaper()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _send(control_fd, event="ready", pid=os.getpid(), subreaper=subreaper)
    stdin = os.fdopen(0, "rb", buffering=0)
    buffer = b""
    while True:
        chunk = stdin.read(65536)
        if not chunk:
            return
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                _run_child(request, results_fd, control_fd)
            _send(control_fd, event="started", id=request["id"], pid=pid)
            _, status = os.waitpid(pid, 0)
            # The kata's own processes, now orphans, are ours (alive or not yet reaped):
            # a kata that leaves any behind fails, even one forked past the audit hook.
            left = len(_children())
            sweep(pid)
            _send(
                control_fd,
                event="exit",
                id=request["id"],
                status=os.waitstatus_to_exitcode(status),
                left=left,
            )


def once(results_fd: int) -> None:
    """Spawn mode: grade the one request on standard input in this process."""
    request = json.loads(sys.stdin.buffer.readline())
    from mlkata.engine.child import run_kata

    code = run_kata(request, results_fd, new_session=False)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001
            pass
    os._exit(0 if code in (0, 1) else code)


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--once":
        once(int(argv[1]))
    else:
        serve(int(argv[0]), int(argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
