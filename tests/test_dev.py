"""The maintainer commands `mlkata dev check`, `dev new` and `dev sync`, on copies of the repo.

Each test works on a temporary copy of the catalogue (curriculum.toml, the trees,
the mutants), sometimes made a git repository, breaks or solves something in it, and
runs the real command in this process.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mlkata.author.check import check_catalogue, grading_findings
from mlkata.author.stubgen import make_stub, sync
from mlkata.cli import main
from mlkata.engine.curriculum import CurriculumError, load_curriculum

# Each test copies the catalogue (and may run git): more than the 3 s default allows on a
# busy machine, still far from a hang.
pytestmark = pytest.mark.timeout(60)

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("curriculum.toml", "pyproject.toml", "solutions", "graders")


def copy_repo(into: Path, git: bool = False) -> Path:
    """A working copy of the catalogue at ``into`` (committed once if ``git``).

    Its exercises/ are the generated stubs, not this repository's exercises/, which may
    hold a learner's work.
    """
    into.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.bak")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=ignore)
        else:
            shutil.copy2(source, into / name)
    for solution in (ROOT / "solutions").glob("*/*.py"):
        stub = into / "exercises" / solution.relative_to(ROOT / "solutions")
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(make_stub(solution.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(ROOT / "tests/implementations", into / "tests/implementations", ignore=ignore)
    if git:
        run_git(into, "init", "-q")
        commit(into)
    return into


def run_git(root: Path, *args: str) -> None:
    who = ["-c", "user.name=mlkata", "-c", "user.email=mlkata@example.org"]
    subprocess.run(["git", *who, "-c", "commit.gpgsign=false", *args], cwd=root, check=True)


def commit(root: Path) -> None:
    run_git(root, "add", "-A")
    run_git(root, "commit", "-q", "-m", "catalogue")


def dev(root: Path, monkeypatch, capsys, *args: str) -> tuple[int, list[str], str]:
    """Run `mlkata dev ARGS` in ``root``: exit status, stdout lines, stderr."""
    monkeypatch.chdir(root)
    capsys.readouterr()
    code = main(["dev", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def solve(root: Path, path: str) -> None:
    """The learner's work: the reference solution over the stub."""
    shutil.copy2(root / "solutions" / path, root / "exercises" / path)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


# ---------------------------------------------------------------------------
# format_version


@pytest.mark.parametrize(
    "first_line, problem",
    [
        ("", "has no format_version: add `format_version = 1`"),
        ("format_version = 2\n", "format_version 2 is not one this mlkata reads (1)"),
        ('format_version = "1"\n', "format_version '1' is not one this mlkata reads"),
        ("format_version = true\n", "format_version True is not one this mlkata reads"),
    ],
)
def test_curriculum_without_a_known_format_version_is_refused(tmp_path, first_line, problem):
    """Is a curriculum.toml with no, or another, format_version refused in one line?"""
    text = (ROOT / "curriculum.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^format_version = 1\n", "", text)
    path = tmp_path / "curriculum.toml"
    path.write_text(first_line + text, encoding="utf-8")
    with pytest.raises(CurriculumError, match=re.escape(problem)) as error:
        load_curriculum(path)
    assert "\n" not in str(error.value)


def test_curriculum_with_format_version_1_loads(tmp_path):
    """Does the same file with `format_version = 1` first load with every kata?"""
    text = (ROOT / "curriculum.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^format_version = 1\n", "", text)
    path = tmp_path / "curriculum.toml"
    path.write_text("format_version = 1\n" + text, encoding="utf-8")
    assert load_curriculum(path).katas == load_curriculum(ROOT / "curriculum.toml").katas


# ---------------------------------------------------------------------------
# dev check: each kind of finding, on a broken copy


def test_dev_check_on_a_clean_copy_finds_nothing(repo, monkeypatch, capsys):
    """Does a copy of the finished catalogue pass `dev check --no-grade` with exit 0?"""
    code, lines, _ = dev(repo, monkeypatch, capsys, "check", "--no-grade")
    assert code == 0, lines
    assert lines == [lines[-1]] and lines[-1].startswith("mlkata dev check: no problem in")


def _drop_format_version(root: Path) -> None:
    edit(root / "curriculum.toml", "format_version = 1\n", "")


