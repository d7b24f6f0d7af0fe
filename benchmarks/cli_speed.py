"""Time the learner's loop: `mlkata check` and a `mlkata watch` re-grade vs bare pytest.

    python benchmarks/cli_speed.py [--kata mse_gradient] [--runs 10] [--stub]

Everything runs in a scratch copy of the repository (curriculum, graders, exercises,
solutions) with its own MLKATA_HOME, the kata's exercise replaced by its solution (so
every check does its real work; ``--stub`` keeps the stub). Figures are medians of
``--runs`` runs, wall-clock:

- ``pytest graders -k SLUG``: a fresh process, as a learner types it (with every
  installed pytest plugin), then with only mlkata's plugins (as ``mlkata check`` runs);
- ``mlkata check SLUG``: a fresh process, output piped (plain text), then with
  FORCE_COLOR=1 (rich, as on a terminal);
- watch re-grade: a running ``mlkata watch SLUG``; from writing the file to the
  result's last line on its output.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("curriculum.toml", "pyproject.toml", "graders", "exercises", "solutions")


def scratch_copy(where: Path, slug: str, solved: bool) -> Path:
    root = where / "copy"
    root.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / name)
    if solved:
        (solution,) = (root / "solutions").glob(f"*/{slug}.py")
        shutil.copy(solution, root / "exercises" / solution.relative_to(root / "solutions"))
    return root


def mlkata() -> str:
    script = Path(sys.executable).with_name("mlkata")
    return str(script) if script.exists() else (shutil.which("mlkata") or "mlkata")


def wall(command: list[str], runs: int, cwd: Path, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def watch_regrade(root: Path, slug: str, runs: int, env: dict[str, str]) -> float:
    """Median time from saving the kata's file to the re-grade's last line on screen."""
    (path,) = (root / "exercises").glob(f"*/{slug}.py")
    original = path.read_text(encoding="utf-8")
    process = subprocess.Popen(
        [mlkata(), "watch", slug],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True).start()

    def shown() -> float:
        while not lines.get(timeout=30).startswith("graded at"):
            pass
        return time.perf_counter()

    times = []
    try:
        shown()
        for i in range(runs):
            time.sleep(0.5)  # a learner does not save twice within milliseconds
            start = time.perf_counter()
            path.write_text(original + f"# save {i}\n", encoding="utf-8")
            times.append(shown() - start)
    finally:
        process.terminate()
        process.wait(timeout=10)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kata", default="mse_gradient", help="the kata timed (a slug)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--stub", action="store_true", help="grade the stub, not the solution")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mlkata-bench-") as tmp:
        root = scratch_copy(Path(tmp), args.kata, solved=not args.stub)
        env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "MLKATA_PLAIN")}
        env["MLKATA_HOME"] = str(Path(tmp) / "home")
        pytest_cmd = [sys.executable, "-m", "pytest", "graders", "-k", args.kata, "-q"]
        lean_cmd = [*pytest_cmd, "-p", "mlkata.plugin", "-p", "pytest_timeout"]
        lean_env = {**env, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        check = [mlkata(), "check", args.kata]
        rows = [
            (
                f"pytest graders -k {args.kata}",
                wall(pytest_cmd, args.runs, root, env),
                "(reference)",
            ),
            (
                "  the same, only mlkata's plugins",
                wall(lean_cmd, args.runs, root, lean_env),
                "(reference)",
            ),
            (f"mlkata check {args.kata} (plain)", wall(check, args.runs, root, env), "<= 0.5 s"),
            (
                f"mlkata check {args.kata} (rich)",
                wall(check, args.runs, root, {**env, "FORCE_COLOR": "1"}),
                "<= 0.5 s",
            ),
            (
                "mlkata watch: save -> result",
                watch_regrade(root, args.kata, args.runs, env),
                "<= 0.15 s",
            ),
        ]
    width = max(len(r[0]) for r in rows)
    state = "stub" if args.stub else "solution"
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.kata} ({state}), "
        f"medians of {args.runs} runs"
    )
    for what, seconds, budget in rows:
        print(f"  {what:<{width}}  {seconds * 1000:7.0f} ms  {budget}")


if __name__ == "__main__":
    main()
