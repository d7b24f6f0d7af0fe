"""How wide the efficiency tier's gap is: CPU time of the reference vs the limit.

    python benchmarks/efficiency_gap.py

An efficiency-tier check (``@pytest.mark.timeout(n)``) must tell a good algorithm from
a slow one by a wide margin, whatever the machine's load: its limit is CPU time, and
the reference must need a small fraction of it. For each such check this grades the
reference (supervised, as learners are graded) and prints the CPU seconds its calls
used in the learner process (the code under test) and in the checks' process (the
grader's own work and its side of each call): each process is held to the limit on
its own, so the gap is the limit over the larger. The slow mutants of those katas run
out of the limit (tests/test_implementations.py), so the ratio is a lower bound of
the gap between the slow algorithm and the reference.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from mlkata.engine.curriculum import load_curriculum
    from mlkata.engine.run import grade_katas

    katas = load_curriculum(ROOT / "curriculum.toml").katas
    marked = [k for k in katas if "mark.timeout" in (ROOT / "graders" / k.grader_path).read_text()]
    results = grade_katas(ROOT, ROOT / "solutions", marked)
    rows = []
    for kata, result in zip(marked, results, strict=True):
        source = (ROOT / "graders" / kata.grader_path).read_text()
        for check in result.checks.values():
            function = check.name.split("[")[0]
            head = source.split(f"def {function}(")[0].rsplit("\n\n", 1)[-1]
            if "mark.timeout" in head and check.cpu:
                limit = float(head.split("mark.timeout(")[1].split(")")[0])
                code = check.learner_cpu or 0.0
                rows.append((f"{kata.slug}::{check.name}", code, check.cpu, limit))
    width = max(len(r[0]) for r in rows)
    print(f"python {sys.version.split()[0]}; efficiency-tier checks of the reference")
    print(f"  {'':<{width}}  code under test   checks   limit    gap")
    gaps = []
    for name, code, checks, limit in sorted(rows, key=lambda r: -max(r[1], r[2])):
        gaps.append(limit / max(code, checks))
        print(f"  {name:<{width}}  {code:13.3f} s {checks:6.3f} s  {limit:4g} s  {gaps[-1]:4.0f}x")
    print(f"smallest gap: {min(gaps):.0f}x (needed: 20x)")


if __name__ == "__main__":
    main()
