"""The katas as a whole: solutions pass, stubs fail cleanly, files and manifest agree."""

from __future__ import annotations

import ast
import doctest
import importlib.util
import sys
from pathlib import Path

import pytest

from mlkata.author.stubgen import make_stub, solution_files
from mlkata.engine.curriculum import load_curriculum

ROOT = Path(__file__).resolve().parents[1]
CURRICULUM = load_curriculum(ROOT / "curriculum.toml")
KATAS = [pytest.param(k, id=f"{k.topic}/{k.slug}") for k in CURRICULUM.katas]


def test_every_solution_passes_its_grader(grade):
    """Does the reference pass every grader test, with no error?"""
    graded = grade(ROOT / "solutions")
    assert graded.failed == 0 and graded.errors == 0, graded.output
    assert graded.passed > 0


def test_every_stub_fails_every_grader_test_cleanly(grade):
    """Does each stub fail every one of its tests with the not-implemented reason?"""
    graded = grade(ROOT / "exercises")
    assert graded.errors == 0, graded.output
    assert graded.passed == 0, "a grader test passes on a stub: it checks nothing"
    for message in graded.failure_messages():
        assert message.startswith("not implemented yet"), message


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_its_three_files(kata):
    """Has every kata in curriculum.toml its solution, stub and grader?"""
    for path in (
        ROOT / "solutions" / kata.path,
        ROOT / "exercises" / kata.path,
        ROOT / "graders" / kata.grader_path,
    ):
        assert path.is_file(), f"{kata.slug}: {path.relative_to(ROOT)} is missing"


def test_no_file_without_a_kata():
    """Is every solution, stub, grader and implementations file listed in curriculum.toml?"""
    listed = {k.path for k in CURRICULUM.katas}
    found = {str(p.relative_to(ROOT / "solutions")) for p in (ROOT / "solutions").glob("*/*.py")}
    found |= {str(p.relative_to(ROOT / "exercises")) for p in (ROOT / "exercises").glob("*/*.py")}
    found |= {
        str(p.relative_to(ROOT / "graders")).replace("test_", "", 1)
        for p in (ROOT / "graders").glob("*/test_*.py")
    }
    found |= {
        str(p.relative_to(ROOT / "tests" / "implementations"))
        for p in (ROOT / "tests" / "implementations").glob("*/*.py")
    }
    assert found - listed == set(), "files for katas that curriculum.toml does not list"


@pytest.mark.parametrize("kata", KATAS)
def test_stub_matches_its_solution(kata):
    """Is the committed stub exactly what `mlkata dev sync` generates?"""
    solution = (ROOT / "solutions" / kata.path).read_text(encoding="utf-8")
    stub = (ROOT / "exercises" / kata.path).read_text(encoding="utf-8")
    assert stub == make_stub(solution, kata.path), (
        f"exercises/{kata.path} has drifted from its solution: run `mlkata dev sync`"
    )


@pytest.mark.parametrize("kata", KATAS)
def test_kata_has_hints_and_mutants(kata):
    """Has every kata two or more hints and at least one mutant in tests/?"""
    assert len(kata.hints) >= 2, f"{kata.slug} has {len(kata.hints)} hints"
    assert all(h.strip() for h in kata.hints)
    impl = ROOT / "tests" / "implementations" / kata.path
    assert impl.is_file(), f"{kata.slug}: no mutants in {impl.relative_to(ROOT)}"
    assert "MUTANTS" in impl.read_text(encoding="utf-8")


@pytest.mark.parametrize("kata", KATAS)
def test_solution_docstrings_follow_numpydoc(kata):
    """Does every public function document its maths, parameters, returns and examples?"""
    tree = ast.parse((ROOT / "solutions" / kata.path).read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{kata.path} has no module docstring"
    public = [
        n
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.ClassDef))
        and not n.name.startswith("_")
        and not _is_namedtuple(n)
    ]
    assert public, f"{kata.path} defines no public function"
    for node in public:
        doc = ast.get_docstring(node) or ""
        for section in (
            ".. math::",
            "Parameters",
            "Returns" if isinstance(node, ast.FunctionDef) else "Examples",
            "Examples",
        ):
            assert section in doc, f"{kata.path}: {node.name} docstring lacks {section!r}"


def _is_namedtuple(node: ast.AST) -> bool:
    return isinstance(node, ast.ClassDef) and any(
        getattr(b, "id", None) == "NamedTuple" for b in node.bases
    )


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, id=str(p.relative_to(ROOT / "solutions")))
        for p in solution_files(ROOT / "solutions")
    ],
)
def test_solution_examples_run(path, monkeypatch):
    """Do the Examples sections of the reference run as doctests?"""
    monkeypatch.syspath_prepend(str(ROOT / "solutions"))
    before = set(sys.modules)
    try:
        spec = importlib.util.spec_from_file_location(f"doctest_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    finally:
        # Katas this one imported (topic.slug) must not outlive the test: a later
        # grading run in this process would find them instead of its target's.
        for name in set(sys.modules) - before:
            del sys.modules[name]
    assert result.attempted > 0, f"{path.name} has no runnable example"
    assert result.failed == 0
