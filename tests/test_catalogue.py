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


def assert_no_finding(findings: list[check.Finding]) -> None:
    """Fail with the findings, one line each, if there is any."""
    assert findings == [], "\n".join(str(f) for f in findings)


@pytest.fixture(scope="module")
def committed():
    """The committed stubs (None without git), read once."""
    return check.committed_stubs(ROOT, CURRICULUM.katas)


def test_curriculum_is_valid_and_versioned():
    """Does curriculum.toml load, with the format_version this mlkata reads?"""
    curriculum, findings = check.curriculum_findings(ROOT)
    assert_no_finding(findings)
    assert curriculum is not None and curriculum.katas


def test_no_file_without_a_kata():
    """Is every solution, stub, grader and mutants file, and topic folder, in curriculum.toml?"""
    assert_no_finding(check.stray_findings(ROOT, CURRICULUM))


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_its_four_files(kata):
    """Has every kata its solution, stub, grader and mutants file?"""
    assert_no_finding(check.file_findings(ROOT, kata))


@pytest.mark.parametrize("kata", KATAS)
def test_stub_matches_its_solution(kata, committed):
    """Is the stub (on disk, or as committed) exactly what `mlkata dev sync` generates?"""
    assert_no_finding(check.stub_findings(ROOT, kata, committed))


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_hints(kata):
    """Has every kata two or more hints, none empty?"""
    assert_no_finding(check.hint_findings(kata))


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_mutants_whose_edits_apply(kata):
    """Has every kata a mutant, and does every mutant and variant still apply?"""
    assert_no_finding(check.mutant_findings(ROOT, kata))


@pytest.mark.parametrize("kata", KATAS)
def test_solution_docstrings_follow_numpydoc(kata):
    """Does every public function document its maths, parameters, returns and examples?"""
    assert_no_finding(check.docstring_findings(ROOT, kata))


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_no_todo_left(kata):
    """Is there no TODO left in the solution, grader, mutants file or entry?"""
    assert_no_finding(check.todo_findings(ROOT, kata))


@pytest.mark.parametrize("kata", KATAS)
def test_grader_does_not_recheck_what_call_checks(kata):
    """Does no grader compare an input it passed to call() with a .copy() of it by hand?"""
    assert_no_finding(check.recheck_findings(ROOT, kata))


@pytest.mark.parametrize("kata", KATAS)
def test_solution_examples_run(kata):
    """Do the Examples sections of the reference run as doctests?"""
    assert_no_finding(check.example_findings(ROOT, kata))


# Grading every kata outlasts the 3 s default limit; each grader test has its own
# (and in-process graders' alarms would cancel this test's).
def test_graders_fail_every_stub_and_pass_every_solution():
    """Does every check fail on the generated stub (not implemented yet) and pass on the
    reference?"""
    assert_no_finding(check.grading_findings(ROOT, CURRICULUM.katas))
