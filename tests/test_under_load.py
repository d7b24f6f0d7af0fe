"""Verdicts do not depend on how busy the machine is.

The whole catalogue is graded with two busy loops running beside the grader (on CI's
2-core machine, with the test suite's other worker too, that is a load of three or
more): every reference passes, every stub fails, and a mutant and a variant of every
kata keep their verdicts. Check limits are CPU time, so a busy machine stretches the
wall clock, not the verdict.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.author.stubgen import make_stub
from mlkata.engine.curriculum import load_curriculum
from mlkata.engine.run import grade_katas

ROOT = Path(__file__).resolve().parents[1]
KATAS = load_curriculum(ROOT / "curriculum.toml").katas
IMPLEMENTATIONS = ROOT / "tests" / "implementations"


@pytest.fixture(scope="module")
def busy_machine():
    loops = [subprocess.Popen([sys.executable, "-c", "while True:\n    pass"]) for _ in range(2)]
    yield
    for loop in loops:
        loop.kill()
        loop.wait()


def _implementations(kind: str) -> dict[str, str]:
    """``topic/slug.py -> source`` with the first ``kind`` of each kata applied."""
    import importlib.util

    sources = {}
    for kata in KATAS:
        path = IMPLEMENTATIONS / kata.path
        spec = importlib.util.spec_from_file_location(f"load_{kata.slug}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found = getattr(module, kind, [])
        if found:
            solution = (ROOT / "solutions" / kata.path).read_text(encoding="utf-8")
            sources[kata.path] = found[0].apply(solution)
    return sources


def _tree(tmp_path: Path, name: str, replacements: dict[str, str]) -> Path:
    tree = tmp_path / name
    shutil.copytree(ROOT / "solutions", tree, ignore=shutil.ignore_patterns("__pycache__"))
    for relative, source in replacements.items():
        (tree / relative).write_text(source, encoding="utf-8")
    return tree


@pytest.mark.xdist_group("load")
def test_references_pass_and_stubs_fail_on_a_busy_machine(busy_machine, tmp_path):
    """With two busy loops beside it, does every reference pass and every stub fail?"""
    references = grade_katas(ROOT, ROOT / "solutions", KATAS)
    assert [r.slug for r in references if not r.ok] == []
    stubs = {
        k.path: make_stub((ROOT / "solutions" / k.path).read_text(encoding="utf-8")) for k in KATAS
    }
    graded = grade_katas(ROOT, _tree(tmp_path, "stubs", stubs), KATAS)
    assert [r.slug for r in graded if r.passed] == []


@pytest.mark.xdist_group("load")
def test_mutants_fail_and_variants_pass_on_a_busy_machine(busy_machine, tmp_path):
    """With two busy loops beside it, do a mutant and a variant of each kata keep their
    verdicts (every mutant fails, every variant passes)?"""
    mutants = _implementations("MUTANTS")
    variants = _implementations("VARIANTS")
    assert len(mutants) == len(KATAS)
    graded = grade_katas(ROOT, _tree(tmp_path, "mutants", mutants), KATAS)
    assert [r.slug for r in graded if r.ok and r.topic + "/" + r.slug + ".py" in mutants] == []
    graded = grade_katas(ROOT, _tree(tmp_path, "variants", variants), KATAS)
    assert [r.slug for r in graded if not r.ok] == []
