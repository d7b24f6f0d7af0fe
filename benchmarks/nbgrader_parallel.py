"""Time ``nbgrader autograde`` against ``mlkata nbgrader autograde --jobs N``.

Run it with the Python of an environment that has mlkata's teacher extra installed
(``pip install -e '.[teacher]'``)::

    python benchmarks/nbgrader_parallel.py [--runs 3] [--students 20] [--jobs 2]

It builds a course of one topic (``mlkata nbgrader build --topic``, then ``nbgrader
generate_assignment``) in a temporary folder, with every student submitting the
reference solutions, then grades fresh copies of it both ways. Each figure is the
median of several runs, wall-clock time of the whole command. Both gradebooks must
agree, cell by cell, or the script exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from mlkata.author.regions import without_markers  # noqa: E402
from mlkata.engine.curriculum import load_curriculum  # noqa: E402
from mlkata.teach.source import split_source  # noqa: E402


def isolated_env(tmp: Path) -> dict[str, str]:
    """nbgrader and its ``python3`` kernel in this interpreter, with no user config."""
    kernel = tmp / "jupyter" / "kernels" / "python3"
    kernel.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (mlkata)",
        "language": "python",
    }
    (kernel / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    env = dict(os.environ)
    env.update(
        JUPYTER_PATH=str(tmp / "jupyter"),
        JUPYTER_CONFIG_DIR=str(tmp / "jupyter-config"),
        JUPYTER_DATA_DIR=str(tmp / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(tmp / "jupyter-runtime"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
        PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]),
    )
    return env


def run(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return seconds


def reference_cell(topic: str, slug: str) -> str:
    source = (ROOT / "solutions" / topic / f"{slug}.py").read_text(encoding="utf-8")
    return without_markers(split_source(source).solution)


def build_course(course: Path, topic: str, students: int, env: dict[str, str]) -> int:
    """The course with ``students`` submissions of the reference solutions; the
    number of notebooks each student submits."""
    import nbformat

    mlkata = [sys.executable, "-m", "mlkata.cli", "nbgrader", "build", str(course)]
    run([*mlkata, "--topic", topic], ROOT, env)
    run([str(BIN / "nbgrader"), "generate_assignment", topic], course, env)
    slugs = [k.slug for k in load_curriculum(ROOT / "curriculum.toml").katas if k.topic == topic]
    released = {
        slug: nbformat.read(course / "release" / topic / f"{slug}.ipynb", 4) for slug in slugs
    }
    for slug, notebook in released.items():
        (cell,) = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]
        cell.source = reference_cell(topic, slug)
    for number in range(1, students + 1):
        folder = course / "submitted" / f"student{number:02d}" / topic
        folder.mkdir(parents=True)
        for slug, notebook in released.items():
            nbformat.write(notebook, folder / f"{slug}.ipynb")
        (folder / "timestamp.txt").write_text("2026-01-01 12:00:00 UTC", encoding="utf-8")
    return len(slugs)


def scores(course: Path, topic: str) -> dict[tuple[str, str, str], tuple]:
    from nbgrader.api import Gradebook

    found = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course.name) as gradebook:
        for submission in gradebook.assignment_submissions(topic):
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    key = (submission.student.id, notebook.name, grade.name)
                    found[key] = (grade.auto_score, grade.max_score, grade.needs_manual_grade)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--topic", default="interpretability")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mlkata-bench-") as tmp:
        tmp = Path(tmp)
        env = isolated_env(tmp)
        base = tmp / "course"
        katas = build_course(base, args.topic, args.students, env)
        serial_command = [str(BIN / "nbgrader"), "autograde", args.topic]
        parallel_command = [sys.executable, "-m", "mlkata.cli", "nbgrader", "autograde"]
        parallel_command += [args.topic, "--jobs", str(args.jobs)]
        serial, parallel = [], []
        for number in range(args.runs):
            # Alternate which goes first, so that neither always meets a warmer cache.
            order = [("serial", serial_command, serial), ("parallel", parallel_command, parallel)]
            for name, command, times in order if number % 2 == 0 else order[::-1]:
                course = tmp / f"{name}-{number}" / "course"  # the same course id
                shutil.copytree(base, course)
                times.append(run(command, course, env))
        serial_scores = scores(tmp / "serial-0" / "course", args.topic)
        agree = bool(serial_scores) and serial_scores == scores(
            tmp / "parallel-0" / "course", args.topic
        )

    notebooks = args.students * katas
    serial_s, parallel_s = statistics.median(serial), statistics.median(parallel)
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, medians of {args.runs} runs; "
        f"{args.students} students x {katas} katas of {args.topic} = {notebooks} notebooks"
    )
    rows = [
        ("nbgrader autograde (serial)", serial_s),
        (f"mlkata nbgrader autograde --jobs {args.jobs}", parallel_s),
    ]
    width = max(len(what) for what, _ in rows)
    for what, seconds in rows:
        print(f"  {what:<{width}}  {seconds:6.1f} s  {seconds / notebooks:5.2f} s a notebook")
    print(f"  serial / parallel: {serial_s / parallel_s:.2f}x")
    print(f"  gradebooks agree cell by cell: {'yes' if agree else 'NO'}")
    if not agree:
        sys.exit(1)


if __name__ == "__main__":
    main()
