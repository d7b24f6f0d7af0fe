"""Measure grading speed against the performance budget of DESIGN.md.

Run it with the Python of an environment that has mlkata installed the way a learner
has it (only its own dependencies), e.g. after ``nox -s student``:

    .nox/student/bin/python benchmarks/grading_speed.py [--runs 7]

Each figure is the median of several runs of a fresh process, wall-clock time.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]

BARE_NUMPY_TESTS = """
import numpy as np

def test_one():
    assert np.allclose(np.ones(3).sum(), 3)

def test_two():
    assert np.linalg.norm(np.ones(4)) == 2

def test_three():
    assert np.eye(2).trace() == 2
"""


def wall(command: list[str], runs: int, cwd: Path = ROOT) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plugin_import_ms(runs: int) -> float:
    code = (
        "import time, pytest; t = time.perf_counter(); import mlkata.plugin; "
        "print((time.perf_counter() - t) * 1000)"
    )
    values = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(values)


def slowest_test(target: str) -> tuple[float, str]:
    out = subprocess.run(
        [*PYTEST, "graders", "--target", target, "--durations=1", "--durations-min=0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    match = re.search(r"([\d.]+)s (?:call|setup)\s+(\S+)", out)
    return (float(match.group(1)), match.group(2)) if match else (float("nan"), "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kata", default="pca", help="the kata timed alone (a slug)")
    args = parser.parse_args()
    grader = next((ROOT / "graders").glob(f"*/test_{args.kata}.py"))

    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "test_bare.py").write_text(BARE_NUMPY_TESTS)
        bare = wall([*PYTEST, "test_bare.py"], args.runs, cwd=Path(tmp))

    rows = [
        (
            "import mlkata.plugin (pytest already imported)",
            f"{plugin_import_ms(args.runs):.1f} ms",
            "<= 50 ms",
        ),
        ("bare pytest, a 3-test NumPy file", f"{bare:.2f} s", "(reference)"),
        (
            f"one kata graded: pytest {grader.relative_to(ROOT)}",
            f"{wall([*PYTEST, str(grader), '--target', 'solutions'], args.runs):.2f} s",
            "<= 0.5 s",
        ),
        (
            "every kata, solution mode",
            f"{wall([*PYTEST, 'graders', '--target', 'solutions'], max(3, args.runs // 2)):.2f} s",
            "<= 15 s",
        ),
    ]
    seconds, name = slowest_test("solutions")
    rows.append((f"slowest grader test ({name})", f"{seconds:.2f} s", "<= 1 s (efficiency 5 s)"))
    width = max(len(r[0]) for r in rows)
    print(f"python {sys.version.split()[0]}, medians of {args.runs} runs")
    if sys.flags.dont_write_bytecode:
        print("  note: PYTHONDONTWRITEBYTECODE is set, so every run re-compiles the graders")
        print("  (and pytest re-rewrites their asserts); a learner's machine caches them")
    for what, value, budget in rows:
        print(f"  {what:<{width}}  {value:>9}  {budget}")


if __name__ == "__main__":
    main()
