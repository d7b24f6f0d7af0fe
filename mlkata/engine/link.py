"""The checks' end of the line to the learner process (:mod:`mlkata.engine.learner`).

:class:`LearnerLink` starts or adopts the learner process, loads the kata there, and
gives every call the context of the check it belongs to: the check's CPU limit,
NumPy's floating-point error state and the ``forbid`` blocks the grader has open.
When the learner process ends in the middle of a call (``os._exit``, a segfault, the
OOM killer), this process ends too, with :data:`LEARNER_LOST`: the worker then reports
the learner process's own exit status, so the learner reads what their code did.
A learner process that sends what no learner process sends ends the kata with
:data:`LEARNER_BROKE`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from mlkata.engine import remote
from mlkata.engine.channel import LEARNER_BROKE, LEARNER_LOST
from mlkata.engine.remote import Peer, PeerLost


class LearnerLink:
    def __init__(
        self, read_fd: int, write_fd: int, pid: int, process: subprocess.Popen | None = None
    ) -> None:
        self.peer = Peer(read_fd, write_fd, trusting=False)
        self.peer.context = self._context
        self.peer.on_reply = self._on_reply
        self.peer.lost = self._lost
        self.pid = pid
        self.process = process
        self.tell: Callable[[int], None] | None = None  # spawn mode: report its status
        self.check = 0
        self.limit: float | None = None
        self.cpu = 0.0  # CPU seconds the learner process has used in this check
        self._findings: dict = {"tampered": [], "refused": []}
        self._unchecked = False  # a reply came that the learner process did not check

    @classmethod
    def spawn(cls) -> LearnerLink:
        """Start a fresh learner process (where the worker did not fork one)."""
        process = subprocess.Popen(
            [sys.executable, "-m", "mlkata.engine.learner"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert process.stdin is not None and process.stdout is not None
        return cls(process.stdout.fileno(), process.stdin.fileno(), process.pid, process)

    def setup(self, config: dict) -> None:
        self.peer.request("setup", config)

    def load(self, topic: str, slug: str) -> Any:
        """The kata's module (a proxy), or ``("unavailable", reason)``."""
        return self.peer.request("load", topic, slug)

    def start_check(self, limit: float) -> None:
        self.check += 1
        self.limit = limit
        self.cpu = 0.0

    def take(self, kind: str) -> list[str]:
        """What the code under test did that it may not (``tampered`` with a library,
        ``refused`` reads) since last asked; forgotten once taken.

        The learner process tells with its first replies of each check; when its last
        reply did not tell, it is asked here, once (the tamper guard costs about as
        much as a call).
        """
        if self._unchecked:
            self._note(self.peer.request("findings"))
            self._unchecked = False
        found, self._findings[kind] = self._findings[kind], []
        return found

    def _note(self, found: Any) -> None:
        for key in ("tampered", "refused"):
            listed = found.get(key) if isinstance(found, dict) else None
            if isinstance(listed, list):
                self._findings[key] += [str(f) for f in listed]

    def _context(self) -> dict:
        import numpy as np

        names = [name for watch in remote.active_watches for name in watch.names]
        return {"err": np.geterr(), "forbid": names, "check": self.check, "limit": self.limit}

    def _on_reply(self, meta: dict) -> None:
        self._note(meta)
        self._unchecked = not meta.get("checked")
        cpu = meta.get("cpu")
        if isinstance(cpu, float):
            self.cpu = cpu
        used = meta.get("used")
        if used and isinstance(used, list):
            for watch in remote.active_watches:
                watch.used.extend(str(u) for u in used if u not in watch.used)

    def _lost(self, exc: PeerLost) -> None:
        """The learner process is gone or broke the protocol: end this process now."""
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001
                pass
        if self.process is None:
            os._exit(LEARNER_BROKE if exc.broken else LEARNER_LOST)
        if exc.broken:
            self.process.kill()
            self.process.wait()
            os._exit(LEARNER_BROKE)
        # Spawn mode: the learner process is ours to wait for; its status goes to the
        # supervisor on the channel (this process may be its namespace's pid 1, which
        # cannot die of a signal it sends itself).
        status = self.process.wait()
        if self.tell is not None:
            self.tell(status)
        os._exit(LEARNER_LOST)
