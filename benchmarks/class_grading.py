"""Time ``mlkata grade`` against ``nbgrader autograde`` on the same class.

Run it with the Python of an environment that has mlkata's teacher extra installed::

    python benchmarks/class_grading.py [--students 100] [--nbgrader-students 5]

Every generated student submits the reference solutions of the calculus topic. mlkata
grades all of them as ``.py`` folders with ``--jobs 1`` and ``--jobs 2`` (throughput:
(student, kata) pairs per second); nbgrader autogrades the same solutions as
notebooks for fewer students (it is slow), and the comparison is wall time per
student, nbgrader's scaled from its smaller class.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from nbgrader_parallel import BIN, build_course, isolated_env, run  # noqa: E402

TOPIC = "calculus"


def python_class(folder: Path, students: int) -> int:
    katas = sorted((ROOT / "solutions" / TOPIC).glob("*.py"))
    for number in range(1, students + 1):
        shutil.copytree(ROOT / "solutions" / TOPIC, folder / f"student{number:03d}" / TOPIC)
    return len([k for k in katas if k.name != "__init__.py"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--nbgrader-students", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = isolated_env(tmp)
        katas = python_class(tmp / "submissions", args.students)
        pairs = args.students * katas
        per_student = {}
        for jobs in (1, 2):
            out = tmp / f"results-{jobs}"
            command = [sys.executable, "-m", "mlkata.cli", "grade", str(tmp / "submissions")]
            seconds = run(
                [*command, "--out", str(out), "--topic", TOPIC, "--jobs", str(jobs)], ROOT, env
            )
            per_student[f"mlkata grade --jobs {jobs}"] = seconds / args.students
            print(
                f"mlkata grade --jobs {jobs}: {seconds:.1f} s for {pairs} pairs, "
                f"{pairs / seconds:.1f} pairs/s, {seconds / args.students:.2f} s per student"
            )
        course = tmp / "course"
        build_course(course, TOPIC, args.nbgrader_students, env)
        start = time.perf_counter()
        run([str(BIN / "nbgrader"), "autograde", TOPIC], course, env)
        seconds = time.perf_counter() - start
        nbgrader = seconds / args.nbgrader_students
        print(
            f"nbgrader autograde: {seconds:.1f} s for {args.nbgrader_students} students, "
            f"{nbgrader:.2f} s per student "
            f"(scaled to {args.students}: {nbgrader * args.students:.0f} s)"
        )
        for name, value in per_student.items():
            print(f"{name}: {nbgrader / value:.1f}x nbgrader's throughput per student")


if __name__ == "__main__":
    main()