def _stray_files(root: Path) -> None:
    shutil.copy2(root / "solutions/calculus/sigmoid.py", root / "solutions/calculus/orphan.py")
    (root / "graders/optimisation").mkdir()
    (root / "graders/optimisation/test_adam.py").write_text("def test_x():\n    pass\n")
    (root / "graders/calculus/helpers.py").write_text("X = 1\n")
    shutil.copy2(root / "exercises/calculus/sigmoid.py", root / "exercises/statistics/sigmoid.py")


def _missing_files(root: Path) -> None:
    (root / "graders/calculus/test_sigmoid.py").unlink()
    (root / "exercises/calculus/softmax.py").unlink()
    (root / "tests/implementations/calculus/logsumexp.py").unlink()


def _drifted_stub(root: Path) -> None:
    edit(root / "solutions/calculus/sigmoid.py", "The logistic function,", "The logistic curve,")


def _unpaired_marker(root: Path) -> None:
    edit(
        root / "solutions/calculus/sigmoid.py",
        "    return e / (1.0 + e) ** 2\n    # END SOLUTION\n",
        "    return e / (1.0 + e) ** 2\n",
    )


def _one_hint(root: Path) -> None:
    path = root / "curriculum.toml"
    first_hint_only = re.compile(
        r'(slug = "sigmoid"\n(?:.*\n)*?hints = \[\n    ".*",\n)(?:    .*\n)+'
    )
    text, count = first_hint_only.subn(r"\1", path.read_text(encoding="utf-8"), count=1)
    assert count == 1
    path.write_text(text, encoding="utf-8")


def _no_mutant(root: Path) -> None:
    path = root / "tests/implementations/calculus/sigmoid.py"
    path.write_text("from mlkata.mutation import Mutant\n\nMUTANTS: list[Mutant] = []\n")


def _stale_mutant(root: Path) -> None:
    edit(
        root / "solutions/calculus/sigmoid.py",
        "    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n",
        "    return np.where(z < 0, e / (1.0 + e), 1.0 / (1.0 + e))\n",
    )


def _broken_mutants_file(root: Path) -> None:
    (root / "tests/implementations/calculus/sigmoid.py").write_text("MUTANTS = [\n")


def _no_math_block(root: Path) -> None:
    edit(
        root / "solutions/calculus/sigmoid.py",
        "    .. math::\n\n        \\sigma'(z)",
        "        \\sigma'(z)",
    )
    sync(root, slugs=["sigmoid"])  # the stub follows, as after `mlkata dev sync`


def _todo_in_grader(root: Path) -> None:
    path = root / "graders/calculus/test_sigmoid.py"
    path.write_text(path.read_text() + "\n# TODO: the efficiency tier\n")


@pytest.mark.parametrize(
    "break_it, expected",
    [
        (_drop_format_version, ["curriculum.toml: has no format_version"]),
        (
            _stray_files,
            [
                "solutions/calculus/orphan.py: no kata `orphan` in curriculum.toml",
                "graders/optimisation/: `optimisation` is not a topic of curriculum.toml",
                "graders/calculus/helpers.py: not a grader file",
                "exercises/statistics/sigmoid.py: curriculum.toml has `sigmoid` in topic "
                "`calculus`, not `statistics`",
            ],
        ),
        (
            _missing_files,
            [
                "graders/calculus/test_sigmoid.py: no grader",
                "exercises/calculus/softmax.py: no stub: run `mlkata dev sync softmax`",
                "tests/implementations/calculus/logsumexp.py: no mutants file",
            ],
        ),
        (
            _drifted_stub,
            ["exercises/calculus/sigmoid.py: differs from what its solution generates: run"],
        ),
        (
            _unpaired_marker,
            ["solutions/calculus/sigmoid.py:75: BEGIN SOLUTION is never closed"],
        ),
        (_one_hint, ["curriculum.toml: `sigmoid` has 1 hint(s): give at least 2"]),
        (_no_mutant, ["tests/implementations/calculus/sigmoid.py: has no mutant"]),
        (
            _stale_mutant,
            [
                f"tests/implementations/calculus/sigmoid.py: {name}: "
                for name in ("naive_exp", "where_evaluates_both_branches", "flipped_sign")
            ],
        ),
        (
            _broken_mutants_file,
            ["tests/implementations/calculus/sigmoid.py: cannot be loaded: SyntaxError"],
        ),
        (
            _no_math_block,
            ["solutions/calculus/sigmoid.py: the docstring of sigmoid_grad lacks '.. math::'"],
        ),
        (_todo_in_grader, ["a TODO left in the grader (the first here)"]),
    ],
    ids=lambda value: getattr(value, "__name__", "")[1:] or None,
)
def test_dev_check_reports_each_kind_of_problem(repo, monkeypatch, capsys, break_it, expected):
    """Does `dev check --no-grade` name each problem in one line, and exit 1?"""
    break_it(repo)
    code, lines, err = dev(repo, monkeypatch, capsys, "check", "--no-grade")
    assert code == 1 and err == ""
    findings, summary = lines[:-1], lines[-1]
    for piece in expected:
        assert any(piece in line for line in findings), f"{piece!r} not in {findings}"
    assert len(findings) == len(expected), findings
    assert re.fullmatch(r"mlkata dev check: \d+ problems?( in \d+ katas?)? \(.*\)", summary)


