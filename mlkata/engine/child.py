"""The process a kata is graded in: limits, then pytest, reporting on the channel.

:func:`run_kata` is what the worker (:mod:`mlkata.engine.worker`) runs in a fresh
process for each kata. It puts the process in its own session (so the supervisor can
end it and everything it starts at once), sets the kernel's limits, joins the
learner process where the code under test runs (:mod:`mlkata.engine.learner`), and
runs pytest on the kata's grader with the mlkata plugin in its ``child`` role: checks
run here (:mod:`mlkata.engine.checks`) and :class:`Reporter` sends what happened to
the supervisor. Nothing here decides a verdict.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import pytest

from mlkata.engine import prepared
from mlkata.engine.channel import ChannelWriter
from mlkata.engine.limits import Limits
from mlkata.engine.link import LearnerLink

LONGREPR_LIMIT = 20_000


def learner_message(report: Any) -> str:
    """The whole learner message of a failed report (without pytest's decoration)."""
    longrepr = report.longrepr
    if isinstance(longrepr, tuple):  # skipped: (path, lineno, message)
        return str(longrepr[2])
    reprcrash = getattr(longrepr, "reprcrash", None)
    text = reprcrash.message if reprcrash is not None else str(longrepr)
    text = text.strip()
    return text.removeprefix("Failed: ")


class Reporter:
    """A pytest plugin: every collected check, start and outcome, on the channel."""

    def __init__(self, channel: ChannelWriter, wanted: list[str] | None, limits: Limits) -> None:
        self.channel = channel
        self.wanted = set(wanted) if wanted else None
        self.limits = limits

    def pytest_collection_modifyitems(self, config: pytest.Config, items: list) -> None:
        if self.wanted is None:
            return
        keep = [i for i in items if i.nodeid in self.wanted]
        dropped = [i for i in items if i.nodeid not in self.wanted]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = keep

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        from mlkata.engine.checks import check_limit, is_grader

        checks = []
        for item in session.items:
            marker = item.get_closest_marker("points")
            weight = float(marker.args[0]) if marker and marker.args else 1.0
            checks.append(
                {
                    "nodeid": item.nodeid,
                    "name": item.name,
                    "weight": weight,
                    "limit": check_limit(item, self.limits),
                    "grader": is_grader(item),
                }
            )
        self.channel.send("collected", checks=checks)

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            self.channel.send("collect_error", message=last_error(report))

    def pytest_runtest_logstart(self, nodeid: str, location: Any) -> None:
        self.channel.send("start", nodeid=nodeid, cpu=time.process_time())

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.passed and report.when != "call":
            return
        fields: dict[str, Any] = {
            "nodeid": report.nodeid,
            "when": report.when,
            "outcome": report.outcome,
            "duration": report.duration,
            "cpu": getattr(report, "mlkata_cpu", None),
            "learner_cpu": getattr(report, "mlkata_learner_cpu", None),
        }
        if not report.passed:
            fields["message"] = learner_message(report)[:LONGREPR_LIMIT]
            fields["longrepr"] = report.longreprtext[:LONGREPR_LIMIT]
            fields["sections"] = [(t, c[:LONGREPR_LIMIT]) for t, c in report.sections][:5]
        self.channel.send("report", **fields)

    def pytest_internalerror(self, excrepr: Any) -> None:
        self.channel.send("error", message=str(excrepr).strip().splitlines()[-1])

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        self.channel.send("done", exitstatus=int(exitstatus))


def last_error(report: Any) -> str:
    """The ``E   ...`` line that ends a collection error (``SyntaxError: ...``)."""
    lines = [line.strip() for line in str(report.longrepr).splitlines() if line.strip()]
    errors = [line[1:].strip() for line in lines if line.startswith("E ")]
    return errors[-1] if errors else (lines[-1] if lines else "unknown error")


def set_limits(limits: Limits) -> None:
    """The kernel's limits for this process: no core file, CPU time, address space."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    wanted = [
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_CPU, int(limits.kata_cpu_s)),
        (getattr(resource, "RLIMIT_AS", None), limits.memory_mb * 1024 * 1024),
    ]
    for kind, value in wanted:
        if kind is None:
            continue
        try:
            _, hard = resource.getrlimit(kind)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            soft = value
            if kind == resource.RLIMIT_CPU:
                hard = value + 5 if hard == resource.RLIM_INFINITY else hard
            resource.setrlimit(kind, (soft, hard))
        except (ValueError, OSError):  # pragma: no cover - a platform that refuses one
            pass


def run_kata(request: dict, results_fd: int, new_session: bool = True) -> int:
    """Grade one kata in this process as ``request`` says; the pytest exit code.

    ``request``: ``args`` (pytest's arguments), ``token``, ``cwd``, ``target``,
    ``root``, ``protected`` (folders the code may not read), ``nodeids`` (the checks
    to run, or None for all), ``limits``.
    """
    if new_session and hasattr(os, "setsid"):
        try:
            os.setsid()
        except OSError:  # already a session leader (spawned with start_new_session)
            pass
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 is /dev/null for good
    limits = Limits.from_dict(request.get("limits", {}))
    set_limits(limits)
    try:
        os.chdir(request["cwd"])
    except OSError:  # a folder the sandbox does not hold: paths in args are absolute
        os.chdir(request["root"])
    channel = ChannelWriter(results_fd, request["token"])
    learner = _learner(request)
    channel.send("learner", pid=learner.pid)
    learner.tell = lambda status: channel.send("learner_exit", status=status)
    learner.setup(
        {key: request.get(key) for key in ("target", "root", "cwd", "protected", "limits")}
    )
    reporter = Reporter(channel, request.get("nodeids"), limits)
    os.environ["MLKATA_ROLE"] = "child"
    _CHILD["learner"] = learner
    _CHILD["limits"] = limits
    _CHILD["channel"] = channel
    code = prepared.main(list(request["args"]), plugins=[reporter])
    return int(code)


def _learner(request: dict) -> LearnerLink:
    """The learner process the worker forked for this kata, else a fresh one."""
    fd = request.get("learner_fd")
    if fd is not None:
        return LearnerLink(int(fd), int(fd), int(request["learner_pid"]))
    return LearnerLink.spawn()


_CHILD: dict[str, Any] = {}
"""What the plugin's child role needs from :func:`run_kata` (learner, limits, channel)."""


def child_context() -> dict[str, Any]:
    return _CHILD
