"""The grading worker: ``python -m mlkata.engine.worker``, started by the supervisor.

Fork mode (POSIX): the worker imports pytest, NumPy and the engine once, then reads
one request per line on its standard input and grades each kata in a forked child, so
a kata costs a fork, not an interpreter start. Each kata takes two forks: the
*learner* process where its code under test runs (:mod:`mlkata.engine.learner`),
forked before the kata's request is read so that it never holds the request's token,
and the child that runs its checks (:func:`mlkata.engine.child.run_kata`). The worker
waits for the child, ends the learner process and whatever either left running (on
Linux every descendant, the worker being their subreaper), and tells the supervisor
how the kata ended on the *control* channel, which the child closes before any check
runs. Neither the worker nor the child may be read or traced by the learner process
(:func:`set_undumpable`).

Spawn mode (``--once``, where there is no fork): the worker grades the one request on
its standard input itself, starting a fresh learner process, and exits; the
supervisor sees its exit status directly.

The worker never runs code under test itself, and nothing it reports is a verdict.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
import traceback

from mlkata.engine.channel import LEARNER_LOST


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
    import mlkata.engine.learner  # noqa: F401
    import mlkata.engine.link  # noqa: F401
    import mlkata.engine.remote  # noqa: F401
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


def set_undumpable() -> None:
    """Linux: no other process of this user may read our memory or open our fds.

    The learner process runs as the same user; without this it could read the result
    channel's token from ``/proc/<pid>/mem`` or reopen the channel through
    ``/proc/<pid>/fd`` of the kata's process or the worker.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE
    except (OSError, AttributeError):
        pass


def fork_learner(keep: tuple[int, ...]) -> tuple[int, int]:
    """Fork the next kata's learner process now, before its request (and token) arrive.

    Returns its pid and the checks' end of the socket pair joining them. ``keep``:
    the worker's descriptors the learner process must not hold (closed there).
    """
    import socket

    ours, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.setsid()
            ours.close()
            for fd in keep:
                with contextlib.suppress(OSError):
                    os.close(fd)
            null = os.open(os.devnull, os.O_RDONLY)
            if null != 0:
                os.dup2(null, 0)
                os.close(null)
            sys.stdin = open(0, closefd=False)  # noqa: SIM115 - /dev/null for good
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            from mlkata.engine.learner import serve

            fd = theirs.detach()
            serve(fd, fd)
            code = 0
        except BaseException:  # noqa: BLE001 - the learner process must end here
            with contextlib.suppress(BaseException):
                traceback.print_exc()
        finally:
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(BaseException):
                    stream.flush()
            os._exit(code)
    theirs.close()
    return pid, ours.detach()


def end_learner(pid: int, ending: bool = False) -> int:
    """End the learner process and reap it; its exit status (``waitstatus_to_exitcode``).

    ``ending``: it is ending on its own (the kata's process saw it go), so it is given
    a moment to keep its own exit status.
    """
    for _ in range(100 if ending else 0):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.002)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


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
    set_undumpable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _send(control_fd, event="ready", pid=os.getpid(), subreaper=subreaper)
    stdin = os.fdopen(0, "rb", buffering=0)
    buffer = b""
    learner = fork_learner((0, results_fd, control_fd))
    while True:
        chunk = stdin.read(65536)
        if not chunk:
            end_learner(learner[0])
            return
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            request = json.loads(line)
            request["learner_pid"], request["learner_fd"] = learner
            pid = os.fork()
            if pid == 0:
                _run_child(request, results_fd, control_fd)
            os.close(learner[1])
            _send(control_fd, event="started", id=request["id"], pid=pid)
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            learner_code = end_learner(learner[0], ending=code == LEARNER_LOST)
            if code == LEARNER_LOST:  # the learner process ended: its status is the kata's
                code = learner_code
            # The kata's own processes, now orphans, are ours (alive or not yet reaped):
            # a kata that leaves any behind fails, even one forked past the audit hook.
            left = len(_children())
            sweep(pid)
            _send(control_fd, event="exit", id=request["id"], status=code, left=left)
            learner = fork_learner((0, results_fd, control_fd))


def once(results_fd: int) -> None:
    """Spawn mode: grade the one request on standard input in this process."""
    request = json.loads(sys.stdin.buffer.readline())
    set_undumpable()
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