def test_dev_check_unknown_slug_is_one_line(repo, monkeypatch, capsys):
    """Is a slug that is not in curriculum.toml refused in one line with a suggestion?"""
    code, lines, err = dev(repo, monkeypatch, capsys, "check", "sigmod")
    assert code == 2 and lines == []
    assert err.startswith("mlkata: no kata `sigmod` in curriculum.toml: did you mean sigmoid")
    assert err.count("\n") == 1


RECHECK_BY_HAND = """

from mlkata.grading import call


def test_sigmoid_leaves_z_alone_by_hand(kata, rng):
    z = rng.standard_normal(6)
    before = z.copy()
    call(kata.sigmoid, z)
    np.testing.assert_array_equal(z, before)
"""


def test_dev_check_flags_a_hand_recheck_of_what_call_checks(repo, monkeypatch, capsys):
    """Is a grader that re-checks a `.copy()` of an input it passed to call() named, with
    its file and line, in one line; and is the same grader without the re-check clean?"""
    grader = repo / "graders/calculus/test_sigmoid.py"
    clean = grader.read_text()
    grader.write_text(clean + RECHECK_BY_HAND)
    line = (clean + RECHECK_BY_HAND).splitlines().index("    before = z.copy()") + 1
    code, lines, _ = dev(repo, monkeypatch, capsys, "check", "--no-grade", "sigmoid")
    assert code == 1
    assert lines[:-1] == [
        f"graders/calculus/test_sigmoid.py:{line}: re-checks `z` against a .copy() by hand "
        f"(line {line + 2}), but call() already fails the test when the code modifies an "
        "argument it is given: remove the copy and the re-check"
    ]
    edit(grader, "    np.testing.assert_array_equal(z, before)\n", "")
    edit(grader, "    before = z.copy()\n", "")
    code, lines, _ = dev(repo, monkeypatch, capsys, "check", "--no-grade", "sigmoid")
    assert code == 0, lines


def test_dev_check_grades_stubs_solutions_and_examples(repo, monkeypatch, capsys):
    """Does `dev check` find checks a stub passes or fails wrongly, graders that check
    nothing, a failing solution and a wrong example?"""
    grader = repo / "graders/calculus/test_sigmoid.py"
    grader.write_text(
        grader.read_text()
        + "\n\ndef test_sigmoid_exists(kata):\n    assert kata\n"
        + "\n\ndef test_sigmoid_grader_bug(kata):\n    assert {}['z'] == kata.sigmoid(0.0)\n"
    )
    (repo / "graders/calculus/test_logsumexp.py").write_text("def test_nothing():\n    pass\n")
    edit(
        repo / "solutions/calculus/softmax.py",
        "    # BEGIN SOLUTION\n",
        "    # BEGIN SOLUTION\n    return 0.0\n",
    )
    edit(repo / "solutions/calculus/sigmoid.py", "    0.25\n", "    0.5\n")
    slugs = ("sigmoid", "softmax", "logsumexp", "mse_gradient")
    code, lines, _ = dev(repo, monkeypatch, capsys, "check", *slugs)
    assert code == 1
    expected = [
        "graders/calculus/test_sigmoid.py: `test_sigmoid_exists` passes on the stub",
        "graders/calculus/test_sigmoid.py: `test_sigmoid_grader_bug` fails on the stub, not "
        "because the code is missing: ",
        "graders/calculus/test_logsumexp.py: ",
        "solutions/calculus/sigmoid.py: fails `test_sigmoid_grader_bug`: ",
        "solutions/calculus/softmax.py: fails ",
        "solutions/calculus/sigmoid.py: Examples: `>>> float(sigmoid_grad(0.0))` gives '0.25'",
    ]
    for piece in expected:
        assert any(line.startswith(piece) for line in lines), f"{piece!r} not in {lines}"
    assert not any("mse_gradient" in line for line in lines[:-1]), lines
    assert lines[-1].endswith("in 3 katas (structure, graders, examples)")


