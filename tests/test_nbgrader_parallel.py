"""``mlkata nbgrader autograde --jobs N`` gives the scores of a serial ``nbgrader autograde``.

One course (two katas of ``calculus``) gets four submissions with different outcomes:
the reference solutions, the released stubs, mutants, a syntax error. It is copied
twice: ``nbgrader autograde calculus`` grades one copy, ``python -m mlkata.cli nbgrader
autograde calculus --jobs 2`` the other; the two gradebooks and ``nbgrader export``'s
CSV files must agree student by student, notebook by notebook, cell by cell. Further
copies prove a re-run, ``--student``, a student nbgrader cannot grade, Ctrl-C and the
one-line errors. The course and its submissions are made with tests/test_nbgrader.py's
helpers. Skipped when nbgrader (the ``teacher`` extra) is not installed.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip(
    "nbgrader", reason="nbgrader is not installed: pip install -e '.[teacher]' to run this test"
)

pytestmark = [pytest.mark.xdist_group("nbgrader"), pytest.mark.timeout(900)]

STUDENTS = ["broken", "mutant", "reference", "stubs"]
KATAS = ["mse_gradient", "backprop_step"]
COURSE_ID = "course"  # nbgrader build names it after the course's folder


def _round_trip_helpers():
    """tests/test_nbgrader.py as a module: its course helpers (not its tests)."""
    path = Path(__file__).with_name("test_nbgrader.py")
    spec = importlib.util.spec_from_file_location("nbgrader_round_trip_helpers", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


helpers = _round_trip_helpers()


@dataclass
class Courses:
    """The course before grading, and the two copies graded serially and in parallel."""

    base: Path
    serial: Path
    parallel: Path
    env: dict
    graded: subprocess.CompletedProcess  # the parallel run

    def copy(self, name: str, of: Path | None = None) -> Path:
        copy = self.base.parent / name
        shutil.copytree(of or self.base, copy)
        return copy


def _mlkata(course: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "nbgrader", "autograde", *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _nbgrader(course: Path, env: dict, *args: str) -> None:
    helpers.RoundTrip(course, env, []).nbgrader(*args)


@pytest.fixture(scope="module")
def courses(tmp_path_factory: pytest.TempPathFactory) -> Courses:
    tmp = tmp_path_factory.mktemp("nbgrader-parallel")
    env = helpers._kernel_env(tmp)
    base = tmp / COURSE_ID
    selection = [arg for slug in KATAS for arg in ("--kata", slug)]
    built = subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "nbgrader", "build", str(base), *selection],
        cwd=helpers.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    trip = helpers.RoundTrip(base, env, [])
    trip.nbgrader("generate_assignment", "calculus")
    trip.submit("reference", "calculus", dict.fromkeys(KATAS, helpers._reference))
    trip.submit("stubs", "calculus", dict.fromkeys(KATAS, None))
    trip.submit("mutant", "calculus", dict.fromkeys(KATAS, helpers._mutant_cell))
    trip.submit("broken", "calculus", {"mse_gradient": helpers._broken, "backprop_step": None})
    serial, parallel = tmp / "serial", tmp / "parallel"
    shutil.copytree(base, serial)
    shutil.copytree(base, parallel)
    _nbgrader(serial, env, "autograde", "calculus")
    graded = _mlkata(parallel, env, "calculus", "--jobs", "2")
    assert graded.returncode == 0, f"{graded.stdout}\n{graded.stderr}"
    for course in (serial, parallel):
        _nbgrader(course, env, "export")
    return Courses(base, serial, parallel, env, graded)


def _gradebook(course: Path) -> dict[str, dict]:
    """Everything autograde writes in the gradebook, keyed by student, notebook, cell."""
    from nbgrader.api import Gradebook

    contents: dict[str, dict] = {"students": {}, "submissions": {}, "notebooks": {}}
    contents.update(grades={}, comments={})
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", COURSE_ID) as gradebook:
        for submission in gradebook.assignment_submissions("calculus"):
            who = submission.student
            contents["students"][who.id] = (
                who.first_name,
                who.last_name,
                who.email,
                who.lms_user_id,
            )
            contents["submissions"][who.id] = (submission.timestamp, submission.extension)
            for notebook in submission.notebooks:
                key = (who.id, notebook.name)
                contents["notebooks"][key] = (notebook.late_submission_penalty, notebook.flagged)
                for grade in notebook.grades:
                    contents["grades"][(*key, grade.name)] = (
                        grade.auto_score,
                        grade.max_score,
                        grade.needs_manual_grade,
                        grade.manual_score,
                        grade.extra_credit,
                    )
                for comment in notebook.comments:
                    contents["comments"][(*key, comment.name)] = (
                        comment.auto_comment,
                        comment.manual_comment,
                    )
    return contents


def _exported(course: Path) -> dict[str, tuple[float, float]]:
    with open(course / "grades.csv", encoding="utf-8", newline="") as f:
        return {
            row["student_id"]: (float(row["score"]), float(row["max_score"]))
            for row in csv.DictReader(f)
            if row["assignment"] == "calculus"
        }


def _score(contents: dict, student: str) -> tuple[float, float]:
    cells = [v for (who, _, _), v in contents["grades"].items() if who == student]
    return sum(v[0] for v in cells), sum(v[1] for v in cells)


def test_the_students_have_different_outcomes(courses):
    """Are the submissions graded as expected, so that comparing them means something?"""
    contents = _gradebook(courses.parallel)
    assert sorted(contents["students"]) == STUDENTS
    assert {nb for _, nb in contents["notebooks"]} == set(KATAS)
    full, possible = _score(contents, "reference")
    assert possible > 0 and full == pytest.approx(possible)
    assert _score(contents, "stubs")[0] == 0
    assert 0 < _score(contents, "mutant")[0] < possible
    assert _score(contents, "broken")[0] < possible


def test_every_cell_scores_as_in_the_serial_run(courses):
    """Same auto_score, max_score, needs_manual_grade, comments and submission times?"""
    serial, parallel = _gradebook(courses.serial), _gradebook(courses.parallel)
    for table in ("students", "submissions", "notebooks", "grades", "comments"):
        assert serial[table], f"the serial run wrote no {table}"
        assert set(parallel[table]) == set(serial[table]), table
        for key, value in serial[table].items():
            assert parallel[table][key] == value, f"{table} {key}"


def test_exported_grades_are_the_serial_ones(courses):
    """Does ``nbgrader export`` give each student the same score and maximum?"""
    serial = _exported(courses.serial)
    assert sorted(serial) == STUDENTS
    assert _exported(courses.parallel) == serial


def test_autograded_notebooks_are_written_in_the_course(courses):
    """Does every student get nbgrader's autograded notebooks, as in the serial run?"""

    def notebooks(course: Path) -> set[str]:
        return {str(p.relative_to(course)) for p in (course / "autograded").glob("*/*/*.ipynb")}

    assert notebooks(courses.parallel) == notebooks(courses.serial)
    assert len(notebooks(courses.serial)) == len(STUDENTS) * len(KATAS)


