"""A generated learner's history: weeks of graded runs with named mistakes, for the
report's tests and benchmarks/report_speed.py."""

from __future__ import annotations

import datetime as dt
import random

from mlkata.engine.curriculum import Curriculum
from mlkata.engine.progress import Run

MISTAKES = (
    "the gradient is summed over the samples instead of averaged (no 1/n)",
    "no division by n: the loss is a mean over the batch",
    "X @ r instead of X.T @ r",
    "the residual has the wrong sign (y - Xw - b instead of Xw + b - y)",
    "the standard deviation instead of the variance",
    "the variances use the divisor n_c - 1; the maximum-likelihood variance divides by n_c",
    "vote ties by the smallest label",
)


def generated_history(
    curriculum: Curriculum, end: dt.datetime, weeks: int = 6, runs: int = 240, seed: int = 7
) -> list[Run]:
    """``runs`` graded runs over ``weeks`` weeks before ``end``, oldest first: the learner
    works along the path, fails a kata a few times (naming mistakes), then passes it or,
    now and then, leaves it failing and moves on."""
    rng = random.Random(seed)
    start = end - dt.timedelta(weeks=weeks)
    katas = list(curriculum.katas)
    times = sorted(
        start.timestamp() + rng.random() * (end - start).total_seconds() for _ in range(runs)
    )
    history = []
    position = 0
    for when in times:
        kata = katas[min(position, len(katas) - 1)]
        if rng.random() < 0.3:  # a pass: on to the next kata
            history.append(
                Run(when, kata.topic, kata.slug, 10, 0, True, kata.points, kata.points, "")
            )
            position = min(position + 1, len(katas) - 1)
        else:
            passed = rng.randrange(1, 10)
            named = tuple(rng.sample(MISTAKES, rng.choice((1, 1, 2))))
            points = round(kata.points * passed / 10, 2)
            message = f"a check failed\n  this is what you get from a known mistake: {named[0]}"
            history.append(
                Run(
                    when,
                    kata.topic,
                    kata.slug,
                    passed,
                    10 - passed,
                    True,
                    points,
                    kata.points,
                    message,
                    named,
                )
            )
            if rng.random() < 0.08:  # stuck: left failing for now
                position = min(position + 1, len(katas) - 1)
    return history