# ---------------------------------------------------------------------------
# A learner's clone: solved katas are no problem, and sync keeps their work


@pytest.fixture
def solved_clone(tmp_path: Path) -> Path:
    """A committed clone in which the learner solved three katas."""
    root = copy_repo(tmp_path / "clone", git=True)
    for path in ("calculus/sigmoid.py", "calculus/softmax.py", "linear_algebra/p_norm.py"):
        solve(root, path)
    return root


def test_catalogue_checks_pass_in_a_clone_with_solved_katas(solved_clone):
    """Do the catalogue checks still pass when exercises/ holds a learner's solutions?"""
    structural = list(check_catalogue(solved_clone, grade=False))
    assert structural == [], [str(f) for f in structural]
    curriculum = load_curriculum(solved_clone / "curriculum.toml")
    katas = [curriculum.get(slug) for slug in ("sigmoid", "softmax", "p_norm")]
    graded = grading_findings(solved_clone, katas)
    assert graded == [], [str(f) for f in graded]


def test_dev_check_in_a_clone_names_stale_stubs(solved_clone, monkeypatch, capsys):
    """After solutions change, is a stale stub told apart from a solved one whose stub changed?"""
    edit(solved_clone / "solutions/calculus/sigmoid.py", "The logistic function,", "The curve,")
    edit(solved_clone / "solutions/calculus/logsumexp.py", "computed without", "evaluated without")
    code, lines, _ = dev(solved_clone, monkeypatch, capsys, "check", "--no-grade")
    assert code == 1
    sync = "run `mlkata dev sync {}` (never edit exercises/ by hand)"
    assert lines[:-1] == [
        "exercises/calculus/sigmoid.py: differs from what its solution generates, and from the "
        "committed stub: " + sync.format("sigmoid"),
        "exercises/calculus/logsumexp.py: is the committed stub of an older solution: "
        + sync.format("logsumexp"),
    ]


def test_dev_sync_leaves_solved_katas_whose_stub_is_current(solved_clone, monkeypatch, capsys):
    """Does `dev sync` leave a learner's solution alone when its stub has not changed?"""
    before = {p: p.read_text() for p in (solved_clone / "exercises").glob("*/*.py")}
    code, lines, _ = dev(solved_clone, monkeypatch, capsys, "sync")
    assert code == 0
    assert lines == [
        "left alone: 3 exercise(s) holding your work, whose stubs have not changed",
        "every stub is up to date with its solution",
    ]
    assert {p: p.read_text() for p in (solved_clone / "exercises").glob("*/*.py")} == before
    assert not list((solved_clone / "exercises").rglob("*.bak"))


def test_dev_sync_keeps_the_learners_file_when_its_stub_changes(solved_clone, monkeypatch, capsys):
    """When a solution changes, is the learner's file kept as .bak and a stale stub replaced?"""
    edit(
        solved_clone / "solutions/calculus/sigmoid.py",
        "The logistic function,",
        "The logistic curve,",
    )
    edit(solved_clone / "solutions/calculus/logsumexp.py", "computed without", "evaluated without")
    learners = (solved_clone / "exercises/calculus/sigmoid.py").read_text()

    code, lines, err = dev(solved_clone, monkeypatch, capsys, "sync", "--check")
    assert code == 1 and "run `mlkata dev sync`" in err
    assert sorted(lines) == [
        "left alone: 2 exercise(s) holding your work, whose stubs have not changed",
        "out of date: exercises/calculus/logsumexp.py",
        "out of date: exercises/calculus/sigmoid.py (it holds your work: sync keeps it as .bak)",
    ]
    assert (solved_clone / "exercises/calculus/sigmoid.py").read_text() == learners

    code, lines, _ = dev(solved_clone, monkeypatch, capsys, "sync")
    assert code == 0
    assert (
        "wrote: exercises/calculus/sigmoid.py (your file is kept as "
        "exercises/calculus/sigmoid.py.bak)"
    ) in lines
    assert "wrote: exercises/calculus/logsumexp.py" in lines
    exercises = solved_clone / "exercises/calculus"
    assert (exercises / "sigmoid.py.bak").read_text() == learners
    for slug in ("sigmoid", "logsumexp"):
        solution = (solved_clone / f"solutions/calculus/{slug}.py").read_text()
        assert (exercises / f"{slug}.py").read_text() == make_stub(solution)
    assert [p.name for p in exercises.glob("*.bak")] == ["sigmoid.py.bak"]


