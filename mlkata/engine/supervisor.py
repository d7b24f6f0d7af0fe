"""The supervisor: grades katas in child processes and writes the verdicts itself.

Every way of grading comes here (the pytest plugin, ``mlkata check``/``watch``, nox,
``mlkata dev check``, later the class grader). For each kata the supervisor asks a
worker (:mod:`mlkata.engine.worker`) for a fresh process, in its own process group,
that runs the kata's grader (:mod:`mlkata.engine.child`). That process reports each
check on the result channel (:mod:`mlkata.engine.channel`); the supervisor watches
the channel, the process's output and its CPU time, ends it when a limit
(:mod:`mlkata.engine.limits`) is passed, and then decides:

- a check passes only when its process reported it passed and nothing else went
  wrong (no forged record, no failed setup or teardown);
- a check that was running when the process died fails with the reason (a crash, an
  exit, a limit), and the checks after it are "not run";
- skipped is failed.

Nothing the code under test does in its own process can end, silence or outlive the
supervisor, and after each kata the worker ends everything the kata started.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mlkata.engine.channel import LEARNER_BROKE, LEARNER_LOST, ChannelReader, new_token
from mlkata.engine.invocation import pytest_args, pytest_environment
from mlkata.engine.layout import Layout
from mlkata.engine.limits import Limits, default_limits
from mlkata.engine.results import CheckResult, KataResult
from mlkata.engine.sandbox import default_launcher

POLL_S = 0.02
SAMPLE_S = 0.5
IDLE_CPU_S = 0.05
"""CPU seconds of work that show a kata is not idle (see Limits.idle_s)."""
CAN_FORK = hasattr(os, "fork") and sys.platform != "darwin"
"""Fork mode where fork is safe with NumPy loaded (not macOS, whose frameworks forbid it)."""
WORKER_MODE_ENV = "MLKATA_WORKER"
# -P: the folder the learner runs mlkata in is not on the worker's sys.path, so a file
# there named like a library (numpy.py) cannot stand in for it.
WORKER_COMMAND = (sys.executable, *(["-P"] if sys.version_info >= (3, 11) else []), "-m")
WORKER_COMMAND = (*WORKER_COMMAND, "mlkata.engine.worker")


class SupervisorError(Exception):
    """The grading machinery itself failed (not the code under test); one line."""


@dataclass(frozen=True)
class KataRequest:
    """One kata to grade: its grader and, optionally, only some of its checks."""

    topic: str
    slug: str
    grader: Path
    nodeids: tuple[str, ...] | None = None


# -- processes ------------------------------------------------------------------------


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of ``pid`` from /proc, or None where there is none."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return None


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _kata_cpu(watch: _Watch) -> float | None:
    """CPU time of the kata's two processes: its checks and its code under test."""
    cpu = _cpu_seconds(watch.pid) if watch.pid > 0 else None
    if cpu is not None and watch.learner_pid > 0:
        cpu += _cpu_seconds(watch.learner_pid) or 0.0
    return cpu


