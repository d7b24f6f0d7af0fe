"""The teacher's round trip, with the real nbgrader commands on a temporary course.

``mlkata nbgrader build`` writes the course (``python -m mlkata.cli``); ``nbgrader
generate_assignment`` releases it; students submit the reference solutions, the
released stubs, mutants, an infinite loop and a syntax error; ``nbgrader autograde``,
``generate_feedback`` and ``export`` grade them. Skipped only when nbgrader (the
``teacher`` extra) is not installed.

The course holds the four foundation katas and the first kata that imports an earlier
one, to keep CI's time reasonable; ``MLKATA_NBGRADER_KATAS=all`` builds every kata
present instead (every reference then has to score full marks). tests/test_course.py
runs every kata's notebook, faster, without nbgrader's commands.
"""

from __future__ import annotations

import csv
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest

pytest.importorskip(
    "nbgrader", reason="nbgrader is not installed: pip install -e '.[teacher]' to run this test"
)

import nbformat  # noqa: E402 - after the skip

from mlkata.author.regions import without_markers  # noqa: E402
from mlkata.engine.curriculum import load_curriculum  # noqa: E402
from mlkata.teach.capstone import capstone_notebooks  # noqa: E402
from mlkata.teach.source import read_kata, split_source  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOUNDATIONS = ["mse_gradient", "backprop_step", "pca", "gaussian_mle"]
BIN = Path(sys.executable).parent

pytestmark = [pytest.mark.xdist_group("nbgrader"), pytest.mark.timeout(900)]


def _mutant(kata: str, name: str) -> str:
    """The source of the mutant ``name`` of ``kata`` (from tests/implementations)."""
    path = ROOT / "tests" / "implementations" / f"{kata}.py"
    spec = importlib.util.spec_from_file_location(f"nbgrader_impl_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    mutant = next(m for m in module.MUTANTS if m.name == name)
    return _solution_cell(mutant.apply(_source(kata)))


MUTANTS = {
    "calculus/mse_gradient": "no_validation",
    "calculus/backprop_step": "relu_derivative_at_zero",
}


def _mutant_cell(kata: str) -> str:
    return _mutant(kata, MUTANTS[kata])


def _solution_cell(source: str) -> str:
    """What a student writes in the solution cell for this version of a kata."""
    return without_markers(split_source(source).solution)


def _source(kata: str) -> str:
    return (ROOT / "solutions" / f"{kata}.py").read_text(encoding="utf-8")


def _reference(kata: str) -> str:
    return _solution_cell(_source(kata))


def _looping(kata: str) -> str:
    """The reference with an infinite loop at the top of the function."""
    return _solution_cell(
        _source(kata).replace(
            "    # BEGIN SOLUTION\n", "    # BEGIN SOLUTION\n    while True:\n        pass\n", 1
        )
    )


def _crashing(kata: str) -> str:
    """The reference ending the process at the top of the function (a kernel killer)."""
    return _solution_cell(
        _source(kata).replace(
            "    # BEGIN SOLUTION\n", "    # BEGIN SOLUTION\n    import os\n    os._exit(0)\n", 1
        )
    )


def _segfaulting(kata: str) -> str:
    """The reference after a statement that crashes the kernel when the cell runs."""
    return "import ctypes\n\nctypes.string_at(0)\n\n\n" + _reference(kata)


def _broken(kata: str) -> str:
    """The reference with a syntax error in its first line."""
    cell = _reference(kata)
    name = split_source(_source(kata)).functions[0][0]
    return cell.replace(f"def {name}(", f"def {name}((", 1)


DELETED_CELL = "test_mse_loss_and_grad_random_cases"


def _delete_cell(path: Path, grade_id: str) -> None:
    notebook = nbformat.read(path, 4)
    cells = [
        c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id
    ]
    assert len(cells) == len(notebook.cells) - 1
    notebook.cells = cells
    nbformat.write(notebook, path)


@dataclass
class RoundTrip:
    course: Path
    env: dict
    katas: list  # curriculum Kata objects built
    timings: dict = field(default_factory=dict)
    logs: dict = field(default_factory=dict)  # what each timed command printed

    def run(self, *args: str, timed: str | None = None) -> subprocess.CompletedProcess:
        start = time.perf_counter()
        done = subprocess.run(
            [*args], cwd=self.course, env=self.env, capture_output=True, text=True, check=False
        )
        if timed:
            self.timings[timed] = time.perf_counter() - start
            self.logs[timed] = done.stdout + done.stderr
        assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done

    def nbgrader(self, *args: str, timed: str | None = None) -> subprocess.CompletedProcess:
        return self.run(str(BIN / "nbgrader"), *args, timed=timed)

    def submit(self, student: str, topic: str, notebooks: dict[str, Callable[[str], str] | None]):
        """Submit released notebooks of ``topic``, each solution cell written by
        ``make(kata)`` (None: the released stub, unchanged)."""
        folder = self.course / "submitted" / student / topic
        folder.mkdir(parents=True, exist_ok=True)
        for slug, make in notebooks.items():
            notebook = nbformat.read(self.course / "release" / topic / f"{slug}.ipynb", 4)
            if make is not None:
                (cell,) = [
                    c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")
                ]
                cell.source = make(f"{topic}/{slug}")
            nbformat.write(notebook, folder / f"{slug}.ipynb")
        (folder / "timestamp.txt").write_text("2026-01-01 12:00:00 UTC", encoding="utf-8")

    def cell_scores(self, student: str, topic: str, slug: str) -> dict[str, tuple[float, float]]:
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.course / 'gradebook.db'}") as gradebook:
            notebook = gradebook.find_submission_notebook(slug, topic, student)
            return {g.name: (g.score, g.max_score) for g in notebook.grades}


