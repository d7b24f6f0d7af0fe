"""The katas as a whole: every kata is finished, as `mlkata dev check` defines it.

Each test runs one check of :mod:`mlkata.author.check` on this working copy, so there
is one definition of a finished kata. Stubs are compared with the generator through
what git committed, and graded as generated into a temporary tree: the tests pass as
well in a clone where a learner has solved katas.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.author import check
from mlkata.engine.curriculum import load_curriculum

ROOT = Path(__file__).resolve().parents[1]
CURRICULUM = load_curriculum(ROOT / "curriculum.toml")
KATAS = [pytest.param(k, id=f"{k.topic}/{k.slug}") for k in CURRICULUM.katas]


def _lines(findings: list[check.Finding]) -> str:
    return "\n".join(str(f) for f in findings)


@pytest.fixture(scope="module")
def committed():
    """The committed stubs (None without git), read once."""
    return check.committed_stubs(ROOT, CURRICULUM.katas)


def test_curriculum_is_valid_and_versioned():
    """Does curriculum.toml load, with the format_version this mlkata reads?"""
    curriculum, findings = check.curriculum_findings(ROOT)
    assert findings == [], _lines(findings)
    assert curriculum is not None and curriculum.katas


def test_no_file_without_a_kata():
    """Is every solution, stub, grader and mutants file, and topic folder, in curriculum.toml?"""
    findings = check.stray_findings(ROOT, CURRICULUM)
    assert findings == [], _lines(findings)


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_its_four_files(kata):
    """Has every kata its solution, stub, grader and mutants file?"""
    findings = check.file_findings(ROOT, kata)
    assert findings == [], _lines(findings)


@pytest.mark.parametrize("kata", KATAS)
def test_stub_matches_its_solution(kata, committed):
    """Is the stub (on disk, or as committed) exactly what `mlkata dev sync` generates?"""
    findings = check.stub_findings(ROOT, kata, committed)
    assert findings == [], _lines(findings)


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_hints(kata):
    """Has every kata two or more hints, none empty?"""
    findings = check.hint_findings(kata)
    assert findings == [], _lines(findings)


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_mutants_whose_edits_apply(kata):
    """Has every kata a mutant, and does every mutant and variant still apply?"""
    findings = check.mutant_findings(ROOT, kata)
    assert findings == [], _lines(findings)


@pytest.mark.parametrize("kata", KATAS)
def test_solution_docstrings_follow_numpydoc(kata):
    """Does every public function document its maths, parameters, returns and examples?"""
    findings = check.docstring_findings(ROOT, kata)
    assert findings == [], _lines(findings)


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_no_todo_left(kata):
    """Is there no TODO left in the solution, grader, mutants file or entry?"""
    findings = check.todo_findings(ROOT, kata)
    assert findings == [], _lines(findings)


@pytest.mark.parametrize("kata", KATAS)
def test_solution_examples_run(kata):
    """Do the Examples sections of the reference run as doctests?"""
    findings = check.example_findings(ROOT, kata)
    assert findings == [], _lines(findings)


# In-process graders set their own per-test alarms, which would cancel this test's.
@pytest.mark.timeout(0)
def test_graders_fail_every_stub_and_pass_every_solution():
    """Does every check fail on the generated stub (not implemented yet) and pass on the
    reference?"""
    findings = check.grading_findings(ROOT, CURRICULUM.katas)
    assert findings == [], _lines(findings)