def test_dev_sync_without_git_keeps_every_different_file(repo, monkeypatch, capsys):
    """Without git to tell, is every file that is not the stub kept as .bak before sync?"""
    solve(repo, "calculus/sigmoid.py")
    learners = (repo / "exercises/calculus/sigmoid.py").read_text()
    code, lines, _ = dev(repo, monkeypatch, capsys, "sync", "sigmoid")
    assert code == 0
    assert lines == [
        "wrote: exercises/calculus/sigmoid.py (your file is kept as "
        "exercises/calculus/sigmoid.py.bak)"
    ]
    assert (repo / "exercises/calculus/sigmoid.py.bak").read_text() == learners


# ---------------------------------------------------------------------------
# dev new


def _entries(root: Path) -> list[tuple[str, str]]:
    return [(k.topic, k.slug) for k in load_curriculum(root / "curriculum.toml").katas]


def test_dev_new_writes_the_skeleton_and_its_entry(repo, monkeypatch, capsys):
    """Does `dev new` write the four files, the generated stub, and the entry at its topic's end?"""
    before = (repo / "curriculum.toml").read_text()
    code, lines, _ = dev(
        repo, monkeypatch, capsys, "new", "calculus/l2_norm", "--title", "The 2-norm"
    )
    assert code == 0
    written = [
        "solutions/calculus/l2_norm.py",
        "exercises/calculus/l2_norm.py",
        "graders/calculus/test_l2_norm.py",
        "tests/implementations/calculus/l2_norm.py",
        "curriculum.toml",
    ]
    assert lines[:-1] == [f"wrote: {path}" for path in written]
    solution = (repo / "solutions/calculus/l2_norm.py").read_text()
    assert "    # BEGIN SOLUTION\n" in solution and "    # END SOLUTION\n" in solution
    assert (repo / "exercises/calculus/l2_norm.py").read_text() == make_stub(solution)
    grader = (repo / "graders/calculus/test_l2_norm.py").read_text()
    assert "def test_l2_norm_documented_example(kata):" in grader
    assert "def test_l2_norm_matches_an_independent_computation(kata, rng):" in grader

    entries = _entries(repo)
    calculus = [slug for topic, slug in entries if topic == "calculus"]
    assert calculus[-1] == "l2_norm"
    assert entries.index(("calculus", "l2_norm")) == entries.index(("calculus", calculus[-2])) + 1
    assert load_curriculum(repo / "curriculum.toml").get("l2_norm").title == "The 2-norm"
    after = (repo / "curriculum.toml").read_text()
    assert [line for line in after.splitlines() if line.startswith("#")] == [
        line for line in before.splitlines() if line.startswith("#")
    ]
    assert after.startswith(before[: before.index('slug = "hessian"')])


def test_dev_new_after_puts_the_entry_after_that_kata(repo, monkeypatch, capsys):
    """Does `--after sigmoid` place the new kata right after sigmoid?"""
    code, _, _ = dev(repo, monkeypatch, capsys, "new", "calculus/tanh", "--after", "sigmoid")
    assert code == 0
    slugs = [slug for _, slug in _entries(repo)]
    assert slugs[slugs.index("sigmoid") + 1] == "tanh"


def test_dev_new_topic_goes_at_the_end_with_a_title(repo, monkeypatch, capsys):
    """Does a kata of a new topic start a section at the end, its topic titled?"""
    code, _, _ = dev(repo, monkeypatch, capsys, "new", "geometry/rotation")
    assert code == 0
    assert _entries(repo)[-1] == ("geometry", "rotation")
    curriculum = load_curriculum(repo / "curriculum.toml")
    assert curriculum.topic_titles["geometry"] == "Geometry"
    assert "\n# --- geometry ---" in (repo / "curriculum.toml").read_text()


