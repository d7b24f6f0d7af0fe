"""A capstone as an nbgrader assignment, with the real nbgrader commands.

``mlkata nbgrader build`` puts ``capstones/fraud_threshold.ipynb`` into the
``capstones`` assignment beside its step katas' notebooks, with a locked first cell
that reads every kata it uses from the student's own notebooks. The course copy runs
top to bottom on the teacher's source notebooks (the references) and draws its
figures; the released copy holds no reference code and no mlkata import and, on the
released stubs, stops at the first step with one line; ``nbgrader autograde`` scores
the reference submission full marks and the stubs zero, the capstone notebook carrying
no points. Made with tests/test_nbgrader.py's helpers; skipped when nbgrader (the
``teacher`` extra) is not installed.
"""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip(
    "nbgrader", reason="nbgrader is not installed: pip install -e '.[teacher]' to run this test"
)
pytest.importorskip("matplotlib", reason="the capstones extra: pip install -e '.[capstones]'")

import nbclient  # noqa: E402 - after the skip
import nbformat  # noqa: E402

from mlkata.capstones.contents import read_capstone  # noqa: E402
from mlkata.engine.curriculum import load_curriculum  # noqa: E402
from mlkata.teach.source import katas_needed  # noqa: E402

pytestmark = [pytest.mark.xdist_group("nbgrader"), pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[1]
CAPSTONE = "fraud_threshold"
TOPIC = "capstones"


def _round_trip_helpers():
    """tests/test_nbgrader.py as a module: its course helpers (not its tests)."""
    path = Path(__file__).with_name("test_nbgrader.py")
    spec = importlib.util.spec_from_file_location("nbgrader_capstone_helpers", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


helpers = _round_trip_helpers()


@dataclass
class Course:
    trip: object  # helpers.RoundTrip
    steps: list  # the capstone's step katas (curriculum Kata objects)
    others: list  # (topic, slug) of the other katas it uses, with what they import


def _solution(notebook) -> nbformat.NotebookNode:
    (cell,) = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]
    return cell


def _execute(path: Path, env: dict) -> nbformat.NotebookNode:
    """Run the notebook at ``path`` in its folder; the executed notebook (errors kept)."""
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    import os

    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update({**env, "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
    try:
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return notebook


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    tmp = tmp_path_factory.mktemp("nbgrader-capstone")
    env = helpers._kernel_env(tmp)
    env["MPLCONFIGDIR"] = str(tmp / "mpl")
    capstone = read_capstone(ROOT / "capstones" / f"{CAPSTONE}.ipynb")
    keys = list(dict.fromkeys((u.topic, u.slug) for u in capstone.katas))
    needed = [(k.topic, k.slug) for k in katas_needed(ROOT, keys)]
    curriculum = load_curriculum(ROOT / "curriculum.toml")
    steps = [curriculum.get(slug) for topic, slug in needed if topic == TOPIC]
    course_dir = tmp / "course"
    selection = [arg for _, slug in needed for arg in ("--kata", slug)]
    built = subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "nbgrader", "build", str(course_dir), *selection],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    assert f"wrote: {course_dir / 'source' / TOPIC / f'{CAPSTONE}.ipynb'}" in built.stdout
    trip = helpers.RoundTrip(course_dir, env, steps)
    trip.nbgrader("generate_assignment", TOPIC)
    others = [key for key in needed if key[0] != TOPIC]
    return Course(trip, steps, others)


def test_the_course_copy_runs_on_the_students_own_notebooks_and_draws(course):
    """Does the capstone, in the course's source folder, take every kata from the
    notebooks beside it (here the teacher's, which hold the references) and draw its
    figures, with no error?"""
    notebook = _execute(
        course.trip.course / "source" / TOPIC / f"{CAPSTONE}.ipynb", course.trip.env
    )
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors[0]
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 3
    first = notebook.cells[next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")]
    assert first.metadata["nbgrader"]["locked"] and "_your_kata(" in first.source


def test_the_release_holds_no_reference_and_stops_at_the_first_unfinished_step(course):
    """Has the released capstone no mlkata import and no kata's reference code, and does
    it stop on the released stubs with one line naming the notebook to solve?"""
    released = course.trip.course / "release" / TOPIC / f"{CAPSTONE}.ipynb"
    text = released.read_text(encoding="utf-8")
    cells = nbformat.reads(text, as_version=4).cells
    assert not any("mlkata" in c.source for c in cells)  # no import, no command to run
    for kata in course.steps:
        reference = _solution(
            nbformat.read(course.trip.course / "source" / TOPIC / f"{kata.slug}.ipynb", 4)
        )
        body = reference.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
        assert body.strip() and body.strip() not in text
    notebook = _execute(released, course.trip.env)
    errors = [
        o
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    first_step = course.steps[0].slug
    assert errors and errors[0].ename == "StepNotDone"
    assert errors[0].traceback == [
        f"finish {TOPIC}/{first_step} first: solve {first_step}.ipynb and run this notebook again"
    ]


def test_autograde_scores_the_reference_full_and_the_stubs_zero(course):
    """Does nbgrader give the reference submission every point of the step katas, the
    released stubs none, and the capstone notebook (no points) no trouble?"""
    trip = course.trip
    source = trip.course / "source" / TOPIC
    reference = {
        k.slug: (
            lambda kata, slug=k.slug: _solution(nbformat.read(source / f"{slug}.ipynb", 4)).source
        )
        for k in course.steps
    }
    trip.submit("reference", TOPIC, reference)
    trip.submit("stubs", TOPIC, {k.slug: None for k in course.steps})
    for student in ("reference", "stubs"):
        released = trip.course / "release" / TOPIC / f"{CAPSTONE}.ipynb"
        submitted = trip.course / "submitted" / student / TOPIC / f"{CAPSTONE}.ipynb"
        submitted.write_bytes(released.read_bytes())
    trip.nbgrader("autograde", TOPIC)
    feedback = trip.nbgrader("generate_feedback", TOPIC)
    assert "WARNING" not in feedback.stdout + feedback.stderr  # no figure drawn, no noise
    trip.nbgrader("export")
    with open(trip.course / "grades.csv", newline="", encoding="utf-8") as file:
        rows = {row["student_id"]: row for row in csv.DictReader(file)}
    full = sum(k.points for k in course.steps)
    assert float(rows["reference"]["score"]) == float(rows["reference"]["max_score"]) == full
    assert float(rows["stubs"]["score"]) == 0
    assert trip.cell_scores("reference", TOPIC, CAPSTONE) == {}