def _kernel_env(tmp: Path) -> dict:
    """Run nbgrader and its ``python3`` kernel in this interpreter, with no user config."""
    kernels = tmp / "jupyter" / "kernels" / "python3"
    kernels.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (mlkata)",
        "language": "python",
    }
    (kernels / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "MLKATA_TARGET"))}
    env.update(
        JUPYTER_PATH=str(tmp / "jupyter"),
        JUPYTER_CONFIG_DIR=str(tmp / "jupyter-config"),
        JUPYTER_DATA_DIR=str(tmp / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(tmp / "jupyter-runtime"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
        # nbgrader runs `alembic` from PATH: this environment's scripts come first.
        PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]),
    )
    return env


def _present_katas() -> list:
    """Katas of the curriculum with a solution and a grader, in curriculum order."""
    return [
        k
        for k in load_curriculum(ROOT / "curriculum.toml").katas
        if (ROOT / "solutions" / k.path).is_file() and (ROOT / "graders" / k.grader_path).is_file()
    ]


def _round_trip_katas() -> list:
    """The foundations and the first kata that imports an earlier one (its notebook gets
    that one as given code); every kata present with MLKATA_NBGRADER_KATAS=all."""
    present = _present_katas()
    if os.environ.get("MLKATA_NBGRADER_KATAS") == "all":
        return present
    dependent = [k for k in present if read_kata(ROOT, k).imports][:1]
    chosen = set(FOUNDATIONS) | {k.slug for k in dependent}
    return [k for k in present if k.slug in chosen]