def test_progress_is_a_line_per_student_then_a_summary(courses):
    *progress, summary = courses.graded.stdout.splitlines()
    told = [re.fullmatch(r"graded (\w+) \((\d) of 4\)", line) for line in progress]
    assert all(told), progress
    assert sorted(match[1] for match in told) == STUDENTS
    assert [match[2] for match in told] == ["1", "2", "3", "4"]
    assert summary.startswith("graded 4 of 4 students of calculus, 0 failed; ")
    assert summary.endswith(" s with 2 workers")
    assert "Traceback" not in courses.graded.stderr


def _submissions(course: Path) -> list[str]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", COURSE_ID) as gradebook:
        return sorted(s.student.id for s in gradebook.assignment_submissions("calculus"))


def _mark_by_hand(course: Path, student: str) -> str:
    """A teacher's touches in the gradebook: a name, an extension (nbgrader needs a due
    date then), a manual score (on a cell whose name is returned)."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", COURSE_ID) as gradebook:
        gradebook.update_or_create_assignment("calculus", duedate=datetime(2030, 1, 1))
        gradebook.update_or_create_student(student, first_name="Sam")
        gradebook.grant_extension("calculus", student, days=2)
        notebook = gradebook.find_submission_notebook("mse_gradient", "calculus", student)
        grade = next(g for g in notebook.grades if g.max_score > 0)  # not the visible check
        grade.manual_score = 1.5
        gradebook.db.commit()
        return grade.name


def test_a_resubmission_replaces_the_earlier_result(courses):
    """Is a student who submitted again graded again (the others skipped, as nbgrader
    skips them), their earlier submission replaced, not duplicated, with what the
    teacher gave by hand kept, as nbgrader keeps it?"""
    course = courses.copy("resubmitted", of=courses.parallel)
    marked = _mark_by_hand(course, "stubs")
    helpers.RoundTrip(course, courses.env, []).submit(
        "stubs", "calculus", dict.fromkeys(KATAS, helpers._reference)
    )
    (course / "submitted" / "stubs" / "calculus" / "timestamp.txt").write_text(
        "2026-01-02 12:00:00 UTC", encoding="utf-8"
    )
    before = _gradebook(course)
    rerun = _mlkata(course, courses.env, "calculus", "--jobs", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert "graded stubs (" in rerun.stdout
    skipped = [line for line in rerun.stdout.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 3, rerun.stdout
    after = _gradebook(course)
    assert _submissions(course) == STUDENTS
    full, possible = _score(after, "stubs")
    assert full == pytest.approx(possible) and _score(before, "stubs")[0] == 0
    assert str(after["submissions"]["stubs"][0]) == "2026-01-02 12:00:00"
    unchanged = [s for s in STUDENTS if s != "stubs"]
    assert [_score(after, s) for s in unchanged] == [_score(before, s) for s in unchanged]
    auto_score, _, needs_manual_grade, manual_score, _ = after["grades"][
        ("stubs", "mse_gradient", marked)
    ]
    assert auto_score > 0 and manual_score == 1.5 and needs_manual_grade
    assert after["submissions"]["stubs"][1] == timedelta(days=2)
    assert after["students"]["stubs"][0] == "Sam"


def test_student_grades_only_that_student(courses):
    course = courses.copy("one-student")
    done = _mlkata(course, courses.env, "calculus", "--student", "mutant", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "graded mutant (1 of 1)"
    assert "with 1 worker" in done.stdout.splitlines()[-1]
    assert _submissions(course) == ["mutant"]
    assert sorted(p.name for p in (course / "autograded").iterdir()) == ["mutant"]
    assert _gradebook(course)["grades"] == {
        key: value
        for key, value in _gradebook(courses.serial)["grades"].items()
        if key[0] == "mutant"
    }


def test_a_student_nbgrader_cannot_grade_is_named_and_the_others_merged(courses):
    course = courses.copy("unreadable")
    folder = course / "submitted" / "unreadable" / "calculus"
    shutil.copytree(course / "submitted" / "reference" / "calculus", folder)
    (folder / "mse_gradient.ipynb").write_text("{not a notebook", encoding="utf-8")
    done = _mlkata(course, courses.env, "calculus", "--student", "unreadable", "--student", "stubs")
    assert done.returncode == 1, done.stdout
    failed = [line for line in done.stdout.splitlines() if line.startswith("failed ")]
    assert len(failed) == 1
    assert failed[0].startswith("failed unreadable (")
    assert "NotJSONError: Notebook does not appear to be JSON" in failed[0]
    assert "graded stubs (" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("graded 1 of 2 students of calculus, 1 failed")
    assert "nbgrader's log for unreadable:" in done.stderr
    assert _submissions(course) == ["stubs"]
    assert not (course / "autograded" / "unreadable" / "calculus").exists()  # as nbgrader does


@pytest.mark.skipif(os.name != "posix", reason="a Ctrl-C is sent as SIGINT to a process group")
def test_ctrl_c_stops_the_workers_and_leaves_the_gradebook_as_it_was(courses):
    """Does Ctrl-C (SIGINT to the command's process group, as a terminal sends it)
    end the command with status 130, no submission merged, no autograded notebook left
    that the gradebook does not hold?"""
    course = courses.copy("interrupted")
    helpers.RoundTrip(course, courses.env, []).submit(
        "looping", "calculus", {"mse_gradient": helpers._looping, "backprop_step": None}
    )
    command = [sys.executable, "-m", "mlkata.cli", "nbgrader", "autograde", "calculus"]
    process = subprocess.Popen(
        [*command, "--jobs", "2", "--student", "looping", "--student", "stubs"],
        cwd=course,
        env=courses.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    first = process.stdout.readline()
    assert first.startswith("graded stubs ("), first  # "looping" takes 6 s or more
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, f"{first}{out}\n{err}"
    assert out.startswith("interrupted: the gradebook is unchanged")
    assert "Traceback" not in out + err
    assert _submissions(course) == []
    assert list(course.glob("autograded/*/*/*.ipynb")) == []


def _error(course: Path, env: dict, *args: str) -> str:
    done = _mlkata(course, env, *args)
    assert done.returncode == 2, done.stdout
    assert "Traceback" not in done.stderr
    return done.stderr.splitlines()[0]


def test_bad_input_is_one_line(courses, tmp_path):
    env = courses.env
    assert _error(tmp_path, env, "calculus") == (
        f"mlkata: {tmp_path.resolve()} is not an nbgrader course (no nbgrader_config.py): run this "
        "in the course folder, or give it with --course"
    )
    base = courses.base
    assert _error(base, env, "calculus", "--jobs", "0") == "mlkata: --jobs must be 1 or more, not 0"
    assert _error(tmp_path, env, "algebra", "--course", str(base)) == (
        f"mlkata: unknown assignment algebra: {base / 'source' / 'algebra'} does not exist"
    )
    (courses.copy("new-topic") / "source" / "algebra").mkdir()
    assert _error(base.parent / "new-topic", env, "algebra") == (
        "mlkata: algebra is not in the gradebook: run `nbgrader generate_assignment algebra` first"
    )
    assert _error(base, env, "calculus", "--student", "nobody") == (
        f"mlkata: no submission of calculus by nobody in {base / 'submitted' / '*' / 'calculus'}"
    )


def test_without_nbgrader_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    from mlkata.teach.errors import CourseError
    from mlkata.teach.parallel import autograde_in_parallel

    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "nbgrader", None)  # `import nbgrader` fails
    with pytest.raises(CourseError) as raised:
        autograde_in_parallel(tmp_path, "calculus", jobs=2)
    assert str(raised.value) == (
        "nbgrader is not installed: install the teacher extra, pip install 'mlkata[teacher]'"
    )