def _kill_group(pid: int) -> None:
    if pid <= 0:
        return
    try:
        if hasattr(os, "killpg"):
            os.killpg(pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            os.kill(pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError, OSError):
        pass


def _nonblocking_pipe() -> tuple[int, int]:
    read, write = os.pipe()
    os.set_blocking(read, False)
    return read, write


def _read_available(fd: int) -> bytes | None:
    """What the pipe has now; b'' if nothing yet, None at end of file."""
    chunks = []
    while True:
        try:
            data = os.read(fd, 1 << 16)
        except BlockingIOError:
            break
        except OSError:
            return None if not chunks else b"".join(chunks)
        if not data:
            return None if not chunks else b"".join(chunks)
        chunks.append(data)
        if len(chunks) > 64:
            break
    return b"".join(chunks)


def _status_fields(pid: int | str) -> dict[str, str]:
    try:
        with open(f"/proc/{pid}/status") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return {}
    return dict(line.split(":", 1) for line in lines if ":" in line)


def _descends_from(pid: int, ancestor: int) -> bool:
    for _ in range(64):
        if pid == ancestor:
            return True
        parent = _status_fields(pid).get("PPid", "0").strip()
        pid = int(parent) if parent.isdigit() else 0
        if pid <= 1:
            return False
    return False


def host_pid(reported: int, ancestor: int) -> int:
    """The pid, as this process sees it, of the descendant of ``ancestor`` that is
    ``reported`` in its own pid namespace (a worker a launcher started in a sandbox);
    -1 when there is none (then the kata can only be ended with its whole worker)."""
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return -1
    for entry in entries:
        nspids = _status_fields(entry).get("NSpid", "").split()
        if len(nspids) > 1 and nspids[-1] == str(reported):
            if _descends_from(int(entry), ancestor):
                return int(entry)
    return -1


def worker_environment() -> dict[str, str]:
    env = pytest_environment()
    for name in ("MLKATA_TARGET", "PYTEST_CURRENT_TEST", "PYTEST_XDIST_WORKER"):
        env.pop(name, None)
    # One BLAS thread per kata: CPU time then measures the kata's own work, and
    # katas graded side by side do not oversubscribe the machine.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[name] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    return env


class Worker:
    """One worker process; grades one kata at a time.

    ``launcher``: argv words put before the worker's command (a sandbox, a container).
    A launched worker may run in its own pid namespace: the pids it reports are
    translated with :func:`host_pid`.
    """

    def __init__(self, launcher: Sequence[str] = ()) -> None:
        self.launcher = tuple(launcher)
        self.mode = os.environ.get(WORKER_MODE_ENV) or ("fork" if CAN_FORK else "spawn")
        self.process: subprocess.Popen | None = None
        self.results = self.output = self.control = -1
        self.ready = False
        self._control_buffer = b""
        self._next_id = 0

    # fork mode: one long-lived zygote ---------------------------------------------

    def start(self) -> None:
        """Start the zygote now (fork mode), so that its imports overlap other work."""
        if self.mode != "fork" or self.alive:
            return
        self.close()
        results_r, results_w = _nonblocking_pipe()
        output_r, output_w = _nonblocking_pipe()
        control_r, control_w = _nonblocking_pipe()
        try:
            self.process = subprocess.Popen(
                [*self.launcher, *WORKER_COMMAND, str(results_w), str(control_w)],
                stdin=subprocess.PIPE,
                stdout=output_w,
                stderr=output_w,
                pass_fds=(results_w, control_w),
                env=worker_environment(),
                start_new_session=True,
            )
        except OSError as exc:
            for fd in (results_r, results_w, output_r, output_w, control_r, control_w):
                os.close(fd)
            raise SupervisorError(f"cannot start the grading worker: {exc}") from None
        for fd in (results_w, output_w, control_w):
            os.close(fd)
        self.results, self.output, self.control = results_r, output_r, control_r
        self.ready = False
        self._control_buffer = b""

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def control_records(self) -> list[dict] | None:
        data = _read_available(self.control)
        if data is None:
            return None
        self._control_buffer += data
        records = []
        while b"\n" in self._control_buffer:
            line, self._control_buffer = self._control_buffer.split(b"\n", 1)
            with contextlib.suppress(ValueError):
                records.append(json.loads(line))
        for record in records:
            if record.get("event") == "ready":
                self.ready = True
        return records

    def submit(self, request: dict) -> None:
        if self.mode == "fork":
            self.start()
            assert self.process is not None and self.process.stdin is not None
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            self.process.stdin.flush()
            return
        # spawn mode: a fresh process graded in place
        self.close()
        results_r, results_w = _nonblocking_pipe()
        output_r, output_w = _nonblocking_pipe()
        self.process = subprocess.Popen(
            [*self.launcher, *WORKER_COMMAND, "--once", str(results_w)],
            stdin=subprocess.PIPE,
            stdout=output_w,
            stderr=output_w,
            pass_fds=(results_w,),
            env=worker_environment(),
            start_new_session=True,
        )
        os.close(results_w)
        os.close(output_w)
        self.results, self.output = results_r, output_r
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.close()

    def close(self) -> None:
        if self.process is not None:
            _kill_group(self.process.pid)
            with contextlib.suppress(OSError, ValueError):
                if self.process.stdin:
                    self.process.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
        for fd in (self.results, self.output, self.control):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.results = self.output = self.control = -1
        self.process = None

    def kata_pid(self, reported: int) -> int:
        """The pid of a kata's process, as the worker reported it, in this process's view."""
        if not self.launcher:
            return reported
        return host_pid(reported, self.process.pid) if self.process is not None else -1

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id


# -- one kata -------------------------------------------------------------------------


@dataclass
class _Watch:
    """What the supervisor knows about the kata being graded."""

    request: KataRequest
    limits: Limits
    token: str
    worker: Worker | None = None
    expected: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    cpu_limits: dict[str, float] = field(default_factory=dict)
    reports: dict[str, list[dict]] = field(default_factory=dict)
    collect_errors: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    current: str | None = None
    importing_since: float | None = None
    check_cpu_start: float | None = None
    done: bool = False
    pid: int = 0
    learner_pid: int = 0  # the process the code under test runs in
    learner_status: int | None = None  # how it ended, where the kata's process saw it
    exit_status: int | None = None
    left: int = 0  # processes the kata left behind (the worker's sweep ended them)
    ended_by: str = ""
    hung: bool = False  # ended for taking too long: its other checks are not run
    worker_lost: bool = False
    output: bytearray = field(default_factory=bytearray)
    printed: int = 0

    def on_record(self, record: dict, now: float, cpu: float | None) -> None:
        event = record.get("event")
        if event == "collected":
            for check in record.get("checks", []):
                if not check.get("grader", True):
                    continue
                nodeid = check["nodeid"]
                if nodeid not in self.names:
                    self.expected.append(nodeid)
                self.names[nodeid] = check["name"]
                self.weights[nodeid] = float(check.get("weight", 1.0))
                self.cpu_limits[nodeid] = float(check.get("limit", self.limits.check_cpu_s))
        elif event == "start":
            self.current = record.get("nodeid")
            self.check_cpu_start = cpu
        elif event == "phase":
            self.importing_since = now if record.get("phase") == "importing" else None
        elif event == "report":
            self.reports.setdefault(record.get("nodeid", ""), []).append(record)
            if record.get("when") == "teardown" or record.get("outcome") != "passed":
                if record.get("when") != "setup" or record.get("outcome") != "passed":
                    pass
        elif event == "collect_error":
            self.collect_errors.append(str(record.get("message", "")))
        elif event == "error":
            self.errors.append(f"internal error: {record.get('message', '')}")
        elif event == "learner_exit":
            status = record.get("status")
            self.learner_status = int(status) if isinstance(status, int) else None
        elif event == "done":
            self.done = True
            self.current = None


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _crash_reason(watch: _Watch) -> str:
    """Why the kata's process ended before reporting everything, for the learner."""
    if watch.ended_by:
        return watch.ended_by
    status = watch.exit_status
    if status is None:
        return "the grading worker ended (did your code kill its parent process?)"
    if status < 0:
        number = -status
        if number == getattr(signal, "SIGKILL", 9):
            return (
                "the process was killed (SIGKILL), probably by the system for using too much memory"
            )
        if number == getattr(signal, "SIGXCPU", -1):
            return f"used more than {watch.limits.kata_cpu_s:g} s of CPU time in all"
        return (
            f"your code crashed the Python process ({_signal_name(number)}): a segmentation "
            "fault or abort, e.g. through ctypes or a C extension"
        )
    if status == LEARNER_BROKE:
        return (
            "your code interfered with the line between it and its grader (it wrote to the "
            "grader's pipe, or sent what no function returns): the kata fails"
        )
    return (
        f"your code ended the process (exit status {status}) before the checks finished: "
        "os._exit, or a crash? A kata must return its result"
    )


def _verdict(watch: _Watch, seconds: float) -> KataResult:
    request = watch.request
    result = KataResult(request.topic, request.slug, seconds=seconds)
    result.output = watch.output.decode(errors="replace")
    if watch.printed > len(watch.output):
        result.output += f"\n... ({watch.printed - len(watch.output)} more bytes not shown)"
    result.errors += [f"the grader could not be collected: {m}" for m in watch.collect_errors]
    result.errors += watch.errors
    forged = watch.__dict__.get("forged", 0)
    reason = _crash_reason(watch) if not watch.done or watch.ended_by else ""
    stopped_at = None
    for nodeid in watch.expected:
        phases = watch.reports.get(nodeid, [])
        name = watch.names.get(nodeid, nodeid.rsplit("::", 1)[-1])
        weight = watch.weights.get(nodeid, 1.0)
        bad = next((p for p in phases if p.get("outcome") != "passed"), None)
        called = any(p.get("when") == "call" and p.get("outcome") == "passed" for p in phases)
        check = CheckResult(name, False, weight, nodeid=nodeid)
        if forged:
            check.message = (
                "something other than the grader wrote to the grader's result channel: "
                "the kata fails"
            )
        elif watch.left:
            check.message = (
                f"your code started processes ({watch.left} still there when the kata "
                "ended, now stopped): a kata must not start processes, so it fails"
            )
        elif bad is not None and bad.get("outcome") == "skipped":
            check.message = (
                f"the check was skipped ({bad.get('message', '')}): graders never skip, "
                "so a skip is a failure"
            )
        elif bad is not None:
            check.message = str(bad.get("message") or "failed")
            check.longrepr = str(bad.get("longrepr") or check.message)
            check.sections = [tuple(s) for s in bad.get("sections", [])]
            check.duration = float(bad.get("duration", 0.0))
        elif called and (watch.done or nodeid != watch.current):
            check.passed = True
            call = next(p for p in phases if p.get("when") == "call")
            check.duration = float(call.get("duration", 0.0))
            check.cpu = call.get("cpu")
            check.learner_cpu = call.get("learner_cpu")
        elif reason and stopped_at is None:
            stopped_at = nodeid
            check.message = reason
        elif reason:
            check.message = "not run: " + (
                "the kata seems to hang (an earlier check was stopped)"
                if watch.hung
                else "the kata was stopped earlier"
                if watch.ended_by
                else "the kata's process ended earlier"
            )
        else:
            check.message = "not run: the grader's run ended before this check"
        if not check.longrepr:
            check.longrepr = check.message
        result.checks[name] = check
    if not watch.expected and not result.errors:
        if not watch.ended_by and watch.exit_status not in (None, 0, 1):
            lines = [line for line in result.output.splitlines() if line.strip()]
            tail = f": {lines[0].strip()}" if lines else ""
            result.errors.append(
                f"the grader could not run (pytest exit status {watch.exit_status}){tail}"
            )
        else:
            result.errors.append(reason or "no check ran: the grader has no test for this kata")
    return result


class Supervisor:
    """Grades katas of one target tree with the graders of one working copy."""

    def __init__(
        self,
        root: Path,
        target: Path,
        *,
        seed: int | None = None,
        limits: Limits | None = None,
        jobs: int = 1,
        cwd: Path | None = None,
        extra_args: Sequence[str] = (),
        launcher: Sequence[str] | None = None,
    ) -> None:
        """``launcher``: argv words put before the worker's command (e.g. a sandbox);
        such workers are never shared with other supervisors. By default (None), the
        operating-system sandbox where the machine has one (:mod:`~mlkata.engine.sandbox`),
        its workers kept for the next run of the same tree; ``()`` for none."""
        self.layout = Layout(Path(root))
        self.target = Path(target).resolve()
        self.seed = seed
        self.limits = limits or default_limits()
        self.jobs = max(1, jobs)
        self.cwd = Path(cwd or Path.cwd())
        self.extra_args = list(extra_args)
        self._shared = launcher is None
        self.launcher = (
            default_launcher(self.layout.root, self.target) if launcher is None else tuple(launcher)
        )
        self._workers: list[Worker] = []
        self._free: list[Worker] = []
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        self._closed = False

    # -- workers ------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Start a worker now, so that its imports overlap the caller's own work."""
        worker = self._acquire()
        worker.start()
        self._release(worker)

    def _acquire(self) -> Worker:
        with self._lock:
            if self._free:
                return self._free.pop()
            shared = _SHARED.take(self.launcher) if self._shared else None
            worker = shared or Worker(self.launcher)
            self._workers.append(worker)
            return worker

    def _release(self, worker: Worker) -> None:
        with self._lock:
            self._free.append(worker)

    def close(self) -> None:
        """Give the workers back for reuse in this process (killed at exit)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        with self._lock:
            for worker in self._workers:
                if worker.alive and worker.mode == "fork" and self._shared:
                    _SHARED.give(worker)
                else:
                    worker.close()
            self._workers.clear()
            self._free.clear()

    def kill(self) -> None:
        """End every worker and kata process now (Ctrl-C)."""
        self._closed = True
        with self._lock:
            for worker in self._workers:
                worker.close()
            self._workers.clear()
            self._free.clear()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> Supervisor:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if (
            exc_type is not None
            and issubclass(exc_type, BaseException)
            and (exc_type is KeyboardInterrupt or not issubclass(exc_type, Exception))
        ):
            self.kill()
        else:
            self.close()

    # -- grading ------------------------------------------------------------------------

    def grade(self, request: KataRequest) -> KataResult:
        """Grade one kata (blocking)."""
        worker = self._acquire()
        try:
            return self._grade_on(worker, request)
        finally:
            self._release(worker)

    def submit(self, request: KataRequest) -> Future:
        """Grade a kata in the background; at most ``jobs`` at a time."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.jobs, thread_name_prefix="mlkata-grade")
        return self._executor.submit(self.grade, request)

    def grade_all(self, requests: Iterable[KataRequest]) -> Iterator[KataResult]:
        """Grade every kata, ``jobs`` at a time, yielding results in the order given."""
        futures = [self.submit(r) for r in requests]
        for future in futures:
            yield future.result()

    def _request(self, request: KataRequest, token: str, worker: Worker) -> dict:
        extra = ["-s", "-p", "no:terminal", "--mlkata-role", "child", *self.extra_args]
        args = pytest_args(
            [request.grader],
            target=self.target,
            rootdir=self.layout.root,
            seed=self.seed,
            extra=extra,
            quiet=False,
        )
        return {
            "id": worker.new_id(),
            "token": token,
            "args": args,
            "cwd": str(self.cwd),
            "target": str(self.target),
            "root": str(self.layout.root),
            "protected": [str(p) for p in self.layout.protected(self.target)],
            "nodeids": list(request.nodeids) if request.nodeids is not None else None,
            "limits": self.limits.to_dict(),
        }

    def _grade_on(self, worker: Worker, request: KataRequest) -> KataResult:
        if self._closed:
            raise SupervisorError("grading was stopped")
        if not request.grader.is_file():
            result = KataResult(request.topic, request.slug)
            result.errors.append(f"no grader: {request.grader} does not exist")
            return result
        started = time.monotonic()
        for attempt in (1, 2):
            watch = _Watch(request, self.limits, new_token(), worker)
            try:
                worker.submit(self._request(request, watch.token, worker))
            except (OSError, ValueError) as exc:  # a worker that died between katas
                worker.close()
                if attempt == 2:
                    raise SupervisorError(f"cannot start the grading worker: {exc}") from None
                continue
            self._follow(worker, watch, started)
            if not watch.worker_lost or watch.pid:
                break
            # The worker ended before it started the kata: no code under test ran, so
            # this is the machinery's failure, not the kata's. Once more, afresh.
            worker.close()
            if attempt == 2:
                tail = watch.output.decode(errors="replace").strip().splitlines()[-1:]
                raise SupervisorError(
                    "the grading worker ended before grading: " + (tail[0] if tail else "no output")
                )
        return _verdict(watch, time.monotonic() - started)

    def _follow(self, worker: Worker, watch: _Watch, started: float) -> None:
        """Watch one kata until its process has ended, ending it at a limit."""
        reader = ChannelReader(watch.token)
        limits = self.limits
        last_event = last_busy = started
        busy_cpu: float | None = None  # the CPU time at the last sign of work
        last_sample = 0.0
        exited = False
        while True:
            now = time.monotonic()
            cpu = _kata_cpu(watch) if watch.pid and now - last_sample >= SAMPLE_S else None
            if cpu is not None:
                last_sample = now
                # Cumulative, not per sample: a process starved by a busy machine still
                # shows work over the idle window; a sleeping one does not.
                if busy_cpu is None or cpu - busy_cpu > IDLE_CPU_S:
                    last_busy, busy_cpu = now, cpu
            data = _read_available(worker.results)
            if data:
                for record in reader.feed(data):
                    last_event = now
                    if record.get("event") == "learner" and not watch.learner_pid:
                        with contextlib.suppress(TypeError, ValueError):
                            watch.learner_pid = worker.kata_pid(int(record["pid"]))
                    current_cpu = _kata_cpu(watch) if watch.pid else None
                    watch.on_record(record, now, current_cpu)
            output = _read_available(worker.output)
            if output:
                watch.printed += len(output)
                room = limits.output_kept - len(watch.output)
                if room > 0:
                    watch.output += output[:room]
                if watch.printed > limits.output_bytes and not watch.ended_by:
                    mb = limits.output_bytes // (1024 * 1024)
                    self._end(watch, f"your code printed more than {mb} MB: print less")
            if worker.mode == "fork":
                records = worker.control_records()
                if records is None:
                    watch.worker_lost = True
                    if not exited:
                        if not watch.ended_by:
                            watch.ended_by = (
                                "the grading worker was ended (did your code kill its parent "
                                "process?)"
                            )
                        _kill_group(watch.pid)
                        worker.close()
                    exited = True
                else:
                    for record in records:
                        if record.get("event") == "started":
                            watch.pid = worker.kata_pid(int(record["pid"]))
                        elif record.get("event") == "exit":
                            watch.exit_status = int(record["status"])
                            watch.left = int(record.get("left", 0))
                            exited = True
            else:
                process = worker.process
                if process is not None and not watch.pid:
                    watch.pid = process.pid if not worker.launcher else -1
                if process is not None and process.poll() is not None:
                    watch.exit_status = process.returncode
                    if worker.launcher and process.returncode > 128:
                        # bubblewrap's own status for a child ended by signal N
                        watch.exit_status = 128 - process.returncode
                    exited = True
            if exited:
                # What is still in the pipes was written before the process ended.
                tail = _read_available(worker.results) if worker.results >= 0 else None
                if tail:
                    for record in reader.feed(tail):
                        watch.on_record(record, now, None)
                rest = _read_available(worker.output) if worker.output >= 0 else None
                if rest:
                    watch.printed += len(rest)
                    room = limits.output_kept - len(watch.output)
                    if room > 0:
                        watch.output += rest[:room]
                watch.__dict__["forged"] = reader.forged
                if watch.exit_status == LEARNER_LOST and watch.learner_status is not None:
                    watch.exit_status = watch.learner_status  # it ended the kata
                if worker.mode != "fork":
                    worker.close()
                return
            self._check_limits(watch, now, started, last_event, last_busy)
            self._wait(worker)

    def _check_limits(
        self, watch: _Watch, now: float, started: float, last_event: float, last_busy: float
    ) -> None:
        if watch.ended_by or not watch.pid:
            return
        limits = self.limits
        if now - started > limits.kata_wall_s:
            self._end(
                watch, f"the kata ran for more than {limits.kata_wall_s:g} s in all", hung=True
            )
            return
        if watch.importing_since is not None and now - watch.importing_since > limits.import_wall_s:
            self._end(
                watch,
                f"importing your module did not finish within {limits.import_wall_s:g} s: "
                "does it wait for input, sleep, or loop at the top level?",
                hung=True,
            )
            return
        cpu = _kata_cpu(watch)
        if cpu is not None and watch.current and watch.check_cpu_start is not None:
            limit = watch.cpu_limits.get(watch.current, limits.check_cpu_s)
            if cpu - watch.check_cpu_start > limits.kill_after_cpu_s(limit):
                self._end(
                    watch,
                    f"ran out of time: more than {limit:g} s of CPU time, and the code did "
                    "not stop when interrupted (does it catch every exception, or replace "
                    "signal handlers?)",
                    hung=True,
                )
                return
        quiet = now - max(last_event, last_busy)
        if cpu is not None and quiet > limits.idle_s:
            where = " while importing your module" if watch.importing_since else ""
            self._end(
                watch,
                f"your code did nothing for {limits.idle_s:g} s{where} (no computing, no "
                "result): is it waiting for input, sleeping, or blocked?",
                hung=True,
            )
        elif cpu is None and now - last_event > limits.stall_s:
            self._end(
                watch,
                f"no check finished for {limits.stall_s:g} s: the kata seems to hang",
                hung=True,
            )

    def _end(self, watch: _Watch, reason: str, hung: bool = False) -> None:
        watch.ended_by = reason
        watch.hung = hung
        if watch.learner_pid > 0:
            _kill_group(watch.learner_pid)
            with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
                os.kill(watch.learner_pid, signal.SIGKILL)
        if watch.pid > 0:
            _kill_group(watch.pid)
        elif watch.worker is not None:  # a kata whose pid is unknown: end its worker
            watch.worker.close()

    def _wait(self, worker: Worker) -> None:
        fds = [fd for fd in (worker.results, worker.output, worker.control) if fd >= 0]
        if not fds or os.name == "nt":
            time.sleep(POLL_S)
            return
        import select

        with contextlib.suppress(OSError, ValueError):
            select.select(fds, [], [], SAMPLE_S)


class _SharedWorkers:
    """Idle fork-mode workers kept for the next grading run in this process."""

    def __init__(self) -> None:
        self._idle: list[Worker] = []
        self._lock = threading.Lock()
        atexit.register(self.close_all)

    def take(self, launcher: tuple[str, ...] = ()) -> Worker | None:
        """An idle worker started with ``launcher`` (a sandbox's binds name its tree)."""
        with self._lock:
            for worker in [w for w in self._idle if w.launcher == launcher]:
                self._idle.remove(worker)
                if worker.alive:
                    return worker
                worker.close()
        return None

    def give(self, worker: Worker) -> None:
        with self._lock:
            self._idle.append(worker)

    def close_all(self) -> None:
        with self._lock:
            for worker in self._idle:
                worker.close()
            self._idle.clear()


_SHARED = _SharedWorkers()


def prestart(root: Path | None = None, target: Path | None = None) -> None:
    """Start a worker for this process's next grading (of ``target`` with ``root``'s
    graders, in the sandbox where there is one) now, so that its imports overlap
    whatever the caller does first (a command reading its curriculum and progress)."""
    launcher: tuple[str, ...] = ()
    if root is not None and target is not None:
        launcher = default_launcher(Layout(Path(root)).root, Path(target).resolve())
    worker = _SHARED.take(launcher) or Worker(launcher)
    try:
        worker.start()
    except SupervisorError:
        return  # said again, with its reason, when grading starts
    _SHARED.give(worker)