@pytest.fixture(scope="module")
def trip(tmp_path_factory: pytest.TempPathFactory) -> RoundTrip:
    tmp = tmp_path_factory.mktemp("nbgrader")
    katas = _round_trip_katas()
    env = _kernel_env(tmp)
    course = tmp / "course"
    selection = [arg for k in katas for arg in ("--kata", k.slug)]
    built = subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "nbgrader", "build", str(course), *selection],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    written = {Path(line.removeprefix("wrote: ")) for line in built.stdout.splitlines()}
    expected = {course / "source" / k.topic / f"{k.slug}.ipynb" for k in katas}
    capstones = {course / "source" / path for path in capstone_notebooks(ROOT, katas)}
    assert written == expected | capstones | {course / "nbgrader_config.py"}
    trip = RoundTrip(course, env, katas)
    topics = list(dict.fromkeys(k.topic for k in katas))
    # One command for every assignment ("*" is a glob), so nbgrader starts fewer times.
    trip.nbgrader("generate_assignment", "*", timed="generate_assignment, every topic")
    for topic in topics:
        slugs = [k.slug for k in katas if k.topic == topic]
        trip.submit("reference", topic, {slug: _reference for slug in slugs})
    for path in capstones:  # handed in as released: a capstone carries no points
        released = course / "release" / path.relative_to(course / "source")
        shutil.copy(released, course / "submitted" / "reference" / released.parent.name)
    for kata in katas:
        if kata.slug in FOUNDATIONS:
            trip.submit("stubs", kata.topic, {kata.slug: None})
    trip.submit("mutant", "calculus", {kata.split("/")[1]: _mutant_cell for kata in MUTANTS})
    trip.submit("looping", "calculus", {"mse_gradient": _looping, "backprop_step": _reference})
    trip.submit("broken", "statistics", {"gaussian_mle": _broken})
    trip.submit("crashing", "calculus", {"mse_gradient": _crashing, "backprop_step": _reference})
    trip.submit("segfault", "calculus", {"mse_gradient": _segfaulting, "backprop_step": _reference})
    trip.submit("wrong", "calculus", {"mse_gradient": lambda k: _mutant(k, "missing_factor_2")})
    trip.submit("deleter", "calculus", {"mse_gradient": _reference, "backprop_step": _reference})
    _delete_cell(trip.course / "submitted/deleter/calculus/mse_gradient.ipynb", DELETED_CELL)
    trip.nbgrader(
        "autograde", "calculus", "--student", "reference", timed="autograde, one student's calculus"
    )
    trip.nbgrader("autograde", "*", timed="autograde, the other submissions")
    trip.nbgrader("generate_feedback", "*", timed="generate_feedback, everyone")
    trip.nbgrader("export", timed="export")
    report = "\n".join(f"  {what}: {seconds:.1f} s" for what, seconds in trip.timings.items())
    print(f"\nnbgrader round trip, {len(katas)} katas:\n{report}")
    return trip


def test_course_has_the_foundations(trip):
    """Did the build write a notebook for each kata asked for, the four foundations too?"""
    assert set(FOUNDATIONS) <= {k.slug for k in trip.katas}


def test_release_has_no_solution_and_no_hidden_tests(trip):
    """Does the released notebook keep the stub and the visible parts only?"""
    for kata in trip.katas:
        released = (trip.course / "release" / kata.topic / f"{kata.slug}.ipynb").read_text(
            encoding="utf-8"
        )
        for secret in ("BEGIN SOLUTION", "HIDDEN TESTS", "_mlkata", "from mlkata.grading"):
            assert secret not in released, f"{kata.slug}: the release contains {secret!r}"
        notebook = nbformat.reads(released, 4)
        source = nbformat.read(trip.course / "source" / kata.topic / f"{kata.slug}.ipynb", 4)
        expected = re.sub(
            r"^([ \t]*)### BEGIN SOLUTION\n.*?^[ \t]*### END SOLUTION$",
            r"\1# YOUR CODE HERE\n\1raise NotImplementedError()",
            _solution_of(source).source,
            flags=re.MULTILINE | re.DOTALL,
        )
        assert _solution_of(notebook).source == expected
        graded = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]
        hidden = [c for c in graded if c.metadata["nbgrader"]["points"] > 0]
        assert hidden and all(c.source.startswith("# Autograded") for c in hidden)
        visible = [c for c in graded if c.metadata["nbgrader"]["points"] == 0]
        assert visible and all(c.source.startswith("# Your check, 0 points") for c in visible)


def _solution_of(notebook):
    (cell,) = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]
    return cell


def _export(trip) -> dict[tuple[str, str], tuple[float, float]]:
    with open(trip.course / "grades.csv", encoding="utf-8", newline="") as f:
        return {
            (row["assignment"], row["student_id"]): (float(row["score"]), float(row["max_score"]))
            for row in csv.DictReader(f)
        }


def test_reference_solutions_score_full_marks(trip):
    """Does every reference notebook get every point, in the gradebook and the CSV?"""
    for kata in trip.katas:
        scores = trip.cell_scores("reference", kata.topic, kata.slug)
        lost = {cell: s for cell, s in scores.items() if s[0] != pytest.approx(s[1])}
        assert not lost, f"{kata.slug}: the reference lost points in {lost}"
        assert sum(m for _, m in scores.values()) == pytest.approx(kata.points)
    exported = _export(trip)
    for topic in {k.topic for k in trip.katas}:
        score, possible = exported[(topic, "reference")]
        expected = sum(k.points for k in trip.katas if k.topic == topic)
        assert score == pytest.approx(possible) and possible == pytest.approx(expected)


