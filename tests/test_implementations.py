"""Every mutant fails its grader; every independent correct variant passes it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mlkata.engine.sandbox import SANDBOX_ENV

ROOT = Path(__file__).resolve().parents[1]
GRADERS, SOLUTIONS = ROOT / "graders", ROOT / "solutions"
IMPLEMENTATIONS = ROOT / "tests" / "implementations"


@pytest.fixture(autouse=True)
def _one_warm_worker(monkeypatch):
    """Mutants and variants are the project's own code, each in a fresh copy of the
    tree: graded without the sandbox (whose workers are bound to one tree), they share
    one warm worker. tests/test_supervision.py grades in the sandbox."""
    monkeypatch.setenv(SANDBOX_ENV, "0")


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(f"impl_{path.parent.name}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cases(kind: str):
    for path in sorted(IMPLEMENTATIONS.glob("*/*.py")):
        module = _load(path)
        for impl in getattr(module, kind, []):
            kata = f"{path.parent.name}/{path.stem}"
            yield pytest.param(kata, impl, id=f"{kata}:{impl.name}")


def _graded(grade, make_target, kata: str, impl):
    solution = (SOLUTIONS / f"{kata}.py").read_text(encoding="utf-8")
    target = make_target({f"{kata}.py": impl.apply(solution)})
    topic, slug = kata.split("/")
    return grade(target, GRADERS / topic / f"test_{slug}.py")


@pytest.mark.parametrize("kata_path, mutant", list(_cases("MUTANTS")))
def test_grader_rejects_mutant(grade, make_target, kata_path, mutant):
    """Does the grader fail this known mistake, and name it where it can?"""
    graded = _graded(grade, make_target, kata_path, mutant)
    assert graded.errors == 0, f"grader errors on mutant {mutant.name}:\n{graded.output}"
    assert graded.failed >= 1, f"mutant {mutant.name} ({mutant.description}) passed every check"
    if mutant.message:
        assert mutant.message in graded.output, (
            f"no failure message names the mistake ({mutant.message!r}):\n{graded.output}"
        )


@pytest.mark.parametrize("kata_path, variant", list(_cases("VARIANTS")))
def test_grader_accepts_variant(grade, make_target, kata_path, variant):
    """Does the grader accept this other correct implementation?"""
    graded = _graded(grade, make_target, kata_path, variant)
    assert graded.failed == 0 and graded.errors == 0, graded.output
    assert graded.passed > 0
