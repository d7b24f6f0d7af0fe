"""Time one kata graded through pytest, and a warm re-grade, against an older engine.

    python benchmarks/kata_speed.py [--kata pca] [--runs 15] [--base REF] [--catalogue]

Run it with PYTHONDONTWRITEBYTECODE unset (as a learner's machine caches bytecode and
the graders' rewritten asserts). Both engines grade this repository's graders and trees;
only the ``mlkata`` package differs: the working copy's, and with ``--base`` the one of
the git commit REF (extracted to a scratch folder, put first on PYTHONPATH, its bytecode
compiled like the working copy's). Runs of the two alternate, so that both see the same
machine. Figures are medians, wall-clock:

- ``pytest graders/TOPIC/test_KATA.py``: a fresh pytest process, as a learner types it
  (every installed plugin), the default target (exercises/) and ``--target solutions``;
- warm re-grade: the supervisor grading the kata again on its warm worker (what each
  kata of a catalogue run, and each ``mlkata watch`` re-grade, costs);
- ``--catalogue``: every kata in solution mode (``pytest graders --target solutions``).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# -P: the working copy (the current folder) is not put first on sys.path, so that the
# engine timed is the one PYTHONPATH names.
PYTHON = [sys.executable, "-P"]
PYTEST = [*PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider"]

REGRADE = """
import statistics, sys, time
from pathlib import Path
from mlkata.engine.supervisor import KataRequest, Supervisor
root, grader, runs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
request = KataRequest(grader.parent.name, grader.stem.removeprefix("test_"), grader)
with Supervisor(root, root / "solutions") as supervisor:
    assert supervisor.grade(request).ok, "the solution does not pass"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        supervisor.grade(request)
        times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def engine_env(package: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join([str(package), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep
    )
    env["MLKATA_HOME"] = env.get("MLKATA_HOME") or tempfile.mkdtemp(prefix="mlkata-home-")
    return env


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout.decode()}{done.stderr.decode()}")
    return seconds


def extract(ref: str, where: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", ref, "mlkata"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kata", default="pca", help="the kata timed (a slug)")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--base", help="a git commit whose engine is timed alongside")
    parser.add_argument("--catalogue", action="store_true", help="also every kata, solutions")
    args = parser.parse_args()
    grader = next((ROOT / "graders").glob(f"*/test_{args.kata}.py"))

    with tempfile.TemporaryDirectory(prefix="mlkata-base-") as tmp:
        engines = {"this tree": ROOT}
        if args.base:
            engines[args.base] = extract(args.base, Path(tmp))
        for package in engines.values():
            compileall.compile_dir(package / "mlkata", quiet=1)
        envs = {name: engine_env(package) for name, package in engines.items()}
        commands = {
            f"pytest {grader.relative_to(ROOT)}": [*PYTEST, str(grader)],
            "  the same, --target solutions": [*PYTEST, str(grader), "--target", "solutions"],
        }
        if args.catalogue:
            commands["every kata, --target solutions"] = [
                *PYTEST,
                "graders",
                "--target",
                "solutions",
            ]
        rows: dict[str, dict[str, float]] = {}
        for what, command in commands.items():
            for env in envs.values():  # warm the caches: bytecode, rewritten graders
                timed(command, env)
            runs = max(3, args.runs // 5) if "every kata" in what else args.runs
            times: dict[str, list[float]] = {name: [] for name in envs}
            for _ in range(runs):
                for name, env in envs.items():
                    times[name].append(timed(command, env))
            rows[what] = {name: statistics.median(t) for name, t in times.items()}
        rows["warm re-grade (supervisor, solution)"] = {
            name: float(
                subprocess.run(
                    [*PYTHON, "-c", REGRADE, str(ROOT), str(grader), str(args.runs * 2)],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for name, env in envs.items()
        }

    names = list(envs)
    width = max(len(r) for r in rows)
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.kata}, medians of "
        f"{args.runs} runs (sandbox: {os.environ.get('MLKATA_SANDBOX', 'default')})"
    )
    print(f"  {'':<{width}}" + "".join(f"  {n[:12]:>12}" for n in names) + "  ratio")
    for what, values in rows.items():
        cells = "".join(f"  {values[n] * 1000:9.0f} ms" for n in names)
        ratio = f"  {values[names[0]] / values[names[1]]:.2f}" if len(names) > 1 else ""
        print(f"  {what:<{width}}{cells}{ratio}")


if __name__ == "__main__":
    main()
