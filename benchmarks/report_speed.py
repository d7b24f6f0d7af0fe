"""Time `mlkata report`'s rendering for generated histories (no browser).

    python benchmarks/report_speed.py [--runs 5]

Histories from tests/learner/history.py over the real curriculum: six weeks of 240
runs, and a year of 10 000 runs. Figures are medians of ``--runs`` renders, wall-clock
and CPU time, and the page's size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from learner.history import generated_history  # noqa: E402

from mlkata.engine.curriculum import load_curriculum  # noqa: E402
from mlkata.learn.report import render  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    curriculum = load_curriculum(ROOT / "curriculum.toml")
    now = dt.datetime(2026, 11, 19, 18)
    for label, weeks, runs in (("6 weeks, 240 runs", 6, 240), ("1 year, 10 000 runs", 52, 10_000)):
        history = generated_history(curriculum, now, weeks=weeks, runs=runs)
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            page = render(curriculum, history, now)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        print(
            f"{label}: {statistics.median(walls) * 1000:.0f} ms wall, "
            f"{statistics.median(cpus) * 1000:.0f} ms CPU, {len(page) / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main()
