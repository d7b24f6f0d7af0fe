"""Which checks come near their CPU limit: grade with the default limit divided.

    python benchmarks/limit_margin.py [--factor 3]

A check's limit guards against hangs, never against slowness (mlkata.engine.limits):
a correct implementation must use a small fraction of it, or a busy machine (whose
caches and memory bandwidth other work shares) can push it over. This grades the
reference solutions and every independent correct variant (tests/implementations)
with the default check limit divided by ``--factor`` and lists each check that runs
out of the smaller limit: those have less than that factor of margin. Checks with a
limit of their own (the efficiency tier, ``@pytest.mark.timeout``) keep it; for them
see benchmarks/efficiency_gap.py.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from mlkata.engine.limits import Limits

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], env: dict) -> tuple[int, list[str]]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *args,
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    failed = re.findall(r"^FAILED (\S+)", done.stdout, flags=re.MULTILINE)
    return done.returncode, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=float, default=3.0)
    parser.add_argument("-n", default="2", help="pytest-xdist workers")
    options = parser.parse_args()
    default = Limits().check_cpu_s
    limit = default / options.factor
    env = dict(os.environ, MLKATA_TEST_CHECK_CPU_S=f"{limit:g}")
    env.pop("PYTEST_ADDOPTS", None)
    print(f"python {sys.version.split()[0]}; check limit {limit:g} s instead of {default:g} s")
    limited = ["--mlkata-limit", f"check_cpu_s={limit:g}", "-n", options.n]
    solutions = _run(["graders", "--target", "solutions", *limited], env)
    variants = _run(
        ["tests/test_implementations.py", "-k", "accepts_variant", "-n", options.n], env
    )
    for what, (status, failed) in (("reference solutions", solutions), ("variants", variants)):
        print(f"{what}: {'all within' if status == 0 else f'{len(failed)} failed'}")
        for name in failed:
            print(f"  {name}")


if __name__ == "__main__":
    main()
