r"""The limits a kata is graded under, and why they hold on a busy machine.

A check's time limit guards against hangs, never against slowness, so it is measured
in **CPU time of the grading process** (``ITIMER_PROF``), not wall-clock time: ten
other programs on the machine slow a check's wall clock tenfold but leave its CPU
time alone. A correct check uses a small fraction of its limit (the slowest, on the
reference, about 0.2 s of 3 s); an infinite loop uses it all. Efficiency-tier checks
(``@pytest.mark.timeout(5)``) pick sizes where a too-slow algorithm needs at least
20× the CPU time of a vectorised one, so the verdict follows the algorithm, not the
machine.

What each limit guards, from inside out:

``check_cpu_s``
    CPU seconds for one check (``@pytest.mark.timeout(n)`` sets ``n``). Raised inside
    the code under test as an interrupt; the check fails with "ran out of time".
    Importing a module is not charged to it: neither the kata's own module nor one
    its code first imports during the check (``from sklearn.metrics import ...``
    inside the function), which the import limit covers instead, up to the outer
    limit below. The checks and the code under test run in two processes
    (:mod:`mlkata.engine.learner`): each counts its own CPU time against the limit,
    and the supervisor's outer limit below counts both.
``import_cpu_s``, ``import_wall_s``
    Importing the learner's module: generous CPU time (SciPy on a slow laptop takes
    seconds), and a wall-clock bound so an import that waits forever still fails
    within a minute.
``idle_s``
    A kata whose process neither reports a result nor uses CPU for this long is
    waiting on something that will not come (``input()``, ``time.sleep``, a lock):
    the supervisor ends it. CPU progress is read from ``/proc`` on Linux; elsewhere
    the supervisor waits ``stall_s`` without any result instead.
``check_cpu_s × KILL_FACTOR + kill_grace_s``
    Code that swallows the interrupt or replaces the signal handler is ended from
    outside by the supervisor once a check has used this much CPU time.
``kata_cpu_s``, ``kata_wall_s``
    Backstops for one kata's whole process: the kernel's ``RLIMIT_CPU`` and an
    absolute wall-clock ceiling.
``memory_mb``
    The address-space limit (``RLIMIT_AS``) of a kata's process: an allocation past
    it raises ``MemoryError`` in the code under test instead of waking the OOM killer.
``output_bytes``
    What a kata may print; past it the supervisor ends the kata. The first
    ``output_kept`` bytes are kept to show the learner.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, replace

KILL_FACTOR = 2.0


@dataclass(frozen=True)
class Limits:
    """The limits of one grading run (see the module docstring)."""

    check_cpu_s: float = 3.0
    import_cpu_s: float = 20.0
    import_wall_s: float = 60.0
    idle_s: float = 20.0
    stall_s: float = 120.0
    kata_cpu_s: float = 300.0
    kata_wall_s: float = 900.0
    memory_mb: int = 4096
    output_bytes: int = 16 * 1024 * 1024
    output_kept: int = 64 * 1024
    kill_grace_s: float = 5.0

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Limits:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def kill_after_cpu_s(self, check_limit: float) -> float:
        """CPU seconds after which the supervisor ends a check that ignores its interrupt."""
        return check_limit * KILL_FACTOR + self.kill_grace_s


def default_limits() -> Limits:
    """The default limits, with ``MLKATA_MEMORY_MB`` honoured."""
    limits = Limits()
    memory = os.environ.get("MLKATA_MEMORY_MB", "").strip()
    if memory.isdigit() and int(memory) > 0:
        limits = replace(limits, memory_mb=int(memory))
    return limits