@pytest.mark.parametrize(
    "args, problem",
    [
        (["calculus/sigmoid"], "`sigmoid` is already a kata (calculus/sigmoid)"),
        (["statistics/sigmoid"], "`sigmoid` is already a kata (calculus/sigmoid)"),
        (["Calculus/x"], "the topic `Calculus` is not a lowercase Python identifier"),
        (["calculus/my-kata"], "the slug `my-kata` is not a lowercase Python identifier"),
        (["calculus"], "name the kata as TOPIC/SLUG"),
        (["calculus/x", "--after", "p_norm"], "--after p_norm: that kata is in topic"),
        (["calculus/x", "--after", "nothing"], "--after nothing: no such kata"),
    ],
)
def test_dev_new_refuses_in_one_line_and_writes_nothing(repo, monkeypatch, capsys, args, problem):
    """Is a duplicate slug, a bad name or a bad --after refused in one line, nothing written?"""
    before = sorted(p for p in repo.rglob("*") if p.is_file())
    manifest = (repo / "curriculum.toml").read_text()
    code, lines, err = dev(repo, monkeypatch, capsys, "new", *args)
    assert code == 2 and lines == []
    assert err.startswith("mlkata: ") and problem in err and err.count("\n") == 1
    assert sorted(p for p in repo.rglob("*") if p.is_file()) == before
    assert (repo / "curriculum.toml").read_text() == manifest


def test_dev_new_never_overwrites_a_file(repo, monkeypatch, capsys):
    """Is a kata whose grader file already exists refused, with the file untouched?"""
    grader = repo / "graders/calculus/test_l2_norm.py"
    grader.write_text("# someone's work\n")
    code, _, err = dev(repo, monkeypatch, capsys, "new", "calculus/l2_norm")
    assert code == 2 and "graders/calculus/test_l2_norm.py already exists" in err
    assert grader.read_text() == "# someone's work\n"
    assert not (repo / "solutions/calculus/l2_norm.py").exists()
    assert load_curriculum(repo / "curriculum.toml").get("l2_norm") is None


def test_dev_check_flags_a_fresh_skeleton(repo, monkeypatch, capsys):
    """Is a fresh skeleton reported as unfinished, and nothing else in the catalogue?"""
    dev(repo, monkeypatch, capsys, "new", "calculus/l2_norm")
    code, lines, _ = dev(repo, monkeypatch, capsys, "check", "--no-grade")
    assert code == 1
    assert lines[:-1] == [
        "tests/implementations/calculus/l2_norm.py: has no mutant: add a Mutant for every "
        "mistake the catalogue lists",
        "solutions/calculus/l2_norm.py:3: 8 TODOs left in the solution (the first here)",
        "graders/calculus/test_l2_norm.py:1: 12 TODOs left in the grader (the first here)",
        "tests/implementations/calculus/l2_norm.py:6: a TODO left in the mutants file "
        "(the first here)",
        "curriculum.toml: `l2_norm`: a TODO left in its title or hints",
    ]
    assert lines[-1] == "mlkata dev check: 5 problems in 1 kata (structure only: --no-grade)"

    code, lines, _ = dev(repo, monkeypatch, capsys, "check", "l2_norm")
    graded = lines[5:-1]  # after the five structural findings above
    assert code == 1 and len(graded) == 2, lines
    assert graded[0].startswith("solutions/calculus/l2_norm.py: fails 7 checks")
    assert "not implemented yet" in graded[0]  # and the stub fails every check cleanly
    assert graded[1].startswith("solutions/calculus/l2_norm.py: Examples: ")


def test_first_kata_of_a_laid_out_topic_goes_under_its_section_comment():
    """With a topic's section comment (and anchor) already in curriculum.toml, does its
    first kata go right under the comment, not at the end of the file?"""
    from mlkata.author.manifest import insert_kata

    text = (
        'format_version = 1\n\n[topics]\nalpha = "Alpha"\nbeta = "Beta"\n\n'
        "# --- alpha ---\n\n"
        '[[kata]]\ntopic = "alpha"\nslug = "a1"\ntitle = "A1"\ndifficulty = 1\n'
        'prerequisites = []\npoints = 5\nhints = ["x", "y"]\n\n'
        "# --- beta ---\n\n# >>> beta: new entries go directly above this line\n\n"
        "# --- gamma ---\n"
    )
    entry = (
        '[[kata]]\ntopic = "beta"\nslug = "b1"\ntitle = "B1"\ndifficulty = 1\n'
        'prerequisites = []\npoints = 5\nhints = ["x", "y"]\n'
    )
    edited = insert_kata(text, entry, "beta", "b1")
    assert edited.index('slug = "b1"') < edited.index("# >>> beta")
    assert edited.index("# --- beta") < edited.index('slug = "b1"') < edited.index("# --- gamma")
