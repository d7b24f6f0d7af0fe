"""The learner process: where the code under test runs, apart from its checks.

Each kata's checks run in one process and its code under test in another, joined by
a pair of pipes (:mod:`mlkata.engine.remote`). This process imports the learner's
module and runs every call the grader makes, under the same rules the checks
process enforced before: the audit hook (:mod:`mlkata.engine.guard`), the CPU limit
of the current check, NumPy's floating-point error state and the forbidden
shortcuts of the grader's ``forbid`` block, the tamper guard. It never holds the
result channel or its token, and the checks process may not be read or traced by
it (it is not dumpable), so nothing the code under test does here can write a
verdict: at worst it ends this process, and the kata fails.

In fork mode the worker forks this process before it reads the kata's request (so
not even the token of the kata to come is in its memory); elsewhere the kata's
process starts it as ``python -m mlkata.engine.learner``.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from mlkata.engine.remote import Peer, in_request

CPU_TIMER = getattr(signal, "ITIMER_PROF", None)
CHECKED_REPLIES = 8
GUARDED = (
    "numpy",
    "numpy.linalg",
    "numpy.random",
    "math",
    "mlkata.grading",
    "mlkata.engine.channel",
    "mlkata.engine.guard",
    "mlkata.engine.learner",
    "mlkata.engine.remote",
)
"""What the tamper guard watches here: what the code under test and our side of the
line use (nothing here decides a verdict, so the checks' own libraries are not)."""


class Learner:
    """The state of the learner process: its target, guards and the current check."""

    def __init__(self, peer: Peer) -> None:
        self.peer = peer
        self.loader: Any = None
        self.guard: Any = None
        self.tamper: Any = None
        self.limits: Any = None
        self.depth = 0
        self.check: Any = None
        self.limit = 0.0
        peer.handlers.update(setup=self.setup, load=self.load, findings=self.findings)
        peer.before_call = self.before_call
        peer.after_call = self.after_call
        peer.annotate = self.annotate
        self.replies_in_check = 0
        self.importing = False
        self.check_started = 0.0  # CPU time when the current check's first call came
        self.uncharged = 0.0  # CPU time of the check's imports, not charged to it

    def setup(self, config: dict) -> bool:
        from mlkata.engine import guard
        from mlkata.engine.checks import explain_exception
        from mlkata.engine.child import set_limits
        from mlkata.engine.limits import Limits
        from mlkata.engine.loader import TargetLoader
        from mlkata.engine.tamper import TamperGuard

        target = Path(config["target"])
        self.limits = Limits.from_dict(config.get("limits", {}))
        set_limits(self.limits)
        try:
            os.chdir(config["cwd"])
        except OSError:
            os.chdir(config["root"])
        protected = [Path(p) for p in config.get("protected", [])]
        self.guard = guard.install(target, protected, Path(config["root"]))
        self.guard.armed = True
        self.loader = TargetLoader(target, interrupts_are_code=True)
        self.tamper = TamperGuard(GUARDED)
        if CPU_TIMER is not None:
            signal.signal(signal.SIGPROF, self._out_of_time)
            self._charge_imports_apart()
        self.peer.explain = lambda exc: explain_exception(exc, target)
        os.environ["MLKATA_ROLE"] = "learner"
        return True

    def load(self, topic: str, slug: str) -> Any:
        """The kata's module, or ``("unavailable", reason)``."""
        from mlkata.engine.checks import Checks
        from mlkata.engine.loader import KataUnavailable

        try:
            with Checks._Timer(self.limits.import_cpu_s, importing=True):
                return self.loader.load(topic, slug)
        except KataUnavailable as exc:
            return ("unavailable", str(exc))
        finally:
            _flush()

    def annotate(self, kind: str, meta: dict) -> None:
        """Tell with a reply what the code under test did that it may not, while that
        is cheap: for the first replies of a check (a check that calls thousands of
        times is asked once, at its end, instead)."""
        if self.depth or kind == "findings":
            return  # a callback's reply, where the outermost call's reply tells; or
            # the reply to "findings", which is what this would add
        if kind in ("call", "op"):
            meta["cpu"] = time.process_time() - self.check_started - self.uncharged
        self.replies_in_check += 1
        if self.replies_in_check > CHECKED_REPLIES:
            return
        meta.update({k: v for k, v in self.findings().items() if v})
        meta["checked"] = True

    def findings(self) -> dict:
        """What the code under test did since last asked that it may not: replaced a
        library or the grading helpers (now restored), read the reference."""
        return {
            "tampered": self.tamper.check_and_restore() if self.tamper is not None else [],
            "refused": self.guard.take() if self.guard is not None else [],
        }

    # every call -------------------------------------------------------------------

    def before_call(self, context: dict) -> Any:
        self.depth += 1
        if self.depth > 1 or not context:
            return None
        if context.get("check") != self.check:
            # A new check: its CPU limit starts now. The timer runs until the next
            # check (our own work between calls is a few microseconds of it).
            self.check = context.get("check")
            self.replies_in_check = 0
            self.check_started, self.uncharged = time.process_time(), 0.0
            self.limit = float(context.get("limit") or self.limits.check_cpu_s)
            if CPU_TIMER is not None:
                signal.setitimer(CPU_TIMER, self.limit, 0.25)
        errors = None
        wanted = context.get("err")
        if wanted:
            import numpy as np

            current = np.geterr()
            if current != wanted:
                np.seterr(**wanted)
                errors = current
        watch = None
        if context.get("forbid"):
            from mlkata.grading import _ShortcutWatch

            watch = _ShortcutWatch(context["forbid"])
            sys.setprofile(watch)
        return errors, watch

    def after_call(self, state: Any, meta: dict) -> None:
        self.depth -= 1
        if state is None:
            return
        errors, watch = state
        if watch is not None:
            used = list(watch.used)
            if sys.getprofile() is not watch:
                used.append("sys.setprofile")
            sys.setprofile(None)
            meta["used"] = used
        if errors is not None:
            import numpy as np

            np.seterr(**errors)
        _flush()

    def _out_of_time(self, signum: int, frame: Any) -> None:
        """SIGPROF: the check's (or a module's import's) CPU time is used up. Raised
        in the code under test only; between calls, and during a callback, the timer
        simply repeats."""
        if self.depth > 0 and not in_request():
            from mlkata.engine.checks import OutOfTime

            if self.importing:
                raise OutOfTime(self.limits.import_cpu_s, importing=True)
            raise OutOfTime(self.limit)

    def _charge_imports_apart(self) -> None:
        """Charge a module first imported during a check (``from sklearn.metrics
        import roc_auc_score`` inside the function) to the import limit, as the
        kata's own module is, not to the check's: the check's timer stops while the
        module loads. Every import that loads a module, by statement,
        ``importlib.import_module`` or a package's lazy attribute, goes through
        ``_find_and_load``, which the interpreter looks up on the module each time."""
        bootstrap = sys.modules.get("_frozen_importlib")
        original = getattr(bootstrap, "_find_and_load", None)
        if original is None:
            return
        learner = self

        def _find_and_load(name: str, import_: Any) -> Any:
            if learner.depth == 0 or learner.importing or in_request():
                return original(name, import_)
            left, _ = signal.getitimer(CPU_TIMER)
            learner.importing = True
            started = time.process_time()
            signal.setitimer(CPU_TIMER, learner.limits.import_cpu_s, 0.25)
            try:
                return original(name, import_)
            finally:
                learner.importing = False
                learner.uncharged += time.process_time() - started
                signal.setitimer(CPU_TIMER, left or 0.25, 0.25)

        bootstrap._find_and_load = _find_and_load


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001 - the code under test may have closed it
            pass


def serve(read_fd: int, write_fd: int) -> None:
    """Answer the checks process's requests until it goes away."""
    Learner(Peer(read_fd, write_fd, trusting=True)).peer.serve_forever()


def main() -> None:
    """Spawn mode: the protocol on standard input and output; prints go to stderr."""
    read_fd, write_fd = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 is /dev/null for good
    serve(read_fd, write_fd)
    _flush()
    os._exit(0)


if __name__ == "__main__":
    main()
