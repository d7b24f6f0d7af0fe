"""Grade katas: the entry points every command uses, all through the supervisor.

- :func:`grade_katas`: katas of any target tree, in order (``mlkata dev check``, the
  class grader).
- :class:`LearnerGrader`: the learner's ``exercises/``, one kata at a time, with the
  worker kept warm between gradings (``mlkata check`` and ``watch``); each grading is
  recorded as progress.

The pytest plugin (plain ``pytest graders``, nox) drives the same
:class:`~mlkata.engine.supervisor.Supervisor` from inside pytest.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mlkata.engine.curriculum import Kata
from mlkata.engine.invocation import (  # noqa: F401 - re-exported: the pytest invocation
    AUTOLOAD_ENV,
    PLUGINS,
    QUIET_PLUGINS,
    only_mlkata_plugins,
    pytest_args,
    pytest_environment,
    run_pytest,
)
from mlkata.engine.layout import Layout
from mlkata.engine.limits import Limits
from mlkata.engine.results import CheckResult, KataResult
from mlkata.engine.supervisor import KataRequest, Supervisor


def default_jobs(katas: int) -> int:
    """Katas graded side by side: one per core, at most four, never more than katas."""
    return max(1, min(katas, os.cpu_count() or 1, 4))


def grade_katas(
    root: Path,
    target: Path,
    katas: Sequence[Kata],
    *,
    seed: int | None = None,
    limits: Limits | None = None,
    jobs: int | None = None,
    on_result: Callable[[Kata, KataResult], None] | None = None,
) -> list[KataResult]:
    """Grade ``katas`` of the tree ``target`` with the graders of the working copy ``root``.

    One :class:`~mlkata.engine.results.KataResult` per kata, in the order given; a kata
    whose grader could not run has no checks and its reason in ``errors``.
    """
    layout = Layout(Path(root))
    requests = [KataRequest(k.topic, k.slug, layout.grader(k.topic, k.slug)) for k in katas]
    results = []
    supervisor = Supervisor(
        layout.root, target, seed=seed, limits=limits, jobs=jobs or default_jobs(len(katas))
    )
    try:
        for kata, result in zip(katas, supervisor.grade_all(requests), strict=True):
            results.append(result)
            if on_result is not None:
                on_result(kata, result)
    except BaseException:
        supervisor.kill()
        raise
    supervisor.close()
    return results


@dataclass
class Graded:
    """The outcome of grading one kata for the learner."""

    kata: Kata
    result: KataResult
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def errors(self) -> list[str]:
        return self.result.errors

    @property
    def checks(self) -> list[CheckResult]:
        return list(self.result.checks.values())

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def points(self) -> float:
        return self.result.points(self.kata.points)

    @property
    def first_failure(self) -> str:
        return self.result.first_failure


class LearnerGrader:
    """Grades katas of a working copy's ``exercises/`` and records each as progress."""

    def __init__(self, root: Path, record: bool = True) -> None:
        self.layout = Layout(Path(root))
        self.record = record
        self.supervisor = Supervisor(self.layout.root, self.layout.exercises)

    def warm_up(self) -> None:
        self.supervisor.warm_up()

    def grade(self, kata: Kata) -> Graded:
        from mlkata.engine.session import record_results

        start = time.perf_counter()
        request = KataRequest(kata.topic, kata.slug, self.layout.grader(kata.topic, kata.slug))
        try:
            result = self.supervisor.grade(request)
        except KeyboardInterrupt:
            self.supervisor.kill()
            empty = KataResult(kata.topic, kata.slug)
            return Graded(kata, empty, True, time.perf_counter() - start)
        graded = Graded(kata, result, False, time.perf_counter() - start)
        if self.record:
            record_results(self.layout.root, [(kata, result, True)])
        return graded

    def close(self) -> None:
        self.supervisor.close()


def grade(root: Path, kata: Kata, on_result: Callable[[Graded], None] | None = None) -> Graded:
    """Grade ``exercises/<topic>/<slug>.py`` of the working copy ``root`` once."""
    grader = LearnerGrader(root)
    try:
        graded = grader.grade(kata)
    finally:
        grader.close()
    if on_result is not None and not graded.interrupted:
        on_result(graded)
    return graded