def test_stubs_score_zero(trip):
    """Does the released stub, submitted unchanged, score nothing?"""
    exported = _export(trip)
    for kata in trip.katas:
        if kata.slug in FOUNDATIONS:
            scores = trip.cell_scores("stubs", kata.topic, kata.slug)
            assert all(score == 0 for score, _ in scores.values()), f"{kata.slug}: {scores}"
            assert exported[(kata.topic, "stubs")][0] == 0


def _points_of(trip, slug: str) -> float:
    return next(k.points for k in trip.katas if k.slug == slug)


def _plain_grading(env: dict, tmp: Path, kata: str, cell: str) -> dict[str, tuple[int, int]]:
    """Grade a solution cell with the plain graders (pytest on a file, not nbgrader):
    ``{test function: (cases passed, cases)}``."""
    given = split_source(_source(kata)).given
    target = tmp / "target"
    path = target / f"{kata}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{given}\n\n\n{cell}\n", encoding="utf-8")
    report = tmp / "junit.xml"
    topic, slug = kata.split("/")
    subprocess.run(
        [sys.executable, "-m", "pytest", str(ROOT / "graders" / topic / f"test_{slug}.py")]
        + ["--target", str(target), "-p", "no:cacheprovider", "-q", f"--junitxml={report}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    outcomes: dict[str, tuple[int, int]] = {}
    for case in ElementTree.parse(report).iter("testcase"):
        function = case.get("name").split("[")[0]
        failed = any(child.tag in ("failure", "error") for child in case)
        passed, total = outcomes.get(function, (0, 0))
        outcomes[function] = (passed + (not failed), total + 1)
    return outcomes


def test_mutant_loses_points_on_the_right_cells(trip, tmp_path):
    """Does each cell lose exactly the share of the checks the plain graders fail?"""
    earned = 0.0
    for kata, name in MUTANTS.items():
        topic, slug = kata.split("/")
        scores = trip.cell_scores("mutant", topic, slug)
        cells = {cell: score for cell, score in scores.items() if score[1] > 0}  # hidden tests
        plain = _plain_grading(trip.env, tmp_path / slug, kata, _mutant_cell(kata))
        assert set(plain) == set(cells)
        for test, (passed, total) in plain.items():
            score, possible = cells[test]
            expected = int(possible * passed / total * 100) / 100
            assert score == pytest.approx(expected, abs=0.011), f"{kata} {name}: {test}"
        lost = [test for test, (score, possible) in cells.items() if score < possible]
        assert lost and len(lost) < len(cells), f"{kata} {name}: not partial: {cells}"
        earned += sum(score for score, _ in cells.values())
    assert _export(trip)[("calculus", "mutant")][0] == pytest.approx(earned, abs=0.02)
    # The validation mutant only loses on the bad-input checks, and only some of them.
    mse = trip.cell_scores("mutant", "calculus", "mse_gradient")
    bad_input = mse.pop("test_mse_loss_and_grad_rejects_bad_input")
    assert 0 < bad_input[0] < bad_input[1]
    assert all(score == pytest.approx(possible) for score, possible in mse.values()), mse


def test_infinite_loop_scores_zero_and_grading_goes_on(trip):
    """Does a function that never returns score zero (its other checks are not run once
    one has run out of time) while the next notebook still scores full marks?"""
    looping = trip.cell_scores("looping", "calculus", "mse_gradient")
    assert all(score == 0 for score, _ in looping.values()), looping
    after = trip.cell_scores("looping", "calculus", "backprop_step")
    assert all(score == pytest.approx(possible) for score, possible in after.values())
    exported = _export(trip)[("calculus", "looping")][0]
    assert exported == pytest.approx(_points_of(trip, "backprop_step"))
    autograded = trip.course / "autograded" / "looping" / "calculus" / "mse_gradient.ipynb"
    text = autograded.read_text(encoding="utf-8")
    assert "ran out of time" in text and "seems to hang" in text


def test_code_that_ends_the_process_costs_its_kata_only(trip):
    """Does a function calling os._exit (which would kill the kernel) score zero with its
    reason, while the student's next notebook is still graded and scores full marks?"""
    crashing = trip.cell_scores("crashing", "calculus", "mse_gradient")
    assert all(score == 0 for score, _ in crashing.values()), crashing
    after = trip.cell_scores("crashing", "calculus", "backprop_step")
    assert all(score == pytest.approx(possible) for score, possible in after.values())
    exported = _export(trip)[("calculus", "crashing")][0]
    assert exported == pytest.approx(_points_of(trip, "backprop_step"))
    autograded = trip.course / "autograded" / "crashing" / "calculus" / "mse_gradient.ipynb"
    assert "ended the process (exit status 0)" in autograded.read_text(encoding="utf-8")


def test_syntax_error_scores_zero_with_a_reason(trip):
    """Does a solution cell that does not parse score zero and say why?"""
    scores = trip.cell_scores("broken", "statistics", "gaussian_mle")
    assert all(score == 0 for score, _ in scores.values())
    assert _export(trip)[("statistics", "broken")][0] == 0
    autograded = trip.course / "autograded" / "broken" / "statistics" / "gaussian_mle.ipynb"
    text = autograded.read_text(encoding="utf-8")
    assert "SyntaxError" in text and "is not defined: write it in the solution cell" in text


def test_feedback_shows_results_but_no_hidden_tests(trip):
    """Does the feedback HTML explain failures without quoting any hidden test?"""
    pages = sorted((trip.course / "feedback").glob("*/*/*.html"))
    assert len(pages) >= len(trip.katas) + len(FOUNDATIONS)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for secret in ("HIDDEN TESTS", "_mlkata", "mlkata.grading", "def test_"):
            assert secret not in html, f"{page.relative_to(trip.course)} shows {secret!r}"
    mutant = (trip.course / "feedback" / "mutant" / "calculus" / "mse_gradient.html").read_text(
        encoding="utf-8"
    )
    assert "should raise ValueError" in mutant
    stub = (trip.course / "feedback" / "stubs" / "calculus" / "mse_gradient.html").read_text(
        encoding="utf-8"
    )
    assert "not implemented yet" in stub


def _export_rows(trip) -> dict[tuple[str, str], dict[str, str]]:
    with open(trip.course / "grades.csv", encoding="utf-8", newline="") as f:
        return {(row["assignment"], row["student_id"]): row for row in csv.DictReader(f)}


def _page_text(path: Path) -> str:
    """The text of an HTML page, tags removed and entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def _problems(log: str) -> list[str]:
    return [line for line in log.splitlines() if "WARNING" in line or "ERROR" in line]


def test_a_clean_run_prints_no_warning(trip):
    """Do releasing, autograding a correct submission, feedback and export print no
    warning or error (nbgrader's #1961 checksum warnings, option warnings, kernel noise)?"""
    for command in (
        "generate_assignment, every topic",
        "autograde, one student's calculus",
        "generate_feedback, everyone",
        "export",
    ):
        assert not _problems(trip.logs[command]), f"{command}: {_problems(trip.logs[command])}"


def test_warnings_are_real_problems_naming_the_student(trip):
    """Is every warning of the other submissions' autograde a real problem, and do the
    crash and the deleted cell name the student and the notebook?"""
    problems = _problems(trip.logs["autograde, the other submissions"])
    crash = "segfault, calculus/mse_gradient.ipynb: mse_gradient_solution: the Python process"
    deleted = f"deleter, calculus/mse_gradient.ipynb: {DELETED_CELL}: the student deleted"
    expected = (
        "No submitted file: ",  # the stubs, wrong and broken students left notebooks out
        crash,
        "Kernel died while waiting for execute reply",
        deleted,
        f"Missing grade cell {DELETED_CELL} encountered",
    )
    unexpected = [line for line in problems if not any(e in line for e in expected)]
    assert not unexpected, unexpected
    for wanted in (crash, deleted):
        assert sum(wanted in line for line in problems) == 1, wanted


def test_a_dead_kernel_costs_its_notebook_only_and_is_flagged(trip):
    """Does a solution cell that crashes the kernel (a segfault) score zero on its
    kata, while the student's next notebook is graded in full, with the crash in the
    export's notes and the feedback?"""
    crashed = trip.cell_scores("segfault", "calculus", "mse_gradient")
    assert all(score == 0 for score, _ in crashed.values()), crashed
    after = trip.cell_scores("segfault", "calculus", "backprop_step")
    assert all(score == pytest.approx(possible) for score, possible in after.values())
    row = _export_rows(trip)[("calculus", "segfault")]
    assert float(row["score"]) == pytest.approx(_points_of(trip, "backprop_step"))
    assert row["notes"].startswith(
        "mse_gradient: mse_gradient_solution: the Python process running this notebook died"
    )
    feedback = trip.course / "feedback" / "segfault" / "calculus"
    text = _page_text(feedback / "mse_gradient.html")
    assert "Grading note: mse_gradient_solution: the Python process running this" in text
    assert (feedback / "backprop_step.html").is_file()


def test_a_deleted_test_cell_is_restored_graded_and_reported(trip):
    """Is a test cell the student deleted put back and graded, and does the teacher
    see that it was (export notes), and the student (the restored cell says so)?"""
    scores = trip.cell_scores("deleter", "calculus", "mse_gradient")
    assert DELETED_CELL in scores
    assert all(score == pytest.approx(possible) for score, possible in scores.values())
    row = _export_rows(trip)[("calculus", "deleter")]
    assert row["notes"] == (
        f"mse_gradient: {DELETED_CELL}: the student deleted this test cell; "
        "it was restored and run."
    )
    text = _page_text(trip.course / "feedback" / "deleter" / "calculus" / "mse_gradient.html")
    assert f"This cell (id:{DELETED_CELL}) was missing from the submission" in text


def test_grades_csv_totals_are_exact_hundredths(trip):
    """Are scores and totals written exactly, to the hundredth (never 123.99999999999999),
    the totals equal to the katas' points and each score to its cells' sum?"""
    rows = _export_rows(trip)
    for row in rows.values():
        for key in ("raw_score", "score", "max_score", "late_submission_penalty"):
            assert re.fullmatch(r"\d+(\.\d\d?)?", row[key]), (key, row[key])
    for topic in {k.topic for k in trip.katas}:
        points = sum(Decimal(str(k.points)) for k in trip.katas if k.topic == topic)
        assert Decimal(rows[(topic, "reference")]["max_score"]) == points
        assert rows[(topic, "reference")]["score"] == rows[(topic, "reference")]["max_score"]
    cells = trip.cell_scores("wrong", "calculus", "mse_gradient").values()
    earned = sum(Decimal(str(round(score, 2))) for score, _ in cells)
    assert 0 < earned < Decimal(str(_points_of(trip, "mse_gradient")))
    assert Decimal(rows[("calculus", "wrong")]["score"]) == earned


def test_feedback_names_the_misconception_without_hidden_inputs(trip):
    """Does the feedback carry each failing check's whole message, the named mistake
    included, with the hidden tests' inputs left out?"""
    text = _page_text(trip.course / "feedback" / "wrong" / "calculus" / "mse_gradient.html")
    assert "the factor 2 from differentiating the square is missing" in text
    assert "mse_loss_and_grad(…): dw is wrong at index (0,)" in text
    assert "X=[[" not in text and "def test_" not in text


def _with_solution(released: Path, make: Callable[[str], str] | None, kata: str, folder: Path):
    """A student's copy of a released notebook in ``folder``, its solution cell by ``make``."""
    notebook = nbformat.read(released, 4)
    if make is not None:
        _solution_of(notebook).source = make(kata)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / released.name
    nbformat.write(notebook, path)
    return path


def _run_as_student(trip, path: Path) -> dict[str, str]:
    """Run every cell of a notebook in a real kernel, as Jupyter does for a student:
    ``{visible check id: what it printed, errors included}``."""
    done = subprocess.run(
        [str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--allow-errors"]
        + ["--output", f"{path.stem}.ran.ipynb", path.name],
        cwd=path.parent,
        env=trip.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    ran = nbformat.read(path.parent / f"{path.stem}.ran.ipynb", 4)
    checks = {}
    for cell in ran.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and meta.get("points") == 0:
            checks[meta["grade_id"]] = "\n".join(
                o.get("text", "") or f"{o.get('ename')}: {o.get('evalue')}" for o in cell.outputs
            )
    return checks


def _validate(trip, path: Path) -> str:
    done = subprocess.run(
        [str(BIN / "nbgrader"), "validate", path.name],
        cwd=path.parent,
        env=trip.env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout + done.stderr


def test_students_check_their_work_locally_in_a_real_kernel(trip, tmp_path):
    """Does the released notebook's visible check, run in a real kernel as a student
    runs it and by `nbgrader validate`, fail the stub and a wrong answer and pass a
    correct one?"""
    released = trip.course / "release" / "calculus" / "mse_gradient.ipynb"
    check = "mse_gradient_example_mse_loss_and_grad"
    versions = {
        "stub": (None, "NotImplementedError"),
        "wrong": (lambda k: _mutant(k, "missing_factor_2"), "the example gives another result"),
        "correct": (_reference, "the example works"),
    }
    for name, (make, expected) in versions.items():
        path = _with_solution(released, make, "calculus/mse_gradient", tmp_path / name)
        printed = _run_as_student(trip, path)[check]
        assert expected in printed, f"{name}: {printed}"
        validation = _validate(trip, path)
        if name == "correct":
            assert "Success! Your notebook passes all the tests." in validation, validation
        else:
            assert "VALIDATION FAILED" in validation and check not in validation, validation
            assert expected in validation, validation


def test_a_kata_runs_the_students_own_earlier_katas_in_a_real_kernel(trip, tmp_path):
    """Does a kata that builds on earlier ones run the student's own solutions of them,
    from their notebooks beside it, and say which notebook is missing otherwise?"""
    dependent = next(k for k in trip.katas if read_kata(ROOT, k).imports)
    earlier = [slug for _, slug in read_kata(ROOT, dependent).imports]
    released = trip.course / "release" / dependent.topic / f"{dependent.slug}.ipynb"
    kata = f"{dependent.topic}/{dependent.slug}"
    folder = tmp_path / "student" / dependent.topic
    path = _with_solution(released, _reference, kata, folder)
    function = read_kata(ROOT, dependent).functions[0][0]
    check = f"{dependent.slug}_example_{function}"
    missing = _run_as_student(trip, path)[check]
    assert f"is your solution of {dependent.topic}/{earlier[0]}" in missing, missing
    # The student's solved earlier notebooks (here: the teacher's source notebooks).
    earlier_course = tmp_path / "earlier"
    selection = [arg for slug in earlier for arg in ("--kata", slug)]
    subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "nbgrader", "build", str(earlier_course), *selection],
        cwd=ROOT,
        env=trip.env,
        capture_output=True,
        check=True,
    )
    for notebook in (earlier_course / "source").glob("*/*.ipynb"):
        target = tmp_path / "student" / notebook.parent.name / notebook.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(notebook.read_bytes())
    assert "the example works" in _run_as_student(trip, path)[check]


def _stuck(kata: str) -> str:
    """The reference after a top-level loop that swallows every interrupt."""
    loop = "while True:\n    try:\n        while True:\n            pass\n"
    return loop + "    except KeyboardInterrupt:\n        pass\n\n\n" + _reference(kata)


def test_a_kernel_stuck_after_its_timeout_costs_one_cell(tmp_path):
    """Does a solution cell that ignores the interrupt sent at the cell timeout cost
    that cell (the kernel is replaced), while the next notebook is graded in full and
    the export says what happened?"""
    env = _kernel_env(tmp_path)
    course = tmp_path / "course"
    subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "nbgrader", "build", str(course)]
        + ["--kata", "mse_gradient", "--kata", "backprop_step"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=True,
    )
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write("c.Execute.timeout = 20\nc.KernelSafeExecute.responsive_timeout = 5\n")
    trip = RoundTrip(course, env, [])
    trip.nbgrader("generate_assignment", "calculus")
    trip.submit("stuck", "calculus", {"mse_gradient": _stuck, "backprop_step": _reference})
    trip.nbgrader("autograde", "calculus")
    trip.nbgrader("export")
    stuck = trip.cell_scores("stuck", "calculus", "mse_gradient")
    assert all(score == 0 for score, _ in stuck.values()), stuck
    after = trip.cell_scores("stuck", "calculus", "backprop_step")
    assert all(score == pytest.approx(possible) for score, possible in after.values()), after
    row = _export_rows(trip)[("calculus", "stuck")]
    assert row["notes"].startswith(
        "mse_gradient: mse_gradient_solution: the kernel did not finish this cell"
    ), row["notes"]
